"""One name for one idea: the public names of the four capabilities never clash."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGES = ("ocop.budget", "ocop.rating", "ocop.cycle", "ocop.plan")
CLI = Path(__file__).resolve().parents[1] / "src" / "ocop" / "cli"


def test_no_name_is_exported_by_two_packages_for_different_objects() -> None:
    owners: dict[str, list[tuple[str, object]]] = {}
    for name in PACKAGES:
        module = importlib.import_module(name)
        for public in module.__all__:
            owners.setdefault(public, []).append((name, getattr(module, public)))
    clashes = {
        public: [pkg for pkg, _ in found]
        for public, found in owners.items()
        if len({id(obj) for _, obj in found}) > 1
    }
    assert clashes == {}
    # The same object may be re-exported where both capabilities need it.
    assert owners["Certificate"][0][1] is owners["Certificate"][1][1]


@pytest.mark.parametrize(
    "gone",
    [
        "ocop.cycle.Plan",  # the timetable is ocop.cycle.Timetable; a plan is ocop.plan.Plan
        "ocop.cycle.Assessment",  # ocop.cycle.CouncilResult; ocop.rating.Assessment
        "ocop.cycle.Ground",  # ocop.certificates.RevocationGround
        "ocop.cycle.format_score",  # ocop.scores.format_score
        "ocop.rating.format_score",
        "ocop.rating.recognise",  # ocop.rating.recognize
        "ocop.budget.quang_tri_2019",  # ocop.budget.quang_tri_2019_budget
    ],
)
def test_the_second_names_are_gone(gone: str) -> None:
    module, _, name = gone.rpartition(".")
    assert not hasattr(importlib.import_module(module), name)


def test_the_command_line_uses_only_what_the_packages_export() -> None:
    bad = []
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.module is None:
                continue
            parts = node.module.split(".")
            if len(parts) > 2 and f"{parts[0]}.{parts[1]}" in PACKAGES:
                bad.append(f"{path.name}: from {node.module} import …")
    assert bad == []

"""The shipped criteria data and pages are exactly what the scripts in ``scripts/`` produce."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from helpers import ROOT, SHARED, needs_shared

DATA = ROOT / "src" / "ocop" / "rating" / "data"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _shipped(alias: str) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((DATA / alias).iterdir())}


@needs_shared
@pytest.mark.parametrize(
    ("script", "alias"),
    [
        ("build_criteria_26_2026", "26-2026"),
        ("build_criteria_148_2023", "148-2023"),
        ("build_criteria_1048_2019", "1048-2019"),
    ],
)
def test_shipped_data_equals_what_the_script_produces(script: str, alias: str) -> None:
    produced = _script(script).build(SHARED)
    shipped = _shipped(alias)
    assert sorted(produced) == sorted(shipped)
    stale = [name for name in produced if produced[name] != shipped[name]]
    assert stale == [], f"regenerate with: python scripts/{script}.py"


@needs_shared
def test_the_26_2026_script_reports_the_irregular_text() -> None:
    b26 = _script("build_criteria_26_2026")
    lines = b26.warnings(b26.build(SHARED))
    assert len(lines) == 47  # with the two print slips (sheets 7 and 23)
    assert (
        "sheet-26.json: part A: the heading says (35 Điểm) but the score column says 40; the "
        "column is used: it matches the sum of the part's groups and the decision's maxima "
        "(A 40 / B 25 / C 35)"
    ) in lines
    assert any(line.startswith("sheet-04.json: 7: option 3 ") for line in lines)
    assert not [line for line in lines if line.endswith("[UNRESOLVED]")]


@needs_shared
def test_the_148_script_finds_the_transcription_defects() -> None:
    b148 = _script("build_criteria_148_2023")
    lines = b148.warnings(b148.build(SHARED))
    unresolved = [line for line in lines if line.endswith("[UNRESOLVED]")]
    assert len(unresolved) == 30
    assert sum("found by validation" in line for line in unresolved) == 4
    assert sum("mark is printed on the criterion's title" in line for line in unresolved) == 26
    letters = [line for line in lines if "is the letter" in line]
    assert [line.split(":")[0] for line in letters] == ["sheet-17.json", "sheet-18.json"]


def test_the_criteria_pages_are_up_to_date() -> None:
    pages = _script("build_criteria_docs").build()
    docs = ROOT / "docs" / "criteria"
    assert sorted(pages) == sorted(p.name for p in docs.iterdir())
    stale = [n for n, text in pages.items() if (docs / n).read_text(encoding="utf-8") != text]
    assert stale == [], "regenerate with: python scripts/build_criteria_docs.py"

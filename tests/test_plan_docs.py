"""The plan's tutorial shows what the commands really print, from files that are current."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import ROOT, TUTORIALS
from ocop.cli import main
from ocop.plan import load_plan, progress, simulate

PAGE = TUTORIALS / "write-a-plan.md"


def test_the_tutorial_files_are_on_the_page() -> None:
    page = PAGE.read_text("utf-8")
    for name in ("plan-2026.toml", "plan-with-mistakes.toml"):
        assert (TUTORIALS / name).read_text("utf-8").rstrip("\n") in page


def test_the_tutorial_log_is_what_simulate_writes() -> None:
    sim = simulate(province="Hà Tĩnh", products=30, year=2026, seed=7)
    assert (TUTORIALS / "plan-2026-events.jsonl").read_text("utf-8") == sim.jsonl()


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["plan", "check", "docs/tutorials/plan-2026.toml"], 0),
        (["plan", "check", "docs/tutorials/plan-with-mistakes.toml"], 1),
        (
            [
                "report",
                "docs/tutorials/plan-2026.toml",
                "--events",
                "docs/tutorials/plan-2026-events.jsonl",
                "--on",
                "2026-09-30",
            ],
            0,
        ),
        (
            [
                "report",
                "docs/tutorials/plan-2026.toml",
                "--events",
                "docs/tutorials/plan-2026-events.jsonl",
            ],
            0,
        ),
    ],
)
def test_the_tutorial_commands_print_what_the_page_shows(
    argv: list[str],
    status: int,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = PAGE.read_text("utf-8")
    monkeypatch.chdir(ROOT)  # the tutorial runs from the repository root
    assert main(argv) == status
    out, err = capsys.readouterr()
    lines = (out + err).splitlines()
    if argv[0] == "report" and "--on" not in argv:
        lines = lines[6:13]
    for line in lines:
        assert line in page, line


def test_the_tutorial_python_prints_what_the_page_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the tutorial runs from the repository root
    plan = load_plan("docs/tutorials/plan-2026.toml").value
    assert plan is not None
    p = progress(plan, on=dt.date(2026, 9, 30))
    shown = "\n".join(f"{t.target.id} {t.actual} {t.status.value}" for t in p.targets)
    assert f"```text\n{shown}\n```" in PAGE.read_text("utf-8")

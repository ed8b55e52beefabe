"""The cycle tutorial quotes what ``ocop cycle replay`` really prints, in both languages."""

from __future__ import annotations

import pytest

from helpers import ROOT
from ocop.cli import main

PAGE = ROOT / "docs" / "tutorials" / "follow-a-product.md"


def _block_after(page: str, command: str) -> list[str]:
    """The lines a ``console`` block shows after ``$ command``, up to the next prompt."""
    lines = page.split(f"$ {command}\n", 1)[1].split("\n")
    out = []
    for line in lines:
        if line.startswith(("$ ", "```")):
            break
        out.append(line)
    return out


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize(
    ("lang", "command"),
    [
        ((), "ocop cycle replay docs/tutorials/follow-a-product.jsonl --format table"),
        (
            ("--lang", "en"),
            "ocop cycle replay docs/tutorials/follow-a-product.jsonl --format table --lang en"
            " 2>/dev/null",
        ),
    ],
)
def test_the_tutorial_shows_the_real_replay_table(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: tuple[str, ...],
    command: str,
) -> None:
    monkeypatch.chdir(ROOT)
    path = "docs/tutorials/follow-a-product.jsonl"
    status = main(["cycle", "replay", path, "--format", "table", *lang])
    out, err = capsys.readouterr()
    assert status == 1
    shown = out.splitlines() + ([] if lang else err.splitlines())
    assert _block_after(PAGE.read_text("utf-8"), command) == shown

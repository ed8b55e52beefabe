"""A mark printed on a criterion's title (148/QĐ-TTg "Sở hữu trí tuệ****") is never judged
silently: the rating warns when the product is classed at or above the mark's level."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocop.cli import main
from ocop.rating import get_criteria_set


def assessment(tmp_path: Path, *, best: bool) -> Path:
    sheet = get_criteria_set("148-2023").sheet(7)
    choices = {c.code: (len(c.options) if best else 1) for c in sheet.criteria}
    choices["3.6"] = None  # the criterion whose title carries the 4★ mark: not met
    doc = {
        "criteria": "148-2023",
        "sheet": 7,
        "product": "P",
        "members": [{"name": f"M{i}", "choices": choices} for i in range(3)],
    }
    f = tmp_path / "a.json"
    f.write_text(json.dumps(doc), "utf-8")
    return f


def test_title_mark_is_flagged_when_the_stars_reach_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = get_criteria_set("148-2023").sheet(7)
    assert sheet.criterion("3.6").title_stars == 4
    code = main(["rate", str(assessment(tmp_path, best=True)), "--format", "json"])
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert (code, data["stars"]) == (0, 5)
    assert "[rating.title_mark]" in err
    assert "criterion 3.6 (Sở hữu trí tuệ) carries a 4★ mark on its title" in err


def test_no_warning_below_the_marks_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["rate", str(assessment(tmp_path, best=False)), "--format", "json"])
    out, err = capsys.readouterr()
    assert json.loads(out)["stars"] < 4
    assert "rating.title_mark" not in err + out

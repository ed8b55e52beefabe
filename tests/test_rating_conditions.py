"""Conditional marks, the sheets that cannot reach 100, and the print slips, as the law reads.

Fixtures: ``tests/data/rate-*.json`` (a sheet-21 handicraft scoring 96 without criterion 7's
mark, with the condition stated and not; 148 sheet 11, which reaches 97).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocop.cli import main
from ocop.rating import (
    CONDITIONS,
    Assessment,
    ScoreSheet,
    assessment_from_json,
    get_criteria_set,
    rate,
)

DATA = Path(__file__).parent / "data"


def rated(name: str) -> tuple[int | None, list[str]]:
    text = (DATA / name).read_text(encoding="utf-8")
    loaded = assessment_from_json(json.loads(text), file=name)
    assert loaded.value is not None, loaded.problems
    assessment, rules = loaded.value
    result = rate(assessment, rules)
    stars = None if result.value is None else result.value.stars
    return stars, [p.code for p in result.problems]


def test_a_handicraft_that_need_not_declare_its_quality_is_5_stars() -> None:
    # 26/2026 sheet 21 criterion 7: "Áp dụng bắt buộc đối với các sản phẩm phải công bố
    # chất lượng…; khuyến khích các sản phẩm còn lại". Before: 2★ (the 3★ mark applied).
    assert rated("rate-sheet21-handicraft-96.json") == (5, [])


def test_unstated_the_condition_keeps_the_mark_and_says_so() -> None:
    stars, codes = rated("rate-sheet21-handicraft-96-unstated.json")
    assert (stars, codes) == (2, ["rating.condition"])


def test_the_condition_stated_as_holding_keeps_the_mark() -> None:
    doc = json.loads((DATA / "rate-sheet21-handicraft-96.json").read_text(encoding="utf-8"))
    doc["conditions"] = {"quality_declaration_required": True}
    loaded = assessment_from_json(doc)
    assert loaded.value is not None
    result = rate(*loaded.value)
    assert result.value is not None
    assert (result.value.stars, result.problems) == (2, ())


def test_an_unknown_condition_is_refused_where_it_is() -> None:
    sheet = get_criteria_set("26-2026").sheet(21)
    best = {c.code: len(c.options) for c in sheet.criteria}
    a = Assessment(
        sheet=sheet,
        members=(ScoreSheet(member="A", choices=best),),
        conditions={"organic": True},
    )
    result = rate(a)
    assert [(p.code, p.where.path) for p in result.problems] == [
        ("rating.condition", '$.conditions["organic"]')
    ]


def test_every_conditional_text_of_every_sheet_is_a_known_condition() -> None:
    # A criterion whose printed text makes it conditional ("Áp dụng…", "Chỉ áp dụng…") has a
    # Condition the assessment can state; "Lựa chọn một trong hai trường hợp" is answered by
    # the option chosen (Option.case).
    found: set[tuple[str, int, str]] = set()
    for cs_id in ("148-2023", "26-2026"):
        cs = get_criteria_set(cs_id)
        for n in cs.sheet_titles:
            for c in cs.sheet(n).criteria:
                for text in c.conditions + c.notes:
                    if text.startswith(("Áp dụng", "Chỉ áp dụng")):
                        assert c.condition is not None, (cs_id, n, c.code, text)
                        found.add((cs_id, n, c.condition.key))
    assert ("26-2026", 21, "quality_declaration_required") in found
    assert {key for _, _, key in found} == {c.key for c in CONDITIONS}


@pytest.mark.parametrize(("number", "best"), [(7, 99), (11, 97), (12, 97), (13, 98)])
def test_the_148_sheets_that_cannot_reach_100(number: int, best: int) -> None:
    sheet = get_criteria_set("148-2023").sheet(number)
    assert (sheet.max, sheet.attainable) == (100, best)


def test_rating_on_148_sheet_11_warns(capsys: pytest.CaptureFixture[str]) -> None:
    _, codes = rated("rate-148-sheet11.json")
    assert "rating.sheet_max" in codes
    assert main(["rate", str(DATA / "rate-148-sheet11.json")]) == 0
    err = capsys.readouterr().err
    assert "148/QĐ-TTg sheet 11 reaches at most 97 points, not the 100" in err


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("number", [7, 11, 12, 13])
def test_criteria_show_prints_no_total_of_100_for_them(
    number: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["criteria", "show", "148-2023", str(number)]) == 0
    out = capsys.readouterr().out
    assert "Tổng: 100" not in out
    assert "Tổng tối đa đạt được" in out
    assert main(["criteria", "show", "148-2023", "10"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("Tổng: 100")


@pytest.mark.parametrize(("number", "code"), [(7, "3.1"), (23, "6.2")])
def test_the_print_slips_carry_a_source_note(number: int, code: str) -> None:
    sheet = get_criteria_set("26-2026").sheet(number)
    notes = [n for n in sheet.source_notes if n.where == code]
    assert len(notes) == 1
    assert "read as printed" in notes[0].text
    points = [o.points for o in sheet.criterion(code).options]
    assert points == ([1, 1, 3] if number == 7 else [1, 1, 3, 5])

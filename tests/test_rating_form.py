"""The scoring sheet as a printed form and as a council's workbook, and ``rate book.xlsx``."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop.cli import main
from ocop.errors import OcopInputError, OcopValueError
from ocop.rating import get_criteria_set, rate_json
from ocop.rating.criteria import Sheet
from ocop.rating.form import sheet_form_html
from ocop.rating.workbook import (
    AGREED_TAB,
    GUIDE_TAB,
    assessment_from_workbook,
    member_tab,
    rate_workbook,
    scoring_workbook,
)

SHEET_1 = get_criteria_set("26-2026").sheet(1)

#: Sheets of every shape: plain, with a sub-heading (tea), scored groups, two cases (tourism),
#: and the older decisions.
SHEETS = [
    ("26-2026", 1),
    ("26-2026", 5),
    ("26-2026", 13),
    ("26-2026", 26),
    ("148-2023", 1),
    ("1048-2019", 1),
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- the printed form -------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "number"), SHEETS)
def test_the_form_prints_every_option_with_its_box_points_and_mark(key: str, number: int) -> None:
    sheet = get_criteria_set(key).sheet(number)
    page = sheet_form_html(sheet)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="vi">' in page
    sections = re.findall(r'<section class="criterion" data-code="([^"]+)">(.*?)</section>', page)
    assert [code for code, _ in sections] == [c.code for c in sheet.criteria]
    for (_, body), crit in zip(sections, sheet.criteria, strict=True):
        options = re.findall(
            r'<div class="option"><div class="num">(\d+)</div><div class="text"><span '
            r'class="box"></span><span>(.*?)</span></div><div class="pts">(\d+)</div><div>'
            r'</div><div class="mark">(\**)</div></div>',
            body,
        )
        assert [(int(n), int(p), len(m) or None) for n, _, p, m in options] == [
            (o.number, o.points, o.stars) for o in crit.options
        ]
    for ground in sheet.rejection_grounds:
        assert ground.replace('"', "&quot;") in page.replace("&#x27;", "'")
    assert "Hồ sơ bị loại khi:" in page if sheet.rejection_grounds else True
    assert "(Ký, ghi rõ họ tên)" in page
    assert "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao." in page


def test_the_print_css_keeps_a_criterion_on_one_page() -> None:
    page = sheet_form_html(SHEET_1)
    assert "@page { size: A4;" in page
    assert re.search(r"\.criterion \{[^}]*break-inside: avoid", page)


def test_one_copy_a_member_each_on_its_own_page() -> None:
    page = sheet_form_html(SHEET_1, members=3)
    assert page.count('<article class="form">') == 3
    assert [f"Thành viên Hội đồng số {k}" in page for k in (1, 2, 3)] == [True] * 3
    assert ".form { break-after: page; }" in page
    with pytest.raises(OcopValueError):
        sheet_form_html(SHEET_1, members=0)


def test_text_from_the_data_is_escaped() -> None:
    page = sheet_form_html(SHEET_1)
    # "<51%" is printed in option 2 of 3.1.
    assert "&lt;51%" in page
    assert "<51%" not in page


@pytest.mark.skipif(
    not (shutil.which("chromium") and shutil.which("pdftotext")),
    reason="headless Chromium and poppler-utils (pdftotext) are not installed",
)
def test_the_form_prints_to_pdf_in_headless_chromium(tmp_path: Path) -> None:
    html = tmp_path / "f.html"
    html.write_text(sheet_form_html(SHEET_1), encoding="utf-8")
    pdf = tmp_path / "f.pdf"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")
    assert 4 <= len([p for p in pages if p.strip()]) <= 10
    assert "PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP" in pages[0]
    assert "(Ký, ghi rõ họ tên)" in text
    # No criterion is split: each criterion's code and its last option are on one page.
    for crit in SHEET_1.criteria:
        last = crit.options[-1].text.split()[:4]
        on = [i for i, p in enumerate(pages) if " ".join(last) in " ".join(p.split())]
        assert on, crit.code


# --- the workbook -----------------------------------------------------------------------------


def open_form(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def rows_of(ws: Any) -> dict[str, int]:
    return {
        str(ws.cell(r, 1).value): r
        for r in range(7, ws.max_row + 1)
        if ws.cell(r, 1).value not in (None, "")
    }


def fill(
    data: bytes,
    members: list[Mapping[str, int]],
    *,
    agreed: Mapping[str, int] | None = None,
    names: list[str] | None = None,
    chair: int | None = 0,
    product: str = "Bưởi da xanh",
) -> bytes:
    """Fill a form as a council would (here by a script, with openpyxl)."""
    book = open_form(data)
    book[GUIDE_TAB]["B6"] = product
    for k, choices in enumerate(members):
        ws = book[member_tab(k + 1)]
        rows = rows_of(ws)
        for code, option in choices.items():
            ws.cell(rows[code], 3).value = option
        ws["C3"] = names[k] if names else f"Thành viên số {k + 1}"
        if chair == k:
            ws["C4"] = "x"
    if agreed is not None:
        ws = book[AGREED_TAB]
        rows = rows_of(ws)
        for code, option in agreed.items():
            ws.cell(rows[code], 3).value = option
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def document(
    sheet: Sheet,
    members: list[Mapping[str, int]],
    *,
    agreed: Mapping[str, int] | None = None,
    chair: int | None = 0,
    product: str = "Bưởi da xanh",
) -> dict[str, Any]:
    """The JSON assessment of the same answers."""
    doc: dict[str, Any] = {
        "criteria": sheet.criteria_set,
        "sheet": sheet.number,
        "product": product,
        "members": [
            {"name": f"Thành viên số {k + 1}", "chair": chair == k, "choices": dict(m)}
            for k, m in enumerate(members)
        ],
    }
    if agreed is not None:
        doc["agreed"] = dict(agreed)
    return doc


def choices_for(sheet: Sheet) -> st.SearchStrategy[dict[str, int]]:
    return st.fixed_dictionaries({c.code: st.integers(0, len(c.options)) for c in sheet.criteria})


def test_the_workbook_has_a_tab_per_member_one_for_the_council_and_a_guide() -> None:
    book = open_form(scoring_workbook(SHEET_1, members=3))
    assert book.sheetnames == [
        GUIDE_TAB,
        "Thành viên 1",
        "Thành viên 2",
        "Thành viên 3",
        "Hội đồng",
    ]
    guide = book[GUIDE_TAB]
    assert (guide["B3"].value, guide["B4"].value) == ("26/2026/QĐ-TTg", 1)
    ws = book["Thành viên 2"]
    rows = rows_of(ws)
    assert list(rows) == [c.code for c in SHEET_1.criteria]
    r = rows["1.5"]
    assert ws.cell(r, 5).value == 3
    assert ws.cell(r, 6).value == "**** từ PA 3; ***** từ PA 4"
    assert ws.cell(r, 4).value == f'=IF(C{r}="","",IFERROR(CHOOSE(C{r}+1,0,0,1,2,3),"?"))'
    assert "4. Có hợp đồng liên kết trên 75% sản lượng tiêu thụ và" in ws.cell(r, 7).value
    validations = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert any(f"C{r}" in ref.split() and f == '"0,1,2,3,4"' for ref, f in validations.items())
    total = next(row for row in range(r, ws.max_row + 1) if ws.cell(row, 2).value == "Tổng điểm")
    assert ws.cell(total, 4).value == f"=SUM(D{min(rows.values())}:D{max(rows.values())})"
    assert ws.protection.sheet
    assert not ws.cell(r, 3).protection.locked


@pytest.mark.parametrize(("key", "number"), SHEETS)
def test_a_filled_workbook_rates_as_the_json_of_the_same_answers(key: str, number: int) -> None:
    sheet = get_criteria_set(key).sheet(number)
    crits = sheet.criteria
    members = [
        {c.code: (i * 7 + k) % (len(c.options) + 1) for i, c in enumerate(crits)} for k in range(3)
    ]
    agreed = {c.code: len(c.options) for c in crits}
    data = fill(scoring_workbook(sheet, members=3), members, agreed=agreed)
    read = assessment_from_workbook(data, file="f.xlsx")
    assert read.problems == ()
    assert read.value == document(sheet, members, agreed=agreed)
    from_book = rate_workbook(data, file="f.xlsx")
    from_json = rate_json(document(sheet, members, agreed=agreed), file="f.xlsx")
    assert from_book.value is not None
    assert from_book.value == from_json.value
    assert [p.code for p in from_book.problems] == [p.code for p in from_json.problems]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), which=st.sampled_from(SHEETS), n=st.integers(1, 4))
def test_any_answers_read_back_as_written(data: st.DataObject, which: Any, n: int) -> None:
    sheet = get_criteria_set(which[0]).sheet(which[1])
    members = [data.draw(choices_for(sheet)) for _ in range(n)]
    agreed = data.draw(st.none() | choices_for(sheet))
    book = fill(scoring_workbook(sheet, members=n), members, agreed=agreed)
    read = assessment_from_workbook(book)
    assert read.value == document(sheet, members, agreed=agreed)
    rated = rate_workbook(book)
    assert rated.value == rate_json(document(sheet, members, agreed=agreed)).value


def full(sheet: Sheet, option: int = 1) -> dict[str, int]:
    return {c.code: min(option, len(c.options)) for c in sheet.criteria}


def test_problems_are_located_by_tab_and_cell() -> None:
    members = [full(SHEET_1), full(SHEET_1), full(SHEET_1)]
    members[2]["2.3"] = 5
    members[1]["1.2"] = "hai"  # type: ignore[assignment]
    del members[0]["1.4"]
    data = fill(scoring_workbook(SHEET_1, members=3), members)
    rows = rows_of(open_form(data)["Thành viên 3"])
    result = rate_workbook(data, file="f.xlsx")
    assert result.value is None
    assert [p.render() for p in result.problems] == [
        f"f.xlsx: Thành viên 1!C{rows['1.4']}: no option chosen for 1.4: choose its option, or 0 "
        "when none is met [rating.unfilled]",
        f"f.xlsx: Thành viên 2!C{rows['1.2']}: 'hai' is not an option number for 1.2 (options "
        "1–3; 0: none met) [rating.option_type]",
        f"f.xlsx: Thành viên 3!C{rows['2.3']}: option 5 does not exist for 2.3 (options 1–3; 0: "
        "none met) [rating.option_range]",
    ]


@pytest.mark.parametrize("value", [2.0, "2", " 2 "])
def test_an_option_typed_as_a_decimal_or_text_is_its_number(value: object) -> None:
    members = [full(SHEET_1)]
    members[0]["1.1"] = value  # type: ignore[assignment]
    read = assessment_from_workbook(fill(scoring_workbook(SHEET_1, members=1), members))
    assert read.value is not None
    assert read.value["members"][0]["choices"]["1.1"] == 2


@pytest.mark.parametrize("value", [2.5, True, "2 hoặc 3", -1])
def test_an_option_that_is_not_a_whole_number_is_refused(value: object) -> None:
    members = [full(SHEET_1)]
    members[0]["1.1"] = value  # type: ignore[assignment]
    read = assessment_from_workbook(fill(scoring_workbook(SHEET_1, members=1), members))
    assert read.value is None
    assert [p.code for p in read.problems] == ["rating.option_type"]


def test_a_blank_member_tab_is_a_member_who_did_not_score() -> None:
    members = [full(SHEET_1, 2), full(SHEET_1, 2)]
    data = fill(scoring_workbook(SHEET_1, members=3), members)
    result = rate_workbook(data, file="f.xlsx")
    assert result.value is not None
    assert [m.member for m in result.value.members] == ["Thành viên số 1", "Thành viên số 2"]
    assert [(p.code, p.severity.value, p.where.cell) for p in result.problems] == [
        ("rating.blank_member", "warning", "Thành viên 3!C3")
    ]


def test_a_partly_filled_council_tab_is_a_problem_a_blank_one_is_no_agreed_answers() -> None:
    members = [full(SHEET_1, 2)]
    blank = assessment_from_workbook(fill(scoring_workbook(SHEET_1, members=1), members))
    assert blank.value is not None
    assert "agreed" not in blank.value
    partial = fill(scoring_workbook(SHEET_1, members=1), members, agreed={"1.1": 3})
    read = assessment_from_workbook(partial)
    assert read.value is None
    assert {p.code for p in read.problems} == {"rating.unfilled"}
    assert all(p.where.cell and p.where.cell.startswith("Hội đồng!C") for p in read.problems)
    assert len(read.problems) == len(SHEET_1.criteria) - 1


def test_rating_problems_point_at_the_member_cells() -> None:
    members = [full(SHEET_1, 1), full(SHEET_1, 9)]
    data = fill(scoring_workbook(SHEET_1, members=2), members, names=["An", "An"])
    result = rate_workbook(data, file="f.xlsx")
    dup = [p for p in result.problems if p.code == "rating.duplicate_member"]
    assert [p.where.cell for p in dup] == ["Thành viên 2!C3"]


def test_a_formula_without_a_saved_value_is_a_located_problem() -> None:
    book = open_form(fill(scoring_workbook(SHEET_1, members=1), [full(SHEET_1)]))
    ws = book["Thành viên 1"]
    row = rows_of(ws)["1.3"]
    ws.cell(row, 3).value = "=1+1"
    buf = io.BytesIO()
    book.save(buf)
    read = assessment_from_workbook(buf.getvalue(), file="f.xlsx")
    assert read.value is None
    assert [p.render() for p in read.problems] == [
        f"f.xlsx: Thành viên 1!C{row}: the formula =1+1 has no saved value: open and save the "
        "file in a spreadsheet program [xlsx.uncached_formula]"
    ]


def test_a_changed_layout_is_refused_with_its_place() -> None:
    book = open_form(scoring_workbook(SHEET_1, members=1))
    ws = book["Thành viên 1"]
    rows = rows_of(ws)
    ws.cell(rows["1.3"], 1).value = "1.9"
    ws.delete_rows(rows["2.1"])
    del book[GUIDE_TAB]
    buf = io.BytesIO()
    book.save(buf)
    read = assessment_from_workbook(buf.getvalue(), file="f.xlsx")
    assert [p.code for p in read.problems] == ["xlsx.layout"]
    book = open_form(scoring_workbook(SHEET_1, members=1))
    ws = book["Thành viên 1"]
    rows = rows_of(ws)
    ws.cell(rows["1.3"], 1).value = "1.9"
    ws.delete_rows(rows["2.1"])
    buf = io.BytesIO()
    book.save(buf)
    read = assessment_from_workbook(buf.getvalue(), file="f.xlsx")
    messages = [(p.where.cell, p.message) for p in read.problems if p.code == "xlsx.layout"]
    assert messages[0][0] == f"Thành viên 1!A{rows['1.3']}"
    assert messages[-1][1].startswith("no row for criterion 1.3, 2.1:")


def test_the_guide_names_the_set_and_sheet() -> None:
    book = open_form(scoring_workbook(SHEET_1, members=1))
    book[GUIDE_TAB]["B4"] = 99
    book[GUIDE_TAB]["B7"] = "chín"
    buf = io.BytesIO()
    book.save(buf)
    read = assessment_from_workbook(buf.getvalue(), file="f.xlsx")
    assert [(p.code, p.where.cell) for p in read.problems][:2] == [
        ("rating.sheet", "Hướng dẫn!B4"),
        ("rating.council_size", "Hướng dẫn!B7"),
    ]


def test_a_file_that_is_not_a_workbook_is_refused_with_what_it_is() -> None:
    with pytest.raises(OcopInputError, match="not an Excel workbook"):
        assessment_from_workbook(b"TT,Noi dung\n", file="f.xlsx")
    with pytest.raises(OcopInputError, match=r"old Excel \.xls"):
        assessment_from_workbook(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, file="f.xls")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "x")
    with pytest.raises(OcopInputError, match="zip archive"):
        assessment_from_workbook(buf.getvalue(), file="f.xlsx")


# --- the commands -----------------------------------------------------------------------------


def test_acceptance_form_filled_by_a_script_rates_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = tmp_path / "f.xlsx"
    status, out, err = run(
        capsys, "criteria", "form", "26-2026", "1", "--format", "xlsx", "--members", "3",
        "-o", str(form),
    )  # fmt: skip
    assert (status, out, err) == (0, "", "")
    crits = SHEET_1.criteria
    members = [
        {c.code: len(c.options) - (k + i) % 2 for i, c in enumerate(crits)} for k in range(3)
    ]
    form.write_bytes(fill(form.read_bytes(), members))
    doc = tmp_path / "a.json"
    doc.write_text(json.dumps(document(SHEET_1, members), ensure_ascii=False), encoding="utf-8")
    status, book_json, err = run(capsys, "rate", str(form), "--format", "json")
    assert (status, err) == (0, "")
    status, doc_json, _ = run(capsys, "rate", str(doc), "--format", "json")
    assert status == 0
    assert json.loads(book_json) == json.loads(doc_json)
    assert json.loads(book_json)["stars"] >= 1


def test_rate_prints_workbook_problems_by_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = tmp_path / "f.xlsx"
    members = [full(SHEET_1)] * 3
    bad = dict(members[2])
    bad["2.3"] = 5
    form.write_bytes(fill(scoring_workbook(SHEET_1, members=3), [*members[:2], bad]))
    status, out, err = run(capsys, "rate", str(form))
    assert (status, out) == (1, "")
    assert re.fullmatch(
        rf"{re.escape(str(form))}: Thành viên 3!C\d+: option 5 does not exist for 2\.3 "
        r"\(options 1–3; 0: none met\) \[rating\.option_range\]\n",
        err,
    )


def test_form_html_to_stdout_and_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "criteria", "form", "26-2026", "1", "--format", "html")
    assert status == 0
    assert out.startswith("<!DOCTYPE html>")
    status, _, err = run(
        capsys, "criteria", "form", "26-2026", "1", "--format", "xlsx", "--members", "0",
        "-o", str(tmp_path / "f.xlsx"),
    )  # fmt: skip
    assert status == 2
    assert "--members must be from 1 to 99" in err
    assert not (tmp_path / "f.xlsx").exists()
    status, _, err = run(capsys, "criteria", "form", "26-2026", "99", "--format", "html")
    assert status == 2
    not_a_book = tmp_path / "b.xlsx"
    not_a_book.write_text("TT,Nội dung\n", encoding="utf-8")
    status, _, err = run(capsys, "rate", str(not_a_book))
    assert status == 2
    assert "not an Excel workbook" in err


TUTORIALS = Path(__file__).resolve().parents[1] / "docs" / "tutorials"


@pytest.mark.usefixtures("vietnamese")
def test_the_tutorial_fills_a_workbook_and_rates_it_as_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (TUTORIALS / "score-on-paper-or-in-a-workbook.md").read_text("utf-8")
    script = (TUTORIALS / "fill_form.py").read_text("utf-8")
    assert f"```python\n{script}```" in page
    shutil.copy(TUTORIALS / "assessment.json", tmp_path)
    shutil.copy(TUTORIALS / "fill_form.py", tmp_path)
    monkeypatch.chdir(tmp_path)
    status, _, _ = run(
        capsys, "criteria", "form", "26-2026", "1", "--format", "xlsx", "--members", "6",
        "-o", "phieu.xlsx",
    )  # fmt: skip
    assert status == 0
    subprocess.run([sys.executable, "fill_form.py"], check=True, timeout=120)
    status, out, err = run(capsys, "rate", "phieu.xlsx")
    assert status == 0
    assert f"```console\n$ ocop rate phieu.xlsx\n{err}{out}```" in page
    status, book_json, _ = run(capsys, "rate", "phieu.xlsx", "--format", "json")
    _, doc_json, _ = run(capsys, "rate", "assessment.json", "--format", "json")
    book_doc, json_doc = json.loads(book_json), json.loads(doc_json)
    assert [p["code"] for p in book_doc.pop("problems")] == ["rating.blank_member"]
    assert json_doc.pop("problems") == []
    assert book_doc == json_doc
    # The page's second example: one option out of range, one criterion left empty.
    book = openpyxl.load_workbook("phieu.xlsx")
    ws = book["Thành viên 3"]
    rows = rows_of(ws)
    ws.cell(rows["2.3"], 3).value = 5
    ws.cell(rows["1.4"], 3).value = None
    book.save("sai.xlsx")
    status, out, err = run(capsys, "rate", "sai.xlsx")
    assert (status, out) == (1, "")
    assert f"```console\n$ ocop rate sai.xlsx\n{err}```" in page


def test_advice_on_a_workbook_is_the_advice_on_its_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    members = [full(SHEET_1, 2), full(SHEET_1, 2)]
    agreed = full(SHEET_1, 2)
    book = tmp_path / "f.xlsx"
    book.write_bytes(fill(scoring_workbook(SHEET_1, members=2), members, agreed=agreed))
    doc = tmp_path / "a.json"
    doc.write_text(json.dumps(document(SHEET_1, members, agreed=agreed)), encoding="utf-8")
    status, from_book, _ = run(capsys, "rate", str(book), "--advise", "--format", "json")
    assert status == 0
    _, from_json, _ = run(capsys, "rate", str(doc), "--advise", "--format", "json")
    assert json.loads(from_book)["advice"]
    assert json.loads(from_book) == json.loads(from_json)

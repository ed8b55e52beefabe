"""Budget forms: CSV as spreadsheets export it, TOML and JSON documents, round trips."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT, SEED, needs_seed
from ocop.budget import (
    Budget,
    budget_schema,
    check,
    quang_tri_2019_budget,
    read_budget,
    read_csv,
    read_document,
    rollup,
    write_csv,
    write_document,
)
from ocop.errors import OcopInputError
from ocop.money import Unit
from ocop.testing.budget import budgets

SEED_CSV = SEED / "budget.csv"

SECTIONS_THOUSANDS = [300_000, 111_230, 100_000, 310_500, 1_200_600, 3_800_000, 600_000]


def test_builtin_budget_is_the_seed_annex() -> None:
    budget = quang_tri_2019_budget()
    assert len(budget.lines) == 31
    assert budget.unit is Unit.THOUSAND
    assert budget.stated_total == 6_422_330_000
    r = rollup(budget, "section")
    assert r.total == 6_422_330_000
    assert [g.key for g in r.groups] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [g.amount for g in r.groups] == [t * 1000 for t in SECTIONS_THOUSANDS]
    assert [str(g.share) for g in r.groups] == [
        "4.67", "1.73", "1.56", "4.84", "18.69", "59.17", "9.34",
    ]  # fmt: skip
    (warning,) = check(budget)
    assert warning.render() == (
        "quang-tri-2019/budget.toml: $.total_in_words: warning: total in words 'Sáu tỷ, bốn "
        "trăm hai mươi hai triệu đồng' reads 6,422,000,000 VND, 330,000 VND below the total "
        "6,422,330,000 VND (the words are rounded down to millions) [budget.words]"
    )


def test_builtin_localities_are_the_nine_funded_plus_province_level() -> None:
    groups = {g.key: g.amount // 1000 for g in rollup(quang_tri_2019_budget(), "locality").groups}
    assert groups == {
        "cấp tỉnh": 3_822_330,
        "huyện Hải Lăng": 300_000,
        "TP Đông Hà": 300_000,
        "huyện Đakrông": 300_000,
        "huyện Gio Linh": 300_000,
        "huyện Triệu Phong": 300_000,
        "huyện Vĩnh Linh": 300_000,
        "huyện Cam Lộ": 300_000,
        "huyện Hướng Hóa": 300_000,
        "thị xã Quảng Trị": 200_000,
    }


@needs_seed
def test_shipped_budget_is_what_the_script_builds() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_builtin_budget.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr


@needs_seed
def test_seed_csv_round_trips_byte_for_byte() -> None:
    text = SEED_CSV.read_text("utf-8")
    result = read_csv(text, file="budget.csv")
    assert result.ok
    assert check(result.value) == ()
    assert write_csv(result.value) == text
    assert result.value.lines == quang_tri_2019_budget().lines


@needs_seed
def test_spreadsheet_exports_read_the_same() -> None:
    text = SEED_CSV.read_text("utf-8")
    plain = read_csv(text).value
    # What Excel in a Vietnamese locale writes: BOM, ';', thousands dots, CRLF.
    exported = write_csv(plain, delimiter=";", bom=True)
    dotted = "\r\n".join(
        ";".join(
            f"{int(c):,}".replace(",", ".") if i == 4 and c.isdigit() else c
            for i, c in enumerate(row.split(";"))
        )
        for row in exported.split("\n")
    )
    assert "300.000" in dotted
    assert dotted.startswith("\ufeff")
    again = read_csv(dotted).value
    assert again.lines == plain.lines


def test_vietnamese_headers_are_recognised() -> None:
    text = (
        "TT,Nội dung,Kinh phí (triệu đồng),Diễn giải,Đơn vị chủ trì\n"
        '1,Hội nghị,"1,5",,Sở Công thương\n2,Tập huấn,2,,\n'
    )
    budget = read_csv(text).value
    assert budget.unit is Unit.MILLION
    assert [line.amount for line in budget.lines] == [1_500_000, 2_000_000]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "b.csv: the file is empty"),
        ("\ufeff\n  \n", "b.csv: the file is empty"),
        (
            "code,title\n1,A\n",
            "b.csv: missing column amount (the header has 'code', 'title'); a budget table needs "
            "at least a title and an amount column such as amount_thousand_vnd",
        ),
        (
            "a;b;c\n1;2;3\n",
            "b.csv: missing columns title and amount (the header has 'a', 'b', 'c'); a budget "
            "table needs at least a title and an amount column such as amount_thousand_vnd",
        ),
        ("title,amount\n", "b.csv: the table has a header but no lines"),
    ],
)
def test_unusable_csv(text: str, message: str) -> None:
    with pytest.raises(OcopInputError) as err:
        read_csv(text, file="b.csv")
    assert str(err.value) == message


def test_unknown_columns_are_kept_and_written_back() -> None:
    text = "code,title,amount_vnd,ghi chú riêng\n1,A,5,x\n2,B,6,\n"
    budget = read_csv(text).value
    assert budget.lines[0].extra == (("ghi chú riêng", "x"),)
    again = read_csv(write_csv(budget)).value
    assert again.lines[0].extra == (("ghi chú riêng", "x"),)
    assert [x.amount for x in again.lines] == [5, 6]


def test_optional_columns_round_trip() -> None:
    text = (
        "row,code,parent,title,amount_thousand_vnd,explanation,responsible,locality,sources,"
        "schedule,approved_thousand_vnd,disbursed_thousand_vnd\n"
        "1,1,,A,300,,X,huyện Cam Lộ,NSTW; NSĐP,2019-Q2=100; 2019-Q3=200,300,150\n"
    )
    budget = read_csv(text).value
    line = budget.lines[0]
    assert (line.locality, line.sources, line.approved, line.disbursed) == (
        "huyện Cam Lộ",
        ("NSTW", "NSĐP"),
        300_000,
        150_000,
    )
    assert [(q.iso(), v) for q, v in line.schedule] == [("2019-Q2", 100_000), ("2019-Q3", 200_000)]
    assert write_csv(budget) == text
    assert read_document(write_document(budget), format="toml").value == budget


def test_total_and_words_rows_round_trip() -> None:
    text = (
        "row,code,parent,title,amount_thousand_vnd,explanation,responsible\n"
        "1,1,,A,6422330,,\n,,,TỔNG CỘNG,6422330,,\n"
        ",,,Bằng chữ: Sáu tỷ bốn trăm hai mươi hai triệu đồng,,,\n"
    )
    budget = read_csv(text).value
    assert budget.stated_total == 6_422_330_000
    assert budget.total_in_words == "Sáu tỷ bốn trăm hai mươi hai triệu đồng"
    assert write_csv(budget) == text


def test_builtin_document_round_trips() -> None:
    budget = quang_tri_2019_budget()
    for fmt in ("toml", "json"):
        again = read_document(write_document(budget, format=fmt), format=fmt)  # type: ignore[arg-type]
        assert again.ok
        assert again.value == budget


@settings(max_examples=60, deadline=None)
@given(budgets(), st.sampled_from([",", ";", "\t"]), st.booleans())
def test_csv_round_trip(budget: Budget, delimiter: str, bom: bool) -> None:
    text = write_csv(budget, delimiter=delimiter, bom=bom)
    again = read_csv(text)
    assert again.ok, again.problems
    assert again.value.lines == budget.lines
    assert again.value.stated_total == budget.stated_total


@settings(max_examples=60, deadline=None)
@given(budgets(), st.sampled_from(["toml", "json"]))
def test_document_round_trip(budget: Budget, fmt: str) -> None:
    text = write_document(budget, format=fmt)  # type: ignore[arg-type]
    again = read_budget(text, format=fmt)  # type: ignore[arg-type]
    assert again.ok, again.problems
    assert again.value == budget
    if fmt == "json":
        jsonschema.validate(json.loads(text), budget_schema())


def test_document_problems_are_located_by_path() -> None:
    text = json.dumps(
        {
            "unit": "1.000 đồng",
            "lines": [
                {"code": "1", "title": "A", "amount": "12,5x"},
                {"code": "2", "amount": 5, "colour": "red"},
            ],
        }
    )
    result = read_document(text, file="b.json")
    # Every line is read on its own: the shape problems of line 1 and the figure of line 0.
    assert [p.render() for p in result.problems] == [
        "b.json: $.lines[1].title: required field is missing [budget.document]",
        "b.json: $.lines[1].colour: unknown field [budget.document]",
        "b.json: $.lines[0].amount: '12,5x' is not an amount in 1,000 VND [budget.amount_invalid]",
    ]
    assert [line.code for line in result.value.lines] == ["1", "2"]
    text = json.dumps({"lines": [{"title": "A", "amount": 1.5}, {"title": "B", "amount": [1]}]})
    assert [p.render() for p in read_document(text, file="b.json").problems] == [
        "b.json: $.lines[0].amount: a number with decimals cannot stay exact here: write a "
        'whole number, or the figure as a string ("97,5") [budget.document]',
        'b.json: $.lines[1].amount: write a whole number or a figure as a string ("6.422,5") here '
        "(got an array) [budget.document]",
    ]
    text = json.dumps({"lines": [{"title": "A", "amount": True}]})
    assert [p.render() for p in read_document(text, file="b.json").problems] == [
        'b.json: $.lines[0].amount: write a whole number or a figure as a string ("6.422,5") here '
        "(got true) [budget.document]",
    ]
    text = json.dumps({"unit": "1.000 đồng", "lines": [{"title": "A", "amount": "12,5x"}]})
    assert [p.render() for p in read_document(text, file="b.json").problems] == [
        "b.json: $.lines[0].amount: '12,5x' is not an amount in 1,000 VND [budget.amount_invalid]"
    ]


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        ("{", "json", "b:1: not JSON: Expecting property name enclosed in double quotes"),
        ("[1, 2]", "json", "b: a budget document is an object with 'lines'"),
        ("x = ", "toml", "b: not TOML"),
    ],
)
def test_unusable_documents(text: str, fmt: str, message: str) -> None:
    with pytest.raises(OcopInputError) as err:
        read_document(text, format=fmt, file="b")  # type: ignore[arg-type]
    assert str(err.value).startswith(message)


def test_schema_is_published_and_current() -> None:
    committed = json.loads((ROOT / "docs" / "schemas" / "budget.schema.json").read_text("utf-8"))
    assert committed == budget_schema()

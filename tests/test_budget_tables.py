"""Budget tables as Vietnamese offices write them: units in headers and unit lines, every
total row, quotes, and the row reader that any tabular source feeds."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop.budget import (
    Budget,
    TotalKind,
    TotalRow,
    check,
    read_csv,
    read_document,
    read_table,
    table_rows,
    write_csv,
    write_document,
)
from ocop.errors import OcopInputError
from ocop.money import Unit
from ocop.testing.budget import budgets

TABLE = "TT,Nội dung,Kinh phí ({unit})\n1,A,1.500\n2,B,500\n,Tổng cộng,2.000\n"

SPELLINGS = [
    ("tr.đ", Unit.MILLION),
    ("Tr.đồng", Unit.MILLION),
    ("trđ", Unit.MILLION),
    ("Tr đ", Unit.MILLION),
    ("Tr.VNĐ", Unit.MILLION),
    ("TR. ĐỒNG", Unit.MILLION),
    ("triệu đồng", Unit.MILLION),
    ("triệu VNĐ", Unit.MILLION),
    ("1.000.000 đ", Unit.MILLION),
    ("million VND", Unit.MILLION),
    ("1000 đồng", Unit.THOUSAND),
    ("1000đ", Unit.THOUSAND),
    ("1.000đ", Unit.THOUSAND),
    ("1.000 đ", Unit.THOUSAND),
    ("1000 VNĐ", Unit.THOUSAND),
    ("1000 VND", Unit.THOUSAND),
    ("x1000 đồng", Unit.THOUSAND),
    ("×1.000 đ", Unit.THOUSAND),
    ("ĐVT: 1.000đ", Unit.THOUSAND),
    ("Đơn vị tính: nghìn đồng", Unit.THOUSAND),
    ("nghìn đồng", Unit.THOUSAND),
    ("ngàn đồng", Unit.THOUSAND),
    ("nghìn", Unit.THOUSAND),
    ("tỷ đồng", Unit.BILLION),
    ("tỉ đồng", Unit.BILLION),
    ("tỷ", Unit.BILLION),
    ("đồng", Unit.DONG),
    ("đ", Unit.DONG),
    ("VNĐ", Unit.DONG),
    ("VND", Unit.DONG),
    ("₫", Unit.DONG),
]


@pytest.mark.parametrize(("spelling", "unit"), SPELLINGS)
def test_every_spelling_of_a_unit_in_a_header(spelling: str, unit: Unit) -> None:
    result = read_csv(TABLE.format(unit=spelling), file="b.csv")
    assert result.ok, result.problems
    assert result.value.unit is unit
    assert [x.amount for x in result.value.lines] == [1500 * unit.value, 500 * unit.value]
    assert result.value.stated_total == 2000 * unit.value
    assert check(result.value) == ()


@pytest.mark.parametrize("spelling", ["USD", "%", "tr", "k", "dự kiến", "1000 USD", "đồng/kg"])
def test_a_unit_that_cannot_be_read_is_refused_naming_the_header(spelling: str) -> None:
    result = read_csv(TABLE.format(unit=spelling), file="b.csv")
    (problem,) = result.problems
    assert problem.code == "budget.unit"
    assert problem.where.row == 1
    assert problem.where.field == f"Kinh phí ({spelling})"
    assert "1.000 đồng" in problem.message  # the spellings understood
    assert all(x.amount is None and x.unread == ("amount",) for x in result.value.lines)


@pytest.mark.parametrize("header", ["Kinh phí", "amount", "Kinh phí năm 2019", "approved"])
def test_a_money_column_without_a_unit_needs_the_file_to_say_it(header: str) -> None:
    text = f"TT,Nội dung,{header}\n1,A,1.500\n"
    if header == "approved":
        text = f"TT,Nội dung,Kinh phí,{header}\n1,A,1.500,1.000\n"
    result = read_csv(text, file="b.csv")
    problem = next(p for p in result.problems if p.where.field == header)
    assert problem.where.field == header
    assert "does not say its unit" in problem.message
    assert "ĐVT" in problem.message
    # A unit line above the header says it, and so does the caller.
    for stated in (
        read_csv("ĐVT: triệu đồng\n" + text, file="b.csv"),
        read_csv(text, file="b.csv", unit=Unit.MILLION),
    ):
        assert stated.ok, stated.problems
        assert stated.value.lines[0].amount == 1_500_000_000


@pytest.mark.parametrize(
    "line",
    [
        "ĐVT: triệu đồng",
        "Đơn vị tính: triệu đồng",
        ",,ĐVT: triệu đồng",
        "Đơn vị: Tr.đ",
        '"NHU CẦU KINH PHÍ NĂM 2019"\n,,(ĐVT: triệu đồng)',
    ],
)
def test_the_unit_line_above_the_header(line: str) -> None:
    text = f"{line}\nTT,Nội dung,Kinh phí\n1,A,1.500\n2,B,500\n,Tổng cộng,2.000\n"
    result = read_csv(text, file="b.csv")
    assert result.ok, result.problems
    assert result.value.stated_total == 2_000_000_000
    assert result.value.lines[0].source is not None
    assert result.value.lines[0].source.row == text.count("\n", 0, text.index("1,A")) + 1


def test_a_unit_line_and_a_header_that_disagree_are_refused() -> None:
    text = "ĐVT: triệu đồng\nTT,Nội dung,Kinh phí (1.000 đồng)\n1,A,1.500\n"
    (problem,) = read_csv(text, file="b.csv").problems
    assert (problem.code, problem.where.row, problem.where.field) == (
        "budget.unit",
        2,
        "Kinh phí (1.000 đồng)",
    )
    text = "ĐVT: triệu đồng\nTT,Nội dung,Kinh phí\n1,A,1.500\n"
    (problem,) = read_csv(text, file="b.csv", unit=Unit.THOUSAND).problems
    assert (problem.code, problem.where.row) == ("budget.unit", 1)
    (problem,) = read_csv("ĐVT: USD\nTT,Nội dung,Kinh phí\n1,A,1\n").problems[:1]
    assert problem.where.row == 1


def test_each_money_column_has_its_own_unit() -> None:
    text = (
        "TT,Nội dung,Kinh phí (triệu đồng),Được giao (1.000 đồng),Giải ngân (đồng)\n"
        '1,A,"1,5",1.200,1.000.000\n'
    )
    result = read_csv(text, file="b.csv")
    assert result.ok, result.problems
    line = result.value.lines[0]
    assert (line.amount, line.approved, line.disbursed) == (1_500_000, 1_200_000, 1_000_000)


@pytest.mark.parametrize(
    ("stated", "hint"),
    [
        ("2", "the parts add up to 1,000 times the stated figure: are they in another unit?"),
        ("2.000.000", "the stated figure is 1,000 times the parts: is it in another unit?"),
        ("2.000.000.000", "the stated figure is 1,000,000 times the parts"),
        ("2.001", ""),
    ],
)
def test_a_total_off_by_a_unit_says_so(stated: str, hint: str) -> None:
    text = f"TT,Nội dung,Kinh phí (1000đ)\n1,A,1.500\n2,B,500\n,Tổng cộng,{stated}\n"
    (problem,) = check(read_csv(text, file="b.csv").value)
    assert (problem.code, problem.where.row) == ("budget.total", 4)
    assert hint in problem.message
    if not hint:
        assert "another unit" not in problem.message


def test_every_total_row_is_kept_and_checked() -> None:
    text = (
        "TT,Nội dung,Kinh phí (đồng)\n"
        ",Tổng cộng,2.100\n"
        "1,A,1.500\n"
        "2,B,500\n"
        ",Cộng,2.000\n"
        "3,C,100\n"
        ",Cộng,200\n"
        ",TỔNG CỘNG,2.000\n"
        ",Bằng chữ: Hai nghìn một trăm đồng,\n"
        ",Bằng chữ: Hai nghìn đồng,\n"
    )
    budget = read_csv(text, file="b.csv").value
    assert budget.stated_total == 2100
    assert [(t.kind, t.after, t.amount, t.words) for t in budget.totals] == [
        (TotalKind.SECTION, 2, 2000, None),
        (TotalKind.SECTION, 3, 200, None),
        (TotalKind.GRAND, 3, 2000, None),
        (TotalKind.WORDS, 3, None, "Hai nghìn đồng"),
    ]
    assert [(p.code, p.where.row) for p in check(budget)] == [
        ("budget.section_total", 7),
        ("budget.total", 8),
        ("budget.words", 10),
    ]
    again = read_csv(write_csv(budget), file="b.csv").value
    assert again == budget


def test_an_unclosed_quote_is_located_and_does_not_swallow_the_rest() -> None:
    text = 'TT,Nội dung,Kinh phí (tr.đ)\n1,"A,1.500\n2,B,500\n3,C,100\n,Tổng cộng,2.000\n'
    result = read_csv(text, file="b.csv")
    assert [(p.code, p.where.row) for p in result.problems] == [("budget.csv", 2)]
    assert "never closed" in result.problems[0].message
    assert [x.code for x in result.value.lines] == ["2", "3"]
    assert not result.ok
    # A quote followed by more text is located too, and reading goes on.
    text = 'TT,Nội dung,Kinh phí (đ)\n1,"A"x,1\n2,B,2\n'
    result = read_csv(text, file="b.csv")
    assert [(p.code, p.where.row) for p in result.problems] == [("budget.csv", 2)]
    assert [x.code for x in result.value.lines] == ["2"]


def test_a_quoted_cell_over_several_lines_is_one_cell() -> None:
    text = 'TT,Nội dung,Kinh phí (đ),Diễn giải\n1,A,1,"dòng một\ndòng hai"\n2,B,2,\n'
    result = read_csv(text, file="b.csv")
    assert result.ok
    assert [x.source.row for x in result.value.lines if x.source] == [2, 4]


def test_huge_figures_are_located_errors() -> None:
    for digits in (100, 5000):
        text = f"TT,Nội dung,Kinh phí (đ)\n1,A,{'9' * digits}\n2,B,1\n"
        result = read_csv(text, file="b.csv")
        (problem,) = result.problems
        assert (problem.code, problem.where.row) == ("budget.amount_invalid", 2)
        assert "too large" in problem.message
        assert len(problem.message) < 200


def test_the_row_reader_takes_rows_from_any_source() -> None:
    rows = [
        (1, ["NHU CẦU KINH PHÍ", "", ""]),
        (2, ["", "", "ĐVT: triệu đồng"]),
        (4, ["TT", "Nội dung", "Kinh phí"]),
        (5, ["1", "A", "1.500"]),
        (6, ["2", "B", "x"]),
    ]
    result = read_table(iter(rows), file="book.xlsx[Dự toán]")
    assert result.value.title == "NHU CẦU KINH PHÍ"
    assert result.value.lines[0].amount == 1_500_000_000
    (problem,) = result.problems
    assert problem.render().startswith("book.xlsx[Dự toán]:6: Kinh phí: 'x' is not an amount")
    assert list(table_rows(result.value))[1:3] == [
        ["row", "code", "parent", "title", "amount_million_vnd", "explanation", "responsible"],
        ["1", "1", "", "A", "1500", "", ""],
    ]


def test_a_title_document_and_sources_above_the_header_round_trip() -> None:
    text = (
        "NHU CẦU KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH OCOP NĂM 2019\n"
        "(Kèm theo Kế hoạch số 278/KH-SNN ngày 04/3/2019)\n"
        "Nguồn vốn: NSTW; NSĐP\n"
        "ĐVT: 1.000 đồng\n"
        "TT,Nội dung,Kinh phí\n"
        "1,A,1.500\n"
    )
    budget = read_csv(text, file="b.csv").value
    assert budget.title == "NHU CẦU KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH OCOP NĂM 2019"
    assert budget.document == "Kế hoạch số 278/KH-SNN ngày 04/3/2019"
    assert budget.sources == ("NSTW", "NSĐP")
    assert read_csv(write_csv(budget)).value == budget


@pytest.mark.parametrize(
    "extra",
    ["title", "amount_vnd", "code", "Kinh phí (tr.đ)", "zz"],
)
def test_a_kept_column_named_like_a_standard_one_survives(extra: str) -> None:
    text = f"code,title,amount_thousand_vnd,{extra}\n1,A,5,x\n2,B,6,\n"
    budget = read_csv(text).value
    assert budget.lines[0].extra == ((extra, "x"),)
    again = read_csv(write_csv(budget))
    assert again.ok, again.problems
    assert again.value == budget
    assert again.value.lines[0].title == "A"


def test_two_kept_columns_of_one_name_are_refused() -> None:
    result = read_csv("code,title,amount_vnd,zz,zz\n1,A,5,x,y\n", file="b.csv")
    (problem,) = result.problems
    assert (problem.code, problem.where.row, problem.where.field) == (
        "budget.column_duplicate",
        1,
        "zz",
    )


def test_a_lone_carriage_return_in_a_cell_survives() -> None:
    budget = read_csv('code,title,amount_vnd,zz\n1,A,5,"x\ry"\n').value
    assert budget.lines[0].extra == (("zz", "x\ry"),)
    assert read_csv(write_csv(budget)).value == budget


def test_no_header_among_the_first_rows_is_unusable() -> None:
    with pytest.raises(OcopInputError, match="missing columns title and amount"):
        read_csv("a,b\n" * 30 + "title,amount_vnd\n1,2\n", file="b.csv")


def test_budget_equality_keeps_totals() -> None:
    budget = read_csv("title,amount_vnd\nA,1\n,\n").value
    assert isinstance(budget, Budget)
    assert budget.totals == ()


# ----------------------------------------------------------------------------- round trips

_CELL = st.text(alphabet=st.sampled_from(list("abcđêơư ĐƯ,;.-:\"'\r\n\t1234567890")), max_size=12)


@st.composite
def tables(draw: st.DrawFn) -> Budget:
    """A budget with what tables carry beyond their lines: kept columns (some named like
    standard ones), cells with line breaks and lone carriage returns, total rows of every
    kind in their places, a title, a document and sources."""
    base: Budget = draw(budgets())
    kept = draw(
        st.lists(
            st.sampled_from(["Ghi chú riêng", "title", "amount_vnd", "code", "zz", "Tỷ lệ"]),
            unique=True,
            max_size=3,
        )
    )
    lines = tuple(
        attrs.evolve(
            line,
            extra=tuple(
                (name, value)
                for name in kept
                if (value := draw(_CELL.filter(lambda v: v.strip() == v or v == "")))
            ),
        )
        for line in base.lines
    )
    unit = base.unit.value
    totals = tuple(
        TotalRow(
            kind=kind,
            after=draw(st.integers(min_value=0, max_value=len(lines))),
            title={TotalKind.SECTION: "Cộng", TotalKind.GRAND: "Tổng cộng"}.get(kind, "Bằng chữ"),
            amount=None if kind is TotalKind.WORDS else draw(st.integers(0, 10**6)) * unit,
            words="một trăm đồng" if kind is TotalKind.WORDS else None,
        )
        for kind in draw(st.lists(st.sampled_from(list(TotalKind)), max_size=3))
    )
    words = draw(st.sampled_from([None, "Sáu tỷ đồng"]))
    if any(t.kind is TotalKind.WORDS for t in totals) and words is None:
        words = "Sáu tỷ đồng"  # the budget's own words come first
    if any(t.kind is TotalKind.GRAND for t in totals) and base.stated_total is None:
        base = attrs.evolve(base, stated_total=0)
    return attrs.evolve(
        base,
        lines=lines,
        extra_columns=tuple(kept),
        totals=tuple(sorted(totals, key=lambda t: t.after)),
        total_in_words=words,
        title=draw(st.sampled_from(["", "NHU CẦU KINH PHÍ NĂM 2019", "Nguồn vốn: là tiêu đề"])),
        document=draw(st.sampled_from([None, "Kế hoạch số 278/KH-SNN ngày 04/3/2019"])),
    )


@settings(max_examples=120, deadline=None)
@given(tables(), st.sampled_from([",", ";", "\t"]))
def test_any_table_survives_csv_json_toml_csv(budget: Budget, delimiter: str) -> None:
    first = read_csv(write_csv(budget, delimiter=delimiter), file="a.csv")
    assert first.ok, first.problems
    assert first.value == budget
    as_json = read_document(write_document(first.value, format="json"), format="json")
    assert as_json.ok, as_json.problems
    as_toml = read_document(write_document(as_json.value, format="toml"), format="toml")
    assert as_toml.ok, as_toml.problems
    last = read_csv(write_csv(as_toml.value), file="b.csv")
    assert last.ok, last.problems
    assert last.value == as_toml.value == as_json.value == first.value

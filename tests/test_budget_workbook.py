"""Budget tables read from .xlsx worksheets give the budget and problems of the same CSV."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings

from ocop.budget import Budget
from ocop.budget.workbook import read_workbook
from ocop.cli import main
from ocop.testing import budgets


def book(total: object, *, merged: bool = True, hidden: bool = False) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Phụ lục"
    ws.append(["Kế hoạch OCOP 2026"])
    ws.append(["ĐVT: triệu đồng"])
    ws.append(["TT", "Nội dung", "Kinh phí", "Đơn vị chủ trì"])
    ws.append(["1", "Tập huấn", 1500, "Sở NN"])
    ws.append(["2", "Hội chợ", 500.0, None if merged else "Sở NN"])
    ws.append([None, "Tổng cộng", total, None])
    if merged:
        ws.merge_cells("D4:D5")
    if hidden:
        ws.row_dimensions[5].hidden = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


CSV = (
    "Kế hoạch OCOP 2026\nĐVT: triệu đồng\nTT,Nội dung,Kinh phí,Đơn vị chủ trì\n"
    "1,Tập huấn,1500,Sở NN\n2,Hội chợ,500,Sở NN\n,Tổng cộng,2000,\n"
)


def test_a_workbook_reads_as_the_csv_of_the_same_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.xlsx").write_bytes(book(2000))
    (tmp_path / "a.csv").write_text(CSV, encoding="utf-8")
    assert main(["budget", "check", str(tmp_path / "a.xlsx"), "--format", "json"]) == 0
    from_book = json.loads(capsys.readouterr().out)
    assert main(["budget", "check", str(tmp_path / "a.csv"), "--format", "json"]) == 0
    from_csv = json.loads(capsys.readouterr().out)
    assert from_book["total"] == 2_000_000_000
    from_book.pop("file")
    from_csv.pop("file")
    assert from_book == from_csv


def test_a_formula_without_a_saved_value_is_located_by_sheet_and_cell() -> None:
    result = read_workbook(book("=SUM(C4:C5)"), file="a.xlsx")
    assert [(p.code, p.where.cell) for p in result.problems] == [
        ("xlsx.uncached_formula", "Phụ lục!C6")
    ]
    assert not result.ok


def test_merged_cells_give_their_value_to_each_row_and_hidden_rows_are_reported() -> None:
    result = read_workbook(book(2000, hidden=True), file="a.xlsx")
    assert [line.responsible for line in result.value.lines] == ["Sở NN", "Sở NN"]
    assert [(p.code, p.severity.value, p.where.row) for p in result.problems] == [
        ("xlsx.hidden_row", "warning", 5)
    ]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("by", ["section", "locality", "responsible", "source"])
def test_a_report_workbook_holds_the_json_figures_as_numbers(
    by: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.xlsx"
    assert main(["budget", "report", "--by", by, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert main(["budget", "report", "--by", by, "--format", "xlsx", "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Kinh phí"]
    ws = wb["Kinh phí"]
    head, *rows, total = list(ws.iter_rows(values_only=True))
    assert head == ("Nhóm", "Nội dung", "Kinh phí (đồng)", "Tỷ lệ (%)", "Số dòng")
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        (g["key"], g["title"], g["amount"], g["share"], g["lines"]) for g in data["groups"]
    ]
    assert all(isinstance(r[2], int) for r in rows)
    assert total[2] == data["total"] == sum(r[2] for r in rows)
    assert {ws.cell(row, 3).number_format for row in range(2, ws.max_row + 1)} == {"#,##0"}


def test_a_report_workbook_is_not_written_to_a_terminal_and_o_needs_xlsx(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["budget", "report", "--format", "xlsx"]) == 2
    assert "-o" in capsys.readouterr().err
    assert main(["budget", "report", "--format", "json", "-o", str(tmp_path / "x")]) == 2
    assert not (tmp_path / "x").exists()


@settings(max_examples=40, deadline=None)
@given(budget=budgets())
def test_any_budget_written_to_a_workbook_reads_back_equal(budget: Budget) -> None:
    from ocop.budget.workbook import budget_workbook

    read = read_workbook(budget_workbook(budget), file="b.xlsx")
    assert read.problems == ()
    assert read.value == budget

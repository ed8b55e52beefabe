"""Budget tables read from .xlsx worksheets give the budget and problems of the same CSV."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest

from ocop.budget.workbook import read_workbook
from ocop.cli import main


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

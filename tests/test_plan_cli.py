"""``ocop plan check --format`` and ``ocop plan convert``: problems as rows, documents that
read back as the same plan."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from helpers import SEED, TUTORIALS, needs_seed
from ocop.cli import main
from ocop.plan import load_plan

HEADER = ["file", "row", "field", "path", "line", "code", "severity", "message", "cell"]

ACTIVITIES = """\
id,title,from,to,lead,implementers,budget_lines
1,Tập huấn chủ thể OCOP,2026-Q1,2026-Q2,Sở NN&MT,UBND xã; HTX,1
2,Đánh giá sản phẩm cấp tỉnh,2026-Q3,,Hội đồng tỉnh,,
"""
TARGETS = """\
id,text,indicator,comparison,value,unit,activities
T1,Ít nhất 20 sản phẩm 3 sao trở lên,products_3star_plus_provincial,at_least,20,sản phẩm,2
"""
BUDGET = """\
row,code,parent,title,amount_vnd
1,1,,Tập huấn,120
"""


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ke-hoach"
    folder.mkdir()
    (folder / "activities.csv").write_text(ACTIVITIES, "utf-8")
    (folder / "targets.csv").write_text(TARGETS, "utf-8")
    (folder / "budget.csv").write_text(BUDGET, "utf-8")
    return folder


def test_check_prints_problems_as_csv_rows(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(TUTORIALS)
    assert main(["plan", "check", "plan-with-mistakes.toml", "--format", "csv"]) == 1
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == HEADER
    assert rows[1] == [
        "plan-with-mistakes.toml",
        "",
        "",
        "$.activities[1].id",
        "",
        "plan.duplicate",
        "error",
        "activity '1' again (also $.activities[0])",
        "",
    ]
    assert len(rows) == 8
    assert main(["plan", "check", "plan-2026.toml", "--format", "csv"]) == 0
    assert capsys.readouterr().out == ",".join(HEADER) + "\n"


def test_check_as_json(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TUTORIALS)
    assert main(["plan", "check", "plan-2026.toml", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "file": "plan-2026.toml",
        "ok": True,
        "number": "45/KH-SNNMT",
        "year": 2026,
        "activities": 5,
        "targets": 3,
        "facts": 2,
        "problems": [],
    }
    assert main(["plan", "check", "plan-with-mistakes.toml", "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is False
    assert [p["code"] for p in doc["problems"]][:2] == ["plan.duplicate", "plan.window"]


def test_check_says_one_activity_not_one_activities(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    (folder / "activities.csv").write_text(
        ACTIVITIES.splitlines(True)[0] + ACTIVITIES.splitlines(True)[2], "utf-8"
    )
    (folder / "targets.csv").write_text(TARGETS.replace(",1\n", ",2\n"), "utf-8")
    (folder / "budget.csv").unlink()
    assert main(["plan", "check", str(folder)]) == 0
    assert capsys.readouterr().out == "ke-hoach (2026): 1 activity, 1 target, 0 facts\n"


@pytest.mark.parametrize("to", ["toml", "json"])
def test_convert_a_folder_of_tables_reads_back_as_the_same_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], to: str
) -> None:
    folder = _folder(tmp_path)
    target = tmp_path / f"plan.{to}"
    assert main(["plan", "convert", str(folder), "--to", to, "--output", str(target)]) == 0
    assert capsys.readouterr() == ("", "")
    before, after = load_plan(folder), load_plan(target)
    assert before.ok
    assert after.ok
    assert after.value == before.value
    assert after.value is not None
    assert after.value.budget is not None


@pytest.mark.parametrize(("source", "to"), [("plan-2026.toml", "json"), ("plan-2026.toml", "toml")])
def test_convert_a_document_round_trips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, to: str
) -> None:
    assert main(["plan", "convert", str(TUTORIALS / source), "--to", to]) == 0
    target = tmp_path / f"back.{to}"
    target.write_text(capsys.readouterr().out, "utf-8")
    assert load_plan(target).value == load_plan(TUTORIALS / source).value


@needs_seed
def test_convert_the_quang_tri_tables(tmp_path: Path) -> None:
    target = tmp_path / "quang-tri-2019.toml"
    assert main(["plan", "convert", str(SEED), "--to", "toml", "-o", str(target)]) == 0
    assert load_plan(target).value == load_plan(SEED).value


def test_convert_refuses_a_plan_with_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.json"
    bad = str(TUTORIALS / "plan-with-mistakes.toml")
    assert main(["plan", "convert", bad, "--to", "json", "-o", str(target)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "[plan.duplicate]" in err
    assert not target.exists()
    assert main(["plan", "convert", str(tmp_path / "none.toml"), "--to", "json"]) == 2
    assert capsys.readouterr().err == f"ocop: {tmp_path / 'none.toml'}: no such file\n"


def test_report_workbook_holds_the_json_figures_as_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    out = tmp_path / "r.xlsx"
    assert main(["report", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert main(["report", "--format", "xlsx", "--lang", "vi", "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Mục tiêu", "Nội dung thực hiện", "Kinh phí theo mục"]
    targets = list(wb["Mục tiêu"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in targets] == [t["id"] for t in data["targets"]]
    activities = list(wb["Nội dung thực hiện"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[5], r[6]) for r in activities] == [
        (a["id"], a["budget"], a["share"]) for a in data["activities"]
    ]
    ws = wb["Kinh phí theo mục"]
    *sections, total = list(ws.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2], r[3]) for r in sections] == [
        (s["key"], s["amount"], s["share"]) for s in data["budget"]["sections"]
    ]
    assert total[2] == data["budget"]["total"] == sum(r[2] for r in sections)
    assert all(isinstance(r[2], int) for r in sections)
    assert ws.cell(2, 3).number_format == "#,##0"


def test_report_workbook_is_not_written_to_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["report", "--format", "xlsx"]) == 2
    assert "-o" in capsys.readouterr().err

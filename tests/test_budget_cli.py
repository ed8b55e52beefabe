"""The ``ocop budget`` and ``ocop money`` commands as a user runs them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import SEED, needs_seed, run
from ocop.cli import main

SEED_CSV = SEED / "budget.csv"
HEADER = "row,code,parent,title,amount_thousand_vnd,explanation,responsible\n"


@pytest.mark.usefixtures("vietnamese")
def test_report_prints_the_builtin_budget(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "budget", "report")
    assert code == 0
    assert "6.422.330" in out
    assert "TỔNG CỘNG" in out
    assert "Bằng chữ: Sáu tỷ bốn trăm hai mươi hai triệu ba trăm ba mươi nghìn đồng" in out
    assert "[budget.words]" in err


VI_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$")
EN_NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$")


@pytest.mark.usefixtures("vietnamese")
def test_report_by_section_prints_only_vietnamese_numbers_by_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "budget", "report", "--by", "section", "--unit", "million")
    assert code == 0
    assert out.splitlines()[0].split("  ")[0:2] == ["TT", "Nội dung"]
    rows = [re.split(r"\s{2,}", line.strip()) for line in out.splitlines()[2:]]
    numbers = [cell for row in rows for cell in row[-3:] if re.search(r"\d", cell)]
    assert "111,23" in numbers
    assert "1,73" in numbers
    assert "6.422,33" in numbers
    assert "100,00" in numbers
    assert all(VI_NUMBER.match(n) for n in numbers), numbers


def test_report_by_section_prints_only_english_numbers_with_lang_en(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OCOP_LANG")
    code, out, _ = run(
        capsys, "budget", "report", "--by", "section", "--unit", "million", "--lang", "en"
    )
    assert code == 0
    assert "Amount (million VND)" in out.splitlines()[0]
    rows = [re.split(r"\s{2,}", line.strip()) for line in out.splitlines()[2:]]
    numbers = [cell for row in rows for cell in row[-3:] if re.search(r"\d", cell)]
    assert {"111.23", "1.73", "6,422.33", "100.00"} <= set(numbers)
    assert all(EN_NUMBER.match(n) for n in numbers), numbers


@pytest.mark.usefixtures("vietnamese")
def test_check_warns_in_vietnamese_by_default_and_in_english_with_lang_en(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "budget", "check")
    assert code == 0
    assert out == (
        "quang-tri-2019/budget.toml: $.total_in_words: cảnh báo: tổng bằng chữ 'Sáu tỷ, bốn "
        "trăm hai mươi hai triệu đồng' đọc ra 6.422.000.000 đồng, ít hơn tổng cộng "
        "6.422.330.000 đồng là 330.000 đồng (số bằng chữ được làm tròn xuống hàng triệu) "
        "[budget.words]\n"
    )
    assert err == (
        "dự toán Quảng Trị 2019 có sẵn: khớp: 31 dòng, tổng cộng 6.422.330.000 đồng, 1 cảnh báo\n"
    )
    code, out, err = run(capsys, "budget", "check", "--lang", "en")
    assert code == 0
    assert out.startswith("quang-tri-2019/budget.toml: $.total_in_words: warning: total in words")
    assert err == (
        "the built-in Quảng Trị 2019 budget: consistent: 31 lines, total 6,422,330,000 VND, "
        "1 warning\n"
    )


@pytest.mark.parametrize("where", [("--quiet",), ("-q",), ("--quiet", "--lang", "en")])
def test_quiet_prints_no_warning_on_stderr(
    capsys: pytest.CaptureFixture[str], where: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, "budget", "report", *where)
    assert (code, err) == (0, "")
    assert out
    code, _, err = run(capsys, "budget", "check", *where)
    assert (code, err) == (0, "")
    code, _, err = run(capsys, "--quiet", "budget", "report")
    assert (code, err) == (0, "")


def test_quiet_still_prints_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "1,1,,A,100,,X\n2,1.1,1,B,60,,\n", "utf-8")
    code, _, err = run(capsys, "budget", "report", str(bad), "--quiet")
    assert code == 1
    assert "[budget.subtotal]" in err


@pytest.mark.parametrize("by", ["section", "responsible", "locality", "source"])
def test_report_json_contract(capsys: pytest.CaptureFixture[str], by: str) -> None:
    code, out, _ = run(capsys, "budget", "report", "--by", by, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 6_422_330_000
    assert sum(g["amount"] for g in data["groups"]) == data["total"]
    assert all(set(g) >= {"key", "amount", "share"} for g in data["groups"])
    assert all(isinstance(g["amount"], int) for g in data["groups"])
    assert round(sum(g["share"] for g in data["groups"]), 2) == 100


def test_report_sections_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "budget", "report", "--by", "section", "--format", "json")
    groups = json.loads(out)["groups"]
    assert [(g["key"], g["amount"] // 1000) for g in groups] == [
        ("1", 300_000),
        ("2", 111_230),
        ("3", 100_000),
        ("4", 310_500),
        ("5", 1_200_600),
        ("6", 3_800_000),
        ("7", 600_000),
    ]


@needs_seed
def test_report_and_check_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "budget", "report", str(SEED_CSV), "--by", "locality", "--format", "json"
    )
    assert code == 0
    assert len(json.loads(out)["groups"]) == 10
    code, out, err = run(capsys, "budget", "check", str(SEED_CSV))
    assert (code, out) == (0, "")
    assert err.endswith("consistent: 31 lines, total 6,422,330,000 VND\n")


def test_report_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "budget", "report", "--by", "section", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "key,title,amount,share,lines"
    assert out.splitlines()[1] == '1,"QUẢN LÝ, ĐIỀU HÀNH CHƯƠNG TRÌNH OCOP",300000000,4.67,1'


def test_check_reports_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER + "1,1,,A,100,,X\n2,1.1,1,B,60,,\n3,1.2,1,C,x,,\n,,,TỔNG CỘNG,120,,\n",
        "utf-8",
    )
    code, out, err = run(capsys, "budget", "check", str(bad))
    assert code == 1
    assert out.splitlines() == [
        f"{bad}:4: amount_thousand_vnd: 'x' is not an amount in 1,000 VND [budget.amount_invalid]",
    ]
    assert err == f"{bad}: 1 error, 0 warnings\n"
    bad.write_text(HEADER + "1,1,,A,100,,X\n2,1.1,1,B,60,,\n,,,TỔNG CỘNG,120,,\n", "utf-8")
    code, out, err = run(capsys, "budget", "check", str(bad))
    assert code == 1
    assert out.splitlines() == [
        f"{bad}:2: amount: line 1: stated subtotal 100 ≠ 60, the sum of its 1 line "
        "(1,000 VND) [budget.subtotal]",
        f"{bad}:4: stated_total: stated total 120 ≠ 60, the sum of the lines (1,000 VND) "
        "[budget.total]",
    ]
    code, out, _ = run(capsys, "budget", "check", str(bad), "--format", "json")
    data = json.loads(out)
    assert (code, data["ok"], [p["code"] for p in data["problems"]]) == (
        1,
        False,
        ["budget.subtotal", "budget.total"],
    )
    assert data["problems"][0]["where"] == {
        "file": str(bad),
        "row": 2,
        "field": "amount",
        "code": "1",
    }
    code, out, _ = run(capsys, "budget", "check", str(bad), "--format", "csv")
    assert code == 1
    assert out.splitlines() == [
        "file,row,field,path,line,code,severity,message,cell",
        f"{bad},2,amount,,1,budget.subtotal,error,"
        '"line 1: stated subtotal 100 ≠ 60, the sum of its 1 line (1,000 VND)",',
        f"{bad},4,stated_total,,,budget.total,error,"
        '"stated total 120 ≠ 60, the sum of the lines (1,000 VND)",',
    ]
    # A report of an inconsistent budget prints no figures.
    code, out, err = run(capsys, "budget", "report", str(bad))
    assert (code, out) == (1, "")
    assert "[budget.subtotal]" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary", "this is a binary file, not UTF-8 text"),
        ("code,title,amount\n".encode("utf-16"), "this is UTF-16 text; save the file as UTF-8"),
        (
            "code,title,amount\n".encode("utf-16-le"),
            "this looks like UTF-16 text; save the file as UTF-8",
        ),
        (b"code,title,amount\n1,H\xe9,5\n", "not UTF-8 text (byte 22)"),
        (b"code,title\n1,A\n", "missing column amount"),
        (b"{not json", "not JSON"),
    ],
)
def test_unreadable_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    f = tmp_path / ("b.json" if content.startswith(b"{") else "b.csv")
    f.write_bytes(content)
    for cmd in ("check", "report"):
        code, out, err = run(capsys, "budget", cmd, str(f))
        assert code == 2
        assert out == ""
        assert err.startswith(f"ocop: {f}")
        assert message in err
        assert "Traceback" not in err


def test_missing_file_and_bad_usage_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "budget", "check", "/nonexistent/b.csv")
    assert (code, err) == (2, "ocop: /nonexistent/b.csv: no such file\n")
    with pytest.raises(SystemExit) as exit_:
        main(["budget", "report", "--by", "colour"])
    assert exit_.value.code == 2
    assert main(["budget"]) == 2


def test_convert_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, toml_text, _ = run(capsys, "budget", "convert", "--to", "toml")
    f = tmp_path / "b.toml"
    f.write_text(toml_text, "utf-8")
    _, json_text, _ = run(capsys, "budget", "convert", str(f), "--to", "json")
    g = tmp_path / "b.json"
    g.write_text(json_text, "utf-8")
    code, out, _ = run(capsys, "budget", "report", str(g), "--by", "section", "--format", "json")
    assert code == 0
    assert json.loads(out)["total"] == 6_422_330_000


@pytest.mark.usefixtures("vietnamese")
def test_money_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "money", "words", "6.422.330.000")[1] == (
        "Sáu tỷ bốn trăm hai mươi hai triệu ba trăm ba mươi nghìn đồng\n"
    )
    assert run(capsys, "money", "read", "Sáu tỷ, bốn trăm hai mươi hai triệu đồng")[1] == (
        "6.422.000.000 đồng\n"
    )
    assert run(capsys, "money", "format", "6422330000", "--unit", "million", "--places", "2")[
        1
    ] == ("6.422,33 triệu đồng\n")
    assert run(capsys, "money", "read", "hai triệu mốt")[1] == "2.100.000 đồng\n"
    assert run(capsys, "money", "read", "ba", "trăm", "rưỡi")[1] == "350 đồng\n"
    code, _, err = run(capsys, "money", "read", "sáu bánh", "--lang", "en")
    assert (code, err) == (2, "ocop: cannot read 'sáu bánh' as a number: unknown word 'bánh'\n")


def test_money_commands_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "money", "read", "Sáu tỷ, bốn trăm hai mươi hai triệu đồng")[1] == (
        "6,422,000,000 VND\n"
    )
    assert run(capsys, "money", "format", "6422330000", "--unit", "million", "--places", "2")[
        1
    ] == ("6,422.33 million VND\n")


def test_version_and_help() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "ocop", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("ocop ")
    out = subprocess.run(
        [sys.executable, "-m", "ocop", "--help"], capture_output=True, text=True, check=True
    )
    assert "budget" in out.stdout


@pytest.mark.usefixtures("vietnamese")
def test_reader_problems_are_vietnamese_by_default() -> None:
    table = "TT,Nội dung,Kinh phí (USD)\n1,A,1\n"
    done = subprocess.run(
        [sys.executable, "-m", "ocop", "budget", "check", "-"],
        check=False,
        input=table,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 1
    assert (
        "<stdin>:1: Kinh phí (USD): cột 'Kinh phí (USD)': 'USD' không nêu đơn vị nào" in done.stdout
    )
    assert "[budget.unit]" in done.stdout


@pytest.mark.usefixtures("vietnamese")
def test_quote_and_figure_problems_are_vietnamese_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quote = tmp_path / "quote.csv"
    quote.write_text('TT,Nội dung,Kinh phí (đồng)\n1,A,"1\n2,B,3\n', encoding="utf-8")
    code, out, _ = run(capsys, "budget", "check", str(quote))
    assert code == 1
    assert "dấu nháy kép mở ở dòng này mà không bao giờ đóng" in out
    assert "[budget.csv]" in out
    huge = tmp_path / "huge.csv"
    huge.write_text("TT,Nội dung,Kinh phí (đồng)\n1,A,1" + "0" * 99 + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "budget", "check", str(huge))
    assert code == 1
    assert "con số có 100 chữ số là quá lớn, không đọc được (tối đa 45)" in out

"""``ocop report``: the main job, end to end, in every format."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import SEED, run
from ocop.cli import main
from ocop.cycle import follow
from ocop.cycle.jsonio import read_events
from ocop.plan import Plan, progress, simulate
from ocop.plan.report import render
from ocop.testing.plan import plans

WORDS_WARNING = (
    "quang-tri-2019/budget.toml: $.total_in_words: cảnh báo: tổng bằng chữ 'Sáu tỷ, bốn trăm "
    "hai mươi hai triệu đồng' đọc ra 6.422.000.000 đồng, ít hơn tổng cộng 6.422.330.000 đồng "
    "là 330.000 đồng (số bằng chữ được làm tròn xuống hàng triệu) [budget.words]\n"
)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run(capsys, "report", *argv)


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    status, out, _ = _run(capsys, *argv, "--format", "json")
    assert status == 0
    data: dict = json.loads(out)  # type: ignore[type-arg]
    return data


@pytest.mark.usefixtures("vietnamese")
def test_report_simulated_shows_the_simulated_progress(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = _run(capsys, "--simulated")
    assert status == 0
    assert err == WORDS_WARNING
    lines = out.splitlines()
    assert lines[0] == "Kế hoạch 278/KH-SNN (04/03/2019)"
    assert lines[3] == "Tiến độ đến ngày 31/12/2019"
    assert "MÔ PHỎNG: số liệu từ nhật ký sự kiện mô phỏng (ocop simulate)" in lines[5]
    assert {"Mục tiêu", "Nội dung thực hiện", "Kinh phí theo mục"} <= set(lines)
    assert any(line.startswith("   Tổng cộng") and "6.422.330.000" in line for line in lines)


def test_the_budget_rollup_has_the_shape_of_budget_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = _json(capsys)
    assert main(["budget", "report", "--by", "section", "--format", "json"]) == 0
    budget = json.loads(capsys.readouterr().out)
    sections = report["budget"]["sections"]
    assert [{k: g[k] for k in ("key", "title", "amount", "share", "lines")} for g in sections] == (
        budget["groups"]
    )
    assert sections[0] == {
        "key": "1",
        "code": "1",
        "title": "QUẢN LÝ, ĐIỀU HÀNH CHƯƠNG TRÌNH OCOP",
        "amount": 300_000_000,
        "share": 4.67,
        "lines": 1,
    }
    for g in sections:
        assert isinstance(g["share"], float)
        assert isinstance(g["amount"], int)
    assert '"share": 4.67,' in _run(capsys, "--format", "json")[1]
    shares = [a["share"] for a in report["activities"] if a["share"] is not None]
    assert all(isinstance(x, float) for x in shares)


def _activity_rows(text: str) -> list[str]:
    start = text.index("Nội dung thực hiện")
    return text[start : text.index("Kinh phí theo mục")].splitlines()


@pytest.mark.usefixtures("vietnamese")
def test_shared_money_is_marked_and_counted_once(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys)
    by_id = {a["id"]: a for a in data["activities"]}
    assert by_id["II.5.5.a"]["shared_with"] == ["II.5.5.b"]
    assert by_id["II.5.5.a"]["budget"] == by_id["II.5.5.b"]["budget"] == 1_000_000_000
    column = sum(a["budget"] or 0 for a in data["activities"])
    assert column == data["budget"]["linked"] + 1_000_000_000
    assert data["budget"]["linked"] == 6_053_600_000

    _, out, _ = _run(capsys)
    rows = _activity_rows(out)
    marked = [r for r in rows if "1.000.000.000 *" in r]
    assert [r.split()[0] for r in marked] == ["II.5.5.a", "II.5.5.b"]
    total = next(r for r in rows if "Tổng cộng các nội dung" in r)
    assert total.split()[-3:] == ["6.053.600.000", "94,26", "%"]
    assert "* II.5.5.a: dùng chung với II.5.5.b; chỉ tính một lần trong tổng cộng" in rows
    assert "* II.5.5.b: dùng chung với II.5.5.a; chỉ tính một lần trong tổng cộng" in rows
    # the figures stay aligned: unmarked amounts leave room for the mark
    amounts = [re.search(r"(\d[\d.]*\d)( \*|  ) +\d+,\d\d %$", r) for r in rows if r.endswith("%")]
    ends = {m.end(1) for m in amounts if m is not None}
    assert len(amounts) == 12
    assert None not in amounts
    assert len(ends) == 1

    _, out, _ = _run(capsys, "--lang", "en")
    assert "* II.5.5.a: shared with II.5.5.b; counted once in the total" in out
    assert "Total of the activities" in out

    _, md, _ = _run(capsys, "--format", "markdown")
    assert "| 1.000.000.000 \\* | 15,57 % |" in md
    assert "\\* II.5.5.a: dùng chung với II.5.5.b; chỉ tính một lần trong tổng cộng" in md
    assert "|  | Tổng cộng các nội dung |  |  | 6.053.600.000 | 94,26 % |" in md

    _, page, _ = _run(capsys, "--format", "html")
    assert '<td class="n">1.000.000.000 *</td>' in page
    assert '<th class="n">6.053.600.000</th><th class="n">94,26 %</th></tr></tfoot>' in page
    assert "* II.5.5.b: dùng chung với II.5.5.a; chỉ tính một lần trong tổng cộng" in page


def test_the_json_document_keeps_its_contract(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "--simulated")
    assert {"plan", "targets", "activities", "budget", "problems"} <= set(data)
    assert data["plan"]["number"] == "278/KH-SNN"
    assert data["plan"]["year"] == 2019
    assert data["on"] == "2019-12-31"
    assert data["simulated"] is True
    assert data["events"]["simulated"] is True
    for t in data["targets"]:
        assert {"id", "target", "actual", "status"} <= set(t)
        assert t["status"] in {
            "met",
            "on_track",
            "at_risk",
            "missed",
            "no_data",
            "not_enough_data",
        }
    for a in data["activities"]:
        assert {"id", "from", "to", "status"} <= set(a)
        assert re.fullmatch(r"\d{4}-Q[1-4]", a["from"])
        assert re.fullmatch(r"\d{4}-Q[1-4]", a["to"])
    assert data["budget"]["total"] == 6_422_330_000
    assert [s["code"] for s in data["budget"]["sections"]] == list("1234567")
    assert sum(s["amount"] for s in data["budget"]["sections"]) == 6_422_330_000
    assert [p["code"] for p in data["problems"]] == ["budget.words"]
    targets = {t["id"]: t for t in data["targets"]}
    assert targets["T4"]["target"] == [3, 5]
    assert targets["T1"]["target"] is True
    assert targets["T1"]["status"] == "no_data"
    assert targets["T5"]["actual"] == data["indicators"]["products_3star_plus_provincial"]
    assert targets["T5"]["sources"] == [
        {
            "kind": "events",
            "ref": "ocop/data/quang-tri-2019/events-simulated.jsonl",
            "on": None,
            "by": "",
            "where": "",
            "simulated": True,
        }
    ]


def test_without_an_event_log_the_record_indicators_have_no_data(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _json(capsys, "--no-events")
    assert data["events"] is None
    assert data["simulated"] is False
    assert {t["status"] for t in data["targets"]} == {"no_data"}
    assert data["indicators"] is None


def test_on_a_date_in_the_year(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "--simulated", "--on", "2019-Q2")
    assert data["on"] == "2019-06-30"
    acts = {a["id"]: a["status"] for a in data["activities"]}
    assert acts["II.5.1"] == "done"
    assert acts["II.5.5.a"] == "planned"
    assert acts["II.1"] == "no_data"
    targets = {t["id"]: t for t in data["targets"]}
    assert targets["T5"]["status"] == "on_track"
    assert targets["T5"]["expected"] == 0


def test_a_simulated_year_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sim = simulate(province="Quảng Trị", products=200, year=2019, seed=42)
    log = tmp_path / "year.jsonl"
    log.write_text(sim.jsonl(), "utf-8")
    data = _json(capsys, "--events", str(log))
    assert data["indicators"] == dict(sim.tally)
    assert data["events"] == {
        "file": str(log),
        "events": len(sim.lines),
        "products": 200,
        "simulated": True,
    }
    targets = {t["id"]: t for t in data["targets"]}
    assert targets["T8"]["actual"] == sim.tally["economic_organisations_participating"]


@pytest.mark.parametrize("fmt", ["markdown", "html", "table", "json"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_format_says_simulated(
    fmt: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, "--simulated", "--format", fmt, "--lang", lang)
    assert status == 0
    if fmt == "json":
        assert json.loads(out)["simulated"] is True
    else:
        assert ("MÔ PHỎNG" if lang == "vi" else "SIMULATED") in out


@pytest.mark.usefixtures("vietnamese")
def test_the_html_page_stands_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "r.html"
    status, out, _ = _run(capsys, "--format", "html", "--output", str(page))
    assert (status, out) == (0, "")
    html = page.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert html.count("<svg") == 1
    assert "<rect" in html
    assert html.count('class="bar"') == 10
    for banned in ("<script", "<link", "@import", "url(", "src=", "https://"):
        assert banned not in html
    assert re.findall(r"http://[^\"' ]+", html) == ["http://www.w3.org/2000/svg"]
    assert "6.422.330.000" in html


def test_markdown_tables(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--simulated", "--format", "markdown", "--lang", "en")
    assert status == 0
    assert out.startswith("# Plan 278/KH-SNN (04/03/2019)\n")
    assert "> **SIMULATED: figures from a simulated event log" in out
    assert "| id | title | window | status | amount (đồng) | share |" in out
    assert "|---|---|---|---|---:|---:|" in out
    assert "## Problems" in out


def test_a_plan_folder_without_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not SEED.is_dir():
        pytest.skip(f"the Quảng Trị 2019 tables ({SEED}) are not beside the repository")
    data = _json(capsys, str(SEED))
    assert data["plan"]["number"] == "quang-tri-2019"
    assert data["events"] is None


def test_an_invalid_plan_exits_1_with_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "p.toml"
    plan.write_text(
        'number = "1/KH"\nyear = 2019\n[[activities]]\nid = "A"\ntitle = "a"\nwindow = "Q9"\n'
        '[[targets]]\nid = "T"\ntext = "t"\nindicator = "x"\ncomparison = "about"\n',
        "utf-8",
    )
    status, out, err = _run(capsys, str(plan))
    assert (status, out) == (1, "")
    assert err == (
        f"{plan}: $.activities[0].window: 'Q9' is not a range of quarters (write "
        "2019-Q2..2019-Q4 or Quý II - IV năm 2019) [plan.window]\n"
        f"{plan}: $.targets[0].value: a target compared 'about' needs a value [plan.value]\n"
    )


def test_an_invalid_event_log_exits_1_with_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "e.jsonl"
    log.write_text(
        '{"product": "A", "event": "register", "on": "2019-04-01"}\n'
        '{"product": "A", "event": "evaluate", "on": "2019-03-01", "level": "province", '
        '"score": 70}\n'
        "not json\n",
        "utf-8",
    )
    status, _, err = _run(capsys, "--events", str(log))
    assert status == 1
    assert err.splitlines()[:2] == [
        f"{log}:2: A: evaluate on 2019-03-01 is before the last step (2019-04-01) [cycle.refused]",
        f"{log}:3: not JSON: Expecting value (column 1) [cycle.line]",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["missing.toml"], "ocop: missing.toml: no such file\n"),
        (["--events", "missing.jsonl"], "ocop: missing.jsonl: no such file\n"),
        (
            ["--on", "31/12/2019"],
            "ocop: --on '31/12/2019': not a date (write YYYY-MM-DD, or a quarter such as "
            "2019-Q3)\n",
        ),
    ],
)
def test_unusable_input_exits_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    status, out, err = _run(capsys, *argv)
    assert (status, out, err) == (2, "", message)


def test_unreadable_files_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "b.toml"
    binary.write_bytes(b"\x00\x01\x02")
    empty = tmp_path / "e.jsonl"
    empty.write_text("", "utf-8")
    broken = tmp_path / "x.toml"
    broken.write_text("x = [", "utf-8")
    for argv in ([str(binary)], ["--events", str(empty)], [str(broken)], [str(tmp_path)]):
        status, out, err = _run(capsys, *argv)
        assert (status, out) == (2, ""), argv
        assert err.startswith("ocop: "), argv
        assert "Traceback" not in err


def test_plan_check_and_schema(capsys: pytest.CaptureFixture[str]) -> None:
    if SEED.is_dir():
        assert main(["plan", "check", str(SEED)]) == 0
        out = capsys.readouterr().out
        assert out.endswith("quang-tri-2019 (2019): 15 activities, 10 targets, 0 facts\n")
    assert main(["plan", "schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "ocop plan"


@settings(max_examples=40, deadline=None)
@given(plan=plans(), day=st.integers(min_value=0, max_value=364), with_log=st.booleans())
def test_any_plan_renders_in_every_format(plan: Plan, day: int, with_log: bool) -> None:
    on = plan.start + dt.timedelta(days=day)
    records = None
    if with_log:
        sim = simulate(province="Quảng Trị", products=8, year=plan.year, seed=day)
        records = follow(read_events(sim.jsonl()).value).value
    p = progress(plan, on=on, records=records)
    data = json.loads(render(p, "json"))
    assert [t["id"] for t in data["targets"]] == [t.id for t in plan.targets]
    assert [a["id"] for a in data["activities"]] == [a.id for a in plan.activities]
    for fmt in ("table", "markdown", "html"):
        for lang in ("vi", "en"):
            text = render(p, fmt, lang=lang)
            assert plan.number in text

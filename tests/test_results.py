"""The real results of Quảng Trị's 2019 cycle: shipped data, figures, statuses, the report."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import ROOT, SEED
from ocop.cli import main
from ocop.errors import OcopValueError
from ocop.plan import Bounds, Comparison, Plan, Target, TargetStatus, progress, quang_tri_2019
from ocop.plan.progress import target_progress
from ocop.plan.results import KnownFigure, quang_tri_2019_results, read_results
from ocop.regimes import Level
from ocop.subjects import SubjectKind


def _report(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(["report", *argv])
    return status, capsys.readouterr().out


def _targets(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, dict]:  # type: ignore[type-arg]
    status, out = _report(capsys, *argv, "--format", "json")
    assert status == 0
    data = json.loads(out)
    return {t["id"]: t for t in data["targets"]}


# ----------------------------------------------------------------------------- shipped data


def test_the_shipped_results_are_what_the_script_builds() -> None:
    if not SEED.is_dir():
        pytest.skip(
            "needs ../shared/data/quang-tri-2019 (the transcription the data is built from)"
        )
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_builtin_results.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr


def test_the_shipped_results_hold_every_row_of_the_shared_table() -> None:
    if not SEED.is_dir():
        pytest.skip("needs ../shared/data/quang-tri-2019/results-2019.csv")
    with (SEED / "results-2019.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    shipped = quang_tri_2019_results().recognitions
    assert [r.product for r in shipped] == [row["product"] for row in rows]
    assert [r.subject or "" for r in shipped] == [row["subject"] for row in rows]
    assert [r.subject_kind.value if r.subject_kind else "" for r in shipped] == [
        row["subject_kind"] for row in rows
    ]
    assert [r.stars for r in shipped] == [int(row["stars"]) for row in rows]


def test_the_results_snapshot() -> None:
    r = quang_tri_2019_results()
    assert (r.province, r.cycle) == ("Quảng Trị", 2019)
    assert [(d.number, d.on, d.level, d.complete) for d in r.decisions] == [
        ("136/QĐ-UBND", dt.date(2020, 1, 15), Level.PROVINCE, True)
    ]
    assert len(r.recognitions) == 19
    assert sorted(x.stars for x in r.recognitions).count(4) == 2
    assert dict(r.evaluated) == {Level.PROVINCE: 22, Level.NATIONAL: 0}
    kinds = {x.subject_kind for x in r.recognitions}
    assert kinds == {
        SubjectKind.ENTERPRISE,
        SubjectKind.COOPERATIVE,
        SubjectKind.HOUSEHOLD,
        None,
    }
    unknown = [x for x in r.recognitions if x.subject is None]
    assert [x.product for x in unknown] == ["Bột ngũ cốc"]
    assert {p.id for p in r.publications} == {"sonnptnt", "nongnghiep"}


def test_a_results_document_naming_an_unknown_decision_is_refused() -> None:
    text = (
        'province = "X"\ncycle = 2019\n[[recognitions]]\nproduct = "p"\nstars = 3\n'
        'level = "province"\ndecision = "1/QĐ"\n'
    )
    with pytest.raises(OcopValueError, match="no decision '1/QĐ'"):
        read_results(text)
    with pytest.raises(OcopValueError, match="not a results document"):
        read_results("cycle = 2019\n")


# ----------------------------------------------------------------------------- figures


def test_figures_on_the_cycles_last_day() -> None:
    f = quang_tri_2019_results().figures(dt.date(2019, 12, 31))
    assert {k: v.bounds for k, v in f.items()} == {
        "products_3star_plus_provincial": Bounds.exactly(19),
        "products_4to5star_provincial": Bounds.exactly(2),
        "products_4to5star_national": Bounds.exactly(0),
        "products_recognized": Bounds.exactly(19),
        "economic_organisations_participating": Bounds.at_least(9),
    }


def test_outcomes_count_for_their_cycle_not_the_decisions_date() -> None:
    r = quang_tri_2019_results()
    # Decided 15 Jan 2020, counted for the 2019 cycle from its last day.
    assert r.counts_from(r.decisions[0]) == dt.date(2019, 12, 31)
    assert r.figures(dt.date(2019, 12, 30)) == {}
    assert r.figures(dt.date(2020, 6, 1)) == r.figures(dt.date(2019, 12, 31))
    plan = quang_tri_2019()
    before = {
        t.target.id: t.status for t in progress(plan, on=dt.date(2019, 12, 30), results=r).targets
    }
    assert before["T5"] is TargetStatus.NO_DATA


def test_results_of_another_cycle_are_not_used() -> None:
    plan = quang_tri_2019()
    import attrs

    other = attrs.evolve(plan, year=2020)
    p = progress(other, results=quang_tri_2019_results())
    assert {t.status for t in p.targets} == {TargetStatus.NO_DATA}


def _target(value: int) -> Target:
    return Target(
        id="T", text="t", indicator="economic_organisations_participating",
        comparison=Comparison.AT_LEAST, value=value,
    )  # fmt: skip


@given(
    value=st.integers(0, 40),
    low=st.integers(0, 40),
    extra=st.none() | st.integers(0, 40),
    day=st.sampled_from([dt.date(2019, 6, 30), dt.date(2019, 12, 31)]),
)
def test_partial_knowledge_is_never_rounded_into_a_verdict(
    value: int, low: int, extra: int | None, day: dt.date
) -> None:
    plan = Plan(number="P", year=2019)
    high = None if extra is None else low + extra
    known = {
        "economic_organisations_participating": KnownFigure(
            bounds=Bounds(low=low, high=high), sources=()
        )
    }
    tp = target_progress(plan, _target(value), day, None, known)
    if high == low:
        assert tp.actual == low
        assert tp.status is not TargetStatus.NOT_ENOUGH_DATA
        return
    assert tp.actual is None
    every = range(low, (high if high is not None else low + 50) + 1)
    if all(n >= value for n in every):
        assert tp.status is TargetStatus.MET
    elif high is not None and all(n < value for n in every) and day >= plan.end:
        assert tp.status is TargetStatus.MISSED
    else:
        assert tp.status is TargetStatus.NOT_ENOUGH_DATA
        assert tp.met is None


def test_the_boundary_of_a_lower_bound() -> None:
    plan = Plan(number="P", year=2019)
    day = plan.end
    for low, status in ((9, TargetStatus.NOT_ENOUGH_DATA), (10, TargetStatus.MET)):
        known = {
            "economic_organisations_participating": KnownFigure(
                bounds=Bounds.at_least(low), sources=()
            )
        }
        assert target_progress(plan, _target(10), day, None, known).status is status
    known = {
        "economic_organisations_participating": KnownFigure(
            bounds=Bounds(low=5, high=9), sources=()
        )
    }
    assert target_progress(plan, _target(10), day, None, known).status is TargetStatus.MISSED
    assert target_progress(plan, _target(10), dt.date(2019, 6, 1), None, known).status is (
        TargetStatus.NOT_ENOUGH_DATA
    )
    assert target_progress(plan, _target(10), day, None, known).expected == Fraction(10)


# ----------------------------------------------------------------------------- the report


def test_ocop_report_with_no_options_reports_the_real_results(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out = _report(capsys, "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["simulated"] is False
    assert data["events"] is None
    assert data["results"]["cycle"] == 2019
    assert data["results"]["recognitions"] == 19
    t = {x["id"]: x for x in data["targets"]}
    assert (t["T5"]["actual"], t["T5"]["status"], t["T5"]["met"]) == (19, "missed", False)
    assert (t["T6"]["actual"], t["T6"]["status"], t["T6"]["met"]) == (2, "met", True)
    assert (t["T7"]["actual"], t["T7"]["status"], t["T7"]["met"]) == (0, "missed", False)
    assert (t["T8"]["actual"], t["T8"]["status"], t["T8"]["met"]) == (None, "not_enough_data", None)
    assert (t["T8"]["at_least"], t["T8"]["at_most"]) == (9, None)
    for key in ("T1", "T2", "T3", "T4", "T9", "T10"):
        assert t[key]["status"] == "no_data"
        assert t[key]["sources"] == []
    assert next(s["ref"] for s in t["T5"]["sources"]) == "136/QĐ-UBND"
    assert t["T5"]["sources"][0]["on"] == "2020-01-15"
    assert t["T7"]["sources"][0]["kind"] == "publication"
    assert t["T8"]["sources"][0]["ref"] == "136/QĐ-UBND"
    for key in ("T5", "T6", "T7", "T8"):
        assert t[key]["basis"] == "results"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_table_and_the_html_say_the_same(
    lang: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    words = {
        "vi": (
            "không đạt",
            "đạt",
            "chưa đủ số liệu",
            "ít nhất 9",
            "Quyết định 136/QĐ-UBND ngày 15/01/2020",
        ),
        "en": (
            "missed",
            "met",
            "not enough data",
            "at least 9",
            "Decision 136/QĐ-UBND of 15/01/2020",
        ),
    }[lang]
    missed, met, partial, nine, decision = words
    status, table = _report(capsys, "--lang", lang)
    assert status == 0
    rows = {line.split()[0]: line for line in table.splitlines() if re.match(r"T\d+ ", line)}
    assert re.search(rf"  19\s+{missed}\s+\[1\] \[2\]$", rows["T5"])
    assert re.search(rf"  2\s+{met}\s+\[1\] \[2\]$", rows["T6"])
    assert re.search(rf"  0\s+{missed}\s+\[2\]$", rows["T7"])
    assert re.search(rf"  {nine}\s+{partial}\s+\[1\]$", rows["T8"])
    assert f"[1] {decision}" in table
    assert "MÔ PHỎNG" not in table
    assert "SIMULATED" not in table
    page = tmp_path / "r.html"
    assert main(["report", "--lang", lang, "--format", "html", "-o", str(page)]) == 0
    html = page.read_text("utf-8")
    cards = dict(re.findall(r'<span class="id">(T\d+)</span>(.*?)</div></div>', html))
    assert f">{missed}<" in cards["T5"]
    assert ": 19 ·" in cards["T5"]
    assert f">{met}<" in cards["T6"]
    assert ": 2 ·" in cards["T6"]
    assert f">{missed}<" in cards["T7"]
    assert ": 0 ·" in cards["T7"]
    assert f">{partial}<" in cards["T8"]
    assert nine in cards["T8"]
    assert decision in html
    status, md = _report(capsys, "--lang", lang, "--format", "markdown")
    assert decision in md
    assert nine in md


def test_simulated_is_an_explicit_option_and_keeps_its_label(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out = _report(capsys, "--simulated", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["simulated"] is True
    assert data["results"] is None
    assert main(["report", "--simulated", "quang-tri.toml"]) == 2
    assert "--simulated" in capsys.readouterr().err


def test_no_events_reports_without_results(capsys: pytest.CaptureFixture[str]) -> None:
    t = _targets(capsys, "--no-events")
    assert {x["status"] for x in t.values()} == {"no_data"}


@pytest.mark.usefixtures("vietnamese")
def test_the_plan_page_shows_what_ocop_report_prints(capsys: pytest.CaptureFixture[str]) -> None:
    page = (ROOT / "docs" / "concepts" / "plan.md").read_text("utf-8")
    status, out = _report(capsys)
    assert status == 0
    lines = out.splitlines()
    shown = [line for line in lines if re.match(r"T[5-8] ", line)]
    shown += [line for line in lines if re.match(r"\[[12]\] ", line)]
    assert len(shown) == 6
    for line in shown:
        assert line in page, line

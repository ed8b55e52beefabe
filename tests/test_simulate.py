"""Simulated years: lawful for the replay, reproducible, marked, and counted the same way."""

from __future__ import annotations

import collections
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop.cli import main
from ocop.cycle import Record, Stage, follow
from ocop.cycle.jsonio import EventLine, read_events
from ocop.errors import OcopValueError
from ocop.plan import SIMULATED, count_indicators, simulate
from ocop.plan.indicators import is_economic_organisation, product_kind
from ocop.problems import Result


def _replay(text: str) -> tuple[Result[tuple[EventLine, ...]], Result[dict[str, Record]]]:
    read = read_events(text, file="sim.jsonl")
    followed = follow(read.value)
    return read, followed


@pytest.mark.parametrize("year", [2019, 2023, 2025, 2026])
def test_a_simulated_year_replays_without_any_problem(year: int) -> None:
    sim = simulate(province="Quảng Trị", products=150, year=year, seed=7)
    read, followed = _replay(sim.jsonl())
    assert read.problems == ()
    assert followed.problems == ()
    assert len(followed.value) == 150


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(min_value=0, max_value=10**6),
    products=st.integers(min_value=0, max_value=60),
    year=st.sampled_from([2019, 2021, 2023, 2024, 2025, 2026, 2027]),
)
def test_indicators_of_a_replayed_log_agree_with_the_simulation(
    seed: int, products: int, year: int
) -> None:
    sim = simulate(province="Đồng Tháp", products=products, year=year, seed=seed)
    _, followed = _replay(sim.jsonl())
    assert not followed.problems
    counted = count_indicators(
        followed.value.values(), start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)
    )
    assert counted == dict(sim.tally)


def test_the_same_seed_gives_the_same_log_and_another_seed_another() -> None:
    a = simulate(province="Quảng Trị", products=40, year=2019, seed=278)
    b = simulate(province="Quảng Trị", products=40, year=2019, seed=278)
    c = simulate(province="Quảng Trị", products=40, year=2019, seed=279)
    assert a.jsonl() == b.jsonl()
    assert a.jsonl() != c.jsonl()


def test_the_log_is_marked_simulated_and_ordered_by_date() -> None:
    sim = simulate(province="Quảng Trị", products=80, year=2019, seed=1)
    registers = [x for x in sim.lines if x["event"] == "register"]
    assert len(registers) == 80
    assert all(x["note"].startswith(SIMULATED + ";") for x in registers)
    assert all(product_kind(x["note"]) in ("existing", "new") for x in registers)
    days = [x["on"] for x in sim.lines]
    assert days == sorted(days)
    assert all(x["product"].startswith("QT-2019-") for x in sim.lines)


def test_a_large_year_holds_what_a_province_sees() -> None:
    sim = simulate(province="Nghệ An", products=600, year=2019, seed=3)
    _, followed = _replay(sim.jsonl())
    records = list(followed.value.values())
    notes = [x["note"] for x in sim.lines if x["event"] == "register"]
    sets = {n.split(";")[1] for n in notes}
    assert len(sets) == 26
    subjects = {x["subject"] for x in sim.lines if x["event"] == "register"}
    kinds = collections.Counter(s.split()[0] for s in subjects)
    assert {"HTX", "Công", "Tổ", "Hộ"} <= set(kinds)
    assert any(is_economic_organisation(s) for s in subjects)
    stages = collections.Counter(r.stage for r in records)
    assert stages[Stage.IDEA_REJECTED] > 0
    assert stages[Stage.WITHDRAWN] > 0
    assert stages[Stage.RECOGNIZED] > 0
    assert stages[Stage.DISTRICT_EVALUATED] > 0  # below 50: left for the next round
    stars = collections.Counter(r.stars for r in records if r.stars)
    assert stars[3] > stars[4] > 0
    levels = {x.get("level") for x in sim.lines if x["event"] == "evaluate"}
    assert levels == {"district", "province", "national"}
    scores = [x["score"] for x in sim.lines if x["event"] == "evaluate"]
    assert all(not isinstance(s, float) for s in scores)


def test_a_commune_regime_year_checks_dossiers_at_the_commune() -> None:
    sim = simulate(province="Lâm Đồng", products=300, year=2026, seed=5)
    events = collections.Counter(x["event"] for x in sim.lines)
    assert events["commune_check"] > 0
    assert {x.get("level") for x in sim.lines if x["event"] == "evaluate"} <= {
        "province",
        "national",
    }
    assert any(x.get("passed") is False for x in sim.lines)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"products": -1, "year": 2019}, "'products' must be an int of 0 or more"),
        ({"products": 3, "year": 2018}, "'year' must be from 2019 to 2100"),
        ({"products": 100_001, "year": 2019}, "'products' must be at most 100,000"),
        ({"products": 10**20, "year": 2019}, "'products' must be at most 100,000"),
    ],
)
def test_bad_arguments(kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(OcopValueError, match=message):
        simulate(province="X", seed=1, **kwargs)


def test_the_command_writes_what_simulate_makes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--province", "Quảng Trị", "--products", "12", "--year", "2019", "--seed", "9"]
    assert main(["simulate", *args]) == 0
    out, _ = capsys.readouterr()
    assert out == simulate(province="Quảng Trị", products=12, year=2019, seed=9).jsonl()
    target = tmp_path / "log.jsonl"
    assert main(["simulate", *args, "--output", str(target)]) == 0
    assert target.read_text("utf-8") == out
    assert main(["cycle", "replay", str(target), "--format", "json"]) == 0
    replayed = json.loads(capsys.readouterr().out)
    assert replayed["problems"] == []


def test_the_command_refuses_bad_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        ["simulate", "--province", "Quảng Trị", "--products", "-5", "--year", "2019", "--seed", "1"]
    )
    assert status == 2
    assert capsys.readouterr().err == ("ocop: 'products' must be an int of 0 or more (got -5)\n")


def _simulate_cli(province: str, products: str, year: str) -> int:
    return main(
        ["simulate", "--province", province, "--products", products, "--year", year, "--seed", "1"]
    )


def test_the_command_refuses_a_count_too_big_before_any_work(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _simulate_cli("Quảng Trị", "99999999999999999999", "2019") == 2
    assert capsys.readouterr() == (
        "",
        "ocop: 'products' must be at most 100,000 (got 99,999,999,999,999,999,999): "
        "the whole country has about 18,200 certified products\n",
    )


def test_the_command_says_why_a_year_before_2019_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _simulate_cli("Quảng Trị", "3", "2018") == 2
    assert capsys.readouterr().err == (
        "ocop: 'year' must be from 2019 to 2100 (got 2018): no criteria set before "
        "1048/QĐ-TTg of 21 Aug 2019 is in the data\n"
    )


def test_the_command_refuses_an_unknown_province_and_lists_the_known(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _simulate_cli("Atlantis", "3", "2019") == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(
        "ocop: --province 'Atlantis': not a province of Vietnam on 2019-01-01 (known: An Giang, "
    )
    assert "Quảng Trị, Sóc Trăng" in err
    assert err.count(", ") == 62
    assert _simulate_cli("Atlantis", "3", "2026") == 2
    assert capsys.readouterr().err.count(", ") == 33


def test_a_province_that_no_longer_exists_names_its_successor(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _simulate_cli("Hà Giang", "3", "2026") == 2
    assert capsys.readouterr().err == (
        "ocop: --province 'Hà Giang': Tỉnh Hà Giang no longer exists on 2026-01-01; from "
        "2025-07-01 it is part of Tỉnh Tuyên Quang\n"
    )
    assert _simulate_cli("Hà Giang", "3", "2024") == 0
    capsys.readouterr()


@pytest.mark.parametrize(
    ("name", "year", "province"),
    [
        ("quang tri", 2019, "Quảng Trị"),
        ("QUẢNG TRỊ", 2026, "Quảng Trị"),
        ("tỉnh Quảng Trị", 2019, "Quảng Trị"),
        ("TP Hồ Chí Minh", 2026, "Hồ Chí Minh"),
        ("thành phố Huế", 2026, "Huế"),
        ("Thừa Thiên Huế", 2024, "Thừa Thiên Huế"),
    ],
)
def test_province_names_are_matched_without_case_or_diacritics(
    name: str, year: int, province: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _simulate_cli(name, "1", str(year)) == 0
    out, _ = capsys.readouterr()
    assert out == simulate(province=province, products=1, year=year, seed=1).jsonl()


def test_a_folded_name_simulates_the_province_itself(capsys: pytest.CaptureFixture[str]) -> None:
    assert _simulate_cli("quang tri", "5", "2019") == 0
    out, _ = capsys.readouterr()
    assert out == simulate(province="Quảng Trị", products=5, year=2019, seed=1).jsonl()

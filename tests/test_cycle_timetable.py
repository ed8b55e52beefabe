"""The timetable: plan windows, the 26/2026 batches and deadlines, working days with Tết."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from helpers import SEED, needs_seed
from ocop.cycle import (
    Event,
    EventKind,
    Record,
    Window,
    add_working_days,
    advance,
    commune_check_due,
    is_working_day,
    ministry_batch,
    province_batch,
    re_evaluation_window,
    working_days_between,
)
from ocop.errors import OcopValueError
from ocop.plan import quang_tri_2019
from ocop.problems import Severity
from ocop.regimes import Level
from ocop.testing.cycle import developed, walk

D = dt.date


def test_quarters() -> None:
    assert Window.quarter("2019-Q2") == Window(start=D(2019, 4, 1), end=D(2019, 6, 30))
    assert Window.quarter("2019q4").end == D(2019, 12, 31)
    assert Window.quarters("2019-Q2", "2019-Q4") == Window(start=D(2019, 4, 1), end=D(2019, 12, 31))
    # One quarter parser (ocop.periods): "Q2/2019" and "Quý II năm 2019" are quarters too.
    assert Window.quarter("Quý II năm 2019") == Window.quarter("2019-Q2")
    for bad in ("2019-Q5", "", "2019-2", "spring"):
        with pytest.raises(OcopValueError, match="not a quarter"):
            Window.quarter(bad)
    with pytest.raises(OcopValueError, match="must not end"):
        Window.quarters("2019-Q3", "2019-Q2")


def test_window_edges() -> None:
    w = Window.quarter("2019-Q2")
    assert D(2019, 3, 31) not in w
    assert D(2019, 4, 1) in w
    assert D(2019, 6, 30) in w
    assert D(2019, 7, 1) not in w
    assert w.render() == "2019-04-01 – 2019-06-30"


@needs_seed
def test_the_quang_tri_plan_matches_the_seeds_activities() -> None:
    with (SEED / "activities.csv").open(encoding="utf-8") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    plan = quang_tri_2019().timetable()  # the windows come from the plan's own data

    def quarters(*ids: str) -> Window:
        return Window.quarters(min(rows[i]["from"] for i in ids), max(rows[i]["to"] for i in ids))

    def span(kind: str, level: Level | None = None) -> tuple[dt.date, dt.date]:
        w = plan.window(EventKind(kind), level)
        assert w is not None
        return (w.start, w.end)

    def expect(*ids: str) -> tuple[dt.date, dt.date]:
        w = quarters(*ids)
        return (w.start, w.end)

    assert span("register") == expect("II.5.1")
    assert span("select_idea") == expect("II.5.2")
    assert span("submit_plan") == expect("II.5.3")
    assert span("start_development") == expect("II.5.4.1", "II.5.4.2", "II.5.4.3")
    assert span("evaluate", Level.DISTRICT) == expect("II.5.5.a")
    assert span("evaluate", Level.PROVINCE) == expect("II.5.5.b")


def test_a_step_outside_the_plan_is_a_warning_with_the_window() -> None:
    plan = quang_tri_2019().timetable()
    result = advance(Record.new("QT-009"), Event.register(), on=D(2019, 7, 1), timetable=plan)
    assert result.ok
    assert result.value.stage.value == "registered"
    assert [(p.severity, p.render()) for p in result.problems] == [
        (
            Severity.WARNING,
            "register: warning: register on 2019-07-01 is outside the plan's window "
            "2019-04-01 – 2019-06-30 (278/KH-SNN II.5.1) [cycle.window]",
        )
    ]
    assert (
        advance(Record.new("QT-009"), Event.register(), on=D(2019, 6, 30), timetable=plan).problems
        == ()
    )


# Working days (26/2026 art. 7.2): weekends and Vietnamese public holidays are skipped.
WORKING_DAYS = [
    # Tết 2027: 4–10 February are holidays.
    (D(2027, 1, 29), 3, D(2027, 2, 3)),
    (D(2027, 1, 29), 4, D(2027, 2, 11)),
    (D(2027, 1, 29), 15, D(2027, 2, 26)),
    # Hùng Kings (observed 27 Apr), 30/4 and 1/5 in 2026.
    (D(2026, 4, 24), 1, D(2026, 4, 28)),
    (D(2026, 4, 24), 15, D(2026, 5, 20)),
    # A plain fortnight and a weekend start.
    (D(2026, 6, 1), 15, D(2026, 6, 22)),
    (D(2026, 6, 6), 1, D(2026, 6, 8)),
    (D(2026, 6, 1), 0, D(2026, 6, 1)),
]


@pytest.mark.parametrize(("start", "days", "end"), WORKING_DAYS)
def test_working_days(start: dt.date, days: int, end: dt.date) -> None:
    assert add_working_days(start, days) == end
    assert working_days_between(start, end) == days


def test_tet_and_weekends_are_not_working_days() -> None:
    assert not is_working_day(D(2027, 2, 8))  # Tết, a Monday
    assert not is_working_day(D(2026, 9, 2))  # National Day
    assert not is_working_day(D(2026, 6, 6))  # a Saturday
    assert is_working_day(D(2027, 2, 11))
    with pytest.raises(OcopValueError):
        add_working_days(D(2026, 1, 1), -1)


def test_commune_check_within_15_working_days() -> None:
    assert commune_check_due(D(2027, 1, 29)) == D(2027, 2, 26)
    r = walk(developed("P", D(2026, 6, 1)), [(Event.of("file_dossier"), D(2027, 1, 29))])
    assert advance(r, Event.commune_check(), on=D(2027, 2, 26)).problems == ()
    (late,) = advance(r, Event.commune_check(), on=D(2027, 3, 1)).problems
    assert late.render() == (
        "commune_check: warning: commune check on 2027-03-01: due within 15 working days of "
        "the filing on 2027-01-29, by 2027-02-26 (26/2026/QĐ-TTg art. 7.2) [cycle.deadline]"
    )


BATCHES = [
    # "trước ngày": before the day, the day itself not included (art. 5).
    (province_batch, D(2026, 4, 29), D(2026, 6, 29)),
    (province_batch, D(2026, 4, 30), D(2026, 12, 29)),  # 30 April: the December batch
    (province_batch, D(2026, 5, 1), D(2026, 12, 29)),
    (province_batch, D(2026, 10, 29), D(2026, 12, 29)),
    (province_batch, D(2026, 10, 30), D(2027, 6, 29)),
    (province_batch, D(2026, 10, 31), D(2027, 6, 29)),
    (ministry_batch, D(2027, 1, 29), D(2027, 3, 29)),
    (ministry_batch, D(2027, 1, 30), D(2027, 9, 29)),
    (ministry_batch, D(2027, 1, 31), D(2027, 9, 29)),
    (ministry_batch, D(2027, 7, 29), D(2027, 9, 29)),
    (ministry_batch, D(2027, 7, 30), D(2028, 3, 29)),
    (ministry_batch, D(2027, 7, 31), D(2028, 3, 29)),
]


@pytest.mark.parametrize(("batch", "forwarded", "end"), BATCHES)
def test_batches(batch: object, forwarded: dt.date, end: dt.date) -> None:
    assert callable(batch)
    assert batch(forwarded).end == end


def test_a_province_evaluation_after_its_batch_is_warned_about() -> None:
    r = walk(
        developed("P", D(2026, 1, 5)),
        [
            (Event.of("file_dossier"), D(2026, 10, 1)),
            (Event.commune_check(), D(2026, 10, 20)),
            (Event.of("forward"), D(2026, 10, 29)),
        ],
    )
    assert advance(r, Event.evaluate("province", 75), on=D(2026, 12, 29)).problems == ()
    (late,) = advance(r, Event.evaluate("province", 75), on=D(2026, 12, 30)).problems
    assert late.message == (
        "province evaluation on 2026-12-30: the batch for a dossier forwarded on 2026-10-29 "
        "ends on 2026-12-29 (26/2026/QĐ-TTg art. 5.1)"
    )


def test_re_evaluation_window_edges() -> None:
    # 26/2026 art. 7.6.a: from 180 to 120 days before expiry.
    r = walk(
        developed("P", D(2026, 6, 1)),
        [
            (Event.of("file_dossier"), D(2026, 8, 1)),
            (Event.commune_check(), D(2026, 8, 10)),
            (Event.of("forward"), D(2026, 8, 11)),
            (Event.evaluate("province", 80), D(2026, 12, 1)),
            (Event.recognize(4, "province"), D(2026, 12, 2)),
        ],
    )
    assert r.certificate is not None
    expires = r.certificate.expires_on
    window = re_evaluation_window(expires)
    assert (window.start, window.end) == (D(2029, 6, 5), D(2029, 8, 4))
    for days, warned in ((181, True), (180, False), (120, False), (119, True)):
        result = advance(r, Event.of("re_evaluate"), on=expires - dt.timedelta(days=days))
        assert result.ok
        assert bool(result.warnings) is warned, days
    (early,) = advance(r, Event.of("re_evaluate"), on=D(2029, 6, 4)).problems
    assert early.message == (
        "re-evaluation filed on 2029-06-04: the window is 2029-06-05 – 2029-08-04, 180 to 120 "
        "days before the certificate expires on 2029-12-02 (26/2026/QĐ-TTg art. 7.6.a)"
    )


def test_re_evaluation_decided_within_45_days() -> None:
    r = walk(
        developed("P", D(2026, 6, 1)),
        [
            (Event.of("file_dossier"), D(2026, 8, 1)),
            (Event.commune_check(), D(2026, 8, 10)),
            (Event.of("forward"), D(2026, 8, 11)),
            (Event.evaluate("province", 80), D(2026, 12, 1)),
            (Event.recognize(4, "province"), D(2026, 12, 2)),
            (Event.of("re_evaluate"), D(2029, 7, 1)),
            (Event.commune_check(), D(2029, 7, 10)),
            (Event.of("forward"), D(2029, 7, 15)),
            (Event.evaluate("province", 82), D(2029, 8, 20)),
        ],
    )
    assert advance(r, Event.recognize(4, "province"), on=D(2029, 8, 29)).problems == ()
    (late,) = advance(r, Event.recognize(4, "province"), on=D(2029, 8, 30)).problems
    assert late.message == (
        "re-evaluation decided on 2029-08-30: due within 45 days of the proposal of "
        "2029-07-15, by 2029-08-29 (26/2026/QĐ-TTg art. 7.6.g)"
    )

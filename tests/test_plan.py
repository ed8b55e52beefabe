"""Plans: the built-in Quảng Trị 2019 plan, documents and CSV folders, the status rules."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT, SEED, needs_seed
from ocop.budget import quang_tri_2019_budget as builtin_budget
from ocop.errors import OcopInputError, OcopLookupError, OcopValueError
from ocop.periods import Quarter, QuarterRange
from ocop.plan import (
    ABOUT_TOLERANCE,
    Activity,
    ActivityStatus,
    Comparison,
    Fact,
    Plan,
    Target,
    TargetStatus,
    load_plan,
    plan_schema,
    progress,
    quang_tri_2019,
    read_plan,
    write_plan,
)
from ocop.plan.progress import activity_status, target_progress
from ocop.problems import render
from ocop.testing.plan import plans

# -- the built-in plan -------------------------------------------------------------------


def test_builtin_plan_header_and_counts() -> None:
    plan = quang_tri_2019()
    assert (plan.number, plan.date, plan.year) == ("278/KH-SNN", dt.date(2019, 3, 4), 2019)
    assert plan.issuer == "Sở Nông nghiệp và Phát triển nông thôn tỉnh Quảng Trị"
    assert plan.province == "Quảng Trị"
    assert [a.id for a in plan.activities] == [
        "II.1", "II.2.1", "II.2.2", "II.3", "II.4", "II.5.1", "II.5.2", "II.5.3",
        "II.5.4.1", "II.5.4.2", "II.5.4.3", "II.5.5.a", "II.5.5.b", "II.6", "II.7",
    ]  # fmt: skip
    assert [t.id for t in plan.targets] == [f"T{i}" for i in range(1, 11)]
    assert plan.budget == builtin_budget()
    assert quang_tri_2019() is plan


def test_builtin_plan_facts_of_the_text() -> None:
    plan = quang_tri_2019()
    assert plan.activity("II.2.1").window == QuarterRange.parse("Quý I - II năm 2019")
    assert plan.activity("II.2.1").place == "Thành phố Đông Hà"
    assert plan.activity("II.5.5.b").lead is None
    t3, t4, t5 = plan.target("T3"), plan.target("T4"), plan.target("T5")
    assert (t3.comparison, t3.value, t3.low) == (Comparison.ABOUT, 20, 16)
    assert (t4.comparison, t4.value, t4.high) == (Comparison.BETWEEN, 3, 5)
    assert (t5.comparison, t5.value) == (Comparison.AT_LEAST, 20)
    assert plan.target("T1").comparison is Comparison.DONE
    with pytest.raises(OcopLookupError):
        plan.activity("II.9")
    with pytest.raises(OcopLookupError):
        plan.target("T11")


def test_every_budget_link_says_its_basis_and_names_a_line() -> None:
    plan = quang_tri_2019()
    keys = {line.key for line in builtin_budget().lines}
    linked = {a.id: a.budget_lines for a in plan.activities if a.budget_lines}
    assert linked == {
        "II.2.1": ("2.1",),
        "II.2.2": ("3",),
        "II.3": ("4.2",),
        "II.4": ("4.1",),
        "II.5.1": ("5.1",),
        "II.5.3": ("5.2",),
        "II.5.4.1": ("5.3",),
        "II.5.4.2": ("6",),
        "II.5.5.a": ("5.4",),
        "II.5.5.b": ("5.4",),
        "II.6": ("7",),
    }
    for a in plan.activities:
        assert set(a.budget_lines) <= keys
        assert bool(a.budget_basis) == bool(a.budget_lines), a.id


def test_builtin_budget_by_activity() -> None:
    p = progress(quang_tri_2019())
    assert p.budget is not None
    assert p.budget.total == 6_422_330_000
    assert p.budget.linked == 6_422_330_000 - 300_000_000 - 68_730_000
    assert p.budget.unlinked == (
        ("1", "QUẢN LÝ, ĐIỀU HÀNH CHƯƠNG TRÌNH OCOP", 300_000_000),
        ("2.2", 'Xây dựng logo, cấp chứng nhận nhãn hiệu "OCOP QUẢNG TRỊ"', 68_730_000),
    )
    by_id = {a.activity.id: a for a in p.activities}
    assert by_id["II.5.4.2"].amount == 3_800_000_000
    assert by_id["II.5.4.2"].share == Decimal("59.17")
    assert by_id["II.5.5.a"].shared_with == ("II.5.5.b",)
    assert by_id["II.7"].amount is None
    assert [g.key for g in p.budget.sections.groups] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [pr.code for pr in p.problems] == ["budget.words"]


def test_shipped_plan_and_log_are_current() -> None:
    for script in ("build_builtin_plan.py", "build_simulated_events.py"):
        if not SEED.is_dir() and script == "build_builtin_plan.py":
            continue
        out = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / script), "--check"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert out.returncode == 0, out.stderr


def test_schema_is_published_and_current() -> None:
    committed = json.loads((ROOT / "docs" / "schemas" / "plan.schema.json").read_text("utf-8"))
    assert committed == plan_schema()


@needs_seed
def test_the_seed_tables_load_as_a_folder() -> None:
    result = load_plan(SEED)
    plan = result.value
    assert plan is not None
    assert result.ok, render(result.problems)
    builtin = quang_tri_2019()
    assert plan.year == 2019
    assert plan.budget is not None
    assert builtin.budget is not None
    assert plan.budget.lines == builtin.budget.lines
    assert [(a.id, a.title, a.window, a.lead) for a in plan.activities] == [
        (a.id, a.title, a.window, a.lead) for a in builtin.activities
    ]
    assert [attrs.evolve(t, activities=(), level=None) for t in plan.targets] == [
        attrs.evolve(t, activities=(), level=None) for t in builtin.targets
    ]


# -- documents ---------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(plans())
def test_documents_round_trip(plan: Plan) -> None:
    for fmt in ("toml", "json"):
        text = write_plan(plan, format=fmt)  # type: ignore[arg-type]
        back = read_plan(text, format=fmt)  # type: ignore[arg-type]
        assert back.ok, render(back.problems)
        assert back.value == plan


def test_builtin_plan_round_trips_with_its_budget_embedded() -> None:
    plan = quang_tri_2019()
    back = read_plan(write_plan(plan), format="toml")
    assert back.value == plan
    assert back.value is not None
    assert back.value.budget == plan.budget
    back = read_plan(write_plan(plan, format="json"), format="json")
    assert back.value == plan


BAD = """\
schema = 1
number = "12/KH-UBND"
year = 2026

[[activities]]
id = "A1"
title = "Đăng ký sản phẩm"
window = "2026-Q5"

[[activities]]
id = "A1"
title = "Đánh giá cấp tỉnh"
window = "2026-Q4"
evidence = ["evaluate:county"]

[[targets]]
id = "T1"
text = "Ít nhất 10 sản phẩm 3 sao"
indicator = "products_3star_plus_provincial"
comparison = "at least"
activities = ["A9"]

[[targets]]
id = "T2"
text = "Khoảng 3 - 5 sản phẩm mới"
indicator = "products_new"
comparison = "between"
value = 5
high = 3

[[targets]]
id = "T3"
text = "x"
indicator = "x"
comparison = "more"

[[facts]]
on = 2026-06-30
activity = "A7"
value = "finished"

[[facts]]
on = 2026-06-30
value = 3
"""


def test_every_problem_of_a_plan_is_located(tmp_path: Path) -> None:
    (tmp_path / "plan.toml").write_text(BAD, "utf-8")
    result = load_plan(tmp_path / "plan.toml")
    assert result.value is None
    f = str(tmp_path / "plan.toml")
    assert render(result.problems).replace(f, "plan.toml") == "\n".join(
        [
            "plan.toml: $.activities[1].id: activity 'A1' again (also $.activities[0]) "
            "[plan.duplicate]",
            "plan.toml: $.activities[0].window: '2026-Q5' is not a range of quarters (write "
            "2019-Q2..2019-Q4 or Quý II - IV năm 2019) [plan.window]",
            "plan.toml: $.activities[1].evidence[0]: 'evaluate:county' is not an event (kind or "
            "kind:level; kinds: register, select_idea, reject_idea, submit_plan, approve_plan, "
            "start_development, file_dossier, commune_check, evaluate, forward, recognize, "
            "withdraw, re_evaluate, upgrade, revoke, expire) [plan.evidence]",
            "plan.toml: $.targets[0].value: a target compared 'at_least' needs a value "
            "[plan.value]",
            "plan.toml: $.targets[1].high: the high end 3 is below the low end 5 [plan.value]",
            "plan.toml: $.targets[2].comparison: 'more' is not a comparison (at_least, about, "
            "between or done) [plan.comparison]",
            "plan.toml: $.facts[0].activity: no activity 'A7' in the plan [plan.unknown_activity]",
            "plan.toml: $.facts[0].value: an activity's fact says 'started' or 'done' (got "
            "'finished') [plan.fact]",
            "plan.toml: $.facts[1]: a fact is about one indicator or one activity: give "
            "'indicator' or 'activity' [plan.fact]",
            "plan.toml: $.targets[0].activities[0]: no activity 'A9' in the plan "
            "[plan.unknown_activity]",
        ]
    )


def test_a_plan_whose_budget_file_is_unusable_is_unusable(tmp_path: Path) -> None:
    (tmp_path / "folder.csv").mkdir()
    (tmp_path / "latin.csv").write_bytes("title,amount_vnd\né,1\n".encode("latin-1"))
    for budget, why in (
        ("missing.csv", "no such file"),
        ("folder.csv", "is a directory"),
        ("latin.csv", "not UTF-8"),
    ):
        (tmp_path / "plan.toml").write_text(
            f'number = "1/KH"\nyear = 2019\nbudget = "{budget}"\n', "utf-8"
        )
        with pytest.raises(OcopInputError, match=why):
            load_plan(tmp_path / "plan.toml")


def test_shape_problems_name_their_path() -> None:
    text = 'schema = 1\nnumber = ""\nyear = 1990\nfoo = 1\n[[targets]]\nid = "T"\n'
    result = read_plan(text, file="p.toml")
    assert result.value is None
    assert render(result.problems) == "\n".join(
        [
            'p.toml: $.number: string should have at least 1 character (got "") [plan.schema]',
            "p.toml: $.year: input should be greater than or equal to 2018 (got 1990) "
            "[plan.schema]",
            "p.toml: $.foo: unknown field [plan.schema]",
            "p.toml: $.targets[0].text: required field is missing [plan.schema]",
            "p.toml: $.targets[0].indicator: required field is missing [plan.schema]",
            "p.toml: $.targets[0].comparison: required field is missing [plan.schema]",
        ]
    )


def test_embedded_budget_problems_are_under_budget() -> None:
    doc = {
        "number": "1/KH",
        "year": 2019,
        "budget": {"unit": "1.000 đồng", "lines": [{"code": "1", "title": "A", "amount": "x"}]},
        "activities": [{"id": "A", "title": "a", "window": "2019-Q2", "budget_lines": ["1", "9"]}],
    }
    result = read_plan(json.dumps(doc), format="json", file="p.json")
    assert render(result.problems) == "\n".join(
        [
            "p.json: $.budget.lines[0].amount: 'x' is not an amount in 1,000 VND "
            "[budget.amount_invalid]",
            "p.json: $.activities[0].budget_lines[1]: the budget has no line '9' (codes such as "
            "2.1, or #row for an uncoded line) [plan.budget_line]",
        ]
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "p: the file is empty"),
        ("x = [", "p: not TOML"),
        ("[1, 2]", "p:1: not JSON"),
        ("3", "p: a plan document is an object"),
    ],
)
def test_unusable_documents(text: str, message: str) -> None:
    fmt = "json" if text[:1] in "[3" and text else "toml"
    if text == "[1, 2]":
        fmt = "json"
        message = "p: a plan document is an object"
    with pytest.raises(OcopInputError) as err:
        read_plan(text, format=fmt, file="p")  # type: ignore[arg-type]
    assert str(err.value).startswith(message)


def test_unusable_paths(tmp_path: Path) -> None:
    with pytest.raises(OcopInputError, match="no such file"):
        load_plan(tmp_path / "nothing.toml")
    with pytest.raises(OcopInputError, match="a plan folder holds"):
        load_plan(tmp_path)
    (tmp_path / "a.csv").write_text("id\n", "utf-8")
    with pytest.raises(OcopInputError, match="give the folder"):
        load_plan(tmp_path / "a.csv")
    (tmp_path / "bin.toml").write_bytes(b"\x00\x01")
    with pytest.raises(OcopInputError, match="binary"):
        load_plan(tmp_path / "bin.toml")
    (tmp_path / "latin.toml").write_bytes("number = 'é'".encode("latin-1"))
    with pytest.raises(OcopInputError, match="not UTF-8"):
        load_plan(tmp_path / "latin.toml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at_least", Comparison.AT_LEAST),
        (">=", Comparison.AT_LEAST),
        ("ít nhất", Comparison.AT_LEAST),
        ("about", Comparison.ABOUT),
        ("Khoảng", Comparison.ABOUT),
        ("between", Comparison.BETWEEN),
        (" done ", Comparison.DONE),
        ("hoàn thành", Comparison.DONE),
    ],
)
def test_comparisons(text: str, expected: Comparison) -> None:
    assert Comparison.parse(text) is expected


def test_unknown_comparison() -> None:
    with pytest.raises(OcopValueError, match="is not a comparison"):
        Comparison.parse("more than")


# -- the status rules --------------------------------------------------------------------

Q4 = QuarterRange(Quarter(2019, 4), Quarter(2019, 4))


def _plan(*targets: Target, facts: tuple[Fact, ...] = ()) -> Plan:
    return Plan(
        number="1/KH",
        year=2019,
        activities=(Activity(id="A", title="Đánh giá", window=Q4, evidence=("register",)),),
        targets=targets,
        facts=facts,
    )


def _t(comparison: Comparison, value: int | None = 20, high: int | None = None) -> Target:
    return Target(
        id="T",
        text="t",
        indicator="products_registered",
        comparison=comparison,
        value=value,
        high=high,
        activities=("A",),
    )


def _status(target: Target, actual: int | None, on: dt.date) -> TargetStatus:
    counts = None if actual is None else {"products_registered": actual}
    return target_progress(_plan(target), target, on, counts).status


@pytest.mark.parametrize(
    ("comparison", "value", "high", "actual", "on", "status"),
    [
        # at least 20, paced by Q4 (92 days): 0 expected before 1 October
        (Comparison.AT_LEAST, 20, None, 0, dt.date(2019, 9, 30), TargetStatus.ON_TRACK),
        (Comparison.AT_LEAST, 20, None, 0, dt.date(2019, 10, 1), TargetStatus.AT_RISK),
        # on 15 Nov, 46 of 92 days: 10 expected
        (Comparison.AT_LEAST, 20, None, 10, dt.date(2019, 11, 15), TargetStatus.ON_TRACK),
        (Comparison.AT_LEAST, 20, None, 9, dt.date(2019, 11, 15), TargetStatus.AT_RISK),
        (Comparison.AT_LEAST, 20, None, 20, dt.date(2019, 10, 1), TargetStatus.MET),
        (Comparison.AT_LEAST, 20, None, 19, dt.date(2019, 12, 30), TargetStatus.AT_RISK),
        (Comparison.AT_LEAST, 20, None, 19, dt.date(2019, 12, 31), TargetStatus.MISSED),
        (Comparison.AT_LEAST, 20, None, None, dt.date(2019, 12, 31), TargetStatus.NO_DATA),
        # about 20: met from 16 (−20 %)
        (Comparison.ABOUT, 20, None, 16, dt.date(2019, 12, 31), TargetStatus.MET),
        (Comparison.ABOUT, 20, None, 15, dt.date(2019, 12, 31), TargetStatus.MISSED),
        (Comparison.ABOUT, 20, None, 30, dt.date(2019, 12, 31), TargetStatus.MET),
        # between 3 and 5: met from 3
        (Comparison.BETWEEN, 3, 5, 3, dt.date(2019, 12, 31), TargetStatus.MET),
        (Comparison.BETWEEN, 3, 5, 2, dt.date(2019, 12, 31), TargetStatus.MISSED),
        (Comparison.BETWEEN, 3, 5, 9, dt.date(2019, 12, 31), TargetStatus.MET),
        # done: counted at least once
        (Comparison.DONE, None, None, 1, dt.date(2019, 6, 1), TargetStatus.MET),
        (Comparison.DONE, None, None, 0, dt.date(2019, 12, 30), TargetStatus.ON_TRACK),
        (Comparison.DONE, None, None, 0, dt.date(2019, 11, 1), TargetStatus.ON_TRACK),
        (Comparison.DONE, None, None, 0, dt.date(2019, 12, 31), TargetStatus.MISSED),
    ],
)
def test_target_status_table(  # noqa: PLR0917 - one parameter per column of the table
    comparison: Comparison,
    value: int | None,
    high: int | None,
    actual: int | None,
    on: dt.date,
    status: TargetStatus,
) -> None:
    assert _status(_t(comparison, value, high), actual, on) is status


def test_a_done_target_is_at_risk_once_its_window_is_over() -> None:
    q2 = Activity(id="B", title="b", window=QuarterRange(Quarter(2019, 2), Quarter(2019, 2)))
    target = attrs.evolve(_t(Comparison.DONE, None), activities=("B",))
    plan = attrs.evolve(_plan(target), activities=(q2,))
    counts = {"products_registered": 0}
    assert target_progress(plan, target, dt.date(2019, 6, 29), counts).status.value == "on_track"
    assert target_progress(plan, target, dt.date(2019, 6, 30), counts).status.value == "at_risk"
    assert target_progress(plan, target, dt.date(2019, 12, 31), counts).status.value == "missed"


def test_above_is_flagged_beyond_the_tolerance_or_range() -> None:
    about = _t(Comparison.ABOUT)
    plan = _plan(about)
    day = dt.date(2019, 12, 31)
    assert not target_progress(plan, about, day, {"products_registered": 24}).above
    assert target_progress(plan, about, day, {"products_registered": 25}).above
    between = _t(Comparison.BETWEEN, 3, 5)
    assert not target_progress(plan, between, day, {"products_registered": 5}).above
    assert target_progress(plan, between, day, {"products_registered": 6}).above


def test_about_tolerance_is_a_fifth_and_a_target_may_state_its_own() -> None:
    assert Fraction(1, 5) == ABOUT_TOLERANCE
    t = attrs.evolve(_t(Comparison.ABOUT, 400), tolerance=Fraction(1, 10))
    assert (t.low, t.upper) == (360, 440)


def test_facts_give_figures_from_their_date() -> None:
    target = Target(
        id="T9", text="400 cán bộ", indicator="officials_trained", comparison=Comparison.ABOUT,
        value=400,
    )  # fmt: skip
    facts = (
        Fact(on=dt.date(2019, 5, 10), indicator="officials_trained", value=150),
        Fact(on=dt.date(2019, 6, 28), indicator="officials_trained", value=Decimal("412")),
    )
    plan = _plan(target, facts=facts)
    before = target_progress(plan, target, dt.date(2019, 5, 9), None)
    assert (before.actual, before.status, before.basis) == (None, TargetStatus.NO_DATA, None)
    mid = target_progress(plan, target, dt.date(2019, 6, 1), {"products_registered": 3})
    assert (mid.actual, mid.basis) == (150, "fact")
    end = target_progress(plan, target, dt.date(2019, 7, 1), None)
    assert (end.actual, end.status) == (Decimal("412"), TargetStatus.MET)


def _activity_status(on: dt.date, facts: tuple[Fact, ...] = (), first: str | None = None) -> str:
    a = Activity(id="A", title="a", window=Q4, evidence=("register",))
    evidence = (
        None
        if first == "none"
        else ({} if first is None else {"register": dt.date.fromisoformat(first)})
    )
    return activity_status(a, on, facts, evidence)[0].value


@pytest.mark.parametrize(
    ("on", "first", "facts", "status"),
    [
        ("2019-09-30", None, (), ActivityStatus.PLANNED),
        ("2019-10-01", None, (), ActivityStatus.NOT_STARTED),
        ("2019-12-31", None, (), ActivityStatus.OVERDUE),
        ("2019-10-01", "none", (), ActivityStatus.NO_DATA),
        ("2019-09-01", "2019-08-15", (), ActivityStatus.IN_PROGRESS),
        ("2019-11-01", "2019-10-15", (), ActivityStatus.IN_PROGRESS),
        ("2019-12-31", "2019-10-15", (), ActivityStatus.DONE),
        ("2019-11-01", "none", (("2019-10-20", "started"),), ActivityStatus.IN_PROGRESS),
        ("2019-11-01", "none", (("2019-10-30", "done"),), ActivityStatus.DONE),
        ("2019-10-29", "none", (("2019-10-30", "done"),), ActivityStatus.NO_DATA),
    ],
)
def test_activity_status_table(
    on: str, first: str | None, facts: tuple[tuple[str, str], ...], status: ActivityStatus
) -> None:
    recorded = tuple(Fact(on=dt.date.fromisoformat(d), activity="A", value=v) for d, v in facts)
    assert _activity_status(dt.date.fromisoformat(on), recorded, first) == status.value


@settings(max_examples=40, deadline=None)
@given(plans())
def test_progress_never_fails_and_keeps_the_plan_order(plan: Plan) -> None:
    for day in (plan.start, dt.date(plan.year, 7, 1), plan.end):
        p = progress(plan, on=day, records={})
        assert [t.target for t in p.targets] == list(plan.targets)
        assert [a.activity for a in p.activities] == list(plan.activities)
        for t in p.targets:
            if t.status is TargetStatus.MISSED:
                assert day >= t.deadline
            if t.status is TargetStatus.NO_DATA:
                assert t.actual is None


def test_a_union_field_names_what_to_write() -> None:
    text = (
        'number = "1"\nyear = 2019\nbudget = 5\n[[targets]]\nid = "T"\ntext = "t"\n'
        'indicator = "x"\ncomparison = "about"\nvalue = 3.5\n'
        '[[facts]]\non = 2019-01-01\nindicator = "a"\nvalue = [1]\n'
    )
    result = read_plan(text, file="p.toml")
    assert render(result.problems) == "\n".join(
        [
            "p.toml: $.targets[0].value: a number with decimals cannot stay exact here: write a "
            'whole number, or the figure as a string ("97,5") [plan.schema]',
            "p.toml: $.facts[0].value: write true or false, a whole number or a figure as a "
            'string ("6.422,5") here (got an array) [plan.schema]',
            "p.toml: $.budget: write the name of a budget file or a budget table here (got a "
            "number) [plan.schema]",
        ]
    )


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
_KEYS = st.sampled_from(
    ["number", "year", "date", "budget", "activities", "targets", "facts", "schema", "x"]
)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(_KEYS, _JSON, max_size=6)
    | st.fixed_dictionaries(
        {
            "number": st.just("1/KH"),
            "year": st.just(2019),
            "activities": st.lists(
                st.dictionaries(
                    st.sampled_from(["id", "title", "window", "budget_lines", "evidence"]),
                    _JSON,
                ),
                max_size=3,
            ),
            "targets": st.lists(
                st.dictionaries(
                    st.sampled_from(
                        ["id", "text", "indicator", "comparison", "value", "high", "tolerance"]
                    ),
                    _JSON,
                ),
                max_size=3,
            ),
        }
    )
)
def test_any_document_gives_located_problems_not_exceptions(doc: dict[str, object]) -> None:
    try:
        result = read_plan(json.dumps(doc), format="json", file="p.json")
    except OcopInputError:
        return
    for p in result.problems:
        assert p.where.file == "p.json"
        assert p.where.path is not None
        assert p.where.path.startswith("$")
    if result.value is None:
        assert result.problems


def test_an_embedded_budget_keeps_schedules_and_extra_columns() -> None:
    from ocop.budget import read_csv

    table = (
        "code,title,amount_vnd,schedule,Ghi chú khác\n"
        '1,A,300,2019-Q2=100; 2019-Q3=200,"x, y"\n'
        "2,B,50,,\n"
    )
    budget = read_csv(table).value
    plan = Plan(number="1/KH", year=2019, budget=budget)
    for fmt in ("toml", "json"):
        back = read_plan(write_plan(plan, format=fmt), format=fmt)  # type: ignore[arg-type]
        assert back.ok, render(back.problems)
        assert back.value is not None
        assert back.value.budget == budget

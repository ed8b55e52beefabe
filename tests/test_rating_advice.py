"""Advice (:mod:`ocop.rating.advice`): the least change reaching each higher star level.

The search is checked three ways: against brute force on small random sheets (every
combination of options, ordered by the documented key), against an independent scorer and an
independent unpruned dynamic programme on every sheet of 26/2026/QĐ-TTg, and by hand on cases
whose answer can be read off the sheet.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import random
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop.cli import main
from ocop.errors import OcopValueError
from ocop.rating import (
    Assessment,
    Criterion,
    Group,
    Option,
    Part,
    ScoreSheet,
    Sheet,
    get_criteria_set,
)
from ocop.rating.advice import Advice, advice_answers, advise, advise_assessment

FLOORS = {2: 30, 3: 50, 4: 70, 5: 90}

# --- an independent scorer: the sheet's data read directly, no ocop.rating scoring code ---


def points_of(sheet: Sheet) -> dict[str, dict[int, int]]:
    return {c.code: {0: 0, **{o.number: o.points for o in c.options}} for c in sheet.criteria}


def marks_of(sheet: Sheet) -> list[tuple[str, int, int]]:
    return [(c.code, o.stars, o.number) for c in sheet.criteria for o in c.options if o.stars]


def stars_of(sheet: Sheet, choices: Mapping[str, int]) -> int:
    pts = points_of(sheet)
    total = sum(pts[code][choices[code]] for code in pts)
    band = max([1] + [s for s, f in FLOORS.items() if total >= f])
    for level in (3, 4, 5):
        if level <= band and any(
            s <= level and choices[code] < need for code, s, need in marks_of(sheet)
        ):
            return level - 1
    return band


def apply(choices: Mapping[str, int], advice: Advice) -> dict[str, int]:
    out = dict(choices)
    for c in advice.changes:
        assert out[c.code] == c.from_option
        out[c.code] = c.to
    return out


# --- brute force on small sheets -----------------------------------------------------------


def make_sheet(spec: Sequence[Sequence[tuple[int, int | None, str | None]]]) -> Sheet:
    criteria = tuple(
        Criterion(
            code=f"1.{i + 1}",
            title=f"Tiêu chí {i + 1}",
            max=max(p for p, _, _ in options),
            options=tuple(
                Option(number=n + 1, text=f"Phương án {n + 1}", points=p, stars=s, case=case)
                for n, (p, s, case) in enumerate(options)
            ),
        )
        for i, options in enumerate(spec)
    )
    group = Group(code="1", title="NHÓM", max=sum(c.max for c in criteria), criteria=criteria)
    part = Part(code="A", title="Phần A", max=group.max, groups=(group,))
    return Sheet(criteria_set="test", number=1, title="Thử", parts=(part,))


@st.composite
def small_cases(draw: st.DrawFn) -> tuple[Sheet, dict[str, int], list[str]]:
    """A sheet of 1–6 criteria whose points (in any order: 1048/QĐ-TTg prints falling ones)
    add up to 90–100, marks on random options, some criteria split into two cases,
    answers, and criteria to keep."""
    n = draw(st.integers(1, 6))
    spec = []
    for _ in range(n):
        k = draw(st.integers(1, 4))
        share = 100 // n  # the sheet can reach 90 or more, as every real one does
        pts = draw(st.lists(st.integers(0, share), min_size=k, max_size=k))
        pts[draw(st.integers(0, k - 1))] = share
        marks: list[int | None] = [draw(st.sampled_from([None, None, 3, 4, 5])) for _ in pts]
        split = k >= 2 and draw(st.booleans())
        cases: list[str | None] = [
            (f"{'ab'[j * 2 // k]}. Trường hợp {j * 2 // k + 1}" if split else None)
            for j in range(k)
        ]
        spec.append(list(zip(pts, marks, cases, strict=True)))
    sheet = make_sheet(spec)
    choices = {c.code: draw(st.integers(0, len(c.options))) for c in sheet.criteria}
    keep = [c.code for c in sheet.criteria if draw(st.integers(0, 7)) == 0]
    return sheet, choices, keep


def case_of(sheet: Sheet, code: str, number: int) -> str | None:
    if number == 0:
        return None
    case = sheet.criterion(code).option(number).case
    return None if case is None else case.split(".")[0]


def brute_force(
    sheet: Sheet, choices: Mapping[str, int], keep: Sequence[str], level: int
) -> tuple[Any, ...] | None:
    """The least change by the documented order, found by trying every combination."""
    criteria = sheet.criteria
    codes = [c.code for c in criteria]
    known = {case_of(sheet, c, choices[c]) for c in codes} - {None}
    with_cases = [c.code for c in criteria if any(o.case for o in c.options)]
    if len(known) == 1:
        runs = [dict.fromkeys(codes, next(iter(known)))]
    elif not known:
        every = sorted(
            {case_of(sheet, c, o.number) for c in with_cases for o in sheet.criterion(c).options}
        )
        runs = [dict.fromkeys(codes, k) for k in every] or [dict.fromkeys(codes)]
    else:
        runs = [{c: case_of(sheet, c, choices[c]) for c in codes}]
    best = None
    for run in runs:
        per = []
        for c in criteria:
            alts = [choices[c.code]]
            if c.code not in keep:
                for o in c.options:
                    if o.number == choices[c.code]:
                        continue
                    mine = case_of(sheet, c.code, o.number)
                    if run[c.code] is not None and mine is not None and mine != run[c.code]:
                        continue
                    alts.append(o.number)
            per.append(alts)
        for combo in itertools.product(*per):
            new = dict(zip(codes, combo, strict=True))
            if stars_of(sheet, new) < level:
                continue
            changed = [i for i, code in enumerate(codes) if new[code] != choices[code]]
            key = (
                len(changed),
                sum(abs(new[codes[i]] - choices[codes[i]]) for i in changed),
                tuple(changed),
                tuple(new[codes[i]] for i in changed),
            )
            if best is None or key < best:
                best = key
    return best


def key_of(sheet: Sheet, advice: Advice) -> tuple[Any, ...]:
    index = {c.code: i for i, c in enumerate(sheet.criteria)}
    return (
        len(advice.changes),
        advice.steps,
        tuple(index[c.code] for c in advice.changes),
        tuple(c.to for c in advice.changes),
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_cases())
def test_advice_is_the_brute_force_optimum(case: tuple[Sheet, dict[str, int], list[str]]) -> None:
    sheet, choices, keep = case
    now = stars_of(sheet, choices)
    advice = advise(sheet, choices, keep=keep)
    assert [a.stars for a in advice] == list(range(now + 1, 6))
    for a in advice:
        expected = brute_force(sheet, choices, keep, a.stars)
        if expected is None:
            assert not a.reachable
            assert a.unreachable
            assert not a.changes
            assert a.score is None
            continue
        assert a.reachable, a.unreachable
        assert key_of(sheet, a) == expected
        after = apply(choices, a)
        assert stars_of(sheet, after) >= a.stars
        assert a.score == sum(points_of(sheet)[c][after[c]] for c in after)
        assert all(
            c.gain == points_of(sheet)[c.code][c.to] - points_of(sheet)[c.code][c.from_option]
            for c in a.changes
        )


# --- every sheet of 26/2026/QĐ-TTg: an independent scorer and an unpruned programme -------


def independent_least(
    sheet: Sheet, choices: Mapping[str, int], level: int
) -> tuple[int, int] | None:
    """(fewest changes, fewest steps with that many) reaching ``level``, by a plain dynamic
    programme over every criterion and every option (no pruning, no bounds)."""
    pts = points_of(sheet)
    need: dict[str, int] = {}
    for code, s, option in marks_of(sheet):
        if s <= level:
            need[code] = max(need.get(code, 0), option)
    goal = FLOORS[level]
    # state: (changes, total capped at goal) → fewest steps
    states: dict[tuple[int, int], int] = {(0, 0): 0}
    for c in sheet.criteria:
        have = choices[c.code]
        nxt: dict[tuple[int, int], int] = {}
        for (k, total), steps in states.items():
            for o in range(len(c.options) + 1):
                if o < need.get(c.code, 0):
                    continue
                if o == 0 and have != 0:
                    continue
                moved = o != have
                state = (k + moved, min(goal, total + pts[c.code][o]))
                cost = steps + abs(o - have)
                if cost < nxt.get(state, 1 << 30):
                    nxt[state] = cost
        states = nxt
    reached = [(k, s) for (k, total), s in states.items() if total >= goal]
    return min(reached) if reached else None


def agreed_sheets() -> list[tuple[Sheet, dict[str, int]]]:
    """Agreed answers on every sheet of 26/2026/QĐ-TTg, at several levels each."""
    rng = random.Random(2612)
    out = []
    for sheet in get_criteria_set("26-2026").sheets:
        for level in (0.15, 0.45, 0.7, 0.85):
            choices = {}
            for c in sheet.criteria:
                n = len(c.options)
                choices[c.code] = min(n, max(0, round(level * n + rng.uniform(-1, 1))))
            if sheet.number == 26:
                # Sheet 26's split criteria: stay in one case (the first).
                for c in sheet.criteria:
                    if c.options[0].case and choices[c.code]:
                        first = [o.number for o in c.options if o.case == c.options[0].case]
                        choices[c.code] = min(choices[c.code], max(first))
            out.append((sheet, choices))
    return out


@pytest.mark.parametrize(
    ("sheet", "choices"),
    agreed_sheets(),
    ids=lambda v: f"sheet{v.number}" if isinstance(v, Sheet) else "",
)
def test_advice_on_every_26_2026_sheet(sheet: Sheet, choices: dict[str, int]) -> None:
    assessment = Assessment(
        sheet=sheet,
        members=tuple(ScoreSheet(member=f"TV{i}", choices=choices) for i in range(3)),
        agreed=choices,
    )
    result = advise_assessment(assessment)
    assert result.ok
    assert result.value is not None
    now = stars_of(sheet, choices)
    assert [a.stars for a in result.value] == list(range(now + 1, 6))
    for a in result.value:
        assert a.reachable  # every 26/2026 sheet can reach 100 points and every mark
        assert stars_of(sheet, apply(choices, a)) >= a.stars
        if sheet.number != 26:  # sheet 26's cases are not the plain programme's business
            assert independent_least(sheet, choices, a.stars) == (len(a.changes), a.steps)


# --- by hand ---------------------------------------------------------------------------------


def sheet_one() -> Sheet:
    return get_criteria_set("26-2026").sheet(1)


def best_answers(sheet: Sheet) -> dict[str, int]:
    return {c.code: len(c.options) for c in sheet.criteria}


def test_a_5_star_sheet_needs_no_advice() -> None:
    sheet = sheet_one()
    assert advise(sheet, best_answers(sheet)) == ()


def test_one_missing_mark_is_the_whole_advice() -> None:
    sheet = sheet_one()
    choices = best_answers(sheet)
    choices["1.3"] = 2  # 1.3 option 3 carries the 5★ mark: 99 points, classed 4★
    (advice,) = advise(sheet, choices)
    assert advice.stars == 5
    assert [c.to_dict() for c in advice.changes] == [{"code": "1.3", "from": 2, "to": 3, "gain": 1}]
    assert advice.to_dict() == {
        "stars": 5,
        "changes": [{"code": "1.3", "from": 2, "to": 3, "gain": 1}],
        "score": "100",
    }


def test_a_kept_criterion_makes_its_mark_unreachable() -> None:
    sheet = sheet_one()
    choices = best_answers(sheet)
    choices["1.3"] = 2
    (advice,) = advise(sheet, choices, keep=["1.3"])
    assert advice.to_dict() == {
        "stars": 5,
        "unreachable": "1.3 needs option 3 for 5★ and is kept as it is",
    }


def test_too_few_points_left_is_unreachable_with_the_most_reachable() -> None:
    sheet = sheet_one()
    choices = {c.code: 0 for c in sheet.criteria}
    keep = ["4.3", "5.2", "6.3", "6.4", "12"]  # unmarked, 16 points: at most 84 reachable
    advice = {a.stars: a for a in advise(sheet, choices, keep=keep)}
    assert advice[2].reachable
    assert advice[5].unreachable is not None
    assert advice[5].unreachable == "at most 84 points can be reached, 90 are needed for 5★"


def test_fewest_changes_before_fewest_steps() -> None:
    # 1.1: +3 points in 3 steps; 1.2 and 1.3: +2 points in 1 step each. Needing 3 points,
    # one change of three steps beats two changes of one step each.
    sheet = make_sheet(
        [
            [(27, None, None), (28, None, None), (29, None, None), (30, None, None)],
            [(0, None, None), (2, None, None)],
            [(0, None, None), (2, None, None)],
        ]
    )
    (advice, *_rest) = advise(sheet, {"1.1": 1, "1.2": 1, "1.3": 1})
    assert advice.stars == 2
    assert [c.to_dict() for c in advice.changes] == [{"code": "1.1", "from": 1, "to": 4, "gain": 3}]


def test_ties_go_to_the_earlier_criterion() -> None:
    sheet = make_sheet(
        [
            [(29, None, None)],
            [(0, None, None), (1, None, None)],
            [(0, None, None), (1, None, None)],
        ]
    )
    advice = advise(sheet, {"1.1": 1, "1.2": 1, "1.3": 1})
    assert [c.code for c in advice[0].changes] == ["1.2"]


def test_a_split_criterion_stays_in_the_products_case() -> None:
    sheet = get_criteria_set("26-2026").sheet(26)
    choices = best_answers(sheet)
    case_a = {
        c.code: max(o.number for o in c.options if o.case == c.options[0].case)
        for c in sheet.criteria
        if c.options[0].case
    }
    choices.update(case_a)
    choices["8"] = 1  # case a's first option
    for a in advise(sheet, choices):
        for change in a.changes:
            option = sheet.criterion(change.code).option(change.to)
            assert option.case is None or option.case.startswith("a.")


def test_advice_refused_for_several_members_without_agreed_answers() -> None:
    sheet = sheet_one()
    answers = best_answers(sheet)
    assessment = Assessment(
        sheet=sheet,
        members=(ScoreSheet(member="A", choices=answers), ScoreSheet(member="B", choices=answers)),
    )
    result = advice_answers(assessment)
    assert result.value is None
    (problem,) = result.problems
    assert problem.code == "rating.advice_basis"
    assert '"agreed"' in problem.message
    assert "2 members" in problem.message
    assert advise_assessment(assessment).value is None
    one = Assessment(sheet=sheet, members=(ScoreSheet(member="A", choices=answers),))
    assert advice_answers(one).value == answers


def test_bad_answers_and_unknown_kept_criteria_are_refused() -> None:
    sheet = sheet_one()
    with pytest.raises(OcopValueError, match="not complete"):
        advise(sheet, {"1.1": 1})
    with pytest.raises(OcopValueError, match=r"no criterion '9\.9'"):
        advise(sheet, best_answers(sheet), keep=["9.9"])


def test_every_level_of_one_sheet_within_50_ms() -> None:
    sheet = sheet_one()
    choices = {c.code: 0 for c in sheet.criteria}  # the worst case: 1★ to every level
    best = min(_timed(advise, sheet, choices) for _ in range(5))
    assert best < 0.05, f"{best * 1000:.1f} ms"


def _timed(fn: Any, *args: Any) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


# --- ocop rate --advise -----------------------------------------------------------------------

AGREED = Path(__file__).resolve().parents[1] / "docs" / "tutorials" / "assessment-agreed.json"
PLAIN = Path(__file__).resolve().parents[1] / "docs" / "tutorials" / "assessment.json"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["rate", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_json_gains_the_advice(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = cli(capsys, str(AGREED), "--advise", "--format", "json")
    assert status == 0, err
    doc = json.loads(out)
    assert doc["stars"] == 3
    assert doc["advice"][0] == {
        "stars": 4,
        "changes": [{"code": "2.3", "from": 2, "to": 3, "gain": 1}],
        "score": "74",
    }
    assert [a["stars"] for a in doc["advice"]] == [4, 5]
    assert {k for a in doc["advice"] for c in a["changes"] for k in c} == {
        "code",
        "from",
        "to",
        "gain",
    }
    # Applying the advice reaches the stars under the independent scorer.
    data = json.loads(AGREED.read_text(encoding="utf-8"))
    sheet = get_criteria_set(data["criteria"]).sheet(data["sheet"])
    for a in doc["advice"]:
        after = dict(data["agreed"])
        for c in a["changes"]:
            after[c["code"]] = c["to"]
        assert stars_of(sheet, after) >= a["stars"]


def test_cli_keep_makes_5_stars_unreachable(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, str(AGREED), "--advise", "--format", "json", "--keep", "1.3")
    assert status == 0
    assert json.loads(out)["advice"][1] == {
        "stars": 5,
        "unreachable": "1.3 needs option 3 for 5★ and is kept as it is",
    }


def test_cli_without_advise_has_no_advice_key(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, str(AGREED), "--format", "json")
    assert status == 0
    assert "advice" not in json.loads(out)


@pytest.mark.usefixtures("vietnamese")
def test_cli_table_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, str(AGREED), "--advise")
    assert status == 0
    assert "Cách đạt hạng sao cao hơn với ít thay đổi nhất, trên kết quả thống nhất của" in out
    assert "  4★ (74 điểm)\n    tiêu chí 2.3: phương án 2 → 3 (+1)\n" in out
    status, out, _ = cli(capsys, str(AGREED), "--advise", "--format", "csv")
    assert status == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["product", "stars", "code", "from", "to", "gain", "score", "unreachable"]
    assert rows[1] == ["Bưởi da xanh Mỹ Thạnh", "4", "2.3", "2", "3", "1", "74", ""]
    assert {r[1] for r in rows[1:]} == {"4", "5"}


def test_cli_refuses_advice_on_several_members_without_agreed_answers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = cli(capsys, str(PLAIN), "--advise", "--format", "json")
    assert status == 2
    assert out == ""
    assert "5 members and no agreed answers" in err
    assert '"agreed"' in err
    assert "Traceback" not in err


def test_cli_unknown_kept_criterion_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = cli(capsys, str(AGREED), "--advise", "--keep", "1.3,9.9")
    assert status == 2
    assert "no criterion '9.9'" in err


@pytest.mark.usefixtures("vietnamese")
def test_the_docs_page_shows_real_output(capsys: pytest.CaptureFixture[str]) -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "concepts" / "advice.md").read_text(
        encoding="utf-8"
    )
    command = "$ ocop rate docs/tutorials/assessment-agreed.json --advise\n"
    shown = page.split(command, 1)[1].split("```", 1)[0]
    status, out, _ = cli(capsys, str(AGREED), "--advise")
    assert status == 0
    assert shown == out
    status, out, _ = cli(capsys, str(AGREED), "--advise", "--keep", "1.3", "--format", "json")
    advice = json.loads(out)["advice"]
    shown_json = page.split('```json\n"advice": ', 1)[1].split("```", 1)[0]
    assert json.loads(shown_json) == advice


def test_a_conditional_mark_binds_only_when_its_condition_holds() -> None:
    # 26/2026 sheet 21 (handicrafts), criterion 7: the 3★ mark on option 1 binds only a
    # product that must publish a quality declaration.
    sheet = get_criteria_set("26-2026").sheet(21)
    answers = best_answers(sheet)
    answers["7"] = 0  # 96 points, none of criterion 7's options met
    bound = advise(sheet, answers, conditions={"quality_declaration_required": True})
    assert [(a.stars, [c.to_dict() for c in a.changes]) for a in bound] == [
        (s, [{"code": "7", "from": 0, "to": 1, "gain": 1}]) for s in (3, 4, 5)
    ]
    assert advise(sheet, answers) == bound  # not stated: its default, it binds
    assert advise(sheet, answers, conditions={"quality_declaration_required": False}) == ()
    assessment = Assessment(
        sheet=sheet,
        members=(ScoreSheet(member="A", choices=answers),),
        conditions={"quality_declaration_required": False},
    )
    assert advise_assessment(assessment).value == ()

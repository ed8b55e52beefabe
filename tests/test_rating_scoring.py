"""Council scoring and classification: exact means, bands, minimum marks, council rules."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop._i18n import use_language
from ocop.errors import OcopTypeError, OcopValueError
from ocop.problems import render
from ocop.rating import (
    Assessment,
    CouncilRules,
    MarksBasis,
    ScoreSheet,
    ScoringTable,
    UnmetMark,
    agreed_answers,
    check_assessment,
    check_quorum,
    classify,
    exact_mean,
    get_criteria_set,
    rate,
    stars_for,
)
from ocop.regimes import band_stars
from ocop.scores import format_score
from ocop.testing.rating import assessments, make_sheet

EACH = CouncilRules(marks_on=MarksBasis.EACH_MEMBER)
AGREED = CouncilRules()

# One criterion whose option n+1 is worth n points (0–100): any total can be scored.
POINTS = make_sheet([[(p, None) for p in range(101)]])


def totals(*values: int) -> Assessment:
    return Assessment(
        sheet=POINTS,
        members=tuple(
            ScoreSheet(member=f"M{i}", choices={"1.1": v + 1}) for i, v in enumerate(values)
        ),
    )


# --- the bands, exactly -------------------------------------------------------------------

BOUNDARIES = [
    (0, 1), (29, 1), (30, 2), (49, 2), (50, 3), (69, 3), (70, 4), (89, 4), (90, 5), (100, 5),
]  # fmt: skip


@pytest.mark.parametrize(("total", "stars"), BOUNDARIES)
def test_band_of_a_whole_mean(total: int, stars: int) -> None:
    rating = classify(totals(total))
    assert (rating.mean, rating.band_stars, rating.stars) == (total, stars, stars)


@pytest.mark.parametrize(
    ("members", "mean", "text", "stars"),
    [
        ((50, 49), Fraction(99, 2), "49.5", 2),
        ((49, 50, 50), Fraction(149, 3), "49.66", 2),
        ((29, 30, 30), Fraction(89, 3), "29.66", 1),
        ((69, 70, 70, 70), Fraction(279, 4), "69.75", 3),
        ((89,) + (90,) * 6, Fraction(629, 7), "89.85", 4),
        ((90,) * 6 + (91,), Fraction(631, 7), "90.14", 5),
        ((70, 69, 71), Fraction(70), "70", 4),
    ],
)
def test_band_of_a_fractional_mean(
    members: tuple[int, ...], mean: Fraction, text: str, stars: int
) -> None:
    rating = classify(totals(*members))
    assert (rating.mean, rating.mean_text, rating.band_stars) == (mean, text, stars)


@pytest.mark.parametrize(("floor", "stars_below"), [(30, 1), (50, 2), (70, 3), (90, 4)])
def test_a_mean_just_below_a_band_never_rounds_into_it(floor: int, stars_below: int) -> None:
    # 998 members at the floor and one a point below: the mean is floor − 1/999, 49.998998…
    rating = classify(totals(*([floor] * 998 + [floor - 1])))
    assert rating.mean == floor - Fraction(1, 999)
    assert rating.mean_text == f"{floor - 1}.99"
    assert not rating.mean_is_exact
    assert rating.band_stars == stars_below


def test_the_mean_of_seven_members_is_exact() -> None:
    assert exact_mean([49, 50, 50, 50, 50, 50, 50]) == Fraction(349, 7)
    assert band_stars(exact_mean([49, 50, 50, 50, 50, 50, 50])) == 2


def test_no_members_has_no_mean() -> None:
    with pytest.raises(OcopValueError, match="no members"):
        exact_mean([])


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(80), "80"),
        (Fraction(145, 2), "72.5"),
        (Fraction(561, 8), "70.125"),
        (Fraction(349, 7), "49.85"),
        (Fraction(49999, 1000), "49.999"),
        (Fraction(149999, 3000), "49.99"),
        (Fraction(0), "0"),
        (Fraction(100), "100"),
    ],
)
def test_format_score(value: Fraction, text: str) -> None:
    assert format_score(value, lang="en") == text
    assert format_score(value, lang="vi") == text.replace(".", ",")
    with use_language("en"):
        assert format_score(value) == text
    with use_language("vi"):  # the current language decides by default
        assert format_score(value) == text.replace(".", ",")


@given(st.fractions(min_value=0, max_value=100, max_denominator=10_000))
def test_a_printed_score_keeps_its_band(value: Fraction) -> None:
    text = format_score(value, lang="en")
    printed = Decimal(text)
    assert printed <= value
    assert value - Fraction(printed) < Fraction(1, 100)
    assert band_stars(printed) == band_stars(value)


# --- minimum marks ------------------------------------------------------------------------

# 1.1: options worth 0/5/10/20, marks *** on 2, **** on 3, ***** on 4; 1.2: up to 80 points.
MARKED = make_sheet(
    [
        [(0, None), (5, 3), (10, 4), (20, 5)],
        [(p, None) for p in range(0, 81, 10)],
    ]
)


def marked(*pairs: tuple[int, int]) -> Assessment:
    return Assessment(
        sheet=MARKED,
        members=tuple(
            ScoreSheet(member=f"M{i + 1}", choices={"1.1": a, "1.2": b})
            for i, (a, b) in enumerate(pairs)
        ),
    )


@pytest.mark.parametrize(
    ("choice_11", "choice_12", "band", "stars", "unmet"),
    [
        (4, 8, 5, 5, []),  # 20 + 70 = 90: every mark met
        (3, 9, 5, 4, ["1.1 needs option 4 for 5★, chose 3"]),
        (2, 9, 4, 3, ["1.1 needs option 3 for 4★, chose 2"]),  # 5 + 80 = 85
        (1, 9, 4, 2, ["1.1 needs option 2 for 3★, chose 1",
                      "1.1 needs option 3 for 4★, chose 1"]),
        (0, 9, 4, 2, ["1.1 needs option 2 for 3★, none met",
                      "1.1 needs option 3 for 4★, none met"]),
        (1, 6, 3, 2, ["1.1 needs option 2 for 3★, chose 1"]),
        (1, 4, 2, 2, []),  # marks above the band are not listed
    ],
)  # fmt: skip
def test_marks_lower_the_band(
    choice_11: int, choice_12: int, band: int, stars: int, unmet: list[str]
) -> None:
    rating = classify(marked((choice_11, choice_12)))
    assert (rating.band_stars, rating.stars) == (band, stars)
    assert [u.message for u in rating.unmet] == unmet


def test_explain_names_the_binding_mark() -> None:
    rating = classify(marked((3, 9)))
    assert rating.explain() == ("mean 90: band 5★, classed 4★ (1.1 needs option 4 for 5★, chose 3)")
    assert classify(marked((0, 9), (0, 9), (1, 9))).explain() == (
        "mean 80: band 4★, classed 2★ (1.1 needs option 2 for 3★, none met)"
    )
    assert classify(marked((4, 8))).explain() == "mean 90: band 5★, classed 5★"


def test_agreed_answers_are_what_a_majority_reached() -> None:
    # 1.1 chosen 4, 4, 3, 2, 1 by five members: three reached option 3, only two option 4.
    a = marked((4, 9), (4, 9), (3, 9), (2, 9), (1, 9))
    assert agreed_answers(a) == {"1.1": 3, "1.2": 9}
    # Four members, 4/4/3/2: three of four reached option 3; two of four is no majority.
    assert agreed_answers(marked((4, 9), (4, 9), (3, 9), (2, 9)))["1.1"] == 3
    assert agreed_answers(marked((4, 9), (4, 9), (2, 9), (2, 9)))["1.1"] == 2


def test_marks_judged_on_agreed_answers_or_on_each_member() -> None:
    a = marked((4, 9), (4, 9), (4, 9), (2, 9), (3, 9))
    agreed = classify(a, AGREED)
    assert (agreed.band_stars, agreed.stars, agreed.unmet) == (5, 5, ())
    each = classify(a, EACH)
    assert each.stars == 3
    assert [u.message for u in each.unmet] == [
        "1.1 needs option 3 for 4★, M4 chose 2",
        "1.1 needs option 4 for 5★, M4 chose 2",
        "1.1 needs option 4 for 5★, M5 chose 3",
    ]


def test_stated_agreed_answers_win_over_the_majority() -> None:
    a = attrs.evolve(marked((4, 9), (4, 9), (4, 9)), agreed={"1.1": 2, "1.2": 9})
    rating = classify(a)
    assert rating.stars == 3
    assert rating.agreed == {"1.1": 2}


@pytest.mark.parametrize(
    ("band", "unmet_levels", "stars"),
    [(5, [], 5), (5, [5], 4), (5, [4, 5], 3), (5, [3], 2), (4, [4], 3), (3, [3], 2), (2, [], 2)],
)
def test_stars_for(band: int, unmet_levels: list[int], stars: int) -> None:
    unmet = [UnmetMark(code="1.1", stars=s, required=2, chosen=1) for s in unmet_levels]
    assert stars_for(band, unmet) == stars


# --- properties ---------------------------------------------------------------------------


def _oracle_total(sheet_choices: dict[str, int | None], a: Assessment) -> int:
    return sum(
        0 if not n else a.sheet.criterion(code).option(n).points
        for code, n in sheet_choices.items()
    )


@settings(max_examples=150)
@given(assessments(), st.sampled_from([AGREED, EACH]))
def test_totals_mean_and_stars_hold_together(a: Assessment, rules: CouncilRules) -> None:
    rating = classify(a, rules)
    member_totals = [m.total for m in rating.members]
    assert member_totals == [_oracle_total(dict(m.choices), a) for m in a.members]
    assert min(member_totals) <= rating.mean <= max(member_totals)
    assert rating.band_stars == band_stars(rating.mean)
    assert rating.stars <= rating.band_stars
    assert all(u.stars <= rating.band_stars for u in rating.unmet)
    assert rating.stars == stars_for(rating.band_stars, rating.unmet)
    assert check_assessment(a) == []


@settings(max_examples=150)
@given(assessments(min_members=2), st.sampled_from([AGREED, EACH]), st.randoms())
def test_member_order_never_matters(a: Assessment, rules: CouncilRules, rnd: object) -> None:
    members = list(a.members)
    rnd.shuffle(members)  # type: ignore[attr-defined]
    b = attrs.evolve(a, members=tuple(members))
    ra, rb = classify(a, rules), classify(b, rules)
    assert (ra.mean, ra.band_stars, ra.stars) == (rb.mean, rb.band_stars, rb.stars)
    assert sorted(attrs.astuple(u) for u in ra.unmet) == sorted(attrs.astuple(u) for u in rb.unmet)
    assert sorted(attrs.astuple(m) for m in ra.members) == sorted(
        attrs.astuple(m) for m in rb.members
    )


@settings(max_examples=200)
@given(assessments(), st.sampled_from([AGREED, EACH]), st.data())
def test_a_better_option_never_lowers_a_total_or_the_stars(
    a: Assessment, rules: CouncilRules, data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(a.members) - 1), label="member")
    crit = data.draw(st.sampled_from(a.sheet.criteria), label="criterion")
    before = a.members[i].choices[crit.code] or 0
    better = data.draw(st.integers(before, len(crit.options)), label="better option")
    choices = dict(a.members[i].choices) | {crit.code: better}
    members = list(a.members)
    members[i] = attrs.evolve(members[i], choices=choices)
    b = attrs.evolve(a, members=tuple(members))
    ra, rb = classify(a, rules), classify(b, rules)
    assert rb.members[i].total >= ra.members[i].total
    assert rb.mean >= ra.mean
    assert rb.stars >= ra.stars


@settings(max_examples=100)
@given(assessments())
def test_the_agreed_answer_is_reached_by_a_strict_majority(a: Assessment) -> None:
    n = len(a.members)
    for code, agreed in agreed_answers(a).items():
        chosen = [m.choices[code] or 0 for m in a.members]
        assert sum(c >= agreed for c in chosen) * 2 > n
        assert sum(c >= agreed + 1 for c in chosen) * 2 <= n


# --- checks and council rules -------------------------------------------------------------


def test_check_assessment_reports_every_problem() -> None:
    a = Assessment(
        sheet=MARKED,
        members=(
            ScoreSheet(member="An", choices={"1.1": 5, "1.2": 1, "1.9": 1}),
            ScoreSheet(member="Bình", choices={"1.1": "2", "1.2": -1}),  # type: ignore[dict-item]
            ScoreSheet(member="An", choices={"1.1": True, "1.2": None}),
        ),
        agreed={"1.1": 1},
    )
    assert render(check_assessment(a)) == "\n".join(
        [
            '$.members[0].choices["1.1"]: criterion 1.1 has options 1–4 (0 or null: none met); '
            "got 5 [rating.option_range]",
            "$.members[0].choices[\"1.9\"]: sheet 1 of test has no criterion '1.9' "
            "[rating.unknown_criterion]",
            '$.members[1].choices["1.1"]: criterion 1.1: the choice must be an option number or '
            "null (got '2') [rating.option_type]",
            '$.members[1].choices["1.2"]: criterion 1.2 has options 1–9 (0 or null: none met); '
            "got -1 [rating.option_range]",
            '$.members[2].choices["1.1"]: criterion 1.1: the choice must be an option number or '
            "null (got True) [rating.option_type]",
            "$.members[2].name: member 'An' scored twice (also $.members[0]) "
            "[rating.duplicate_member]",
            "$.agreed: no choice for 1 criterion: 1.2 [rating.missing_criteria]",
        ]
    )
    result = rate(a)
    assert result.value is None
    assert not result.ok


def test_no_members() -> None:
    result = rate(Assessment(sheet=MARKED, members=()))
    assert render(result.problems) == (
        "$.members: the assessment has no member score sheets [rating.no_members]"
    )


def test_spread_over_the_limit_is_an_error_but_the_rating_is_shown() -> None:
    result = rate(totals(60, 71, 65))
    assert result.value is not None
    assert result.value.stars == 3
    assert render(result.problems) == (
        "$.members: members' totals differ by 11 points (M1 71, M0 60); the council's rules "
        "allow at most 10: discuss and score again [rating.spread]"
    )
    assert rate(totals(60, 70, 65)).ok
    assert rate(totals(60, 71), CouncilRules(max_spread=None)).ok
    assert not rate(totals(60, 61), CouncilRules(max_spread=0)).ok


@pytest.mark.parametrize(("size", "need"), [(1, 1), (3, 3), (4, 3), (5, 4), (8, 6), (9, 7)])
def test_quorum_of_three_quarters_rounds_up(size: int, need: int) -> None:
    rules = CouncilRules()
    assert rules.quorum_count(size) == need
    assert check_quorum(rules, present=need, council_size=size, chair_present=True) == []
    short = check_quorum(rules, present=need - 1, council_size=size, chair_present=True)
    assert [p.code for p in short] == ["rating.quorum"]


@pytest.mark.parametrize(
    ("present", "size", "message"),
    [
        (2, 1, "2 members scored but the council has only 1 member [rating.council_size]"),
        (1, 0, "1 member scored but the council has only 0 members [rating.council_size]"),
        (3, 2, "3 members scored but the council has only 2 members [rating.council_size]"),
        (0, 1, "0 of 1 member scored; the quorum is 1 (3/4 of the members) [rating.quorum]"),
        (1, 2, "1 of 2 members scored; the quorum is 2 (3/4 of the members) [rating.quorum]"),
    ],
)
def test_council_counts_are_singular_or_plural(present: int, size: int, message: str) -> None:
    problems = check_quorum(CouncilRules(), present=present, council_size=size, chair_present=True)
    assert render(problems) == message


def test_quorum_needs_the_chair_when_the_rules_say_so() -> None:
    a = attrs.evolve(totals(60, 61, 62), council_size=4)
    assert render(rate(a).problems) == (
        "$.members: the chair of the council is not among the members who scored "
        "[rating.chair_absent]"
    )
    assert rate(a, CouncilRules(chair_required=False)).ok
    chaired = attrs.evolve(a, members=(attrs.evolve(a.members[0], chair=True), *a.members[1:]))
    assert rate(chaired).ok
    short = attrs.evolve(chaired, council_size=5)
    assert render(rate(short).problems) == (
        "$.members: 3 of 5 members scored; the quorum is 4 (3/4 of the members) [rating.quorum]"
    )
    over = attrs.evolve(chaired, council_size=2)
    assert [p.code for p in rate(over).problems] == ["rating.council_size"]
    two = attrs.evolve(chaired, members=tuple(attrs.evolve(m, chair=True) for m in a.members))
    assert render(rate(two).problems).splitlines() == [
        "$.members[1].chair: more than one member is marked as the chair [rating.two_chairs]",
        "$.members[2].chair: more than one member is marked as the chair [rating.two_chairs]",
    ]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"max_spread": -1}, OcopValueError),
        ({"max_spread": 1.5}, OcopTypeError),
        ({"quorum": Fraction(0)}, OcopValueError),
        ({"quorum": Fraction(5, 4)}, OcopValueError),
        ({"quorum": 0.75}, OcopTypeError),
        ({"marks_on": "agreed"}, TypeError),
    ],
)
def test_council_rules_refuse_nonsense(kwargs: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        CouncilRules(**kwargs)  # type: ignore[arg-type]


def test_score_sheet_choices_are_a_read_only_copy() -> None:
    source = {"1.1": 1}
    sheet = ScoreSheet(member="An", choices=source)
    source["1.1"] = 2
    assert sheet.choices["1.1"] == 1
    with pytest.raises(TypeError):
        sheet.choices["1.1"] = 3  # type: ignore[index]
    with pytest.raises(OcopTypeError):
        ScoreSheet(member="An", choices=[("1.1", 1)])  # type: ignore[arg-type]
    with pytest.raises(OcopTypeError):
        Assessment(sheet=MARKED, members=({"1.1": 1},))  # type: ignore[arg-type]


# --- the real sheets ----------------------------------------------------------------------


def test_marks_are_compared_by_option_number_where_points_rise_with_it() -> None:
    # Reaching a mark means choosing that option or a later one; that is sound only where
    # later options are worth at least as much and carry no lower mark. Every shipped sheet
    # of 26/2026/QĐ-TTg is checked.
    for sheet in get_criteria_set("26-2026").sheets:
        for c in sheet.criteria:
            if not c.marks:
                continue
            points = [o.points for o in c.options]
            levels = [o.stars for o in c.marks]
            assert points == sorted(points), (sheet.number, c.code)
            assert levels == sorted(levels), (sheet.number, c.code)


def _choose(sheet_no: int, pick: str) -> dict[str, int]:
    sheet = get_criteria_set("26-2026").sheet(sheet_no)
    return {
        c.code: len(c.options) if pick == "best" else (c.marks[0].number if c.marks else 0)
        for c in sheet.criteria
    }


def test_sheet_1_of_26_2026_best_and_least_marked() -> None:
    sheet = get_criteria_set("26-2026").sheet(1)
    best = Assessment(sheet=sheet, members=(ScoreSheet(member="A", choices=_choose(1, "best")),))
    rating = classify(best)
    assert (rating.mean, rating.stars, rating.unmet) == (100, 5, ())
    table = ScoringTable.for_sheet(sheet)
    assert ScoringTable.for_sheet(sheet) is table
    assert len(table.codes) == len(sheet.criteria)
    assert {(m.code, m.stars) for m in table.marks} >= {("2.3", 3), ("2.3", 4), ("1.3", 5)}


def test_sheet_1_of_26_2026_option_2_of_2_3_is_short_of_4_stars() -> None:
    sheet = get_criteria_set("26-2026").sheet(1)
    choices = _choose(1, "best") | {"2.3": 2}
    rating = classify(Assessment(sheet=sheet, members=(ScoreSheet(member="A", choices=choices),)))
    assert rating.mean == 99
    assert (rating.band_stars, rating.stars) == (5, 3)
    assert [u.message for u in rating.unmet] == ["2.3 needs option 3 for 4★, chose 2"]


def test_classify_refuses_unchecked_choices() -> None:
    a = Assessment(sheet=MARKED, members=(ScoreSheet(member="An", choices={"1.1": 9}),))
    with pytest.raises(OcopValueError, match=r"(?s)not valid.*rating\.option_range"):
        classify(a)
    with pytest.raises(OcopValueError, match=r"rating\.no_members"):
        classify(Assessment(sheet=MARKED, members=()))


odd_values = st.one_of(
    st.none(),
    st.integers(-2, 12),
    st.booleans(),
    st.floats(allow_nan=False, min_value=-2, max_value=12),
    st.text(max_size=2),
    st.lists(st.integers(), max_size=1),
)


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from(["1.1", "1.2", "1.3", "2"]), odd_values, max_size=4))
def test_the_fast_check_and_the_explained_check_agree(choices: dict[str, object]) -> None:
    # rate() trusts the one-pass check; whenever it refuses, check_choices must say why.
    table = ScoringTable.for_sheet(MARKED)
    total = table.try_total(choices)  # type: ignore[arg-type]
    problems = table.check_choices(choices)  # type: ignore[arg-type]
    assert (total is None) == bool(problems)
    if total is not None:
        assert total == sum(
            MARKED.criterion(c).option(n).points if n else 0  # type: ignore[arg-type]
            for c, n in choices.items()
        )


def test_a_float_equal_to_an_option_is_not_a_choice() -> None:
    a = marked((4, 9))
    floats = attrs.evolve(
        a,
        members=(ScoreSheet(member="An", choices={"1.1": 4.0, "1.2": 9}),),  # type: ignore[dict-item]
    )
    assert [p.code for p in rate(floats).problems] == ["rating.option_type"]


@pytest.mark.parametrize(
    ("mark", "en", "vi"),
    [
        (
            UnmetMark(code="2.3", stars=4, required=3, chosen=2),
            "2.3 needs option 3 for 4★, chose 2",
            "2.3 cần phương án 3 để đạt 4★, đã chọn 2",
        ),
        (
            UnmetMark(code="1.6", stars=4, required=1, chosen=0, member="An"),
            "1.6 needs option 1 for 4★, An met none",
            "1.6 cần phương án 1 để đạt 4★, An không đạt phương án nào",
        ),
    ],
)
def test_unmet_mark_messages(mark: UnmetMark, en: str, vi: str) -> None:
    assert (mark.message, mark.vietnamese) == (en, vi)


@pytest.mark.parametrize(("size", "error"), [(0, OcopValueError), (True, OcopTypeError)])
def test_council_size_is_a_positive_int(size: object, error: type) -> None:
    with pytest.raises(error):
        Assessment(sheet=MARKED, members=(), council_size=size)  # type: ignore[arg-type]


def test_no_agreed_answers_without_members() -> None:
    with pytest.raises(OcopValueError, match="without members"):
        agreed_answers(Assessment(sheet=MARKED, members=()))
    stated = Assessment(sheet=MARKED, members=(), agreed={"1.1": None, "1.2": 3})
    assert agreed_answers(stated) == {"1.1": 0, "1.2": 3}


def test_every_shipped_sheet_can_be_rated() -> None:
    # The best option everywhere scores the sheet's best total, never above 100; none scores 0.
    from ocop.rating import criteria_sets

    for cset in criteria_sets():
        for sheet in cset.sheets:
            best = {c.code: max(c.options, key=lambda o: o.points).number for c in sheet.criteria}
            worst = dict.fromkeys(best, 0)
            result = rate(
                Assessment(
                    sheet=sheet,
                    members=(
                        ScoreSheet(member="A", choices=best),
                        ScoreSheet(member="B", choices=worst),
                    ),
                ),
                CouncilRules(max_spread=None),
            )
            assert result.ok, (cset.id, sheet.number, result.problems)
            assert result.value is not None
            top = result.value.members[0].total
            assert top == sum(c.best_points for c in sheet.criteria) <= 100
            assert result.value.members[1].total == 0

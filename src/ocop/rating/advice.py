"""Advice: the least change to one answer sheet that reaches each higher star level.

For one answer sheet (phiếu) — a producer's self-assessment, or a council's agreed answers
(kết quả thống nhất) — [`advise`][ocop.rating.advice.advise] finds, for every star level above the
sheet's own up to 5★, the least set of option changes that reaches it: the level's band score
(26/2026/QĐ-TTg art. 3.3; the same bands in 148/QĐ-TTg and 1048/QĐ-TTg) **and** every
minimum-for-stars mark of that level and the levels below ("Dấu sao là yêu cầu tối thiểu phải đạt
theo các cấp độ sao", every sheet of Appendix II).

*Least* is an order, not a heuristic:

1. the fewest criteria changed;
2. then the smallest total of option steps (moving from option 2 to option 4 is two steps);
3. then criterion order: of two sets of equal size, the one whose first differing criterion
   comes earlier on the sheet; then the lower target options, criterion by criterion.

The search is exact. A criterion whose option is below a mark of the level *must* change, to
an option that meets it; every other change must gain points. The fewest changes follow from
the largest gains (each criterion's best gain is independent of the others); the cheapest set
of that size is then found by dynamic programming over the criteria in sheet order, whose
states (changes so far, points gained) are kept only while the rest of the sheet can still
close the gap, so there are few of them. Every tie-break is folded into one integer cost per
choice, so the optimum is unique and the order above holds exactly (the property tests
compare it with brute force on small sheets).

The sheet's structure is kept: an option's points and number are those printed; a criterion
printed as "Lựa chọn một trong hai trường hợp sau" (sheet 26) stays in the product's case —
the case of the options already chosen there; and criteria the producer cannot change (its
form of organisation, say) can be named in ``keep``. A level that no change reaches is
reported with the reason ([`Advice.unreachable`][ocop.rating.advice.Advice.unreachable]).
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Mapping, Sequence
from fractions import Fraction

import attrs

from ocop._i18n import tr
from ocop.errors import OcopValueError
from ocop.problems import Location, Problem, Result
from ocop.rating.classify import applicable_marks
from ocop.rating.criteria import Sheet
from ocop.rating.scoring import Assessment, Choice, MarkRule, ScoringTable
from ocop.regimes import STAR_BANDS, band_stars
from ocop.scores import format_score

__all__ = [
    "Advice",
    "OptionChange",
    "advice_answers",
    "advise",
    "advise_assessment",
]

#: The lowest score of each star band (26/2026/QĐ-TTg art. 3.3).
_FLOORS: Mapping[int, int] = {stars: floor for floor, stars in STAR_BANDS}
_TOP = max(_FLOORS)


@attrs.frozen(kw_only=True)
class OptionChange:
    """One criterion moved to another option (thay đổi phương án).

    Attributes:
        code: The criterion's code, e.g. ``"2.3"``.
        from_option: The option chosen now (0: none of the options met).
        to: The option to reach.
        gain: The points it adds (the difference of the two options' points; 0 or less only
            for a change a minimum mark requires).
    """

    code: str
    from_option: int
    to: int
    gain: int

    @property
    def steps(self) -> int:
        """How many options apart the two are (``|to − from|``)."""
        return abs(self.to - self.from_option)

    def to_dict(self) -> dict[str, object]:
        """``{"code", "from", "to", "gain"}``, as ``ocop rate --advise`` writes it."""
        return {"code": self.code, "from": self.from_option, "to": self.to, "gain": self.gain}


@attrs.frozen(kw_only=True)
class Advice:
    """The least change that reaches one star level, or why none does.

    Attributes:
        stars: The level (2–5).
        changes: The changes, in sheet order (empty when unreachable).
        score: The sheet's total after the changes (``None`` when unreachable).
        unreachable: Why no change reaches the level, or ``None`` when one does.
    """

    stars: int
    changes: tuple[OptionChange, ...] = ()
    score: int | None = None
    unreachable: str | None = None

    @property
    def reachable(self) -> bool:
        """``True`` when `changes` reach the level."""
        return self.unreachable is None

    @property
    def steps(self) -> int:
        """The total of the changes' option steps."""
        return sum(c.steps for c in self.changes)

    def to_dict(self) -> dict[str, object]:
        """``{"stars", "changes", "score"}``, or ``{"stars", "unreachable"}``."""
        if self.unreachable is not None:
            return {"stars": self.stars, "unreachable": self.unreachable}
        return {
            "stars": self.stars,
            "changes": [c.to_dict() for c in self.changes],
            "score": format_score(Fraction(self.score or 0), lang="en"),
        }


# --- the search --------------------------------------------------------------------------


# A menu entry: (target option, points gained, steps).
_Menu = tuple[tuple[int, int, int], ...]


@attrs.frozen
class _Plan:
    """What one sheet's search needs, compiled once per sheet."""

    table: ScoringTable
    options: tuple[tuple[int, ...], ...]  # per criterion: its option numbers
    cases: tuple[tuple[str | None, ...], ...]  # per criterion: each option's case key
    order_bit: tuple[int, ...]  # cost of criterion i's place (earlier = more negative)
    target_weight: tuple[int, ...]  # cost weight of criterion i's target option
    step_weight: int
    menus: dict[tuple[int, int, int, str | None, bool], _Menu] = attrs.field(factory=dict)


_PLANS: dict[int, _Plan] = {}


def _case_key(case: str | None) -> str | None:
    # "a. Trường hợp 1: …" → "a": the letter the sheet prints for the case.
    if case is None:
        return None
    return case.split(".", 1)[0].strip().lower() or case


def _plan(sheet: Sheet) -> _Plan:
    found = _PLANS.get(id(sheet))
    if found is not None and found.table.sheet is sheet:
        return found
    table = ScoringTable.for_sheet(sheet)
    criteria = sheet.criteria
    n = len(criteria)
    base = max((len(c.options) for c in criteria), default=1) + 1
    # One integer per choice orders solutions by (steps, criterion order, target options):
    # steps × W1 − 2^(n−1−i) × W2 + to × base^(n−1−i), with W2 = base^n and W1 = W2 × 2^n.
    w2 = base**n
    plan = _Plan(
        table=table,
        options=tuple(tuple(o.number for o in c.options) for c in criteria),
        cases=tuple(tuple(_case_key(o.case) for o in c.options) for c in criteria),
        order_bit=tuple((1 << (n - 1 - i)) * w2 for i in range(n)),
        target_weight=tuple(base ** (n - 1 - i) for i in range(n)),
        step_weight=w2 << n,
    )
    if len(_PLANS) >= 64:
        _PLANS.pop(next(iter(_PLANS)))
    _PLANS[id(sheet)] = plan
    return plan


def _menu(
    plan: _Plan, i: int, *, current: int, required: int, case: str | None, kept: bool
) -> _Menu:
    """The targets worth considering at criterion ``i``: those meeting ``required``, in
    ``case``, and — for a criterion no mark forces — gaining points; dominated ones dropped."""
    key = (i, current, required, case, kept)
    found = plan.menus.get(key)
    if found is not None:
        return found
    points = plan.table.points[i]
    have = points[current]
    forced = current < required
    entries = []
    if not kept:
        for number, option_case in zip(plan.options[i], plan.cases[i], strict=True):
            if number == current or number < required:
                continue
            if case is not None and option_case is not None and option_case != case:
                continue
            gain = points[number] - have
            if forced or gain > 0:
                entries.append((abs(number - current), number, gain))
    entries.sort()
    kept_entries: list[tuple[int, int, int]] = []
    best = None
    for steps, number, gain in entries:
        # Cheaper (or as cheap with a lower option) and gaining as much: the later is dominated.
        if best is None or gain > best:
            kept_entries.append((number, gain, steps))
            best = gain
    menu = tuple(kept_entries)
    plan.menus[key] = menu
    return menu


def _required(marks: Iterable[MarkRule], n: int, stars: int) -> list[int]:
    need = [0] * n
    for m in marks:
        if m.stars <= stars and m.option > need[m.index]:
            need[m.index] = m.option
    return need


def _sheet_stars(total: int, current: Sequence[int], marks: Iterable[MarkRule]) -> int:
    # The band of the total, lowered below the lowest level whose marks are not all met
    # (the rule of ocop.rating.classify.stars_for, on one sheet).
    band = band_stars(total)
    lowest = min((m.stars for m in marks if current[m.index] < m.option), default=None)
    return band if lowest is None or band < lowest else lowest - 1


_Solution = tuple[int, int, list[tuple[int, int, int]]]  # (changes, cost, [(i, to, gain)])

# Below any gain a sheet can make: the bound of a state that cannot be completed.
_DEAD = -(10**9)


def _solve(
    plan: _Plan,
    current: Sequence[int],
    *,
    total: int,
    stars: int,
    required: Sequence[int],
    cases: Sequence[str | None],
    kept: Collection[int],
) -> _Solution | str:
    """The least change reaching ``stars``, or the reason none does."""
    codes = plan.table.codes
    goal = _FLOORS[stars] - total  # points still to gain
    forced: list[int] = []
    free: list[tuple[int, int]] = []  # (criterion, its best gain)
    menus: dict[int, _Menu] = {}
    forced_best = 0
    for i, have in enumerate(current):
        menu = _menu(plan, i, current=have, required=required[i], case=cases[i], kept=i in kept)
        if have < required[i]:
            if not menu:
                why = (
                    tr("is kept as it is")
                    if i in kept
                    else tr("has no option of the product's case that meets it")
                )
                return tr(
                    "{code} needs option {option} for {stars}★ and {why}",
                    code=codes[i],
                    option=required[i],
                    stars=stars,
                    why=why,
                )
            forced.append(i)
            forced_best += max(g for _, g, _ in menu)
            menus[i] = menu
        elif menu:
            free.append((i, max(g for _, g, _ in menu)))
            menus[i] = menu
    gains = sorted((g for _, g in free), reverse=True)
    reach = forced_best
    need_free = 0
    while reach < goal:
        if need_free == len(gains):
            return tr(
                "at most {most} points can be reached, {floor} are needed for {stars}★",
                most=total + forced_best + sum(gains),
                floor=_FLOORS[stars],
                stars=stars,
            )
        reach += gains[need_free]
        need_free += 1
    return _cheapest(plan, goal=goal, need_free=need_free, forced=forced, free=free, menus=menus)


def _cheapest(
    plan: _Plan,
    *,
    goal: int,
    need_free: int,
    forced: Sequence[int],
    free: Sequence[tuple[int, int]],
    menus: Mapping[int, _Menu],
) -> _Solution:
    """The cheapest choice of exactly ``need_free`` free changes (and every forced one)
    gaining at least ``goal`` points: dynamic programming over the criteria in sheet order,
    keeping a state (free changes made, points gained) only while the criteria after it can
    still reach the goal with the changes left."""
    forced_set = set(forced)
    active = sorted(menus)
    best_of = dict(free)
    # After position p of `active`: the most the criteria still to come can add with q more
    # free changes — their forced best gains plus the q largest free best gains (_DEAD:
    # fewer than q free criteria are left, so no state needing q more can be completed).
    bounds: list[list[int]] = [[] for _ in range(len(active) + 1)]
    running: list[int] = []  # ascending
    forced_left = 0
    bounds[len(active)] = [0] + [_DEAD] * need_free
    for p in range(len(active) - 1, -1, -1):
        i = active[p]
        if i in forced_set:
            forced_left += max(g for _, g, _ in menus[i])
        else:
            bisect.insort(running, best_of[i])
        row = [forced_left]
        acc = forced_left
        for q in range(1, need_free + 1):
            if q > len(running):
                row.append(-1)
            else:
                acc += running[-q]
                row.append(acc)
        bounds[p] = row
    step_weight = plan.step_weight
    # Points gained are capped where nothing later can bring them below the goal: a change a
    # mark forces may lose points (an option worth less than the one chosen).
    cap = goal + sum(max(0, -min(g for _, g, _ in menus[i])) for i in forced)
    # A layer maps (free changes made, points gained, capped) to (cost, back pointer);
    # the back pointer is (previous state, (target, gain) or None for no change).
    Back = tuple[tuple[int, int], tuple[int, int] | None]
    layer: dict[tuple[int, int], tuple[int, Back | None]] = {(0, 0): (0, None)}
    history: list[dict[tuple[int, int], tuple[int, Back | None]]] = []
    for p, i in enumerate(active):
        is_forced = i in forced_set
        bound = bounds[p + 1]
        nxt: dict[tuple[int, int], tuple[int, Back | None]] = {}
        order = plan.order_bit[i]
        weight = plan.target_weight[i]
        menu = menus[i]
        dc = 0 if is_forced else 1
        for state, (cost, _back) in layer.items():
            c, g = state
            if not is_forced and g + bound[need_free - c] >= goal:
                old = nxt.get(state)
                if old is None or cost < old[0]:
                    nxt[state] = (cost, (state, None))
            c2 = c + dc
            if c2 > need_free:
                continue
            more = bound[need_free - c2]
            for number, gain, steps in menu:
                g2 = g + gain
                if g2 + more < goal:
                    continue
                g2 = min(g2, cap)
                new = cost + steps * step_weight - order + number * weight
                key = (c2, g2)
                old = nxt.get(key)
                if old is None or new < old[0]:
                    nxt[key] = (new, (state, (number, gain)))
        history.append(nxt)
        layer = nxt
    cost, state = min(
        (value[0], key) for key, value in layer.items() if key[0] == need_free and key[1] >= goal
    )
    changes: list[tuple[int, int, int]] = []
    for p in range(len(active) - 1, -1, -1):
        back = history[p][state][1]
        assert back is not None
        state, choice = back
        if choice is not None:
            changes.append((active[p], choice[0], choice[1]))
    changes.reverse()
    return len(changes), cost, changes


def _case_runs(plan: _Plan, current: Sequence[int]) -> list[list[str | None]]:
    """The cases (trường hợp) each criterion's changes may use, for every way to try.

    A sheet that prints "Lựa chọn một trong hai trường hợp sau" (sheet 26) splits some
    criteria's options into cases: the product is in one of them. When its answers name one
    case, every such criterion stays in it; when they name none yet, each case is tried (the
    same for all criteria) and the least change wins; when they name several, each
    criterion keeps its own.
    """
    n = len(current)
    with_cases = [i for i in range(n) if any(plan.cases[i])]
    if not with_cases:
        return [[None] * n]
    chosen = {plan.cases[i][current[i] - 1] for i in with_cases if current[i]}
    if len(chosen) == 1:
        return [[chosen.pop()] * n]
    if not chosen:
        every = sorted({k for i in with_cases for k in plan.cases[i] if k is not None})
        return [[k] * n for k in every]
    return [[plan.cases[i][current[i] - 1] if current[i] else None for i in range(n)]]


def advise(
    sheet: Sheet,
    choices: Mapping[str, Choice],
    *,
    keep: Iterable[str] = (),
    conditions: Mapping[str, bool] | None = None,
    marks: Sequence[MarkRule] | None = None,
) -> tuple[Advice, ...]:
    """The least change reaching each star level above the sheet's own, up to 5★.

    Args:
        sheet: The scoring sheet.
        choices: One answer sheet: criterion code → option number (0 or ``None``: none met),
            complete and in range
            ([`check_choices`][ocop.rating.scoring.ScoringTable.check_choices]).
        keep: Codes of criteria that cannot change (e.g. the form of organisation); a level
            whose marks need one of them changed is unreachable.
        conditions: The conditions the sheet's text puts on some marks, as the assessment
            states them (`Assessment.conditions`); a
            mark whose condition does not hold binds no level (default: each condition at
            its default).
        marks: The minimum-for-stars marks that apply to the product, when the caller has
            chosen them itself (default: the sheet's marks that ``conditions`` leave
            binding, [`applicable_marks`][ocop.rating.classify.applicable_marks]).

    Returns:
        One [`Advice`][ocop.rating.advice.Advice] per level above the sheet's stars (none when it is
        5★).

    Raises:
        OcopValueError: ``choices`` are not complete and in range, or ``keep`` names a
            criterion the sheet does not have.
    """
    plan = _plan(sheet)
    table = plan.table
    total = table.try_total(choices)
    if total is None:
        raise OcopValueError(
            "the answers are not complete and in range:\n"
            + "\n".join(map(Problem.render, table.check_choices(choices)))
        )
    kept: set[int] = set()
    for code in keep:
        try:
            kept.add(table.index(code))
        except KeyError:
            raise OcopValueError(
                tr(
                    "sheet {sheet} of {criteria} has no criterion {code!r} to keep",
                    sheet=sheet.number,
                    criteria=sheet.criteria_set,
                    code=code,
                )
            ) from None
    rules = applicable_marks(table.marks, conditions or {}) if marks is None else tuple(marks)
    current = [0 if c is None else c for c in table.vector(choices)]
    now = _sheet_stars(total, current, rules)
    n = len(current)
    runs = _case_runs(plan, current)
    out: list[Advice] = []
    for stars in range(now + 1, _TOP + 1):
        required = _required(rules, n, stars)
        best: _Solution | None = None
        reason = ""
        for cases in runs:
            found = _solve(
                plan,
                current,
                total=total,
                stars=stars,
                required=required,
                cases=cases,
                kept=kept,
            )
            if isinstance(found, str):
                reason = reason or found
            elif best is None or found[:2] < best[:2]:
                best = found
        if best is None:
            out.append(Advice(stars=stars, unreachable=reason))
            continue
        changes = tuple(
            OptionChange(code=table.codes[i], from_option=current[i], to=to, gain=gain)
            for i, to, gain in best[2]
        )
        out.append(Advice(stars=stars, changes=changes, score=total + sum(c.gain for c in changes)))
    return tuple(out)


def advice_answers(assessment: Assessment) -> Result[Mapping[str, Choice] | None]:
    """The one answer sheet advice is given on: the council's agreed answers when stated,
    else the only member's sheet (a self-assessment).

    Several members and no agreed answers is refused (problem ``rating.advice_basis``):
    advice on a mean of several sheets would not say whose answers to change.
    """
    if assessment.agreed is not None:
        return Result(assessment.agreed)
    if len(assessment.members) == 1:
        return Result(assessment.members[0].choices)
    problem = Problem(
        code="rating.advice_basis",
        message=tr(
            "advice needs one answer sheet, and this assessment has {count} members and no "
            'agreed answers: give the council\'s agreed answers ("agreed") or a single '
            "member's sheet (a self-assessment)",
            count=len(assessment.members),
        ),
        where=Location(path="$.agreed"),
    )
    return Result(None, (problem,))


def advise_assessment(
    assessment: Assessment, *, keep: Iterable[str] = ()
) -> Result[tuple[Advice, ...] | None]:
    """[`advise`][ocop.rating.advice.advise] on the assessment's one answer sheet
    ([`advice_answers`][ocop.rating.advice.advice_answers])."""
    answers = advice_answers(assessment)
    if answers.value is None:
        return Result(None, answers.problems)
    return Result(
        advise(assessment.sheet, answers.value, keep=keep, conditions=assessment.conditions)
    )

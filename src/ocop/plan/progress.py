"""A plan's progress on a date: targets against their figures, activities against their
windows, the budget by activity and by section.

Target status ([`TargetStatus`][ocop.plan.progress.TargetStatus]), on the report's date *d*:

* **no data** — nothing gives the target's figure: its indicator is counted from cycle
  records and no event log or results were given, or it comes from facts and none is
  recorded by *d*;
* **not enough data** — what is known bounds the figure but cannot settle the target: the
  results ([`ocop.plan.results`][ocop.plan.results]) give "at least 9" for a target of at least 10.
  Partial knowledge is never rounded into a verdict: the status
  is met only when the least possible figure meets the target, missed only when the
  greatest possible figure misses it (and the deadline has passed);
* **met** — the figure reaches the target: at least the value (``at_least``), at least the
  value less its tolerance (``about``, `ABOUT_TOLERANCE`), at least the low
  end (``between``), done (``done``). A figure above the high end or the tolerance is still
  met and flagged ``above``;
* **missed** — not met and *d* is on or after its deadline: the last day of the plan's year,
  or of its activities' windows when they run later;
* **on track** — not met, before the deadline, and the figure is at least what the pace
  expects: the target's low figure times the share of its pace window elapsed by *d* (the
  days from the first day of its activities' windows to *d*, both counted, over the window's
  days; 0 before the window, all of it after). Without activities the pace window is the
  plan's year. A ``done`` target is on track until its window ends;
* **at risk** — not met, before the deadline, and behind that pace.

Activity status ([`ActivityStatus`][ocop.plan.progress.ActivityStatus]): **done** when a fact
records it done by *d*, or when it started and *d* is on or after the last day of its window; **in
progress** when it started and its window is not over; **planned** before its window when nothing
shows it started; **overdue** on or after the last day of its window when nothing shows it started;
**not started** inside its window when nothing shows it started. It started on the first day
a fact records it started (or done) or an event of its ``evidence`` happened (from the plan's
first day). An activity nothing can show (no facts, and no evidence events or no event log)
is **no data** once its window has begun.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

import attrs

from ocop._enums import OcopEnum
from ocop.budget import Rollup, build_tree, check, rollup
from ocop.cycle import Record, Watch
from ocop.plan.checks import check_province
from ocop.plan.indicators import INDICATORS, count_indicators
from ocop.plan.model import Activity, Bounds, Citation, Comparison, Fact, Number, Plan, Target
from ocop.plan.results import CycleResults, KnownFigure
from ocop.problems import Problem

__all__ = [
    "ActivityProgress",
    "ActivityStatus",
    "BudgetProgress",
    "EventLog",
    "Progress",
    "TargetProgress",
    "TargetStatus",
    "activity_status",
    "first_evidence",
    "progress",
    "target_progress",
]


class TargetStatus(OcopEnum):
    """Where a target stands on a date (see the module's rules)."""

    MET = "met"
    """Reached (đạt)."""
    ON_TRACK = "on_track"
    """Not yet reached, at or ahead of the pace (đúng tiến độ)."""
    AT_RISK = "at_risk"
    """Not yet reached and behind the pace (chậm tiến độ)."""
    MISSED = "missed"
    """Not reached by its deadline (không đạt)."""
    NO_DATA = "no_data"
    """Nothing gives its figure (chưa có số liệu)."""
    NOT_ENOUGH_DATA = "not_enough_data"
    """What is known bounds the figure but does not settle the target (chưa đủ số liệu)."""


class ActivityStatus(OcopEnum):
    """Where an activity stands on a date (see the module's rules)."""

    PLANNED = "planned"
    """Its window has not begun (chưa đến hạn)."""
    NOT_STARTED = "not_started"
    """Its window has begun and nothing shows it started (chưa triển khai)."""
    IN_PROGRESS = "in_progress"
    """Started, window not over (đang triển khai)."""
    DONE = "done"
    """Done (hoàn thành)."""
    OVERDUE = "overdue"
    """Its window has ended and nothing shows it started (quá hạn)."""
    NO_DATA = "no_data"
    """Nothing recorded can show it (chưa có số liệu)."""


@attrs.frozen(kw_only=True)
class EventLog:
    """What the report knows of the event log it read (nhật ký sự kiện).

    Attributes:
        name: The file's name (or a description of the bundled log).
        events: How many events it holds.
        products: How many products they are about.
        simulated: ``True`` when the log was made by ``ocop simulate``: its ``register``
            notes start with ``simulated``. Reports say so wherever they show its figures.
    """

    name: str
    events: int
    products: int
    simulated: bool = False


@attrs.frozen(kw_only=True)
class TargetProgress:
    """A target on the report's date.

    Attributes:
        target: The target.
        actual: The figure reached: a count or a fact's figure; ``True``/``False`` for a
            ``done`` target; ``None`` when nothing gives it.
        expected: What the pace expects by the date (``None`` without a figure to pace).
        status: Its [`TargetStatus`][ocop.plan.progress.TargetStatus].
        above: ``True`` when the figure is above the target's range or tolerance.
        basis: Where the figure comes from: ``"results"`` (decisions of recognition,
            [`ocop.plan.results`][ocop.plan.results]), ``"records"`` (an event log), ``"fact"`` or
            ``None``.
        deadline: The last day to reach it.
        pace_from: The first day of its pace window.
        bounds: What is known of the figure: exactly ``actual``, or only bounds (then
            ``actual`` is ``None``); ``None`` without a figure or for a ``done`` target.
        sources: Where the figure comes from: the decisions, publications, event log or
            fact it was read from.
    """

    target: Target
    actual: Number | bool | None
    expected: Fraction | None
    status: TargetStatus
    above: bool
    basis: str | None
    deadline: dt.date
    pace_from: dt.date
    bounds: Bounds | None = None
    sources: tuple[Citation, ...] = ()

    @property
    def met(self) -> bool | None:
        """``True`` when met, ``False`` when the figure is known and not (yet) met, ``None``
        when nothing or not enough is known to say."""
        if self.status is TargetStatus.MET:
            return True
        if self.status in (TargetStatus.NO_DATA, TargetStatus.NOT_ENOUGH_DATA):
            return None
        return False


@attrs.frozen(kw_only=True)
class ActivityProgress:
    """An activity on the report's date.

    Attributes:
        activity: The activity.
        status: Its [`ActivityStatus`][ocop.plan.progress.ActivityStatus].
        started: The day it is first shown started, if by the date.
        done: The day a fact shows it done, if by the date.
        amount: The money of its budget lines in đồng (``None`` without lines).
        share: That amount's share of the budget's total, per cent with two decimals.
        shared_with: Other activities funded by some of the same lines.
    """

    activity: Activity
    status: ActivityStatus
    started: dt.date | None
    done: dt.date | None
    amount: int | None
    share: Decimal | None
    shared_with: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class BudgetProgress:
    """The plan's budget as the report shows it.

    Attributes:
        total: The derived total in đồng (the sum of the lines, not the printed figure).
        stated_total: The total as printed, in đồng, if printed.
        sections: The rollup by section (mục).
        linked: The money of the lines some activity links to, each line counted once.
        unlinked: The leaf lines no activity links to: (key, title, amount).
    """

    total: int
    stated_total: int | None
    sections: Rollup
    linked: int
    unlinked: tuple[tuple[str, str, int], ...]


@attrs.frozen(kw_only=True)
class Progress:
    """A plan's progress on a date (tiến độ thực hiện kế hoạch).

    Attributes:
        plan: The plan.
        on: The date.
        targets: Each target, in the plan's order.
        activities: Each activity, in the plan's order.
        budget: The budget, or ``None`` when the plan has none.
        indicators: Every indicator counted from the records by the date, or ``None``
            without an event log.
        log: The event log read, or ``None``.
        problems: Every problem found in the plan (its province on its date included,
            [`check_province`][ocop.plan.checks.check_province]), its budget and the event log.
        results: The real results the figures were read from, or ``None``.
        watch: The certificate watch on the report's date (`ocop.cycle.Watch`), from the
            event log, or ``None`` without one.
    """

    plan: Plan
    on: dt.date
    targets: tuple[TargetProgress, ...]
    activities: tuple[ActivityProgress, ...]
    budget: BudgetProgress | None
    indicators: Mapping[str, int] | None
    log: EventLog | None = None
    problems: tuple[Problem, ...] = ()
    results: CycleResults | None = None
    watch: Watch | None = None


def _share(amount: int, total: int) -> Decimal:
    if total == 0:
        return Decimal("0.00")
    return (Decimal(amount) * 100 / Decimal(total)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_EVEN
    )


def _latest_fact(facts: Iterable[Fact], indicator: str, on: dt.date) -> Fact | None:
    found = None
    for f in facts:
        if f.indicator == indicator and f.on <= on and (found is None or f.on >= found.on):
            found = f
    return found


def _pace(plan: Plan, target: Target) -> tuple[dt.date, dt.date]:
    windows = [plan.activity(a).window for a in target.activities]
    if not windows:
        return plan.start, plan.end
    return min(w.start for w in windows), max(w.end for w in windows)


def _elapsed(start: dt.date, end: dt.date, on: dt.date) -> Fraction:
    if on < start:
        return Fraction(0)
    if on >= end:
        return Fraction(1)
    return Fraction((on - start).days + 1, (end - start).days + 1)


def target_progress(
    plan: Plan,
    target: Target,
    on: dt.date,
    counts: Mapping[str, int] | None,
    known: Mapping[str, KnownFigure] | None = None,
    *,
    log: EventLog | None = None,
) -> TargetProgress:
    """One target's figure and status on ``on`` (see the module's rules).

    ``known`` (from
    [`ocop.plan.results.CycleResults.figures`][ocop.plan.results.CycleResults.figures]) comes first,
    then the records' ``counts`` (from the event log ``log``), then the plan's facts.
    """
    pace_from, pace_to = _pace(plan, target)
    deadline = max(plan.end, pace_to)
    actual: Number | bool | None = None
    basis: str | None = None
    sources: tuple[Citation, ...] = ()
    found = None if known is None else known.get(target.indicator)
    if found is not None and target.comparison is not Comparison.DONE:
        return _bounded(
            target, known=found, on=on, deadline=deadline, pace_from=pace_from, pace_to=pace_to
        )
    if target.indicator in INDICATORS and counts is not None:
        actual, basis = counts[target.indicator], "records"
        if log is not None:
            sources = (Citation(kind="events", ref=log.name, simulated=log.simulated),)
    else:
        fact = _latest_fact(plan.facts, target.indicator, on)
        if fact is not None and not isinstance(fact.value, str):
            actual, basis = fact.value, "fact"
            sources = (Citation(kind="fact", ref=fact.source, on=fact.on),)
    elapsed = _elapsed(pace_from, pace_to, on)
    if target.comparison is Comparison.DONE:
        done = None if actual is None else bool(actual)
        status = _status(done, done is True, on, deadline, elapsed < 1)
        return TargetProgress(
            target=target,
            actual=done,
            expected=None,
            status=status,
            above=False,
            basis=basis,
            deadline=deadline,
            pace_from=pace_from,
            sources=sources,
        )
    low = target.low or Fraction(0)
    expected = low * elapsed
    above = False
    met = False
    if actual is not None and not isinstance(actual, bool):
        met = actual >= low
        upper = target.upper
        above = upper is not None and actual > upper
    ahead = actual is not None and not isinstance(actual, bool) and actual >= expected
    return TargetProgress(
        target=target,
        actual=actual,
        expected=expected,
        status=_status(actual, met, on, deadline, ahead),
        above=above,
        basis=basis,
        deadline=deadline,
        pace_from=pace_from,
        bounds=None if actual is None or isinstance(actual, bool) else _exact(actual),
        sources=sources,
    )


def _exact(actual: Number) -> Bounds | None:
    return Bounds.exactly(actual) if isinstance(actual, int) else None


def _bounded(
    target: Target,
    *,
    known: KnownFigure,
    on: dt.date,
    deadline: dt.date,
    pace_from: dt.date,
    pace_to: dt.date,
) -> TargetProgress:
    """A target whose figure the results know, exactly or within bounds."""
    b = known.bounds
    low = target.low or Fraction(0)
    expected = low * _elapsed(pace_from, pace_to, on)
    upper = target.upper
    if b.exact:
        actual: int | None = b.low
        met = b.low >= low
        status = _status(b.low, met, on, deadline, b.low >= expected)
        above = upper is not None and b.low > upper
    else:
        actual = None
        above = upper is not None and b.low > upper
        if b.low >= low:
            status = TargetStatus.MET
        elif b.high is not None and b.high < low and on >= deadline:
            status = TargetStatus.MISSED
        else:
            status = TargetStatus.NOT_ENOUGH_DATA
    return TargetProgress(
        target=target,
        actual=actual,
        expected=expected,
        status=status,
        above=above,
        basis="results",
        deadline=deadline,
        pace_from=pace_from,
        bounds=b,
        sources=known.sources,
    )


def _status(actual: object, met: bool, on: dt.date, deadline: dt.date, ahead: bool) -> TargetStatus:
    if actual is None:
        return TargetStatus.NO_DATA
    if met:
        return TargetStatus.MET
    if on >= deadline:
        return TargetStatus.MISSED
    return TargetStatus.ON_TRACK if ahead else TargetStatus.AT_RISK


def first_evidence(
    records: Iterable[Record], *, start: dt.date, end: dt.date
) -> dict[str, dt.date]:
    """The first day each event kind (``"register"``) and kind at a level
    (``"evaluate:district"``) happened between ``start`` and ``end``."""
    first: dict[str, dt.date] = {}
    for record in records:
        for step in record.history:
            on = step.on
            if on > end:
                break
            if on < start:
                continue
            ev = step.event
            keys = [ev.kind.value]
            if ev.level is not None:
                keys.append(f"{ev.kind.value}:{ev.level.value}")
            for key in keys:
                seen = first.get(key)
                if seen is None or on < seen:
                    first[key] = on
    return first


def activity_status(
    activity: Activity,
    on: dt.date,
    facts: Iterable[Fact],
    evidence: Mapping[str, dt.date] | None,
) -> tuple[ActivityStatus, dt.date | None, dt.date | None]:
    """An activity's status on ``on``, the day it started and the day it was done."""
    mine = [f for f in facts if f.activity == activity.id and f.on <= on]
    done = min((f.on for f in mine if f.value == "done"), default=None)
    starts = [f.on for f in mine]
    can_show = bool(mine)
    if evidence is not None and activity.evidence:
        can_show = True
        starts += [evidence[k] for k in activity.evidence if k in evidence]
    started = min(starts, default=None)
    window = activity.window
    if done is not None:
        return ActivityStatus.DONE, started, done
    if started is not None:
        if on >= window.end:
            return ActivityStatus.DONE, started, None
        return ActivityStatus.IN_PROGRESS, started, None
    if on < window.start:
        return ActivityStatus.PLANNED, None, None
    if not can_show:
        return ActivityStatus.NO_DATA, None, None
    if on >= window.end:
        return ActivityStatus.OVERDUE, None, None
    return ActivityStatus.NOT_STARTED, None, None


def _budget(
    plan: Plan,
) -> tuple[BudgetProgress | None, dict[str, tuple[int, set[int]]], tuple[Problem, ...]]:
    budget = plan.budget
    if budget is None:
        return None, {}, ()
    tree = build_tree(budget)
    nodes = {n.line.key: n for n in tree.walk()}
    covered: set[int] = set()
    per_activity: dict[str, tuple[int, set[int]]] = {}
    for a in plan.activities:
        if not a.budget_lines:
            continue
        leaves: set[int] = set()
        amount = 0
        for key in a.budget_lines:
            node = nodes.get(key)
            if node is None:
                continue
            for leaf in node.walk():
                if not leaf.children and id(leaf) not in leaves:
                    leaves.add(id(leaf))
                    amount += leaf.amount
        per_activity[a.id] = (amount, leaves)
        covered |= leaves
    unlinked = tuple(
        (n.line.key, n.line.title, n.amount) for n in tree.leaves() if id(n) not in covered
    )
    linked = sum(n.amount for n in tree.leaves() if id(n) in covered)
    progress = BudgetProgress(
        total=tree.total,
        stated_total=budget.stated_total,
        sections=rollup(tree, "section"),
        linked=linked,
        unlinked=unlinked,
    )
    return progress, per_activity, check(budget)


def progress(
    plan: Plan,
    *,
    on: dt.date | None = None,
    records: Mapping[str, Record] | None = None,
    log: EventLog | None = None,
    problems: Iterable[Problem] = (),
    results: CycleResults | None = None,
    watch: Watch | None = None,
) -> Progress:
    """The progress of ``plan`` on ``on`` (default: the last day of its year).

    Args:
        plan: The plan.
        on: The date of the report.
        records: The products' records (from [`ocop.cycle.follow`][ocop.cycle.follow] over an event
            log), or ``None`` when no event log was given.
        log: What is known of the event log, shown by reports.
        problems: Problems already found (reading the plan and the log), kept in order.
        results: The real results of the plan's cycle ([`ocop.plan.results`][ocop.plan.results]):
            where they give an indicator's figure, it comes before the records'. Results of
            another cycle than the plan's year are not used.
        watch: The certificate watch of the event log on the report's date
            (`ocop.cycle.watch_events`), shown by reports.
    """
    day = plan.end if on is None else on
    known = None
    if results is not None and results.cycle == plan.year:
        known = results.figures(day)
    counts = None
    evidence = None
    if records is not None:
        values = records.values()
        counts = count_indicators(values, start=plan.start, end=day)
        evidence = first_evidence(values, start=plan.start, end=day)
    budget, per_activity, budget_problems = _budget(plan)
    total = budget.total if budget is not None else 0
    activities = []
    for a in plan.activities:
        status, started, done = activity_status(a, day, plan.facts, evidence)
        amount: int | None = None
        share: Decimal | None = None
        shared: tuple[str, ...] = ()
        if a.id in per_activity:
            amount, leaves = per_activity[a.id]
            share = _share(amount, total)
            shared = tuple(
                other
                for other, (_, theirs) in per_activity.items()
                if other != a.id and theirs & leaves
            )
        activities.append(
            ActivityProgress(
                activity=a,
                status=status,
                started=started,
                done=done,
                amount=amount,
                share=share,
                shared_with=shared,
            )
        )
    return Progress(
        plan=plan,
        on=day,
        targets=tuple(target_progress(plan, t, day, counts, known, log=log) for t in plan.targets),
        activities=tuple(activities),
        budget=budget,
        indicators=None if counts is None else dict(counts),
        log=log,
        problems=(*problems, *check_province(plan), *budget_problems),
        results=results,
        watch=watch,
    )

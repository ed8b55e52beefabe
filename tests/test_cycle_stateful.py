"""Random lives of products: the cycle's invariants hold after every event."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, settings
from hypothesis import event as note_event
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from ocop.cycle import (
    Event,
    EventKind,
    Record,
    Stage,
    Step,
    advance,
    replay,
    rules_for,
    transitions,
)
from ocop.cycle.jsonio import history_from_json, history_to_json, record_from_json, record_to_json
from ocop.regimes import Level, band_stars, get_regime
from ocop.testing.cycle import any_events, events_of, gaps, high_scores, start_dates

_ROUND_START = {EventKind.FILE_DOSSIER, EventKind.RE_EVALUATE, EventKind.UPGRADE}


_IN_ROUND = {
    Stage.DOSSIER_FILED,
    Stage.RETURNED,
    Stage.COMMUNE_CHECKED,
    Stage.DISTRICT_EVALUATED,
    Stage.AT_PROVINCE,
    Stage.PROVINCE_EVALUATED,
    Stage.AT_NATIONAL,
    Stage.NATIONAL_EVALUATED,
}


def round_of(history: tuple[Step, ...], end: int) -> list[Step]:
    """The steps of the dossier that the step at ``end`` closes, from its filing on (an
    explicit filing, or the first level's step that files it)."""
    start = end
    while start > 0 and not (
        history[start].event.kind in _ROUND_START
        or (history[start].source not in _IN_ROUND and history[start].target in _IN_ROUND)
    ):
        start -= 1
    return list(history[start : end + 1])


class ProductLife(RuleBasedStateMachine):
    """One product under random events on non-decreasing dates across every regime."""

    def __init__(self) -> None:
        super().__init__()
        self.record = Record.new("QT-001")
        self.on = dt.date(2019, 4, 1)

    @initialize(start=start_dates)
    def start(self, start: dt.date) -> None:
        self.on = start

    def _apply(self, event: Event, gap: dt.timedelta) -> None:
        on = self.on + gap
        before = self.record
        result = advance(before, event, on=on)
        if result.ok:
            assert len(result.value.history) == len(before.history) + 1
            assert result.value.history[: len(before.history)] == before.history
            self.record = result.value
            self.on = on
            note_event(f"reached {self.record.stage.value}")
        else:
            assert result.value is before
            assert [p.code for p in result.problems] == ["cycle.refused"]

    @rule(data=st.data(), gap=gaps)
    def allowed_event(self, data: st.DataObject, gap: dt.timedelta) -> None:
        """An event the current stage's table allows (its guards may still refuse it)."""
        on = self.on + gap
        regime = rules_for(self.record, on)
        kinds = sorted(
            {row.event for row in transitions(regime) if row.source is self.record.stage},
            key=lambda k: k.value,
        )
        leaving = {EventKind.WITHDRAW, EventKind.REJECT_IDEA, EventKind.REGISTER}
        if len(kinds) > 1 and not data.draw(st.integers(0, 3)):
            kinds = [k for k in kinds if k not in leaving] or kinds
        if not kinds:
            return
        kind = data.draw(st.sampled_from(kinds))
        event = data.draw(events_of(kind))
        if kind is EventKind.EVALUATE and data.draw(st.booleans()):
            # Most evaluations at the level the dossier is waiting for.
            stage = self.record.stage
            level = {Stage.AT_PROVINCE: Level.PROVINCE, Stage.AT_NATIONAL: Level.NATIONAL}.get(
                stage, regime.chain[0]
            )
            event = Event.evaluate(level, event.score or 0)
        self._apply(event, gap)

    @rule(data=st.data(), gap=gaps)
    def progress(self, data: st.DataObject, gap: dt.timedelta) -> None:
        """The event that moves the product on, with a payload that often passes."""
        on = self.on + gap
        regime = rules_for(self.record, on)
        stage = self.record.stage
        simple = {
            Stage.REGISTERED: "select_idea",
            Stage.IDEA_SELECTED: "submit_plan",
            Stage.PLAN_SUBMITTED: "approve_plan",
            Stage.PLAN_APPROVED: "start_development",
            Stage.IN_DEVELOPMENT: "file_dossier",
            Stage.RETURNED: "file_dossier",
            Stage.COMMUNE_CHECKED: "forward",
        }
        score = data.draw(high_scores)
        event: Event
        if stage in (Stage.NEW, Stage.IDEA_REJECTED, Stage.WITHDRAWN, Stage.EXPIRED):
            event = Event.register()
        elif stage in simple:
            event = Event.of(simple[stage])
        elif stage is Stage.DOSSIER_FILED:
            if regime.chain[0] is Level.COMMUNE:
                event = Event.commune_check(passed=data.draw(st.booleans() | st.just(True)))
            else:
                event = Event.evaluate(regime.chain[0], score)
        elif stage in (Stage.AT_PROVINCE, Stage.AT_NATIONAL):
            level = Level.PROVINCE if stage is Stage.AT_PROVINCE else Level.NATIONAL
            event = Event.evaluate(level, score)
        elif stage is Stage.RECOGNIZED:
            kind = data.draw(st.sampled_from(["re_evaluate", "upgrade", "expire", "revoke"]))
            event = Event.revoke("other") if kind == "revoke" else Event.of(kind)
        elif stage is Stage.REVOKED:
            return
        else:
            last = self.record.evaluations[-1]
            # One star more than the evaluation gave, now and then: the guard must refuse it.
            stars = data.draw(st.integers(min_value=1, max_value=min(5, last.stars + 1)))
            if data.draw(st.booleans()):
                event = Event.of("forward")
            else:
                level = regime.recognises.get(stars, last.level)
                event = Event.recognize(stars, level)
        self._apply(event, gap)

    @rule(data=st.data(), gap=gaps)
    def progress_more(self, data: st.DataObject, gap: dt.timedelta) -> None:
        """The same again, so that most random lives reach a certificate."""
        self.progress(data, gap)

    @rule(event=any_events, gap=gaps)
    def any_event(self, event: Event, gap: dt.timedelta) -> None:
        self._apply(event, gap)

    @invariant()
    def recognised_only_after_the_evaluations_its_regime_requires(self) -> None:
        history = self.record.history
        for i, step in enumerate(history):
            if step.event.kind is not EventKind.RECOGNIZE:
                continue
            regime = get_regime(step.regime)
            steps = round_of(history, i)
            evaluated = [s for s in steps if s.event.kind is EventKind.EVALUATE]
            assert evaluated, "recognised without any evaluation"
            levels = {s.event.level for s in evaluated}
            authority = step.event.level
            assert authority is not None
            top = Level.NATIONAL if Level.NATIONAL in levels else authority
            needed = {
                lv
                for lv in regime.scoring_levels
                if regime.chain.index(lv) <= regime.chain.index(top)
            }
            assert needed <= levels, (needed, levels)
            if Level.COMMUNE in regime.chain:
                assert any(
                    s.event.kind is EventKind.COMMUNE_CHECK and s.event.passed is not False
                    for s in steps
                )
            # Stars never exceed what the evaluation gave.
            last = evaluated[-1]
            assert step.event.stars is not None
            assert last.event.score is not None
            given = last.event.stars or band_stars(last.event.score)
            assert step.event.stars <= given
            assert step.event.stars >= 3

    @invariant()
    def forwarded_only_at_the_regimes_threshold(self) -> None:
        history = self.record.history
        for i, step in enumerate(history):
            if step.event.kind is not EventKind.FORWARD or step.source is Stage.COMMUNE_CHECKED:
                continue
            regime = get_regime(step.regime)
            evaluated = [s for s in round_of(history, i) if s.event.kind is EventKind.EVALUATE]
            last = evaluated[-1].event
            assert last.level is not None
            assert last.score is not None
            assert last.score >= regime.forward_at[last.level]

    @invariant()
    def evaluations_stay_within_their_band(self) -> None:
        for e in self.record.evaluations:
            assert e.stars <= band_stars(e.score)
        cert = self.record.certificate
        if cert is not None:
            assert cert.stars <= band_stars(cert.score)

    @invariant()
    def replay_gives_the_same_record(self) -> None:
        assert replay(self.record.history, product=self.record.product) == self.record

    @invariant()
    def json_round_trips(self) -> None:
        assert record_from_json(record_to_json(self.record)).value == self.record
        assert history_from_json(history_to_json(self.record)).value == self.record


ProductLife.TestCase.settings = settings(
    max_examples=100,
    stateful_step_count=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestProductLife = ProductLife.TestCase

"""The product cycle as a pure state machine: one declared transition table per regime.

[`advance`][ocop.cycle.machine.advance] applies one event on a date and returns a
[`Result`][ocop.problems.Result]: the new record and any warnings, or the unchanged record and a
located refusal that says why in words. [`replay`][ocop.cycle.machine.replay] rebuilds a record from
its history; [`follow`][ocop.cycle.machine.follow] runs a stream of events for many products.
Nothing here reads the clock.

Which rules apply ([`rules_for`][ocop.cycle.machine.rules_for]): the regime in force on the event's
date ([`ocop.regimes.regime_on`][ocop.regimes.regime_on]), except that a dossier stays under the
regime in force when it was filed until it is decided. That is what Decision 26/2026/QĐ-TTg art.
12.2 says for dossiers filed before 22 May 2026 (which must be finished within 60 days, or 30 days
for a re-evaluation: later steps are warned about); for the earlier changes of regime (Feb 2023,
Jul 2025) the decisions' own transition rules were not read, and ocop applies the same
principle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

import attrs

from ocop._i18n import tr
from ocop.certificates import Certificate, CertificateStatus
from ocop.cycle.model import (
    Evaluation,
    Event,
    EventKind,
    Purpose,
    Record,
    Stage,
    Step,
    _maker,
)
from ocop.cycle.timetable import (
    Timetable,
    commune_check_due,
    ministry_batch,
    province_batch,
    re_evaluation_window,
)
from ocop.errors import OcopLookupError, OcopValueError
from ocop.problems import Location, Problem, Result, Severity
from ocop.regimes import (
    CURRENT_RULES_START,
    DISTRICTS_ABOLISHED,
    RE_EVALUATION_DECISION_DAYS,
    REGIMES,
    TRANSITION_FIRST_DEADLINE,
    TRANSITION_RE_EVALUATION_DEADLINE,
    Level,
    Regime,
    authority_name,
    band_stars,
    get_regime,
)
from ocop.scores import format_score

__all__ = [
    "Transition",
    "advance",
    "follow",
    "pending_re_evaluation",
    "replay",
    "rules_for",
    "transitions",
]

_C, _D, _P, _N = Level.COMMUNE, Level.DISTRICT, Level.PROVINCE, Level.NATIONAL
S = Stage
K = EventKind

_CURRENT = get_regime("26/2026/QĐ-TTg")
_OLD_FOR_ART_12 = frozenset({"148/QĐ-TTg", "1489/QĐ-TTg"})


@attrs.frozen(kw_only=True)
class Transition:
    """One row of a regime's transition table.

    Attributes:
        source: The stage the event applies to.
        event: The event.
        targets: The stages it can lead to (two when an outcome decides: a commune check that
            passes or not, a withdrawal with or without a certificate held).
        guard: What is checked before the step, in words ("" when nothing is).
    """

    source: Stage
    event: EventKind
    targets: tuple[Stage, ...]
    guard: str = ""


_IN_ROUND = (
    S.DOSSIER_FILED,
    S.RETURNED,
    S.COMMUNE_CHECKED,
    S.DISTRICT_EVALUATED,
    S.AT_PROVINCE,
    S.PROVINCE_EVALUATED,
    S.AT_NATIONAL,
    S.NATIONAL_EVALUATED,
)


#: Stages from which the first level's check or evaluation also files the dossier.
_FILES_ON_ITS_OWN = (S.REGISTERED, S.IN_DEVELOPMENT)


def _rows(regime: Regime) -> tuple[Transition, ...]:
    """The declared table of ``regime``: the common steps, then its own chain."""
    t = Transition
    by_commune = regime.chain[0] is _C
    rows: list[Transition] = [
        t(source=S.NEW, event=K.REGISTER, targets=(S.REGISTERED,)),
        t(source=S.REGISTERED, event=K.SELECT_IDEA, targets=(S.IDEA_SELECTED,)),
        t(source=S.REGISTERED, event=K.REJECT_IDEA, targets=(S.IDEA_REJECTED,)),
        t(source=S.IDEA_REJECTED, event=K.REGISTER, targets=(S.REGISTERED,)),
        t(source=S.IDEA_SELECTED, event=K.SUBMIT_PLAN, targets=(S.PLAN_SUBMITTED,)),
        t(source=S.PLAN_SUBMITTED, event=K.APPROVE_PLAN, targets=(S.PLAN_APPROVED,)),
        t(source=S.PLAN_APPROVED, event=K.START_DEVELOPMENT, targets=(S.IN_DEVELOPMENT,)),
        t(source=S.IN_DEVELOPMENT, event=K.FILE_DOSSIER, targets=(S.DOSSIER_FILED,)),
    ]
    for stage in (S.REGISTERED, S.IDEA_SELECTED, S.PLAN_SUBMITTED, S.PLAN_APPROVED):
        rows.append(t(source=stage, event=K.WITHDRAW, targets=(S.WITHDRAWN,)))
    rows.append(t(source=S.IN_DEVELOPMENT, event=K.WITHDRAW, targets=(S.WITHDRAWN,)))
    # An existing product may file its dossier straight after registering; a check or an
    # evaluation that arrives with no filing recorded files the dossier on its own date.
    rows.append(t(source=S.REGISTERED, event=K.FILE_DOSSIER, targets=(S.DOSSIER_FILED,)))
    if by_commune:
        rows += [
            t(
                source=stage,
                event=K.COMMUNE_CHECK,
                targets=(S.COMMUNE_CHECKED, S.RETURNED),
                guard="files the dossier",
            )
            for stage in _FILES_ON_ITS_OWN
        ]
        rows += [
            t(
                source=S.DOSSIER_FILED,
                event=K.COMMUNE_CHECK,
                targets=(S.COMMUNE_CHECKED, S.RETURNED),
                guard="passed → checked; not passed → returned",
            ),
            t(source=S.RETURNED, event=K.FILE_DOSSIER, targets=(S.DOSSIER_FILED,)),
            t(source=S.RETURNED, event=K.REGISTER, targets=(S.REGISTERED,), guard="no certificate"),
            t(source=S.COMMUNE_CHECKED, event=K.FORWARD, targets=(S.AT_PROVINCE,)),
        ]
    else:
        rows += [
            t(
                source=stage,
                event=K.EVALUATE,
                targets=(S.DISTRICT_EVALUATED,),
                guard="district council, files the dossier",
            )
            for stage in _FILES_ON_ITS_OWN
        ]
        rows += [
            t(
                source=S.DOSSIER_FILED,
                event=K.EVALUATE,
                targets=(S.DISTRICT_EVALUATED,),
                guard="district council",
            ),
            t(
                source=S.DISTRICT_EVALUATED,
                event=K.FORWARD,
                targets=(S.AT_PROVINCE,),
                guard=f"score ≥ {regime.forward_at[_D]}",
            ),
            t(
                source=S.DISTRICT_EVALUATED,
                event=K.REGISTER,
                targets=(S.REGISTERED,),
                guard="no certificate",
            ),
        ]
        if _D in regime.recognises.values():
            stars = "/".join(f"{s}★" for s, lv in sorted(regime.recognises.items()) if lv is _D)
            rows.append(
                t(
                    source=S.DISTRICT_EVALUATED,
                    event=K.RECOGNIZE,
                    targets=(S.RECOGNIZED,),
                    guard=f"district {stars}",
                )
            )
    prov = "/".join(f"{s}★" for s, lv in sorted(regime.recognises.items()) if lv is _P)
    nat = "/".join(f"{s}★" for s, lv in sorted(regime.recognises.items()) if lv is _N)
    rows += [
        t(source=S.AT_PROVINCE, event=K.EVALUATE, targets=(S.PROVINCE_EVALUATED,)),
        t(
            source=S.PROVINCE_EVALUATED,
            event=K.RECOGNIZE,
            targets=(S.RECOGNIZED,),
            guard=f"province {prov}",
        ),
        t(
            source=S.PROVINCE_EVALUATED,
            event=K.FORWARD,
            targets=(S.AT_NATIONAL,),
            guard=f"score ≥ {regime.forward_at[_P]}",
        ),
        t(
            source=S.PROVINCE_EVALUATED,
            event=K.REGISTER,
            targets=(S.REGISTERED,),
            guard="no certificate",
        ),
        t(source=S.AT_NATIONAL, event=K.EVALUATE, targets=(S.NATIONAL_EVALUATED,)),
        t(
            source=S.NATIONAL_EVALUATED,
            event=K.RECOGNIZE,
            targets=(S.RECOGNIZED,),
            guard=f"national {nat}"
            + ("; province 3★/4★ below 90 (art. 7.4)" if regime is _CURRENT else ""),
        ),
        t(
            source=S.NATIONAL_EVALUATED,
            event=K.REGISTER,
            targets=(S.REGISTERED,),
            guard="no certificate",
        ),
        t(source=S.WITHDRAWN, event=K.REGISTER, targets=(S.REGISTERED,)),
        t(source=S.EXPIRED, event=K.REGISTER, targets=(S.REGISTERED,)),
        t(source=S.RECOGNIZED, event=K.RE_EVALUATE, targets=(S.DOSSIER_FILED,)),
        t(source=S.RECOGNIZED, event=K.UPGRADE, targets=(S.DOSSIER_FILED,), guard="below 5★"),
        t(source=S.RECOGNIZED, event=K.REVOKE, targets=(S.REVOKED,), guard="authority"),
        t(source=S.RECOGNIZED, event=K.EXPIRE, targets=(S.EXPIRED,), guard="on or after expiry"),
    ]
    for stage in _IN_ROUND:
        if stage in (S.RETURNED, S.COMMUNE_CHECKED) and not by_commune:
            continue
        if stage is S.DISTRICT_EVALUATED and by_commune:
            continue
        rows += [
            t(
                source=stage,
                event=K.WITHDRAW,
                targets=(S.WITHDRAWN, S.RECOGNIZED),
                guard="certificate held → recognized",
            ),
            t(source=stage, event=K.REVOKE, targets=(S.REVOKED,), guard="certificate held"),
            t(source=stage, event=K.EXPIRE, targets=(S.EXPIRED,), guard="certificate held"),
        ]
    return tuple(rows)


#: Each regime's id → its declared transition table.
_DECLARED: Mapping[str, tuple[Transition, ...]] = MappingProxyType(
    {r.id: _rows(r) for r in REGIMES}
)


def transitions(regime: Regime | str) -> tuple[Transition, ...]:
    """The declared transition table of ``regime`` (a [`Regime`][ocop.regimes.Regime] or id).

    Raises:
        OcopLookupError: No regime has that id.
    """
    key = regime.id if isinstance(regime, Regime) else get_regime(regime).id
    return _DECLARED[key]


# -- the engine ----------------------------------------------------------------------------
# The public records are immutable; the engine works on one private mutable copy per call
# (``_Work``) so that a replay of many steps builds one record, not one per step.


_make_record = _maker(Record)
_make_evaluation = _maker(Evaluation)
_make_certificate = _maker(Certificate)
_make_step = _maker(Step)


class _Work:
    __slots__ = (
        "certificate",
        "evaluations",
        "explain",
        "filed",
        "filed_regime",
        "forwarded",
        "product",
        "purpose",
        "reason",
        "round",
        "stage",
        "subject",
    )

    def __init__(self, r: Record, *, explain: bool = True) -> None:
        self.explain = explain
        self.product = r.product
        self.stage = r.stage
        self.subject = r.subject
        self.round = r.round
        self.purpose = r.purpose
        self.filed = r.filed
        self.filed_regime = r.filed_regime
        self.forwarded = r.forwarded
        self.evaluations = r.evaluations
        self.certificate = r.certificate
        self.reason = ""

    def close_round(self) -> None:
        self.purpose = None
        self.filed = None
        self.filed_regime = None
        self.forwarded = None
        self.evaluations = ()

    def record(self, history: tuple[Step, ...]) -> Record:
        return _make_record(
            self.product,
            self.stage,
            self.subject,
            self.round,
            self.purpose,
            self.filed,
            self.filed_regime,
            self.forwarded,
            self.evaluations,
            self.certificate,
            history,
        )


_Handler = Callable[[_Work, Event, dt.date, Regime], str | None]

_EVALUATED_AT = {_D: S.DISTRICT_EVALUATED, _P: S.PROVINCE_EVALUATED, _N: S.NATIONAL_EVALUATED}
_LEVEL_OF = {
    S.COMMUNE_CHECKED: _C,
    S.DISTRICT_EVALUATED: _D,
    S.PROVINCE_EVALUATED: _P,
    S.NATIONAL_EVALUATED: _N,
}
_WAITING_AT = {S.AT_PROVINCE: _P, S.AT_NATIONAL: _N}
_AT = {_P: S.AT_PROVINCE, _N: S.AT_NATIONAL}


def _label(regime: Regime) -> str:
    return "1048 era" if regime.criteria == "1048/QĐ-TTg" else regime.id


def _art(regime: Regime, article: str) -> str:
    """A citation of ``article`` of 26/2026/QĐ-TTg that names the decision that holds it.

    Under 1489/QĐ-TTg (whose text was not read) the same commune → province → ministry
    procedure applied: the citation says it is 26/2026's article, not 1489's.
    """
    if regime is _CURRENT:
        return f"26/2026/QĐ-TTg art. {article}"
    return f"{regime.id}; the rule of 26/2026/QĐ-TTg art. {article}"


def _forward_ref(regime: Regime, level: Level) -> str:
    """The article of a forwarding threshold, for the regimes whose text was read."""
    if regime is _CURRENT and level is _P:
        return "26/2026/QĐ-TTg art. 7.3.e"
    return _label(regime)


def _recognise_ref(regime: Regime) -> str:
    """The article of who recognises what, for the regime whose text was read."""
    return " (26/2026/QĐ-TTg art. 4.1)" if regime is _CURRENT else ""


def _next_name(regime: Regime, level: Level) -> str:
    if level is _N:
        return "ministry" if regime.chain[0] is _C else "central council"
    return level.value


def _register(w: _Work, ev: Event, on: dt.date, regime: Regime) -> str | None:
    if w.certificate is not None and w.stage is not S.NEW:
        return (
            f"the product holds a {w.certificate.stars}★ certificate: withdraw this "
            "dossier to go back to it"
        )
    w.round += 1
    if ev.subject is not None:
        w.subject = ev.subject
    w.close_round()
    w.stage = S.REGISTERED
    w.reason = "first registration" if w.round == 1 else f"registered again (round {w.round})"
    return None


def _simple(target: Stage) -> _Handler:
    def handler(w: _Work, ev: Event, on: dt.date, regime: Regime) -> str | None:
        w.stage = target
        w.reason = ""
        return None

    return handler


def _file(w: _Work, ev: Event, on: dt.date, regime: Regime) -> str | None:
    if w.stage is not S.RETURNED or w.purpose is None:
        w.purpose = Purpose.FIRST
    w.filed = on
    w.filed_regime = regime.id
    w.forwarded = None
    w.evaluations = ()
    w.stage = S.DOSSIER_FILED
    if w.explain:
        w.reason = f"dossier filed with the {regime.chain[0].value} under {regime.id}"
    return None


def _file_now(w: _Work, on: dt.date, regime: Regime) -> None:
    w.purpose = Purpose.FIRST
    w.filed = on
    w.filed_regime = regime.id
    w.forwarded = None
    w.evaluations = ()


def _commune_check(w: _Work, ev: Event, on: dt.date, regime: Regime) -> str | None:
    if w.stage in _FILES_ON_ITS_OWN:
        _file_now(w, on, regime)
    if ev.passed is False:
        w.stage = S.RETURNED
        w.reason = "the commune's check did not pass: dossier returned"
    else:
        w.stage = S.COMMUNE_CHECKED
        w.reason = f"the commune checked the dossier ({_art(regime, '7.2')})"
    return None


def _no_district(level: Level, on: dt.date, act: str) -> str | None:
    """Why a district act on ``on`` is refused: none from 1 July 2025 (two tiers only)."""
    if level is _D and on >= DISTRICTS_ABOLISHED:
        return tr(
            "no district {act} on or after {day}: local government has two tiers, province "
            "and commune, from that day (Nghị quyết 203/2025/QH15, Luật 72/2025/QH15 art. 1)",
            act=act,
            day=DISTRICTS_ABOLISHED.isoformat(),
        )
    return None


def _evaluate(w: _Work, ev: Event, on: dt.date, regime: Regime) -> str | None:
    stage = w.stage
    files = stage in _FILES_ON_ITS_OWN
    expected = regime.chain[0] if files or stage is S.DOSSIER_FILED else _WAITING_AT[stage]
    level = ev.level
    if level is None:
        return "an evaluation needs the council's level"
    if level is _D and on >= DISTRICTS_ABOLISHED:
        return _no_district(level, on, "evaluation")
    if level is not expected:
        if level not in regime.scoring_levels:
            return f"the {level.value} does not score products under {regime.id}: " + (
                f"it checks the dossier ({_art(regime, '7.2')})"
                if level is _C
                else f"the chain is {' → '.join(lv.value for lv in regime.chain)}"
            )
        return f"the dossier is waiting for the {expected.value} council, not the {level.value}"
    score = ev.score
    if score is None:
        return "an evaluation needs the council's score"
    band = band_stars(score)
    stars = band if ev.stars is None else ev.stars
    if stars > band:
        return (
            f"{stars}★ is above the band of score {format_score(score, lang='en')} ({band}★; "
            "26/2026/QĐ-TTg art. 3.3)"
        )
    if files:
        _file_now(w, on, regime)
    w.evaluations = (*w.evaluations, _make_evaluation(level, score, stars, on))
    w.stage = _EVALUATED_AT[level]
    if w.explain:
        w.reason = f"{level.value} council: score {format_score(score, lang='en')}, {stars}★"
    return None


def _forward(w: _Work, ev: Event, on: dt.date, regime: Regime) -> str | None:
    level = _LEVEL_OF[w.stage]
    nxt = regime.next_level(level)
    if nxt is None:  # pragma: no cover - no table row forwards from the top
        return f"nothing is above the {level.value}"
    need = regime.forward_at[level]
    if level is _C:
        w.reason = "the commune forwards the checked dossier to the province"
    else:
        e = w.evaluations[-1]
        if e.score < need:
            return (
                f"{level.value} score {format_score(e.score, lang='en')} < {need} needed to go "
                f"to the {_next_name(regime, nxt)} ({_forward_ref(regime, level)})"
            )
        if w.explain:
            w.reason = f"{level.value} score {format_score(e.score, lang='en')} ≥ {need}"
    w.forwarded = on
    w.stage = _AT[nxt]
    return None


def _recognize(w: _Work, ev: Event, on: dt.date, regime: Regime) -> str | None:
    stars = ev.stars
    level = ev.level
    if stars is None or level is None:
        return "a recognition needs the stars and the recognising level"
    if stars not in (3, 4, 5):
        return (
            f"{stars}★ gets no certificate: only 3★, 4★ and 5★ products are recognised "
            "(26/2026/QĐ-TTg art. 4.1.a)"
        )
    if level is _D and on >= DISTRICTS_ABOLISHED:
        return _no_district(level, on, "recognition")
    at = _LEVEL_OF[w.stage]
    authority = regime.recognises[stars]
    via_ministry = (
        regime is _CURRENT and at is _N and level is _P and stars < 5
    )  # 26/2026 art. 7.4.g: the province recognises 3–4★ on the ministry's result below 90
    if level is not authority and not via_ministry:
        return (
            f"{level.value} cannot recognise {stars}★ under {regime.id}: only "
            f"{authority_name(authority, on)}{_recognise_ref(regime)}"
        )
    if level is not at and not via_ministry:
        return f"the {level.value} council has not evaluated this product: it is at {w.stage.value}"
    e = w.evaluations[-1]
    if stars > e.stars:
        return (
            f"cannot recognise {stars}★: the {e.level.value} council gave {e.stars}★ "
            f"(score {format_score(e.score, lang='en')})"
        )
    w.certificate = _make_certificate(
        w.product, stars, on, level, regime.id, e.score, regime.certificate_months, None, None
    )
    if w.explain:
        w.reason = (
            f"{level.value} recognises {stars}★ ({e.level.value} score "
            f"{format_score(e.score, lang='en')})"
        )
    w.close_round()
    w.stage = S.RECOGNIZED
    return None


def _withdraw(w: _Work, ev: Event, on: dt.date, regime: Regime) -> str | None:
    w.close_round()
    if w.certificate is not None:
        w.stage = S.RECOGNIZED
        if w.explain:
            w.reason = f"dossier withdrawn; the {w.certificate.stars}★ certificate stays"
    else:
        w.stage = S.WITHDRAWN
        w.reason = "withdrawn"
    return None


def _new_dossier(purpose: Purpose) -> _Handler:
    def handler(w: _Work, ev: Event, on: dt.date, regime: Regime) -> str | None:
        cert = w.certificate
        if cert is None:  # pragma: no cover - RECOGNIZED always holds a certificate
            return "the product holds no certificate"
        if purpose is Purpose.UPGRADE and cert.stars >= 5:
            return (
                "a 5★ product cannot be upgraded: 5★ is the highest class "
                "(26/2026/QĐ-TTg art. 3.3.a; an upgrade raises the stars, art. 7.5)"
            )
        w.purpose = purpose
        w.filed = on
        w.filed_regime = regime.id
        w.forwarded = None
        w.evaluations = ()
        w.stage = S.DOSSIER_FILED
        if w.explain:
            w.reason = f"{purpose.value.replace('_', '-')} dossier for the {cert.stars}★ product"
        return None

    return handler


def _revoke(w: _Work, ev: Event, on: dt.date, regime: Regime) -> str | None:
    cert = w.certificate
    if cert is None:
        return "the product holds no certificate to revoke"
    ground = ev.ground
    if ground is None:
        return "a revocation needs its ground (26/2026/QĐ-TTg art. 8.1)"
    # The authority in force on the day of revocation (26/2026/QĐ-TTg art. 8.2), whatever
    # regime issued the certificate or governs an open dossier.
    refused = cert.revocation_refused(ev.level, on=on)
    if refused is not None:
        return refused
    w.certificate = None
    w.close_round()
    w.stage = S.REVOKED
    if w.explain:
        w.reason = f"revoked: {ground.value} (26/2026/QĐ-TTg art. 8.1.{ground.point})"
    return None


def _pending_filed(purpose: Purpose | None, stage: Stage, filed: dt.date | None) -> dt.date | None:
    # A re-evaluation dossier is open from its filing until it is decided or withdrawn.
    if purpose is Purpose.RE_EVALUATION and stage is not S.RECOGNIZED:
        return filed
    return None


def pending_re_evaluation(record: Record) -> dt.date | None:
    """The day the record's open re-evaluation dossier was filed (phân hạng lại, 26/2026/QĐ-TTg
    art. 7.6), or ``None`` when none is open: what decides whether the certificate is kept
    valid past its expiry (art. 12.3,
    [`Certificate.status_on`][ocop.certificates.Certificate.status_on])."""
    return _pending_filed(record.purpose, record.stage, record.filed)


def _expire(w: _Work, ev: Event, on: dt.date, regime: Regime) -> str | None:
    cert = w.certificate
    if cert is None:
        return "the product holds no certificate to expire"
    # One model of validity (ocop.certificates): valid through its 36-month day
    # (26/2026/QĐ-TTg art. 4.3), kept valid past it only by a late re-evaluation filed under
    # 26/2026 (art. 12.3).
    filed = _pending_filed(w.purpose, w.stage, w.filed)
    status = cert.status_on(on, filed_on=filed)
    if status is CertificateStatus.VALID:
        return tr(
            "the certificate is valid through {last} (36 months from its issue on {issued}, "
            "26/2026/QĐ-TTg art. 4.3): it expires from the day after",
            last=cert.expires_on.isoformat(),
            issued=cert.issued_on.isoformat(),
        )
    if status is CertificateStatus.EXTENDED:
        assert filed is not None
        return tr(
            "the certificate expired on {last} but stays valid while its re-evaluation, "
            "filed late on {filed}, is decided: until {until} at most (26/2026/QĐ-TTg art. 12.3)",
            last=cert.expires_on.isoformat(),
            filed=filed.isoformat(),
            until=cert.valid_until(filed_on=filed).isoformat(),
        )
    w.certificate = None
    w.close_round()
    w.stage = S.EXPIRED
    if w.explain:
        w.reason = f"certificate expired: valid through {cert.expires_on.isoformat()}"
    return None


_HANDLERS: Mapping[EventKind, _Handler] = MappingProxyType(
    {
        K.REGISTER: _register,
        K.SELECT_IDEA: _simple(S.IDEA_SELECTED),
        K.REJECT_IDEA: _simple(S.IDEA_REJECTED),
        K.SUBMIT_PLAN: _simple(S.PLAN_SUBMITTED),
        K.APPROVE_PLAN: _simple(S.PLAN_APPROVED),
        K.START_DEVELOPMENT: _simple(S.IN_DEVELOPMENT),
        K.FILE_DOSSIER: _file,
        K.COMMUNE_CHECK: _commune_check,
        K.EVALUATE: _evaluate,
        K.FORWARD: _forward,
        K.RECOGNIZE: _recognize,
        K.WITHDRAW: _withdraw,
        K.RE_EVALUATE: _new_dossier(Purpose.RE_EVALUATION),
        K.UPGRADE: _new_dossier(Purpose.UPGRADE),
        K.REVOKE: _revoke,
        K.EXPIRE: _expire,
    }
)

#: (regime id, stage, event kind) → (handler, possible targets): the hot path's one lookup.
_TABLE: dict[tuple[str, Stage, EventKind], tuple[_Handler, tuple[Stage, ...]]] = {
    (rid, row.source, row.event): (_HANDLERS[row.event], row.targets)
    for rid, rows in _DECLARED.items()
    for row in rows
}

_BY_ID: Mapping[str, Regime] = MappingProxyType({r.id: r for r in REGIMES})
_BOUNDS = tuple((r.effective_from, r) for r in reversed(REGIMES))
_FIRST_DAY = REGIMES[0].effective_from


def rules_for(record: Record, on: dt.date) -> Regime:
    """The regime whose rules apply to the next event of ``record`` on ``on``.

    The regime in force on ``on``, or, while a dossier is open, the one it was filed under
    (26/2026/QĐ-TTg art. 12.2; see the module's notes).

    Raises:
        OcopLookupError: ``on`` is before the OCOP programme (7 May 2018).
    """
    return _rules(record.filed_regime, on)


def _rules(filed_regime: str | None, on: dt.date) -> Regime:
    if filed_regime is not None:
        return _BY_ID[filed_regime]
    for start, regime in _BOUNDS:
        if on >= start:
            return regime
    raise OcopLookupError(_before_programme(on))


def _apply(w: _Work, ev: Event, on: dt.date) -> tuple[Regime | None, str | None]:
    """Apply ``ev`` to ``w``; the regime used and the refusal's reason (``None`` if done)."""
    try:
        regime = _rules(w.filed_regime, on)
    except OcopLookupError as exc:
        return None, str(exc)
    found = _TABLE.get((regime.id, w.stage, ev.kind))
    if found is None:
        return regime, _not_allowed(w.stage, ev, regime)
    return regime, found[0](w, ev, on, regime)


def _not_allowed(stage: Stage, ev: Event, regime: Regime) -> str:
    if ev.kind is K.EVALUATE and ev.level is _C and _C in regime.chain:
        return (
            f"the commune does not score products under {regime.id}: it checks the dossier "
            f"({_art(regime, '7.2')})"
        )
    if ev.kind is K.EVALUATE and ev.level in regime.chain:
        return (
            f"the {ev.level.value} council evaluates only a dossier sent to it: the product "
            f"is at {stage.value} under {regime.id}"
        )
    return f"cannot {ev.kind.value} a product at stage {stage.value} under {regime.id}"


def advance(
    record: Record,
    event: Event,
    *,
    on: dt.date,
    by: str | None = None,
    timetable: Timetable | None = None,
) -> Result[Record]:
    """Apply ``event`` to ``record`` on ``on``.

    Args:
        record: The product so far.
        event: What happens.
        on: The date it happens (the decision's date).
        by: Who acts, kept in the history.
        timetable: A province's plan's timetable
            ([`Plan.timetable`][ocop.plan.Plan.timetable]); steps outside its windows are
            warned about.

    Returns:
        A [`Result`][ocop.problems.Result]. When the step is allowed: the new record (with one
        more [`Step`][ocop.cycle.Step] in its history) and any warnings (``cycle.window``,
        ``cycle.deadline``). When it is not: the same ``record`` and one error
        ``cycle.refused`` whose message says why, located at the product.
    """
    if type(on) is not dt.date and (not isinstance(on, dt.date) or isinstance(on, dt.datetime)):
        raise OcopValueError(f"'on' must be a datetime.date (got {type(on).__name__})")
    history = record.history
    if history and on < history[-1].on:
        last = history[-1].on
        return _refused(
            record,
            event,
            f"{event.kind.value} on {on.isoformat()} is before the last step ({last.isoformat()})",
        )
    # The hot path of a live system: the regime lookup and the table lookup inlined, and the
    # timetable skipped for the steps no window or deadline can apply to.
    w = _Work(record)
    filed_regime = record.filed_regime
    if filed_regime is not None:
        regime = _BY_ID[filed_regime]
    else:
        for start, regime in _BOUNDS:  # noqa: B007 - the regime found is used below
            if on >= start:
                break
        else:
            return _refused(record, event, _before_programme(on))
    kind = event.kind
    found = _TABLE.get((regime.id, record.stage, kind))
    refusal = (
        _not_allowed(record.stage, event, regime)
        if found is None
        else found[0](w, event, on, regime)
    )
    if refusal is not None:
        return _refused(record, event, refusal)
    reason = w.reason
    note = event.note
    if note:
        reason = f"{reason}; {note}" if reason else note
    step = _make_step(event, on, by, record.stage, w.stage, regime.id, reason)
    new = w.record((*history, step))
    if (
        timetable is None
        and (regime is not _CURRENT or kind not in _TIMED)
        and filed_regime not in _OLD_FOR_ART_12
    ):
        return _make_result(new, ())  # no window can apply: skip the timetable
    return _make_result(new, _timing(record, event, on, regime, timetable=timetable))


#: The kinds of step a 26/2026 deadline can apply to (see `_timing`).
_TIMED = frozenset({K.COMMUNE_CHECK, K.FORWARD, K.EVALUATE, K.RE_EVALUATE, K.RECOGNIZE})
_make_result = _maker(Result)


def _before_programme(on: dt.date) -> str:
    return (
        f"no OCOP regime was in force on {on.isoformat()} (the programme starts on "
        f"{_FIRST_DAY.isoformat()})"
    )


def _refused(record: Record, event: Event, message: str) -> Result[Record]:
    where = Location(code=record.product, field=event.kind.value)
    return Result(record, (Problem(code="cycle.refused", message=message, where=where),))


def _warn(message: str, code: str, where: Location) -> Problem:
    return Problem(code=code, message=message, where=where, severity=Severity.WARNING)


def _timing(
    before: Record,
    ev: Event,
    on: dt.date,
    regime: Regime,
    *,
    timetable: Timetable | None,
) -> tuple[Problem, ...]:
    """Warnings for a step taken outside its window (never a refusal)."""
    where = Location(code=before.product, field=ev.kind.value)
    out: list[Problem] = []
    kind = ev.kind
    d = on.isoformat()
    if timetable is not None:
        window = timetable.window(kind, ev.level)
        if window is not None and on not in window:
            out.append(
                _warn(
                    f"{kind.value} on {d} is outside the plan's window {window.render()} "
                    f"({timetable.name} {window.source})",
                    "cycle.window",
                    where,
                )
            )
    if regime is _CURRENT:
        if kind is K.FORWARD and before.stage is S.COMMUNE_CHECKED and before.filed is not None:
            # Art. 7.2: within the 15 working days the commune checks (point a) and sends the
            # dossier on to the province (point b).
            due = commune_check_due(before.filed)
            checked_late = bool(before.history) and before.history[-1].on > due
            if on > due and not checked_late:  # a late check was warned about already
                out.append(
                    _warn(
                        f"forward on {d}: the commune checks and sends the dossier on within 15 "
                        f"working days of the filing on {before.filed.isoformat()}, by "
                        f"{due.isoformat()} (26/2026/QĐ-TTg art. 7.2.b)",
                        "cycle.deadline",
                        where,
                    )
                )
        elif (
            kind is K.FORWARD
            and before.stage is S.PROVINCE_EVALUATED
            and before.evaluations
            and before.evaluations[-1].stars < 5
        ):
            e = before.evaluations[-1]
            out.append(
                _warn(
                    f"forward on {d}: the score {format_score(e.score, lang='en')} reaches 90, "
                    'which art. 7.3.e calls having the potential for 5★ ("có tiềm năng đạt 5 '
                    f'sao (đạt từ 90 trở lên)"), but its marks hold it at {e.stars}★: the '
                    "ministry recognises 5★ only if its council finds them met "
                    "(26/2026/QĐ-TTg art. 7.3.e, 7.4)",
                    "cycle.marks",
                    where,
                )
            )
        elif kind is K.COMMUNE_CHECK and before.filed is not None:
            due = commune_check_due(before.filed)
            if on > due:
                out.append(
                    _warn(
                        f"commune check on {d}: due within 15 working days of the filing on "
                        f"{before.filed.isoformat()}, by {due.isoformat()} "
                        "(26/2026/QĐ-TTg art. 7.2)",
                        "cycle.deadline",
                        where,
                    )
                )
        elif kind is K.EVALUATE and before.forwarded is not None and ev.level in (_P, _N):
            batch = province_batch if ev.level is _P else ministry_batch
            window = batch(before.forwarded)
            if on > window.end:
                out.append(
                    _warn(
                        f"{ev.level.value} evaluation on {d}: the batch for a dossier forwarded "
                        f"on {before.forwarded.isoformat()} ends on {window.end.isoformat()} "
                        f"({window.source})",
                        "cycle.deadline",
                        where,
                    )
                )
        elif kind is K.RE_EVALUATE and before.certificate is not None:
            window = re_evaluation_window(before.certificate.expires_on)
            if on not in window:
                out.append(
                    _warn(
                        f"re-evaluation filed on {d}: the window is {window.render()}, 180 to "
                        f"120 days before the certificate expires on "
                        f"{before.certificate.expires_on.isoformat()} ({window.source})",
                        "cycle.window",
                        where,
                    )
                )
        elif (
            kind is K.RECOGNIZE
            and before.purpose is Purpose.RE_EVALUATION
            and before.forwarded is not None
        ):
            due_day = before.forwarded + dt.timedelta(days=RE_EVALUATION_DECISION_DAYS)
            if on > due_day:
                out.append(
                    _warn(
                        f"re-evaluation decided on {d}: due within 45 days of the proposal of "
                        f"{before.forwarded.isoformat()}, by {due_day.isoformat()} "
                        "(26/2026/QĐ-TTg art. 7.6.g)",
                        "cycle.deadline",
                        where,
                    )
                )
    if (
        before.filed_regime in _OLD_FOR_ART_12
        and before.filed is not None
        and before.filed < CURRENT_RULES_START
    ):
        re_eval = before.purpose is Purpose.RE_EVALUATION
        due = TRANSITION_RE_EVALUATION_DEADLINE if re_eval else TRANSITION_FIRST_DEADLINE
        if on > due:
            point = "b" if re_eval else "a"
            out.append(
                _warn(
                    f"{kind.value} on {d}: a dossier filed on {before.filed.isoformat()} under "
                    f"{before.filed_regime} must be finished by {due.isoformat()} "
                    f"(26/2026/QĐ-TTg art. 12.2.{point})",
                    "cycle.deadline",
                    where,
                )
            )
    return tuple(out)


_EMPTY = Record(product="-")


def replay(history: Iterable[Step], *, product: str) -> Record:
    """The record that ``history`` leads to, checking every step on the way.

    Every step is checked as [`advance`][ocop.cycle.machine.advance] checks it (stage, regime,
    guards, dates), and must lead where it says; replaying a record's own history gives the same
    record.

    Raises:
        OcopValueError: A step does not follow from the one before (wrong stage, a refused
            event, a date going back); the message names the step.
    """
    steps = tuple(history)
    w = _Work(_EMPTY, explain=False)
    w.product = product
    # The hot path of long replays: the regime lookup inlined, one dict lookup per step.
    table_get = _TABLE.get
    by_id = _BY_ID
    (d3, r3), (d2, r2), (d1, r1), (d0, r0) = _BOUNDS
    last = dt.date.min
    for step in steps:
        on = step.on
        ev = step.event
        if w.stage is not step.source or on < last:
            break
        last = on
        filed = w.filed_regime
        if filed is not None:
            regime = by_id[filed]
        elif on >= d3:
            regime = r3
        elif on >= d2:
            regime = r2
        elif on >= d1:
            regime = r1
        elif on >= d0:
            regime = r0
        else:
            break
        found = table_get((regime.id, w.stage, ev.kind))
        if (
            found is None
            or found[0](w, ev, on, regime) is not None
            or w.stage is not step.target
            or regime.id != step.regime
        ):
            break
    else:
        return w.record(steps)
    _explain_replay(steps)
    raise AssertionError("unreachable: the slow replay finds the fault")  # pragma: no cover


def _explain_replay(steps: tuple[Step, ...]) -> None:
    """Replay ``steps`` slowly and raise [`OcopValueError`][ocop.errors.OcopValueError] at the first
    fault."""
    w = _Work(_EMPTY)
    last: dt.date | None = None
    for i, step in enumerate(steps):
        on = step.on
        head = f"step {i + 1} ({step.event.kind.value} on {on})"
        if w.stage is not step.source:
            raise OcopValueError(
                f"{head} starts at {step.source.value}, but the product is at {w.stage.value}"
            )
        if last is not None and on < last:
            raise OcopValueError(f"{head} is before the step before it ({last})")
        last = on
        regime, refusal = _apply(w, step.event, on)
        if refusal is not None or regime is None:
            raise OcopValueError(f"{head}: {refusal}")
        if w.stage is not step.target or regime.id != step.regime:
            raise OcopValueError(
                f"{head} leads to {w.stage.value} under {regime.id}, not "
                f"{step.target.value} under {step.regime}"
            )


def follow(
    entries: Iterable[tuple[str, Event, dt.date, str | None, Location]],
    *,
    timetable: Timetable | None = None,
) -> Result[dict[str, Record]]:
    """Run a stream of events for many products, in order, and keep going after a refusal.

    Args:
        entries: ``(product, event, on, by, where)`` tuples; ``where`` locates the entry in
            its source (file and line) for the problems.
        timetable: A province's plan's timetable, for window warnings.

    Returns:
        Each product's record (in order of first appearance) and every problem: refusals
        (errors, named with the product) and warnings.
    """
    records: dict[str, Record] = {}
    problems: list[Problem] = []
    for product, event, on, by, where in entries:
        record = records.get(product)
        if record is None:
            record = Record.new(product)
        result = advance(record, event, on=on, by=by, timetable=timetable)
        records[product] = result.value
        for p in result.problems:
            problems.append(
                attrs.evolve(
                    p,
                    message=f"{product}: {p.message}",
                    where=attrs.evolve(where, code=product),
                )
            )
    return Result(records, tuple(problems))

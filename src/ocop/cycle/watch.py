"""The certificate watch: every certificate of an event log on a date, and what is due next.

From a replayed event log and a date, [`watch_records`][ocop.cycle.watch_records] gives
each certificate's status on that date ([`WatchStatus`][ocop.cycle.WatchStatus]) — valid,
its re-evaluation window open, expiring within *N* days, kept valid by art. 12.3, lapsed,
revoked — and the next thing the producer or an office must do, with the article of
26/2026/QĐ-TTg that says so ([`NextStep`][ocop.cycle.NextStep]).

Nothing about a certificate's life is computed here: validity, the filing window, the art.
12.3 extension and the revoking authority are those of the one certificate model
([`ocop.certificates.Certificate`][ocop.certificates.Certificate]), and the records are the
cycle machine's own ([`ocop.cycle.follow`][ocop.cycle.follow] over the events dated up to the
watch's day). The rules used:

- 26/2026/QĐ-TTg art. 4.3: valid 36 months, through the 36-month day;
- art. 7.6.a: the re-evaluation dossier is filed from 180 to 120 days before expiry; art. 7.2
  (by art. 7.6.b): the commune checks it and sends it on within 15 working days; art. 7.6.g:
  it is decided within 45 days of the complete dossier's receipt;
- art. 12.3: a re-evaluation filed late keeps the certificate valid until decided, at most
  180 days past expiry (for filings from 22 May 2026);
- art. 8: revocation, its grounds (8.1) and its authority (8.2), the decision sent to the
  producer (8.3.c).

Certificates are grouped by the province and commune their product's ``register`` event names
([`ocop.cycle.Event.province`][ocop.cycle.Event.province],
[`commune`][ocop.cycle.Event.commune]), when it names them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from ocop._enums import OcopEnum
from ocop._i18n import tr
from ocop.certificates import Certificate, CertificateStatus, RevocationGround, revoking_level
from ocop.cycle.machine import follow, pending_re_evaluation, replay
from ocop.cycle.model import Event, EventKind, Record, Step
from ocop.cycle.timetable import commune_check_due
from ocop.problems import Location, Result
from ocop.regimes import CURRENT_RULES_START, Level, authority_name, regime_on

__all__ = [
    "DEFAULT_WITHIN_DAYS",
    "NextStep",
    "Watch",
    "WatchStatus",
    "WatchedCertificate",
    "watch_events",
    "watch_records",
]

#: How many days before expiry a certificate counts as expiring, unless told: 120, the day
#: the re-evaluation window closes (26/2026/QĐ-TTg art. 7.6.a), so that a certificate whose
#: window closed unfiled is never shown as merely valid.
DEFAULT_WITHIN_DAYS = 120

_REF = "26/2026/QĐ-TTg"


class WatchStatus(OcopEnum):
    """A certificate's state on the watch's day, as an office acts on it."""

    VALID = "valid"
    """Valid, nothing due soon (còn hiệu lực)."""
    WINDOW_OPEN = "window_open"
    """Valid, and its re-evaluation window is open (art. 7.6.a)."""
    EXPIRING = "expiring"
    """Valid, and it expires within the watch's number of days."""
    EXTENDED = "extended"
    """Past its expiry, kept valid by a late re-evaluation until decided (art. 12.3)."""
    LAPSED = "lapsed"
    """Expired (hết hiệu lực)."""
    REVOKED = "revoked"
    """Revoked (bị thu hồi, art. 8)."""

    @property
    def vietnamese(self) -> str:
        """The status in Vietnamese, for tables and pages."""
        return _STATUS_VI[self]


_STATUS_VI = {
    WatchStatus.VALID: "còn hiệu lực",
    WatchStatus.WINDOW_OPEN: "đang trong thời hạn nộp hồ sơ phân hạng lại",
    WatchStatus.EXPIRING: "sắp hết hạn",
    WatchStatus.EXTENDED: "được kéo dài hiệu lực (Điều 12.3)",
    WatchStatus.LAPSED: "hết hiệu lực",
    WatchStatus.REVOKED: "bị thu hồi",
}


@attrs.frozen(kw_only=True)
class NextStep:
    """What must be done next about a certificate, by whom, by when, under which article.

    Attributes:
        action: What to do, in words.
        by: The last day to do it, or ``None`` when no deadline applies.
        ref: The decision and article that say so, e.g. ``"26/2026/QĐ-TTg art. 7.6.a"``.
        who: Who acts: ``"producer"`` (the OCOP subject), ``"commune"``, ``"province"`` or
            ``"national"`` (the ministry).
        overdue: ``True`` when ``by`` is before the watch's day: the deadline has passed.
    """

    action: str
    by: dt.date | None
    ref: str
    who: str
    overdue: bool = False

    def to_dict(self) -> dict[str, Any]:
        """``{"action", "by", "ref", "who", "overdue"}`` (``by`` as ``YYYY-MM-DD`` or
        ``null``)."""
        return {
            "action": self.action,
            "by": None if self.by is None else self.by.isoformat(),
            "ref": self.ref,
            "who": self.who,
            "overdue": self.overdue,
        }


@attrs.frozen(kw_only=True)
class WatchedCertificate:
    """One certificate on the watch's day.

    Attributes:
        product: The product's code.
        certificate: The certificate (for a revoked or lapsed one, the last it held).
        status: Its state on the day.
        next: What is due next.
        window: The first and last days to file its re-evaluation (art. 7.6.a).
        filed: The day an open re-evaluation dossier was filed, or ``None``.
        until: For an extended certificate, the last day it can stay valid (art. 12.3).
        ended: For a revoked one, the day of the revocation decision; for a lapsed one, the
            first day it was no longer valid.
        ground: The ground of a revocation (art. 8.1).
        province: The province the product's register event names, or ``None``.
        commune: The commune it names, or ``None``.
    """

    product: str
    certificate: Certificate
    status: WatchStatus
    next: NextStep
    window: tuple[dt.date, dt.date]
    filed: dt.date | None = None
    until: dt.date | None = None
    ended: dt.date | None = None
    ground: RevocationGround | None = None
    province: str | None = None
    commune: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The certificate as ``ocop cycle watch --format json`` writes it."""
        cert = self.certificate
        return {
            "product": self.product,
            "stars": cert.stars,
            "level": cert.issued_by.value,
            "issued": cert.issued_on.isoformat(),
            "expires": cert.expires_on.isoformat(),
            "status": self.status.value,
            "next": self.next.to_dict(),
            "window": {"from": self.window[0].isoformat(), "to": self.window[1].isoformat()},
            "filed": _iso(self.filed),
            "until": _iso(self.until),
            "ended": _iso(self.ended),
            "ground": None if self.ground is None else self.ground.value,
            "province": self.province,
            "commune": self.commune,
        }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


@attrs.frozen(kw_only=True)
class Watch:
    """Every certificate of a log on one day.

    Attributes:
        on: The day.
        within: How many days before expiry a certificate counts as expiring.
        certificates: One entry per product that holds or held a certificate, by province,
            commune, then expiry and product.
    """

    on: dt.date
    within: int
    certificates: tuple[WatchedCertificate, ...]

    def groups(self) -> tuple[tuple[str | None, str | None, tuple[WatchedCertificate, ...]], ...]:
        """The certificates by (province, commune), in order; ``None`` where not named."""
        out: dict[tuple[str | None, str | None], list[WatchedCertificate]] = {}
        for c in self.certificates:
            out.setdefault((c.province, c.commune), []).append(c)
        return tuple((p, m, tuple(cs)) for (p, m), cs in out.items())

    def counts(self) -> dict[str, int]:
        """How many certificates have each status (every status named, zeros included)."""
        found = dict.fromkeys((s.value for s in WatchStatus), 0)
        for c in self.certificates:
            found[c.status.value] += 1
        return found

    def to_dict(self) -> dict[str, Any]:
        """``{"on", "within", "certificates", "groups", "counts"}`` (problems are added by
        the caller that read the log)."""
        return {
            "on": self.on.isoformat(),
            "within": self.within,
            "certificates": [c.to_dict() for c in self.certificates],
            "groups": [
                {"province": p, "commune": m, "products": [c.product for c in cs]}
                for p, m, cs in self.groups()
            ],
            "counts": self.counts(),
        }


# --- what is due -----------------------------------------------------------------------------


def _office(cert: Certificate) -> str:
    # 3★ and 4★ are the province's, 5★ the ministry's (26/2026/QĐ-TTg art. 4.1, 7.6.đ–e).
    return Level.NATIONAL.value if cert.stars == 5 else Level.PROVINCE.value


def _decide(record: Record, cert: Certificate, filed: dt.date) -> NextStep:
    """The next step of an open re-evaluation: the commune's check, then the decision."""
    if record.forwarded is None:
        return NextStep(
            action=tr(
                "check the re-evaluation dossier filed on {filed} and send it on",
                filed=filed.isoformat(),
            ),
            by=commune_check_due(filed),
            ref=f"{_REF} art. 7.6.b, 7.2",
            who=Level.COMMUNE.value,
        )
    return NextStep(
        action=tr(
            "decide the re-evaluation (dossier received on {received})",
            received=record.forwarded.isoformat(),
        ),
        by=Certificate.decision_due(record.forwarded),
        ref=f"{_REF} art. 7.6.g",
        who=_office(cert),
    )


def _file(cert: Certificate, on: dt.date) -> NextStep:
    """The producer's next step while the certificate is valid and nothing is filed."""
    first, last = cert.filing_window
    if on < CURRENT_RULES_START:
        # The filing window is a rule of 26/2026/QĐ-TTg (art. 7.6.a): not in force yet.
        action = tr(
            "file the re-evaluation before the certificate expires on {expires} (the filing "
            "window of 26/2026/QĐ-TTg art. 7.6.a applies from 22 May 2026)",
            expires=cert.expires_on.isoformat(),
        )
        return NextStep(action=action, by=cert.expires_on, ref=regime_on(on).id, who="producer")
    if on < first:
        action = tr(
            "file the re-evaluation dossier from {first} to {last}",
            first=first.isoformat(),
            last=last.isoformat(),
        )
        return NextStep(action=action, by=last, ref=f"{_REF} art. 7.6.a", who="producer")
    if on <= last:
        action = tr("file the re-evaluation dossier by {last}", last=last.isoformat())
        return NextStep(action=action, by=last, ref=f"{_REF} art. 7.6.a", who="producer")
    if cert.extends(on):
        action = tr(
            "the re-evaluation window closed on {last}: file the dossier by {expires}; filed "
            "late, it keeps the certificate valid until decided, at most 180 days past expiry",
            last=last.isoformat(),
            expires=cert.expires_on.isoformat(),
        )
        return NextStep(
            action=action, by=cert.expires_on, ref=f"{_REF} art. 7.6.a, 12.3", who="producer"
        )
    action = tr(
        "the re-evaluation window closed on {last}: a dossier filed now is late and does not "
        "extend the certificate past {expires}",
        last=last.isoformat(),
        expires=cert.expires_on.isoformat(),
    )
    return NextStep(action=action, by=cert.expires_on, ref=f"{_REF} art. 7.6.a", who="producer")


def _anew(ended: str) -> NextStep:
    return NextStep(
        action=tr(
            "{ended}: to be rated again, the product files a new dossier with its commune",
            ended=ended,
        ),
        by=None,
        ref=f"{_REF} art. 7.1",
        who="producer",
    )


def _where(record: Record) -> tuple[str | None, str | None]:
    for step in reversed(record.history):
        ev = step.event
        if ev.kind is EventKind.REGISTER and (ev.province or ev.commune):
            return ev.province, ev.commune
    return None, None


def _ended(record: Record) -> tuple[Certificate, Step] | None:
    """The certificate the record last held and the step that ended it (revoke, expire)."""
    history = record.history
    for i in range(len(history) - 1, -1, -1):
        step = history[i]
        if step.event.kind in (EventKind.REVOKE, EventKind.EXPIRE):
            before = replay(history[:i], product=record.product)
            if before.certificate is not None:
                return before.certificate, step
    return None


def _watched(record: Record, on: dt.date, within: int) -> WatchedCertificate | None:
    province, commune = _where(record)
    cert = record.certificate
    if cert is None:
        found = _ended(record)
        if found is None:
            return None
        cert, step = found
        if step.event.kind is EventKind.REVOKE:
            ground = step.event.ground
            point = "" if ground is None else f".{ground.point}"
            by = revoking_level(cert.stars, on=step.on)
            ended = (
                tr("revoked on {day}", day=step.on.isoformat())
                if by is None
                else tr(
                    "revoked on {day} by {authority}",
                    day=step.on.isoformat(),
                    authority=authority_name(by, step.on),
                )
            )
            ended = tr("{ended}; the decision is sent to the producer", ended=ended)
            return WatchedCertificate(
                product=record.product,
                certificate=cert,
                status=WatchStatus.REVOKED,
                next=attrs.evolve(_anew(ended), ref=f"{_REF} art. 8.1{point}, 8.3.c, 7.1"),
                window=cert.filing_window,
                ended=step.on,
                ground=ground,
                province=province,
                commune=commune,
            )
        return _lapsed(record, cert, province, commune, recorded=True)
    filed = pending_re_evaluation(record)
    state = cert.status_on(on, filed_on=filed)
    if state is CertificateStatus.LAPSED:
        return _lapsed(record, cert, province, commune, recorded=False, filed=filed)
    until = None
    if state is CertificateStatus.EXTENDED:
        assert filed is not None
        until = cert.valid_until(filed_on=filed)
        due = _decide(record, cert, filed)
        due = attrs.evolve(
            due,
            by=until if due.by is None else min(due.by, until),
            ref=f"{due.ref}, 12.3",
        )
        status = WatchStatus.EXTENDED
    else:
        first, last = cert.filing_window
        if first <= on <= last and on >= CURRENT_RULES_START:
            status = WatchStatus.WINDOW_OPEN
        elif (cert.expires_on - on).days <= within:
            status = WatchStatus.EXPIRING
        else:
            status = WatchStatus.VALID
        due = _decide(record, cert, filed) if filed is not None else _file(cert, on)
    return WatchedCertificate(
        product=record.product,
        certificate=cert,
        status=status,
        next=due,
        window=cert.filing_window,
        filed=filed,
        until=until,
        province=province,
        commune=commune,
    )


def _lapsed(
    record: Record,
    cert: Certificate,
    province: str | None,
    commune: str | None,
    *,
    recorded: bool,
    filed: dt.date | None = None,
) -> WatchedCertificate:
    ended = cert.expires_on + dt.timedelta(days=1)
    text = tr(
        "lapsed after {last}, 36 months from its issue (art. 4.3)",
        last=cert.expires_on.isoformat(),
    )
    step = _anew(text)
    step = attrs.evolve(step, ref=f"{_REF} art. 4.3, 7.1")
    if not recorded:
        step = NextStep(
            action=tr(
                "record the expiry: the certificate was valid through {last} (art. 4.3)",
                last=cert.expires_on.isoformat(),
            ),
            by=None,
            ref=f"{_REF} art. 4.3",
            who=_office(cert),
        )
    return WatchedCertificate(
        product=record.product,
        certificate=cert,
        status=WatchStatus.LAPSED,
        next=step,
        window=cert.filing_window,
        filed=filed,
        ended=ended,
        province=province,
        commune=commune,
    )


def _order(c: WatchedCertificate) -> tuple[Any, ...]:
    return (
        c.province is None,
        c.province or "",
        c.commune is None,
        c.commune or "",
        c.certificate.expires_on,
        c.product,
    )


def watch_records(
    records: Iterable[Record], on: dt.date, *, within: int = DEFAULT_WITHIN_DAYS
) -> Watch:
    """Every certificate of ``records`` on ``on``: its status and what is due next.

    ``records`` must be as of ``on`` (their histories end on or before it:
    [`watch_events`][ocop.cycle.watch_events] replays a log up to a day). A product
    that never held a certificate is left out.
    """
    found = []
    for record in records:
        entry = _watched(record, on, within)
        if entry is None:
            continue
        due = entry.next
        if due.by is not None and due.by < on:
            entry = attrs.evolve(entry, next=attrs.evolve(due, overdue=True))
        found.append(entry)
    return Watch(on=on, within=within, certificates=tuple(sorted(found, key=_order)))


def watch_events(
    entries: Iterable[tuple[str, Event, dt.date, str | None, Location]],
    on: dt.date,
    *,
    within: int = DEFAULT_WITHIN_DAYS,
) -> Result[Watch]:
    """[`watch_records`][ocop.cycle.watch_records] over an event stream replayed up to ``on``
    (events dated after it have not happened yet and are left out), with the replay's
    problems."""
    upto = [e for e in entries if e[2] <= on]
    followed = follow(upto)
    return Result(watch_records(followed.value.values(), on, within=within), followed.problems)

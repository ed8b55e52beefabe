"""The certificate of an OCOP rating and its life: issue, validity, re-evaluation, revocation.

The one model of a certificate (giấy chứng nhận kết quả phân hạng sản phẩm OCOP), used by the
product cycle ([`ocop.cycle`][ocop.cycle]: its machine issues and ends certificates) and by rating
([`ocop.rating`][ocop.rating]). A product of 3★ or more gets one; 1★ and 2★ get none (26/2026/QĐ-TTg
art. 4.1.a). Under 26/2026/QĐ-TTg, all cited articles as printed in the decision:

- art. 4.3: a certificate is valid 36 months from the day it is issued ("có giá trị trong
  thời hạn 36 tháng kể từ ngày cơ quan có thẩm quyền ban hành"). Counted as the Civil Code
  2015 counts a period in months (art. 147.1: it starts the day after the day of issue;
  art. 148.1.b: it ends at the end of the same day of the last month, or of that month's
  last day when it has no such day), the last day of validity is the 36-month day itself:
  issued 2 Dec 2026, valid through 2 Dec 2029, expired from 3 Dec 2029; issued 29 Feb 2028,
  valid through 28 Feb 2031;
- art. 7.6.a: a re-evaluation (phân hạng lại) dossier is filed no earlier than 180 days and no
  later than 120 days before the certificate's expiry;
- art. 7.6.g: the re-evaluation takes at most 45 days from the day the complete dossier is
  received from the commune (or the province, for 5★);
- art. 12.3: a certificate whose re-evaluation dossier "không đáp ứng được thời hạn" (missed
  the deadline of art. 7.6.a: filed after the window closed) stays valid until the
  authority decides, but at most 180 days past its expiry. A rule of 26/2026/QĐ-TTg: it
  applies to dossiers filed on or after the decision took effect (22 May 2026, art. 11.1),
  never to a filing under 148/QĐ-TTg or 1489/QĐ-TTg, which had no such extension;
- art. 7.5: an upgrade (nâng hạng) follows the first-time procedure;
- art. 8.1: the grounds for revocation (thu hồi); art. 8.2: the province's chairman revokes
  3★ and 4★ certificates, the minister 5★ — the authority in force on the day of the
  revocation ([`ocop.regimes.authority_on`][ocop.regimes.authority_on]); art. 8.4: revocation within
  15 days of the finding.

Every date is passed in; nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from ocop._enums import OcopEnum
from ocop._i18n import tr
from ocop.errors import OcopTypeError, OcopValueError
from ocop.periods import add_months
from ocop.problems import Location, Problem
from ocop.regimes import (
    CURRENT_RULES_START,
    DISTRICTS_ABOLISHED,
    LATE_RE_EVALUATION_GRACE_DAYS,
    RE_EVALUATION_DECISION_DAYS,
    RE_EVALUATION_FILING_DAYS,
    REVOCATION_DAYS,
    Level,
    Regime,
    as_regime,
    authority_name,
    authority_on,
    regime_on,
)
from ocop.scores import Score, check_score

__all__ = [
    "DECISION_DAYS",
    "EXTENSION_DAYS",
    "FILING_FIRST_DAYS",
    "FILING_LAST_DAYS",
    "REVOCATION_DAYS",
    "Certificate",
    "CertificateStatus",
    "FilingTiming",
    "ProductCode",
    "Revocation",
    "RevocationGround",
    "check_product_code",
    "filing_window",
    "revoking_level",
]

#: A re-evaluation dossier is filed no earlier than this many days before expiry
#: (26/2026/QĐ-TTg art. 7.6.a).
FILING_FIRST_DAYS = RE_EVALUATION_FILING_DAYS[0]
#: … and no later than this many days before expiry (26/2026/QĐ-TTg art. 7.6.a).
FILING_LAST_DAYS = RE_EVALUATION_FILING_DAYS[1]
#: A re-evaluation is decided within this many days of receiving the complete dossier
#: (26/2026/QĐ-TTg art. 7.6.g).
DECISION_DAYS = RE_EVALUATION_DECISION_DAYS
#: A certificate whose re-evaluation was filed late stays valid until decided, at most this
#: many days past its expiry (26/2026/QĐ-TTg art. 12.3).
EXTENSION_DAYS = LATE_RE_EVALUATION_GRACE_DAYS


def _date(value: object, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        raise OcopTypeError(f"'{name}' must be a date, not a datetime (got {value!r})")
    if not isinstance(value, dt.date):
        raise OcopTypeError(f"'{name}' must be a date (got {type(value).__name__})")
    return value


def _days(day: dt.date, n: int) -> dt.date:
    return day + dt.timedelta(days=n)


# --- product codes ------------------------------------------------------------------------

# ASCII digits only: ``\d`` would also take other scripts' digits.
_CODE = re.compile(r"^\s*([0-9]{2})\s*-\s*([0-9]{5})\s*-\s*([0-9]{1,6})\s*-\s*(20[0-9]{2})\s*$")


@attrs.frozen(kw_only=True)
class ProductCode:
    """A product's code on its scoring sheet (mã số sản phẩm): ``(T)-(X)-(STT)-year``.

    Printed at the head of every sheet of 26/2026/QĐ-TTg Appendix II: T the province code,
    X the commune code (administrative unit codes of Decision 19/2025/QĐ-TTg), STT the
    product's serial number in the commune's list, and the year of evaluation. Example:
    ``"45-19414-3-2026"``.

    Attributes:
        province: The province code (mã tỉnh), two digits.
        commune: The commune code (mã xã), five digits.
        serial: The serial number kept by the commune (số thứ tự), from 1.
        year: The year of evaluation (năm đánh giá).
    """

    province: str = attrs.field(validator=attrs.validators.matches_re(r"[0-9]{2}"))
    commune: str = attrs.field(validator=attrs.validators.matches_re(r"[0-9]{5}"))
    serial: int = attrs.field(validator=attrs.validators.ge(1))
    year: int = attrs.field(validator=[attrs.validators.ge(2000), attrs.validators.le(2099)])

    @classmethod
    def parse(cls, text: str) -> ProductCode:
        """The code written ``text`` (spaces around the dashes allowed; STT may be
        zero-padded).

        Raises:
            OcopValueError: ``text`` is not a product code; the message says why.
        """
        problems = check_product_code(text)
        if problems:
            raise OcopValueError(problems[0].message)
        m = _CODE.match(text)
        assert m is not None
        return cls(province=m[1], commune=m[2], serial=int(m[3]), year=int(m[4]))

    def __str__(self) -> str:
        return f"{self.province}-{self.commune}-{self.serial}-{self.year}"


def check_product_code(text: object, *, where: Location | None = None) -> list[Problem]:
    """The problems with a product code as written (empty when it is one); code
    ``rating.product_code``."""
    loc = where or Location()
    if not isinstance(text, str):
        return [
            Problem(
                code="rating.product_code",
                message=f"a product code is text like 45-19414-3-2026 (got {text!r})",
                where=loc,
            )
        ]
    m = _CODE.match(text)
    if m is not None and int(m[3]) >= 1:
        return []
    if m is not None:
        why = "the serial number (STT) starts at 1"
    else:
        parts = [p.strip() for p in text.split("-")]
        if len(parts) != 4:
            word = "part" if len(parts) == 1 else "parts"
            why = f"it has {len(parts)} {word}, not 4 (T-X-STT-year)"
        elif not re.fullmatch(r"[0-9]{2}", parts[0]):
            why = f"the province code (T) is two digits, not {parts[0]!r}"
        elif not re.fullmatch(r"[0-9]{5}", parts[1]):
            why = f"the commune code (X) is five digits, not {parts[1]!r}"
        elif not re.fullmatch(r"[0-9]{1,6}", parts[2]):
            why = f"the serial number (STT) is a number, not {parts[2]!r}"
        else:
            why = f"the year is four digits starting with 20, not {parts[3]!r}"
    return [
        Problem(
            code="rating.product_code",
            message=f"{text!r} is not a product code (T)-(X)-(STT)-year: {why}",
            where=loc,
        )
    ]


# --- revocation ---------------------------------------------------------------------------


class RevocationGround(OcopEnum):
    """A ground for revoking a certificate (trường hợp thu hồi giấy chứng nhận),
    26/2026/QĐ-TTg art. 8.1; the value is the word written in documents and event logs.

    The point letter of art. 8.1 (``"a"`` … ``"e"``, with ``"đ"``) is read as the ground too:
    ``RevocationGround("đ") is RevocationGround.PRODUCTION_STOPPED``.
    """

    FALSE_DOSSIER = "false_dossier"
    """Untruthful information or a forged dossier (art. 8.1.a)."""
    CRITERIA_NOT_MET = "criteria_not_met"
    """No longer meets the criteria, found by inspection (art. 8.1.b)."""
    LAW_BREACH = "law_breach"
    """Breach of quality, food-safety, environment, IP or labelling law (art. 8.1.c)."""
    MARK_MISUSE = "mark_misuse"
    """Misuse of the OCOP mark (art. 8.1.d)."""
    PRODUCTION_STOPPED = "production_stopped"
    """The subject stopped producing the product (art. 8.1.đ)."""
    OTHER = "other"
    """Another ground found by a competent authority (art. 8.1.e)."""

    __hash__ = object.__hash__

    @classmethod
    def _alias(cls, value: object) -> RevocationGround | None:
        if isinstance(value, str):
            key = value.strip().lower()
            for member in cls:
                if _POINT[member] == key:
                    return member
        return None

    @property
    def point(self) -> str:
        """The point of art. 8.1: ``"a"`` … ``"e"`` (``"đ"`` for production stopped)."""
        return _POINT[self]

    @property
    def vietnamese(self) -> str:
        """The ground as the decision words it."""
        return _GROUND_VI[self]

    @property
    def legal_ref(self) -> str:
        """The point of the decision, e.g. ``"26/2026/QĐ-TTg, Điều 8 khoản 1 điểm a"``."""
        return f"26/2026/QĐ-TTg, Điều 8 khoản 1 điểm {self.point}"


_POINT = {
    RevocationGround.FALSE_DOSSIER: "a",
    RevocationGround.CRITERIA_NOT_MET: "b",
    RevocationGround.LAW_BREACH: "c",
    RevocationGround.MARK_MISUSE: "d",
    RevocationGround.PRODUCTION_STOPPED: "đ",
    RevocationGround.OTHER: "e",
}

_GROUND_VI = {
    RevocationGround.FALSE_DOSSIER: (
        "Chủ thể OCOP bị phát hiện cung cấp thông tin, tài liệu không trung thực hoặc giả mạo "
        "hồ sơ trong quá trình đăng ký đánh giá, phân hạng sản phẩm OCOP"
    ),
    RevocationGround.CRITERIA_NOT_MET: (
        "Sản phẩm OCOP không còn đáp ứng các tiêu chí theo Bộ tiêu chí OCOP theo kết luận kiểm "
        "tra, giám sát của cơ quan có thẩm quyền"
    ),
    RevocationGround.LAW_BREACH: (
        "Sản phẩm OCOP vi phạm quy định pháp luật về chất lượng sản phẩm, an toàn thực phẩm, "
        "bảo vệ môi trường, sở hữu trí tuệ, ghi nhãn hàng hóa hoặc các quy định pháp luật khác "
        "có liên quan theo kết luận của cơ quan có thẩm quyền"
    ),
    RevocationGround.MARK_MISUSE: (
        "Chủ thể OCOP sử dụng nhãn hiệu OCOP không đúng quy định, gây nhầm lẫn về sản phẩm được "
        "công nhận"
    ),
    RevocationGround.PRODUCTION_STOPPED: (
        "Chủ thể OCOP không còn hoạt động sản xuất sản phẩm OCOP"
    ),
    RevocationGround.OTHER: (
        "Trường hợp khác theo kết luận và đề nghị của cơ quan nhà nước có thẩm quyền về việc "
        "sản phẩm OCOP không đủ điều kiện tiếp tục được công nhận"
    ),
}


def revoking_level(stars: int, *, on: dt.date) -> Level | None:
    """The level that revokes a certificate of ``stars`` on ``on`` (thẩm quyền thu hồi).

    The authority in force on the day of revocation (26/2026/QĐ-TTg art. 8.2; see
    [`ocop.regimes.authority_on`][ocop.regimes.authority_on]): a 3★ certificate a district
    recognised under 148/QĐ-TTg is revoked by the province from 1 July 2025.
    """
    return authority_on(stars, _date(on, "on"))


@attrs.frozen(kw_only=True)
class Revocation:
    """A decision revoking a certificate (quyết định thu hồi giấy chứng nhận).

    Attributes:
        ground: The ground ([`RevocationGround`][ocop.certificates.RevocationGround]).
        found_on: The day of the authority's finding, or of the commune's confirmation that
            production stopped (ngày có kết luận / xác nhận), from which the 15 days run.
        decided_on: The day of the revocation decision.
        by: The level that decided it: the authority in force on ``decided_on``.
    """

    ground: RevocationGround
    found_on: dt.date
    decided_on: dt.date
    by: Level | None

    @property
    def due_on(self) -> dt.date:
        """The last day for the decision: 15 days after the finding (art. 8.4)."""
        return _days(self.found_on, REVOCATION_DAYS)

    @property
    def late(self) -> bool:
        """``True`` when the decision came after [`due_on`][ocop.certificates.Revocation.due_on]."""
        return self.decided_on > self.due_on


# --- certificates -------------------------------------------------------------------------


class FilingTiming(OcopEnum):
    """When a re-evaluation dossier was filed, against the window of art. 7.6.a."""

    EARLY = "early"
    """Before the window opens (more than 180 days before expiry)."""
    ON_TIME = "on_time"
    """From 180 to 120 days before expiry, both days included."""
    LATE = "late"
    """After the window closed, on or before the expiry day (art. 12.3 may apply)."""
    AFTER_EXPIRY = "after_expiry"
    """After the certificate expired: nothing is left to extend."""


class CertificateStatus(OcopEnum):
    """The state of a certificate on a day (tình trạng giấy chứng nhận)."""

    NOT_ISSUED = "not_issued"
    """Before the day of issue."""
    VALID = "valid"
    """Within its 36 months, the last day included (còn hiệu lực)."""
    EXTENDED = "extended"
    """Past its expiry, kept valid while a late re-evaluation is decided (art. 12.3)."""
    LAPSED = "lapsed"
    """Expired (hết hiệu lực)."""
    REVOKED = "revoked"
    """Revoked (bị thu hồi) on or before that day."""


def _stars(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise OcopTypeError(f"'stars' must be an int (got {value!r})")
    if not 3 <= value <= 5:
        raise OcopValueError(
            f"only products of 3★ to 5★ get a certificate (26/2026/QĐ-TTg art. 4.1); got {value}★"
        )
    return value


def filing_window(expires_on: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last days to file a re-evaluation of a certificate whose last day of
    validity is ``expires_on``, both included: 180 and 120 days before it (26/2026/QĐ-TTg
    art. 7.6.a)."""
    return _days(expires_on, -FILING_FIRST_DAYS), _days(expires_on, -FILING_LAST_DAYS)


def _score(value: object) -> None:
    if value is not None:
        check_score(value)


@attrs.frozen(kw_only=True)
class Certificate:
    """A certificate of an OCOP rating (giấy chứng nhận kết quả phân hạng sản phẩm OCOP).

    Build one with [`issue`][ocop.certificates.Certificate.issue]. Use
    [`revoke`][ocop.certificates.Certificate.revoke],
    [`upgrade`][ocop.certificates.Certificate.upgrade] and
    [`renew`][ocop.certificates.Certificate.renew] for its later life; each returns a new record.
    The product cycle's records hold the same type (`ocop.cycle.Record.certificate`).

    Attributes:
        product: The product's code or name (tên sản phẩm).
        stars: The stars recognised (3, 4 or 5).
        issued_on: The day the competent authority issued it (ngày ban hành).
        issued_by: The level that recognised the stars (cấp công nhận).
        regime: The id of the regime it was issued under; it stays valid to its end when the
            rules change (26/2026/QĐ-TTg art. 12.1).
        score: The council's mean score the recognition rests on, when known.
        months: How long it is valid (36 in every regime).
        code: The product's code ([`ProductCode`][ocop.certificates.ProductCode]), when known.
        revocation: The revocation decision, when revoked.
    """

    product: str
    stars: int = attrs.field(validator=lambda _i, _a, v: _stars(v))
    issued_on: dt.date = attrs.field(validator=lambda _i, _a, v: _date(v, "issued_on"))
    issued_by: Level
    regime: str
    score: Score | None = attrs.field(default=None, validator=lambda _i, _a, v: _score(v))
    months: int = 36
    code: ProductCode | None = None
    revocation: Revocation | None = None

    @classmethod
    def issue(
        cls,
        *,
        product: str,
        stars: int,
        issued_on: dt.date,
        regime: Regime | str | None = None,
        by: Level | None = None,
        score: Score | None = None,
        code: ProductCode | None = None,
    ) -> Certificate:
        """The certificate issued on ``issued_on`` for a product of ``stars``.

        ``regime`` defaults to the regime in force on ``issued_on``; the validity and, unless
        ``by`` says, the issuing level come from it.

        Raises:
            OcopValueError: ``stars`` is below 3 (no certificate: art. 4.1.a) or above 5.
        """
        _date(issued_on, "issued_on")
        reg = regime_on(issued_on) if regime is None else as_regime(regime)
        level = by if by is not None else reg.recognising_level(_stars(stars))
        assert level is not None  # every regime recognises 3★ to 5★
        return cls(
            product=product,
            stars=stars,
            issued_on=issued_on,
            issued_by=level,
            regime=reg.id,
            score=score,
            months=reg.certificate_months,
            code=code,
        )

    @property
    def expires_on(self) -> dt.date:
        """The last day of validity (ngày hết thời hạn): the day 36 months after the day of
        issue (art. 4.3, counted as the module says). The certificate is valid on it and
        expired from the day after."""
        return add_months(self.issued_on, self.months)

    @property
    def filing_window(self) -> tuple[dt.date, dt.date]:
        """The first and last days to file a re-evaluation dossier, both included:
        180 and 120 days before expiry (art. 7.6.a)."""
        return filing_window(self.expires_on)

    def filing_timing(self, filed_on: dt.date) -> FilingTiming:
        """Whether a re-evaluation dossier filed on ``filed_on`` is early, on time or late."""
        _date(filed_on, "filed_on")
        first, last = self.filing_window
        if filed_on < first:
            return FilingTiming.EARLY
        if filed_on <= last:
            return FilingTiming.ON_TIME
        if filed_on <= self.expires_on:
            return FilingTiming.LATE
        return FilingTiming.AFTER_EXPIRY

    def extends(self, filed_on: dt.date) -> bool:
        """``True`` when a re-evaluation filed on ``filed_on`` keeps the certificate valid past
        its expiry until decided (26/2026/QĐ-TTg art. 12.3): filed late (after the window of
        art. 7.6.a, by the expiry day) and on or after 22 May 2026, the day 26/2026/QĐ-TTg
        took effect (art. 11.1). A dossier filed on time is decided before expiry (45 days,
        art. 7.6.g) and extends nothing."""
        return filed_on >= CURRENT_RULES_START and self.filing_timing(filed_on) is FilingTiming.LATE

    @staticmethod
    def decision_due(received_on: dt.date) -> dt.date:
        """The last day to decide a re-evaluation whose complete dossier was received on
        ``received_on``: 45 days later (art. 7.6.g)."""
        return _days(_date(received_on, "received_on"), DECISION_DAYS)

    def valid_until(
        self, *, filed_on: dt.date | None = None, decided_on: dt.date | None = None
    ) -> dt.date:
        """The last day the certificate is valid, given a re-evaluation filed on ``filed_on``
        and decided on ``decided_on`` (either may be ``None``: not filed, not yet decided).

        A dossier that [`extends`][ocop.certificates.Certificate.extends] the certificate keeps it
        valid until the decision, at most 180 days past expiry (art. 12.3); while undecided this
        returns that cap. Otherwise the certificate ends on
        [`expires_on`][ocop.certificates.Certificate.expires_on]. A revocation ends it on the day
        before the revocation decision.
        """
        end = self.expires_on
        if filed_on is not None and self.extends(filed_on):
            cap = _days(end, EXTENSION_DAYS)
            decided = cap if decided_on is None else _date(decided_on, "decided_on")
            end = max(end, min(decided, cap))
        if self.revocation is not None:
            end = min(end, _days(self.revocation.decided_on, -1))
        return end

    def status_on(
        self,
        day: dt.date,
        *,
        filed_on: dt.date | None = None,
        decided_on: dt.date | None = None,
    ) -> CertificateStatus:
        """The certificate's state on ``day`` (see
        [`valid_until`][ocop.certificates.Certificate.valid_until] for the other arguments)."""
        _date(day, "day")
        if day < self.issued_on:
            return CertificateStatus.NOT_ISSUED
        if self.revocation is not None and day >= self.revocation.decided_on:
            return CertificateStatus.REVOKED
        if day <= self.expires_on:
            return CertificateStatus.VALID
        if day <= self.valid_until(filed_on=filed_on, decided_on=decided_on):
            return CertificateStatus.EXTENDED
        return CertificateStatus.LAPSED

    def revoke(
        self,
        ground: RevocationGround,
        *,
        found_on: dt.date,
        decided_on: dt.date,
        by: Level | None = None,
    ) -> Certificate:
        """This certificate revoked on ``decided_on`` for ``ground`` (art. 8).

        The revoking level is the authority in force on ``decided_on`` (art. 8.2,
        [`revoking_level`][ocop.certificates.revoking_level]); ``by``, when given, must be it.

        Raises:
            OcopValueError: It is already revoked, ``by`` has no authority to revoke it, or
                the dates are out of order (the finding after the decision, or the decision
                before the day of issue).
        """
        _date(found_on, "found_on")
        _date(decided_on, "decided_on")
        if self.revocation is not None:
            raise OcopValueError(
                f"the certificate was already revoked on {self.revocation.decided_on}"
            )
        if decided_on < found_on:
            raise OcopValueError(
                f"a revocation is decided after its finding ({decided_on} < {found_on})"
            )
        if decided_on < self.issued_on:
            raise OcopValueError(
                f"a revocation cannot precede the certificate ({decided_on} < {self.issued_on})"
            )
        why = self.revocation_refused(by, on=decided_on)
        if why is not None:
            raise OcopValueError(why)
        revocation = Revocation(
            ground=RevocationGround(ground),
            found_on=found_on,
            decided_on=decided_on,
            by=revoking_level(self.stars, on=decided_on),
        )
        return attrs.evolve(self, revocation=revocation)

    def revocation_refused(self, by: Level | None, *, on: dt.date) -> str | None:
        """Why ``by`` cannot revoke this certificate on ``on``, or ``None`` when it can (or
        ``by`` is not said): only the authority in force that day revokes (26/2026/QĐ-TTg
        art. 8.2; no district after 1 July 2025)."""
        if by is None:
            return None
        authority = revoking_level(self.stars, on=on)
        if by is authority:
            return None
        return tr(
            "{level} cannot revoke a {stars}★ certificate on {on}: only {authority} "
            "(26/2026/QĐ-TTg art. 8.2{point}{districts})",
            level=by.value,
            stars=self.stars,
            on=on.isoformat(),
            authority="nobody" if authority is None else authority_name(authority, on),
            point=".a" if self.stars < 5 else ".b",
            districts="; no district level from 1 July 2025"
            if by is Level.DISTRICT and on >= DISTRICTS_ABOLISHED
            else "",
        )

    def upgrade(
        self, *, stars: int, issued_on: dt.date, regime: Regime | str | None = None
    ) -> Certificate:
        """The new certificate of an upgrade (nâng hạng) to ``stars``, issued on ``issued_on``.

        The upgrade follows the first-time procedure (art. 7.5), so the new certificate has
        its own 36 months from its own day of issue.

        Raises:
            OcopValueError: ``stars`` is not above the current stars, the certificate is not
                valid on ``issued_on`` (revoked or lapsed), or ``issued_on`` precedes it.
        """
        if isinstance(stars, bool) or not isinstance(stars, int) or stars <= self.stars:
            raise OcopValueError(f"an upgrade raises the stars above {self.stars}★ (got {stars!r})")
        state = self.status_on(issued_on)
        if state is not CertificateStatus.VALID:
            raise OcopValueError(
                f"only a valid certificate is upgraded; on {issued_on} it is {state.value}"
            )
        return Certificate.issue(
            product=self.product,
            stars=stars,
            issued_on=issued_on,
            regime=regime,
            code=self.code,
        )

    def renew(
        self, *, stars: int, issued_on: dt.date, regime: Regime | str | None = None
    ) -> Certificate | None:
        """The certificate that follows a re-evaluation (phân hạng lại) classed ``stars``,
        or ``None`` when the product fell below 3★ and the certificate simply lapses."""
        if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 5:
            raise OcopValueError(f"'stars' must be 1–5 (got {stars!r})")
        if stars < 3:
            return None
        return Certificate.issue(
            product=self.product, stars=stars, issued_on=issued_on, regime=regime, code=self.code
        )

"""The records of the product cycle: stages, events, evaluations, certificates, history.

Everything here is an immutable value. A product's life is a [`Record`][ocop.cycle.model.Record];
each thing that happens to it is an [`Event`][ocop.cycle.model.Event] applied on a date by
[`ocop.cycle.advance`][ocop.cycle.advance], which adds a [`Step`][ocop.cycle.model.Step] to the
record's append-only history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any, Protocol, TypeVar, runtime_checkable

import attrs

from ocop._enums import OcopEnum
from ocop.certificates import Certificate, RevocationGround
from ocop.errors import OcopTypeError, OcopValueError
from ocop.regimes import Level
from ocop.scores import Score, check_score

__all__ = [
    "FINAL_STAGES",
    "CouncilResult",
    "Evaluation",
    "Event",
    "EventKind",
    "Purpose",
    "Record",
    "Stage",
    "Step",
]

T = TypeVar("T")


class Stage(OcopEnum):
    """Where a product stands in the annual cycle (chu trình OCOP thường niên).

    The idea steps follow Decision 490/QĐ-TTg (steps 2–4 of the cycle); the dossier and
    evaluation steps follow the regime in force (148/QĐ-TTg; 26/2026/QĐ-TTg art. 7).
    """

    NEW = "new"
    """Known to the programme, nothing registered yet."""
    REGISTERED = "registered"
    """The product idea is registered (đăng ký ý tưởng sản phẩm)."""
    IDEA_SELECTED = "idea_selected"
    """The idea was selected (ý tưởng được lựa chọn)."""
    IDEA_REJECTED = "idea_rejected"
    """The idea was not selected; it may be registered again in the next cycle."""
    PLAN_SUBMITTED = "plan_submitted"
    """The production/business plan is submitted (phương án sản xuất kinh doanh)."""
    PLAN_APPROVED = "plan_approved"
    """The plan is approved."""
    IN_DEVELOPMENT = "in_development"
    """The plan is being carried out: product development or upgrade (triển khai)."""
    DOSSIER_FILED = "dossier_filed"
    """The product dossier (hồ sơ sản phẩm) is filed with the first level of the chain."""
    RETURNED = "returned"
    """The commune's check did not pass: the dossier went back to the subject."""
    COMMUNE_CHECKED = "commune_checked"
    """The commune checked the dossier (26/2026 art. 7.2) and may forward it."""
    DISTRICT_EVALUATED = "district_evaluated"
    """The district council scored the product (Hội đồng cấp huyện)."""
    AT_PROVINCE = "at_province"
    """Forwarded to the province, waiting for its council."""
    PROVINCE_EVALUATED = "province_evaluated"
    """The provincial council scored the product (Hội đồng cấp tỉnh)."""
    AT_NATIONAL = "at_national"
    """Forwarded to the central level (the ministry), waiting for its council."""
    NATIONAL_EVALUATED = "national_evaluated"
    """The central council scored the product (Hội đồng cấp trung ương)."""
    RECOGNIZED = "recognized"
    """Recognised as an OCOP product with a certificate (công nhận, giấy chứng nhận)."""
    WITHDRAWN = "withdrawn"
    """The subject withdrew (rút hồ sơ); it may register again."""
    EXPIRED = "expired"
    """The certificate ran out (hết hạn); the product may register again."""
    REVOKED = "revoked"
    """The certificate was revoked (thu hồi): the end of this record."""

    # Members are singletons: hashing by identity keeps the transition table's lookups fast.
    __hash__ = object.__hash__

    @property
    def vietnamese(self) -> str:
        """The stage's Vietnamese name for tables and reports, e.g. ``đã công nhận``.

        The value (``recognized``) stays the name in JSON, CSV and problem messages.
        """
        return _STAGE_VI[self]


#: Stages with no way out: a new record starts a new life.
FINAL_STAGES: frozenset[Stage] = frozenset({Stage.REVOKED})

# The words of the docs' glossary; the levels as Level.vietnamese names them.
_STAGE_VI = {
    Stage.NEW: "mới",
    Stage.REGISTERED: "đã đăng ký ý tưởng",
    Stage.IDEA_SELECTED: "ý tưởng được lựa chọn",
    Stage.IDEA_REJECTED: "ý tưởng bị loại",
    Stage.PLAN_SUBMITTED: "đã nộp phương án",
    Stage.PLAN_APPROVED: "phương án được phê duyệt",
    Stage.IN_DEVELOPMENT: "đang triển khai",
    Stage.DOSSIER_FILED: "đã nộp hồ sơ",
    Stage.RETURNED: "hồ sơ bị trả lại",
    Stage.COMMUNE_CHECKED: "cấp xã đã kiểm tra",
    Stage.DISTRICT_EVALUATED: "cấp huyện đã đánh giá",
    Stage.AT_PROVINCE: "chờ cấp tỉnh đánh giá",
    Stage.PROVINCE_EVALUATED: "cấp tỉnh đã đánh giá",
    Stage.AT_NATIONAL: "chờ cấp trung ương đánh giá",
    Stage.NATIONAL_EVALUATED: "cấp trung ương đã đánh giá",
    Stage.RECOGNIZED: "đã công nhận",
    Stage.WITHDRAWN: "đã rút hồ sơ",
    Stage.EXPIRED: "đã hết hạn",
    Stage.REVOKED: "bị thu hồi",
}


class EventKind(OcopEnum):
    """What can happen to a product."""

    REGISTER = "register"
    SELECT_IDEA = "select_idea"
    REJECT_IDEA = "reject_idea"
    SUBMIT_PLAN = "submit_plan"
    APPROVE_PLAN = "approve_plan"
    START_DEVELOPMENT = "start_development"
    FILE_DOSSIER = "file_dossier"
    COMMUNE_CHECK = "commune_check"
    EVALUATE = "evaluate"
    FORWARD = "forward"
    RECOGNIZE = "recognize"
    WITHDRAW = "withdraw"
    RE_EVALUATE = "re_evaluate"
    UPGRADE = "upgrade"
    REVOKE = "revoke"
    EXPIRE = "expire"

    __hash__ = object.__hash__

    @classmethod
    def _alias(cls, value: object) -> EventKind | None:
        # Other spellings people write: "recognise", "check", "re-evaluate", "File dossier"…
        if not isinstance(value, str):
            return None
        key = value.strip().lower().replace("-", "_").replace(" ", "_")
        key = _EVENT_ALIASES.get(key, key)
        for member in cls:
            if member.value == key:
                return member
        return None


_EVENT_ALIASES = {
    "recognise": "recognize",
    "check": "commune_check",
    "pre_check": "commune_check",
    "precheck": "commune_check",
    "file": "file_dossier",
    "submit_dossier": "file_dossier",
    "reevaluate": "re_evaluate",
    "select": "select_idea",
    "reject": "reject_idea",
    "develop": "start_development",
}


class Purpose(OcopEnum):
    """Why a dossier is filed (26/2026/QĐ-TTg art. 6.1)."""

    FIRST = "first"
    """First evaluation (đánh giá, phân hạng lần đầu)."""
    UPGRADE = "upgrade"
    """Upgrade of a recognised product (nâng hạng, art. 7.5)."""
    RE_EVALUATION = "re_evaluation"
    """Re-evaluation at the end of the certificate (phân hạng lại, art. 7.6)."""


@runtime_checkable
class CouncilResult(Protocol):
    """Anything that carries a council's result: a mean score and the stars it gives.

    A [`ocop.rating.Rating`][ocop.rating.Rating] (what [`ocop.rating.rate`][ocop.rating.rate]
    returns) fits, and so does any object with these two attributes.
    """

    @property
    def mean(self) -> Score:
        """The mean of the members' totals (tổng điểm trung bình), exact."""
        ...  # pragma: no cover

    @property
    def stars(self) -> int:
        """The stars the result gives (after the minimum-for-stars marks)."""
        ...  # pragma: no cover


@attrs.frozen(kw_only=True)
class Event:
    """Something that happens to a product, without its date (the date is given to
    [`ocop.cycle.advance`][ocop.cycle.advance]).

    Build events with the named constructors ([`register`][ocop.cycle.model.Event.register],
    [`evaluate`][ocop.cycle.model.Event.evaluate]…).

    Attributes:
        kind: What happens ([`EventKind`][ocop.cycle.model.EventKind]).
        level: The level that acts: the council's level for ``evaluate`` and the authority for
            ``recognize`` and ``revoke`` (cấp).
        score: The council's mean score for ``evaluate`` (tổng điểm trung bình), exact.
        stars: The stars awarded by ``evaluate`` (hạng sao) or granted by ``recognize``.
        ground: The ground of a revocation
            ([`RevocationGround`][ocop.certificates.RevocationGround]).
        passed: The commune check's outcome (``commune_check``).
        subject: Who registers the product (chủ thể OCOP), for ``register``.
        note: Free words kept in the history (why a dossier was withdrawn…).
        province: The province the product is registered in (tỉnh), for ``register``, as
            the register names it; reports group certificates by it.
        commune: The commune (xã) the product is registered in, for ``register``.
    """

    kind: EventKind
    level: Level | None = None
    score: Score | None = None
    stars: int | None = None
    ground: RevocationGround | None = None
    passed: bool | None = None
    subject: str | None = None
    note: str | None = None
    province: str | None = None
    commune: str | None = None

    @classmethod
    def register(
        cls,
        *,
        subject: str | None = None,
        note: str | None = None,
        province: str | None = None,
        commune: str | None = None,
    ) -> Event:
        """A product idea is registered (đăng ký), or registered again in a new cycle, in
        ``province`` and ``commune`` when said."""
        return cls(
            kind=EventKind.REGISTER,
            subject=subject,
            note=note,
            province=province,
            commune=commune,
        )

    @classmethod
    def of(cls, kind: EventKind | str, *, note: str | None = None) -> Event:
        """An event that carries nothing but its kind (``select_idea``, ``forward``…)."""
        return cls(kind=EventKind(kind), note=note)

    @classmethod
    def commune_check(cls, *, passed: bool = True, note: str | None = None) -> Event:
        """The commune's check of the dossier (26/2026/QĐ-TTg art. 7.2)."""
        return cls(kind=EventKind.COMMUNE_CHECK, passed=passed, note=note)

    @classmethod
    def evaluate(
        cls,
        level: Level | str,
        result: Score | CouncilResult,
        *,
        stars: int | None = None,
        note: str | None = None,
    ) -> Event:
        """A council's evaluation at ``level``: a mean score, or a
        [`CouncilResult`][ocop.cycle.model.CouncilResult].

        ``stars`` defaults to the assessment's stars, else to the band of the score; it may be
        lower than the band (a minimum-for-stars mark was missed), never higher.

        Raises:
            OcopTypeError: ``result`` is a float or not a score.
            OcopValueError: the score is outside 0–100 or ``stars`` outside 1–5.
        """
        if isinstance(result, int | Decimal | Fraction) and not isinstance(result, bool):
            score = check_score(result)
        elif isinstance(result, CouncilResult):
            score = check_score(result.mean)
            if stars is None:
                stars = result.stars
        else:
            raise OcopTypeError(
                "'result' must be an int, Decimal, Fraction or an assessment with 'mean' and "
                f"'stars' (got {type(result).__name__})"
            )
        if stars is not None and (isinstance(stars, bool) or stars not in range(1, 6)):
            raise OcopValueError(f"'stars' must be 1 to 5 (got {stars!r})")
        lvl = level if isinstance(level, Level) else Level.parse(level)
        return cls(kind=EventKind.EVALUATE, level=lvl, score=score, stars=stars, note=note)

    @classmethod
    def recognize(cls, stars: int, level: Level | str, *, note: str | None = None) -> Event:
        """``level`` recognises the product at ``stars`` and issues a certificate."""
        lvl = level if isinstance(level, Level) else Level.parse(level)
        return cls(kind=EventKind.RECOGNIZE, stars=stars, level=lvl, note=note)

    @classmethod
    def revoke(
        cls,
        ground: RevocationGround | str,
        *,
        level: Level | str | None = None,
        note: str | None = None,
    ) -> Event:
        """The certificate is revoked on ``ground`` (by ``level``, if said)."""
        lvl = level if isinstance(level, Level) or level is None else Level.parse(level)
        return cls(kind=EventKind.REVOKE, ground=RevocationGround(ground), level=lvl, note=note)


@attrs.frozen(kw_only=True)
class Evaluation:
    """A council's result in the current round (kết quả đánh giá).

    Attributes:
        level: The council's level (cấp).
        score: The mean of the members' totals (tổng điểm trung bình), exact.
        stars: The stars it gives (hạng sao).
        on: The date of the evaluation.
    """

    level: Level
    score: Score
    stars: int
    on: dt.date


@attrs.frozen(kw_only=True)
class Step:
    """One entry of a product's history: an event applied on a date.

    Attributes:
        event: What happened.
        on: When (the date of the decision or act).
        actor: Who acted (free text, e.g. ``"UBND xã Cam Thủy"``), if said.
        source: The stage before.
        target: The stage after.
        regime: The id of the regime whose rules applied.
        reason: Why the step was allowed, in words (e.g. "district score 72 ≥ 50").
    """

    event: Event
    on: dt.date
    actor: str | None
    source: Stage
    target: Stage
    regime: str
    reason: str


@attrs.frozen(kw_only=True)
class Record:
    """A product's OCOP life so far (hồ sơ theo dõi sản phẩm).

    Build a new one with [`new`][ocop.cycle.model.Record.new] and change it only with
    [`ocop.cycle.advance`][ocop.cycle.advance].

    Attributes:
        product: The product's code or name (mã sản phẩm).
        stage: Where it stands ([`Stage`][ocop.cycle.model.Stage]).
        subject: Who registered it (chủ thể OCOP), if said.
        round: The cycle round: 1 at the first registration, one more at each new start.
        purpose: Why the current dossier was filed, ``None`` before a dossier.
        filed: When the current dossier was filed (ngày nộp hồ sơ), or ``None``.
        filed_regime: The id of the regime in force when it was filed.
        forwarded: When it was last forwarded to the next level, or ``None``.
        evaluations: The councils' results in the current round, oldest first.
        certificate: The certificate held, or ``None``.
        history: Every step so far, oldest first (append-only).
    """

    product: str
    stage: Stage = Stage.NEW
    subject: str | None = None
    round: int = 0
    purpose: Purpose | None = None
    filed: dt.date | None = None
    filed_regime: str | None = None
    forwarded: dt.date | None = None
    evaluations: tuple[Evaluation, ...] = ()
    certificate: Certificate | None = None
    history: tuple[Step, ...] = ()

    @classmethod
    def new(cls, product: str) -> Record:
        """A product the programme knows nothing about yet (stage ``new``)."""
        if not isinstance(product, str) or not product.strip():
            raise OcopValueError(f"'product' must be a non-empty string (got {product!r})")
        return cls(product=product)

    @property
    def stars(self) -> int | None:
        """The stars of the certificate held, or ``None``."""
        return None if self.certificate is None else self.certificate.stars

    @property
    def last_evaluation(self) -> Evaluation | None:
        """The latest council result of the current round, or ``None``."""
        return self.evaluations[-1] if self.evaluations else None


def _maker(cls: type[T]) -> Callable[..., T]:
    """A positional constructor of the frozen slots class ``cls`` for the engine's hot path.

    It sets the slots in field order without going through the generated ``__init__`` (which
    passes every field through ``object.__setattr__``): about twice as fast. ``cls`` must have
    no validators or converters; the result equals what ``cls(**fields)`` builds.
    """
    names = [f.name for f in attrs.fields(cls)]  # type: ignore[arg-type]
    setters = [cls.__dict__[n].__set__ for n in names]
    new = object.__new__
    args = ", ".join(f"a{i}" for i in range(len(names)))
    body = "\n".join(f"    s{i}(o, a{i})" for i in range(len(names)))
    code = f"def make({args}):\n    o = new(cls)\n{body}\n    return o\n"
    scope: dict[str, Any] = {"new": new, "cls": cls}
    scope.update({f"s{i}": setter for i, setter in enumerate(setters)})
    exec(code, scope)
    made: Callable[..., T] = scope["make"]
    return made

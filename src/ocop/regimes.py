"""The legal regimes of OCOP evaluation: who evaluates, who recognises, who forwards.

A regime (chế độ) is the set of rules in force on a date for evaluating and recognising OCOP
products. Rating ([`ocop.rating`][ocop.rating]) and the product cycle ([`ocop.cycle`][ocop.cycle])
both choose their rules through [`regime_on`][ocop.regimes.regime_on] or
[`get_regime`][ocop.regimes.get_regime]; nothing else in ocop hard-codes which level recognises
which stars.

- ``490/QĐ-TTg``, 2018-05-07 → 2023-02-24: district → province → national;
  province recognises 3–4★, national 5★.
- ``148/QĐ-TTg``, 2023-02-24 → 2025-07-06: district → province → national;
  district recognises 3★, province 4★, national 5★.
- ``1489/QĐ-TTg``, 2025-07-06 → 2026-05-22: commune → province → national;
  province recognises 3–4★, the ministry 5★.
- ``26/2026/QĐ-TTg``, from 2026-05-22: commune → province → national;
  province recognises 3–4★, the ministry 5★.

Sources: Decision 490/QĐ-TTg of 7 May 2018 (the programme 2018–2020) and Decision
1048/QĐ-TTg of 21 Aug 2019 (its criteria); Decision 148/QĐ-TTg of 24 Feb 2023; Decision
1489/QĐ-TTg of 6 Jul 2025 (two-tier local government from 1 Jul 2025); Decision
26/2026/QĐ-TTg of 22 May 2026, art. 4–8 and 11–12. The 490 and 1048 texts themselves were not
read: their levels and thresholds come from official provincial pages (see the docs' legal
sources page). Under 26/2026 art. 11.2 the 148 and 1489 rules lapse 60 days after 22 May 2026
(`OLD_RULES_LAPSE`); art. 12 lets dossiers filed before 22 May 2026 finish under them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ocop._enums import OcopEnum
from ocop._i18n import tr
from ocop.errors import OcopLookupError, OcopTypeError, OcopValueError
from ocop.scores import Score, check_score

__all__ = [
    "COMMUNE_CHECK_WORKING_DAYS",
    "CURRENT_RULES_START",
    "DISTRICTS_ABOLISHED",
    "LATE_RE_EVALUATION_GRACE_DAYS",
    "MINISTRY_BATCHES",
    "MINISTRY_RENAMED",
    "OLD_RULES_LAPSE",
    "PROVINCE_BATCHES",
    "REGIMES",
    "REVOCATION_DAYS",
    "RE_EVALUATION_DECISION_DAYS",
    "RE_EVALUATION_FILING_DAYS",
    "STAR_BANDS",
    "TRANSITION_FIRST_DEADLINE",
    "TRANSITION_RE_EVALUATION_DEADLINE",
    "Level",
    "Regime",
    "as_regime",
    "authority_name",
    "authority_on",
    "band_stars",
    "get_regime",
    "regime_on",
]


class Level(OcopEnum):
    """An administrative level that evaluates or recognises products (cấp).

    ``NATIONAL`` is the top of the chain: the central council (Hội đồng cấp trung ương) under
    490 and 148, the Ministry of Agriculture and Environment (Bộ Nông nghiệp và Môi trường)
    under 1489 and 26/2026. ``central`` and ``ministry`` are accepted as its names.
    """

    COMMUNE = "commune"
    DISTRICT = "district"
    PROVINCE = "province"
    NATIONAL = "national"

    @classmethod
    def parse(cls, text: str) -> Level:
        """The level named ``text`` (English, Vietnamese or an alias), or ``OcopValueError``."""
        key = text.strip().lower()
        found = _LEVEL_NAMES.get(key)
        if found is None:
            names = ", ".join(sorted(_LEVEL_NAMES))
            raise OcopValueError(f"unknown level {text!r} (known: {names})")
        return found

    @property
    def vietnamese(self) -> str:
        """The level's Vietnamese name (cấp xã, cấp huyện, cấp tỉnh, cấp trung ương)."""
        return _LEVEL_VI[self]


_LEVEL_VI = {
    Level.COMMUNE: "cấp xã",
    Level.DISTRICT: "cấp huyện",
    Level.PROVINCE: "cấp tỉnh",
    Level.NATIONAL: "cấp trung ương",
}

_LEVEL_NAMES: dict[str, Level] = {
    "commune": Level.COMMUNE,
    "xã": Level.COMMUNE,
    "cấp xã": Level.COMMUNE,
    "district": Level.DISTRICT,
    "huyện": Level.DISTRICT,
    "cấp huyện": Level.DISTRICT,
    "province": Level.PROVINCE,
    "provincial": Level.PROVINCE,
    "tỉnh": Level.PROVINCE,
    "cấp tỉnh": Level.PROVINCE,
    "national": Level.NATIONAL,
    "central": Level.NATIONAL,
    "ministry": Level.NATIONAL,
    "trung ương": Level.NATIONAL,
    "cấp trung ương": Level.NATIONAL,
    "bộ": Level.NATIONAL,
}

#: The star bands of the council's mean score, the same in every version (1048/QĐ-TTg,
#: 148/QĐ-TTg, 26/2026/QĐ-TTg art. 3): each pair is (lowest mean, stars).
STAR_BANDS: tuple[tuple[int, int], ...] = ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1))

#: The day the 148/QĐ-TTg and 1489/QĐ-TTg rules lapse: 60 days after 26/2026/QĐ-TTg took
#: effect on 22 May 2026 (art. 11.2).
OLD_RULES_LAPSE = dt.date(2026, 7, 21)

#: The day 26/2026/QĐ-TTg took effect (art. 11.1): dossiers filed before it finish under the
#: rules of 2021–2025 (art. 12.2).
CURRENT_RULES_START = dt.date(2026, 5, 22)

#: A first or upgrade evaluation filed before 22 May 2026 must be finished within 60 days of
#: that day (26/2026/QĐ-TTg art. 12.2.a): by this date.
TRANSITION_FIRST_DEADLINE = dt.date(2026, 7, 21)

#: A re-evaluation filed before 22 May 2026 must be finished within 30 days of that day
#: (26/2026/QĐ-TTg art. 12.2.b): by this date.
TRANSITION_RE_EVALUATION_DEADLINE = dt.date(2026, 6, 21)

#: The commune (UBND cấp xã) checks a dossier within 15 working days of receiving it
#: (26/2026/QĐ-TTg art. 7.2).
COMMUNE_CHECK_WORKING_DAYS = 15

#: The provincial batches (đợt) as ((month, day) the commune's proposal is due before,
#: (month, day) the batch is finished before) (26/2026/QĐ-TTg art. 5.1: "trước ngày 30 tháng
#: 4 / 30 tháng 6 / 30 tháng 10 / 30 tháng 12": before the day, the day itself not included).
PROVINCE_BATCHES: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = (
    ((4, 30), (6, 30)),
    ((10, 30), (12, 30)),
)

#: The ministry's batches as ((month, day) the province's proposal is due before, (month, day)
#: the batch is finished before); the March batch takes the proposals made before 30 January
#: of the same year (26/2026/QĐ-TTg art. 5.2; "trước ngày", the day not included).
MINISTRY_BATCHES: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = (
    ((1, 30), (3, 30)),
    ((7, 30), (9, 30)),
)

#: A re-evaluation (phân hạng lại) dossier is filed no earlier than 180 and no later than 120
#: days before the certificate expires (26/2026/QĐ-TTg art. 7.6.a): (earliest, latest).
RE_EVALUATION_FILING_DAYS: tuple[int, int] = (180, 120)

#: A re-evaluation is decided within 45 days of receiving the full proposal
#: (26/2026/QĐ-TTg art. 7.6.g).
RE_EVALUATION_DECISION_DAYS = 45

#: A re-evaluation filed late keeps the certificate valid until it is decided, at most 180
#: days past its expiry (26/2026/QĐ-TTg art. 12.3).
LATE_RE_EVALUATION_GRACE_DAYS = 180

#: A certificate is revoked within 15 days of the finding (26/2026/QĐ-TTg art. 8.4).
REVOCATION_DAYS = 15

#: From this day local government has two tiers, province and commune: district-level
#: bodies (huyện, thị xã, thành phố thuộc tỉnh) no longer exist, so no district council
#: evaluates, recognises or revokes on or after it. Sources: Nghị quyết 203/2025/QH15
#: (amending the Constitution, art. 110: two tiers) and Luật Tổ chức chính quyền địa phương
#: 72/2025/QH15 (art. 1: administrative units are provinces and communes), both in force
#: 1 July 2025 (the texts were not read here: official press reports); 1489/QĐ-TTg of 6 July
#: 2025 moves the 148 procedure to commune → province → ministry.
DISTRICTS_ABOLISHED = dt.date(2025, 7, 1)

#: From this day the agriculture ministry is the Ministry of Agriculture and Environment (Bộ
#: Nông nghiệp và Môi trường); before it, the Ministry of Agriculture and Rural Development
#: (Bộ Nông nghiệp và Phát triển nông thôn). Sources: Nghị quyết 176/2025/QH15 of 18 February
#: 2025, art. 1 (the ministries of the government), and Nghị định 35/2025/NĐ-CP of 25 February
#: 2025, art. 1 (the ministry's functions), in force 1 March 2025 (not read here: official
#: press reports).
MINISTRY_RENAMED = dt.date(2025, 3, 1)


def band_stars(score: Score) -> int:
    """The stars of the band a mean score falls in: 1★ < 30 ≤ 2★ < 50 ≤ 3★ < 70 ≤ 4★ < 90 ≤ 5★.

    The comparison is exact: pass a `Fraction` or `Decimal`
    mean, never a float, so that 49.999… stays 2★ (`STAR_BANDS`).

    Raises:
        OcopTypeError: ``score`` is a float or not a number.
        OcopValueError: ``score`` is outside 0–100.
    """
    check_score(score)
    for floor, stars in STAR_BANDS:
        if score >= floor:
            return stars
    raise AssertionError("unreachable: the last band starts at 0")  # pragma: no cover


@attrs.frozen(kw_only=True)
class Regime:
    """The rules of evaluation and recognition in force for a period (chế độ đánh giá).

    Attributes:
        id: The governing decision as written, e.g. ``"26/2026/QĐ-TTg"``.
        alias: An ASCII alias, e.g. ``"26-2026"``.
        title: What the decision is, in Vietnamese.
        effective_from: First day in force.
        effective_until: First day no longer in force for new dossiers, or ``None``.
        criteria: The id of the criteria set (Bộ tiêu chí) scored under this regime.
        chain: The levels a product passes through, lowest first.
        scoring_levels: The levels whose council scores the product (the 26/2026 commune only
            checks the dossier: art. 5).
        recognises: Stars → the level that recognises them (công nhận).
        forward_at: Level → the least mean score that sends a product on to the next level;
            ``0`` means every dossier that passes the level's check is forwarded.
        certificate_months: How long a certificate (giấy chứng nhận) is valid.
        sources: The legal references these rules come from.
    """

    id: str
    alias: str
    title: str
    effective_from: dt.date
    effective_until: dt.date | None
    criteria: str
    chain: tuple[Level, ...]
    scoring_levels: tuple[Level, ...]
    recognises: Mapping[int, Level]
    forward_at: Mapping[Level, int]
    certificate_months: int
    sources: tuple[str, ...]

    def in_force(self, on: dt.date) -> bool:
        """``True`` when this regime governs new dossiers on ``on``."""
        return self.effective_from <= on and (
            self.effective_until is None or on < self.effective_until
        )

    def recognising_level(self, stars: int) -> Level | None:
        """The level that recognises ``stars`` (``None`` for 1★ and 2★: no certificate)."""
        return self.recognises.get(stars)

    def next_level(self, level: Level) -> Level | None:
        """The level after ``level`` in the chain, or ``None`` at the top."""
        i = self.chain.index(level)
        return self.chain[i + 1] if i + 1 < len(self.chain) else None


def _levels(*names: str) -> tuple[Level, ...]:
    return tuple(Level(n) for n in names)


_C, _D, _P, _N = Level.COMMUNE, Level.DISTRICT, Level.PROVINCE, Level.NATIONAL

#: Every regime, oldest first.
REGIMES: tuple[Regime, ...] = (
    Regime(
        id="490/QĐ-TTg",
        alias="490-2018",
        title="Chương trình Mỗi xã một sản phẩm giai đoạn 2018–2020",
        effective_from=dt.date(2018, 5, 7),
        effective_until=dt.date(2023, 2, 24),
        criteria="1048/QĐ-TTg",
        chain=(_D, _P, _N),
        scoring_levels=(_D, _P, _N),
        recognises=MappingProxyType({3: _P, 4: _P, 5: _N}),
        forward_at=MappingProxyType({_D: 50, _P: 90}),
        certificate_months=36,
        sources=(
            "Quyết định 490/QĐ-TTg ngày 07/5/2018 (chu trình OCOP thường niên); article not "
            "cited: the text was not read, the levels and thresholds come from official "
            "provincial pages (docs: legal sources)",
            "Quyết định 1048/QĐ-TTg ngày 21/8/2019 (Bộ tiêu chí); article not cited: the text "
            "was not read",
        ),
    ),
    Regime(
        id="148/QĐ-TTg",
        alias="148-2023",
        title="Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP",
        effective_from=dt.date(2023, 2, 24),
        effective_until=dt.date(2025, 7, 6),
        criteria="148/QĐ-TTg",
        chain=(_D, _P, _N),
        scoring_levels=(_D, _P, _N),
        recognises=MappingProxyType({3: _D, 4: _P, 5: _N}),
        forward_at=MappingProxyType({_D: 70, _P: 90}),
        certificate_months=36,
        sources=(
            "Quyết định 148/QĐ-TTg ngày 24/02/2023 (Bộ tiêu chí và quy trình); article not "
            "cited: the decision's text was not read (its sheets were, as transcribed), the "
            "levels and thresholds come from official pages",
        ),
    ),
    Regime(
        id="1489/QĐ-TTg",
        alias="1489-2025",
        title="Sửa đổi, bổ sung Quyết định 148/QĐ-TTg (chính quyền địa phương hai cấp)",
        effective_from=dt.date(2025, 7, 6),
        effective_until=dt.date(2026, 5, 22),
        criteria="148/QĐ-TTg",
        chain=(_C, _P, _N),
        scoring_levels=(_P, _N),
        recognises=MappingProxyType({3: _P, 4: _P, 5: _N}),
        forward_at=MappingProxyType({_C: 0, _P: 90}),
        certificate_months=36,
        sources=(
            "Quyết định 1489/QĐ-TTg ngày 06/7/2025 (sửa đổi 148/QĐ-TTg for two-tier local "
            "government); article not cited: the text was not read; its procedure is taken "
            "to be the one 26/2026/QĐ-TTg art. 4–8 writes out, and messages under it cite "
            "26/2026's articles as 26/2026's",
        ),
    ),
    Regime(
        id="26/2026/QĐ-TTg",
        alias="26-2026",
        title="Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm",
        effective_from=dt.date(2026, 5, 22),
        effective_until=None,
        criteria="26/2026/QĐ-TTg",
        chain=(_C, _P, _N),
        scoring_levels=(_P, _N),
        recognises=MappingProxyType({3: _P, 4: _P, 5: _N}),
        forward_at=MappingProxyType({_C: 0, _P: 90}),
        certificate_months=36,
        sources=(
            "Quyết định 26/2026/QĐ-TTg ngày 22/5/2026, Điều 4–8 (quy trình, cấp đánh giá)",
            "Quyết định 26/2026/QĐ-TTg, Điều 11–12 (hiệu lực, chuyển tiếp)",
        ),
    ),
)

#: The ASCII alias of each criteria set (Bộ tiêu chí) a regime uses, as
#: [`ocop.rating.get_criteria_set`][ocop.rating.get_criteria_set] knows them (a test keeps the
#: two the same).
_CRITERIA_ALIASES: Mapping[str, str] = MappingProxyType(
    {"1048/QĐ-TTg": "1048-2019", "148/QĐ-TTg": "148-2023", "26/2026/QĐ-TTg": "26-2026"}
)


def _keys() -> dict[str, Regime]:
    """Each regime by its id and alias, then by the id and alias of its criteria set where
    only that regime uses the set (148/QĐ-TTg criteria serve two regimes: the name stays
    the 148 regime's own)."""
    out = {key.casefold(): r for r in REGIMES for key in (r.id, r.alias)}
    for r in REGIMES:
        if sum(1 for other in REGIMES if other.criteria == r.criteria) == 1:
            for key in (r.criteria, _CRITERIA_ALIASES[r.criteria]):
                out.setdefault(key.casefold(), r)
    return out


_BY_KEY: Mapping[str, Regime] = MappingProxyType(_keys())


def get_regime(key: str) -> Regime:
    """The regime with id or alias ``key`` (``"26/2026/QĐ-TTg"`` or ``"26-2026"``).

    A regime is also found by the id or alias of its criteria set when it is the only regime
    that uses the set: ``"1048/QĐ-TTg"`` and ``"1048-2019"`` name the 490/QĐ-TTg regime.
    Case is ignored.

    Raises:
        OcopLookupError: No regime has that id or alias; the message lists each regime's id
            with its aliases.
    """
    found = _BY_KEY.get(key.strip().casefold())
    if found is None:
        known = ", ".join(
            f"{r.id} ({', '.join(k for k in _BY_KEY if _BY_KEY[k] is r and '/' not in k)})"
            for r in REGIMES
        )
        raise OcopLookupError(f"no regime {key!r} (known: {known})")
    return found


def as_regime(regime: Regime | str) -> Regime:
    """``regime`` itself, or the regime with that id or alias
    ([`get_regime`][ocop.regimes.get_regime]).

    Raises:
        OcopTypeError: ``regime`` is neither a [`Regime`][ocop.regimes.Regime] nor a string.
        OcopLookupError: No regime has that id or alias.
    """
    if isinstance(regime, Regime):
        return regime
    if isinstance(regime, str):
        return get_regime(regime)
    raise OcopTypeError(f"'regime' must be a Regime or its id (got {type(regime).__name__})")


def regime_on(on: dt.date) -> Regime:
    """The regime that governs a new dossier on ``on``.

    Raises:
        OcopLookupError: ``on`` is before the OCOP programme (7 May 2018).
    """
    for regime in REGIMES:
        if regime.in_force(on):
            return regime
    raise OcopLookupError(
        f"no OCOP regime was in force on {on.isoformat()} (the programme "
        f"starts on {REGIMES[0].effective_from.isoformat()})"
    )


def authority_on(stars: int, on: dt.date) -> Level | None:
    """The level that recognises, and so revokes, a certificate of ``stars`` on ``on``.

    The rules in force on ``on`` decide, not those the certificate was issued under:
    26/2026/QĐ-TTg art. 8.2.a gives 3★ and 4★ to the provincial chairman and art. 8.2.b 5★ to
    the minister, so a 3★ certificate a district issued under 148/QĐ-TTg is revoked by the
    province in 2026. Under 148/QĐ-TTg (whose revocation article was not read) the level that
    recognises the stars is taken; from `DISTRICTS_ABOLISHED` a district's share goes to
    the province. ``None`` for 1★ and 2★ (no certificate).

    Raises:
        OcopLookupError: ``on`` is before the OCOP programme (7 May 2018).
    """
    level = regime_on(on).recognising_level(stars)
    if level is Level.DISTRICT and on >= DISTRICTS_ABOLISHED:
        return Level.PROVINCE
    return level


def authority_name(level: Level, on: dt.date) -> str:
    """The body that acts for ``level`` on ``on``, as messages name it.

    The national level is the agriculture ministry: the Ministry of Agriculture and
    Environment from `MINISTRY_RENAMED`, the Ministry of Agriculture and Rural
    Development before.
    """
    if level is Level.NATIONAL:
        if on >= MINISTRY_RENAMED:
            return tr("the Ministry of Agriculture and Environment")
        return tr("the Ministry of Agriculture and Rural Development")
    if level is Level.PROVINCE:
        return tr("the province")
    if level is Level.DISTRICT:
        return tr("the district")
    return tr("the commune")

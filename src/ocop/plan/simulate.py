"""A simulated year of a province's OCOP cycle, as the event log ``ocop cycle replay`` reads.

`simulate` plays a province's year: subjects of each kind (hợp tác xã, doanh nghiệp,
tổ hợp tác, hộ sản xuất có đăng ký kinh doanh) register products from the 26 product sets
(bộ sản phẩm, 26/2026/QĐ-TTg Appendix I) in the second quarter; some ideas are rejected, some
subjects withdraw; the others write and carry out their business plans, file a dossier in the
autumn and go up the chain of the regime in force when they file ([`ocop.regimes`][ocop.regimes]):
the commune's check or the district council, the provincial council, the central council. Each
council's score is computed by [`ocop.rating`][ocop.rating] from the members' score sheets on the
real criteria sheet of the product's set (the criteria set in force; where it ships no sheet for
that set, as 1048/QĐ-TTg ships only sheet 1, the 26/2026/QĐ-TTg sheet of the set), so the
stars follow the bands and the minimum-for-stars marks. Products that score too low stay at
their level ("can be improved and enter the next round", 278/KH-SNN II.5.5.a).

Every event is lawful under the replay's rules ([`ocop.cycle.advance`][ocop.cycle.advance]):
replaying a simulated log gives no error and no warning. The log is marked as simulated where the
event format allows it without warnings: every ``register`` event's note starts with
``simulated`` (`SIMULATED`), followed by the product set and the tag ``[hiện có]`` or
``[mới]`` (an existing product to upgrade, or a new one:
[`ocop.plan.indicators`][ocop.plan.indicators]). The same arguments give the same log, byte for
byte.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any

import attrs

from ocop.errors import OcopLookupError, OcopValueError
from ocop.rating import (
    Assessment,
    ScoreSheet,
    Sheet,
    classify,
    criteria_set_on,
    get_criteria_set,
    product_sets,
)
from ocop.regimes import Level, Regime, regime_on
from ocop.subjects import SubjectKind
from ocop.text import fold

__all__ = ["MAX_PRODUCTS", "SIMULATED", "Simulation", "simulate"]

#: How every simulated ``register`` note starts.
SIMULATED = "simulated"

#: The most products one simulation makes. By Dec 2025 the whole country had about 18,200
#: certified products (DOMAIN.md), a province registers a few hundred a year; 100,000 leaves
#: room for national-scale runs while the log held in memory stays near 1 GiB (about
#: 12 KiB a product).
MAX_PRODUCTS = 100_000

_QUANG_TRI = (
    "TP Đông Hà",
    "thị xã Quảng Trị",
    "huyện Vĩnh Linh",
    "huyện Gio Linh",
    "huyện Cam Lộ",
    "huyện Triệu Phong",
    "huyện Hải Lăng",
    "huyện Hướng Hóa",
    "huyện Đakrông",
)
_PLACES = (
    "An Phú",
    "Bình Minh",
    "Hòa Bình",
    "Hưng Long",
    "Phú Thịnh",
    "Tân Lập",
    "Thanh Hà",
    "Vĩnh Phúc",
    "Xuân Sơn",
    "Yên Thành",
)
_WORDS = (
    "Thành Công",
    "Hưng Thịnh",
    "Tân Tiến",
    "An Phát",
    "Minh Long",
    "Phúc An",
    "Đồng Xanh",
    "Quê Hương",
    "Sao Mai",
    "Hương Quê",
    "Thịnh Vượng",
    "Nông Sản Sạch",
)
_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Phan", "Đặng")
_GIVEN = ("Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Văn Hải", "Thị Hoa", "Văn Long")
#: Subject kinds and their weights.
_KINDS = (
    (SubjectKind.COOPERATIVE, 35),
    (SubjectKind.ENTERPRISE, 20),
    (SubjectKind.COOPERATIVE_GROUP, 10),
    (SubjectKind.HOUSEHOLD, 35),
)


@attrs.frozen(kw_only=True)
class Simulation:
    """A simulated event log and what it holds, counted as it was made.

    Attributes:
        province: The province simulated.
        year: The year simulated.
        seed: The seed; the same arguments give the same log.
        lines: The events, JSON-ready, in date order (the format of ``ocop cycle replay``).
        tally: The indicators of `ocop.plan.INDICATORS` as the simulation made them
            (counted from what it decided, not from the log), for checking a replay.
    """

    province: str
    year: int
    seed: int
    lines: tuple[Mapping[str, Any], ...]
    tally: Mapping[str, int]

    def jsonl(self) -> str:
        """The log as JSON Lines, one event a line."""
        return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in self.lines)


def _code(province: str) -> str:
    words = fold(province).split()
    return "".join(w[0] for w in words).upper() or "P"


def _score_json(mean: Fraction) -> int | str:
    if mean.denominator == 1:
        return mean.numerator
    den = mean.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    if den == 1:
        return format(Decimal(mean.numerator) / Decimal(mean.denominator), "f")
    return f"{mean.numerator}/{mean.denominator}"


_Options = list[tuple[str, list[int], dict[int, int]]]


class _Sheets:
    """Criteria sheets by (day, product set): for each criterion, its option numbers ordered
    by points and the least option of each minimum-for-stars mark."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int], tuple[Sheet, _Options]] = {}
        self._fallback = get_criteria_set("26/2026/QĐ-TTg")

    def get(self, on: dt.date, number: int) -> tuple[Sheet, _Options]:
        try:
            cs = criteria_set_on(on)
        except OcopLookupError:
            cs = self._fallback
        if number not in cs.sheet_numbers:
            cs = self._fallback
        key = (cs.id, number)
        found = self._cache.get(key)
        if found is None:
            sheet = cs.sheet(number)
            options: _Options = []
            for c in sheet.criteria:
                ordered = [o.number for o in sorted(c.options, key=lambda o: (o.points, o.number))]
                marks = {}
                for stars in (3, 4, 5):
                    mark = c.mark(stars)
                    if mark is not None:
                        marks[stars] = mark.number
                options.append((c.code, ordered, marks))
            found = (sheet, options)
            self._cache[key] = found
        return found


def _council(
    rng: random.Random, sheets: _Sheets, *, on: dt.date, number: int, quality: float, product: str
) -> tuple[Fraction, int]:
    """A council's exact mean and stars for a product of ``quality`` (0–1).

    The agreed answer to each criterion is drawn around the product's quality; a product
    aiming at 4★ or 5★ mostly meets that level's minimum marks (a producer who aims high
    works on them), which keeps the share of products lowered by a mark realistic.
    """
    sheet, options = sheets.get(on, number)
    aim = 5 if quality >= 0.9 else 4 if quality >= 0.7 else 3
    agreed: dict[str, int] = {}
    for code, ordered, marks in options:
        q = min(0.999, max(0.0, rng.gauss(quality, 0.15)))
        choice = ordered[int(q * len(ordered))]
        need = marks.get(aim)
        if need is not None and choice < need and rng.random() < 0.9:
            choice = need
        agreed[code] = choice
    members = []
    index = {code: ordered for code, ordered, _ in options}
    codes = list(index)
    for m in range(rng.randint(5, 7)):
        choices = dict(agreed)
        for code in rng.sample(codes, k=min(3, len(codes))):
            ordered = index[code]
            i = ordered.index(choices[code]) + rng.choice((-1, 1))
            if 0 <= i < len(ordered):
                choices[code] = ordered[i]
        members.append(ScoreSheet(member=f"Thành viên {m + 1}", choices=choices, chair=m == 0))
    rating = classify(Assessment(sheet=sheet, members=members, product=product, agreed=agreed))
    return rating.mean, rating.stars


_DAY = dt.timedelta(days=1)


class _Product:
    """One simulated product: its events, each on or after the one before."""

    def __init__(self, rng: random.Random, product: str, place: str) -> None:
        self.rng = rng
        self.product = product
        self.place = place
        self.local = f"UBND {place}"
        self.events: list[tuple[dt.date, dict[str, Any]]] = []

    def add(self, on: dt.date, event: str, **fields: Any) -> dt.date:
        if self.events and on < self.events[-1][0]:
            on = self.events[-1][0]
        line: dict[str, Any] = {"product": self.product, "event": event, "on": on.isoformat()}
        line.update({k: v for k, v in fields.items() if v is not None})
        self.events.append((on, line))
        return on

    def later(self, on: dt.date, low: int, high: int) -> dt.date:
        return on + _DAY * self.rng.randint(low, high)

    def develop(self, on: dt.date, year: int) -> dt.date | None:
        """Business plan, development and the dossier; ``None`` when the subject withdraws."""
        for event in ("submit_plan", "approve_plan", "start_development"):
            if self.rng.random() < 0.015:
                self.add(on, "withdraw", note="chủ thể rút hồ sơ")
                return None
            by = self.local if event == "approve_plan" else None
            on = self.add(self.later(on, 3, 15), event, by=by)
        if self.rng.random() < 0.02:
            self.add(self.later(on, 10, 40), "withdraw", note="chủ thể rút hồ sơ")
            return None
        filed = max(on + 20 * _DAY, self.later(dt.date(year, 9, 10), 0, 20))
        return self.add(filed, "file_dossier")

    def evaluate(
        self,
        on: dt.date,
        *,
        province: str,
        number: int,
        quality: float,
        sheets: _Sheets,
        tally: dict[str, int],
    ) -> None:
        """The chain of the regime in force on the filing day, as far as the scores go."""
        year = on.year
        regime = regime_on(on)
        level = regime.chain[0]
        if level is Level.COMMUNE:
            passed = self.rng.random() > 0.06
            on = self.add(self.later(on, 3, 10), "commune_check", passed=passed, by=self.local)
            if not passed:
                on = self.add(self.later(on, 5, 15), "file_dossier")
                on = self.add(self.later(on, 3, 10), "commune_check", passed=True, by=self.local)
            on = self.add(self.later(on, 1, 5), "forward", by=self.local)
            level = Level.PROVINCE
        when = {
            Level.DISTRICT: (dt.date(year, 10, 15), 25),
            Level.PROVINCE: (dt.date(year, 11, 15), 20),
            Level.NATIONAL: (dt.date(year, 12, 12), 6),
        }
        while True:
            start, spread = when[level]
            day = max(on + _DAY, self.later(start, 0, spread))
            quality = min(0.99, max(0.05, quality + self.rng.gauss(0.02, 0.03)))
            mean, stars = _council(
                self.rng, sheets, on=day, number=number, quality=quality, product=self.product
            )
            body = _body(level, self.place, province)
            score = _score_json(mean)
            on = self.add(day, "evaluate", level=level.value, score=score, stars=stars, by=body)
            if level is Level.PROVINCE and stars >= 3:
                tally["products_3star_plus_provincial"] += 1
                if stars >= 4:
                    tally["products_4to5star_provincial"] += 1
            if level is Level.NATIONAL and stars >= 4:
                tally["products_4to5star_national"] += 1
            by_level = regime.recognises.get(stars) is level
            via_ministry = level is Level.NATIONAL and stars in (3, 4) and _via_ministry(regime)
            nxt = regime.next_level(level)
            if stars >= 3 and by_level:
                authority = _authority(level, province, year)
                self.add(
                    self.later(on, 2, 6), "recognize", stars=stars, level=level.value, by=authority
                )
                tally["products_recognized"] += 1
            elif nxt is not None and mean >= regime.forward_at.get(level, 101):
                on = self.add(self.later(on, 1, 3), "forward", by=body)
                level = nxt
                continue
            elif via_ministry:
                authority = _authority(Level.PROVINCE, province, year)
                self.add(
                    self.later(on, 2, 6), "recognize", stars=stars, level="province", by=authority
                )
                tally["products_recognized"] += 1
            return


def simulate(
    *, province: str, products: int, year: int, seed: int, prefix: str | None = None
) -> Simulation:
    """Simulate ``products`` products of ``province`` through the cycle of ``year``.

    Any name is simulated, so that benchmarks can play made-up provinces; only Quảng Trị has
    its real districts, the others get invented place names. ``ocop simulate`` accepts only
    a province that exists in the simulated year ([`resolve`][ocop.units.resolve]).

    Args:
        province: The province's name, e.g. ``"Quảng Trị"``.
        products: How many products register (0 to
            [`MAX_PRODUCTS`][ocop.plan.simulate.MAX_PRODUCTS]).
        year: The year, 2019 or later (the first criteria set is of 21 Aug 2019).
        seed: The random seed.
        prefix: The start of every product code (default: the province's initials, e.g.
            ``QT``); codes are ``{prefix}-{year}-{serial:05d}``.

    Raises:
        OcopValueError: ``products`` is negative or above
            [`MAX_PRODUCTS`][ocop.plan.simulate.MAX_PRODUCTS], or ``year`` is before 2019 or after
            2100.
    """
    if isinstance(products, bool) or not isinstance(products, int) or products < 0:
        raise OcopValueError(f"'products' must be an int of 0 or more (got {products!r})")
    if products > MAX_PRODUCTS:
        raise OcopValueError(
            f"'products' must be at most {MAX_PRODUCTS:,} (got {products:,}): the whole "
            "country has about 18,200 certified products"
        )
    if isinstance(year, bool) or not isinstance(year, int) or not 2019 <= year <= 2100:
        raise OcopValueError(
            f"'year' must be from 2019 to 2100 (got {year!r}): no criteria set before "
            "1048/QĐ-TTg of 21 Aug 2019 is in the data"
        )
    rng = random.Random(f"ocop-simulate:{seed}:{province}:{year}")
    code = prefix or _code(province)
    places = (
        _QUANG_TRI
        if fold(province) == "quang tri"
        else tuple(f"{'xã' if year >= 2025 else 'huyện'} {p}" for p in _PLACES)
    )
    sets = product_sets()
    sheets = _Sheets()
    subjects = _subjects(rng, max(1, products * 7 // 10), places)
    tally = dict.fromkeys(_TALLIED, 0)
    organisations: set[str] = set()
    out: list[tuple[dt.date, int, dict[str, Any]]] = []
    for n in range(1, products + 1):
        subject, place, is_org = rng.choice(subjects)
        p = _Product(rng, f"{code}-{year}-{n:05d}", place)
        ps = rng.choice(sets)
        kind = "existing" if rng.random() < 0.85 else "new"
        tag = "[hiện có]" if kind == "existing" else "[mới]"
        on = p.add(
            p.later(dt.date(year, 4, 1), 0, 80),
            "register",
            subject=subject,
            by=p.local,
            note=f"{SIMULATED}; bộ sản phẩm {ps.sheet}: {ps.name}; {tag}",
        )
        tally["products_registered"] += 1
        if is_org:
            organisations.add(subject)
        on = p.later(on, 5, 20)
        if rng.random() < 0.12:
            p.add(on, "reject_idea", by=p.local)
            tally["ideas_rejected"] += 1
        else:
            p.add(on, "select_idea", by=p.local)
            tally["ideas_selected"] += 1
            filed = p.develop(on, year)
            if filed is not None:
                tally[f"products_{'upgraded' if kind == 'existing' else 'new'}"] += 1
                quality = min(0.97, max(0.2, rng.gauss(0.63, 0.09)))
                p.evaluate(
                    filed,
                    province=province,
                    number=ps.sheet,
                    quality=quality,
                    sheets=sheets,
                    tally=tally,
                )
        out.extend((when, len(out) + i, line) for i, (when, line) in enumerate(p.events))
    tally["economic_organisations_participating"] = len(organisations)
    out.sort(key=lambda x: (x[0], x[1]))
    return Simulation(
        province=province,
        year=year,
        seed=seed,
        lines=tuple(line for _, _, line in out),
        tally=MappingProxyType(tally),
    )


_TALLIED = (
    "products_registered",
    "ideas_selected",
    "ideas_rejected",
    "products_3star_plus_provincial",
    "products_4to5star_provincial",
    "products_4to5star_national",
    "products_recognized",
    "economic_organisations_participating",
    "products_upgraded",
    "products_new",
)


def _subjects(
    rng: random.Random, count: int, places: tuple[str, ...]
) -> list[tuple[str, str, bool]]:
    seen: set[str] = set()
    out: list[tuple[str, str, bool]] = []
    weights = [w for _, w in _KINDS]
    while len(out) < count:
        kind, _ = rng.choices(_KINDS, weights=weights)[0]
        is_org = kind.is_economic_organisation
        place = rng.choice(places)
        short = _short(place)
        if kind is SubjectKind.COOPERATIVE:
            name = f"HTX {rng.choice(('Nông nghiệp', 'Dịch vụ nông nghiệp', 'Sản xuất'))} {short}"
        elif kind is SubjectKind.ENTERPRISE:
            name = f"Công ty TNHH {rng.choice(_WORDS)} {short}"
        elif kind is SubjectKind.COOPERATIVE_GROUP:
            name = f"Tổ hợp tác {rng.choice(_WORDS)} {short}"
        else:
            name = f"Hộ kinh doanh {rng.choice(_SURNAMES)} {rng.choice(_GIVEN)}"
        if name in seen:
            name = f"{name} {len(out) + 1}"
        seen.add(name)
        out.append((name, place, is_org))
    return out


def _short(place: str) -> str:
    for head in ("TP ", "thị xã ", "huyện ", "xã "):
        if place.startswith(head):
            return place[len(head) :]
    return place


def _via_ministry(regime: Regime) -> bool:
    return regime.id == "26/2026/QĐ-TTg"


def _body(level: Level, place: str, province: str) -> str:
    if level is Level.DISTRICT:
        return f"Hội đồng đánh giá, phân hạng sản phẩm OCOP {place}"
    if level is Level.PROVINCE:
        return f"Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh {province}"
    return "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương"


def _authority(level: Level, province: str, year: int) -> str:
    if level is Level.NATIONAL:
        return (
            "Bộ Nông nghiệp và Môi trường"
            if year >= 2025
            else "Bộ Nông nghiệp và Phát triển nông thôn"
        )
    if level is Level.DISTRICT:
        return "UBND cấp huyện"
    return f"UBND tỉnh {province}"

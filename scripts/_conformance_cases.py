"""The inputs of the conformance cases, built systematically, with the reference each tests.

Only inputs are made here; ``build_conformance.py`` asks the library for every expected output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from ocop.money import in_words
from ocop.rating import Criterion, Sheet, criteria_sets
from ocop.regimes import band_stars


@attrs.frozen
class Spec:
    """A case without its expected output."""

    id: str
    reference: str
    input: dict[str, Any]


# --------------------------------------------------------------------------- money

_READING = "Vietnamese number reading (cách đọc số)"
_FIGURES = "Vietnamese figures: dots between thousands, decimal comma (278/KH-SNN tables)"

#: Numbers whose reading exercises each rule: linh, mốt, tư, lăm, mười, không trăm, scales.
WORD_NUMBERS = (
    0, 1, 4, 5, 10, 11, 14, 15, 20, 21, 24, 25, 31, 44, 55, 90, 99, 100, 101, 104, 105, 110,
    111, 114, 115, 121, 124, 125, 200, 205, 999, 1000, 1001, 1005, 1010, 1015, 1021, 1105,
    2024, 10000, 10005, 15000, 21000, 100000, 100005, 105000, 1000000, 1000001, 1000100,
    1001000, 1005000, 2000024, 10**9, 10**9 + 1, 10**9 + 10**6, 1_005_000_000, 6_422_330_000,
    6_422_000_000, 999_999_999_999, 10**12, 10**12 + 5, 1_000_005_000_000, 10**15, 10**18,
    10**18 + 10**9, 123_456_789_012_345, -105, -2024,
)  # fmt: skip


def _rules_of(words: str) -> list[str]:
    tokens = words.split()
    rules = []
    for token, rule in (
        ("linh", "'linh' for an empty tens place"),
        ("lẻ", "'lẻ' for an empty tens place"),
        ("mốt", "'mốt' for 1 after 'mươi'"),
        ("tư", "'tư' for 4 after 'mươi'"),
        ("lăm", "'lăm' for 5 after a ten"),
        ("mười", "'mười' for the ten"),
        ("ngàn", "'ngàn' for 'nghìn'"),
        ("âm", "'âm' for minus"),
    ):
        if token in tokens:
            rules.append(rule)
    if "không trăm" in words:
        rules.append("'không trăm' for an empty hundreds place inside a number")
    scales = [s for s in ("nghìn", "ngàn", "triệu", "tỷ") if s in tokens]
    if scales:
        rules.append("scale words " + ", ".join(dict.fromkeys(scales)))
    return rules or ["digits"]


def _reading_ref(words: str) -> str:
    return f"{_READING}: " + "; ".join(_rules_of(words))


def money_cases() -> Iterator[Spec]:
    for n in WORD_NUMBERS:
        words = in_words(n)
        yield Spec(f"money.in_words.{n}", _reading_ref(words), {"op": "in_words", "number": str(n)})
        variants: list[tuple[str, dict[str, Any]]] = []
        if "linh" in words.split():
            variants.append(("le", {"linh": "lẻ"}))
        if "nghìn" in words.split():
            variants.append(("ngan", {"thousand": "ngàn"}))
        if n in (105, 2024, 6_422_330_000, 1_000_005_000_000):
            variants.append(("dong-capitalized", {"dong": True, "capitalize": True}))
        for name, options in variants:
            text = in_words(n, **options)
            yield Spec(
                f"money.in_words.{n}.{name}",
                _reading_ref(text)
                + ("; 'Bằng chữ' line: capital, 'đồng'" if "dong" in name else ""),
                {"op": "in_words", "number": str(n), **options},
            )
        for name, text in [("", words), *((f".{v}", in_words(n, **o)) for v, o in variants)]:
            yield Spec(
                f"money.parse_words.{n}{name}",
                _reading_ref(text) + " (read back)",
                {"op": "parse_words", "text": text},
            )
    colloquial = {
        "bang-chu": "Bằng chữ: Sáu tỷ, bốn trăm hai mươi hai triệu đồng",
        "chan": "Hai nghìn không trăm hai mươi tư đồng chẵn",
        "nham": "hai mươi nhăm",
        "ti": "ba tỉ",
        "bay": "bẩy trăm",
        "digits-with-scales": "6 tỷ 422 triệu",
        "chuc": "hai chục",
        "capitals": "MỘT TRĂM LINH NĂM",
        "bon-after-muoi": "hai mươi bốn",
        "ngan-le": "hai ngàn lẻ năm",
    }
    for name, text in colloquial.items():
        yield Spec(
            f"money.parse_words.written.{name}",
            f"{_READING}: as documents write it ({text!r})",
            {"op": "parse_words", "text": text},
        )
    refused = {
        "tram-nam-ambiguous": "một trăm năm",
        "muoi-muoi": "mười mươi",
        "mot-muoi": "một mươi",
        "bare-tram": "trăm",
        "bare-scale": "nghìn",
        "two-digits": "hai ba",
        "nghin-nghin": "một nghìn nghìn",
        "unknown-word": "năm con gà",
        "empty": "đồng",
        "linh-two": "một trăm linh hai ba",
    }
    for name, text in refused.items():
        yield Spec(
            f"money.parse_words.refused.{name}",
            f"{_READING}: {text!r} cannot be read for certain, so it is refused",
            {"op": "parse_words", "text": text},
        )
    amounts = (0, 1500, 999, 2500, 1_000_000, 6_422_330_000, 1_234_567, -1_500_000, 10**15)
    for dong in amounts:
        for unit in ("dong", "thousand", "million", "billion"):
            for places in (None, 0, 2):
                if unit == "dong" and places == 2:
                    continue
                yield Spec(
                    f"money.format_amount.{dong}.{unit}.{'exact' if places is None else places}",
                    f"{_FIGURES}; unit {unit}"
                    + ("" if places is None else f", {places} decimals, half up"),
                    {"op": "format_amount", "dong": str(dong), "unit": unit, "places": places},
                )
    figures = {
        "dots-thousand": ("6.422.330", "thousand"),
        "comma-million": ("6.422,33 triệu đồng", "dong"),
        "plain": ("6422330000", "dong"),
        "spaces": ("6 422 330", "thousand"),
        "unit-1000-dong": ("1.000 đồng", "million"),
        "dong-suffix": ("6.422.330 đồng", "thousand"),
        "ty": ("6,5 tỷ đồng", "dong"),
        "minus": ("-1.500", "thousand"),
        "d-suffix": ("100.000đ", "dong"),
        "vnd": ("250.000 VNĐ", "thousand"),
        "nghin-dong": ("1.500 nghìn đồng", "dong"),
    }
    for name, (text, unit) in figures.items():
        yield Spec(
            f"money.parse_amount.{name}",
            f"{_FIGURES}: {text!r} in {unit}",
            {"op": "parse_amount", "text": text, "unit": unit},
        )
    bad_figures = {
        "misplaced-dots": ("6.42.330", "dong"),
        "fraction-of-dong": ("12,5", "dong"),
        "fraction-in-thousand": ("6,4223 nghìn đồng", "dong"),
        "words": ("sáu triệu", "dong"),
        "trailing-group": ("1.000.00", "dong"),
        "point-decimal": ("6422.5", "thousand"),
    }
    for name, (text, unit) in bad_figures.items():
        yield Spec(
            f"money.parse_amount.refused.{name}",
            f"{_FIGURES}: {text!r} is not a whole number of đồng written that way: refused",
            {"op": "parse_amount", "text": text, "unit": unit},
        )


# --------------------------------------------------------------------------- timetable

_HOLIDAYS = "public holidays of the Labour Code 2019 art. 112 (Tết, Hùng Kings, 30/4, 1/5, 2/9)"
_ART_7_2 = "26/2026/QĐ-TTg art. 7.2: the commune checks within 15 working days"


def _days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def timetable_cases() -> Iterator[Spec]:
    d = dt.date
    spans = {
        "tet-2026": (d(2026, 2, 12), d(2026, 2, 24)),
        "hung-kings-30-4-2026": (d(2026, 4, 24), d(2026, 5, 4)),
        "national-day-2026": (d(2026, 8, 28), d(2026, 9, 3)),
        "tet-2027": (d(2027, 2, 1), d(2027, 2, 12)),
        "labour-day-2027": (d(2027, 4, 29), d(2027, 5, 4)),
        "tet-2028": (d(2028, 1, 21), d(2028, 2, 1)),
    }
    for name, (first, last) in spans.items():
        for day in _days(first, last):
            yield Spec(
                f"timetable.is_working_day.{name}.{day.isoformat()}",
                _HOLIDAYS,
                {"op": "is_working_day", "day": day.isoformat()},
            )
    for name, (first, last) in spans.items():
        for day in _days(first - dt.timedelta(days=21), last):
            if day.weekday() == 4 or day in (first, last):
                yield Spec(
                    f"timetable.commune_check_due.{name}.{day.isoformat()}",
                    f"{_ART_7_2}; {_HOLIDAYS}",
                    {"op": "commune_check_due", "filed": day.isoformat()},
                )
        yield Spec(
            f"timetable.working_days_between.{name}",
            _HOLIDAYS,
            {
                "op": "working_days_between",
                "start": (first - dt.timedelta(days=7)).isoformat(),
                "end": (last + dt.timedelta(days=7)).isoformat(),
            },
        )
    for start, days in ((d(2026, 2, 13), 0), (d(2026, 2, 13), 1), (d(2026, 12, 31), 30)):
        yield Spec(
            f"timetable.add_working_days.{start.isoformat()}.{days}",
            _HOLIDAYS,
            {"op": "add_working_days", "start": start.isoformat(), "days": days},
        )
    cutoffs = {
        "province_batch": (
            "26/2026/QĐ-TTg art. 5.1: proposals before 30 April are finished before 30 June, "
            "before 30 October before 30 December",
            [(4, 30), (10, 30)],
        ),
        "ministry_batch": (
            "26/2026/QĐ-TTg art. 5.2: proposals before 30 January are finished before 30 March, "
            "before 30 July before 30 September",
            [(1, 30), (7, 30)],
        ),
    }
    for op, (ref, days) in cutoffs.items():
        for year in (2026, 2027):
            probes = {d(year, 1, 1), d(year, 12, 31)}
            for month, day in days:
                cut = d(year, month, day)
                probes |= {cut - dt.timedelta(days=1), cut, cut + dt.timedelta(days=1)}
            for probe in sorted(probes):
                yield Spec(
                    f"timetable.{op}.{probe.isoformat()}",
                    ref,
                    {"op": op, "forwarded": probe.isoformat()},
                )
    for expires in (d(2027, 1, 15), d(2028, 2, 29), d(2029, 5, 31), d(2029, 12, 31)):
        yield Spec(
            f"timetable.re_evaluation_window.{expires.isoformat()}",
            "26/2026/QĐ-TTg art. 7.6.a: filed from 180 to 120 days before the expiry",
            {"op": "re_evaluation_window", "expires": expires.isoformat()},
        )


# --------------------------------------------------------------------------- rating

_BANDS = "1★ < 30 ≤ 2★ < 50 ≤ 3★ < 70 ≤ 4★ < 90 ≤ 5★ by the mean score"
_COUNCIL = "council's rules (quy chế, set by the province: 26/2026/QĐ-TTg art. 7.3.b)"


def _sheet_ref(sheet: Sheet) -> str:
    appendix = "Phụ lục II" if sheet.criteria_set.startswith("26/") else "Phụ lục"
    return f"{sheet.criteria_set} {appendix}, phiếu {sheet.number}"


def _band_ref(sheet: Sheet) -> str:
    article = (
        "26/2026/QĐ-TTg art. 3.3" if sheet.criteria_set.startswith("26/") else sheet.criteria_set
    )
    return f"{_sheet_ref(sheet)}; {_BANDS} ({article})"


def _floor(c: Criterion, level: int) -> int:
    """The least option meeting every mark of ``c`` up to ``level`` (0: none needed)."""
    marked = [o.number for o in c.options if o.stars is not None and o.stars <= level]
    return max(marked, default=0)


def _choice_points(c: Criterion) -> list[tuple[int, int]]:
    return [(0, 0)] + [(o.number, o.points) for o in c.options]


def choices_for_total(
    sheet: Sheet,
    total: int,
    *,
    level: int,
    below: tuple[str, int] | None = None,
) -> dict[str, int] | None:
    """Choices worth exactly ``total`` that meet every mark up to ``level``.

    ``below`` = (code, option): that criterion is held below ``option`` instead (to miss a
    mark). ``None`` when no choices make that total.
    """
    criteria = sheet.criteria
    allowed: list[list[tuple[int, int]]] = []
    for c in criteria:
        opts = _choice_points(c)
        if below is not None and c.code == below[0]:
            opts = [(n, p) for n, p in opts if n < below[1]]
        else:
            floor = _floor(c, level)
            opts = [(n, p) for n, p in opts if n >= floor]
        allowed.append(opts)
    # reach[i]: totals reachable with criteria i.. onwards.
    reach: list[set[int]] = [set() for _ in range(len(criteria) + 1)]
    reach[-1] = {0}
    for i in range(len(criteria) - 1, -1, -1):
        reach[i] = {p + t for _, p in allowed[i] for t in reach[i + 1] if p + t <= total}
    if total not in reach[0]:
        return None
    out: dict[str, int] = {}
    left = total
    for i, c in enumerate(criteria):
        # The best option that still lets the rest make up the total.
        for n, p in sorted(allowed[i], key=lambda np: (-np[1], -np[0])):
            if left - p in reach[i + 1]:
                out[c.code] = n
                left -= p
                break
    return out


def _best(sheet: Sheet) -> dict[str, int]:
    return {
        c.code: max(_choice_points(c), key=lambda np: (np[1], np[0]))[0] for c in sheet.criteria
    }


def _doc(sheet: Sheet, members: list[dict[str, int]], **extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "criteria": sheet.criteria_set,
        "sheet": sheet.number,
        **extra,
        "members": [
            {"name": f"Thành viên {i + 1}", **({"chair": True} if i == 0 else {}), "choices": c}
            for i, c in enumerate(members)
        ],
    }
    return {"assessment": doc}


def _members_for(sheet: Sheet, totals: list[int]) -> list[dict[str, int]] | None:
    level = band_stars(max(totals))
    out = []
    for t in totals:
        found = choices_for_total(sheet, t, level=level) or choices_for_total(
            sheet, t, level=band_stars(t)
        )
        if found is None:
            return None
        out.append(found)
    return out


def _mark_ref(sheet: Sheet, code: str, stars: int) -> str:
    return (
        f"{_sheet_ref(sheet)}, tiêu chí {code}: dấu sao {'*' * stars}, the least option for "
        f"{stars}★; missed, it lowers the stars"
    )


def _missed(sheet: Sheet, code: str, option: int, stars: int) -> dict[str, int] | None:
    """Choices missing only the mark (``code``, ``option``), with the highest total that
    keeps the band at ``stars`` or above."""
    top = sum(max(p for _, p in _choice_points(c)) for c in sheet.criteria)
    for total in range(top, 0, -1):
        if band_stars(total) < stars:
            return None
        found = choices_for_total(sheet, total, level=5, below=(code, option))
        if found is not None:
            return found
    return None


def _sheet_cases(sheet: Sheet, alias: str, *, every_mark: bool) -> Iterator[Spec]:
    base = f"rating.{alias}.sheet-{sheet.number:02d}"
    best = _best(sheet)
    yield Spec(f"{base}.best", _band_ref(sheet) + "; totals", _doc(sheet, [best]))
    none = {c.code: 0 for c in sheet.criteria}
    yield Spec(f"{base}.none-met", _band_ref(sheet) + "; totals", _doc(sheet, [none]))
    for b in (30, 50, 70, 90):
        for name, total in (("at", b), ("below", b - 1)):
            members = _members_for(sheet, [total])
            if members is not None:
                yield Spec(f"{base}.band-{b}.{name}", _band_ref(sheet), _doc(sheet, members))
    levels_seen: set[int] = set()
    for c in sheet.criteria:
        for o in c.options:
            if o.stars is None or (not every_mark and o.stars in levels_seen):
                continue
            found = _missed(sheet, c.code, o.number, o.stars)
            if found is not None:
                levels_seen.add(o.stars)
                yield Spec(
                    f"{base}.mark-{c.code}-{o.stars}.missed",
                    _mark_ref(sheet, c.code, o.stars),
                    _doc(sheet, [found]),
                )


def _mean_cases(sheet: Sheet, alias: str) -> Iterator[Spec]:
    base = f"rating.{alias}.sheet-{sheet.number:02d}.mean"
    for b in (30, 50, 70, 90):
        for name, totals in (("at", [b - 1, b + 1]), ("below", [b - 1, b])):
            members = _members_for(sheet, totals)
            assert members is not None
            yield Spec(
                f"{base}.{b}.{name}",
                _band_ref(sheet)
                + f"; the exact mean of the members' totals is {'=' if name == 'at' else '<'} {b}",
                _doc(sheet, members),
            )
    members = _members_for(sheet, [49, 50, 50, 50, 50, 50, 50])
    assert members is not None
    yield Spec(
        f"{base}.349-7",
        _band_ref(sheet) + "; the mean 349/7 = 49.857… is exact, never rounded up to 50",
        _doc(sheet, members),
    )


def _council_cases(sheet: Sheet, alias: str) -> Iterator[Spec]:
    base = f"rating.{alias}.sheet-{sheet.number:02d}.council"
    spread_ref = f"{_COUNCIL}: members' totals at most 10 points apart by default"
    for name, totals, rules in (
        ("spread-10", [60, 65, 70], None),
        ("spread-11", [60, 65, 71], None),
        ("spread-off", [40, 60, 80], {"max_spread": None}),
        ("spread-5", [60, 62, 66], {"max_spread": 5}),
    ):
        members = _members_for(sheet, totals)
        assert members is not None
        extra = {} if rules is None else {"rules": rules}
        yield Spec(f"{base}.{name}", spread_ref, _doc(sheet, members, **extra))
    quorum_ref = f"{_COUNCIL}: a quorum of 3/4 of the members, the chair among them, by default"
    members = _members_for(sheet, [72] * 4)
    assert members is not None
    for name, present, size, chair, rules in (
        ("quorum-4-of-5", 4, 5, True, None),
        ("quorum-3-of-5", 3, 5, True, None),
        ("quorum-3-of-4", 3, 4, True, None),
        ("chair-absent", 4, 5, False, None),
        ("chair-not-required", 4, 5, False, {"chair_required": False}),
        ("quorum-3-5", 3, 5, True, {"quorum": "3/5"}),
        ("more-than-council", 4, 3, True, None),
    ):
        doc = _doc(sheet, members[:present], council_size=size)
        if rules is not None:
            doc["assessment"]["rules"] = rules
        if not chair:
            del doc["assessment"]["members"][0]["chair"]
        yield Spec(f"{base}.{name}", quorum_ref, doc)
    doc = _doc(sheet, members[:3])
    doc["assessment"]["members"][1]["chair"] = True
    yield Spec(f"{base}.two-chairs", f"{_COUNCIL}: one chair", doc)
    marked = [(c, o) for c in sheet.criteria for o in c.options if o.stars == 5]
    if marked:
        c, o = marked[0]
        good = choices_for_total(sheet, 95, level=5)
        missed = None
        for total in range(95, 85, -1):
            missed = choices_for_total(sheet, total, level=5, below=(c.code, o.number))
            if missed is not None:
                break
        if good is not None and missed is not None:
            ref = (
                f"{_sheet_ref(sheet)}, tiêu chí {c.code} (dấu sao *****): marks judged on "
                "the council's agreed answers or on each member's sheet (a setting: no "
                "national text says which)"
            )
            for basis in ("agreed", "each_member"):
                yield Spec(
                    f"{base}.marks-on-{basis}",
                    ref,
                    _doc(sheet, [good, good, missed], rules={"marks_on": basis}),
                )
            yield Spec(
                f"{base}.agreed-sheet-stated",
                ref + "; the stated agreed sheet decides",
                _doc(sheet, [good, good, good], agreed=missed),
            )


def _invalid_cases(sheet: Sheet, alias: str) -> Iterator[Spec]:
    base = f"rating.{alias}.sheet-{sheet.number:02d}.invalid"
    ref = f"{_sheet_ref(sheet)}: every choice names a criterion of the sheet and one of its options"
    best = _best(sheet)
    first = sheet.criteria[0]
    yield Spec(f"{base}.unknown-criterion", ref, _doc(sheet, [{**best, "99.9": 1}]))
    yield Spec(
        f"{base}.option-range",
        ref,
        _doc(sheet, [{**best, first.code: len(first.options) + 1}]),
    )
    missing = dict(best)
    del missing[first.code]
    yield Spec(f"{base}.missing-criterion", ref, _doc(sheet, [missing]))
    yield Spec(f"{base}.no-members", ref, _doc(sheet, []))
    doc = _doc(sheet, [best, best])
    doc["assessment"]["members"][1]["name"] = doc["assessment"]["members"][0]["name"]
    yield Spec(f"{base}.duplicate-member", ref, doc)


def rating_cases() -> Iterator[Spec]:
    for cset in criteria_sets():
        current = cset is criteria_sets()[-1]
        for sheet in cset.sheets:
            yield from _sheet_cases(sheet, cset.alias, every_mark=current)
        first = cset.sheet(cset.sheet_numbers[0])
        yield from _mean_cases(first, cset.alias)
        yield from _council_cases(first, cset.alias)
        yield from _invalid_cases(first, cset.alias)
    cset = criteria_sets()[-1]
    best = _best(cset.sheet(1))
    yield Spec(
        "rating.unknown-sheet",
        f"{cset.id} Phụ lục II: 26 sheets",
        {
            "assessment": {
                "criteria": cset.id,
                "sheet": 27,
                "members": [{"name": "A", "choices": best}],
            }
        },
    )
    yield Spec(
        "rating.unknown-criteria-set",
        "criteria sets 1048/QĐ-TTg, 148/QĐ-TTg, 26/2026/QĐ-TTg",
        {
            "assessment": {
                "criteria": "999/QĐ-TTg",
                "sheet": 1,
                "members": [{"name": "A", "choices": best}],
            }
        },
    )


# --------------------------------------------------------------------------- cycle

Ev = dict[str, Any]


class _Log:
    """An event log of one product, written step by step with dates."""

    def __init__(self, product: str) -> None:
        self.product = product
        self.events: list[Ev] = []

    def add(self, kind: str, on: dt.date, **fields: Any) -> _Log:
        self.events.append({"product": self.product, "event": kind, "on": on.isoformat(), **fields})
        return self

    def develop(self, start: dt.date) -> _Log:
        """Registration to development, a week a step."""
        week = dt.timedelta(days=7)
        self.add("register", start, subject="HTX Cam Thủy")
        for i, kind in enumerate(
            ("select_idea", "submit_plan", "approve_plan", "start_development")
        ):
            self.add(kind, start + week * (i + 1))
        return self


def _cycle_spec(name: str, reference: str, *logs: _Log) -> Spec:
    events = [e for log in logs for e in log.events]
    return Spec(f"cycle.{name}", reference, {"events": events})


_R490 = "490/QĐ-TTg and 1048/QĐ-TTg (1048 era): district → province → central"
_R148 = "148/QĐ-TTg: district recognises 3★, province 4★, central 5★"
_R1489 = "1489/QĐ-TTg: commune checks, province recognises 3–4★, the ministry 5★"
_R26 = "26/2026/QĐ-TTg"


def cycle_cases() -> Iterator[Spec]:
    d = dt.date
    # -- 490/1048 era
    start = d(2019, 4, 1)
    log = _Log("QT-2019-01").develop(start)
    log.add("file_dossier", d(2019, 10, 1)).add(
        "evaluate", d(2019, 10, 15), level="district", score=72
    )
    log.add("forward", d(2019, 10, 20)).add(
        "evaluate", d(2019, 11, 15), level="province", score="75.5"
    )
    log.add("recognize", d(2019, 12, 1), stars=4, level="province")
    yield _cycle_spec("490.recognised-4-by-province", f"{_R490}; province recognises 3–4★", log)
    log = _Log("QT-2019-02").develop(start)
    log.add("file_dossier", d(2019, 10, 1)).add(
        "evaluate", d(2019, 10, 15), level="district", score=45
    )
    log.add("forward", d(2019, 10, 20))
    yield _cycle_spec(
        "490.forward-below-50-refused", f"{_R490}; district forwards at ≥ 50 points", log
    )
    log = _Log("QT-2019-03").develop(start)
    log.add("file_dossier", d(2019, 10, 1)).add(
        "evaluate", d(2019, 10, 15), level="district", score=60
    )
    log.add("recognize", d(2019, 10, 20), stars=3, level="district")
    yield _cycle_spec(
        "490.district-recognises-refused", f"{_R490}; the district recognises nothing", log
    )
    log = _Log("QT-2019-04").develop(start)
    log.add("file_dossier", d(2019, 10, 1)).add(
        "evaluate", d(2019, 10, 15), level="district", score=93
    )
    log.add("forward", d(2019, 10, 20)).add("evaluate", d(2019, 11, 15), level="province", score=92)
    log.add("recognize", d(2019, 11, 20), stars=5, level="province")
    log.add("forward", d(2019, 11, 25)).add("evaluate", d(2020, 3, 1), level="national", score=91)
    log.add("recognize", d(2020, 3, 15), stars=5, level="national")
    yield _cycle_spec(
        "490.five-stars-central", f"{_R490}; 5★ recognised by the central level only", log
    )
    log = _Log("QT-2019-05").develop(start)
    log.add("file_dossier", d(2019, 10, 1)).add(
        "evaluate", d(2019, 10, 15), level="commune", score=70
    )
    log.add("evaluate", d(2019, 10, 16), level="district", score=69, stars=4)
    yield _cycle_spec(
        "490.commune-and-stars-above-band-refused",
        f"{_R490}; no commune council; stars never above the band of the score",
        log,
    )
    # -- 148
    start = d(2023, 3, 1)
    log = _Log("QT-2023-01").develop(start)
    log.add("file_dossier", d(2023, 5, 1)).add(
        "evaluate", d(2023, 6, 1), level="district", score=62
    )
    log.add("recognize", d(2023, 6, 15), stars=3, level="district")
    log.add("expire", d(2026, 6, 1)).add("expire", d(2026, 6, 15)).add("expire", d(2026, 6, 16))
    yield _cycle_spec(
        "148.district-recognises-3-then-expires",
        f"{_R148}; the certificate lasts 36 months (148/QĐ-TTg)",
        log,
    )
    log = _Log("QT-2023-02").develop(start)
    log.add("file_dossier", d(2023, 5, 1)).add(
        "evaluate", d(2023, 6, 1), level="district", score=65
    )
    log.add("forward", d(2023, 6, 2)).add("withdraw", d(2023, 6, 3))
    yield _cycle_spec("148.forward-below-70-refused", f"{_R148}; district forwards at ≥ 70", log)
    log = _Log("QT-2023-03").develop(start)
    log.add("file_dossier", d(2023, 5, 1)).add(
        "evaluate", d(2023, 6, 1), level="district", score=72
    )
    log.add("forward", d(2023, 6, 2)).add("evaluate", d(2023, 8, 1), level="province", score=66)
    log.add("recognize", d(2023, 8, 10), stars=3, level="province")
    log.add("recognize", d(2023, 8, 11), stars=3, level="district")
    yield _cycle_spec("148.province-cannot-recognise-3", f"{_R148}", log)
    log = _Log("QT-2023-04").develop(start)
    log.add("file_dossier", d(2023, 5, 1)).add(
        "evaluate", d(2023, 6, 1), level="district", score=80
    )
    log.add("forward", d(2023, 6, 2)).add("evaluate", d(2023, 8, 1), level="province", score=82)
    log.add("recognize", d(2023, 8, 10), stars=4, level="province")
    log.add("revoke", d(2024, 1, 10), ground="false_dossier", level="district")
    log.add("revoke", d(2024, 1, 11), ground="false_dossier", level="province")
    yield _cycle_spec(
        "148.revoke-by-recognising-level", f"{_R148}; revoked by the level that recognised", log
    )
    # 148 → 1489: a dossier filed under 148 keeps its rules, but there are no districts
    # from 1 July 2025.
    log = _Log("QT-2025-01").develop(d(2025, 3, 1))
    log.add("file_dossier", d(2025, 6, 1)).add(
        "evaluate", d(2025, 7, 20), level="district", score=61
    )
    log.add("recognize", d(2025, 8, 1), stars=3, level="district")
    yield _cycle_spec(
        "148-to-1489.no-district-after-two-tiers",
        f"{_R148}; local government has two tiers (province, commune) from 1 July 2025: no "
        "district evaluation from that day",
        log,
    )
    log = _Log("QT-2025-04").develop(d(2025, 3, 1))
    log.add("file_dossier", d(2025, 6, 1)).add(
        "evaluate", d(2025, 6, 20), level="district", score=61
    )
    log.add("recognize", d(2025, 6, 27), stars=3, level="district")
    yield _cycle_spec(
        "148-to-1489.district-before-two-tiers",
        f"{_R148}; the district still recognises 3★ before 1 July 2025",
        log,
    )
    # -- 1489
    start = d(2025, 8, 1)
    log = _Log("QT-2025-02").develop(start)
    log.add("file_dossier", d(2025, 10, 1)).add("commune_check", d(2025, 10, 10), passed=True)
    log.add("forward", d(2025, 10, 12)).add("evaluate", d(2025, 12, 1), level="province", score=80)
    log.add("recognize", d(2025, 12, 10), stars=4, level="province")
    yield _cycle_spec("1489.province-recognises-4", _R1489, log)
    log = _Log("QT-2025-03").develop(start)
    log.add("file_dossier", d(2025, 10, 1)).add(
        "evaluate", d(2025, 10, 5), level="commune", score=70
    )
    log.add("evaluate", d(2025, 10, 6), level="district", score=70)
    log.add("commune_check", d(2025, 10, 10), passed=False)
    log.add("file_dossier", d(2025, 10, 20)).add("commune_check", d(2025, 10, 25))
    yield _cycle_spec(
        "1489.no-district-no-commune-council",
        f"{_R1489}; the commune checks, it does not score",
        log,
    )
    # -- 26/2026
    start = d(2026, 6, 1)
    log = _Log("QT-2026-01").develop(start)
    log.add("file_dossier", d(2026, 8, 3)).add("commune_check", d(2026, 8, 14), passed=True)
    log.add("forward", d(2026, 8, 17)).add("evaluate", d(2026, 11, 20), level="province", score=92)
    log.add("forward", d(2026, 11, 25)).add("evaluate", d(2027, 3, 10), level="national", score=85)
    log.add("recognize", d(2027, 3, 20), stars=4, level="province")
    yield _cycle_spec(
        "26-2026.province-recognises-on-ministry-result",
        f"{_R26} art. 7.4: below 90 at the ministry, the province may recognise 3–4★ on "
        "that result",
        log,
    )
    log = _Log("QT-2026-02").develop(start)
    log.add("file_dossier", d(2026, 8, 3)).add("commune_check", d(2026, 8, 14))
    log.add("forward", d(2026, 8, 17)).add("evaluate", d(2026, 11, 20), level="province", score=95)
    log.add("recognize", d(2026, 11, 25), stars=5, level="province")
    log.add("forward", d(2026, 11, 26)).add("evaluate", d(2027, 3, 10), level="national", score=93)
    log.add("recognize", d(2027, 3, 20), stars=5, level="national")
    log.add("upgrade", d(2027, 6, 1))
    yield _cycle_spec(
        "26-2026.ministry-recognises-5",
        f"{_R26} art. 4–7: the ministry recognises 5★; a 5★ product cannot be upgraded",
        log,
    )
    log = _Log("QT-2026-03").develop(start)
    log.add("file_dossier", d(2026, 8, 3)).add("commune_check", d(2026, 8, 14))
    log.add("forward", d(2026, 8, 17)).add("evaluate", d(2026, 11, 20), level="province", score=45)
    log.add("recognize", d(2026, 11, 25), stars=2, level="province")
    log.add("forward", d(2026, 11, 26))
    yield _cycle_spec(
        "26-2026.no-certificate-below-3",
        f"{_R26} art. 4: 1★ and 2★ get no certificate; the province forwards at ≥ 90",
        log,
    )
    log = _Log("QT-2026-04").develop(start)
    log.add("file_dossier", d(2026, 8, 3)).add("commune_check", d(2026, 8, 14))
    log.add("forward", d(2026, 8, 17)).add("evaluate", d(2026, 11, 20), level="province", score=75)
    log.add("recognize", d(2026, 11, 25), stars=4, level="province")
    log.add("revoke", d(2027, 5, 1), ground="production_stopped", level="national")
    log.add("revoke", d(2027, 5, 2), level="province")
    log.add("revoke", d(2027, 5, 3), ground="mark_misuse", level="province")
    yield _cycle_spec(
        "26-2026.revocation", f"{_R26} art. 8: grounds, and the level that revokes", log
    )
    log = _Log("QT-2026-05").develop(start)
    log.add("file_dossier", d(2026, 8, 3)).add("commune_check", d(2026, 8, 14))
    log.add("forward", d(2026, 8, 17)).add("evaluate", d(2026, 11, 20), level="province", score=75)
    log.add("recognize", d(2026, 11, 25), stars=4, level="province")
    log.add("expire", d(2029, 11, 1)).add("expire", d(2029, 11, 25)).add("expire", d(2029, 11, 26))
    yield _cycle_spec("26-2026.expiry", f"{_R26}: a certificate lasts 36 months", log)
    log = _Log("QT-2026-06").develop(start)
    log.add("file_dossier", d(2026, 8, 3)).add("commune_check", d(2026, 8, 14))
    log.add("forward", d(2026, 8, 17)).add("evaluate", d(2026, 11, 20), level="province", score=75)
    log.add("recognize", d(2026, 11, 25), stars=4, level="province")
    log.add("re_evaluate", d(2029, 6, 1)).add("commune_check", d(2029, 6, 15))
    log.add("forward", d(2029, 6, 20)).add("expire", d(2029, 11, 25))
    log.add("expire", d(2029, 11, 26))
    yield _cycle_spec(
        "26-2026.re-evaluation-in-time-pending-at-expiry",
        f"{_R26} art. 4.3 and 7.6.a: a re-evaluation filed in its window does not extend the "
        "certificate",
        log,
    )
    log = _Log("QT-2026-09").develop(start)
    log.add("file_dossier", d(2026, 8, 3)).add("commune_check", d(2026, 8, 14))
    log.add("forward", d(2026, 8, 17)).add("evaluate", d(2026, 11, 20), level="province", score=75)
    log.add("recognize", d(2026, 11, 25), stars=4, level="province")
    log.add("re_evaluate", d(2029, 9, 1)).add("commune_check", d(2029, 9, 10))
    log.add("forward", d(2029, 9, 20)).add("expire", d(2029, 12, 1))
    log.add("expire", d(2030, 5, 24)).add("expire", d(2030, 5, 25))
    yield _cycle_spec(
        "26-2026.late-re-evaluation-grace",
        f"{_R26} art. 12.3: a certificate whose re-evaluation was filed late stays valid until "
        "decided, at most 180 days past its expiry",
        log,
    )
    log = _Log("QT-2026-07").develop(start)
    log.add("file_dossier", d(2026, 8, 3)).add("commune_check", d(2026, 8, 14))
    log.add("forward", d(2026, 8, 17)).add("evaluate", d(2026, 11, 20), level="province", score=75)
    log.add("recognize", d(2026, 11, 25), stars=4, level="province")
    log.add("re_evaluate", d(2029, 8, 1)).add("commune_check", d(2029, 8, 5))
    log.add("forward", d(2029, 8, 6)).add("evaluate", d(2029, 9, 1), level="province", score=72)
    log.add("recognize", d(2029, 10, 1), stars=4, level="province")
    yield _cycle_spec(
        "26-2026.re-evaluation-outside-window-and-late",
        f"{_R26} art. 7.6.a: filed 180–120 days before expiry; art. 7.6.g: decided within 45 "
        "days (warnings, not refusals)",
        log,
    )
    log = _Log("QT-2027-01").develop(d(2026, 12, 1))
    log.add("file_dossier", d(2027, 1, 25)).add("commune_check", d(2027, 2, 26))
    log.add("forward", d(2027, 5, 3)).add("evaluate", d(2028, 1, 5), level="province", score=75)
    yield _cycle_spec(
        "26-2026.deadlines-across-tet",
        f"{_R26} art. 7.2: the commune checks within 15 working days (across Tết); art. 5.1: "
        "a dossier forwarded after 30 April is in the batch finished before 30 December",
        log,
    )
    log = _Log("QT-2026-08").develop(start)
    log.add("file_dossier", d(2026, 8, 3)).add(
        "evaluate", d(2026, 8, 10), level="commune", score=80
    )
    log.add("commune_check", d(2026, 8, 14)).add(
        "evaluate", d(2026, 8, 20), level="province", score=80
    )
    log.add("forward", d(2026, 8, 17))
    yield _cycle_spec(
        "26-2026.order-and-levels",
        f"{_R26} art. 5, 7.2: the commune only checks; the province scores what is sent to it; "
        "no event before the last step",
        log,
    )
    # -- art. 12: dossiers crossing 22 May 2026
    log = _Log("QT-X-01").develop(d(2026, 1, 5))
    log.add("file_dossier", d(2026, 4, 1)).add("commune_check", d(2026, 4, 10))
    log.add("forward", d(2026, 4, 15)).add("evaluate", d(2026, 6, 10), level="province", score=78)
    log.add("recognize", d(2026, 7, 20), stars=4, level="province")
    yield _cycle_spec(
        "art-12.first-evaluation-finished-in-time",
        f"{_R26} art. 12.2.a: a dossier filed before 22 May 2026 finishes under the old rules "
        "within 60 days (by 21 July 2026)",
        log,
    )
    log = _Log("QT-X-02").develop(d(2026, 1, 5))
    log.add("file_dossier", d(2026, 4, 1)).add("commune_check", d(2026, 4, 10))
    log.add("forward", d(2026, 4, 15)).add("evaluate", d(2026, 7, 25), level="province", score=78)
    log.add("recognize", d(2026, 8, 1), stars=4, level="province")
    yield _cycle_spec(
        "art-12.first-evaluation-late",
        f"{_R26} art. 12.2.a: finished after 21 July 2026 (a warning)",
        log,
    )
    log = _Log("QT-X-03").develop(d(2022, 11, 1))
    log.add("file_dossier", d(2023, 1, 5)).add(
        "evaluate", d(2023, 3, 20), level="district", score=75
    )
    log.add("forward", d(2023, 3, 25)).add("evaluate", d(2023, 6, 1), level="province", score=75)
    log.add("recognize", d(2023, 6, 10), stars=4, level="province")
    log.add("re_evaluate", d(2026, 3, 1)).add("commune_check", d(2026, 3, 10))
    log.add("forward", d(2026, 3, 15)).add("evaluate", d(2026, 6, 25), level="province", score=74)
    log.add("recognize", d(2026, 6, 30), stars=4, level="province")
    yield _cycle_spec(
        "art-12.re-evaluation-late",
        f"{_R26} art. 12.2.b: a re-evaluation filed before 22 May 2026 finishes within 30 days "
        "(by 21 June 2026)",
        log,
    )
    log = _Log("QT-X-04").develop(d(2026, 1, 5))
    log.add("file_dossier", d(2026, 5, 22)).add(
        "evaluate", d(2026, 5, 25), level="commune", score=80
    )
    log.add("commune_check", d(2026, 5, 26)).add("forward", d(2026, 5, 27))
    log.add("evaluate", d(2026, 6, 20), level="province", score=80)
    log.add("recognize", d(2026, 6, 25), stars=4, level="province")
    yield _cycle_spec(
        "art-12.filed-on-the-first-day",
        f"{_R26} art. 11.1: a dossier filed on 22 May 2026 is under 26/2026/QĐ-TTg",
        log,
    )
    # -- a stream of several products, with lines that cannot be read
    a = _Log("QT-S-01").develop(d(2026, 6, 1))
    b = _Log("QT-S-02").develop(d(2026, 6, 2))
    b.add("revoke", d(2026, 7, 10))
    b.add("evaluate", d(2026, 7, 11), level="province")
    b.add("evaluate", d(2026, 7, 12), level="cấp tỉnh", score="150")
    b.add("register", d(2026, 7, 13), colour="green")
    b.add("recognize", d(2026, 7, 14), stars=6, level="province")
    b.events.append({"product": "QT-S-02", "event": "file_dossier", "on": "14/07/2026"})
    b.events.append({"event": "register", "on": "2026-07-15"})
    b.events.append({"product": "QT-S-02", "event": "promote", "on": "2026-07-16"})
    yield _cycle_spec(
        "stream.many-products-and-unreadable-lines",
        "ocop cycle event streams: every line read or refused with its line number",
        a,
        b,
    )


# --------------------------------------------------------------------------- budget

_BUDGET = "budget tables: a stated subtotal or total is checked, never trusted (278/KH-SNN)"
_HEADER = "row,code,parent,title,amount_thousand_vnd,responsible,locality,source"


def _table(*rows: str, header: str = _HEADER) -> str:
    return header + "\n" + "\n".join(rows) + "\n"


_GOOD = (
    "1,1,,QUẢN LÝ CHƯƠNG TRÌNH,300000,Ban điều hành OCOP cấp tỉnh,,Ngân sách Trung ương",
    "2,2,,KHỞI ĐỘNG,111230,,,",
    "3,2.1,2,Hội nghị triển khai,42500,Chi cục PTNT,,Ngân sách địa phương",
    "4,2.2,2,Xây dựng logo,68730,Sở Công thương,huyện Cam Lộ,Ngân sách địa phương",
    "5,3,,TUYÊN TRUYỀN,100000,,,",
    "6,,3,Phóng sự,100000,Đài Phát thanh và Truyền hình tỉnh,,Vốn lồng ghép",
    ",,,TỔNG CỘNG,511230,,,",
    ",,,Bằng chữ: Năm trăm mười một triệu hai trăm ba mươi nghìn đồng,,,,",
)


def _replace(rows: tuple[str, ...], i: int, row: str) -> tuple[str, ...]:
    return (*rows[:i], row, *rows[i + 1 :])


def budget_cases() -> Iterator[Spec]:
    from ocop.budget import quang_tri_2019_budget, write_csv

    yield Spec(
        "budget.quang-tri-2019",
        "plan 278/KH-SNN of Quảng Trị (2019), Phụ lục: the table as printed; its 'Bằng chữ' line "
        "reads 6.422.000.000 for 6.422.330.000 đồng",
        {"csv": write_csv(quang_tri_2019_budget())},
    )
    yield Spec("budget.consistent", f"{_BUDGET}; rollups by section, body, locality, source",
               {"csv": _table(*_GOOD)})  # fmt: skip
    mutations: dict[str, tuple[str, tuple[str, ...]]] = {
        "subtotal-wrong": (
            "a subtotal is the sum of its children",
            _replace(_GOOD, 1, "2,2,,KHỞI ĐỘNG,111000,,,"),
        ),
        "total-wrong": (
            "the stated total is the sum of the sections",
            _replace(_GOOD, 6, ",,,TỔNG CỘNG,500000,,,"),
        ),
        "words-wrong": (
            "the total in words (Bằng chữ) reads the total",
            _replace(_GOOD, 7, ",,,Bằng chữ: Năm trăm triệu đồng,,,,"),
        ),
        "words-unreadable": (
            "the total in words (Bằng chữ) can be read",
            _replace(_GOOD, 7, ",,,Bằng chữ: năm trăm mười một triệu hai trăm ba mươi gà,,,,"),
        ),
        "code-duplicate": (
            "line codes are unique",
            _replace(_GOOD, 3, "4,2.1,2,Xây dựng logo,68730,Sở Công thương,,"),
        ),
        "code-malformed": (
            "line codes are numbers with dots (2, 2.1)",
            _replace(_GOOD, 3, "4,2.x,2,Xây dựng logo,68730,Sở Công thương,,"),
        ),
        "parent-missing": (
            "a line's parent is a line of the table",
            _replace(_GOOD, 5, "6,,9,Phóng sự,100000,Đài Phát thanh và Truyền hình tỉnh,,"),
        ),
        "parent-mismatch": (
            "a line's code and its parent agree",
            _replace(_GOOD, 3, "4,2.2,1,Xây dựng logo,68730,Sở Công thương,,"),
        ),
        "amount-negative": (
            "amounts are 0 or more",
            _replace(_GOOD, 5, "6,,3,Phóng sự,-100000,Đài Phát thanh và Truyền hình tỉnh,,"),
        ),
        "amount-unreadable": (
            "a figure is read for certain or refused",
            _replace(_GOOD, 2, "3,2.1,2,Hội nghị triển khai,42.50.0,Chi cục PTNT,,"),
        ),
        "amount-missing": (
            "a line without children states its amount",
            _replace(_GOOD, 0, "1,1,,QUẢN LÝ CHƯƠNG TRÌNH,,Ban điều hành OCOP cấp tỉnh,,"),
        ),
        "title-missing": (
            "every line has a title",
            _replace(_GOOD, 0, "1,1,,,300000,Ban điều hành OCOP cấp tỉnh,,"),
        ),
        "row-width": (
            "every row has the header's columns",
            _replace(_GOOD, 4, "5,3,,TUYÊN TRUYỀN,100000,,,,,"),
        ),
        "figures-with-dots": (
            "Vietnamese figures in a table: 1.000 đồng units, dots between thousands",
            tuple(r.replace("300000", '"300.000"') for r in _GOOD),
        ),
        "several-problems": (
            "every problem at once, each with its row",
            _replace(_replace(_GOOD, 1, "2,2,,KHỞI ĐỘNG,1,,,"), 5, "6,,3,Phóng sự,-5,Đài,,"),
        ),
    }
    for name, (rule, rows) in mutations.items():
        yield Spec(f"budget.{name}", f"{_BUDGET}; {rule}", {"csv": _table(*rows)})
    plain = "row,code,parent,title,amount"
    yield Spec(
        "budget.unit-from-caller",
        f"{_BUDGET}; a header without a unit takes the unit given",
        {"csv": _table("1,1,,A,5", "2,2,,B,7", header=plain), "unit": "million"},
    )
    yield Spec(
        "budget.unit-in-header",
        f"{_BUDGET}; the unit stated in the header (triệu đồng)",
        {"csv": _table("1,1,,A,5", "2,2,,B,7", header="row,code,parent,title,amount_million_vnd")},
    )
    yield Spec(
        "budget.no-amount-column",
        "budget tables: a table needs a title and an amount column",
        {"csv": "row,code,title\n1,1,A\n"},
    )


AREA_CASES: dict[str, Callable[[], Iterator[Spec]]] = {
    "money": money_cases,
    "rating": rating_cases,
    "cycle": cycle_cases,
    "timetable": timetable_cases,
    "budget": budget_cases,
}

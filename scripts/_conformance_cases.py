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
            "26/2026/QĐ-TTg art. 5.1: proposals by 30 April finish by 30 June, by 30 October "
            "by 30 December",
            [(4, 30), (10, 30)],
        ),
        "ministry_batch": (
            "26/2026/QĐ-TTg art. 5.2: proposals by 30 January finish by 30 March, by 30 July "
            "by 30 September",
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
    criteria = sheet.criteria()
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
        c.code: max(_choice_points(c), key=lambda np: (np[1], np[0]))[0] for c in sheet.criteria()
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
    top = sum(max(p for _, p in _choice_points(c)) for c in sheet.criteria())
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
    none = {c.code: 0 for c in sheet.criteria()}
    yield Spec(f"{base}.none-met", _band_ref(sheet) + "; totals", _doc(sheet, [none]))
    for b in (30, 50, 70, 90):
        for name, total in (("at", b), ("below", b - 1)):
            members = _members_for(sheet, [total])
            if members is not None:
                yield Spec(f"{base}.band-{b}.{name}", _band_ref(sheet), _doc(sheet, members))
    levels_seen: set[int] = set()
    for c in sheet.criteria():
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
    marked = [(c, o) for c in sheet.criteria() for o in c.options if o.stars == 5]
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
    first = sheet.criteria()[0]
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
        for sheet in cset.sheets():
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


AREA_CASES: dict[str, Callable[[], Iterator[Spec]]] = {
    "money": money_cases,
    "rating": rating_cases,
    "timetable": timetable_cases,
}

"""The national criteria sets (Bộ tiêu chí) as immutable records.

A criteria set is one decision's scoring rules: 26 scoring sheets (phiếu đánh giá), one per
product set (bộ sản phẩm). A sheet has three parts (phần) A, B and C; a part has criteria
groups (nhóm tiêu chí); a group has criteria (tiêu chí); a criterion has options (phương án),
each worth a number of points. Some options carry the minimum-for-stars mark ``***``, ``****``
or ``*****``: the least a product must reach on that criterion to be classed 3★, 4★ or 5★
("Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao", every sheet of Appendix II of
26/2026/QĐ-TTg).

The records are built from the data files shipped in ``ocop/rating/data/`` by
[`sheet_from_dict`][ocop.rating.criteria.sheet_from_dict]; the registry
([`ocop.rating.registry`][ocop.rating.registry]) loads each sheet the first time it is asked for.
Totals stated in the data (a part's or a group's maximum) are kept as printed and checked by
[`ocop.rating.validate`][ocop.rating.validate], never trusted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ocop.errors import OcopLookupError, OcopValueError

__all__ = [
    "CONDITIONS",
    "Condition",
    "CriteriaSet",
    "Criterion",
    "Group",
    "Heading",
    "Option",
    "Part",
    "Sheet",
    "SourceNote",
    "criterion_to_dict",
    "sheet_from_dict",
    "sheet_to_dict",
]

#: The star levels a minimum mark can name (``***`` … ``*****``).
MARK_LEVELS = (3, 4, 5)


@attrs.frozen(kw_only=True)
class Option:
    """One answer a council member can tick for a criterion (phương án).

    Attributes:
        number: The option's place in the sheet, counted from 1 in printed order; members'
            choices name options by this number.
        text: The option as printed (NFC), without its star mark.
        points: The points (điểm) the option is worth.
        stars: 3, 4 or 5 when the option carries the minimum-for-stars mark ``***``/``****``/
            ``*****`` (it is the least option a product must reach for that many stars);
            ``None`` otherwise.
        case: For a criterion printed as "Lựa chọn một trong hai trường hợp sau" (choose one
            of two cases, sheet 26 of 26/2026/QĐ-TTg), the case (trường hợp) the option
            belongs to, e.g. "a. Trường hợp 1: Dịch vụ du lịch do cộng đồng cung cấp";
            ``None`` otherwise.
    """

    number: int
    text: str
    points: int
    stars: int | None = None
    case: str | None = None


@attrs.frozen(kw_only=True)
class Condition:
    """A condition a criterion's text puts on its minimum-for-stars marks (điều kiện áp dụng).

    The assessment states whether it holds for the product
    (`Assessment.conditions`, keyed by `key`);
    when it does not hold, the criterion's marks are not judged (its points count as scored).
    When the assessment does not state it, `default` is assumed and, if that decides a mark,
    the rating says so in a warning (``rating.condition``).

    Attributes:
        key: The name the assessment states it by, e.g. ``"quality_declaration_required"``.
        prefix: The printed words that make a criterion conditional (matched at the start of
            one of its conditions or notes).
        question: What the assessment answers, in English.
        default: What is assumed when the assessment is silent: the reading that keeps the
            marks (the stricter one), so that a silent assessment never gets more stars.
        source: Where the words are printed and what they say.
    """

    key: str
    prefix: str
    question: str
    default: bool
    source: str


#: Every condition the criteria sets print, by key. The texts were found by reading every
#: criterion's conditions and notes in the three sets (a test keeps this list complete).
CONDITIONS: tuple[Condition, ...] = (
    Condition(
        key="quality_declaration_required",
        prefix="Áp dụng bắt buộc đối với các sản phẩm phải công bố chất lượng",
        question="must the product publish a quality declaration (công bố chất lượng)?",
        default=True,
        source=(
            "26/2026/QĐ-TTg Appendix II sheet 21 (Thủ công mỹ nghệ), criterion 7 'Công bố "
            "chất lượng sản phẩm': 'Áp dụng bắt buộc đối với các sản phẩm phải công bố chất "
            "lượng theo quy định; khuyến khích các sản phẩm còn lại' — the 3★ mark on option "
            "1 binds only products that must declare their quality; for the others the "
            "criterion is encouraged, its points still count"
        ),
    ),
    Condition(
        key="product_story",
        prefix="Chỉ áp dụng khi có câu chuyện",
        question="does the product have a product story (câu chuyện sản phẩm)?",
        default=True,
        source=(
            "148/QĐ-TTg and 26/2026/QĐ-TTg Appendix II, the criteria of the product story "
            "(group 5): 'Chỉ áp dụng khi có câu chuyện sản phẩm' — they apply only to a "
            "product with a story, so their marks bind only such a product"
        ),
    ),
)


def _condition_of(texts: tuple[str, ...]) -> Condition | None:
    for text in texts:
        for condition in CONDITIONS:
            if text.startswith(condition.prefix):
                return condition
    return None


@attrs.frozen(kw_only=True)
class Criterion:
    """One scored line of a sheet (tiêu chí).

    Attributes:
        code: The code as printed: ``"1.1"``, ``"2.4"``, or ``"7"`` for a criteria group that is
            scored directly (its options sit under the group heading).
        title: The criterion's title as printed (NFC).
        max: The maximum (thang điểm) printed beside the title.
        options: The options in printed order. A criterion printed without options (scored
            0 or its maximum, e.g. 2.4 "Ghi nhãn hàng hóa có sử dụng song ngữ") has two:
            1 = not met (0 points), 2 = met (its maximum); ``implicit_options`` says so.
        requirements: The "Yêu cầu: …" lines attached to the criterion (yêu cầu).
        notes: The "Ghi chú: …" lines attached to the criterion (ghi chú).
        conditions: When the criterion applies, e.g. "Chỉ áp dụng khi có câu chuyện sản
            phẩm" (điều kiện áp dụng).
        implicit_options: ``True`` when the options were not printed and are the two
            met/not-met options described above.
        title_stars: A minimum-for-stars mark printed on the criterion's title rather than
            on an option (148/QĐ-TTg prints "Sở hữu trí tuệ****"): which option it requires
            is not stated, so [`mark`][ocop.rating.criteria.Criterion.mark] ignores it; the sheet's
            source notes say more.
    """

    code: str
    title: str
    max: int
    options: tuple[Option, ...]
    requirements: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    implicit_options: bool = False
    title_stars: int | None = None

    @property
    def condition(self) -> Condition | None:
        """The condition the criterion's text puts on its marks
        (`CONDITIONS`), read from its printed conditions and
        notes, or ``None``."""
        return _condition_of(self.conditions + self.notes)

    def option(self, number: int) -> Option:
        """The option numbered ``number`` (from 1).

        Raises:
            OcopLookupError: The criterion has no such option.
        """
        if 1 <= number <= len(self.options):
            return self.options[number - 1]
        raise OcopLookupError(
            f"criterion {self.code} has options 1–{len(self.options)} (got {number})"
        )

    def mark(self, stars: int) -> Option | None:
        """The least option a product must reach on this criterion to be classed ``stars``.

        A mark for level *m* applies to every level ≥ *m*, so this is the marked option with
        the most stars not above ``stars``; ``None`` when no mark applies.
        """
        applicable = [o for o in self.options if o.stars is not None and o.stars <= stars]
        return max(applicable, key=lambda o: o.stars or 0, default=None)

    @property
    def best_points(self) -> int:
        """The most points any option is worth (0 without options)."""
        return max((o.points for o in self.options), default=0)

    @property
    def marks(self) -> tuple[Option, ...]:
        """The options that carry a minimum-for-stars mark, in printed order."""
        return tuple(o for o in self.options if o.stars is not None)


@attrs.frozen(kw_only=True)
class Heading:
    """A sub-heading inside a group that is not itself scored (tiêu chí con).

    The tea and coffee sheets of 26/2026/QĐ-TTg print "6.1. Ngoại hình | 4" above the scored
    lines 6.1.1 and 6.1.2; the heading's maximum is the sum of the lines under it.

    Attributes:
        code: The heading's code as printed, e.g. ``"6.1"``.
        title: Its title.
        max: The maximum printed beside it (checked against the lines under it).
    """

    code: str
    title: str
    max: int


@attrs.frozen(kw_only=True)
class Group:
    """A criteria group (nhóm tiêu chí), e.g. "1. TỔ CHỨC SẢN XUẤT".

    Attributes:
        code: The group's number as printed (``"1"`` … ``"12"``).
        title: The group's title as printed.
        max: The maximum printed beside the title; normally the sum of its criteria's maxima
            (checked, not trusted).
        criteria: The group's criteria in printed order; a group scored directly holds one
            criterion with the group's own code.
        headings: Unscored sub-headings ([`Heading`][ocop.rating.criteria.Heading]) whose lines are
            criteria of this group with longer codes (``6.1`` over ``6.1.1``, ``6.1.2``).
        notes: Notes printed under the group heading before its first criterion (ghi chú).
    """

    code: str
    title: str
    max: int
    criteria: tuple[Criterion, ...]
    headings: tuple[Heading, ...] = ()
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Part:
    """A part of a sheet (phần): A product and community strength, B marketing, C quality.

    Attributes:
        code: ``"A"``, ``"B"`` or ``"C"``.
        title: The part's title as printed.
        max: The part's maximum as printed (40/25/35 since 148/QĐ-TTg; 35/25/40 in 1048/QĐ-TTg).
        groups: The part's criteria groups in printed order.
    """

    code: str
    title: str
    max: int
    groups: tuple[Group, ...]


@attrs.frozen(kw_only=True)
class SourceNote:
    """A note on how a sheet's data was read from its source text.

    Where the source is irregular (a repeated line, a letter where a number should be, a
    stated total that is not the sum of its lines), the data records what was found and the
    decision taken, so that a reader can check it against the official text.

    Attributes:
        where: The place, e.g. ``"1.3"`` (a criterion code), ``"part C"`` or ``"line 18"``.
        text: What was found and what was decided.
        resolved: ``False`` when the irregularity is kept as found (the data may be wrong
            there); ``True`` when it was resolved, with the grounds in ``text``.
    """

    where: str
    text: str
    resolved: bool = True


@attrs.frozen(kw_only=True)
class Sheet:
    """One scoring sheet (phiếu đánh giá), for one product set (bộ sản phẩm).

    Attributes:
        criteria_set: The id of the criteria set it belongs to, e.g. ``"26/2026/QĐ-TTg"``.
        number: The sheet's number in the decision's appendix (1–26).
        title: The product set's name, e.g. "Rau, củ, quả, hạt tươi".
        parts: Parts A, B and C in printed order.
        rejection_grounds: The grounds on which a dossier is rejected before scoring
            ("Hồ sơ bị loại khi: …").
        legal_ref: Where the sheet is printed (decision, appendix, sheet).
        classification: The product group the sheet says it is for, e.g. "Sản phẩm: Thực
            phẩm. Nhóm: Thực phẩm tươi sống" (empty when not printed).
        source_notes: How irregularities in the source were handled
            ([`SourceNote`][ocop.rating.criteria.SourceNote]).
    """

    criteria_set: str
    number: int
    title: str
    parts: tuple[Part, ...]
    rejection_grounds: tuple[str, ...] = ()
    legal_ref: str = ""
    classification: str = ""
    source_notes: tuple[SourceNote, ...] = ()
    _index: Mapping[str, Criterion] = attrs.field(init=False, repr=False, eq=False, alias="_index")

    def __attrs_post_init__(self) -> None:
        index = {c.code: c for p in self.parts for g in p.groups for c in g.criteria}
        object.__setattr__(self, "_index", index)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """Every criterion in sheet order."""
        return tuple(c for p in self.parts for g in p.groups for c in g.criteria)

    def criterion(self, code: str) -> Criterion:
        """The criterion printed as ``code`` (e.g. ``"2.3"`` or ``"7"``).

        Raises:
            OcopLookupError: The sheet has no criterion ``code``.
        """
        found = self._index.get(code.strip())
        if found is None:
            raise OcopLookupError(
                f"sheet {self.number} of {self.criteria_set} has no criterion {code!r}"
            )
        return found

    @property
    def groups(self) -> tuple[Group, ...]:
        """Every criteria group in sheet order."""
        return tuple(g for p in self.parts for g in p.groups)

    @property
    def max(self) -> int:
        """The sum of the parts' maxima (100 on a sound sheet)."""
        return sum(p.max for p in self.parts)

    @property
    def attainable(self) -> int:
        """The most points the sheet's options can give: the sum of each criterion's best
        option. It equals `max` on a sound sheet; the 148/QĐ-TTg transcription's sheets
        7, 11, 12 and 13 reach only 99, 97, 97 and 98 (groups whose criteria do not add up to
        the printed maxima: see ``reference/README.md``)."""
        return sum(c.best_points for c in self.criteria)


@attrs.frozen(kw_only=True)
class CriteriaSet:
    """A national criteria set (Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP).

    Sheets are loaded from the package data the first time they are asked for.

    Attributes:
        id: The decision as written, e.g. ``"26/2026/QĐ-TTg"``.
        alias: An ASCII alias, e.g. ``"26-2026"``.
        title: The decision's title, in Vietnamese.
        effective_from: The first day the set governs new dossiers.
        effective_until: The first day it no longer governs new dossiers (the next set's
            ``effective_from``), or ``None`` while in force.
        lapses_on: The first day it no longer applies even to dossiers filed earlier
            (148/QĐ-TTg: 21 Jul 2026, 60 days after 26/2026/QĐ-TTg took effect, art. 11),
            or ``None`` when not set by law.
        legal_ref: The decision and appendix the sheets are printed in.
        part_max: Part code → maximum for this version (A/B/C).
        sheet_titles: Sheet number → product set name, in appendix order.
        notes: Facts about the set a reader needs (what is missing, what has no marks).
    """

    id: str
    alias: str
    title: str
    effective_from: dt.date
    effective_until: dt.date | None
    legal_ref: str
    # Mappings compare equal but are left out of the hash: id, alias and dates identify a set.
    part_max: Mapping[str, int] = attrs.field(hash=False)
    sheet_titles: Mapping[int, str] = attrs.field(hash=False)
    lapses_on: dt.date | None = None
    notes: tuple[str, ...] = ()
    _loader: Callable[[int], Sheet] | None = attrs.field(
        default=None, repr=False, eq=False, alias="_loader"
    )

    @property
    def sheet_numbers(self) -> tuple[int, ...]:
        """The numbers of the sheets this set has, in order."""
        return tuple(self.sheet_titles)

    @property
    def sheet_count(self) -> int:
        """How many sheets the set has (as shipped)."""
        return len(self.sheet_titles)

    def sheet(self, number: int) -> Sheet:
        """The sheet numbered ``number``.

        Raises:
            OcopLookupError: The set has no such sheet.
        """
        if isinstance(number, bool) or not isinstance(number, int):
            raise OcopLookupError(f"sheet numbers are integers (got {number!r})")
        if number not in self.sheet_titles or self._loader is None:
            known = _ranges(self.sheet_numbers)
            raise OcopLookupError(f"{self.id} has no sheet {number} (sheets: {known})")
        return self._loader(number)

    @property
    def sheets(self) -> tuple[Sheet, ...]:
        """Every sheet, in order (loads them all)."""
        return tuple(self.sheet(n) for n in self.sheet_numbers)

    def in_force(self, on: dt.date) -> bool:
        """``True`` when this set governs new dossiers on ``on``."""
        return self.effective_from <= on and (
            self.effective_until is None or on < self.effective_until
        )


def _ranges(numbers: tuple[int, ...]) -> str:
    if not numbers:
        return "none"
    out: list[str] = []
    start = prev = numbers[0]
    for n in (*numbers[1:], None):
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}" if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)


# --- reading and writing the shipped data files --------------------------------------------


def _req(obj: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in obj:
        raise OcopValueError(f"{where}: missing {key!r}")
    value = obj[key]
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise OcopValueError(f"{where}.{key} must be an integer (got {value!r})")
    if not isinstance(value, kind):
        raise OcopValueError(f"{where}.{key} must be {kind.__name__} (got {value!r})")
    return value


def _strs(obj: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OcopValueError(f"{where}.{key} must be a list of strings")
    return tuple(value)


def _option(obj: Mapping[str, Any], where: str) -> Option:
    stars = obj.get("stars")
    if stars is not None and stars not in MARK_LEVELS:
        raise OcopValueError(f"{where}.stars must be 3, 4, 5 or null (got {stars!r})")
    return Option(
        number=_req(obj, "number", int, where),
        text=_req(obj, "text", str, where),
        points=_req(obj, "points", int, where),
        stars=stars,
        case=obj.get("case"),
    )


def _criterion(obj: Mapping[str, Any], where: str) -> Criterion:
    options = _req(obj, "options", list, where)
    return Criterion(
        code=_req(obj, "code", str, where),
        title=_req(obj, "title", str, where),
        max=_req(obj, "max", int, where),
        options=tuple(_option(o, f"{where}.options[{i}]") for i, o in enumerate(options)),
        requirements=_strs(obj, "requirements", where),
        notes=_strs(obj, "notes", where),
        conditions=_strs(obj, "conditions", where),
        implicit_options=bool(obj.get("implicit_options", False)),
        title_stars=obj.get("title_stars"),
    )


def sheet_from_dict(obj: Mapping[str, Any], *, where: str = "$") -> Sheet:
    """Build a [`Sheet`][ocop.rating.criteria.Sheet] from its data-file mapping (the shape
    [`sheet_to_dict`][ocop.rating.criteria.sheet_to_dict] writes).

    Raises:
        OcopValueError: The mapping is not a sheet (a damaged data file).
    """
    parts = []
    for i, p in enumerate(_req(obj, "parts", list, where)):
        pw = f"{where}.parts[{i}]"
        groups = []
        for j, g in enumerate(_req(p, "groups", list, pw)):
            gw = f"{pw}.groups[{j}]"
            crit = tuple(
                _criterion(c, f"{gw}.criteria[{k}]")
                for k, c in enumerate(_req(g, "criteria", list, gw))
            )
            heads = tuple(
                Heading(
                    code=_req(h, "code", str, f"{gw}.headings[{k}]"),
                    title=_req(h, "title", str, f"{gw}.headings[{k}]"),
                    max=_req(h, "max", int, f"{gw}.headings[{k}]"),
                )
                for k, h in enumerate(g.get("headings", []))
            )
            groups.append(
                Group(
                    code=_req(g, "code", str, gw),
                    title=_req(g, "title", str, gw),
                    max=_req(g, "max", int, gw),
                    criteria=crit,
                    headings=heads,
                    notes=_strs(g, "notes", gw),
                )
            )
        parts.append(
            Part(
                code=_req(p, "code", str, pw),
                title=_req(p, "title", str, pw),
                max=_req(p, "max", int, pw),
                groups=tuple(groups),
            )
        )
    notes = tuple(
        SourceNote(
            where=_req(n, "where", str, f"{where}.source_notes[{i}]"),
            text=_req(n, "text", str, f"{where}.source_notes[{i}]"),
            resolved=bool(n.get("resolved", True)),
        )
        for i, n in enumerate(obj.get("source_notes", []))
    )
    return Sheet(
        criteria_set=_req(obj, "criteria_set", str, where),
        number=_req(obj, "number", int, where),
        title=_req(obj, "title", str, where),
        parts=tuple(parts),
        rejection_grounds=_strs(obj, "rejection_grounds", where),
        legal_ref=str(obj.get("legal_ref", "")),
        classification=str(obj.get("classification", "")),
        source_notes=notes,
    )


def _option_dict(o: Option) -> dict[str, Any]:
    out: dict[str, Any] = {"number": o.number, "text": o.text, "points": o.points}
    out["stars"] = o.stars
    if o.case is not None:
        out["case"] = o.case
    return out


def _group_dict(g: Group) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": g.code,
        "title": g.title,
        "max": g.max,
        "criteria": [criterion_to_dict(c) for c in g.criteria],
    }
    if g.headings:
        out["headings"] = [{"code": h.code, "title": h.title, "max": h.max} for h in g.headings]
    if g.notes:
        out["notes"] = list(g.notes)
    return out


def criterion_to_dict(c: Criterion) -> dict[str, Any]:
    """A criterion as the shipped data files and ``ocop criteria show --format json`` write it."""
    out: dict[str, Any] = {
        "code": c.code,
        "title": c.title,
        "max": c.max,
        "options": [_option_dict(o) for o in c.options],
    }
    if c.implicit_options:
        out["implicit_options"] = True
    if c.title_stars is not None:
        out["title_stars"] = c.title_stars
    for key in ("requirements", "notes", "conditions"):
        value = getattr(c, key)
        if value:
            out[key] = list(value)
    return out


def sheet_to_dict(sheet: Sheet) -> dict[str, Any]:
    """The sheet as a JSON-ready mapping, in the shape of the data files and of
    ``ocop criteria show --format json`` (``id``/``sheet`` are added by the command)."""
    return {
        "criteria_set": sheet.criteria_set,
        "number": sheet.number,
        "title": sheet.title,
        "classification": sheet.classification,
        "legal_ref": sheet.legal_ref,
        "rejection_grounds": list(sheet.rejection_grounds),
        "parts": [
            {
                "code": p.code,
                "title": p.title,
                "max": p.max,
                "groups": [_group_dict(g) for g in p.groups],
            }
            for p in sheet.parts
        ],
        "source_notes": [
            {"where": n.where, "text": n.text, "resolved": n.resolved} for n in sheet.source_notes
        ],
    }

"""Money as Vietnamese public documents write it: integer đồng, figures with dots, words.

The đồng (VND) has no minor unit, so an amount is an ``int`` of đồng everywhere in ocop;
`Decimal` appears only while reading or printing a figure in a larger unit
("6.422,33 triệu đồng"). Floats are refused.

Conventions (Vietnamese, as in the seed plan 278/KH-SNN and every provincial budget table):

* figures group thousands with dots and use a comma for decimals: ``6.422.330``, ``6.422,33``;
* tables state their unit in the header: ``1.000 đồng`` (thousands), ``triệu đồng``
  (millions), ``tỷ đồng`` (billions) — see [`Unit`][ocop.money.Unit];
* large sums are repeated in words ("Bằng chữ: Sáu tỷ, bốn trăm hai mươi hai triệu đồng").

Reading rules for words (standard Vietnamese number reading): 0 in the tens place is *linh*
(or *lẻ*): 105 = một trăm linh năm; 1 after *mươi* is *mốt* (21 = hai mươi mốt); 5 after a ten
is *lăm* (15 = mười lăm, 25 = hai mươi lăm); 4 after *mươi* is *tư* (24 = hai mươi tư); 10 is
*mười*; an empty hundreds place inside a number is read *không trăm* (2.024 = hai nghìn không
trăm hai mươi tư); the scales are *nghìn* (or *ngàn*), *triệu*, *tỷ*, then *nghìn tỷ*,
*triệu tỷ*, *tỷ tỷ*: the scales repeat every 10⁹, so any integer can be read.
"""

from __future__ import annotations

import decimal
import re
from decimal import ROUND_HALF_UP, Decimal

from ocop._enums import OcopEnum
from ocop._i18n import Language, language, tr, use_language
from ocop.errors import OcopTypeError, OcopValueError
from ocop.figures import MAX_DIGITS, FigureTooLarge, parse_figure
from ocop.numbers import format_number
from ocop.text import fold, normalize

__all__ = [
    "UNIT_HINT",
    "Unit",
    "format_amount",
    "format_figure",
    "in_words",
    "parse_amount",
    "parse_words",
    "to_dong",
    "unit_header",
    "unit_label",
]


class Unit(OcopEnum):
    """The unit a table states its amounts in (đơn vị tính).

    The value is the number of đồng in one unit.
    """

    DONG = 1
    THOUSAND = 1_000
    MILLION = 1_000_000
    BILLION = 1_000_000_000

    @property
    def label(self) -> str:
        """The unit as documents print it after a figure: ``đồng``, ``nghìn đồng``…"""
        return _UNIT_LABELS[self]

    @property
    def header(self) -> str:
        """The unit as a table header prints it: ``đồng``, ``1.000 đồng``, ``triệu đồng``…"""
        return _UNIT_HEADERS[self]

    @classmethod
    def parse(cls, text: str) -> Unit:
        """The unit ``text`` names, in any of the ways Vietnamese tables write it.

        A multiplier and a currency, in either order of spacing and punctuation:
        ``đồng``, ``đ``, ``VNĐ``, ``₫``; ``1.000 đồng``, ``1000đ``, ``x1000 đồng``, ``nghìn
        đồng``, ``ngàn đồng``; ``triệu đồng``, ``tr.đ``, ``Tr.đồng``, ``trđ``, ``Tr.VNĐ``;
        ``tỷ đồng``, ``tỷ``; English ``thousand``/``million``/``billion`` (``_vnd``). A leading
        ``ĐVT:`` or ``Đơn vị tính:`` (the unit line of a table) is allowed.

        Raises:
            OcopValueError: ``text`` names no unit; the message lists the spellings read.
        """
        found = _read_unit(text)
        if found is None:
            shown = normalize(text)
            raise OcopValueError(tr("unknown unit {unit!r} ({hint})", unit=shown, hint=unit_hint()))
        return found


#: The spellings of units [`Unit.parse`][ocop.money.Unit.parse] reads, for messages that refuse one.
UNIT_HINT = (
    "write đồng, đ or VNĐ; 1.000 đồng, 1000đ or nghìn đồng; triệu đồng, tr.đ or trđ; tỷ đồng"
)


def unit_hint() -> str:
    """``UNIT_HINT`` in the current language, for messages."""
    return tr(
        "write đồng, đ or VNĐ; 1.000 đồng, 1000đ or nghìn đồng; triệu đồng, tr.đ or trđ; tỷ đồng"
    )


_UNIT_PREFIX = re.compile(r"^(?:donvitinh|donvi|dvt)?(?:x)?")
_MULTIPLIERS: dict[str, Unit] = {
    "": Unit.DONG,
    "1": Unit.DONG,
    "1000": Unit.THOUSAND,
    "nghin": Unit.THOUSAND,
    "ngan": Unit.THOUSAND,
    "k": Unit.THOUSAND,
    "thousand": Unit.THOUSAND,
    "thousands": Unit.THOUSAND,
    "1000000": Unit.MILLION,
    "trieu": Unit.MILLION,
    "tr": Unit.MILLION,
    "million": Unit.MILLION,
    "millions": Unit.MILLION,
    "1000000000": Unit.BILLION,
    "ty": Unit.BILLION,
    "ti": Unit.BILLION,
    "billion": Unit.BILLION,
    "billions": Unit.BILLION,
}
# Multipliers that name a unit without a currency after them ("triệu", "1.000"); "tr" and
# "k" alone are too short to be sure of.
_ALONE = frozenset(
    {"1000", "1000000", "nghin", "ngan", "trieu", "ty", "ti"}
    | {"thousand", "thousands", "million", "millions", "billion", "billions"}
)
_UNIT_KEY = re.compile(
    "^(?P<mult>" + "|".join(sorted(_MULTIPLIERS, key=len, reverse=True)) + ")"
    r"(?P<cur>dong|vnd|d)?$"
)


def _read_unit(text: str) -> Unit | None:
    key = fold(text.replace("₫", "đ")).replace(" ", "")
    key = _UNIT_PREFIX.sub("", key, count=1)
    m = _UNIT_KEY.match(key)
    if m is None:
        return None
    mult, cur = m.group("mult"), m.group("cur")
    if cur is None and mult not in _ALONE:
        return None
    return _MULTIPLIERS[mult]


_UNIT_LABELS = {
    Unit.DONG: "đồng",
    Unit.THOUSAND: "nghìn đồng",
    Unit.MILLION: "triệu đồng",
    Unit.BILLION: "tỷ đồng",
}
_UNIT_HEADERS = {
    Unit.DONG: "đồng",
    Unit.THOUSAND: "1.000 đồng",
    Unit.MILLION: "triệu đồng",
    Unit.BILLION: "tỷ đồng",
}


def _check_int(n: object, name: str) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise OcopTypeError(f"'{name}' must be an int of đồng (got {type(n).__name__})")
    return n


# --------------------------------------------------------------------------- figures

_SUFFIX = re.compile(r"\s*(?:₫|đ|vnđ|vnd|đồng|dong)\.?\s*$", re.IGNORECASE)


def _exact(*numbers: int | Decimal, places: int = 0) -> decimal.Context:
    """A decimal context wide enough that arithmetic on ``numbers`` is exact.

    The default context keeps 28 digits and rounds silently beyond them; an amount of 10³⁰
    đồng in thousands would come out wrong without a word. Here rounding traps instead.
    """
    digits = max((len(str(abs(n)).replace(".", "")) for n in numbers), default=1)
    return decimal.Context(
        prec=digits + places + 30,
        Emax=decimal.MAX_EMAX,
        Emin=decimal.MIN_EMIN,
        traps=[decimal.InvalidOperation, decimal.Inexact, decimal.DivisionByZero],
    )


def to_dong(amount: int | Decimal, unit: Unit = Unit.DONG) -> int:
    """``amount`` in ``unit`` as an exact number of đồng.

    Raises:
        OcopTypeError: ``amount`` is a float or not a number.
        OcopValueError: ``amount`` is not a whole number of đồng (``Decimal("0.5")`` đồng).
    """
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal):
        raise OcopTypeError(f"'amount' must be an int or Decimal (got {type(amount).__name__})")
    if isinstance(amount, int):
        return amount * unit.value
    if not amount.is_finite():
        raise OcopValueError(f"{amount} {unit.label} is not a number of đồng")
    with decimal.localcontext(_exact(amount, unit.value)):
        value = amount * unit.value
        if value != value.to_integral_value():
            raise OcopValueError(
                f"{amount} {unit.label} is not a whole number of đồng ({value} đồng)"
            )
        return int(value)


def parse_amount(text: str, unit: Unit = Unit.DONG) -> int:
    """Read a figure as Vietnamese documents write it and return whole đồng.

    ``text`` may group thousands with dots (``6.422.330``) or spaces, use a comma for
    decimals (``6.422,33``), and end with a unit (``đồng``, ``đ``, ``₫``, ``VNĐ``, ``1.000
    đồng``, ``nghìn đồng``, ``triệu đồng``, ``tỷ đồng``), which then overrides ``unit``.

    >>> parse_amount("6.422.330", Unit.THOUSAND)
    6422330000
    >>> parse_amount("6.422,33 triệu đồng")
    6422330000

    Raises:
        OcopValueError: ``text`` is not a figure, has misplaced dots, or is not a whole number
            of đồng; the message quotes it.
    """
    if not isinstance(text, str):
        raise OcopTypeError(f"'text' must be a str (got {type(text).__name__})")
    raw = normalize(text)
    body, unit = _split_unit(raw, unit)
    try:
        figure = parse_figure(body)
    except FigureTooLarge:
        raise
    except OcopValueError:
        shown = text if len(text) <= 40 else text[:37] + "…"
        raise OcopValueError(
            tr("{text!r} is not an amount (write it like 6.422.330 or 6.422,33)", text=shown)
        ) from None
    try:
        return to_dong(figure, unit)
    except OcopValueError:
        raise OcopValueError(
            tr("{text!r} is not a whole number of đồng in {unit}", text=text, unit=unit_label(unit))
        ) from None


def _split_unit(raw: str, unit: Unit) -> tuple[str, Unit]:
    """Split a trailing unit off a figure (``"1.000 đồng"`` stays a figure of đồng)."""
    m = re.search(r"\s+(.*\S)\s*$", raw)
    if m is not None and not re.fullmatch(r"[\d.,\s]+", m.group(1)):
        try:
            return raw[: m.start()].strip(), Unit.parse(m.group(1))
        except OcopValueError:
            pass
    stripped = _SUFFIX.sub("", raw)
    if stripped != raw:
        return stripped.strip(), Unit.DONG
    return raw, unit


def format_figure(value: int | Decimal, *, places: int = 0, lang: Language | None = None) -> str:
    """``value`` with ``places`` decimals, the way ``lang`` writes figures: ``6.422,33``.

    ``value`` must already be rounded to ``places`` decimals; ``lang`` defaults to the current
    language ([`format_number`][ocop.numbers.format_number] does the writing).
    """
    return format_number(value, places=places, lang=lang)


def format_amount(
    dong: int,
    unit: Unit = Unit.DONG,
    *,
    places: int | None = None,
    rounding: str = ROUND_HALF_UP,
    label: bool = True,
    lang: Language | None = None,
) -> str:
    """``dong`` written in ``unit`` the way ``lang`` (default: the current language) writes it.

    Args:
        dong: The amount in đồng.
        unit: The unit to write it in.
        places: Decimals to keep; ``None`` keeps exactly as many as the amount needs, so
            nothing is lost.
        rounding: A `decimal` rounding mode, used when ``places`` drops digits.
        label: Append the unit's label (``đồng``, ``triệu đồng``… in Vietnamese; ``VND``,
            ``million VND``… in English).
        lang: The language of the figure and the label; ``None`` for the current one.

    >>> format_amount(6_422_330_000, lang="vi")
    '6.422.330.000 đồng'
    >>> format_amount(6_422_330_000, Unit.MILLION, places=2, lang="vi")
    '6.422,33 triệu đồng'
    >>> format_amount(6_422_330_000, Unit.MILLION, places=2, lang="en")
    '6,422.33 million VND'
    >>> format_amount(6_422_330_000, Unit.BILLION, places=1, label=False, lang="vi")
    '6,4'
    """
    _check_int(dong, "dong")
    ctx = _exact(dong, places=places or 0)
    with decimal.localcontext(ctx):
        value = Decimal(dong) / unit.value
        if places is None:
            exponent = value.normalize().as_tuple().exponent
            places = max(0, -exponent) if isinstance(exponent, int) else 0
    ctx.traps[decimal.Inexact] = False  # rounding to ``places`` is asked for, and explicit
    ctx.prec += places
    with decimal.localcontext(ctx):
        value = value.quantize(Decimal(1).scaleb(-places), rounding=rounding)
    text = format_number(value, places=places, lang=lang)
    if not label:
        return text
    with use_language(lang or language()):
        return f"{text} {unit_label(unit)}"


def unit_label(unit: Unit) -> str:
    """``unit`` after a figure in the current language: ``triệu đồng``, ``million VND``."""
    if unit is Unit.THOUSAND:
        return tr("thousand VND")
    if unit is Unit.MILLION:
        return tr("million VND")
    if unit is Unit.BILLION:
        return tr("billion VND")
    return tr("VND")


def unit_header(unit: Unit) -> str:
    """``unit`` as a table header in the current language: ``1.000 đồng``, ``thousand VND``."""
    if unit is Unit.THOUSAND:
        return tr("1,000 VND")
    return unit_label(unit)


# --------------------------------------------------------------------------- words

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 1_000_000_000


def _group_words(n: int, *, full: bool, linh: str) -> list[str]:
    """Words for 0 < n < 1000; ``full`` reads an empty hundreds place (``không trăm``)."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(linh)
            words.append(_DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt" if tens > 1 else "một")
    elif units == 4:
        words.append("tư" if tens > 1 else "bốn")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def _below_billion(n: int, *, leading: bool, linh: str, thousand: str) -> list[str]:
    """Words for 0 < n < 10⁹; ``leading`` when nothing bigger is read before it."""
    words: list[str] = []
    for scale, name in ((1_000_000, "triệu"), (1_000, thousand), (1, "")):
        group, n = divmod(n, scale)
        if group:
            words += _group_words(group, full=not leading, linh=linh)
            if name:
                words.append(name)
            leading = False
    return words


def _words(n: int, *, leading: bool, linh: str, thousand: str) -> list[str]:
    high, low = divmod(n, _BILLION)
    words: list[str] = []
    if high:
        words += [*_words(high, leading=leading, linh=linh, thousand=thousand), "tỷ"]
        leading = False
    if low:
        words += _below_billion(low, leading=leading, linh=linh, thousand=thousand)
    return words


def in_words(
    n: int,
    *,
    linh: str = "linh",
    thousand: str = "nghìn",
    dong: bool = False,
    capitalize: bool = False,
) -> str:
    """``n`` read out in Vietnamese words.

    Args:
        n: Any integer; negative numbers are read with *âm* (minus).
        linh: The word for an empty tens place, ``"linh"`` or ``"lẻ"``.
        thousand: ``"nghìn"`` or ``"ngàn"``.
        dong: Append ``đồng``.
        capitalize: Capitalise the first letter, as "Bằng chữ" lines do.

    >>> in_words(6_422_330_000)
    'sáu tỷ bốn trăm hai mươi hai triệu ba trăm ba mươi nghìn'
    >>> in_words(2024)
    'hai nghìn không trăm hai mươi tư'
    >>> in_words(105, linh="lẻ", dong=True, capitalize=True)
    'Một trăm lẻ năm đồng'
    """
    _check_int(n, "n")
    if linh not in ("linh", "lẻ"):
        raise OcopValueError(f"'linh' must be 'linh' or 'lẻ' (got {linh!r})")
    if thousand not in ("nghìn", "ngàn"):
        raise OcopValueError(f"'thousand' must be 'nghìn' or 'ngàn' (got {thousand!r})")
    if n == 0:
        words = ["không"]
    else:
        words = _words(abs(n), leading=True, linh=linh, thousand=thousand)
        if n < 0:
            words.insert(0, "âm")
    if dong:
        words.append("đồng")
    text = " ".join(words)
    return text[:1].upper() + text[1:] if capitalize else text


# Values of the words parse_words reads, by their folded form where unambiguous.
_UNIT_WORDS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
_SCALES = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": _BILLION, "tỉ": _BILLION}
#: "rưỡi" (half): in the shortened forms, 5 of the unit below the scale before it.
_HALF = {"rưỡi": 5, "rưởi": 5}
#: The words that may follow a scale word alone, in the shortened forms of speech and notices:
#: one digit of the next lower unit ("hai triệu mốt" = 2.100.000, "một nghìn hai" = 1.200).
_SHORT_AFTER_SCALE = {
    w: v for w, v in _UNIT_WORDS.items() if v and w not in ("lăm", "nhăm")
} | _HALF
#: After "trăm", only the words that the full form never puts there: "ba trăm rưỡi" = 350,
#: "một trăm mốt" = 110, "hai trăm tư" = 240 (the full form says "linh một", "linh tư").
_SHORT_AFTER_HUNDRED = {"mốt": 1, "tư": 4} | _HALF
_IGNORED = {"đồng", "chẵn", "chẳn", "vnđ", "vnd", "bằng", "chữ"}
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def _ascii_digits(token: str) -> bool:
    # str.isdigit() is also true of "²" and other scripts' digits, which int() refuses.
    return token.isascii() and token.isdigit()


def _read_group(tokens: list[str], text: str) -> int:
    """Read 0–999 from words with no scale: ``[d trăm] [linh d | mười [d] | d mươi [d] | d]``."""
    value = 0
    i = 0

    def fail(why: str) -> OcopValueError:
        return _unreadable(text, why)

    def digit(pos: int) -> int:
        if pos >= len(tokens):
            raise fail(tr("a digit is missing at the end"))
        tok = tokens[pos]
        if _ascii_digits(tok) and len(tok) == 1:
            return int(tok)
        if tok not in _UNIT_WORDS:
            raise fail(tr("{word!r} is not a digit here", word=tok))
        return _UNIT_WORDS[tok]

    if len(tokens) == 1 and _ascii_digits(tokens[0]):
        number = int(tokens[0])
        if number >= 1000:
            raise fail(tr("{word!r} must be below 1000 before a scale word", word=tokens[0]))
        return number
    if len(tokens) >= 2 and tokens[1] == "trăm":
        value = digit(0) * 100
        i = 2
    elif tokens and tokens[0] == "trăm":
        raise fail(tr("'trăm' needs a digit before it"))
    rest = tokens[i:]
    if not rest:
        return value
    head = rest[0]
    if head in ("linh", "lẻ"):
        if len(rest) != 2:
            raise fail(tr("'{word}' must be followed by exactly one digit", word=head))
        return value + digit(i + 1)
    if head == "mười":
        if len(rest) > 2:
            raise fail(
                tr("unexpected {word!r} after {before!r}", word=rest[2], before=" ".join(rest[:2]))
            )
        return value + 10 + (digit(i + 1) if len(rest) == 2 else 0)
    if len(rest) >= 2 and rest[1] in ("mươi", "chục"):
        tens = digit(i)
        if tens < 2:
            raise fail(tr("'{words}' is not a ten (say 'mười')", words=" ".join(rest[:2])))
        if len(rest) > 3:
            raise fail(
                tr("unexpected {word!r} after {before!r}", word=rest[3], before=" ".join(rest[:3]))
            )
        return value + tens * 10 + (digit(i + 2) if len(rest) == 3 else 0)
    if len(rest) == 1:
        if value and head in _SHORT_AFTER_HUNDRED:
            # The shortened form: "ba trăm rưỡi" is 350, "một trăm mốt" 110.
            return value + _SHORT_AFTER_HUNDRED[head] * 10
        if head not in _UNIT_WORDS and not _ascii_digits(head):
            raise fail(
                tr(
                    "{word!r} cannot stand here (after {before!r})",
                    word=head,
                    before=" ".join(tokens[:i]),
                )
            )
        if value and head != "không":
            # "một trăm năm" is colloquial for 150 but written documents say "một trăm năm
            # mươi"; refuse rather than guess between 105 and 150.
            raise fail(
                tr(
                    "{text!r} is ambiguous: write 'linh {word}' or '{word} mươi'",
                    text=text,
                    word=head,
                )
            )
        return value + digit(i)
    raise fail(tr("unexpected {word!r} after {before!r}", word=rest[1], before=rest[0]))


def _unreadable(text: str, why: str) -> OcopValueError:
    """The error of words that cannot be read as a number, saying why."""
    return OcopValueError(tr("cannot read {text!r} as a number: {why}", text=text, why=why))


def _read(tokens: list[str], text: str) -> int:
    if not tokens:
        raise _unreadable(text, tr("a part is missing"))
    present = [(i, _SCALES[t]) for i, t in enumerate(tokens) if t in _SCALES]
    if not present:
        return _read_group(tokens, text)
    biggest = max(v for _, v in present)
    at = max(i for i, v in present if v == biggest)
    left, right = tokens[:at], tokens[at + 1 :]
    high = _read(left, text)
    if high == 0:
        raise _unreadable(text, tr("nothing before {scale!r}", scale=tokens[at]))
    if biggest < _BILLION and high >= 1000:
        # Only "tỷ" repeats the scales before it (nghìn tỷ, triệu tỷ, tỷ tỷ).
        raise _unreadable(
            text,
            tr(
                "{words!r} is too big to come before {scale!r}",
                words=" ".join(left),
                scale=tokens[at],
            ),
        )
    if len(right) == 1 and right[0] in (*_SHORT_AFTER_SCALE, "lăm", "nhăm"):
        return high * biggest + _short_after_scale(right[0], left, tokens[at], high, text)
    low = _read(right, text) if right else 0
    if low >= biggest:
        raise _unreadable(
            text,
            tr("{words!r} is too big to follow {scale!r}", words=" ".join(right), scale=tokens[at]),
        )
    return high * biggest + low


def _short_after_scale(word: str, left: list[str], scale: str, high: int, text: str) -> int:
    """The value of one word after a scale word, read the way speech and notices shorten it.

    "hai triệu mốt" is 2.100.000, "hai triệu tư" 2.400.000, "một nghìn hai" 1.200, "hai triệu
    rưỡi" 2.500.000: the word is the digit of the unit just below the scale (the full form of
    2.000.001 is "hai triệu không trăm linh một"). Where the unit below is not certain — after
    hundreds ("một trăm nghìn rưỡi": 100.500 or 150.000?) or after a compound scale ("nghìn
    tỷ") — the text is refused with a hint rather than read as something else.
    """
    value = _SCALES[scale]
    if word in ("lăm", "nhăm"):
        raise _unreadable(
            text,
            tr(
                "{word!r} follows only a ten; after {scale!r} say 'năm' or 'rưỡi' ({example}), "
                "or write the figure in full",
                word=word,
                scale=scale,
                example=" ".join([*left, scale, "rưỡi"]),
            ),
        )
    if high >= 100:
        raise _unreadable(
            text,
            tr(
                "{words!r} is ambiguous after {before!r}: write the part after {scale!r} in full "
                "(e.g. 'năm trăm nghìn') or as figures",
                words=" ".join([*left, scale, word]),
                before=" ".join(left),
                scale=scale,
            ),
        )
    return _SHORT_AFTER_SCALE[word] * value // 10


def parse_words(text: str) -> int:
    """Read an amount written in Vietnamese words, as people really write it.

    Accepts capitals, commas and full stops, a leading "Bằng chữ:", a trailing "đồng" or
    "đồng chẵn", *ngàn* for *nghìn*, *lẻ* for *linh*, *tỉ* for *tỷ*, *mốt*/*tư*/*lăm*/*nhăm*,
    *âm* for minus, and digits standing for a group ("6 tỷ 422 triệu").

    It also reads the shortened forms of speech and notices, where one word after a scale is
    the digit of the unit below it: "hai triệu mốt" = 2.100.000, "hai triệu tư" = 2.400.000,
    "một nghìn hai" = 1.200, "hai triệu rưỡi" = 2.500.000, "ba trăm rưỡi" = 350, "một trăm
    mốt" = 110. A shortened form whose unit is not certain ("một trăm nghìn rưỡi", "một trăm
    năm": 105 or 150?) is refused with a hint, never read as something else.

    >>> parse_words("hai triệu mốt"), parse_words("ba trăm rưỡi")
    (2100000, 350)

    >>> parse_words("Sáu tỷ, bốn trăm hai mươi hai triệu đồng")
    6422000000
    >>> parse_words("một trăm lẻ năm")
    105

    Raises:
        OcopValueError: The text is not a number in words; the message says which word.
    """
    if not isinstance(text, str):
        raise OcopTypeError(f"'text' must be a str (got {type(text).__name__})")
    tokens = [t.lower() for t in _TOKEN.findall(normalize(text))]
    tokens = [t for t in tokens if t not in _IGNORED]
    negative = bool(tokens) and tokens[0] == "âm"
    if negative:
        tokens = tokens[1:]
    if not tokens:
        raise _unreadable(text, tr("no number words in it"))
    known = (
        set(_UNIT_WORDS)
        | set(_SCALES)
        | set(_HALF)
        | {"trăm", "mươi", "chục", "mười", "linh", "lẻ"}
    )
    for tok in tokens:
        if tok not in known and not _ascii_digits(tok):
            raise _unreadable(text, tr("unknown word {word!r}", word=tok))
    if len(tokens) > _MAX_WORDS:
        raise OcopValueError(
            f"cannot read the text as a number: it has {len(tokens)} number words, and an "
            f"amount in words has at most {_MAX_WORDS}"
        )
    try:
        value = _read(tokens, text)
    except RecursionError:  # pragma: no cover - bounded by _MAX_WORDS
        raise OcopValueError("cannot read the text as a number: it is nested too deeply") from None
    if value >= 10**MAX_DIGITS:
        raise FigureTooLarge(
            f"cannot read the text as a number: it says a number of {len(str(value))} digits, "
            f"more than the {MAX_DIGITS} a figure may have"
        )
    return -value if negative else value


# Far more than any amount needs (10¹⁰⁰ takes about 150 words): a longer text is a mistake,
# and reading it would only recurse deeper.
_MAX_WORDS = 400

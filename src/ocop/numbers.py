"""Numbers as a person reads them in the current language: the one number formatter.

Vietnamese groups thousands with a dot and writes decimals after a comma (``3.822,33``,
``1,73 %``); English the other way round (``3,822.33``, ``1.73%``). The symbols are the
Unicode CLDR ones, read through Babel, so each language is written as its own conventions say.
Every table, report and message of ocop formats its figures here, so one output never mixes
the two styles. Machine formats (JSON, CSV) keep plain numbers and never come here.

Formatting is exact at any size: no float is involved and the decimal context is as wide as
the number needs (the default one keeps 28 digits and would round a huge amount silently).
"""

from __future__ import annotations

import decimal
import functools
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from ocop._i18n import Language, language
from ocop.errors import OcopTypeError, OcopValueError

__all__ = ["format_number", "format_percent"]


@functools.cache
def _symbols(lang: Language) -> tuple[str, str]:
    """The decimal and the group symbol of ``lang`` from CLDR."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_decimal_symbol(lang), get_group_symbol(lang)


def _context(value: Decimal, places: int) -> decimal.Context:
    """A context wide enough that ``value`` quantized to ``places`` is exact."""
    digits = len(value.as_tuple().digits) + max(0, value.adjusted())
    return decimal.Context(
        prec=digits + places + 30,
        Emax=decimal.MAX_EMAX,
        Emin=decimal.MIN_EMIN,
        traps=[decimal.InvalidOperation],
    )


def _decimal(value: int | Decimal | Fraction, places: int | None) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
        raise OcopTypeError(
            f"'value' must be an int, Decimal or Fraction (got {type(value).__name__})"
        )
    if isinstance(value, Fraction):
        if places is None:
            if value.denominator != 1:
                raise OcopValueError(f"'places' is needed to write {value} as a decimal")
            return Decimal(value.numerator)
        n, d = Decimal(value.numerator), Decimal(value.denominator)
        with decimal.localcontext(_context(n, places + len(str(value.denominator)))):
            return n / d
    if isinstance(value, Decimal) and not value.is_finite():
        raise OcopValueError(f"{value} is not a number that can be written")
    return Decimal(value)


def format_number(
    value: int | Decimal | Fraction,
    *,
    places: int | None = None,
    rounding: str = ROUND_HALF_UP,
    lang: Language | None = None,
) -> str:
    """``value`` with the group and decimal symbols of ``lang`` (default: the current one).

    Args:
        value: The number; never a float.
        places: Decimals to write; ``None`` writes exactly as many as the value has (a
            `Fraction` then has to be whole).
        rounding: A `decimal` rounding mode, used when ``places`` drops digits.
        lang: The language; ``None`` for the current one.

    >>> format_number(Decimal("3822.33"), lang="vi"), format_number(Decimal("3822.33"), lang="en")
    ('3.822,33', '3,822.33')
    >>> format_number(Fraction(221, 3), places=2, lang="vi")
    '73,67'
    """
    number = _decimal(value, places)
    if places is None:
        exponent = number.as_tuple().exponent
        places = max(0, -exponent) if isinstance(exponent, int) else 0
    if not 0 <= places <= 1000:
        raise OcopValueError(f"'places' must be between 0 and 1000 (got {places})")
    with decimal.localcontext(_context(number, places)):
        q = number.quantize(Decimal(1).scaleb(-places), rounding=rounding)
    point, group = _symbols(lang or language())
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{q.copy_abs():f}".partition(".")
    head = len(whole) % 3 or 3
    grouped = group.join([whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))])
    return f"{sign}{grouped}{point}{frac}" if frac else f"{sign}{grouped}"


def format_percent(
    value: int | Decimal | Fraction,
    *,
    places: int = 2,
    rounding: str = ROUND_HALF_UP,
    lang: Language | None = None,
) -> str:
    """``value``, already a percentage, with its sign: ``1,73 %`` in Vietnamese, ``1.73%``.

    Vietnamese separates the sign from the figure by a space, as the issue's tables and
    Vietnamese typesetting do; English does not.

    >>> format_percent(Decimal("1.734"), lang="vi"), format_percent(Decimal("1.734"), lang="en")
    ('1,73 %', '1.73%')
    """
    lang = lang or language()
    figure = format_number(value, places=places, rounding=rounding, lang=lang)
    return f"{figure} %" if lang == "vi" else f"{figure}%"

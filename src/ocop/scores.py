"""Scores: the council's mean (tổng điểm trung bình) as an exact number, checked, written and shown.

A score is an exact number from 0 to 100: an `int`, a `Decimal` or a
`Fraction` (the mean of the members' totals is a fraction: 639/7), never a
float. This module is the one home of what every capability does with a score:

- [`check_score`][ocop.scores.check_score]: the check (an exact number, finite, 0–100);
- [`exact_text`][ocop.scores.exact_text] / [`parse_score`][ocop.scores.parse_score]: the exact form,
  written in every document as a JSON string (``"96"``, ``"81.5"``, ``"639/7"``) and read back
  unchanged;
- [`format_score`][ocop.scores.format_score]: the display for people, a decimal cut (never rounded)
  to two places, with a decimal comma in Vietnamese (``74,66``) and a point in English (``74.66``).
"""

from __future__ import annotations

import functools
import math
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from ocop._i18n import Language, language
from ocop.errors import OcopTypeError, OcopValueError

__all__ = [
    "Score",
    "check_score",
    "exact_text",
    "format_score",
    "parse_score",
    "score_fraction",
]

#: An exact score: never a float.
Score = int | Decimal | Fraction


def check_score(value: object, *, name: str = "score") -> Score:
    """``value`` when it is an exact score from 0 to 100.

    Raises:
        OcopTypeError: ``value`` is a float, a bool or not a number.
        OcopValueError: ``value`` is not finite or outside 0–100.
    """
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
        raise OcopTypeError(
            f"'{name}' must be an int, Decimal or Fraction (got {type(value).__name__})"
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise OcopValueError(f"'{name}' must be a finite number (got {value})")
    if not 0 <= value <= 100:
        raise OcopValueError(f"'{name}' must be between 0 and 100 (got {value})")
    return value


def score_fraction(score: Score) -> Fraction:
    """``score`` as a `Fraction` (exact)."""
    return score if isinstance(score, Fraction) else Fraction(score)


def _terminating(value: Fraction) -> Decimal | None:
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return None
    digits = max(twos, fives)
    return Decimal(value.numerator * 10**digits // value.denominator).scaleb(-digits)


def _plain(number: Decimal) -> str:
    text = f"{number:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def exact_text(score: Score) -> str:
    """The exact form of ``score``: ``"96"``, ``"81.5"``, or ``"639/7"`` when its decimal does
    not terminate. It is how every document writes a score (a JSON string, one type for every
    score), and [`parse_score`][ocop.scores.parse_score] reads it back to an equal value."""
    value = score_fraction(score)
    if value.denominator == 1:
        return str(value.numerator)
    dec = _terminating(value)
    if dec is not None:
        return _plain(dec)
    return f"{value.numerator}/{value.denominator}"


def parse_score(value: object) -> Score:
    """The exact score written as ``value``: its exact form (``"72"``, ``"72.5"``,
    ``"145/2"``), or an int or Decimal as read from JSON.

    Raises:
        OcopValueError: ``value`` is not an exact number (a float, a word, a zero
            denominator…); the range is not checked here ([`check_score`][ocop.scores.check_score]).
    """
    if isinstance(value, bool):
        raise OcopValueError(f"not a score: {value!r}")
    if isinstance(value, int | Decimal):
        if isinstance(value, Decimal) and not value.is_finite():
            raise OcopValueError(f"not a score: {value}")
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if "/" in text:
                num, den = text.split("/", 1)
                if num.strip().lstrip("-").isascii() and den.strip().isascii():
                    return Fraction(int(num), int(den))
            elif text.lstrip("-").isdigit() and text.isascii():
                return int(text)
            elif text.isascii():
                number = Decimal(text)
                if number.is_finite():
                    return number
        except (ValueError, ZeroDivisionError, InvalidOperation):
            pass
    raise OcopValueError(f"not a score: {value!r} (write 72, 72.5 or 145/2)")


def format_score(score: Score, *, lang: Language | None = None, places: int = 2) -> str:
    """``score`` for people to read: exact when its decimal terminates, else cut to ``places``
    decimals; a decimal comma in Vietnamese, a point in English.

    ``lang`` defaults to the current language (`ocop._i18n.language`). Digits past
    ``places`` are dropped, never rounded up, so the printed score never reaches a star band
    the exact score does not: 49.999… prints ``49,99``, not ``50,00``. Terminating values print
    without trailing zeros (``72,5``, ``70,125``, ``80``).

    Raises:
        OcopValueError: ``places`` is negative.
    """
    if places < 0:
        raise OcopValueError(f"'places' must be 0 or more (got {places})")
    return _display(score, places, (lang or language()) == "vi")


@functools.lru_cache(maxsize=4096)
def _display(score: Score, places: int, comma: bool) -> str:
    # Cached: a live cycle writes the same few scores into many steps' reasons.
    value = score_fraction(score)
    dec = _terminating(value)
    if dec is not None:
        text = _plain(dec)
    else:
        text = f"{Decimal(math.floor(value * 10**places)).scaleb(-places):f}"
    return text.replace(".", ",") if comma else text

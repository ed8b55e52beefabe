"""The one reader of figures as Vietnamese documents write them.

One convention everywhere in ocop — budgets, plan targets and facts, any figure given as text
(docs: *Concepts → Figures*):

* a dot groups thousands: ``1.500`` is one thousand five hundred, ``6.422.330`` six million…;
  spaces (also non-breaking or thin ones) may group them instead: ``6 422 330``;
* a comma marks the decimals: ``97,5``, ``6.422,33``;
* a leading ``-`` or ``−`` makes it negative.

Nothing else is a figure: ``1.5`` (a dot that does not group three digits) and ``1,500.25``
(the English convention) are refused rather than guessed at, and so are figures longer than
`MAX_DIGITS` digits, which no table needs and which would only make arithmetic slow.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ocop._i18n import tr
from ocop.errors import OcopTypeError, OcopValueError
from ocop.text import normalize

__all__ = ["MAX_DIGITS", "FigureTooLarge", "figure_text", "parse_count", "parse_figure"]

#: The most digits a figure may have. The state budget of Vietnam is about 2 × 10¹⁵ đồng a
#: year; a figure of more than 45 digits is a mistake (or an attack), never data, and reading
#: one would only make every sum after it slow.
MAX_DIGITS = 45

FIGURE = re.compile(
    r"""^(?P<sign>[-−])?
        (?P<int>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+|[0-9]+)
        (?:,(?P<frac>[0-9]+))?$""",
    re.VERBOSE,
)


class FigureTooLarge(OcopValueError):
    """A figure has more than `MAX_DIGITS` digits."""


_GROUPING = re.compile(r"[.\s\u00a0\u202f]")


def _hint() -> str:
    return tr(
        "write it like 1.500, 6.422.330 or 97,5: dots group thousands, a comma marks decimals"
    )


def parse_figure(text: str) -> int | Decimal:
    """The exact number ``text`` writes, by the Vietnamese convention.

    An ``int`` when it has no decimals (``"1.500"`` → ``1500``), else a
    `Decimal` (``"97,5"`` → ``Decimal("97.5")``).

    >>> parse_figure("1.500")
    1500
    >>> parse_figure("6.422,33")
    Decimal('6422.33')

    Raises:
        OcopValueError: ``text`` is not a figure, or has more than `MAX_DIGITS`
            digits; the message quotes it and says how to write one.
    """
    if not isinstance(text, str):
        raise OcopTypeError(f"'text' must be a str (got {type(text).__name__})")
    body = normalize(text)
    m = FIGURE.match(body)
    if m is None:
        shown = body if len(body) <= 40 else body[:37] + "…"
        raise OcopValueError(tr("{text!r} is not a figure ({hint})", text=shown, hint=_hint()))
    digits = _GROUPING.sub("", m.group("int"))
    frac = m.group("frac") or ""
    if len(digits.lstrip("0")) + len(frac) > MAX_DIGITS:
        raise FigureTooLarge(
            tr(
                "a figure of {digits} digits is too large to be read (at most {most})",
                digits=len(digits) + len(frac),
                most=MAX_DIGITS,
            )
        )
    sign = "-" if m.group("sign") else ""
    if not frac.strip("0"):
        return int(sign + digits)
    return Decimal(f"{sign}{digits}.{frac}")


def parse_count(text: str) -> int:
    """A whole number of people, products, events… written as a figure (``"1.500"``).

    Raises:
        OcopValueError: ``text`` is not a figure, or not a whole number.
    """
    value = parse_figure(text)
    if not isinstance(value, int):
        raise OcopValueError(
            tr(
                "{text!r} is not a whole number: a count has no decimals",
                text=normalize(text),
            )
        )
    return value


def figure_text(value: int | Decimal) -> str:
    """``value`` written exactly by the convention [`parse_figure`][ocop.figures.parse_figure]
    reads, for documents: ``1500`` → ``"1.500"``, ``Decimal("97.50")`` → ``"97,5"``.

    >>> figure_text(Decimal("-6422.330"))
    '-6.422,33'
    """
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise OcopTypeError(f"'value' must be an int or Decimal (got {type(value).__name__})")
    if isinstance(value, Decimal) and not value.is_finite():
        raise OcopValueError(f"{value} is not a figure")
    text = f"{abs(value):f}" if isinstance(value, Decimal) else str(abs(value))
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    sign = "-" if value < 0 and (int(whole) or frac) else ""
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"

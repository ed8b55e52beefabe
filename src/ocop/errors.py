"""The one root of every exception ocop raises.

Exceptions are for programmer errors: calling a function with an argument of the wrong kind,
asking for a criteria set that does not exist. Problems in user data are never raised; they are
returned as [`ocop.problems.Problem`][ocop.problems.Problem] records so that every one of them can
be reported at once. Each exception also subclasses the closest builtin, so ``except ValueError``
keeps working.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ocop.problems import Problem

__all__ = [
    "OcopError",
    "OcopInputError",
    "OcopLookupError",
    "OcopProblemsError",
    "OcopTypeError",
    "OcopValueError",
]


class OcopError(Exception):
    """Root of every exception raised by ocop."""


class OcopValueError(OcopError, ValueError):
    """An argument has the right type but a value ocop cannot use."""


class OcopTypeError(OcopError, TypeError):
    """An argument has the wrong type."""


class OcopLookupError(OcopError, LookupError):
    """A key (criteria set id, sheet number, line code…) names nothing ocop knows."""


class OcopInputError(OcopValueError):
    """A document cannot be used at all: empty, not text, not the format it claims, or
    missing the columns it needs. Problems *inside* a usable document are returned as
    [`ocop.problems.Problem`][ocop.problems.Problem] records instead."""


class OcopProblemsError(OcopValueError):
    """Data was asked for although it has errors: raised by
    [`Result.unwrap`][ocop.problems.Result.unwrap], it carries every problem found.

    ``str()`` of it lists the errors, one a line, each with its location and code, as the
    ``ocop`` command prints them.

    Attributes:
        problems: Every problem of the result (errors and warnings), in the order found.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        from ocop._i18n import trn

        self.problems: tuple[Problem, ...] = tuple(problems)
        errors = [p for p in self.problems if p.is_error]
        head = trn("{n} error in the data:", "{n} errors in the data:", len(errors))
        super().__init__("\n".join([head, *(p.render() for p in errors)]))

"""Located problems in user data, and the result type that carries them.

A [`Problem`][ocop.problems.Problem] says *what* is wrong (a message and a stable ``code`` that
programs can match), *where* (a [`Location`][ocop.problems.Location]: file, row, field, or a
JSON-style ``$.path``) and how bad it is ([`Severity`][ocop.problems.Severity]). Functions that read
or check user data return a [`Result`][ocop.problems.Result]: the value they could build and every
problem they found, never only the first one.

Rendering follows one shape everywhere, so that command-line output can be grepped::

    budget.csv:5: amount: stated subtotal 100.000 ≠ sum of children 90.000 [budget.subtotal]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

import attrs

from ocop._enums import OcopEnum
from ocop._i18n import tr
from ocop.errors import OcopProblemsError

__all__ = [
    "Location",
    "Problem",
    "Result",
    "Severity",
    "has_errors",
    "render",
]

T = TypeVar("T")


class Severity(OcopEnum):
    """How serious a problem is.

    ``ERROR`` makes the data invalid (commands exit with status 1); ``WARNING`` is worth a
    reader's attention but the data can be used as it is; ``INFO`` only informs.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True)
class Location:
    """Where a problem was found.

    Attributes:
        file: The file's name as the user gave it, or ``None`` for data built in memory.
        row: The 1-based line (or row number as printed in the file) the problem is on.
        field: The column or field name.
        path: A JSON-style path into a document, e.g. ``$.members[2].choices["1.3"]``.
        code: A domain key that names the place, e.g. a budget line code ``"2.1"``.
        cell: A workbook cell as ``tab!A1``, e.g. ``"Phụ lục!D14"`` or
            ``"Thành viên 3!C14"`` (the tab's name as shown, unquoted).
    """

    file: str | None = None
    row: int | None = None
    field: str | None = None
    path: str | None = None
    code: str | None = None
    cell: str | None = None

    def render(self) -> str:
        """The location as ``file:row: cell: path: field`` (missing parts left out)."""
        head = ""
        if self.file is not None:
            head = self.file
        if self.row is not None:
            head = f"{head}:{self.row}" if head else tr("row {row}", row=self.row)
        parts = [p for p in (head, self.cell, self.path, self.field) if p]
        return ": ".join(parts)

    def with_file(self, file: str | None) -> Location:
        """The same location in ``file`` (kept if ``file`` is ``None``)."""
        return self if file is None else attrs.evolve(self, file=file)


@attrs.frozen(kw_only=True)
class Problem:
    """One problem found in user data.

    Attributes:
        code: A stable identifier, ``<area>.<what>``, e.g. ``"budget.subtotal"``; programs
            match on it, people read ``message``.
        message: What is wrong, in one sentence, with the figures involved.
        where: The [`Location`][ocop.problems.Location] of the problem.
        severity: [`Severity`][ocop.problems.Severity]; errors make the data invalid.
    """

    code: str
    message: str
    where: Location = attrs.field(factory=Location)
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        """``True`` when this problem makes the data invalid."""
        return self.severity is Severity.ERROR

    def render(self) -> str:
        """The problem on one line: ``location: [severity: ]message [code]``."""
        where = self.where.render()
        level = ""
        if self.severity is Severity.WARNING:
            level = tr("warning: ")
        elif self.severity is Severity.INFO:
            level = tr("info: ")
        head = f"{where}: " if where else ""
        return f"{head}{level}{self.message} [{self.code}]"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping of this problem (``None`` parts left out of ``where``)."""
        where = {k: v for k, v in attrs.asdict(self.where).items() if v is not None}
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "where": where,
        }


def has_errors(problems: Iterable[Problem]) -> bool:
    """``True`` when any of ``problems`` is an error."""
    return any(p.is_error for p in problems)


def render(problems: Iterable[Problem]) -> str:
    """Every problem on its own line, in the order given."""
    return "\n".join(p.render() for p in problems)


@attrs.frozen
class Result(Generic[T]):
    """A value together with the problems found while building it.

    The value is whatever could be built; when [`ok`][ocop.problems.Result.ok] is ``False`` it may
    be partial and should not be trusted for figures.

    Attributes:
        value: What was built.
        problems: Every problem found, in the order found.
    """

    value: T
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """``True`` when no problem is an error (warnings allowed)."""
        return not has_errors(self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that are errors."""
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems that are warnings."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    def unwrap(self) -> T:
        """The value, when no problem is an error; otherwise raise them all.

        For code that cannot go on with invalid data::

            budget = load_budget("budget.csv").unwrap()

        Warnings do not raise: they stay in ``problems``.

        Raises:
            OcopProblemsError: Some problem is an error; it carries
                ``problems`` and its message lists every error
                with its location and code.
        """
        if not self.ok:
            raise OcopProblemsError(self.problems)
        return self.value

    def __iter__(self) -> Iterator[object]:
        # Lets callers write ``value, problems = result``.
        yield self.value
        yield self.problems

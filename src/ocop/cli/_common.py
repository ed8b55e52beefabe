"""What every subcommand shares: reading inputs, the ``--format`` option, printing data.

Formats: ``table`` for people (aligned columns), ``json`` for programs (UTF-8, not ASCII
escaped, integers for money), ``csv`` for spreadsheets. Every command that prints data takes
``--format``.
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import csv
import io
import json
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ocop._documents import not_text
from ocop._files import same_file, write_atomic
from ocop._i18n import tr
from ocop._table import render_table
from ocop.problems import Problem

__all__ = [
    "HelpFormatter",
    "InputError",
    "add_format",
    "check_output",
    "decode_text",
    "examples",
    "print_json",
    "print_problem_rows",
    "print_problems",
    "print_rows",
    "quiet_warnings",
    "read_text",
    "warn",
    "write_output",
]

FORMATS = ("table", "json", "csv")


class InputError(Exception):
    """The input cannot be used at all (exit status 2); the message says why."""


def add_format(parser: argparse.ArgumentParser, choices: Sequence[str] = FORMATS) -> None:
    """Add ``--format`` with ``choices``; the first one is the default."""
    parser.add_argument(
        "--format",
        choices=tuple(choices),
        default=choices[0],
        help=f"output format (default: {choices[0]})",
    )


def examples(*commands: str) -> str:
    """The epilog of a command's ``--help``: its example command lines, kept as written."""
    head = "Example:" if len(commands) == 1 else "Examples:"
    return "\n".join([head, *(f"  {c}" for c in commands)])


def read_bytes(path: str) -> bytes:
    """The bytes of ``path`` (``-`` for standard input), or
    [`InputError`][ocop.cli._common.InputError]."""
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if p.is_dir():
        raise InputError(tr("{path}: is a directory, not a file", path=path))
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(tr("{path}: no such file", path=path)) from None
    except OSError as exc:
        raise InputError(
            tr("{path}: cannot read: {why}", path=path, why=exc.strerror or exc)
        ) from None


def read_text(path: str) -> str:
    """The UTF-8 text of ``path`` without a byte-order mark, or
    [`InputError`][ocop.cli._common.InputError].

    Empty files, binary files and text in another encoding are refused with a message that
    says which.
    """
    return decode_text(read_bytes(path), path)


def decode_text(data: bytes, path: str) -> str:
    """``data`` (read from ``path``) as UTF-8 text, or `InputError` (as
    `read_text`)."""
    if not data.strip():
        raise InputError(tr("{file}: the file is empty", file=path))
    why = not_text(data[:8192])
    if why is not None:
        raise InputError(f"{path}: {why}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            tr(
                "{path}: not UTF-8 text (byte {byte}); save the file as UTF-8",
                path=path,
                byte=exc.start + 1,
            )
        ) from None
    return text.removeprefix("\ufeff")


def check_output(output: str | None, *inputs: str | Path | None) -> None:
    """Refuse, before any work, an ``--output`` that names one of the ``inputs`` (exit 2):
    no command overwrites its own input. A folder among the inputs stands for every file in
    it."""
    if output is None or output == "-":
        return
    out = Path(output)
    if out.is_dir():
        raise InputError(tr("--output {output}: is a directory, not a file", output=output))
    for given in inputs:
        if given is None or str(given) == "-":
            continue
        source = Path(given)
        if same_file(out, source) or (source.is_dir() and same_file(out.parent, source)):
            if source.is_dir():
                message = tr(
                    "--output {output}: is a file of the input {given}; write to another "
                    "file, so that the input is not lost",
                    output=output,
                    given=given,
                )
            else:
                message = tr(
                    "--output {output}: is an input file; write to another file, so that the "
                    "input is not lost",
                    output=output,
                )
            raise InputError(message)


def write_output(text: str | bytes, output: str | None) -> None:
    """Write ``text`` (or bytes, e.g. a workbook) to ``output`` atomically (never
    half-written), or to standard output."""
    if output is None or output == "-":
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
        else:
            sys.stdout.write(text)
        return
    try:
        write_atomic(output, text)
    except OSError as exc:
        raise InputError(
            tr("{output}: cannot write ({why})", output=output, why=exc.strerror or exc)
        ) from None


def print_json(obj: Any) -> None:
    """Print ``obj`` as indented UTF-8 JSON."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def print_rows(
    fmt: str,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    right: Iterable[int] = (),
    to_json: Callable[[], Any] | None = None,
) -> None:
    """Print tabular data as ``table``, ``csv`` or ``json`` (``to_json`` builds the latter)."""
    if fmt == "json":
        if to_json is None:
            print_json([dict(zip(header, r, strict=True)) for r in rows])
        else:
            print_json(to_json())
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        sys.stdout.write(buf.getvalue())
    else:
        sys.stdout.write(render_table(header, rows, right=right) + "\n")


PROBLEM_COLUMNS = (
    "file",
    "row",
    "field",
    "path",
    "line",
    "code",
    "severity",
    "message",
    "cell",
)


def print_problem_rows(problems: Iterable[Problem]) -> None:
    """Problems as CSV rows ([`PROBLEM_COLUMNS`][ocop.cli._common.PROBLEM_COLUMNS]), for a
    spreadsheet."""
    print_rows(
        "csv",
        PROBLEM_COLUMNS,
        [
            [
                p.where.file or "",
                p.where.row or "",
                p.where.field or "",
                p.where.path or "",
                p.where.code or "",
                p.code,
                p.severity.value,
                p.message,
                p.where.cell or "",
            ]
            for p in problems
        ],
    )


_quiet: contextvars.ContextVar[bool] = contextvars.ContextVar("ocop_quiet", default=False)


@contextlib.contextmanager
def quiet_warnings(quiet: bool = True) -> Iterator[None]:
    """Inside the block, warnings and notes meant for standard error are not printed
    (``--quiet``); errors still are."""
    token = _quiet.set(quiet)
    try:
        yield
    finally:
        _quiet.reset(token)


def warn(text: str) -> None:
    """Print a warning or a note for people on standard error, unless ``--quiet``."""
    if not _quiet.get():
        print(text, file=sys.stderr)


def print_problems(problems: Iterable[Problem], *, file: Any = None) -> None:
    """Print each problem on its own line (to standard error unless ``file`` is given).

    On standard error, ``--quiet`` leaves out every problem that is not an error.
    """
    stream = sys.stderr if file is None else file
    quiet = _quiet.get() and stream is sys.stderr
    for p in problems:
        if p.is_error or not quiet:
            print(p.render(), file=stream)


class HelpFormatter(argparse.HelpFormatter):
    """Help that wraps prose but keeps examples as written.

    A description or epilog is made of paragraphs separated by blank lines; prose paragraphs
    are re-wrapped to the terminal, lines indented by two spaces (command examples) are kept.
    """

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        out: list[str] = []
        prose: list[str] = []

        def flush() -> None:
            if prose:
                out.append(
                    textwrap.fill(
                        " ".join(prose), width, initial_indent=indent, subsequent_indent=indent
                    )
                )
                prose.clear()

        for line in text.strip("\n").splitlines():
            if not line.strip():
                flush()
                out.append("")
            elif line.startswith("  "):
                flush()
                out.append(indent + line)
            else:
                prose.append(line.strip())
        flush()
        return "\n".join(out)

"""The ``ocop`` command: one entry point over every capability.

Each capability lives in its own module here (``budget``, ``rating``, ``cycle``…) with a
``register(subparsers)`` function that adds its subcommands. A handler returns the exit status:

* 0 — done, the data is consistent (warnings may have been printed);
* 1 — the data is invalid: every problem was printed, one a line;
* 2 — the input could not be used at all (missing, unreadable, wrong shape) or the command line
  was wrong.

Every command takes ``--lang vi|en`` (the language of everything it prints for people, tables,
problems and warnings alike; Vietnamese by default, or ``$OCOP_LANG``) and ``--quiet`` (no
warnings on standard error), before or after the subcommand's name.

Nothing here lets a traceback reach the user.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence

from ocop._i18n import LANGUAGES, Language, default_language, tr, use_language
from ocop._version import __version__
from ocop.cli._common import HelpFormatter, InputError, print_problems, quiet_warnings
from ocop.errors import OcopInputError, OcopProblemsError

__all__ = ["main"]

#: Modules that add subcommands, in the order ``ocop --help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "ocop.cli.budget",
    "ocop.cli.conformance",
    "ocop.cli.criteria",
    "ocop.cli.cycle",
    "ocop.cli.money",
    "ocop.cli.plan",
    "ocop.cli.rating",
    "ocop.cli.units",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every capability's subcommands."""
    parser = argparse.ArgumentParser(
        prog="ocop",
        description=(
            "OCOP (Mỗi xã một sản phẩm) programme tools: budgets, criteria and rating, "
            "the annual product cycle."
        ),
        epilog="Example:\n  ocop budget report --by section --unit million --lang en",
    )
    parser.add_argument("--version", action="version", version=f"ocop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    for each in parsers(parser):
        _add_common_options(each)
    return parser


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """``parser`` and every subcommand's parser under it, each once, depth first."""
    seen: set[int] = set()

    def walk(p: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
        if id(p) in seen:
            return
        seen.add(id(p))
        yield p
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for child in action.choices.values():
                    yield from walk(child)

    return walk(parser)


LANG_HELP = "language of what is printed for people: vi (default; or $OCOP_LANG) or en"
QUIET_HELP = "print no warnings on standard error (errors still print)"


def _add_common_options(parser: argparse.ArgumentParser) -> None:
    # Every parser takes both options, so they can stand before or after a subcommand's name.
    # Their defaults are suppressed so that a subcommand's parser never overwrites a value given
    # before its name; main() fills them in.
    parser.formatter_class = HelpFormatter
    options = parser._option_string_actions
    if "--lang" in options:
        # A command that declared its own --lang: one option, one default for all.
        action = options["--lang"]
        action.default = argparse.SUPPRESS
        action.choices = LANGUAGES
        action.help = LANG_HELP
    else:
        parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=LANG_HELP)
    if "--quiet" not in options:
        parser.add_argument(
            "-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help=QUIET_HELP
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``ocop`` command line and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        # A command group given without its subcommand, or nothing at all.
        help_parser = getattr(args, "group_parser", parser)
        help_parser.print_help(sys.stderr)
        return 2
    lang: Language = getattr(args, "lang", None) or default_language()
    args.lang = lang
    args.quiet = bool(getattr(args, "quiet", False))
    with use_language(lang), quiet_warnings(args.quiet):
        return _run(handler, args)


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        status = handler(args)
        sys.stdout.flush()
    except OcopProblemsError as exc:
        print_problems(exc.problems)
        return 1
    except (InputError, OcopInputError) as exc:
        print(f"ocop: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        if _output_failed(exc):
            return _cannot_write(exc)
        # A file the command reads or writes: unusable input, said in one line.
        name = f"{exc.filename}: " if exc.filename else ""
        print(f"ocop: {name}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        why = f"{type(exc).__name__}: {exc}"
        print("ocop: " + tr("internal error: {why} (please report this)", why=why), file=sys.stderr)
        return 3
    return status


def _output_failed(exc: OSError) -> bool:
    """``True`` when ``exc`` is standard output failing: a closed pipe, a full disk."""
    return isinstance(exc, BrokenPipeError) or exc.errno in _OUTPUT_ERRORS


_OUTPUT_ERRORS = frozenset(
    {errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EBADF, errno.EDQUOT}
)


def _cannot_write(exc: OSError) -> int:
    """One line on standard error, and standard output quietened so that the interpreter's
    own flush at exit does not fail again (exit 2)."""
    why = tr("the pipe was closed") if isinstance(exc, BrokenPipeError) else exc.strerror or exc
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    with contextlib.suppress(OSError):
        print("ocop: " + tr("cannot write the output: {why}", why=why), file=sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

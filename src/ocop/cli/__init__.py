"""The ``ocop`` command: one entry point over every capability.

Each capability lives in its own module here (``budget``, ``rating``, ``cycle``…) with a
``register(subparsers)`` function that adds its subcommands. A handler returns the exit status:

* 0 — done, the data is consistent (warnings may have been printed);
* 1 — the data is invalid: every problem was printed, one a line;
* 2 — the input could not be used at all (missing, unreadable, wrong shape) or the command line
  was wrong.

Nothing here lets a traceback reach the user.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ocop._version import __version__
from ocop.cli._common import InputError
from ocop.errors import OcopInputError

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
    )
    parser.add_argument("--version", action="version", version=f"ocop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


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
    try:
        status: int = handler(args)
    except (InputError, OcopInputError) as exc:
        print(f"ocop: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error of ours.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        print(
            f"ocop: internal error: {type(exc).__name__}: {exc} (please report this)",
            file=sys.stderr,
        )
        return 3
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""Write docs/reference/cli.md from the ``ocop`` parser's own help texts.

python scripts/build_cli_docs.py          # rewrite the page
python scripts/build_cli_docs.py --check  # exit 1 if the page is stale
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder, also when loaded by path
from _generated import ROOT, write_or_check

TARGET = ROOT / "docs" / "reference" / "cli.md"

INTRO = """# Command line

`ocop` is one command over every capability. Every command that prints data takes `--format`;
`table` is for people, `json` for programs (integers of đồng for money, UTF-8 text), `csv` for
spreadsheets.

Exit status, for every command:

| status | meaning |
|---|---|
| 0 | done; the data is consistent (warnings may have been printed) |
| 1 | the data is invalid: every problem was printed, one a line, with its location |
| 2 | the input could not be used at all (missing, empty, binary, not UTF-8, wrong shape), \
or the command line was wrong |

Problems print as `file:row: field: message [code]` (or `file: $.path: message [code]` for
JSON documents); the code in brackets is stable and can be matched by programs.

This page is generated from the commands' own help by `scripts/build_cli_docs.py`.
"""


def _walk(parser: argparse.ArgumentParser, prog: str) -> list[tuple[str, str]]:
    pages = [(prog, parser.format_help())]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                pages += _walk(sub, f"{prog} {name}")
    return pages


def build() -> str:
    os.environ["COLUMNS"] = "100"
    from ocop.cli import build_parser

    parts = [INTRO]
    for prog, text in _walk(build_parser(), "ocop"):
        level = "#" * min(prog.count(" ") + 2, 4)
        parts.append(f"{level} `{prog}`\n\n```text\n{text.rstrip()}\n```\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    return write_or_check(
        TARGET, build(), argv=argv, how_to_regenerate="python scripts/build_cli_docs.py"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

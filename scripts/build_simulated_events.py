"""Build the bundled SIMULATED event log of the built-in Quảng Trị 2019 plan.

``ocop report`` with no arguments reports the built-in plan on this log, so that its progress
section is not empty; every format labels the figures as simulated. The log is what
``ocop simulate`` writes with these fixed arguments:

    ocop simulate --province "Quảng Trị" --products 45 --year 2019 --seed 278

    python scripts/build_simulated_events.py          # rewrite the shipped file
    python scripts/build_simulated_events.py --check  # exit 1 if the shipped file is stale
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ocop.cli import main as ocop

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder, also when loaded by path
from _generated import PACKAGE_DATA, write_or_check

TARGET = PACKAGE_DATA / "quang-tri-2019" / "events-simulated.jsonl"
ARGS = [
    "simulate",
    "--province",
    "Quảng Trị",
    "--products",
    "45",
    "--year",
    "2019",
    "--seed",
    "278",
]


def build() -> str:
    """The log's text, as ``ocop simulate`` writes it."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "events.jsonl"
        status = ocop([*ARGS, "--output", str(out)])
        if status != 0:
            raise SystemExit(f"ocop simulate failed with status {status}")
        return out.read_text("utf-8")


def main(argv: list[str]) -> int:
    return write_or_check(
        TARGET, build(), argv=argv, how_to_regenerate="python scripts/build_simulated_events.py"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

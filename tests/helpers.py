"""What many test modules need: the repository's places, the reference data beside it, the CLI.

The reference data (``../shared``: the legal texts and the Quảng Trị 2019 tables the shipped
data is built from) is beside the repository in CI but not in a plain clone. A test that
compares with it is marked ``@needs_shared`` (or ``@needs_seed``) and skips, saying what is
missing; everything else carries its own fixtures under ``tests/data/`` or ``docs/tutorials/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ocop.cli import main

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
DATA = TESTS / "data"
DOCS = ROOT / "docs"
TUTORIALS = DOCS / "tutorials"
SCRIPTS = ROOT / "scripts"

SHARED = ROOT.parent / "shared"
#: The Quảng Trị 2019 tables as CSV, beside the repository.
SEED = SHARED / "data" / "quang-tri-2019"
#: The legal texts and the criteria transcriptions.
REFERENCE = SHARED / "reference"

needs_shared = pytest.mark.skipif(
    not REFERENCE.is_dir(),
    reason=f"the reference texts ({REFERENCE}) are not beside the repository",
)
needs_seed = pytest.mark.skipif(
    not SEED.is_dir(),
    reason=f"the Quảng Trị 2019 tables ({SEED}) are not beside the repository",
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``ocop *argv`` in-process: its exit status, standard output and standard error."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err

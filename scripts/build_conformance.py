"""Build the conformance suite shipped in ``src/ocop/conformance/data/``.

Usage: ``python scripts/build_conformance.py [--check]``

The inputs of the cases are built here, systematically (every sheet of every criteria set,
every boundary, every mark, every cut-off…); every expected output is the library's own
answer (:func:`ocop.conformance.answer`), never written by hand. With ``--check`` the script
only compares with the committed files and exits 1 when they differ: after a change of
behaviour, run it without ``--check`` and commit what it wrote.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _conformance_cases import AREA_CASES, Spec
from _generated import ROOT, write_or_check_all

from ocop.conformance import AREAS, SUITE, VERSION, answer, get_area

TARGET = ROOT / "src" / "ocop" / "conformance" / "data"


def vector_file(area: str, specs: list[Spec]) -> str:
    """The text of ``area``'s vector file: a header, then one case a line."""
    seen: set[str] = set()
    lines = []
    for spec in specs:
        if spec.id in seen:
            raise SystemExit(f"duplicate case id {spec.id}")
        seen.add(spec.id)
        case = {
            "id": spec.id,
            "reference": spec.reference,
            "input": spec.input,
            "expected": answer(area, spec.input),
        }
        lines.append(json.dumps(case, ensure_ascii=False, separators=(",", ":")))
    head = {
        "suite": SUITE,
        "version": VERSION,
        "area": area,
        "description": get_area(area).title,
    }
    text = json.dumps(head, ensure_ascii=False)[:-1]
    return text + ', "cases": [\n' + ",\n".join(lines) + "\n]}\n"


def _counts(files: dict[str, str]) -> Iterator[tuple[str, int]]:
    for area in AREAS:
        yield area, len(json.loads(files[f"{area}.json"])["cases"])


def build() -> dict[str, str]:
    """Every file of the suite: name → text."""
    files: dict[str, str] = {}
    for area in AREAS:
        files[f"{area}.json"] = vector_file(area, list(AREA_CASES[area]()))
        schema = get_area(area).schema()
        files[f"{area}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=1) + "\n"
    files["README.md"] = readme(dict(_counts(files)))
    return files


def readme(counts: dict[str, int]) -> str:
    """The export's README, with the number of cases of each area."""
    template = (Path(__file__).resolve().parent / "conformance_readme.md").read_text("utf-8")
    rows = "\n".join(
        f"| `{area}.json` | `{area}.schema.json` | {counts[area]} | {get_area(area).title} |"
        for area in AREAS
    )
    return template.format(
        suite=SUITE,
        version=VERSION,
        table=rows,
        total=sum(counts.values()),
    )


def main(argv: list[str]) -> int:
    files = build()
    return write_or_check_all(TARGET, files, check="--check" in argv, noun="vector files")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""What the three criteria builders (``build_criteria_*.py``) share.

Each builder reads one source of a national criteria set (bộ tiêu chí) and writes its data
files into ``src/ocop/rating/data/<alias>/``. They read cells the same way, sort a cell's
labelled lines the same way, close criteria and groups into the same data-file shape, record
what validation finds the same way, and have the same command line::

    python scripts/build_criteria_<alias>.py [--shared FOLDER] [--out FOLDER] [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from _generated import ROOT, SHARED, write_or_check_all

#: Where the criteria data ships: one folder per set, named by its alias.
RATING_DATA = ROOT / "src" / "ocop" / "rating" / "data"

#: The label that opens a note in the decisions' tables ("Ghi chú:", "Chú ý:").
NOTE_LABEL = re.compile(r"^(Ghi chú|Chú ý):\s*")


def nfc(text: str) -> str:
    """NFC text with runs of white space made one space, stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def unlabel(note: str) -> str:
    """A note without its "Ghi chú:" / "Chú ý:" label."""
    return NOTE_LABEL.sub("", note)


def labelled(line: str) -> tuple[str, str] | None:
    """Where a labelled line of a criterion's cell belongs, and its text; None if unlabelled.

    "Yêu cầu:" opens a requirement (without the label), "Chỉ áp dụng…" and "Lựa chọn một…"
    state a condition (kept whole), "Ghi chú:" and "Chú ý:" open a note (without the label).
    The place is the criterion's key: ``requirements``, ``conditions`` or ``notes``.
    """
    if line.startswith("Yêu cầu:"):
        return "requirements", line.removeprefix("Yêu cầu:").strip()
    if line.startswith(("Chỉ áp dụng", "Lựa chọn một")):
        return "conditions", line
    if line.startswith(("Ghi chú:", "Chú ý:")):
        return "notes", unlabel(line)
    return None


class Notes:
    """The irregularities found in one sheet's source: printed as warnings, stored as data.

    With ``unique``, a note already recorded (same place, text and resolution) is not
    recorded again.
    """

    def __init__(self, *, unique: bool = False) -> None:
        self.unique = unique
        self.items: list[dict[str, Any]] = []

    def add(self, where: str, text: str, *, resolved: bool = True) -> None:
        """Record ``text`` about ``where``; ``resolved`` if the reading taken is certain."""
        item = {"where": where, "text": text, "resolved": resolved}
        if not (self.unique and item in self.items):
            self.items.append(item)


def finish_part(
    part: dict[str, Any],
    notes: Notes,
    finish_group: Callable[[dict[str, Any], Notes], dict[str, Any]],
) -> dict[str, Any]:
    """A part of a sheet as the data file holds it, its groups closed by ``finish_group``."""
    return {
        "code": part["code"],
        "title": part["title"],
        "max": part["max"],
        "groups": [finish_group(g, notes) for g in part["groups"]],
    }


def finished_criterion(crit: dict[str, Any]) -> dict[str, Any]:
    """A scored criterion as the data file holds it, its options numbered from 1.

    A criterion printed without options is scored 0 (option 1, "Không đạt") or its maximum
    (option 2, "Đạt"), and is marked ``implicit_options``.
    """
    options = crit["options"]
    implicit = not options
    if implicit:
        options = [
            {"text": "Không đạt", "points": 0, "stars": None},
            {"text": "Đạt", "points": crit["max"], "stars": None},
        ]
    out: dict[str, Any] = {
        "code": crit["code"],
        "title": crit["title"],
        "max": crit["max"],
        "options": [{"number": n, **o} for n, o in enumerate(options, start=1)],
    }
    if implicit:
        out["implicit_options"] = True
    if crit.get("title_stars"):
        out["title_stars"] = crit["title_stars"]
    for key in ("requirements", "notes", "conditions"):
        if crit[key]:
            out[key] = crit[key]
    return out


def finished_group(
    group: dict[str, Any],
    criteria: list[dict[str, Any]],
    headings: list[dict[str, Any]],
    notes: list[str],
) -> dict[str, Any]:
    """A group as the data file holds it; empty ``headings`` and ``notes`` are left out."""
    out: dict[str, Any] = {
        "code": group["code"],
        "title": group["title"],
        "max": group["max"],
        "criteria": criteria,
    }
    if headings:
        out["headings"] = headings
    if notes:
        out["notes"] = notes
    return out


def note_validation(
    sheet: dict[str, Any],
    notes: Notes,
    *,
    part_max: Mapping[str, int],
    compare: Callable[[Any], str] | None = None,
) -> None:
    """Run the library's checks on ``sheet``; record every problem as an unresolved note.

    The sheet is kept as transcribed; ``compare``, if given, says what the later decision
    prints at the place of a problem, and is added to its note in parentheses.
    """
    from ocop.rating.criteria import sheet_from_dict
    from ocop.rating.validate import validate_sheet

    for problem in validate_sheet(sheet_from_dict(sheet), part_max=part_max):
        seen = f" ({compare(problem)})" if compare is not None else ""
        notes.add(
            problem.where.code or "sheet",
            f"found by validation: {problem.message} [{problem.code}]; kept as transcribed{seen}",
            resolved=False,
        )


def sheet_file(number: int) -> str:
    """The data file of sheet ``number``."""
    return f"sheet-{number:02d}.json"


def warnings(files: Mapping[str, str]) -> list[str]:
    """Every recorded irregularity of the data files, one line each, for the console."""
    out = []
    for name, text in sorted(files.items()):
        for n in json.loads(text).get("source_notes", []):
            flag = "" if n["resolved"] else " [UNRESOLVED]"
            out.append(f"{name}: {n['where']}: {n['text']}{flag}")
    return out


def main(
    argv: list[str] | None,
    *,
    doc: str | None,
    build: Callable[[Path], Mapping[str, str]],
    out: Path,
) -> int:
    """The builders' command line: build from ``--shared``, warn, then write or ``--check``."""
    parser = argparse.ArgumentParser(description=(doc or "").partition("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    parser.add_argument("--out", type=Path, default=out, help="where to write the data")
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    files = build(args.shared)
    for w in warnings(files):
        print(f"warning: {w}", file=sys.stderr)
    return write_or_check_all(args.out, files, check=args.check)

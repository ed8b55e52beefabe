"""Convert the one available 1048/QĐ-TTg scoring sheet into criteria data.

Reads ``../shared/reference/criteria-1048-2019/sheet-1.csv`` (the layout of the 148/QĐ-TTg
transcription, read by the same parser in ``build_criteria_148_2023.py``) and writes
``src/ocop/rating/data/1048-2019/``: ``set.json`` and ``sheet-01.json``. Criteria lettered
``a) b) c)`` are coded ``<group>.<position>`` as in the later sets. The source (a 2020
database dump, see its README) carries no star marks, so no option has one. Run from the
repository root::

    .venv/bin/python scripts/build_criteria_1048_2019.py [--check]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
SOURCE = Path("reference") / "criteria-1048-2019"
OUT = ROOT / "src" / "ocop" / "rating" / "data" / "1048-2019"

SET_ID = "1048/QĐ-TTg"
DECISION = "Quyết định 1048/QĐ-TTg ngày 21/8/2019 của Thủ tướng Chính phủ"
PART_MAX = {"A": 35, "B": 25, "C": 40}

#: The sheets available: number → (file, product set). Only one survives in the reference.
SHEETS = {1: ("sheet-1.csv", "Rau, củ, quả, hạt tươi")}

SET_META: dict[str, Any] = {
    "id": SET_ID,
    "alias": "1048-2019",
    "title": "Bộ tiêu chí đánh giá, phân hạng sản phẩm Chương trình mỗi xã một sản phẩm",
    "effective_from": "2019-08-21",
    "effective_until": "2023-02-24",
    "lapses_on": None,
    "legal_ref": f"{DECISION}, Phụ lục (Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP)",
    "part_max": PART_MAX,
}


def load_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def build(shared: Path = SHARED) -> dict[str, str]:
    """Every data file of the set: file name → JSON text."""
    from ocop.rating.criteria import sheet_from_dict
    from ocop.rating.validate import validate_sheet

    b148 = load_module("build_criteria_148_2023")
    files: dict[str, str] = {}
    for number, (fname, title) in SHEETS.items():
        notes = b148.Notes()
        text = (shared / SOURCE / fname).read_text(encoding="utf-8")
        sheet = b148.parse_sheet(number, title, text, notes, None)
        sheet["criteria_set"] = SET_ID
        sheet["legal_ref"] = (
            f"{DECISION}, Phụ lục, phiếu Bộ sản phẩm {title} (bản chép từ cơ sở dữ liệu "
            f"năm 2020, {SOURCE.as_posix()}/{fname}; số phiếu theo bản chép)"
        )
        built = sheet_from_dict(sheet)
        for problem in validate_sheet(built, part_max=PART_MAX):
            notes.add(
                problem.where.code or "sheet",
                f"found by validation: {problem.message} [{problem.code}]; kept as transcribed",
                resolved=False,
            )
        notes.add(
            "3.2",
            "the four options look like two sub-scales (1/2 and 0/1); scored, "
            "as the source stores it, as one criterion with maximum 2 (counting them "
            "as two lines would make part A 36, not 35)",
            resolved=False,
        )
        sheet["source_notes"] = notes.items
        files[f"sheet-{number:02d}.json"] = b148.dump(sheet)
    meta = dict(SET_META)
    meta["sheets"] = [{"number": n, "title": t} for n, (_, t) in SHEETS.items()]
    meta["notes"] = [
        "Only one of the decision's sheets is available (fresh vegetables, tubers, fruit and "
        "nuts), from a public 2020 database dump, not the official gazette; the other "
        "product sets are not shipped.",
        "The source carries no minimum-for-stars marks: no option of this set has one, so "
        "stars follow the score band alone.",
        "Parts: A 35 / B 25 / C 40 (148/QĐ-TTg and 26/2026/QĐ-TTg use A 40 / B 25 / C 35).",
    ]
    files["set.json"] = b148.dump(meta)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the data")
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    files = build(args.shared)
    for name, text in sorted(files.items()):
        for n in json.loads(text).get("source_notes", []):
            flag = "" if n["resolved"] else " [UNRESOLVED]"
            print(f"warning: {name}: {n['where']}: {n['text']}{flag}", file=sys.stderr)
    stale = [
        n
        for n, t in files.items()
        if not (args.out / n).exists() or (args.out / n).read_text("utf-8") != t
    ]
    if args.check:
        for n in stale:
            print(f"out of date: {args.out / n}", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files to {args.out} ({len(stale)} changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

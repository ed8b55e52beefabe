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

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder, also when loaded by path
import _criteria_common as common
import build_criteria_148_2023 as b148
from _criteria_common import Notes
from _generated import SHARED, dump_json

SOURCE = Path("reference") / "criteria-1048-2019"
OUT = common.RATING_DATA / "1048-2019"

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


def build(shared: Path = SHARED) -> dict[str, str]:
    """Every data file of the set: file name → JSON text."""
    files: dict[str, str] = {}
    for number, (fname, title) in SHEETS.items():
        notes = Notes(unique=True)
        text = (shared / SOURCE / fname).read_text(encoding="utf-8")
        sheet = b148.parse_sheet(number, title, text, notes, None)
        sheet["criteria_set"] = SET_ID
        sheet["legal_ref"] = (
            f"{DECISION}, Phụ lục, phiếu Bộ sản phẩm {title} (bản chép từ cơ sở dữ liệu "
            f"năm 2020, {SOURCE.as_posix()}/{fname}; số phiếu theo bản chép)"
        )
        common.note_validation(sheet, notes, part_max=PART_MAX)
        notes.add(
            "3.2",
            "the four options look like two sub-scales (1/2 and 0/1); scored, "
            "as the source stores it, as one criterion with maximum 2 (counting them "
            "as two lines would make part A 36, not 35)",
            resolved=False,
        )
        sheet["source_notes"] = notes.items
        files[common.sheet_file(number)] = dump_json(sheet)
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
    files["set.json"] = dump_json(meta)
    return files


#: Every recorded irregularity of the built files, one console line each.
warnings = common.warnings


def main(argv: list[str] | None = None) -> int:
    return common.main(argv, doc=__doc__, build=build, out=OUT)


if __name__ == "__main__":
    sys.exit(main())

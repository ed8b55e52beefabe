"""Generate the 26/2026/QĐ-TTg criteria data from the decision's text.

Reads ``../shared/reference/qd-26-2026/qd-26-2026-QD-TTg.txt`` (one table row a line, cells
separated by `` | ``) and writes ``src/ocop/rating/data/26-2026/``: ``set.json``, one
``sheet-NN.json`` per scoring sheet of Appendix II, and ``classification.json`` (Appendix I).

Layout rules (always applied, not irregularities): a line in parentheses right after a
criterion or group heading continues its title; ``6.2`` and ``6.2.`` are the same code; a
criterion whose code prefixes the next criteria's codes (``6.1`` before ``6.1.1``) is a
sub-heading, not a scored line; a criterion without options is scored 0 or its maximum.

Everything else that departs from the layout is printed as a warning and recorded in the
sheet's ``source_notes`` with the decision taken, so that a reader can check it against the
official gazette. Run from the repository root::

    .venv/bin/python scripts/build_criteria_26_2026.py [--check]
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder, also when loaded by path
import _criteria_common as common
from _criteria_common import Notes, labelled, nfc
from _generated import SHARED, dump_json

SOURCE = Path("reference") / "qd-26-2026" / "qd-26-2026-QD-TTg.txt"
OUT = common.RATING_DATA / "26-2026"

SET_ID = "26/2026/QĐ-TTg"
DECISION = "Quyết định 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ"

SET_META: dict[str, Any] = {
    "id": SET_ID,
    "alias": "26-2026",
    "title": "Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm",
    "effective_from": "2026-05-22",
    "effective_until": None,
    "lapses_on": None,
    "legal_ref": f"{DECISION}, Phụ lục II (Bộ tiêu chí đánh giá sản phẩm OCOP)",
    "part_max": {"A": 40, "B": 25, "C": 35},
}

# --- line shapes ----------------------------------------------------------------------------
PART = re.compile(r"^phần\s+([ABC])\b\s*:?\s*(.*?)\s*\|\s*(\d+)\s*$", re.IGNORECASE)
PART_POINTS = re.compile(r"\s*\((\d+)\s*điểm\)\s*$", re.IGNORECASE)
OPTION = re.compile(r"^(□|o)\s+(.*?)\s*\|\s*(\S*)\s*$")
CRITERION = re.compile(r"^(\d+\.\d+(?:\.\d+)*)(\.?)\s+(.+?)\s*\|\s*(\d+)(\s+\d+)?\s*$")
GROUP = re.compile(r"^(\d+)(\.?)\s+(.+?)\s*\|\s*(\d+)(\s+\d+)?\s*$")
MARK = re.compile(r"(\*(?:\s*\*){2,4})")
CASE = re.compile(r"^([a-z])\.\s+(Trường hợp.*?)\s*\|?\s*$")
CONTINUATION = re.compile(r"^(\(.*\))\s*\|?\s*$")
EMBEDDED_REQUIREMENT = re.compile(r"\s+(Yêu cầu:.*)$")
EMBEDDED_CONDITION = re.compile(r"\s+(Áp dụng bắt buộc.*)$")
REJECTION = re.compile(r"^(?:Hồ sơ )?[Bb]ị loại khi:\s*(.*?)\s*\|?\s*$")
INDEX_ROW = re.compile(r"^(\d+) \| Bộ sản phẩm: (.+)$")


def cell(text: str) -> str:
    """A one-cell row without its trailing empty cell (``"… | "``)."""
    return nfc(re.sub(r"\s*\|\s*$", "", text))


# --- Appendix II: the sheets ----------------------------------------------------------------


def split_appendices(lines: list[str]) -> tuple[list[str], list[str]]:
    """Appendix I and Appendix II, as lists of lines."""
    starts = {
        name: i
        for i, line in enumerate(lines)
        for name in ("I", "II", "III")
        if line.strip() == f"PHỤ LỤC {name}"
    }
    return lines[starts["I"] : starts["II"]], lines[starts["II"] : starts["III"]]


def sheet_index(appendix: list[str]) -> dict[int, str]:
    """The appendix's list of product sets: number → name."""
    found: dict[int, str] = {}
    for line in appendix:
        m = INDEX_ROW.match(line.strip())
        if m and int(m[1]) not in found:
            found[int(m[1])] = nfc(m[2])
    return found


def sheet_blocks(appendix: list[str]) -> Iterator[tuple[int, str, int, list[str]]]:
    """Each sheet as (number, heading, first line number in the file, its lines).

    A sheet starts at a ``N. …`` line followed by ``(Sản phẩm: …)``.
    """
    offset = 0
    starts: list[tuple[int, int, str]] = []
    for i, line in enumerate(appendix):
        m = re.match(r"^(\d+)\.\s+(.+)$", line.strip())
        nxt = appendix[i + 1].strip() if i + 1 < len(appendix) else ""
        if m and nxt.startswith("(Sản phẩm"):
            starts.append((i, int(m[1]), nfc(m[2])))
    for k, (i, number, heading) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(appendix)
        yield number, heading, i + offset, appendix[i:end]


def parse_mark(text: str, where: str, notes: Notes) -> tuple[str, int | None, str | None]:
    """An option's text without its star mark, the mark's stars, and any text after it."""
    m = MARK.search(text)
    if m is None:
        return text, None, None
    raw = m[1]
    stars = raw.count("*")
    before, after = nfc(text[: m.start()]), nfc(text[m.end() :])
    if " " in raw:
        notes.add(where, f"star mark printed with spaces ({raw!r}); read as {stars} stars")
    if stars not in (3, 4, 5):
        notes.add(where, f"mark {raw!r} names no star level; ignored", resolved=False)
        return nfc(text), None, None
    return before, stars, after or None


def parse_sheet(
    number: int, heading: str, title: str, first_line: int, lines: list[str]
) -> dict[str, Any]:
    """One sheet as a data-file mapping (see ``ocop.rating.criteria.sheet_from_dict``)."""
    notes = Notes()
    classification = cell(lines[1]).strip("()") if len(lines) > 1 else ""
    heading_name = heading.removeprefix("Bộ sản phẩm:").strip()
    if heading_name != title:
        notes.add(
            "title",
            f"the sheet's heading reads {heading!r}; the appendix's list of product sets "
            f"names it {title!r}, which is used",
        )
    rejection: list[str] = []
    parts: list[dict[str, Any]] = []
    group: dict[str, Any] | None = None
    crit: dict[str, Any] | None = None
    case: str | None = None
    in_table = False
    stated_total: int | None = None
    has_legend = False

    def line_where(k: int) -> str:
        return f"line {first_line + k + 1}"

    for k, raw in enumerate(lines[2:], start=2):
        line = nfc(raw)
        if not line or re.fullmatch(r"[_\-…. ]+", line):
            continue
        rej = REJECTION.match(line)
        if rej:
            ground = nfc(rej[1])
            if not line.startswith("Hồ sơ"):
                notes.add(
                    line_where(k),
                    "rejection grounds printed as 'Bị loại khi:'; read as 'Hồ sơ bị loại khi:'",
                )
            if ground in rejection:
                notes.add(line_where(k), "the rejection grounds are printed twice; kept once")
            else:
                rejection.append(ground)
            continue
        if line.startswith("Các tiêu chí"):
            in_table = True
            continue
        if not in_table:
            continue
        if line.startswith("TỔNG CỘNG"):
            stated_total = int(line.rsplit("|", 1)[1])
            continue
        if line.startswith("Ghi chú: Dấu sao"):
            has_legend = True
            continue
        if stated_total is not None:
            continue  # the signature block after the table
        if m := PART.match(line):
            code, text, col = m[1].upper(), m[2], int(m[3])
            pm = PART_POINTS.search(text)
            ptitle = nfc(PART_POINTS.sub("", text))
            if pm and int(pm[1]) != col:
                notes.add(
                    f"part {code}",
                    f"the heading says ({pm[1]} Điểm) but the score column says {col}; the "
                    f"column is used: it matches the sum of the part's groups and the "
                    f"decision's maxima (A 40 / B 25 / C 35)",
                )
            if not raw.startswith(("Phần ", "PHẦN ")) or ":" not in raw.split("|")[0]:
                pass  # "Phần A SẢN PHẨM…" without a colon is only typography
            parts.append({"code": code, "title": ptitle, "max": col, "groups": []})
            group = crit = None
            continue
        if not parts:
            notes.add(line_where(k), f"text before part A ignored: {line!r}", resolved=False)
            continue
        if m := OPTION.match(line):
            bullet, text, pts = m[1], m[2], m[3]
            where = crit["code"] if crit else (group["code"] if group else "?")
            if bullet != "□":
                notes.add(where, f"option bulleted {bullet!r} instead of '□'; read as an option")
            if crit is None:
                if group is None:
                    notes.add(
                        line_where(k), f"option outside any group ignored: {line!r}", resolved=False
                    )
                    continue
                if group["criteria"]:
                    notes.add(
                        group["code"],
                        "options after the group's criteria; read as options of the last criterion",
                        resolved=False,
                    )
                    crit = group["criteria"][-1]
                else:
                    crit = new_criterion(group["code"], group["title"], group["max"])
                    crit["direct"] = True
                    for pending in group.pop("pending", []):
                        file_text(crit, pending, notes)
                    group["criteria"].append(crit)
            text, stars, after = parse_mark(text, crit["code"], notes)
            if after:
                crit["notes"].append(after.removeprefix("Ghi chú:").strip())
                notes.add(
                    crit["code"],
                    f"text printed after an option's star mark "
                    f"({after!r}) moved to the criterion's notes",
                )
            if pts == "":
                points = 0
                notes.add(
                    crit["code"],
                    f"option {text!r} is printed without points; read as "
                    f"0 (the same option is worth 0 in the other sheets)",
                )
            elif pts.isdigit():
                points = int(pts)
            else:
                points = 0
                notes.add(
                    crit["code"], f"option {text!r} has points {pts!r}; read as 0", resolved=False
                )
            option: dict[str, Any] = {"text": text, "points": points, "stars": stars}
            if case:
                option["case"] = case
            crit["options"].append(option)
            continue
        if m := CRITERION.match(line):
            code, dot, text, mx = m[1], m[2], m[3], int(m[4])
            if group is None:
                notes.add(
                    line_where(k), f"criterion outside a group ignored: {line!r}", resolved=False
                )
                continue
            if m[5]:
                notes.add(
                    code, f"the score column reads '{mx}{m[5]}'; read as {mx}", resolved=False
                )
            crit = new_criterion(code, nfc(text), mx)
            if em := EMBEDDED_REQUIREMENT.search(crit["title"]):
                crit["title"] = nfc(crit["title"][: em.start()])
                crit["requirements"].append(em[1].removeprefix("Yêu cầu:").strip())
                notes.add(
                    code,
                    "a requirement ('Yêu cầu: …') is printed inside the title "
                    "cell; moved to the criterion's requirements",
                )
            group["criteria"].append(crit)
            case = None
            continue
        if m := GROUP.match(line):
            code, dot, text, mx = m[1], m[2], m[3], int(m[4])
            if not dot:
                notes.add(
                    code,
                    f"group code printed without its period ({line[:40]!r}…); read as group {code}",
                )
            if m[5]:
                notes.add(
                    code,
                    f"the score column reads '{mx}{m[5]}'; read as {mx} (the "
                    f"trailing figure looks like a stray footnote mark; {mx} is the "
                    f"group's best option and keeps part {parts[-1]['code']}'s sum)",
                )
            group = {"code": code, "title": nfc(text), "max": mx, "criteria": []}
            if em := EMBEDDED_CONDITION.search(group["title"]):
                group["title"] = nfc(group["title"][: em.start()])
                group["pending"] = [em[1]]
                notes.add(
                    code,
                    "a condition ('Áp dụng bắt buộc…') is printed inside the "
                    "group's title cell; moved to the notes of the group's criterion",
                )
            parts[-1]["groups"].append(group)
            crit = None
            case = None
            continue
        if group is None:
            notes.add(line_where(k), f"text outside any group ignored: {line!r}", resolved=False)
            continue
        if m := CONTINUATION.match(line):
            target = crit if crit is not None else group
            if target is crit and crit is not None and crit["options"]:
                crit["notes"].append(nfc(m[1]))
            else:
                target["title"] = f"{target['title']} {nfc(m[1])}"
            continue
        if m := CASE.match(line):
            case = f"{m[1]}. {nfc(m[2])}"
            continue
        text = cell(line)
        if crit is None:
            group.setdefault("pending", []).append(text)
            continue
        file_text(crit, text, notes)

    if stated_total != 100:
        notes.add("total", f"the sheet's stated total is {stated_total}, not 100", resolved=False)
    marked = any(
        o["stars"] for p in parts for g in p["groups"] for c in g["criteria"] for o in c["options"]
    )
    if not has_legend and marked:
        notes.add(
            "marks",
            "the sheet prints no star-mark legend ('Ghi chú: Dấu sao là yêu "
            "cầu tối thiểu…') although options carry marks; the marks are read with "
            "the meaning the other sheets' legend gives them",
        )
    for where, text in PRINT_SLIPS.get(number, ()):
        notes.add(where, text)
    rejection_out = rejection
    return {
        "criteria_set": SET_ID,
        "number": number,
        "title": title,
        "classification": classification,
        "legal_ref": f"{DECISION}, Phụ lục II, phiếu {number}: Bộ sản phẩm {title}",
        "rejection_grounds": rejection_out,
        "parts": [common.finish_part(p, notes, finish_group) for p in parts],
        "source_notes": notes.items,
    }


#: Points that look like slips of the printed decision, kept as printed and noted: the
#: decision is the law a council scores with, and ocop does not correct it.
PRINT_SLIPS: dict[int, tuple[tuple[str, str], ...]] = {
    7: (
        (
            "3.1",
            "option 2 (Công ty TNHH; hoặc doanh nghiệp tư nhân…) is printed as 1 point, "
            "where the other 25 sheets give it 2 (and option 1 is 1 point here too): "
            "probably a slip of the print; read as printed (1), the decision being what "
            "councils score with; the most the criterion gives (3) is unchanged",
        ),
    ),
    23: (
        (
            "6.2",
            "options 1 and 2 are both printed as 1 point (every other sheet's options rise "
            "with each step): probably a slip of the print; read as printed, so choosing "
            "option 2 over option 1 adds nothing; the most the criterion gives (5) is "
            "unchanged",
        ),
    ),
}


def file_text(crit: dict[str, Any], text: str, notes: Notes) -> None:
    """Attach a text line to the criterion's requirements, conditions or notes."""
    if found := labelled(text):
        key, value = found
        crit[key].append(value)
        return
    crit["notes"].append(text)
    if not text.startswith("Áp dụng bắt buộc"):
        notes.add(crit["code"], f"unlabelled text kept as a note: {text!r}")


def new_criterion(code: str, title: str, mx: int) -> dict[str, Any]:
    return {
        "code": code,
        "title": title,
        "max": mx,
        "options": [],
        "requirements": [],
        "notes": [],
        "conditions": [],
    }


def fix_points(crit: dict[str, Any], notes: Notes) -> None:
    """Read an option printed above its criterion's maximum with a stray leading ``1``."""
    options = crit["options"]
    for i, opt in enumerate(options):
        pts = opt["points"]
        if pts <= crit["max"]:
            continue
        rest = str(pts)[1:]
        lo = options[i - 1]["points"] if i else 0
        hi = options[i + 1]["points"] if i + 1 < len(options) else crit["max"]
        if str(pts).startswith("1") and rest and lo <= int(rest) <= hi:
            opt["points"] = int(rest)
            notes.add(
                crit["code"],
                f"option {i + 1} ({opt['text']!r}) is printed with {pts} points, more than "
                f"the criterion's maximum {crit['max']}; read as {rest}: the figure carries a "
                f"stray leading '1' and {rest} fits between the options around it",
            )
        else:
            notes.add(
                crit["code"],
                f"option {i + 1} is printed with {pts} points, more than the criterion's "
                f"maximum {crit['max']}; kept as printed",
                resolved=False,
            )


def finish_group(group: dict[str, Any], notes: Notes) -> dict[str, Any]:
    """Turn sub-headings into headings, give option-less criteria their two options."""
    crits = group["criteria"]
    scored: list[dict[str, Any]] = []
    headings: list[dict[str, Any]] = []
    for i, c in enumerate(crits):
        following = [d["code"] for d in crits[i + 1 :]]
        if not c["options"] and any(f.startswith(c["code"] + ".") for f in following):
            headings.append({"code": c["code"], "title": c["title"], "max": c["max"]})
            extra = c["requirements"] + c["notes"] + c["conditions"]
            if extra:
                group.setdefault("pending", []).extend(extra)
            continue
        scored.append(c)
    for c in scored:
        fix_points(c, notes)
    return common.finished_group(
        group,
        [common.finished_criterion(c) for c in scored],
        headings,
        [common.unlabel(t) for t in group.get("pending", [])],
    )


# --- Appendix I: the classification ---------------------------------------------------------

ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII) \| (.+?) \|\s*(.*)$")
GROUP_ROW = re.compile(r"^(\d+) \| Nhóm: (.+?) \|\s*(.*)$")
SUB_ROW = re.compile(r"^([a-z]) \| Phân nhóm: (.+?) \|\s*(.*)$")


def ministries(text: str) -> list[str]:
    return [nfc(m) for m in text.split(";") if nfc(m)]


def parse_classification(appendix: list[str]) -> dict[str, Any]:
    """Appendix I as categories → groups → sub-groups, each leaf with its sheet number.

    The leaves, in printed order, are the 26 product sets of Appendix II in order.
    """
    categories: list[dict[str, Any]] = []
    footnote = ""
    for raw in appendix:
        line = nfc(raw)
        if m := ROMAN.match(line):
            categories.append({"code": m[1], "title": m[2], "groups": []})
        elif m := GROUP_ROW.match(line):
            categories[-1]["groups"].append(
                {"code": m[1], "title": m[2], "ministries": ministries(m[3]), "subgroups": []}
            )
        elif m := SUB_ROW.match(line):
            categories[-1]["groups"][-1]["subgroups"].append(
                {"code": m[1], "title": m[2], "ministries": ministries(m[3])}
            )
        elif line.startswith("1 Theo Nghị định"):
            footnote = line.removeprefix("1 ").strip()
    sheet = 0
    for cat in categories:
        for grp in cat["groups"]:
            if grp["subgroups"]:
                for sub in grp["subgroups"]:
                    sheet += 1
                    sub["sheet"] = sheet
            else:
                sheet += 1
                grp["sheet"] = sheet
    return {
        "criteria_set": SET_ID,
        "legal_ref": f"{DECISION}, Phụ lục I (Danh mục phân loại sản phẩm tham gia đánh giá, "
        f"phân hạng sản phẩm OCOP)",
        "ministry_footnote": footnote,
        "categories": categories,
    }


# --- the whole set --------------------------------------------------------------------------


def build(shared: Path = SHARED) -> dict[str, str]:
    """Every data file of the set: file name → JSON text, as the script writes them."""
    text = (shared / SOURCE).read_text(encoding="utf-8")
    lines = text.splitlines()
    app1, app2 = split_appendices(lines)
    first_app2 = lines.index(app2[0])
    index = sheet_index(app2)
    files: dict[str, str] = {}
    sheets_meta = []
    for number, heading, offset, block in sheet_blocks(app2):
        title = index.get(number, heading.removeprefix("Bộ sản phẩm:").strip())
        sheet = parse_sheet(number, heading, title, first_app2 + offset, block)
        files[common.sheet_file(number)] = dump_json(sheet)
        sheets_meta.append({"number": number, "title": title})
    meta = dict(SET_META)
    meta["sheets"] = sheets_meta
    meta["notes"] = [
        "Generated from the decision's text by scripts/build_criteria_26_2026.py; each "
        "sheet's source_notes record where the text is irregular and how it was read.",
    ]
    for name in sorted(files):
        sheet = json.loads(files[name])
        if any(n["where"] == "marks" for n in sheet["source_notes"]):
            marked = [
                c["code"]
                for p in sheet["parts"]
                for g in p["groups"]
                for c in g["criteria"]
                if any(o["stars"] for o in c["options"])
            ]
            meta["notes"].append(
                f"Sheet {sheet['number']} ({sheet['title']}) prints no star-mark legend and "
                f"marks only criteria {', '.join(marked)}."
            )
    files["set.json"] = dump_json(meta)
    files["classification.json"] = dump_json(parse_classification(app1))
    return files


#: Every recorded irregularity of the built files, one console line each.
warnings = common.warnings


def main(argv: list[str] | None = None) -> int:
    return common.main(argv, doc=__doc__, build=build, out=OUT)


if __name__ == "__main__":
    sys.exit(main())

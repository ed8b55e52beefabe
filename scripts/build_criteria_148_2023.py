"""Convert the 148/QĐ-TTg transcription into criteria data, finding its defects by validation.

Reads ``../shared/reference/criteria-148-2023/sheet-NN.csv`` (columns ``title, description,
level, stars, score``; level 0 part, 1 group, 2 criterion, 3 option) and writes
``src/ocop/rating/data/148-2023/``: ``set.json`` and one ``sheet-NN.json`` per sheet.

Codes: the transcription letters criteria ``a) b) c) d) đ) e)`` inside each group; they are
written as the decision's successor prints them, ``<group>.<position>`` (``1.1, 1.2…``), the
position counting the group's distinct letters in order. A dash line (``- Tạp chất``) under a
lettered criterion, or a repeated letter with a ``Heading - line`` title, is a line under a
sub-heading (``6.1.1``), as 26/2026/QĐ-TTg prints the tea and coffee sheets.

Defects are found, not assumed: the converted sheet is run through
:mod:`ocop.rating.validate`, and every problem is recorded in the sheet's ``source_notes``:
resolved (with the grounds, from the neighbouring options or the 26/2026/QĐ-TTg text) or
unresolved (kept as transcribed). Nothing is patched without a note. Run from the repository
root::

    .venv/bin/python scripts/build_criteria_148_2023.py [--check]
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder, also when loaded by path
import _criteria_common as common
import build_criteria_26_2026 as b26
from _criteria_common import Notes, labelled, nfc, unlabel
from _generated import SHARED, dump_json

SOURCE = Path("reference") / "criteria-148-2023"
OUT = common.RATING_DATA / "148-2023"

SET_ID = "148/QĐ-TTg"
DECISION = "Quyết định 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ"

SET_META: dict[str, Any] = {
    "id": SET_ID,
    "alias": "148-2023",
    "title": "Bộ tiêu chí đánh giá, phân hạng và quy trình đánh giá, phân hạng sản phẩm "
    "Chương trình mỗi xã một sản phẩm",
    "effective_from": "2023-02-24",
    "effective_until": "2026-05-22",
    "lapses_on": "2026-07-21",
    "legal_ref": f"{DECISION}, Phụ lục (Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP)",
    "part_max": {"A": 40, "B": 25, "C": 35},
}

#: Vietnamese legal lettering, in order (no f, j, w, z; đ after d).
LETTERS = "abcdđeghiklmnopqrstuvxy"

LETTERED = re.compile(r"^([a-zđ])\s?\)\s*(.*)$", re.DOTALL)
DASHED = re.compile(r"^-\s*(.*)$", re.DOTALL)
CASE = re.compile(r"^([a-z])\.\s*(Trường hợp.*)$", re.DOTALL)
MARK = re.compile(r"\s*(\*(?:\s*\*){2,4})\s*")
PART = re.compile(r"^Phần\s+([ABC])\b[\s.:]*(.*)$", re.DOTALL)
GROUP = re.compile(r"^(\d+)\.\s*(.*)$", re.DOTALL)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return re.sub(r"[^a-z0-9]+", " ", "".join(c for c in text if not unicodedata.combining(c)))


def read_rows(text: str) -> list[tuple[int, dict[str, str]]]:
    """The CSV records with the file line each starts on (a cell may span lines)."""
    reader = csv.DictReader(io.StringIO(text))
    out = []
    start = 2
    for row in reader:
        out.append((start, row))
        start = reader.line_num + 1
    return out


def split_title(raw: str) -> tuple[str, list[str], list[str], list[str]]:
    """A title cell: its first line, plus continuation lines sorted by what they say."""
    lines = [nfc(x) for x in raw.splitlines() if nfc(x)]
    title = lines[0] if lines else ""
    reqs: list[str] = []
    notes: list[str] = []
    conds: list[str] = []
    into = {"requirements": reqs, "notes": notes, "conditions": conds}
    for extra in lines[1:]:
        if found := labelled(extra):
            into[found[0]].append(found[1])
        else:
            title = f"{title} {extra}"
    return title, reqs, notes, conds


def file_description(
    desc: str, title: str, reqs: list[str], notes: list[str], conds: list[str]
) -> str:
    """Sort a description cell's lines into the lists; return the (maybe longer) title."""
    into = {"requirements": reqs, "notes": notes, "conditions": conds}
    for line in (nfc(x) for x in desc.splitlines()):
        if not line:
            continue
        if found := labelled(line):
            into[found[0]].append(found[1])
        elif line.startswith("("):
            title = f"{title} {line}"
        else:
            notes.append(line)
    return title


def new_crit(code: str, title: str, mx: int | None, line: int) -> dict[str, Any]:
    return {
        "code": code,
        "title": title,
        "max": mx,
        "options": [],
        "requirements": [],
        "notes": [],
        "conditions": [],
        "line": line,
    }


def parse_sheet(
    number: int, name: str, text: str, notes: Notes, reference: dict[str, Any] | None
) -> dict[str, Any]:
    """One transcribed sheet as a data-file mapping (before validation)."""
    fname = f"sheet-{number:02d}.csv"
    parts: list[dict[str, Any]] = []
    group: dict[str, Any] | None = None
    crit: dict[str, Any] | None = None
    case: str | None = None
    rows = read_rows(text)
    letter_counts = count_letters(rows)
    for rownum, (line, row) in enumerate(rows, start=2):
        level = row["level"].strip()
        score_raw = row["score"].strip()
        # Spreadsheet row (header = row 1) and file line differ where a cell spans lines.
        where = f"{fname} line {line} (row {rownum})"
        if level == "0":
            m = PART.match(nfc(row["title"]))
            if not m:
                notes.add(
                    where, f"part row {row['title']!r} not understood; ignored", resolved=False
                )
                continue
            title = re.sub(r"\s*\(\s*\d+\s*Điểm\s*\)\s*$", "", m[2], flags=re.IGNORECASE)
            parts.append(
                {"code": m[1], "title": title.strip(" :."), "max": int(score_raw), "groups": []}
            )
            group = crit = None
            continue
        if level == "1":
            title, reqs, gnotes, conds = split_title(row["title"])
            m = GROUP.match(title)
            if not m or not parts:
                notes.add(where, f"group row {title!r} not understood; ignored", resolved=False)
                continue
            gtitle = file_description(row["description"], nfc(m[2]), reqs, gnotes, conds)
            group = {
                "code": m[1],
                "title": gtitle,
                "max": int(score_raw),
                "criteria": [],
                "letters": [],
                "pending": reqs + gnotes,
                "conds": conds,
                "line": line,
                "counts": letter_counts.get(line, {}),
            }
            parts[-1]["groups"].append(group)
            crit = None
            case = None
            continue
        if group is None:
            notes.add(where, "row outside any group ignored", resolved=False)
            continue
        if level == "2":
            title, reqs, cnotes, conds = split_title(row["title"])
            mx = int(score_raw) if score_raw.isdigit() else None
            if m := CASE.match(title):
                case = f"{m[1]}. {nfc(m[2])}"
                if crit is None or crit["code"] != group["code"]:
                    crit = new_crit(group["code"], group["title"], group["max"], line)
                    crit["conditions"] = group.pop("conds", [])
                    crit["direct"] = True
                    group["criteria"].append(crit)
                    notes.add(
                        group["code"],
                        "the rows 'a. Trường hợp…', 'b. Trường hợp…' are "
                        "the cases of one criterion ('Lựa chọn một trong hai trường hợp "
                        "sau'), as 26/2026/QĐ-TTg sheet 26 prints them; read as options "
                        f"of criterion {group['code']} with their case",
                    )
                continue
            case = None
            if m := DASHED.match(title):
                parent = next((c for c in reversed(group["criteria"]) if "sub" not in c), None)
                if parent is None:
                    notes.add(
                        where, f"dash line {title!r} before any criterion; ignored", resolved=False
                    )
                    continue
                parent.setdefault("children", 0)
                parent["children"] += 1
                crit = new_crit(f"{parent['code']}.{parent['children']}", nfc(m[1]), mx, line)
                crit["sub"] = True
            elif m := LETTERED.match(title):
                letter, rest = m[1], nfc(m[2])
                repeated = group["counts"].get(letter, 0) > 1
                head, _, sub = rest.partition(" - ") if repeated else (rest, "", "")
                lone = sum(group["counts"].values()) == 1
                if letter in group["letters"] and not sub:
                    expected = LETTERS[len(group["letters"])]
                    notes.add(
                        f"{group['code']}.{len(group['letters']) + 1}",
                        f"{where}: criterion '{rest[:40]}' is lettered {letter}) again "
                        f"after {group['letters'][-1]}); read as {expected}), the next "
                        f"letter, and coded by position",
                    )
                    group["letters"].append(expected)
                    pos = len(group["letters"])
                else:
                    if letter not in group["letters"]:
                        group["letters"].append(letter)
                        expected = LETTERS[len(group["letters"]) - 1]
                        if letter != expected:
                            notes.add(
                                where,
                                f"criterion lettered {letter}) where {expected}) "
                                "comes next; coded by position",
                            )
                    pos = group["letters"].index(letter) + 1
                code = f"{group['code']}.{pos}"
                title_stars = None
                if tm := MARK.search(rest):
                    level = tm[1].count("*")
                    rest = nfc(rest[: tm.start()] + " " + rest[tm.end() :])
                    ref = ref_criterion(reference, code, rest)
                    marked = "no option"
                    if ref is not None:
                        marked = (
                            ", ".join(
                                f"option {o['number']} ({o['stars']}★)"
                                for o in ref["options"]
                                if o["stars"]
                            )
                            or "no option"
                        )
                    title_stars = level
                    notes.add(
                        code,
                        f"a {level}★ mark is printed on the criterion's title, not "
                        "on an option; kept as the criterion's title_stars, and no option "
                        "carries it"
                        + (
                            f" (26/2026/QĐ-TTg sheet {number} prints '{ref['title'][:40]}'"
                            f" as {ref['code']} and marks {marked})"
                            if ref
                            else ""
                        ),
                        resolved=False,
                    )
                if sub:
                    parent = next((c for c in group["criteria"] if c["code"] == code), None)
                    if parent is None:
                        parent = new_crit(code, head, None, line)
                        parent["derived_heading"] = True
                        group["criteria"].append(parent)
                    parent.setdefault("children", 0)
                    parent["children"] += 1
                    crit = new_crit(f"{code}.{parent['children']}", sub, mx, line)
                    crit["sub"] = True
                    if parent["children"] == 1:
                        notes.add(
                            code,
                            f"lines '{letter}) {head} - …' repeat one letter: read "
                            f"as sub-heading {code} '{head}' over lines {code}.1…, as "
                            f"26/2026/QĐ-TTg prints them; the heading's maximum is not "
                            f"transcribed and is the sum of its lines",
                        )
                elif lone and (not rest or fold(rest) == fold(group["title"])):
                    crit = new_crit(group["code"], group["title"], mx, line)
                    crit["direct"] = True
                    how = "without a title" if not rest else "repeating the group's title"
                    lone_note(group, letter, how, notes, reference=reference, number=number)
                    if mx is None:
                        crit["max"] = group["max"]
                else:
                    crit = new_crit(code, rest, mx, line)
                    if title_stars:
                        crit["title_stars"] = title_stars
            else:
                notes.add(where, f"criterion {title!r} has no letter; ignored", resolved=False)
                continue
            crit["title"] = file_description(row["description"], crit["title"], reqs, cnotes, conds)
            crit["requirements"] += reqs
            crit["notes"] += cnotes
            crit["conditions"] += conds
            if crit["max"] is None and not crit.get("direct"):
                notes.add(
                    crit["code"],
                    f"no maximum transcribed ({score_raw!r}); the best option's points are used",
                    resolved=not score_raw,
                )
            group["criteria"].append(crit)
            continue
        if level == "3":
            if crit is None:
                crit = new_crit(group["code"], group["title"], group["max"], line)
                crit["direct"] = True
                crit["conditions"] = group.pop("conds", [])
                crit["notes"] = group.pop("pending", [])
                group["criteria"].append(crit)
                direct_note(group, notes, reference, number)
            raw = nfc(row["title"])
            if raw.startswith("□"):
                raw = raw[1:].strip()
            else:
                notes.add(where, "option without its '□'; read as an option")
            m = MARK.search(raw)
            stars_text = m[1].count("*") if m else None
            text = raw[: m.start()] if m else raw
            after = raw[m.end() :].lstrip(" .") if m else ""
            if after:
                crit["notes"].append(unlabel(after))
                notes.add(
                    crit["code"],
                    f"text after an option's star mark ({after[:50]!r}) "
                    "moved to the criterion's notes",
                )
            stars_col = int(row["stars"]) if row["stars"].strip().isdigit() else None
            if stars_col != stars_text:
                notes.add(
                    crit["code"],
                    f"option {text[:40]!r}: the stars column says "
                    f"{stars_col} but the text's mark says {stars_text}; the text is used",
                    resolved=True,
                )
            stars = stars_text
            if score_raw.lstrip("-").isdigit():
                points = int(score_raw)
            else:
                points = defer_letter(crit, score_raw, text, where)
                crit["pending_letter"][-1] += (ref_option(reference, crit, text, number),)
            option: dict[str, Any] = {"text": text, "points": points, "stars": stars}
            if case:
                option["case"] = case
            crit["options"].append(option)
            continue
        notes.add(where, f"level {level!r} not understood; row ignored", resolved=False)
    return {
        "criteria_set": SET_ID,
        "number": number,
        "title": name,
        "classification": "",
        "legal_ref": f"{DECISION}, Phụ lục, phiếu {number}: Bộ sản phẩm {name} "
        f"(bản chép lại năm 2024, {SOURCE.as_posix()}/{fname})",
        "rejection_grounds": [],
        "parts": [common.finish_part(p, notes, finish_group) for p in parts],
        "source_notes": notes.items,
    }


def count_letters(rows: list[tuple[int, dict[str, str]]]) -> dict[int, dict[str, int]]:
    """For each group (keyed by its row's line), how many criterion rows carry each letter."""
    out: dict[int, dict[str, int]] = {}
    current: dict[str, int] | None = None
    for line, row in rows:
        level = row["level"].strip()
        if level == "1":
            current = out.setdefault(line, {})
        elif level == "2" and current is not None:
            m = LETTERED.match(nfc(row["title"]))
            if m:
                current[m[1]] = current.get(m[1], 0) + 1
    return out


def lone_note(
    group: dict[str, Any],
    letter: str,
    how: str,
    notes: Notes,
    *,
    reference: dict[str, Any] | None,
    number: int,
) -> None:
    if reference is None:
        notes.add(
            group["code"],
            f"the group is transcribed with one criterion '{letter})' "
            f"{how}; read as the group scored directly (criterion {group['code']}), the "
            "way the later decisions print such a group",
        )
        return
    ref = ref_group_titled(reference, group["title"])
    same = (
        ref is not None and len(ref["criteria"]) == 1 and ref["criteria"][0]["code"] == ref["code"]
    )
    tail = (
        f"as 26/2026/QĐ-TTg sheet {number} prints its group {ref['code']}"
        if same and ref
        else f"26/2026/QĐ-TTg sheet {number} prints its group {ref['code']} with criteria "
        f"{', '.join(c['code'] for c in ref['criteria'])}"
        if ref
        else f"26/2026/QĐ-TTg sheet {number} has no group of that title"
    )
    notes.add(
        group["code"],
        f"the group is transcribed with one criterion '{letter})' {how}; "
        f"read as the group scored directly (criterion {group['code']}); {tail}",
    )


def ref_criterion(reference: dict[str, Any] | None, code: str, title: str) -> dict[str, Any] | None:
    """The 26/2026 criterion with the same title in the same group, else the same code."""
    group = ref_group(reference, code.split(".", maxsplit=1)[0])
    if group is None:
        return None
    for c in group["criteria"]:
        if fold(c["title"]).startswith(fold(title)) or fold(title).startswith(fold(c["title"])):
            return c  # type: ignore[no-any-return]
    return next((c for c in group["criteria"] if c["code"] == code), None)


def ref_group(reference: dict[str, Any] | None, code: str) -> dict[str, Any] | None:
    if reference is None:
        return None
    for part in reference["parts"]:
        for g in part["groups"]:
            if g["code"] == code:
                return g  # type: ignore[no-any-return]
    return None


def ref_group_titled(reference: dict[str, Any] | None, title: str) -> dict[str, Any] | None:
    """The 26/2026 group whose title starts like ``title`` (the first three words)."""
    if reference is None:
        return None
    key = " ".join(fold(title).split()[:3])
    for part in reference["parts"]:
        for g in part["groups"]:
            if fold(g["title"]).strip().startswith(key):
                return g  # type: ignore[no-any-return]
    return None


def direct_note(
    group: dict[str, Any], notes: Notes, reference: dict[str, Any] | None, number: int
) -> None:
    ref = ref_group_titled(reference, group["title"])
    if ref is not None and len(ref["criteria"]) == 1 and ref["criteria"][0]["code"] == ref["code"]:
        notes.add(
            group["code"],
            "the group holds its options directly (no criterion row); "
            f"26/2026/QĐ-TTg sheet {number} prints the group ({ref['code']}. "
            f"{ref['title'][:30]}…) the same way, so "
            f"this is how the decision words it: read as criterion {group['code']}",
        )
    else:
        if ref is None:
            notes.add(
                group["code"],
                "the group holds its options directly (no criterion "
                f"row); 26/2026/QĐ-TTg sheet {number} has no group of that title to "
                f"compare with; read as criterion {group['code']} scored directly "
                "(validation checks its maximum against its best option)",
            )
            return
        notes.add(
            group["code"],
            "the group holds its options directly (no criterion row); "
            f"26/2026/QĐ-TTg sheet {number} prints the group ({ref['code']}) with "
            f"criteria {', '.join(c['code'] for c in ref['criteria'])}, so criterion "
            f"rows may have been lost in transcription; kept as one criterion "
            f"{group['code']} with the group's options",
            resolved=False,
        )


def ref_option(
    reference: dict[str, Any] | None, crit: dict[str, Any], text: str, number: int
) -> tuple[str, int] | None:
    """What 26/2026 prints for the option worded like ``text``: (a sentence, its points)."""
    ref = ref_criterion(reference, crit["code"], crit["title"])
    if ref is None:
        return None
    for opt in ref["options"]:
        if fold(opt["text"]).startswith(fold(text)) or fold(text).startswith(fold(opt["text"])):
            return (
                f"26/2026/QĐ-TTg sheet {number} prints it as option {opt['number']} of "
                f"{ref['code']} with {opt['points']} point(s)",
                opt["points"],
            )
    index = len(crit["options"])  # the option being read is the next one
    if index < len(ref["options"]):
        opt = ref["options"][index]
        return (
            f"26/2026/QĐ-TTg sheet {number} prints option {opt['number']} of {ref['code']} "
            f"'{ref['title'][:30]}', reworded, with {opt['points']} point(s)",
            opt["points"],
        )
    return None


def defer_letter(crit: dict[str, Any], raw: str, text: str, where: str) -> int:
    """Points transcribed as a letter: resolved in :func:`finish_group` (see there)."""
    prev = crit["options"][-1]["points"] if crit["options"] else None
    lookahead = crit.setdefault("pending_letter", [])
    lookahead.append((len(crit["options"]), raw, text, where, prev))
    return -1  # replaced in finish_group once the next option is known


def finish_group(group: dict[str, Any], notes: Notes) -> dict[str, Any]:
    out_crits = []
    headings = []
    for c in group["criteria"]:
        for index, raw, text, where, prev, ref in c.pop("pending_letter", []):
            nxt = c["options"][index + 1]["points"] if index + 1 < len(c["options"]) else None
            if prev is not None and nxt is not None and nxt - prev == 2:
                value = prev + 1
                agrees = ref is None or ref[1] == value
                notes.add(
                    c["code"],
                    f"{where}: the score of option {index + 1} ({text[:40]!r}) "
                    f"is the letter {raw!r}; read as {value}, the one whole number "
                    f"between its neighbours ({prev} and {nxt})"
                    + (f"; {ref[0]}" if ref else "; 26/2026/QĐ-TTg has no option so worded"),
                    resolved=agrees,
                )
            else:
                value = 0
                notes.add(
                    c["code"],
                    f"{where}: the score of option {index + 1} is the letter {raw!r}; read as 0",
                    resolved=False,
                )
            c["options"][index]["points"] = value
        if c.get("children"):
            kids = [d for d in group["criteria"] if d["code"].startswith(c["code"] + ".")]
            total = sum(d["max"] or 0 for d in kids)
            headings.append(
                {
                    "code": c["code"],
                    "title": c["title"],
                    "max": c["max"] if c["max"] is not None else total,
                }
            )
            if c["options"]:
                notes.add(
                    c["code"],
                    "a sub-heading with options of its own; options dropped",
                    resolved=False,
                )
            extra = c["requirements"] + c["notes"] + c["conditions"]
            group["pending"] = group.get("pending", []) + extra
            continue
        if c["max"] is None:
            c["max"] = max((o["points"] for o in c["options"]), default=0)
        out_crits.append(common.finished_criterion(c))
    pending = group.get("pending", []) + [x for x in group.get("conds", []) if out_crits]
    return common.finished_group(group, out_crits, headings, pending)


# --- validation: find the defects, compare with 26/2026 -------------------------------------


def compare_note(
    problem: Any, sheet: dict[str, Any], reference: dict[str, Any] | None, number: int
) -> str:
    """What the 26/2026 text prints at the place of a problem."""
    if reference is None:
        return "26/2026/QĐ-TTg has no such sheet"
    code = problem.where.code or ""
    if code.startswith("part "):
        p = next((p for p in reference["parts"] if p["code"] == code[5:]), None)
        if p is None:
            return f"26/2026/QĐ-TTg sheet {number} has no {code}"
        sums = " + ".join(f"{g['code']}:{g['max']}" for g in p["groups"])
        return f"26/2026/QĐ-TTg sheet {number} prints {code} as {p['max']} = {sums}"
    ref = ref_group(reference, code.split(".")[0])
    if ref is None:
        return f"26/2026/QĐ-TTg sheet {number} has no group {code.split('.')[0]}"
    if "." not in code:
        crits = " + ".join(f"{c['code']}:{c['max']}" for c in ref["criteria"])
        return (
            f"26/2026/QĐ-TTg sheet {number} prints group {ref['code']} "
            f"'{ref['title'][:40]}' as {ref['max']} = {crits}"
        )
    match = next((c for c in ref["criteria"] if c["code"] == code), None)
    if match is None:
        return f"26/2026/QĐ-TTg sheet {number} has no criterion {code}"
    pts = ", ".join(str(o["points"]) for o in match["options"])
    return (
        f"26/2026/QĐ-TTg sheet {number} prints {code} '{match['title'][:40]}' with "
        f"maximum {match['max']} and options {pts}"
    )


def validate_and_note(
    sheet: dict[str, Any], notes: Notes, reference: dict[str, Any] | None
) -> None:
    """Run the library's checks; record every problem as an unresolved source note."""
    common.note_validation(
        sheet,
        notes,
        part_max=SET_META["part_max"],
        compare=lambda problem: compare_note(problem, sheet, reference, sheet["number"]),
    )
    sheet["source_notes"] = notes.items


def build(shared: Path = SHARED) -> dict[str, str]:
    """Every data file of the set: file name → JSON text."""
    ref_files = b26.build(shared)
    reference = {int(n[6:8]): json.loads(t) for n, t in ref_files.items() if n.startswith("sheet-")}
    names = {s["number"]: s["title"] for s in json.loads(ref_files["set.json"])["sheets"]}
    files: dict[str, str] = {}
    sheets_meta = []
    for path in sorted((shared / SOURCE).glob("sheet-*.csv")):
        number = int(path.stem.split("-")[1])
        notes = Notes(unique=True)
        sheet = parse_sheet(
            number, names[number], path.read_text(encoding="utf-8"), notes, reference.get(number)
        )
        validate_and_note(sheet, notes, reference.get(number))
        files[common.sheet_file(number)] = dump_json(sheet)
        sheets_meta.append({"number": number, "title": names[number]})
    meta = dict(SET_META)
    meta["sheets"] = sheets_meta
    meta["notes"] = [
        "Converted by scripts/build_criteria_148_2023.py from a 2024 third-party CSV "
        "transcription of the decision's 26 scoring sheets, not from the official gazette.",
        "Sheet titles are the product sets' names in 26/2026/QĐ-TTg Appendix II, whose "
        "numbering the transcription follows; the transcription names its files only.",
        "Criteria lettered a) b) c)… in the transcription are coded <group>.<position> "
        "(1.1, 1.2…) as 26/2026/QĐ-TTg prints them.",
        "The transcription carries no dossier rejection grounds and no product classification.",
    ]
    files["set.json"] = dump_json(meta)
    return files


#: Every recorded irregularity of the built files, one console line each.
warnings = common.warnings


def main(argv: list[str] | None = None) -> int:
    return common.main(argv, doc=__doc__, build=build, out=OUT)


if __name__ == "__main__":
    sys.exit(main())

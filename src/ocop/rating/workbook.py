"""The scoring sheet as a workbook a council's office hands out, and reading it back filled in.

[`scoring_workbook`][ocop.rating.workbook.scoring_workbook] writes one ``.xlsx`` workbook for a
product's council:

- ``Hướng dẫn`` (the guide): the criteria set, the sheet, the product's name and the council's
  size, and how to fill in the form;
- ``Thành viên 1`` … ``Thành viên N``: one tab per member (thành viên Hội đồng);
- ``Hội đồng``: the council's agreed answers (kết quả thống nhất của Hội đồng).

On a member's or the council's tab each criterion is one row: its code in column A, its title
in B, the chosen option's number in C (a drop-down of 0…n: 0 when none of the options is met),
the option's points in D (a formula), the criterion's maximum in E, its minimum-for-stars
marks in F and its options with their points and marks in G. The member's name goes in C3,
an ``x`` in C4 marks the chair; the tab's total (a formula) sits under the last criterion.

[`assessment_from_workbook`][ocop.rating.workbook.assessment_from_workbook] reads a filled
workbook into the assessment document that ``ocop rate`` reads as JSON (`ocop.rating.io`), so
that the workbook and the JSON of the same answers give the same rating:
[`rate_workbook`][ocop.rating.workbook.rate_workbook]. It reads the *choices*, never the
formulas' totals (which only a spreadsheet program computes). Every problem is located by tab
and cell (``Thành viên 3!C14``): an option that does not exist, a criterion left unfilled (a
problem, never a zero), a row deleted or a code changed. A member's tab left entirely blank
(no name, no choice) is a member who did not score: it is left out, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ocop._i18n import tr
from ocop._xlsx import Book, CellRead, cell_name, open_workbook, read_cell, workbook_bytes
from ocop.errors import OcopLookupError, OcopValueError
from ocop.problems import Location, Problem, Result, Severity
from ocop.rating.classify import Rating
from ocop.rating.criteria import Criterion, Sheet
from ocop.rating.form import MARK_LEGEND, mark_text
from ocop.rating.io import rate_json
from ocop.rating.registry import get_criteria_set

__all__ = [
    "AGREED_TAB",
    "GUIDE_TAB",
    "assessment_from_workbook",
    "member_tab",
    "rate_workbook",
    "scoring_workbook",
]

#: The guide tab's name; it also holds the set, the sheet, the product and the council's size.
GUIDE_TAB = "Hướng dẫn"
#: The tab of the council's agreed answers.
AGREED_TAB = "Hội đồng"

# The layout, shared by the writer and the reader.
_COL_CODE, _COL_TITLE, _COL_CHOICE, _COL_POINTS, _COL_MAX, _COL_MARKS, _COL_OPTIONS = range(1, 8)
_ROW_NAME, _ROW_CHAIR, _ROW_HEADER = 3, 4, 6
_FIRST_ROW = _ROW_HEADER + 1
# Guide tab: label in A, value in B.
_G_SET, _G_SHEET, _G_TITLE, _G_PRODUCT, _G_SIZE = 3, 4, 5, 6, 7
_CHAIR_WORDS = frozenset({"x", "có", "co", "yes", "true", "1", "chủ tịch", "chu tich"})


def member_tab(number: int) -> str:
    """The name of member ``number``'s tab: ``"Thành viên 3"``."""
    return f"Thành viên {number}"


# --- writing ----------------------------------------------------------------------------------

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="top", wrap_text=True)
_PART_FILL = PatternFill("solid", fgColor="D9D9D9")
_GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
_WIDTHS = {"A": 8, "B": 48, "C": 11, "D": 8, "E": 9, "F": 20, "G": 90}


def _marks_text(crit: Criterion) -> str:
    return "; ".join(f"{mark_text(o.stars)} từ PA {o.number}" for o in crit.marks)


def _options_text(crit: Criterion) -> str:
    lines = []
    case: str | None = None
    for o in crit.options:
        if o.case is not None and o.case != case:
            lines.append(o.case)
        case = o.case
        mark = f" {mark_text(o.stars)}" if o.stars else ""
        lines.append(f"{o.number}. {o.text} — {o.points} điểm{mark}")
    return "\n".join(lines)


def _height(texts: Iterable[tuple[str, int]]) -> float:
    # Spreadsheet programs do not always fit a wrapped row's height on opening: estimate it.
    lines = 1
    for text, width in texts:
        n = sum(max(1, -(-len(line) // max(1, int(width * 1.3)))) for line in text.split("\n"))
        lines = max(lines, n)
    return 15.0 * lines


def _points_formula(row: int, crit: Criterion) -> str:
    c = f"C{row}"
    points = ",".join(str(o.points) for o in crit.options)
    return f'=IF({c}="","",IFERROR(CHOOSE({c}+1,0,{points}),"?"))'


def _write_tab(ws: Worksheet, sheet: Sheet, *, agreed: bool, number: int = 0) -> None:
    ws.sheet_properties.tabColor = "C00000" if agreed else "2F5597"
    for letter, width in _WIDTHS.items():
        ws.column_dimensions[letter].width = width
    title = f"PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP — phiếu số {sheet.number}: {sheet.title}"
    ws.cell(1, 1, title).font = Font(bold=True, size=13)
    ws.cell(2, 1, sheet.legal_ref or sheet.criteria_set).font = Font(italic=True)
    if agreed:
        ws.cell(_ROW_NAME, 1, "Kết quả thống nhất của Hội đồng đánh giá, phân hạng").font = _BOLD
        ws.cell(_ROW_CHAIR, 1, "Điền khi Hội đồng thống nhất phương án của từng tiêu chí")
    else:
        ws.cell(_ROW_NAME, 1, "Họ và tên thành viên Hội đồng:").font = _BOLD
        ws.cell(_ROW_CHAIR, 1, "Chủ tịch Hội đồng (ghi x):").font = _BOLD
        for row in (_ROW_NAME, _ROW_CHAIR):
            cell = ws.cell(row, _COL_CHOICE)
            cell.fill = _INPUT_FILL
            cell.border = _BOX
            cell.protection = Protection(locked=False)
        ws.merge_cells(start_row=_ROW_NAME, start_column=_COL_CHOICE, end_row=_ROW_NAME,
                       end_column=_COL_MARKS)  # fmt: skip
    heads = (
        "Mã số",
        "Tiêu chí đánh giá",
        "Phương án chọn",
        "Điểm",
        "Thang điểm",
        "Dấu sao (yêu cầu tối thiểu)",
        "Các phương án (số. nội dung — điểm, dấu sao)",
    )
    for col, text in enumerate(heads, start=1):
        cell = ws.cell(_ROW_HEADER, col, text)
        cell.font, cell.border, cell.alignment, cell.fill = _BOLD, _BOX, _CENTER, _PART_FILL
    ws.row_dimensions[_ROW_HEADER].height = 32
    row = _FIRST_ROW
    choice_rows: list[tuple[int, Criterion]] = []
    for part in sheet.parts:
        _band(ws, row, f"Phần {part.code}: {part.title}", part.max, _PART_FILL)
        row += 1
        for group in part.groups:
            direct = len(group.criteria) == 1 and group.criteria[0].code == group.code
            if not direct:
                _band(ws, row, f"{group.code}. {group.title}", group.max, _GROUP_FILL)
                row += 1
            headings = {h.code: h for h in group.headings}
            for crit in group.criteria:
                parent = crit.code.rsplit(".", 1)[0]
                if parent in headings:
                    h = headings.pop(parent)
                    _band(ws, row, f"{h.code}. {h.title}", h.max, None)
                    row += 1
                title = group.title if direct else crit.title
                _criterion_row(ws, row, crit, title)
                choice_rows.append((row, crit))
                row += 1
    total = ws.cell(row, _COL_TITLE, "Tổng điểm")
    total.font, total.alignment = _BOLD, Alignment(horizontal="right")
    first, last = choice_rows[0][0], choice_rows[-1][0]
    cell = ws.cell(row, _COL_POINTS, f"=SUM(D{first}:D{last})")
    cell.font, cell.border = _BOLD, _BOX
    ws.cell(row, _COL_MAX, sheet.max).border = _BOX
    ws.cell(row + 2, _COL_TITLE, MARK_LEGEND).font = Font(italic=True)
    ws.cell(
        row + 3, _COL_TITLE, "Phương án 0: sản phẩm không đạt phương án nào của tiêu chí (0 điểm)."
    )
    _validations(ws, choice_rows)
    ws.freeze_panes = ws.cell(_FIRST_ROW, _COL_CHOICE).coordinate
    ws.print_title_rows = f"{_ROW_HEADER}:{_ROW_HEADER}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    # Protected without a password: the layout the reader relies on stays as written, the
    # yellow cells stay open; columns and rows may still be resized.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _band(ws: Worksheet, row: int, text: str, maximum: int, fill: PatternFill | None) -> None:
    ws.cell(row, _COL_TITLE, text).font = _BOLD
    ws.cell(row, _COL_MAX, maximum).font = _BOLD
    for col in range(1, _COL_OPTIONS + 1):
        cell = ws.cell(row, col)
        cell.border = _BOX
        if fill is not None:
            cell.fill = fill
    ws.cell(row, _COL_TITLE).alignment = _WRAP


def _criterion_row(ws: Worksheet, row: int, crit: Criterion, title: str) -> None:
    extra = [f"Điều kiện áp dụng: {t}" for t in crit.conditions]
    extra += [f"Yêu cầu: {t}" for t in crit.requirements]
    extra += [f"Ghi chú: {t}" for t in crit.notes]
    star = f" {mark_text(crit.title_stars)}" if crit.title_stars else ""
    full_title = "\n".join([title + star, *extra])
    options = _options_text(crit)
    values: tuple[str | int | None, ...] = (
        crit.code,
        full_title,
        None,
        _points_formula(row, crit),
        crit.max,
        _marks_text(crit),
        options,
    )
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col, value)
        cell.border = _BOX
        cell.alignment = _CENTER if col in (1, 3, 4, 5) else _WRAP
    ws.cell(row, _COL_CODE).font = _BOLD
    choice = ws.cell(row, _COL_CHOICE)
    choice.fill = _INPUT_FILL
    choice.protection = Protection(locked=False)
    choice.font = Font(bold=True, size=12)
    ws.row_dimensions[row].height = _height(
        [(full_title, _WIDTHS["B"]), (options, _WIDTHS["G"]), (_marks_text(crit), _WIDTHS["F"])]
    )


def _validations(ws: Worksheet, rows: Sequence[tuple[int, Criterion]]) -> None:
    by_count: dict[int, list[int]] = {}
    for row, crit in rows:
        by_count.setdefault(len(crit.options), []).append(row)
    for count, numbers in sorted(by_count.items()):
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(str(n) for n in range(count + 1)) + '"',
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
            errorTitle="Phương án không có",
            error=f"Chọn số của một phương án, từ 0 đến {count} (0: không đạt phương án nào).",
            promptTitle="Phương án chọn",
            prompt=f"Số của phương án đạt được, từ 1 đến {count}; 0 nếu không đạt phương án nào.",
        )
        for row in numbers:
            dv.add(f"C{row}")
        ws.add_data_validation(dv)


def _write_guide(ws: Worksheet, sheet: Sheet, members: int) -> None:
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 100
    ws.cell(1, 1, "PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP — HƯỚNG DẪN").font = Font(bold=True, size=13)
    rows = (
        (_G_SET, "Bộ tiêu chí", sheet.criteria_set, False),
        (_G_SHEET, "Phiếu số", sheet.number, False),
        (_G_TITLE, "Bộ sản phẩm", sheet.title, False),
        (_G_PRODUCT, "Tên sản phẩm", None, True),
        (_G_SIZE, "Số thành viên Hội đồng", None, True),
    )
    for row, label, value, editable in rows:
        ws.cell(row, 1, label).font = _BOLD
        cell = ws.cell(row, 2, value)
        cell.border = _BOX
        cell.alignment = Alignment(horizontal="left")
        if editable:
            cell.fill = _INPUT_FILL
            cell.protection = Protection(locked=False)
    text = (
        f"Sổ này là phiếu đánh giá của {sheet.legal_ref or sheet.criteria_set}, "
        f"dành cho {members} thành viên Hội đồng.",
        "",
        "Cách điền:",
        f"1. Mỗi thành viên điền tab của mình ({member_tab(1)} … {member_tab(members)}): "
        "họ và tên ở ô C3; ghi x ở ô C4 nếu là Chủ tịch Hội đồng.",
        "2. Mỗi tiêu chí là một dòng. Ở cột C (ô màu vàng) chọn số của phương án sản phẩm đạt "
        "được, theo danh sách ở cột G; chọn 0 nếu sản phẩm không đạt phương án nào (0 điểm).",
        "3. Cột D cho điểm của phương án đã chọn và dòng Tổng điểm cho tổng điểm của phiếu; "
        "cột F cho dấu sao: yêu cầu tối thiểu của tiêu chí cho hạng 3, 4, 5 sao.",
        "4. Không để trống tiêu chí nào: một tiêu chí chưa chọn là phiếu chưa điền xong, "
        "không phải 0 điểm.",
        f"5. Tab {AGREED_TAB}: kết quả thống nhất của Hội đồng cho từng tiêu chí (dùng để xét "
        "dấu sao); để trống cả tab nếu Hội đồng không ghi kết quả thống nhất.",
        "6. Tab của thành viên không chấm thì để trống hoàn toàn. Có thể đổi tên tab của "
        f"thành viên; giữ tên các tab {GUIDE_TAB} và {AGREED_TAB}, không xóa hoặc chèn dòng.",
        "7. Ô B7: số thành viên Hội đồng, nếu muốn kiểm tra số thành viên tham dự tối thiểu.",
        "",
        "Xếp hạng: ocop rate <tệp .xlsx> đọc các phương án đã chọn (không đọc các công thức), "
        "tính điểm trung bình chính xác và hạng sao, và chỉ rõ ô có vấn đề (ví dụ "
        f"{member_tab(3)}!C14).",
        "",
        MARK_LEGEND,
    )
    for i, line in enumerate(text):
        row = _G_SIZE + 2 + i
        ws.cell(row, 1, line).alignment = _WRAP
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.row_dimensions[row].height = _height([(line, 130)])
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.protection.sheet = True


def scoring_workbook(sheet: Sheet, *, members: int) -> bytes:
    """The scoring workbook of ``sheet`` for a council of ``members``, as ``.xlsx`` bytes.

    Raises:
        OcopValueError: ``members`` is not a whole number from 1 to 99.
    """
    if isinstance(members, bool) or not isinstance(members, int) or not 1 <= members <= 99:
        raise OcopValueError(
            tr("'members' must be a whole number from 1 to 99 (got {value!r})", value=members)
        )
    book = Workbook()
    guide = book.active
    assert isinstance(guide, Worksheet)  # a new workbook's first tab
    guide.title = GUIDE_TAB
    _write_guide(guide, sheet, members)
    for k in range(1, members + 1):
        _write_tab(book.create_sheet(member_tab(k)), sheet, agreed=False, number=k)
    _write_tab(book.create_sheet(AGREED_TAB), sheet, agreed=True)
    book.active = 1
    # Spreadsheet programs compute every formula when they open the file.
    book.calculation.fullCalcOnLoad = True
    return workbook_bytes(book)


# --- reading ----------------------------------------------------------------------------------


@attrs.frozen
class _Reader:
    book: Book
    file: str | None
    problems: list[Problem] = attrs.field(factory=list)
    cells: dict[str, str] = attrs.field(factory=dict)  # $.path → tab!A1
    unread: set[str] = attrs.field(factory=set)  # cells already reported as unreadable

    def at(self, tab: str, row: int, col: int) -> Location:
        return Location(file=self.file, cell=cell_name(tab, row, col))

    def add(
        self,
        code: str,
        message: str,
        tab: str,
        row: int,
        col: int,
        *,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.problems.append(
            Problem(code=code, message=message, where=self.at(tab, row, col), severity=severity)
        )

    def read(self, tab: str, ws: tuple[Worksheet, Worksheet], row: int, col: int) -> Any:
        found: CellRead = read_cell(ws[0], ws[1], row, col)
        if found.uncached:
            self.unread.add(cell_name(tab, row, col))
            self.add(
                "xlsx.uncached_formula",
                tr(
                    "the formula {formula} has no saved value: open and save the file in a "
                    "spreadsheet program",
                    formula=found.formula,
                ),
                tab,
                row,
                col,
            )
            return None
        value = found.value
        return value.strip() if isinstance(value, str) else value


def _whole(value: Any) -> int | None:
    """A whole number ≥ 0 written as a number or as digits, else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,6}", value):
        return int(value)
    return None


def _guide(r: _Reader) -> tuple[Sheet | None, dict[str, Any]]:
    if GUIDE_TAB not in r.book.sheet_names:
        r.problems.append(
            Problem(
                code="xlsx.layout",
                message=tr(
                    "the workbook has no tab {tab!r}: it is not a scoring form written by "
                    "ocop criteria form",
                    tab=GUIDE_TAB,
                ),
                where=Location(file=r.file),
            )
        )
        return None, {}
    ws = r.book.sheet(GUIDE_TAB)
    doc: dict[str, Any] = {}
    key = r.read(GUIDE_TAB, ws, _G_SET, 2)
    number = _whole(r.read(GUIDE_TAB, ws, _G_SHEET, 2))
    sheet: Sheet | None = None
    if not isinstance(key, str) or not key:
        r.add(
            "rating.criteria_set",
            tr("the criteria set (e.g. 26/2026/QĐ-TTg) is missing"),
            GUIDE_TAB,
            _G_SET,
            2,
        )
    elif number is None:
        r.add("rating.sheet", tr("the sheet number is missing"), GUIDE_TAB, _G_SHEET, 2)
    else:
        try:
            sheet = get_criteria_set(key).sheet(number)
        except OcopLookupError as exc:
            where = _G_SHEET if "sheet" in str(exc) and key in str(exc) else _G_SET
            r.add(
                "rating.sheet" if where == _G_SHEET else "rating.criteria_set",
                str(exc).strip("'\""),
                GUIDE_TAB,
                where,
                2,
            )
        else:
            doc["criteria"] = sheet.criteria_set
            doc["sheet"] = sheet.number
    product = r.read(GUIDE_TAB, ws, _G_PRODUCT, 2)
    doc["product"] = "" if product is None else str(product)
    size = r.read(GUIDE_TAB, ws, _G_SIZE, 2)
    if size not in (None, ""):
        n = _whole(size)
        if n is None or n < 1:
            r.add(
                "rating.council_size",
                tr("the council's size must be a whole number of members (got {value!r})",
                   value=size),
                GUIDE_TAB,
                _G_SIZE,
                2,
            )  # fmt: skip
        else:
            doc["council_size"] = n
    return sheet, doc


def _rows(r: _Reader, tab: str, ws: tuple[Worksheet, Worksheet], sheet: Sheet) -> dict[str, int]:
    """Criterion code → its row on ``tab``, every irregularity reported."""
    known = {c.code for c in sheet.criteria}
    found: dict[str, int] = {}
    for row in range(_FIRST_ROW, ws[0].max_row + 1):
        value = r.read(tab, ws, row, _COL_CODE)
        if value in (None, ""):
            continue
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or value not in known:
            r.add(
                "xlsx.layout",
                tr(
                    "{value!r} is not a criterion of sheet {sheet} of {set}: column A holds "
                    "the criteria's codes as written by the form",
                    value=value,
                    sheet=sheet.number,
                    set=sheet.criteria_set,
                ),
                tab,
                row,
                _COL_CODE,
            )
            continue
        if value in found:
            r.add(
                "xlsx.layout",
                tr("criterion {code} is on two rows ({first} and {row})", code=value,
                   first=found[value], row=row),
                tab,
                row,
                _COL_CODE,
            )  # fmt: skip
            continue
        found[value] = row
    missing = [c.code for c in sheet.criteria if c.code not in found]
    if missing:
        r.problems.append(
            Problem(
                code="xlsx.layout",
                message=tr(
                    "no row for criterion {codes}: rows of the form were deleted or their "
                    "codes changed",
                    codes=", ".join(missing),
                ),
                where=Location(file=r.file, cell=f"{tab}!A:A"),
            )
        )
    return found


def _choices(
    r: _Reader,
    tab: str,
    ws: tuple[Worksheet, Worksheet],
    sheet: Sheet,
    *,
    rows: Mapping[str, int],
    path: str,
) -> tuple[dict[str, int], list[tuple[str, int]]]:
    """The choices on ``tab`` and the criteria left empty (code, row); bad cells reported."""
    choices: dict[str, int] = {}
    empty: list[tuple[str, int]] = []
    for crit in sheet.criteria:
        row = rows.get(crit.code)
        if row is None:
            continue
        r.cells[f'{path}["{crit.code}"]'] = cell_name(tab, row, _COL_CHOICE)
        value = r.read(tab, ws, row, _COL_CHOICE)
        if cell_name(tab, row, _COL_CHOICE) in r.unread:
            continue
        if value is None or value == "":
            empty.append((crit.code, row))
            continue
        n = _whole(value)
        count = len(crit.options)
        if n is None:
            r.add(
                "rating.option_type",
                tr(
                    "{value!r} is not an option number for {code} (options 1–{count}; 0: none met)",
                    value=value,
                    code=crit.code,
                    count=count,
                ),
                tab,
                row,
                _COL_CHOICE,
            )
        elif n > count:
            r.add(
                "rating.option_range",
                tr(
                    "option {n} does not exist for {code} (options 1–{count}; 0: none met)",
                    n=n,
                    code=crit.code,
                    count=count,
                ),
                tab,
                row,
                _COL_CHOICE,
            )
        else:
            choices[crit.code] = n
    return choices, empty


def _unfilled(r: _Reader, tab: str, empty: Sequence[tuple[str, int]]) -> None:
    for code, row in empty:
        r.add(
            "rating.unfilled",
            tr(
                "no option chosen for {code}: choose its option, or 0 when none is met",
                code=code,
            ),
            tab,
            row,
            _COL_CHOICE,
        )


def _member(
    r: _Reader, tab: str, sheet: Sheet, index: int
) -> dict[str, Any] | None:  # fmt: skip
    ws = r.book.sheet(tab)
    rows = _rows(r, tab, ws, sheet)
    path = f"$.members[{index}]"
    choices, empty = _choices(r, tab, ws, sheet, rows=rows, path=f"{path}.choices")
    name = r.read(tab, ws, _ROW_NAME, _COL_CHOICE)
    chair = r.read(tab, ws, _ROW_CHAIR, _COL_CHOICE)
    if not choices and len(empty) == len(rows) and name in (None, "") and chair in (None, ""):
        if rows:
            r.problems.append(
                Problem(
                    code="rating.blank_member",
                    message=tr("a blank sheet: not counted as a member who scored"),
                    where=Location(file=r.file, cell=cell_name(tab, _ROW_NAME, _COL_CHOICE)),
                    severity=Severity.WARNING,
                )
            )
        return None
    _unfilled(r, tab, empty)
    r.cells[f"{path}.name"] = cell_name(tab, _ROW_NAME, _COL_CHOICE)
    r.cells[f"{path}.chair"] = cell_name(tab, _ROW_CHAIR, _COL_CHOICE)
    r.cells[f"{path}.choices"] = tab
    is_chair = False
    if chair not in (None, ""):
        word = str(chair).strip().lower() if not isinstance(chair, bool) else str(chair).lower()
        if word in _CHAIR_WORDS:
            is_chair = True
        elif word not in {"0", "false", "không", "khong", "no"}:
            r.add(
                "rating.chair",
                tr("write x here for the chair of the council, or leave it empty (got {value!r})",
                   value=chair),
                tab,
                _ROW_CHAIR,
                _COL_CHOICE,
            )  # fmt: skip
    return {
        "name": tab if name in (None, "") else str(name),
        "chair": is_chair,
        "choices": choices,
    }


def assessment_from_workbook(
    data: bytes, *, file: str | None = None
) -> Result[dict[str, Any] | None]:
    """The assessment document (the JSON ``ocop rate`` reads) in a filled scoring workbook.

    Returns the document, or ``None`` with every problem when the workbook cannot give one
    for certain; each problem is located by tab and cell (``Thành viên 3!C14``).

    Raises:
        OcopInputError: ``data`` is not an ``.xlsx`` workbook.
    """
    book = open_workbook(data, name=file or "workbook")
    result, _cells = _read(book, file)
    return result


def _read(book: Book, file: str | None) -> tuple[Result[dict[str, Any] | None], dict[str, str]]:
    r = _Reader(book, file)
    sheet, doc = _guide(r)
    if sheet is None:
        return Result(None, tuple(r.problems)), r.cells
    members: list[dict[str, Any]] = []
    for tab in book.sheet_names:
        if tab in (GUIDE_TAB, AGREED_TAB):
            continue
        start = len(r.problems)
        member = _member(r, tab, sheet, len(members))
        _in_row_order(r.problems, start)
        if member is not None:
            members.append(member)
    if AGREED_TAB in book.sheet_names:
        start = len(r.problems)
        ws = book.sheet(AGREED_TAB)
        rows = _rows(r, AGREED_TAB, ws, sheet)
        agreed, empty = _choices(r, AGREED_TAB, ws, sheet, rows=rows, path="$.agreed")
        if agreed or len(empty) != len(rows):
            _unfilled(r, AGREED_TAB, empty)
            doc["agreed"] = agreed
        _in_row_order(r.problems, start)
    doc["members"] = members
    if not members:
        r.problems.append(
            Problem(
                code="rating.no_members",
                message=tr("no member's tab is filled in"),
                where=Location(file=file),
            )
        )
    if any(p.is_error for p in r.problems):
        return Result(None, tuple(r.problems)), r.cells
    return Result(doc, tuple(r.problems)), r.cells


def _in_row_order(problems: list[Problem], start: int) -> None:
    # A tab's problems in the order of its rows, as the person fixing them reads the tab.
    def row(p: Problem) -> int:
        found = re.search(r"[A-Z]+([0-9]+)$", p.where.cell or "")
        return int(found.group(1)) if found else 1 << 30

    problems[start:] = sorted(problems[start:], key=row)


def rate_workbook(data: bytes, *, file: str | None = None) -> Result[Rating | None]:
    """Rate a filled scoring workbook: the same rating as the JSON document of its answers.

    Problems found by the rating (a spread over the limit, a missing quorum, a name given
    twice) are located at the workbook's cells where they have one.

    Raises:
        OcopInputError: ``data`` is not an ``.xlsx`` workbook.
    """
    book = open_workbook(data, name=file or "workbook")
    read, cells = _read(book, file)
    if read.value is None:
        return Result(None, read.problems)
    rated = rate_json(read.value, file=file)
    located = tuple(_locate(p, cells) for p in rated.problems)
    return Result(rated.value, read.problems + located)


def _locate(problem: Problem, cells: Mapping[str, str]) -> Problem:
    path = problem.where.path
    if path is None or path not in cells:
        return problem
    return attrs.evolve(problem, where=attrs.evolve(problem.where, path=None, cell=cells[path]))

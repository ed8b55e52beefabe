"""The scoring sheet as a printable form (phiếu đánh giá), for councils that score on paper.

Every sheet of Appendix II of 26/2026/QĐ-TTg (and of the earlier decisions' appendices) is
printed as "Bảng tiêu chí … kiêm phiếu đánh giá": the criteria table is itself the form a
council member ticks. [`sheet_form_html`][ocop.rating.form.sheet_form_html] renders one sheet
as an A4 HTML document with print CSS:

- the sheet's title, product set and legal reference, and lines for the product's name;
- the grounds on which a dossier is rejected before scoring ("Hồ sơ bị loại khi: …"), each
  with a box;
- every criterion with its maximum, its requirements, notes and conditions, and every option
  with a box to tick, its points and its minimum-for-stars mark (``***``/``****``/``*****``,
  "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao", every sheet of Appendix II);
- a column to write the points, the total, and space for the member's name and signature.

No criterion is split across two pages (``break-inside: avoid``). The fixed words are those of
the printed form, in Vietnamese, like the criteria themselves: the form is a copy of the
decision's own, not a translation.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from ocop.errors import OcopValueError
from ocop.rating.criteria import Criterion, Group, Option, Sheet

__all__ = ["MARK_LEGEND", "mark_text", "sheet_form_html"]

#: The note every sheet of Appendix II prints under its criteria table.
MARK_LEGEND = "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao."

_CSS = """
@page { size: A4; margin: 14mm 12mm 14mm 14mm; }
* { box-sizing: border-box; }
html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
       font-size: 11pt; line-height: 1.3; color: #000; }
body { margin: 0; }
.form { break-after: page; }
.form:last-child { break-after: auto; }
header { text-align: center; margin-bottom: 4mm; }
header h1 { font-size: 13pt; margin: 0 0 1mm 0; text-transform: uppercase; }
header p { margin: 0.5mm 0; }
.ref { font-style: italic; font-size: 9.5pt; }
.fields { margin: 3mm 0; }
.fields p { margin: 1.5mm 0; }
.blank { display: inline-block; border-bottom: 1px dotted #000; min-width: 60mm; }
.wide { min-width: 120mm; }
.box { display: inline-block; width: 3.6mm; height: 3.6mm; border: 1px solid #000;
       vertical-align: -0.5mm; margin-right: 1.5mm; flex: none; }
.rejection { border: 1px solid #000; padding: 2mm 3mm; margin: 3mm 0; break-inside: avoid; }
.rejection h2 { font-size: 11pt; margin: 0 0 1mm 0; }
.rejection ul, .notes { list-style: none; padding: 0; margin: 0; }
.rejection li { display: flex; margin: 1mm 0; }
.cols { display: grid; grid-template-columns: 12mm 1fr 14mm 16mm 17mm; font-weight: bold;
        border: 1px solid #000; border-bottom: none; text-align: center; font-size: 9.5pt; }
.cols > div { padding: 1mm; border-left: 1px solid #000; }
.cols > div:first-child { border-left: none; }
.part, .group { font-weight: bold; border: 1px solid #000; border-bottom: none;
                padding: 1mm 2mm; display: flex; justify-content: space-between;
                break-after: avoid; break-inside: avoid; }
.part { background: #eee; text-transform: uppercase; }
.criterion { break-inside: avoid; border: 1px solid #000; margin-bottom: -1px; }
.crit-head, .option { display: grid; grid-template-columns: 12mm 1fr 14mm 16mm 17mm; }
.crit-head > div, .option > div { padding: 0.8mm 1mm; border-left: 1px solid #000; }
.crit-head > div:first-child, .option > div:first-child { border-left: none; }
.crit-head { font-weight: bold; }
.option > div { border-top: 1px dotted #999; }
.option .text { display: flex; font-weight: normal; }
.num { text-align: center; }
.pts { text-align: center; }
.mark { text-align: center; font-weight: bold; white-space: nowrap; }
.case { font-style: italic; padding: 0.8mm 2mm; border-top: 1px dotted #999; }
.sub { font-weight: normal; font-style: italic; font-size: 9.5pt; }
.total { display: grid; grid-template-columns: 1fr 14mm 16mm 17mm; border: 1px solid #000;
         font-weight: bold; break-inside: avoid; }
.total > div { padding: 1.5mm 2mm; border-left: 1px solid #000; }
.total > div:first-child { border-left: none; text-align: right; }
.legend { font-size: 9.5pt; font-style: italic; margin: 2mm 0; }
.signature { display: flex; justify-content: flex-end; margin-top: 6mm; break-inside: avoid; }
.signature div { text-align: center; width: 80mm; }
.signature .space { height: 24mm; }
@media screen { body { max-width: 190mm; margin: 10mm auto; } .form { margin-bottom: 20mm; } }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def mark_text(stars: int | None) -> str:
    """A minimum-for-stars mark as the sheets print it: ``***`` for 3★ (empty for none)."""
    return "" if stars is None else "*" * stars


def _option(crit: Criterion, opt: Option) -> str:
    return (
        '<div class="option">'
        f'<div class="num">{opt.number}</div>'
        f'<div class="text"><span class="box"></span><span>{_e(opt.text)}</span></div>'
        f'<div class="pts">{opt.points}</div>'
        "<div></div>"
        f'<div class="mark">{mark_text(opt.stars)}</div>'
        "</div>"
    )


def _lines(label: str, items: tuple[str, ...]) -> str:
    return "".join(f'<div class="sub">{_e(label)}: {_e(t)}</div>' for t in items)


def _criterion(crit: Criterion, *, scored_group: Group | None = None) -> str:
    title = crit.title if scored_group is None else f"{scored_group.title}"
    star = f" {mark_text(crit.title_stars)}" if crit.title_stars else ""
    extra = (
        _lines("Điều kiện áp dụng", crit.conditions)
        + _lines("Yêu cầu", crit.requirements)
        + _lines("Ghi chú", crit.notes)
    )
    head = (
        '<div class="crit-head">'
        f'<div class="num">{_e(crit.code)}</div>'
        f"<div>{_e(title)}{star}{extra}</div>"
        f'<div class="pts">{crit.max}</div>'
        "<div></div><div></div>"
        "</div>"
    )
    body: list[str] = []
    case: str | None = None
    for opt in crit.options:
        if opt.case is not None and opt.case != case:
            body.append(f'<div class="case">{_e(opt.case)}</div>')
        case = opt.case
        body.append(_option(crit, opt))
    return f'<section class="criterion" data-code="{_e(crit.code)}">{head}{"".join(body)}</section>'


def _group(group: Group) -> Iterator[str]:
    direct = len(group.criteria) == 1 and group.criteria[0].code == group.code
    if direct:
        # A group scored directly (its options under the group heading): one block, so the
        # heading never ends a page without its options.
        yield _criterion(group.criteria[0], scored_group=group)
        return
    yield (
        f'<div class="group"><span>{_e(group.code)}. {_e(group.title)}</span>'
        f"<span>{group.max}</span></div>"
    )
    for note in group.notes:
        yield f'<div class="group sub">Ghi chú: {_e(note)}</div>'
    headings = {h.code: h for h in group.headings}
    shown: set[str] = set()
    for crit in group.criteria:
        parent = crit.code.rsplit(".", 1)[0]
        if parent in headings and parent not in shown:
            shown.add(parent)
            h = headings[parent]
            yield (
                f'<div class="group"><span>{_e(h.code)}. {_e(h.title)}</span>'
                f"<span>{h.max}</span></div>"
            )
        yield _criterion(crit)


def _one_form(criteria_set: str, sheet: Sheet, member: int | None) -> str:
    who = "Thành viên Hội đồng" if member is None else f"Thành viên Hội đồng số {member}"
    out = [
        '<article class="form">',
        "<header>",
        f"<h1>Phiếu đánh giá sản phẩm OCOP — phiếu số {sheet.number}</h1>",
        f"<p><b>Bộ sản phẩm: {_e(sheet.title)}</b></p>",
    ]
    if sheet.classification:
        out.append(f"<p>{_e(sheet.classification)}</p>")
    out.append(f'<p class="ref">{_e(sheet.legal_ref or criteria_set)}</p>')
    out.append("</header>")
    out.append(
        '<div class="fields">'
        '<p>Tên sản phẩm: <span class="blank wide"></span></p>'
        '<p>Tên chủ thể: <span class="blank wide"></span></p>'
        f'<p>{_e(who)}: <span class="blank wide"></span></p>'
        "</div>"
    )
    if sheet.rejection_grounds:
        out.append('<section class="rejection"><h2>Hồ sơ bị loại khi:</h2><ul>')
        out.extend(
            f'<li><span class="box"></span><span>{_e(g)}</span></li>'
            for g in sheet.rejection_grounds
        )
        out.append("</ul></section>")
    out.append(
        '<div class="cols"><div>Mã số</div><div>Tiêu chí đánh giá</div>'
        "<div>Thang điểm</div><div>Điểm chấm</div><div>Dấu sao</div></div>"
    )
    for part in sheet.parts:
        out.append(
            f'<div class="part"><span>Phần {_e(part.code)}: {_e(part.title)}</span>'
            f"<span>{part.max}</span></div>"
        )
        for group in part.groups:
            out.extend(_group(group))
    out.append(
        f'<div class="total"><div>Tổng điểm</div><div class="pts">{sheet.max}</div>'
        "<div></div><div></div></div>"
    )
    out.append(f'<p class="legend">{_e(MARK_LEGEND)}</p>')
    out.append(
        '<div class="signature"><div><p>……, ngày …… tháng …… năm ……</p>'
        f"<p><b>{_e(who.upper())}</b></p><p><i>(Ký, ghi rõ họ tên)</i></p>"
        '<div class="space"></div><p class="blank"></p></div></div>'
    )
    out.append("</article>")
    return "\n".join(out)


def sheet_form_html(sheet: Sheet, *, members: int = 1) -> str:
    """The sheet as a printable A4 form (a complete HTML document, Vietnamese).

    Args:
        sheet: The scoring sheet.
        members: How many copies to print, one per council member, each starting on a new
            page and numbered ("Thành viên Hội đồng số 3"); a single copy is not numbered.

    Raises:
        OcopValueError: ``members`` is below 1.
    """
    if isinstance(members, bool) or not isinstance(members, int) or members < 1:
        raise OcopValueError(f"'members' must be a whole number of at least 1 (got {members!r})")
    forms = [
        _one_form(sheet.criteria_set, sheet, None if members == 1 else k)
        for k in range(1, members + 1)
    ]
    title = f"Phiếu đánh giá sản phẩm OCOP — {sheet.criteria_set}, phiếu {sheet.number}"
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>\n<body>\n"
        + "\n".join(forms)
        + "\n</body></html>\n"
    )

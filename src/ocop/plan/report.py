"""A plan's progress written out: JSON for programs, a text table, Markdown, one HTML page.

[`report_data`][ocop.plan.report.report_data] is the JSON document (its keys are a public contract:
``plan``, ``targets``, ``activities``, ``budget``, ``problems``, and more);
[`render`][ocop.plan.report.render] writes the same content as ``table``, ``markdown`` or ``html``,
in Vietnamese (``vi``, the default) or English (``en``). The HTML page stands alone: no network, no
external fonts or scripts; the activities' schedule is a Gantt chart in inline SVG, the targets are
progress bars, and the page reflows on a phone. Whatever comes from a simulated event log is
labelled as such in every format.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any

from ocop._table import render_table
from ocop.cycle import watch_html_section, watch_table
from ocop.money import format_amount
from ocop.periods import QuarterRange
from ocop.plan.model import Citation, Comparison, Number
from ocop.plan.progress import (
    ActivityStatus,
    Progress,
    TargetProgress,
    TargetStatus,
)

__all__ = ["FORMATS", "render", "report_data", "report_workbook"]

#: The formats [`render`][ocop.plan.report.render] writes.
FORMATS = ("table", "json", "markdown", "html")

_T = {
    "vi": {
        TargetStatus.MET: "đạt",
        TargetStatus.ON_TRACK: "đúng tiến độ",
        TargetStatus.AT_RISK: "chậm tiến độ",
        TargetStatus.MISSED: "không đạt",
        TargetStatus.NO_DATA: "chưa có số liệu",
        TargetStatus.NOT_ENOUGH_DATA: "chưa đủ số liệu",
        ActivityStatus.PLANNED: "chưa đến hạn",
        ActivityStatus.NOT_STARTED: "chưa triển khai",
        ActivityStatus.IN_PROGRESS: "đang triển khai",
        ActivityStatus.DONE: "hoàn thành",
        ActivityStatus.OVERDUE: "quá hạn",
        ActivityStatus.NO_DATA: "chưa có số liệu",
        "plan": "Kế hoạch",
        "progress_on": "Tiến độ đến ngày",
        "targets": "Mục tiêu",
        "activities": "Nội dung thực hiện",
        "budget": "Kinh phí",
        "sections": "Kinh phí theo mục",
        "problems": "Vấn đề",
        "target": "chỉ tiêu",
        "actual": "thực hiện",
        "expected": "theo tiến độ",
        "status": "trạng thái",
        "window": "thời gian",
        "lead": "chủ trì",
        "amount": "kinh phí (đồng)",
        "share": "tỷ lệ",
        "title": "nội dung",
        "total": "Tổng cộng",
        "unlinked": "Chưa gắn với nội dung nào",
        "simulated": "MÔ PHỎNG: số liệu từ nhật ký sự kiện mô phỏng (ocop simulate), không "
        "phải số liệu thật",
        "log": "Nhật ký sự kiện",
        "no_log": "Không có nhật ký sự kiện: các chỉ tiêu đếm từ hồ sơ sản phẩm chưa có số liệu",
        "events": "sự kiện",
        "products": "sản phẩm",
        "done_yes": "có",
        "done_no": "chưa",
        "above": "vượt",
        "shared": "dùng chung với",
        "shared_note": "dùng chung với {others}; chỉ tính một lần trong tổng cộng",
        "activities_total": "Tổng cộng các nội dung",
        "today": "ngày báo cáo",
        "none": "không có",
        "source": "nguồn",
        "sources": "Nguồn số liệu",
        "at_least": "ít nhất {n}",
        "results": "Kết quả thực hiện chu trình {cycle}: {decisions} — {n} sản phẩm được công nhận",
        "for_cycle": "Kết quả công nhận sau năm kế hoạch được tính cho chu trình của nó ({cycle}), "
        "không theo ngày ban hành quyết định",
        "no_results": "Chưa có quyết định nào của chu trình {cycle} tính đến ngày báo cáo",
        "decision": "Quyết định {ref} ngày {on} của {by}",
        "publication": "{by}, «{title}»",
        "published_on": "ngày {on}",
        "events_source": "Nhật ký sự kiện {ref}",
        "simulated_mark": "MÔ PHỎNG",
        "fact_source": "{ref} (ghi nhận ngày {on})",
    },
    "en": {
        TargetStatus.MET: "met",
        TargetStatus.ON_TRACK: "on track",
        TargetStatus.AT_RISK: "at risk",
        TargetStatus.MISSED: "missed",
        TargetStatus.NO_DATA: "no data",
        TargetStatus.NOT_ENOUGH_DATA: "not enough data",
        ActivityStatus.PLANNED: "planned",
        ActivityStatus.NOT_STARTED: "not started",
        ActivityStatus.IN_PROGRESS: "in progress",
        ActivityStatus.DONE: "done",
        ActivityStatus.OVERDUE: "overdue",
        ActivityStatus.NO_DATA: "no data",
        "plan": "Plan",
        "progress_on": "Progress on",
        "targets": "Targets",
        "activities": "Activities",
        "budget": "Budget",
        "sections": "Budget by section",
        "problems": "Problems",
        "target": "target",
        "actual": "actual",
        "expected": "expected by now",
        "status": "status",
        "window": "window",
        "lead": "lead",
        "amount": "amount (đồng)",
        "share": "share",
        "title": "title",
        "total": "Total",
        "unlinked": "Linked to no activity",
        "simulated": "SIMULATED: figures from a simulated event log (ocop simulate), not real data",
        "log": "Event log",
        "no_log": "No event log: the indicators counted from product records have no data",
        "events": "events",
        "products": "products",
        "done_yes": "yes",
        "done_no": "not yet",
        "above": "above",
        "shared": "shared with",
        "shared_note": "shared with {others}; counted once in the total",
        "activities_total": "Total of the activities",
        "today": "report date",
        "none": "none",
        "source": "source",
        "sources": "Sources of the figures",
        "at_least": "at least {n}",
        "results": "Results of the {cycle} cycle: {decisions} — {n} products recognised",
        "for_cycle": "Recognitions decided after the plan's year are counted for their cycle "
        "({cycle}), not by the date of the decision",
        "no_results": "No decision of the {cycle} cycle by the report's date",
        "decision": "Decision {ref} of {on}, {by}",
        "publication": "{by}, “{title}”",
        "published_on": "of {on}",
        "events_source": "Event log {ref}",
        "simulated_mark": "SIMULATED",
        "fact_source": "{ref} (recorded on {on})",
    },
}


def _num(value: Number | Fraction | None) -> int | str | None:
    """An exact figure for JSON: an int when whole, else a decimal string cut to 2 places."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return value.numerator
        value = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
            Decimal("0.01"), rounding=ROUND_DOWN
        )
    if value == value.to_integral_value():
        return int(value)
    return str(value)


def _target_value(tp: TargetProgress) -> Any:
    t = tp.target
    if t.comparison is Comparison.DONE:
        return True
    if t.comparison is Comparison.BETWEEN:
        return [_num(t.value), _num(t.high)]
    return _num(t.value)


def report_data(progress: Progress) -> dict[str, Any]:
    """The progress as the JSON document of ``ocop report --format json``.

    Keys: ``plan`` (``number``, ``year``, ``date``, ``issuer``, ``title``, ``province``),
    ``on``, ``simulated``, ``events`` (the event log, or ``null``), ``results`` (the real
    results read, or ``null``: ``province``, ``cycle``, ``recognitions`` (how many),
    ``decisions``, ``publications``), ``targets`` (each with ``id``, ``text``,
    ``indicator``, ``comparison``, ``target``, ``actual`` (``null`` when only bounds are
    known), ``expected``, ``status``, ``above``, ``basis``, ``met`` (``true``, ``false``, or
    ``null`` when nothing or not enough is known to say), ``at_least`` and ``at_most`` (the
    known bounds of the figure; ``at_most`` ``null`` when unbounded), ``sources`` (each a
    citation: ``kind`` — decision, publication, events or fact —, ``ref``, ``on``, ``by``,
    ``where``, ``simulated``), ``unit``, ``deadline``), ``activities`` (each with
    ``id``, ``title``, ``from``, ``to`` as quarters, ``start``, ``end``, ``status``,
    ``started``, ``done``, ``lead``, ``budget`` in đồng, ``share`` in per cent,
    ``budget_lines``, ``shared_with``), ``budget`` (``total`` in đồng, ``stated_total``,
    ``sections``: the rollup by section, each group shaped as those of
    ``ocop budget report --format json`` — ``key`` (the section's code, also as ``code``),
    ``title``, ``amount`` in đồng, ``share`` and ``lines`` (how many leaf lines) —;
    ``linked`` (the money of the lines some activity links to, each line counted once, so
    lines shared by activities are not counted twice), ``unlinked``), ``indicators``,
    ``watch`` (the certificate watch on the report's date, as ``ocop cycle watch --format
    json`` writes it without its problems, or ``null`` without an event log) and
    ``problems``. Shares are JSON numbers, per cent with two decimals (``4.67``).
    """
    plan = progress.plan
    log = progress.log
    budget = progress.budget
    return {
        "plan": {
            "number": plan.number,
            "year": plan.year,
            "date": None if plan.date is None else plan.date.isoformat(),
            "issuer": plan.issuer,
            "title": plan.title,
            "province": plan.province,
        },
        "on": progress.on.isoformat(),
        "simulated": bool(log and log.simulated),
        "events": None
        if log is None
        else {
            "file": log.name,
            "events": log.events,
            "products": log.products,
            "simulated": log.simulated,
        },
        "results": _results_data(progress),
        "targets": [
            {
                "id": tp.target.id,
                "text": tp.target.text,
                "indicator": tp.target.indicator,
                "comparison": tp.target.comparison.value,
                "target": _target_value(tp),
                "actual": tp.actual if isinstance(tp.actual, bool) else _num(tp.actual),
                "expected": _num(tp.expected),
                "status": tp.status.value,
                "above": tp.above,
                "basis": tp.basis,
                "met": tp.met,
                "at_least": None if tp.bounds is None else tp.bounds.low,
                "at_most": None if tp.bounds is None else tp.bounds.high,
                "sources": [c.to_dict() for c in tp.sources],
                "unit": tp.target.unit,
                "deadline": tp.deadline.isoformat(),
            }
            for tp in progress.targets
        ],
        "activities": [
            {
                "id": ap.activity.id,
                "title": ap.activity.title,
                "from": ap.activity.window.first.iso(),
                "to": ap.activity.window.last.iso(),
                "start": ap.activity.window.start.isoformat(),
                "end": ap.activity.window.end.isoformat(),
                "status": ap.status.value,
                "started": None if ap.started is None else ap.started.isoformat(),
                "done": None if ap.done is None else ap.done.isoformat(),
                "lead": ap.activity.lead,
                "budget": ap.amount,
                "share": _json_share(ap.share),
                "budget_lines": list(ap.activity.budget_lines),
                "shared_with": list(ap.shared_with),
            }
            for ap in progress.activities
        ],
        "budget": None
        if budget is None
        else {
            "total": budget.total,
            "stated_total": budget.stated_total,
            "sections": [
                {
                    "key": g.key,
                    "code": g.key,
                    "title": g.title,
                    "amount": g.amount,
                    "share": _json_share(g.share),
                    "lines": g.lines,
                }
                for g in budget.sections.groups
            ],
            "linked": budget.linked,
            "unlinked": [
                {"line": key, "title": title, "amount": amount}
                for key, title, amount in budget.unlinked
            ],
        },
        "indicators": None if progress.indicators is None else dict(progress.indicators),
        "watch": None if progress.watch is None else progress.watch.to_dict(),
        "problems": [p.to_dict() for p in progress.problems],
    }


def _results_data(progress: Progress) -> dict[str, Any] | None:
    r = progress.results
    if r is None:
        return None
    return {
        "province": r.province,
        "cycle": r.cycle,
        "recognitions": len(r.recognitions),
        "decisions": [
            {
                "number": d.number,
                "on": d.on.isoformat(),
                "by": d.by,
                "level": d.level.value,
                "complete": d.complete,
                "counts_from": r.counts_from(d).isoformat(),
            }
            for d in r.decisions
        ],
        "evaluated": {level.value: n for level, n in r.evaluated.items()},
        "publications": [
            {
                "id": p.id,
                "title": p.title,
                "by": p.by,
                "where": p.where,
                "on": None if p.on is None else p.on.isoformat(),
            }
            for p in r.publications
        ],
    }


# ----------------------------------------------------------------------------- text


def _citations(progress: Progress) -> list[Citation]:
    """Every citation of the targets' figures, each once, in the order first cited."""
    out: list[Citation] = []
    for tp in progress.targets:
        for c in tp.sources:
            if c not in out:
                out.append(c)
    return out


def _marks(tp: TargetProgress, cites: list[Citation]) -> str:
    return " ".join(f"[{cites.index(c) + 1}]" for c in tp.sources)


def _citation_text(c: Citation, lang: str) -> str:
    t = _T[lang]
    on = "" if c.on is None else _dmy(c.on)
    if c.kind == "decision":
        text = t["decision"].format(ref=c.ref, on=on, by=c.by)
    elif c.kind == "publication":
        text = t["publication"].format(by=c.by, title=c.ref)
        if on:
            text += " " + t["published_on"].format(on=on)
    elif c.kind == "events":
        text = t["events_source"].format(ref=c.ref)
        if c.simulated:
            text += f" ({t['simulated_mark']})"
    elif on:
        text = t["fact_source"].format(ref=c.ref, on=on)
    else:
        text = c.ref
    return f"{text} ({c.where})" if c.where else text


def _source_notes(progress: Progress, lang: str) -> list[str]:
    return [f"[{i}] {_citation_text(c, lang)}" for i, c in enumerate(_citations(progress), 1)]


def _dmy(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _fig(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, Fraction):
        return str(_num(value))
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    return str(value)


def _target_text(tp: TargetProgress, lang: str) -> str:
    t = tp.target
    unit = f" {t.unit}" if t.unit else ""
    if t.comparison is Comparison.DONE:
        return _T[lang][ActivityStatus.DONE]
    if t.comparison is Comparison.BETWEEN:
        return f"{_fig(t.value)}–{_fig(t.high)}{unit}"
    if t.comparison is Comparison.ABOUT:
        return f"≈ {_fig(t.value)}{unit}"
    return f"≥ {_fig(t.value)}{unit}"


def _actual_text(tp: TargetProgress, lang: str) -> str:
    if isinstance(tp.actual, bool):
        return _T[lang]["done_yes" if tp.actual else "done_no"]
    b = tp.bounds
    if tp.actual is None and b is not None:
        text = _T[lang]["at_least"].format(n=b.low) if b.high is None else f"{b.low}–{b.high}"
        return f"{text} ({_T[lang]['above']})" if tp.above else text
    text = _fig(tp.actual)
    return f"{text} ({_T[lang]['above']})" if tp.above else text


def _money(dong: int | None) -> str:
    return "" if dong is None else format_amount(dong, label=False)


def _share(share: Decimal | None) -> str:
    return "" if share is None else f"{str(share).replace('.', ',')} %"


def _json_share(share: Decimal | None) -> float | None:
    # A JSON number as ocop budget report writes it; two decimals survive the float.
    return None if share is None else float(share)


def _linked_share(progress: Progress) -> Decimal:
    b = progress.budget
    if b is None or b.total == 0:
        return Decimal("0.00")
    return (Decimal(b.linked) * 100 / Decimal(b.total)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_EVEN
    )


def _has_money(progress: Progress) -> bool:
    return progress.budget is not None and any(ap.amount is not None for ap in progress.activities)


def _shared_notes(progress: Progress, lang: str) -> list[str]:
    """A footnote for each activity whose money is shared: "* id: shared with …"."""
    note = _T[lang]["shared_note"]
    return [
        f"* {ap.activity.id}: {note.format(others=', '.join(ap.shared_with))}"
        for ap in progress.activities
        if ap.shared_with and ap.amount is not None
    ]


def _amount_cell(amount: int | None, shared: bool, pad: bool) -> str:
    """The amount, marked ``*`` when shared; ``pad`` keeps unmarked figures aligned."""
    if amount is None:
        return ""
    if shared:
        return f"{_money(amount)} *"
    return f"{_money(amount)}  " if pad else _money(amount)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    return render_table(header, rows, right=right)


def _heading(progress: Progress, lang: str) -> list[str]:
    t = _T[lang]
    plan = progress.plan
    head = f"{t['plan']} {plan.number}"
    if plan.date is not None:
        head += f" ({_dmy(plan.date)})"
    lines = [head]
    if plan.title:
        lines.append(plan.title)
    if plan.issuer:
        lines.append(plan.issuer)
    lines.append(f"{t['progress_on']} {_dmy(progress.on)}")
    log = progress.log
    results = progress.results
    if results is not None:
        decisions = [d for d in results.decisions if results.counts_from(d) <= progress.on]
        if decisions:
            cited = "; ".join(
                t["decision"].format(ref=d.number, on=_dmy(d.on), by=d.by) for d in decisions
            )
            numbers = {d.number for d in decisions}
            n = sum(r.decision in numbers for r in results.recognitions)
            lines.append(t["results"].format(cycle=results.cycle, decisions=cited, n=n))
            if any(d.on > results.end for d in decisions):
                lines.append(t["for_cycle"].format(cycle=results.cycle))
        else:
            lines.append(t["no_results"].format(cycle=results.cycle))
    if log is None:
        if results is None:
            lines.append(t["no_log"])
    else:
        lines.append(
            f"{t['log']}: {log.name} — {log.events} {t['events']}, {log.products} {t['products']}"
        )
        if log.simulated:
            lines.append(t["simulated"])
    return lines


def _window(window: QuarterRange, lang: str) -> str:
    return window.vietnamese() if lang == "vi" else window.iso()


def _cut(text: str, width: int = 56) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _rows(
    progress: Progress, lang: str, *, cut: bool = False
) -> dict[str, tuple[list[str], list[list[str]], tuple[int, ...]]]:
    t = _T[lang]
    cites = _citations(progress)
    targets = [
        [
            tp.target.id,
            _cut(tp.target.text) if cut else tp.target.text,
            _target_text(tp, lang),
            _actual_text(tp, lang),
            _fig(tp.expected)
            if tp.expected is not None
            and tp.status in (TargetStatus.ON_TRACK, TargetStatus.AT_RISK)
            else "",
            t[tp.status],
            *([_marks(tp, cites)] if cites else []),
        ]
        for tp in progress.targets
    ]
    pad = cut and any(ap.shared_with for ap in progress.activities)
    activities = [
        [
            ap.activity.id,
            _cut(ap.activity.title) if cut else ap.activity.title,
            _window(ap.activity.window, lang),
            t[ap.status],
            _amount_cell(ap.amount, bool(ap.shared_with), pad),
            _share(ap.share),
        ]
        for ap in progress.activities
    ]
    if progress.budget is not None and _has_money(progress):
        activities.append(
            [
                "",
                t["activities_total"],
                "",
                "",
                _amount_cell(progress.budget.linked, False, pad),
                _share(_linked_share(progress)),
            ]
        )
    out = {
        "targets": (
            [
                "id",
                t["targets"].lower(),
                t["target"],
                t["actual"],
                t["expected"],
                t["status"],
                *([t["source"]] if cites else []),
            ],
            targets,
            (),
        ),
        "activities": (
            ["id", t["title"], t["window"], t["status"], t["amount"], t["share"]],
            activities,
            (4, 5),
        ),
    }
    b = progress.budget
    if b is not None:
        rows = [
            [g.key, _cut(g.title) if cut else g.title, _money(g.amount), _share(g.share)]
            for g in b.sections.groups
        ]
        rows.append(["", t["total"], _money(b.total), _share(Decimal("100.00"))])
        out["sections"] = (["#", t["title"], t["amount"], t["share"]], rows, (2, 3))
    return out


def _unlinked_line(progress: Progress, lang: str) -> str | None:
    b = progress.budget
    if b is None or not b.unlinked:
        return None
    parts = ", ".join(f"{k} ({_money(a)})" for k, _, a in b.unlinked)
    return f"{_T[lang]['unlinked']}: {parts}"


def _text(progress: Progress, lang: str) -> str:
    t = _T[lang]
    out = ["\n".join(_heading(progress, lang)), ""]
    for key, (header, rows, right) in _rows(progress, lang, cut=True).items():
        out += [t[key], _table(header, rows, right), ""]
        if key == "targets" and _source_notes(progress, lang):
            out += [f"{t['sources']}:", *_source_notes(progress, lang), ""]
        if key == "activities" and _shared_notes(progress, lang):
            out += [*_shared_notes(progress, lang), ""]
    unlinked = _unlinked_line(progress, lang)
    if unlinked:
        out += [unlinked, ""]
    if progress.watch is not None:
        out += [watch_table(progress.watch, lang=lang), ""]
    return "\n".join(out).rstrip() + "\n"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_text(text: str) -> str:
    """Text of a table cell or paragraph where ``*`` is a footnote mark, not emphasis."""
    return _md_cell(text).replace("*", "\\*")


def _markdown(progress: Progress, lang: str) -> str:
    t = _T[lang]
    head = _heading(progress, lang)
    out = [f"# {head[0]}", ""]
    for line in head[1:]:
        if line == t["simulated"]:
            out += [f"> **{line}**", ""]
        else:
            out += [line, ""]
    for key, (header, rows, right) in _rows(progress, lang).items():
        out += [f"## {t[key]}", ""]
        out.append("| " + " | ".join(_md_cell(h) for h in header) + " |")
        out.append(
            "|" + "|".join("---:" if i in right else "---" for i in range(len(header))) + "|"
        )
        out += ["| " + " | ".join(_md_text(c) for c in r) + " |" for r in rows]
        out.append("")
        if key == "targets" and _source_notes(progress, lang):
            out += [f"{t['sources']}:", ""]
            out += [_md_cell(n).replace("[", "\\[") + "  " for n in _source_notes(progress, lang)]
            out[-1] = out[-1].rstrip()
            out.append("")
        if key == "activities" and _shared_notes(progress, lang):
            out += [_md_text(n) + "  " for n in _shared_notes(progress, lang)]
            out[-1] = out[-1].rstrip()
            out.append("")
    unlinked = _unlinked_line(progress, lang)
    if unlinked:
        out += [unlinked, ""]
    if progress.watch is not None:
        title, _, table = watch_table(progress.watch, lang=lang).partition("\n")
        out += [f"## {_md_text(title)}", "", "```text", table.strip("\n"), "```", ""]
    if progress.problems:
        out += [f"## {t['problems']}", ""]
        out += [f"- `{_md_cell(p.render())}`" for p in progress.problems]
        out.append("")
    return "\n".join(out)


# ----------------------------------------------------------------------------- HTML

_COLOURS = {
    TargetStatus.MET: "#2e7d32",
    TargetStatus.ON_TRACK: "#1565c0",
    TargetStatus.AT_RISK: "#ef6c00",
    TargetStatus.MISSED: "#c62828",
    TargetStatus.NO_DATA: "#9e9e9e",
    TargetStatus.NOT_ENOUGH_DATA: "#6d4c41",
    ActivityStatus.PLANNED: "#90a4ae",
    ActivityStatus.NOT_STARTED: "#ef6c00",
    ActivityStatus.IN_PROGRESS: "#1565c0",
    ActivityStatus.DONE: "#2e7d32",
    ActivityStatus.OVERDUE: "#c62828",
    ActivityStatus.NO_DATA: "#9e9e9e",
}

_CSS = """
*{box-sizing:border-box}
body{margin:0;
  font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  color:#212121;
  background:#fafafa}
main{max-width:860px;margin:0 auto;padding:12px}
h1{font-size:1.3em;
  margin:.3em 0}
h2{font-size:1.1em;
  margin:1.4em 0 .5em;
  border-bottom:2px solid #2e7d32}
.meta{color:#555;margin:.2em 0}
.sim{background:#fff3e0;
  border:2px solid #ef6c00;
  color:#7f3a00;
  padding:8px 10px;
  border-radius:6px;
  font-weight:600;
  margin:10px 0}
.nolog{background:#eceff1;padding:8px 10px;border-radius:6px}
.t{background:#fff;border:1px solid #e0e0e0;border-radius:6px;padding:8px 10px;margin:8px 0}
.t .h{display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap}
.t .id{font-weight:700}.t .txt{margin:.2em 0}
.bar{position:relative;
  height:12px;
  background:#eee;
  border-radius:6px;
  overflow:hidden;
  margin:6px 0 2px}
.bar span{position:absolute;left:0;top:0;bottom:0;border-radius:6px}
.bar i{position:absolute;top:-2px;bottom:-2px;width:2px;background:#212121}
.st{font-size:.85em;padding:1px 8px;border-radius:10px;color:#fff;white-space:nowrap}
.fig{font-size:.9em;color:#424242}
svg{width:100%;
  height:auto;
  display:block;
  background:#fff;
  border:1px solid #e0e0e0;
  border-radius:6px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.92em}
th,td{border-bottom:1px solid #e0e0e0;padding:5px 6px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}
.scroll{overflow-x:auto}
.scroll table.wide{min-width:620px}
.legend span{display:inline-block;margin:2px 8px 2px 0;font-size:.85em}
.legend b{display:inline-block;
  width:10px;
  height:10px;
  border-radius:2px;
  margin-right:4px;
  vertical-align:middle}
.sb{height:8px;background:#2e7d32;border-radius:4px;min-width:1px}
ul.pr{font-family:ui-monospace,monospace;font-size:.85em;word-break:break-word}
@media (max-width:520px){body{font-size:14px}main{padding:8px}td,th{padding:4px}}
"""


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _gantt(progress: Progress, lang: str) -> str:
    acts = progress.activities
    if not acts:
        return ""
    first: dt.date = min(
        [*(a.activity.window.start for a in acts), dt.date(progress.plan.year, 1, 1)]
    )
    last: dt.date = max(
        [*(a.activity.window.end for a in acts), dt.date(progress.plan.year, 12, 31)]
    )
    days = (last - first).days + 1
    label, width, row, top = 58, 360, 20, 22
    span = width - label - 6
    height = top + row * len(acts) + 8

    def x(day: dt.date) -> float:
        return label + span * ((day - first).days / days)

    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="system-ui,sans-serif" font-size="9">',
        f"<title>{_esc(_T[lang]['activities'])}</title>",
    ]
    q = dt.date(first.year, first.month, 1)
    while q <= last:
        if q.month in (1, 4, 7, 10):
            qx = x(q)
            quarter = (q.month - 1) // 3 + 1
            qlabel = (
                f"Q{quarter}/{q.year}"
                if lang == "en"
                else f"Quý {['I', 'II', 'III', 'IV'][quarter - 1]}"
            )
            parts.append(
                f'<line x1="{qx:.1f}" y1="{top - 4}" x2="{qx:.1f}" y2="{height - 4}" '
                'stroke="#e0e0e0"/>'
            )
            parts.append(
                f'<text x="{qx + 3:.1f}" y="{top - 8}" fill="#616161">{_esc(qlabel)}</text>'
            )
        q = dt.date(q.year + (q.month == 12), q.month % 12 + 1, 1)
    for i, ap in enumerate(acts):
        y = top + i * row
        a = ap.activity
        x0, x1 = x(a.window.start), x(a.window.end + dt.timedelta(days=1))
        colour = _COLOURS[ap.status]
        tip = f"{a.id} {a.title} — {_window(a.window, lang)} — {_T[lang][ap.status]}"
        parts.append(
            f'<text x="2" y="{y + 13}" fill="#212121">{_esc(a.id)}</text>'
            f'<rect x="{x0:.1f}" y="{y + 3}" width="{max(x1 - x0, 2):.1f}" height="{row - 7}" '
            f'rx="3" fill="{colour}"><title>{_esc(tip)}</title></rect>'
        )
    if first <= progress.on <= last:
        nx = x(progress.on)
        parts.append(
            f'<line x1="{nx:.1f}" y1="{top - 4}" x2="{nx:.1f}" y2="{height - 2}" '
            'stroke="#c62828" stroke-width="1.5" stroke-dasharray="3,2">'
            f"<title>{_esc(_T[lang]['today'])} {_dmy(progress.on)}</title></line>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _legend(statuses: Sequence[ActivityStatus | TargetStatus], lang: str) -> str:
    return (
        '<div class="legend">'
        + "".join(
            f'<span><b style="background:{_COLOURS[s]}"></b>{_esc(_T[lang][s])}</span>'
            for s in statuses
        )
        + "</div>"
    )


def _target_card(tp: TargetProgress, lang: str, cites: list[Citation]) -> str:
    t = tp.target
    colour = _COLOURS[tp.status]
    goal = t.low if t.comparison is not Comparison.DONE else Fraction(1)
    if isinstance(tp.actual, bool):
        value = Fraction(int(tp.actual))
    elif tp.actual is None:
        value = Fraction(tp.bounds.low) if tp.bounds is not None else Fraction(0)
    else:
        value = Fraction(tp.actual)
    pct = 100.0 if not goal else min(100.0, float(value / goal * 100))
    marker = ""
    if (
        tp.expected is not None
        and goal
        and tp.status not in (TargetStatus.MET, TargetStatus.NO_DATA)
    ):
        ex = min(100.0, float(tp.expected / goal * 100))
        marker = f'<i style="left:{ex:.1f}%" title="{_esc(_T[lang]["expected"])}"></i>'
    figures = (
        f"{_esc(_T[lang]['target'])}: {_esc(_target_text(tp, lang))} · "
        f"{_esc(_T[lang]['actual'])}: {_esc(_actual_text(tp, lang))}"
    )
    if tp.expected is not None and tp.status in (TargetStatus.ON_TRACK, TargetStatus.AT_RISK):
        figures += f" · {_esc(_T[lang]['expected'])}: {_esc(_fig(tp.expected))}"
    if tp.sources:
        figures += f" · {_esc(_T[lang]['source'])}: {_esc(_marks(tp, cites))}"
    return (
        f'<div class="t"><div class="h"><span class="id">{_esc(t.id)}</span>'
        f'<span class="st" style="background:{colour}">{_esc(_T[lang][tp.status])}</span></div>'
        f'<div class="txt">{_esc(t.text)}</div>'
        f'<div class="bar"><span style="width:{pct:.1f}%;background:{colour}"></span>{marker}</div>'
        f'<div class="fig">{figures}</div></div>'
    )


def _html(progress: Progress, lang: str) -> str:
    t = _T[lang]
    head = _heading(progress, lang)
    title = f"{head[0]} — {t['progress_on']} {_dmy(progress.on)}"
    body = [f"<h1>{_esc(head[0])}</h1>"]
    for line in head[1:]:
        if line == t["simulated"]:
            body.append(f'<div class="sim" role="note">{_esc(line)}</div>')
        elif line == t["no_log"]:
            body.append(f'<p class="nolog">{_esc(line)}</p>')
        else:
            body.append(f'<p class="meta">{_esc(line)}</p>')
    body.append(f"<h2>{_esc(t['targets'])}</h2>")
    body.append(_legend(list(TargetStatus), lang))
    cites = _citations(progress)
    body += [_target_card(tp, lang, cites) for tp in progress.targets]
    if cites:
        body.append(
            f'<p class="meta"><small>{_esc(t["sources"])}:<br>'
            + "<br>".join(_esc(n) for n in _source_notes(progress, lang))
            + "</small></p>"
        )
    body.append(f"<h2>{_esc(t['activities'])}</h2>")
    body.append(_legend(list(ActivityStatus), lang))
    body.append(_gantt(progress, lang))
    rows = "".join(
        f"<tr><td>{_esc(ap.activity.id)}</td><td>{_esc(ap.activity.title)}"
        + (
            f"<br><small>{_esc(t['shared'])} {_esc(', '.join(ap.shared_with))}</small>"
            if ap.shared_with
            else ""
        )
        + f"</td><td>{_esc(_window(ap.activity.window, lang))}</td>"
        f'<td><span class="st" style="background:{_COLOURS[ap.status]}">'
        f"{_esc(t[ap.status])}</span></td>"
        f'<td class="n">{_esc(_amount_cell(ap.amount, bool(ap.shared_with), False))}</td>'
        f'<td class="n">{_esc(_share(ap.share))}</td></tr>'
        for ap in progress.activities
    )
    foot = ""
    if progress.budget is not None and _has_money(progress):
        foot = (
            f"<tfoot><tr><th></th><th>{_esc(t['activities_total'])}</th><th></th><th></th>"
            f'<th class="n">{_esc(_money(progress.budget.linked))}</th>'
            f'<th class="n">{_esc(_share(_linked_share(progress)))}</th></tr></tfoot>'
        )
    body.append(
        '<div class="scroll"><table class="wide"><thead><tr><th>id</th>'
        f"<th>{_esc(t['title'])}</th><th>{_esc(t['window'])}</th><th>{_esc(t['status'])}</th>"
        f'<th class="n">{_esc(t["amount"])}</th><th class="n">{_esc(t["share"])}</th></tr></thead>'
        f"<tbody>{rows}</tbody>{foot}</table></div>"
    )
    notes = _shared_notes(progress, lang)
    if notes:
        body.append(
            '<p class="meta"><small>' + "<br>".join(_esc(n) for n in notes) + "</small></p>"
        )
    b = progress.budget
    if b is not None:
        body.append(f"<h2>{_esc(t['sections'])}</h2>")
        top = max((g.amount for g in b.sections.groups), default=0) or 1
        srows = "".join(
            f"<tr><td>{_esc(g.key)}</td><td>{_esc(g.title)}"
            f'<div class="sb" style="width:{100 * g.amount / top:.1f}%"></div></td>'
            f'<td class="n">{_esc(_money(g.amount))}</td>'
            f'<td class="n">{_esc(_share(g.share))}</td></tr>'
            for g in b.sections.groups
        )
        srows += (
            f'<tr><th></th><th>{_esc(t["total"])}</th><th class="n">{_esc(_money(b.total))}</th>'
            f'<th class="n">100,00 %</th></tr>'
        )
        body.append(
            '<div class="scroll"><table><thead><tr><th>#</th>'
            f'<th>{_esc(t["title"])}</th><th class="n">{_esc(t["amount"])}</th>'
            f'<th class="n">{_esc(t["share"])}</th></tr></thead>'
            f"<tbody>{srows}</tbody></table></div>"
        )
        unlinked = _unlinked_line(progress, lang)
        if unlinked:
            body.append(f'<p class="meta">{_esc(unlinked)}</p>')
    if progress.watch is not None:
        body.append(watch_html_section(progress.watch, lang=lang))
    if progress.problems:
        body.append(f"<h2>{_esc(t['problems'])}</h2>")
        body.append(
            '<ul class="pr">'
            + "".join(f"<li>{_esc(p.render())}</li>" for p in progress.problems)
            + "</ul>"
        )
    lang_attr = "vi" if lang == "vi" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang_attr}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>\n"
    )


def render(progress: Progress, format: str = "table", *, lang: str = "vi") -> str:
    """The progress as ``table``, ``json``, ``markdown`` or ``html`` text, in ``lang``.

    Raises:
        ValueError: ``format`` or ``lang`` is not known.
    """
    from ocop.errors import OcopValueError

    if lang not in _T:
        raise OcopValueError(f"unknown language {lang!r} (vi or en)")
    if format == "json":
        return json.dumps(report_data(progress), ensure_ascii=False, indent=2) + "\n"
    if format == "table":
        return _text(progress, lang)
    if format == "markdown":
        return _markdown(progress, lang)
    if format == "html":
        return _html(progress, lang)
    raise OcopValueError(f"unknown format {format!r} (one of: {', '.join(FORMATS)})")


def _xlsx_value(value: object) -> object:
    """A cell's value: a figure or a truth as itself, a range (``[3, 5]``) as its text."""
    if isinstance(value, list | tuple):
        return "–".join(_fig(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def report_workbook(progress: Progress, *, lang: str = "vi") -> bytes:
    """The progress as a workbook in ``lang``: one sheet each for the targets, the activities
    and the budget by section, with the figures of [`report_data`][ocop.plan.report.report_data]
    written as numbers (amounts in whole đồng, shares as exact decimals) that display with
    thousands separators, so that the office can keep computing with them.

    Raises:
        ValueError: ``lang`` is not known.
    """
    from ocop._xlsx import SHARE, WHOLE, table_workbook
    from ocop.errors import OcopValueError

    if lang not in _T:
        raise OcopValueError(f"unknown language {lang!r} (vi or en)")
    t = _T[lang]
    data = report_data(progress)
    targets = [
        [
            d["id"],
            d["text"],
            _xlsx_value(d["target"]),
            _xlsx_value(d["actual"]),
            _xlsx_value(d["expected"]),
            t[TargetStatus(d["status"])],
        ]
        for d in data["targets"]
    ]
    activities = [
        [
            d["id"],
            d["title"],
            d["from"] if d["from"] == d["to"] else f"{d['from']} – {d['to']}",
            t[ActivityStatus(d["status"])],
            d["lead"],
            d["budget"],
            None if ap.share is None else ap.share,
        ]
        for d, ap in zip(data["activities"], progress.activities, strict=True)
    ]
    sheets: list[tuple[str, Sequence[str], Sequence[Sequence[object]], Sequence[str | None]]] = [
        (
            t["targets"],
            ["#", t["title"], t["target"], t["actual"], t["expected"], t["status"]],
            targets,
            [None, None, WHOLE, WHOLE, WHOLE, None],
        ),
        (
            t["activities"],
            ["#", t["title"], t["window"], t["status"], t["lead"], t["amount"], t["share"]],
            activities,
            [None, None, None, None, None, WHOLE, SHARE],
        ),
    ]
    budget = progress.budget
    if budget is not None:
        rows: list[list[object]] = [
            [g.key, g.title, g.amount, g.share] for g in budget.sections.groups
        ]
        rows.append(["", t["total"], budget.total, None])
        sheets.append(
            (
                t["sections"],
                ["#", t["title"], t["amount"], t["share"]],
                rows,
                [None, None, WHOLE, SHARE],
            )
        )
    return table_workbook(sheets)

"""The certificate watch written out: a text table, CSV rows, an HTML section or page.

One writer for ``ocop cycle watch`` and for the plan report's watch section (``ocop
report``), so that both say the same thing the same way. Headings are in Vietnamese (``vi``,
the default) or English (``en``); JSON is
[`Watch.to_dict`][ocop.cycle.Watch.to_dict].
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from ocop._table import render_table
from ocop.cycle.watch import Watch, WatchedCertificate, WatchStatus

__all__ = ["WATCH_CSV_COLUMNS", "watch_csv_rows", "watch_html", "watch_html_section", "watch_table"]

_T: dict[str, dict[str, Any]] = {
    "vi": {
        "title": "Theo dõi giấy chứng nhận OCOP",
        "on": "ngày",
        "within": "sắp hết hạn: trong vòng {days} ngày",
        "nowhere": "Chưa rõ tỉnh, xã",
        "no_commune": "chưa rõ xã",
        "head": (
            "Sản phẩm",
            "Hạng",
            "Cấp công nhận",
            "Ngày cấp",
            "Hết hạn",
            "Tình trạng",
            "Việc tiếp theo",
            "Ai làm",
            "Hạn",
            "Căn cứ",
        ),
        "none": "Không có giấy chứng nhận nào trong nhật ký.",
        "window": "nộp hồ sơ từ {first} đến {last}",
        "until": "đến {until}",
        "overdue": "quá hạn",
        "counts": "Tổng",
        "who": {
            "producer": "chủ thể OCOP",
            "commune": "UBND cấp xã",
            "province": "UBND cấp tỉnh",
            "national": "Bộ NN và MT",
        },
        "level": {
            "commune": "xã",
            "district": "huyện",
            "province": "tỉnh",
            "national": "trung ương",
        },
    },
    "en": {
        "title": "OCOP certificate watch",
        "on": "on",
        "within": "expiring: within {days} days",
        "nowhere": "Province and commune not stated",
        "no_commune": "commune not stated",
        "head": (
            "product",
            "stars",
            "recognised by",
            "issued",
            "expires",
            "status",
            "next",
            "who",
            "by",
            "ref",
        ),
        "none": "No certificate in the log.",
        "window": "file from {first} to {last}",
        "until": "until {until}",
        "overdue": "overdue",
        "counts": "Total",
        "who": {
            "producer": "producer",
            "commune": "commune",
            "province": "province",
            "national": "ministry",
        },
        "level": {
            "commune": "commune",
            "district": "district",
            "province": "province",
            "national": "national",
        },
    },
}

_STATUS_EN = {
    WatchStatus.VALID: "valid",
    WatchStatus.WINDOW_OPEN: "re-evaluation window open",
    WatchStatus.EXPIRING: "expiring",
    WatchStatus.EXTENDED: "kept valid (art. 12.3)",
    WatchStatus.LAPSED: "lapsed",
    WatchStatus.REVOKED: "revoked",
}

_COLOURS = {
    WatchStatus.VALID: "#2e7d32",
    WatchStatus.WINDOW_OPEN: "#1565c0",
    WatchStatus.EXPIRING: "#ef6c00",
    WatchStatus.EXTENDED: "#6a1b9a",
    WatchStatus.LAPSED: "#616161",
    WatchStatus.REVOKED: "#c62828",
}

#: The columns of ``ocop cycle watch --format csv``, one row per certificate.
WATCH_CSV_COLUMNS = (
    "province",
    "commune",
    "product",
    "stars",
    "level",
    "issued",
    "expires",
    "status",
    "window_from",
    "window_to",
    "filed",
    "until",
    "ended",
    "ground",
    "next_action",
    "next_by",
    "next_ref",
    "next_who",
    "next_overdue",
)


def _dmy(day: dt.date | None, lang: str) -> str:
    if day is None:
        return ""
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def _status_parts(c: WatchedCertificate, lang: str) -> tuple[str, str]:
    """The status in words and its dates (the window's, or how long it is kept valid)."""
    t = _T[lang]
    word = c.status.vietnamese if lang == "vi" else _STATUS_EN[c.status]
    detail = ""
    if c.status is WatchStatus.WINDOW_OPEN:
        first, last = c.window
        detail = t["window"].format(first=_dmy(first, lang), last=_dmy(last, lang))
    elif c.status is WatchStatus.EXTENDED and c.until is not None:
        detail = t["until"].format(until=_dmy(c.until, lang))
    return word, detail


def _status(c: WatchedCertificate, lang: str) -> str:
    word, detail = _status_parts(c, lang)
    return f"{word} ({detail})" if detail else word


def _row(c: WatchedCertificate, lang: str) -> tuple[str, ...]:
    t = _T[lang]
    cert = c.certificate
    due = c.next
    by = _dmy(due.by, lang)
    if due.overdue:
        by += f" ({t['overdue']})"
    return (
        c.product,
        f"{cert.stars}★",
        t["level"].get(cert.issued_by.value, cert.issued_by.value),
        _dmy(cert.issued_on, lang),
        _dmy(cert.expires_on, lang),
        _status(c, lang),
        due.action,
        t["who"].get(due.who, due.who),
        by,
        due.ref,
    )


def _group_title(province: str | None, commune: str | None, lang: str) -> str:
    t = _T[lang]
    if province is None and commune is None:
        return str(t["nowhere"])
    return f"{province or ''} — {commune or t['no_commune']}".strip(" —")


def _counts_line(w: Watch, lang: str) -> str:
    t = _T[lang]
    parts = [
        f"{(s.vietnamese if lang == 'vi' else _STATUS_EN[s])}: {n}"
        for s in WatchStatus
        if (n := w.counts()[s.value])
    ]
    return f"{t['counts']} {len(w.certificates)}: " + "; ".join(parts)


def watch_table(w: Watch, *, lang: str = "vi") -> str:
    """The watch as text: a heading, then one table per province and commune."""
    t = _T[lang]
    lines = [
        f"{t['title']}, {t['on']} {_dmy(w.on, lang)} ({t['within'].format(days=w.within)})",
    ]
    if not w.certificates:
        lines += ["", t["none"]]
        return "\n".join(lines)
    lines.append(_counts_line(w, lang))
    for province, commune, certs in w.groups():
        lines += ["", _group_title(province, commune, lang)]
        lines.append(render_table(t["head"], [_row(c, lang) for c in certs], right=(1,)))
    return "\n".join(lines)


def watch_csv_rows(w: Watch) -> list[tuple[object, ...]]:
    """One row per certificate, in the order of ``WATCH_CSV_COLUMNS`` (ISO dates, English
    words)."""
    rows: list[tuple[object, ...]] = []
    for c in w.certificates:
        d = c.to_dict()
        due = d["next"]
        rows.append(
            (
                d["province"] or "",
                d["commune"] or "",
                d["product"],
                d["stars"],
                d["level"],
                d["issued"],
                d["expires"],
                d["status"],
                d["window"]["from"],
                d["window"]["to"],
                d["filed"] or "",
                d["until"] or "",
                d["ended"] or "",
                d["ground"] or "",
                due["action"],
                due["by"] or "",
                due["ref"],
                due["who"],
                "true" if due["overdue"] else "false",
            )
        )
    return rows


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def watch_html_section(w: Watch, *, lang: str = "vi", level: int = 2) -> str:
    """The watch as an HTML fragment (a heading, then a table per province and commune),
    for a page of its own or a section of the plan report."""
    t = _T[lang]
    h, sub = f"h{level}", f"h{level + 1}"
    head = f"{t['title']}, {t['on']} {_dmy(w.on, lang)} ({t['within'].format(days=w.within)})"
    out = [f'<section class="watch"><{h}>{_esc(head)}</{h}>']
    if not w.certificates:
        out.append(f"<p>{_esc(t['none'])}</p></section>")
        return "".join(out)
    out.append(f'<p class="meta">{_esc(_counts_line(w, lang))}</p>')
    cols: Sequence[str] = t["head"]
    for province, commune, certs in w.groups():
        out.append(f"<{sub}>{_esc(_group_title(province, commune, lang))}</{sub}>")
        rows = []
        for c in certs:
            cells = _row(c, lang)
            tds = [f"<td>{_esc(x)}</td>" for x in cells]
            word, detail = _status_parts(c, lang)
            tds[5] = (
                f'<td><span class="st" style="background:{_COLOURS[c.status]}">'
                f"{_esc(word)}</span>"
                + (f"<br><small>{_esc(detail)}</small>" if detail else "")
                + "</td>"
            )
            if c.next.overdue:
                tds[8] = f'<td class="late">{_esc(cells[8])}</td>'
            rows.append(f'<tr class="{c.status.value}">' + "".join(tds) + "</tr>")
        out.append(
            '<div class="scroll"><table class="wide"><thead><tr>'
            + "".join(f"<th>{_esc(x)}</th>" for x in cols)
            + "</tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table></div>"
        )
    out.append("</section>")
    return "".join(out)


_CSS = (
    "body{font-family:system-ui,sans-serif;margin:0;color:#212121}"
    "main{max-width:80rem;margin:auto;padding:1rem}"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}"
    "th,td{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;vertical-align:top}"
    ".scroll{overflow-x:auto}.meta{color:#555}"
    ".st{color:#fff;border-radius:.3rem;padding:0 .3rem;display:inline-block}"
    "td:nth-child(7){min-width:16rem}"
    ".late{color:#c62828;font-weight:bold}.pr li{color:#c62828}"
)


def watch_html(w: Watch, *, lang: str = "vi", problems: Sequence[str] = ()) -> str:
    """The watch as a page that stands alone (no network, no scripts)."""
    t = _T[lang]
    body = watch_html_section(w, lang=lang, level=1)
    if problems:
        word = "Vấn đề" if lang == "vi" else "Problems"
        body += (
            f'<h2>{word}</h2><ul class="pr">'
            + "".join(f"<li>{_esc(p)}</li>" for p in problems)
            + "</ul>"
        )
    title = f"{t['title']} — {_dmy(w.on, lang)}"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )

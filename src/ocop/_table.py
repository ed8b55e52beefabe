"""Plain-text tables with aligned columns, for the command line and text reports."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

__all__ = ["render_table", "text_width"]


def text_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: combining marks take none, wide characters two."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def render_table(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, right: Iterable[int] = ()
) -> str:
    """Rows as aligned text columns under a ruled header; columns in ``right`` align right."""
    cells = [[str(c) for c in header]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(text_width(row[i]) for row in cells) for i in range(len(header))]
    right_set = set(right)
    out = []
    for n, row in enumerate(cells):
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - text_width(cell))
            parts.append(pad + cell if i in right_set else cell + pad)
        out.append("  ".join(parts).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)

"""Hypothesis strategies for budgets: consistent tables of lines, subtotals and a total."""

from __future__ import annotations

from hypothesis import strategies as st

from ocop.budget import Budget, BudgetLine
from ocop.money import Unit

__all__ = ["BODIES", "SOURCES", "budgets", "titles"]

BODIES = [
    "Ban điều hành OCOP cấp tỉnh/Chi cục PTNT",
    "UBND huyện Hải Lăng",
    "UBND TP Đông Hà",
    "Sở Công thương",
    "Sở Khoa học và Công nghệ",
]
SOURCES = ["Ngân sách Trung ương", "Ngân sách địa phương", "Vốn lồng ghép"]
titles = (
    st.text(
        alphabet=st.sampled_from(list("abcdeđêôơưạảãàáâầấậẫẩ ĐƯƠABC,.-/\"'“”")),
        min_size=1,
        max_size=30,
    )
    .map(lambda s: s.strip() or "x")
    .filter(lambda s: "  " not in s)
)


@st.composite
def budgets(
    draw: st.DrawFn,
    *,
    max_sections: int = 5,
    max_children: int = 4,
    unit: Unit | None = None,
) -> Budget:
    """A consistent budget: every stated subtotal and the stated total are right.

    Amounts are whole multiples of the budget's unit, so every form can write them.
    """
    u = unit or draw(st.sampled_from([Unit.DONG, Unit.THOUSAND, Unit.MILLION]))
    amounts = st.integers(min_value=0, max_value=10**9).map(lambda n: n * u.value)
    lines: list[BudgetLine] = []
    row = 0
    total = 0

    def add(**kw: object) -> BudgetLine:
        nonlocal row
        row += 1
        line = BudgetLine(row=row, **kw)  # type: ignore[arg-type]
        lines.append(line)
        return line

    for s in range(1, draw(st.integers(1, max_sections)) + 1):
        n_children = draw(st.integers(0, max_children))
        resp = draw(st.none() | st.sampled_from(BODIES))
        if n_children == 0:
            amount = draw(amounts)
            total += amount
            add(
                code=str(s),
                title=draw(titles),
                amount=amount,
                responsible=resp or BODIES[0],
                sources=tuple(draw(st.lists(st.sampled_from(SOURCES), max_size=2, unique=True))),
            )
            continue
        children: list[tuple[dict[str, object], int]] = []
        for c in range(1, n_children + 1):
            bullet = draw(st.booleans()) and c == n_children
            amount = draw(amounts)
            kw: dict[str, object] = {
                "code": None if bullet else f"{s}.{c}",
                "parent": str(s) if bullet or draw(st.booleans()) else None,
                "title": draw(titles),
                "amount": amount,
                "responsible": draw(st.none() | st.sampled_from(BODIES)),
                "locality": draw(st.none() | st.sampled_from(["huyện Cam Lộ", "huyện Gio Linh"])),
            }
            children.append((kw, amount))
        subtotal = sum(a for _, a in children)
        total += subtotal
        add(
            code=str(s),
            title=draw(titles),
            amount=draw(st.sampled_from([subtotal, None])),
            responsible=resp,
        )
        for kw, _ in children:
            add(**kw)
    return Budget(
        lines=tuple(lines),
        unit=u,
        stated_total=draw(st.sampled_from([total, None])),
        sources=tuple(draw(st.lists(st.sampled_from(SOURCES), max_size=2, unique=True))),
    )

"""Budgets: the derived tree, the checks with their exact messages, the rollups."""

from __future__ import annotations

import random
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop.budget import (
    PROVINCE_LEVEL,
    Budget,
    BudgetLine,
    Phase,
    build_tree,
    check,
    locality_of_body,
    read_csv,
    rollup,
    shares,
)
from ocop.money import Unit
from ocop.problems import Severity
from ocop.testing.budget import budgets

HEADER = "row,code,parent,title,amount_thousand_vnd,explanation,responsible\n"


def problems_of(csv_rows: str) -> list[str]:
    """Every problem of a small CSV table, rendered as the CLI prints them."""
    result = read_csv(HEADER + csv_rows, file="b.csv")
    found = list(result.problems)
    if result.ok:
        found += check(result.value)
    return [p.render() for p in found]


# Each bad input with the exact lines `ocop budget check` prints for it.
BAD_INPUTS = [
    (
        "subtotal",
        "1,1,,A,100,,X\n2,1.1,1,B,60,,\n3,1.2,1,C,30,,\n",
        [
            "b.csv:2: amount: line 1: stated subtotal 100 ≠ 90, the sum of its 2 lines "
            "(1,000 VND) [budget.subtotal]"
        ],
    ),
    (
        "stated total",
        "1,1,,A,100,,X\n,,,TỔNG CỘNG,120,,\n",
        [
            "b.csv:3: stated_total: stated total 120 ≠ 100, the sum of the lines (1,000 VND) "
            "[budget.total]"
        ],
    ),
    (
        "duplicate code",
        "1,1,,A,100,,X\n2,1,,B,5,,X\n",
        ["b.csv:3: code: code 1 is used again (first on row 1) [budget.code_duplicate]"],
    ),
    (
        "malformed code",
        "1,1..2,,A,100,,X\n",
        [
            "b.csv:2: code: code '1..2' is not a line number like 2, 2.1, IV or a "
            "[budget.code_malformed]"
        ],
    ),
    (
        "parent missing",
        "1,1,,A,100,,X\n2,,9,B,5,,X\n",
        ["b.csv:3: parent: line #2 hangs under 9, but no line has code 9 [budget.parent_missing]"],
    ),
    (
        "prefix parent missing",
        "1,2.1,,A,100,,X\n",
        ["b.csv:2: code: line 2.1 hangs under 2, but no line has code 2 [budget.parent_missing]"],
    ),
    (
        "child not under parent",
        "1,1,,A,,,X\n2,2,,B,,,X\n3,3.1,1,C,5,,\n",
        [
            "b.csv:3: amount: line 2 has no amount and no lines under it [budget.amount_missing]",
            "b.csv:4: parent: code 3.1 is not under its parent 1 [budget.parent_mismatch]",
        ],
    ),
    (
        "negative",
        "1,1,,A,-5,,X\n",
        ["b.csv:2: amount: line 1: amount -5 is negative [budget.amount_negative]"],
    ),
    (
        "not a number",
        "1,1,,A,abc,,X\n2,2,,B,1.5,,X\n",
        [
            "b.csv:2: amount_thousand_vnd: 'abc' is not an amount in 1,000 VND "
            "[budget.amount_invalid]",
            "b.csv:3: amount_thousand_vnd: '1.5' is not an amount in 1,000 VND "
            "[budget.amount_invalid]",
        ],
    ),
    (
        "digits of other scripts",
        "1,1,,A,²,,X\n²,2,,B,٣,,X\n",
        [
            "b.csv:2: amount_thousand_vnd: '²' is not an amount in 1,000 VND "
            "[budget.amount_invalid]",
            "b.csv:3: amount_thousand_vnd: '٣' is not an amount in 1,000 VND "
            "[budget.amount_invalid]",
            "b.csv:3: row: row number '²' is not a whole number [budget.row_invalid]",
        ],
    ),
    (
        "words disagree",
        "1,1,,A,100,,X\n,,,Bằng chữ: Hai trăm nghìn đồng,,,\n",
        [
            "b.csv:3: total_in_words: total in words 'Hai trăm nghìn đồng' reads 200,000 VND, "
            "100,000 VND above the total 100,000 VND [budget.words]"
        ],
    ),
    (
        "words unreadable",
        "1,1,,A,100,,X\n,,,Bằng chữ: một trăm bánh,,,\n",
        [
            "b.csv:3: total_in_words: cannot read 'một trăm bánh' as a number: unknown word "
            "'bánh' [budget.words_unreadable]"
        ],
    ),
    (
        "loop",
        "1,1,,A,,,X\n2,1.1,1.2,B,5,,\n3,1.2,1.1,C,5,,\n",
        [
            "b.csv:2: amount: line 1 has no amount and no lines under it [budget.amount_missing]",
            "b.csv:3: parent: code 1.1 is not under its parent 1.2 [budget.parent_mismatch]",
            "b.csv:4: parent: code 1.2 is not under its parent 1.1 [budget.parent_mismatch]",
            "b.csv:4: parent: line 1.2 hangs under 1.1, which hangs under it in turn "
            "[budget.parent_loop]",
        ],
    ),
    (
        "short row",
        "1,1,,A,100\n",
        ["b.csv:2: the row has 5 fields, the header 7 [budget.row_width]"],
    ),
    (
        "no title",
        "1,1,,,100,,X\n",
        ["b.csv:2: title: line 1 has no title [budget.title_missing]"],
    ),
]


@pytest.mark.parametrize(("case", "rows", "expected"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_inputs_give_exact_messages(case: str, rows: str, expected: list[str]) -> None:
    assert problems_of(rows) == expected


def test_every_problem_is_reported_at_once() -> None:
    assert problems_of("1,1,,A,100,,X\n2,1.1,1,B,60,,\n3,1,,C,-1,,X\n,,,Tổng cộng,5,,\n") == [
        "b.csv:2: amount: line 1: stated subtotal 100 ≠ 60, the sum of its 1 line (1,000 VND) "
        "[budget.subtotal]",
        "b.csv:4: code: code 1 is used again (first on row 1) [budget.code_duplicate]",
        "b.csv:4: amount: line 1: amount -1 is negative [budget.amount_negative]",
        "b.csv:5: stated_total: stated total 5 ≠ 59, the sum of the lines (1,000 VND) "
        "[budget.total]",
    ]


def test_rounded_words_are_a_warning() -> None:
    result = read_csv(
        HEADER + "1,1,,A,6422330,,X\n,,,Bằng chữ: Sáu tỷ bốn trăm hai mươi hai triệu đồng,,,\n",
        file="b.csv",
    )
    (p,) = check(result.value)
    assert p.severity is Severity.WARNING
    assert p.message.endswith(
        "reads 6,422,000,000 VND, 330,000 VND below the total 6,422,330,000 VND "
        "(the words are rounded down to millions)"
    )


def test_tree_derives_totals_and_inherits_merged_cells() -> None:
    budget = read_csv(
        HEADER + "1,2,,A,111230,,Ban điều hành\n2,2.1,2,B,42500,,\n3,2.2,2,C,68730,,\n"
        "4,3,,D,,,\n5,,3,E,100000,,UBND huyện Cam Lộ\n"
    ).value
    tree = build_tree(budget)
    assert tree.total == 211_230_000
    a, d = tree.roots
    assert [c.responsible for c in a.children] == ["Ban điều hành", "Ban điều hành"]
    assert (d.amount, d.children[0].locality, a.locality) == (
        100_000_000,
        "huyện Cam Lộ",
        PROVINCE_LEVEL,
    )
    assert [n.depth for n in tree.walk()] == [0, 1, 1, 0, 1]


def test_deep_tables_do_not_overflow() -> None:
    lines = [BudgetLine(row=1, code="1", title="root")]
    lines += [
        BudgetLine(row=i, title=f"x{i}", parent=str(i - 1) if i > 2 else "1", code=str(i), amount=1)
        for i in range(2, 5002)
    ]
    # Each line hangs under the one before: a chain 5,000 deep, no code under its parent.
    budget = Budget(lines=tuple(lines))
    assert build_tree(budget).total == 1
    assert len(check(budget)) == 5000


@pytest.mark.parametrize(
    ("body", "locality"),
    [
        ("UBND huyện Hải Lăng", "huyện Hải Lăng"),
        ("UBND TP Đông Hà", "TP Đông Hà"),
        ("UBND thị xã Quảng Trị", "thị xã Quảng Trị"),
        ("Ủy ban nhân dân huyện Cam Lộ", "huyện Cam Lộ"),
        ("UBND các huyện", None),
        ("Sở Công thương", None),
        ("Ban điều hành OCOP cấp tỉnh/Chi cục PTNT", None),
        (None, None),
    ],
)
def test_locality_of_body(body: str | None, locality: str | None) -> None:
    assert locality_of_body(body) == locality


def test_phases_add_up_separately() -> None:
    budget = Budget(
        lines=(
            BudgetLine(row=1, code="1", title="A"),
            BudgetLine(row=2, code="1.1", title="B", amount=10, approved=8, disbursed=9),
            BudgetLine(row=3, code="1.2", title="C", amount=5, approved=5, disbursed=1),
        )
    )
    assert [build_tree(budget, phase=p).total for p in Phase] == [15, 13, 10]
    (warning,) = check(budget)
    assert warning.render() == (
        "row 2: disbursed: warning: line 1.1: disbursed 9 is more than approved 8 (VND) "
        "[budget.disbursed]"
    )


@pytest.mark.parametrize(
    ("amounts", "expected"),
    [
        ([1, 1, 1], ["33.34", "33.33", "33.33"]),
        ([1, 0], ["100.00", "0.00"]),
        ([0, 0], ["0.00", "0.00"]),
        ([2, 1], ["66.67", "33.33"]),
        ([], []),
    ],
)
def test_shares_table(amounts: list[int], expected: list[str]) -> None:
    assert [str(s) for s in shares(amounts)] == expected


@given(st.lists(st.integers(min_value=0, max_value=10**15), min_size=1, max_size=50))
def test_shares_add_up_to_100(amounts: list[int]) -> None:
    got = shares(amounts)
    assert sum(got) == (Decimal(100) if sum(amounts) else Decimal(0))
    total = sum(amounts)
    for a, s in zip(amounts, got, strict=True):
        if total:
            # Each share is its exact value rounded up or down by at most one hundredth.
            assert abs(s - Decimal(a) * 100 / total) < Decimal("0.01")


@settings(max_examples=150, deadline=None)
@given(budgets(), st.sampled_from(["section", "responsible", "locality", "source"]))
def test_rollups_add_up_to_the_total(budget: Budget, key: str) -> None:
    assert [p for p in check(budget) if p.is_error] == []
    r = rollup(budget, key)
    assert sum(g.amount for g in r.groups) == r.total == build_tree(budget).total
    if r.total:
        assert sum(g.share for g in r.groups) == 100


@settings(max_examples=100, deadline=None)
@given(budgets(), st.randoms(use_true_random=False))
def test_line_order_never_changes_results(budget: Budget, rnd: random.Random) -> None:
    shuffled = list(budget.lines)
    rnd.shuffle(shuffled)
    other = attrs.evolve(budget, lines=tuple(shuffled))
    assert build_tree(other).total == build_tree(budget).total
    for key in ("section", "responsible", "locality", "source"):
        assert {g.key: g.amount for g in rollup(other, key).groups} == {
            g.key: g.amount for g in rollup(budget, key).groups
        }
    assert sorted(p.code for p in check(other)) == sorted(p.code for p in check(budget))


@settings(max_examples=100, deadline=None)
@given(budgets(), st.integers(min_value=1, max_value=10**6))
def test_a_changed_leaf_is_always_caught(budget: Budget, delta: int) -> None:
    tree = build_tree(budget)
    stated = [n for n in tree.walk() if n.children and n.line.amount is not None]
    if not stated:
        return
    parent = stated[0]
    leaf = parent.children[0].line
    i = budget.lines.index(leaf)
    changed = attrs.evolve(leaf, amount=(leaf.amount or 0) + delta)
    bad = attrs.evolve(budget, lines=(*budget.lines[:i], changed, *budget.lines[i + 1 :]))
    assert "budget.subtotal" in [p.code for p in check(bad)]


def test_custom_rollup_key() -> None:
    budget = Budget(
        lines=(
            BudgetLine(row=1, code="1", title="Hội nghị", amount=10),
            BudgetLine(row=2, code="2", title="Tập huấn", amount=30),
            BudgetLine(row=3, code="3", title="Hội nghị khác", amount=60),
        ),
        unit=Unit.DONG,
    )

    def kind(node: object) -> str:
        return "meetings" if "Hội nghị" in node.line.title else "training"  # type: ignore[attr-defined]

    r = rollup(budget, kind)
    assert [(g.key, g.amount, str(g.share)) for g in r.groups] == [
        ("meetings", 70, "70.00"),
        ("training", 30, "30.00"),
    ]
    assert r.by == "kind"


def test_unreadable_figures_do_not_hide_other_problems() -> None:
    # Line 1.2's amount cannot be read: its parent's subtotal and the total are unknown, so
    # they are not compared, but every other problem is still found.
    rows = "1,1,,A,100,,X\n2,1.1,1,B,60,,\n3,1.2,1,C,4x,,\n4,1.1,1,D,5,,\n,,,TỔNG CỘNG,120,,\n"
    result = read_csv(HEADER + rows, file="b.csv")
    assert [line.unread for line in result.value.lines] == [(), (), ("amount",), ()]
    found = [p.render() for p in (*result.problems, *check(result.value))]
    assert found == [
        "b.csv:4: amount_thousand_vnd: '4x' is not an amount in 1,000 VND [budget.amount_invalid]",
        "b.csv:5: code: code 1.1 is used again (first on row 2) [budget.code_duplicate]",
    ]

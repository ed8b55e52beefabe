"""Rollups: the budget's money grouped by section, responsible body, locality, source or any key.

A rollup adds up the *leaves* of the derived tree (the lines no other line hangs under: where
money is spent), so that every đồng is counted once and the groups always add up to the
derived total. Shares are per cent with two decimals, apportioned by the largest-remainder
method so that they add up to exactly 100.00 (when the total is not zero).

Keys:

* ``section`` — the top-level line (mục) a leaf belongs to: its code, or title if uncoded;
* ``responsible`` — the leaf's responsible bodies, inherited from its parent when unstated;
* ``locality`` — the locality, inherited, or named by a people's committee ("UBND huyện
  Hải Lăng" → "huyện Hải Lăng"), else `PROVINCE_LEVEL`;
* ``source`` — the funding sources, joined with "; " when a line names several without
  splitting its amount (the Quảng Trị 2019 annex funds every line from two sources in one
  merged cell, so its rollup by source is one group: ocop does not invent a split);
* any function of a [`Node`][ocop.budget.Node].
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from ocop._gc import no_gc
from ocop.budget.model import Budget, Phase
from ocop.budget.tree import Node, Tree, build_tree
from ocop.errors import OcopValueError

__all__ = ["KEYS", "Rollup", "RollupGroup", "rollup", "shares"]

NO_VALUE = "(không ghi)"


def _section(node: Node) -> str:
    return node.section.code or node.section.title


def _responsible(node: Node) -> str:
    return node.responsible or NO_VALUE


def _locality(node: Node) -> str:
    return node.locality


def _source(node: Node) -> str:
    return "; ".join(node.sources) or NO_VALUE


#: The named keys a rollup can group by.
KEYS: dict[str, Callable[[Node], str]] = {
    "section": _section,
    "responsible": _responsible,
    "locality": _locality,
    "source": _source,
}


@attrs.frozen(kw_only=True)
class RollupGroup:
    """One group of a rollup.

    Attributes:
        key: The group's key (a section code, a body, a locality, a source…).
        title: A readable name: the section's title for sections, else the key.
        amount: The group's amount in đồng.
        share: Its share of the total in per cent, two decimals.
        lines: How many leaf lines it adds up.
    """

    key: str
    title: str
    amount: int
    share: Decimal
    lines: int


@attrs.frozen(kw_only=True)
class Rollup:
    """A budget's money grouped by one key.

    Attributes:
        by: The key's name (``"section"``…, or the function's name).
        total: The derived total in đồng; the groups add up to it.
        groups: The groups, in the order their first line appears in the table.
        phase: Which amounts were added up.
    """

    by: str
    total: int
    groups: tuple[RollupGroup, ...]
    phase: Phase = Phase.PLANNED


def shares(amounts: list[int], *, places: int = 2) -> list[Decimal]:
    """Per-cent shares of ``amounts`` that add up to exactly 100 (largest remainder).

    All zero when the total is zero. Negative amounts are refused: a share of a negative
    amount has no meaning.

    >>> shares([1, 1, 1])
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    """
    if any(a < 0 for a in amounts):
        raise OcopValueError("shares need amounts of 0 or more")
    total = sum(amounts)
    scale = 100 * 10**places
    quantum = Decimal(1).scaleb(-places)
    if total == 0:
        return [Decimal(0).quantize(quantum) for _ in amounts]
    floors = [a * scale // total for a in amounts]
    remainders = [a * scale % total for a in amounts]
    left = scale - sum(floors)
    # Largest remainder first; ties go to the earlier group, so the result is deterministic.
    for i in sorted(range(len(amounts)), key=lambda i: (-remainders[i], i))[:left]:
        floors[i] += 1
    return [(Decimal(f) / 10**places).quantize(quantum) for f in floors]


def rollup(
    budget: Budget | Tree,
    by: str | Callable[[Node], str] = "section",
    *,
    phase: Phase = Phase.PLANNED,
) -> Rollup:
    """Group the money of ``budget`` by ``by`` (a name in `KEYS` or a function).

    Raises:
        OcopValueError: ``by`` names no key, or a leaf's amount is negative (check first).
    """
    if isinstance(by, str):
        if by not in KEYS:
            raise OcopValueError(f"cannot roll up by {by!r} (use {', '.join(KEYS)})")
        name, key = by, KEYS[by]
    else:
        name, key = getattr(by, "__name__", "custom"), by
    tree = budget if isinstance(budget, Tree) else build_tree(budget, phase=phase)
    with no_gc():
        return _rollup(tree, name, key)


def _rollup(tree: Tree, name: str, key: Callable[[Node], str]) -> Rollup:
    # One dictionary entry per group: [amount, lines, first leaf].
    found: dict[str, list[Any]] = {}
    get = found.get
    for leaf in tree.leaves():
        k = key(leaf)
        group = get(k)
        if group is None:
            found[k] = [leaf.amount, 1, leaf]
        else:
            group[0] += leaf.amount
            group[1] += 1
    keys = list(found)
    pct = shares([found[k][0] for k in keys])
    groups = tuple(
        RollupGroup(
            key=k,
            title=found[k][2].section.title if name == "section" else k,
            amount=found[k][0],
            share=s,
            lines=found[k][1],
        )
        for k, s in zip(keys, pct, strict=True)
    )
    return Rollup(by=name, total=tree.total, groups=groups, phase=tree.phase)

"""The tree derived from flat budget lines, with derived totals and inherited values.

:func:`build_tree` is the one function that turns a :class:`~ocop.budget.Budget`'s flat lines
into a hierarchy. A line hangs under its stated parent, or under its code's prefix (``"6.2"``
under ``"6"``). A line whose parent cannot be found, or that would hang under itself through a
loop, becomes a top-level node so that its money still counts; :func:`ocop.budget.check`
reports it.

Derived values:

* ``amount``: a leaf's stated amount (0 if none is stated); a parent's is the sum of its
  children, whatever the table states for it;
* ``responsible``: the line's own, else its parent's (a merged cell);
* ``locality``: the line's own, else the one its own responsible body names, else the
  parent's, else :data:`~ocop.budget.PROVINCE_LEVEL`;
* ``sources``: the line's own, else the parent's, else the budget's default.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ocop.budget.model import PROVINCE_LEVEL, Budget, BudgetLine, Phase, locality_of_body

__all__ = ["Node", "Tree", "build_tree"]


@attrs.frozen(kw_only=True)
class Node:
    """A budget line in the derived tree.

    Attributes:
        line: The line as stated.
        children: The lines under it, in table order.
        amount: The derived amount in đồng (see the module docs).
        responsible: The inherited responsible bodies.
        locality: The inherited locality.
        sources: The inherited funding sources.
        section: The top-level line this node belongs to (itself at the top).
        depth: 0 at the top.
    """

    line: BudgetLine
    children: tuple[Node, ...]
    amount: int
    responsible: str | None
    locality: str
    sources: tuple[str, ...]
    section: BudgetLine
    depth: int

    @property
    def is_leaf(self) -> bool:
        """``True`` when no line hangs under this one."""
        return not self.children

    def walk(self) -> Iterator[Node]:
        """This node and every node under it, depth first, in table order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


@attrs.frozen(kw_only=True)
class Tree:
    """The derived tree of a budget.

    Attributes:
        roots: The top-level nodes (the sections), in table order.
        total: The derived grand total in đồng: the sum of the sections.
        phase: Which amounts the tree adds up.
    """

    roots: tuple[Node, ...]
    total: int
    phase: Phase = Phase.PLANNED

    def walk(self) -> Iterator[Node]:
        """Every node, depth first, in table order."""
        for root in self.roots:
            yield from root.walk()

    def leaves(self) -> Iterator[Node]:
        """The nodes no line hangs under: where the money is spent."""
        return (n for n in self.walk() if n.is_leaf)


def resolve_parents(lines: tuple[BudgetLine, ...]) -> dict[int, int | None]:
    """Index of each line's parent line (``None`` for the top), by position in ``lines``.

    The first line with a code owns it; an unknown parent or a loop gives ``None``.
    """
    first: dict[str, int] = {}
    for i, line in enumerate(lines):
        if line.code is not None:
            first.setdefault(line.code.rstrip("."), i)
    parent_of: dict[int, int | None] = {}
    for i, line in enumerate(lines):
        wanted = line.implied_parent
        parent_of[i] = None if wanted is None else first.get(wanted.rstrip("."))
        if parent_of[i] == i:
            parent_of[i] = None
    # Break loops in one pass: walk up from each line not yet seen; meeting a line of the
    # current walk closes a loop, which is cut at the last link walked.
    state = [0] * len(lines)  # 0 unseen, 1 on the current walk, 2 done
    for i in range(len(lines)):
        path: list[int] = []
        j: int | None = i
        while j is not None and state[j] == 0:
            state[j] = 1
            path.append(j)
            j = parent_of[j]
        if j is not None and state[j] == 1:
            parent_of[path[-1]] = None
        for k in path:
            state[k] = 2
    return parent_of


def build_tree(budget: Budget, *, phase: Phase = Phase.PLANNED) -> Tree:
    """Derive the tree of ``budget``, adding up the amounts of ``phase``."""
    lines = budget.lines
    parent_of = resolve_parents(lines)
    children: dict[int | None, list[int]] = {}
    for i in range(len(lines)):
        children.setdefault(parent_of[i], []).append(i)

    # Top-down, breadth first: inherited values and depth (iterative, so that no table is
    # too deep to read).
    order: list[int] = list(children.get(None, ()))
    depth = dict.fromkeys(order, 0)
    section = {i: i for i in order}
    resp: dict[int, str | None] = {}
    loc: dict[int, str] = {}
    src: dict[int, tuple[str, ...]] = {}
    at = 0
    while at < len(order):
        i = order[at]
        at += 1
        line = lines[i]
        up = parent_of[i]
        if up is None:
            resp[i], loc[i], src[i] = line.responsible, PROVINCE_LEVEL, budget.sources
        else:
            resp[i] = line.responsible if line.responsible is not None else resp[up]
            loc[i], src[i] = loc[up], src[up]
        loc[i] = line.locality or locality_of_body(line.responsible) or loc[i]
        src[i] = line.sources or src[i]
        for k in children.get(i, ()):
            depth[k] = depth[i] + 1
            section[k] = section[i]
            order.append(k)

    # Bottom-up: amounts and nodes, children before their parents.
    nodes: dict[int, Node] = {}
    for i in reversed(order):
        kids = tuple(nodes.pop(k) for k in children.get(i, ()))
        amount = sum(k.amount for k in kids) if kids else (lines[i].amount_in(phase) or 0)
        nodes[i] = Node(
            line=lines[i],
            children=kids,
            amount=amount,
            responsible=resp[i],
            locality=loc[i],
            sources=src[i],
            section=lines[section[i]],
            depth=depth[i],
        )
    roots = tuple(nodes[i] for i in children.get(None, ()))
    return Tree(roots=roots, total=sum(r.amount for r in roots), phase=phase)

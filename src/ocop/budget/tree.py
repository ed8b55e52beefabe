"""The tree derived from flat budget lines, with derived totals and inherited values.

[`build_tree`][ocop.budget.tree.build_tree] is the one function that turns a
[`Budget`][ocop.budget.Budget]'s flat lines into a hierarchy. A line hangs under its stated parent,
or under its code's prefix (``"6.2"`` under ``"6"``). A line whose parent cannot be found, or that
would hang under itself through a loop, becomes a top-level node so that its money still counts;
[`ocop.budget.check`][ocop.budget.check] reports it.

Derived values:

* ``amount``: a leaf's stated amount (0 if none is stated); a parent's is the sum of its
  children, whatever the table states for it;
* ``responsible``: the line's own, else its parent's (a merged cell);
* ``locality``: the line's own, else the one its own responsible body names, else the
  parent's, else `PROVINCE_LEVEL`;
* ``sources``: the line's own, else the parent's, else the budget's default.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ocop._gc import no_gc
from ocop.budget.model import PROVINCE_LEVEL, Budget, BudgetLine, Phase, locality_of_body

__all__ = ["Node", "Tree", "build_tree"]


@attrs.frozen
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
        nodes: Every node, depth first in table order (what [`walk`][ocop.budget.tree.Tree.walk]
            yields).
    """

    roots: tuple[Node, ...]
    total: int
    phase: Phase = Phase.PLANNED
    nodes: tuple[Node, ...] = attrs.field(default=(), eq=False, repr=False)

    def walk(self) -> Iterator[Node]:
        """Every node, depth first, in table order."""
        if self.nodes or not self.roots:
            return iter(self.nodes)
        return (n for root in self.roots for n in root.walk())

    def leaves(self) -> Iterator[Node]:
        """The nodes no line hangs under: where the money is spent."""
        return (n for n in self.walk() if not n.children)


def resolve_parents(lines: tuple[BudgetLine, ...]) -> list[int | None]:
    """Position of each line's parent line (``None`` for the top), by position in ``lines``.

    The first line with a code owns it; an unknown parent or a loop gives ``None``.
    """
    first: dict[str, int] = {}
    for i, line in enumerate(lines):
        if line.code is not None:
            first.setdefault(line.code.rstrip("."), i)
    get = first.get
    parent_of: list[int | None] = []
    append = parent_of.append
    for i, line in enumerate(lines):
        wanted = line.parent
        if wanted is None:
            code = line.code
            if code is None or "." not in code:
                append(None)
                continue
            wanted = line.implied_parent
            if wanted is None:  # "6.": a top-level code printed with its full stop
                append(None)
                continue
        j = get(wanted.rstrip(".") if wanted[-1:] == "." else wanted)
        append(None if j == i else j)
    # Break loops in one pass: walk up from each line not yet seen; meeting a line of the
    # current walk closes a loop, which is cut at the last link walked.
    state = [0] * len(lines)  # 0 unseen, 1 on the current walk, 2 done
    for i in range(len(lines)):
        if state[i]:
            continue
        up = parent_of[i]
        if up is None or state[up] == 2:  # the usual case: nothing above can loop back
            state[i] = 2
            continue
        path: list[int] = []
        k: int | None = i
        while k is not None and state[k] == 0:
            state[k] = 1
            path.append(k)
            k = parent_of[k]
        if k is not None and state[k] == 1:
            parent_of[path[-1]] = None
        for m in path:
            state[m] = 2
    return parent_of


def build_tree(budget: Budget, *, phase: Phase = Phase.PLANNED) -> Tree:
    """Derive the tree of ``budget``, adding up the amounts of ``phase``.

    The tree is computed once per budget and phase and then reused: a budget is immutable.
    """
    cache = budget.derived
    key = ("tree", phase)
    found = cache.get(key)
    if found is None:
        with no_gc():
            found = cache[key] = _build_tree(budget, phase)
    assert isinstance(found, Tree)
    return found


def parents_of(budget: Budget) -> list[int | None]:
    """[`resolve_parents`][ocop.budget.tree.resolve_parents] of the budget's lines, computed once
    per budget."""
    cache = budget.derived
    found = cache.get("parents")
    if found is None:
        with no_gc():
            found = cache["parents"] = resolve_parents(budget.lines)
    assert isinstance(found, list)
    return found


def _build_tree(budget: Budget, phase: Phase) -> Tree:
    lines = budget.lines
    n = len(lines)
    parent_of = parents_of(budget)
    children: dict[int, list[int]] = {}
    top: list[int] = []
    for i, up in enumerate(parent_of):
        if up is None:
            top.append(i)
        elif up in children:
            children[up].append(i)
        else:
            children[up] = [i]

    # Top-down in table order, iteratively (no table is too deep to read): inherited values,
    # depth, section, and the depth-first order of the nodes. A node's values are set when
    # its parent is taken from the stack, all its siblings' at once.
    resp: list[str | None] = [None] * n
    loc: list[str] = [PROVINCE_LEVEL] * n
    src: list[tuple[str, ...]] = [budget.sources] * n
    depth = [0] * n
    section = list(range(n))
    order: list[int] = []
    localities: dict[str | None, str | None] = {}

    def place(body: str | None) -> str | None:
        found = localities.get(body, "")
        if found == "":
            found = localities[body] = locality_of_body(body)
        return found

    for i in top:
        line = lines[i]
        resp[i] = line.responsible
        loc[i] = line.locality or place(line.responsible) or PROVINCE_LEVEL
        if line.sources:
            src[i] = line.sources
    stack = list(reversed(top))
    while stack:
        i = stack.pop()
        order.append(i)
        below = children.get(i)
        if below is None:
            continue
        up_resp, up_loc, up_src, down, sec = resp[i], loc[i], src[i], depth[i] + 1, section[i]
        for k in below:
            line = lines[k]
            body = line.responsible
            if body is None:
                resp[k] = up_resp
                loc[k] = line.locality or up_loc
            else:
                resp[k] = body
                loc[k] = line.locality or place(body) or up_loc
            src[k] = line.sources or up_src
            depth[k] = down
            section[k] = sec
        stack.extend(reversed(below))

    # Bottom-up: amounts and nodes, children before their parents.
    nodes: dict[int, Node] = {}
    planned = phase is Phase.PLANNED
    for i in reversed(order):
        line = lines[i]
        kids_of = children.get(i)
        kids: tuple[Node, ...] = ()
        if kids_of:
            kids = tuple([nodes[k] for k in kids_of])
            amount = sum([k.amount for k in kids])
        else:
            amount = (line.amount if planned else line.amount_in(phase)) or 0
        # Positional: a million keyword calls cost a third of a second more.
        nodes[i] = Node(line, kids, amount, resp[i], loc[i], src[i], lines[section[i]], depth[i])
    roots = tuple(nodes[i] for i in top)
    return Tree(
        roots=roots,
        total=sum(r.amount for r in roots),
        phase=phase,
        nodes=tuple([nodes[i] for i in order]),
    )

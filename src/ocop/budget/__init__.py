"""Programme budgets: flat lines → a derived tree → checks and rollups.

A provincial OCOP plan carries a budget table (dự toán kinh phí): numbered lines, bullet rows,
subtotals, a grand total and the total again in words. [`ocop.budget`][ocop.budget] holds it as flat
[`BudgetLine`][ocop.budget.model.BudgetLine] records ([`Budget`][ocop.budget.model.Budget]), derives
the hierarchy and every total with [`build_tree`][ocop.budget.tree.build_tree], checks what the
table states against what it adds up to with [`check`][ocop.budget.checks.check], and groups the
money with [`rollup`][ocop.budget.rollup]. Tables are read from CSV and written back, and the whole
budget as a TOML or JSON document ([`load_budget`][ocop.budget.io.load_budget],
[`write_csv`][ocop.budget.io.write_csv], [`write_document`][ocop.budget.io.write_document]).

>>> from ocop.budget import quang_tri_2019_budget, check, rollup
>>> budget = quang_tri_2019_budget()
>>> print(*(p.code for p in check(budget)))
budget.words
>>> rollup(budget, "section").total
6422330000
"""

from ocop.budget.checks import CHECKS, CheckContext, check
from ocop.budget.io import (
    BudgetDocument,
    LineDocument,
    TotalDocument,
    budget_schema,
    load_budget,
    quang_tri_2019_budget,
    read_budget,
    read_csv,
    read_document,
    write_csv,
    write_document,
)
from ocop.budget.model import (
    PROVINCE_LEVEL,
    Budget,
    BudgetLine,
    Phase,
    TotalKind,
    TotalRow,
    locality_of_body,
)
from ocop.budget.rollup import KEYS, Rollup, RollupGroup, rollup, shares
from ocop.budget.table import Row, read_table, table_rows
from ocop.budget.tree import Node, Tree, build_tree
from ocop.budget.workbook import budget_workbook, read_workbook, rollup_workbook

__all__ = [
    "CHECKS",
    "KEYS",
    "PROVINCE_LEVEL",
    "Budget",
    "BudgetDocument",
    "BudgetLine",
    "CheckContext",
    "LineDocument",
    "Node",
    "Phase",
    "Rollup",
    "RollupGroup",
    "Row",
    "TotalDocument",
    "TotalKind",
    "TotalRow",
    "Tree",
    "budget_schema",
    "budget_workbook",
    "build_tree",
    "check",
    "load_budget",
    "locality_of_body",
    "quang_tri_2019_budget",
    "read_budget",
    "read_csv",
    "read_document",
    "read_table",
    "read_workbook",
    "rollup",
    "rollup_workbook",
    "shares",
    "table_rows",
    "write_csv",
    "write_document",
]

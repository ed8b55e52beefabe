"""Rating OCOP products: the national criteria sets (Bộ tiêu chí) and their scoring sheets.

The criteria sets of 1048/QĐ-TTg (2019), 148/QĐ-TTg (2023) and 26/2026/QĐ-TTg ship as data
with their legal references; :func:`get_criteria_set` finds one by decision id or alias and
:func:`criteria_set_on` by date.
"""

from __future__ import annotations

from ocop.rating.criteria import (
    CriteriaSet,
    Criterion,
    Group,
    Option,
    Part,
    Sheet,
    SourceNote,
)
from ocop.rating.registry import criteria_set_on, criteria_sets, get_criteria_set

__all__ = [
    "CriteriaSet",
    "Criterion",
    "Group",
    "Option",
    "Part",
    "Sheet",
    "SourceNote",
    "criteria_set_on",
    "criteria_sets",
    "get_criteria_set",
]

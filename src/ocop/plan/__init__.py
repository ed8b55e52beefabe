"""Provincial OCOP plans: activities, targets and budget, and their progress on a date.

A province's yearly plan (kế hoạch thực hiện Chương trình OCOP) is a [`Plan`][ocop.plan.model.Plan]:
its [`Activity`][ocop.plan.model.Activity] records with their windows in quarters, its
[`Target`][ocop.plan.model.Target] records with the indicator each counts, the
[`Fact`][ocop.plan.model.Fact] records its readers add as the year goes by, and its budget
([`ocop.budget`][ocop.budget]). The real results of a cycle — the products its decisions recognised
— are a [`CycleResults`][ocop.plan.results.CycleResults]
([`quang_tri_2019_results`][ocop.plan.results.quang_tri_2019_results] for the built-in plan).
[`progress`][ocop.plan.progress] answers, on a date, the questions the plan's readers ask: where
each target stands (counted from the cycle's records, [`ocop.cycle`][ocop.cycle]), which activities
are late, where the money goes. [`simulate`][ocop.plan.simulate] writes a realistic event log for a
province, clearly marked as simulated.

>>> from ocop.plan import quang_tri_2019, progress
>>> plan = quang_tri_2019()
>>> plan.number, plan.year, len(plan.activities), len(plan.targets)
('278/KH-SNN', 2019, 15, 10)
>>> progress(plan).budget.total
6422330000
"""

from ocop.plan.checks import check_province
from ocop.plan.indicators import (
    EXISTING_TAGS,
    INDICATORS,
    NEW_TAGS,
    Indicator,
    count_indicators,
    is_economic_organisation,
    product_kind,
)
from ocop.plan.io import (
    ActivityDocument,
    FactDocument,
    PlanDocument,
    TargetDocument,
    load_plan,
    plan_schema,
    quang_tri_2019,
    read_plan,
    write_plan,
)
from ocop.plan.model import (
    ABOUT_TOLERANCE,
    Activity,
    Bounds,
    Citation,
    Comparison,
    Fact,
    Plan,
    Target,
)
from ocop.plan.progress import (
    ActivityProgress,
    ActivityStatus,
    BudgetProgress,
    EventLog,
    Progress,
    TargetProgress,
    TargetStatus,
    progress,
)
from ocop.plan.report import render as render_report
from ocop.plan.report import report_workbook
from ocop.plan.results import (
    CycleResults,
    KnownFigure,
    Publication,
    RecognisedProduct,
    RecognitionDecision,
    quang_tri_2019_results,
    read_results,
)
from ocop.plan.simulate import (
    MAX_PRODUCTS,
    SIMULATED,
    Simulation,
    simulate,
)

__all__ = [
    "ABOUT_TOLERANCE",
    "EXISTING_TAGS",
    "INDICATORS",
    "MAX_PRODUCTS",
    "NEW_TAGS",
    "SIMULATED",
    "Activity",
    "ActivityDocument",
    "ActivityProgress",
    "ActivityStatus",
    "Bounds",
    "BudgetProgress",
    "Citation",
    "Comparison",
    "CycleResults",
    "EventLog",
    "Fact",
    "FactDocument",
    "Indicator",
    "KnownFigure",
    "Plan",
    "PlanDocument",
    "Progress",
    "Publication",
    "RecognisedProduct",
    "RecognitionDecision",
    "Simulation",
    "Target",
    "TargetDocument",
    "TargetProgress",
    "TargetStatus",
    "check_province",
    "count_indicators",
    "is_economic_organisation",
    "load_plan",
    "plan_schema",
    "product_kind",
    "progress",
    "quang_tri_2019",
    "quang_tri_2019_results",
    "read_plan",
    "read_results",
    "render_report",
    "report_workbook",
    "simulate",
    "write_plan",
]

"""Rating OCOP products: the national criteria sets (Bộ tiêu chí) and their scoring sheets.

The criteria sets of 1048/QĐ-TTg (2019), 148/QĐ-TTg (2023) and 26/2026/QĐ-TTg ship as data
with their legal references; [`get_criteria_set`][ocop.rating.registry.get_criteria_set] finds one
by decision id or alias and [`criteria_set_on`][ocop.rating.registry.criteria_set_on] by date.
"""

from __future__ import annotations

from ocop.certificates import (
    Certificate,
    CertificateStatus,
    FilingTiming,
    ProductCode,
    Revocation,
    RevocationGround,
    check_product_code,
    revoking_level,
)
from ocop.rating.advice import (
    Advice,
    OptionChange,
    advice_answers,
    advise,
    advise_assessment,
)
from ocop.rating.classification import ProductSet, product_set, product_sets
from ocop.rating.classify import (
    MemberTotal,
    Rating,
    UnmetMark,
    agreed_answers,
    applicable_marks,
    classify,
    rate,
    stars_for,
)
from ocop.rating.council import CouncilRules, MarksBasis, check_quorum
from ocop.rating.criteria import (
    CONDITIONS,
    Condition,
    CriteriaSet,
    Criterion,
    Group,
    Heading,
    Option,
    Part,
    Sheet,
    SourceNote,
    criterion_to_dict,
)
from ocop.rating.form import sheet_form_html
from ocop.rating.io import (
    assessment_from_json,
    assessment_schema,
    assessments_from_json,
    load_json_object,
    rate_json,
)
from ocop.rating.recognition import Recognition, recognize
from ocop.rating.registry import criteria_set_on, criteria_sets, get_criteria_set
from ocop.rating.scoring import (
    NONE_MET,
    Assessment,
    MarkRule,
    ScoreSheet,
    ScoringTable,
    check_assessment,
    exact_mean,
)
from ocop.rating.validate import validate_criteria_set, validate_sheet
from ocop.rating.workbook import assessment_from_workbook, rate_workbook, scoring_workbook

__all__ = [
    "CONDITIONS",
    "NONE_MET",
    "Advice",
    "Assessment",
    "Certificate",
    "CertificateStatus",
    "Condition",
    "CouncilRules",
    "CriteriaSet",
    "Criterion",
    "FilingTiming",
    "Group",
    "Heading",
    "MarkRule",
    "MarksBasis",
    "MemberTotal",
    "Option",
    "OptionChange",
    "Part",
    "ProductCode",
    "ProductSet",
    "Rating",
    "Recognition",
    "Revocation",
    "RevocationGround",
    "ScoreSheet",
    "ScoringTable",
    "Sheet",
    "SourceNote",
    "UnmetMark",
    "advice_answers",
    "advise",
    "advise_assessment",
    "agreed_answers",
    "applicable_marks",
    "assessment_from_json",
    "assessment_from_workbook",
    "assessment_schema",
    "assessments_from_json",
    "check_assessment",
    "check_product_code",
    "check_quorum",
    "classify",
    "criteria_set_on",
    "criteria_sets",
    "criterion_to_dict",
    "exact_mean",
    "get_criteria_set",
    "load_json_object",
    "product_set",
    "product_sets",
    "rate",
    "rate_json",
    "rate_workbook",
    "recognize",
    "revoking_level",
    "scoring_workbook",
    "sheet_form_html",
    "stars_for",
    "validate_criteria_set",
    "validate_sheet",
]

"""``Result.unwrap()``: the value, or every located error raised at once."""

from __future__ import annotations

import pytest

from ocop._i18n import use_language
from ocop.errors import OcopError, OcopProblemsError
from ocop.problems import Location, Problem, Result, Severity

ERROR = Problem(
    code="budget.total",
    message="stated total 5 ≠ 59, the sum of the lines",
    where=Location(file="b.csv", row=5, field="stated_total"),
)
OTHER = Problem(code="budget.code_duplicate", message="code 1 is used again", where=Location(row=4))
WARNING = Problem(code="budget.words", message="rounded", severity=Severity.WARNING)


def test_unwrap_gives_the_value_when_only_warnings() -> None:
    assert Result(42).unwrap() == 42
    assert Result("v", (WARNING,)).unwrap() == "v"


def test_unwrap_raises_every_error_with_its_location_and_code() -> None:
    result = Result(None, (ERROR, WARNING, OTHER))
    with pytest.raises(OcopProblemsError) as caught:
        result.unwrap()
    exc = caught.value
    assert isinstance(exc, OcopError)
    assert isinstance(exc, ValueError)
    assert exc.problems == (ERROR, WARNING, OTHER)
    assert str(exc) == (
        "2 errors in the data:\n"
        "b.csv:5: stated_total: stated total 5 ≠ 59, the sum of the lines [budget.total]\n"
        "row 4: code 1 is used again [budget.code_duplicate]"
    )


def test_unwrap_speaks_the_current_language() -> None:
    with use_language("vi"), pytest.raises(OcopProblemsError, match=r"^dữ liệu có 1 lỗi:\n"):
        Result(None, (OTHER,)).unwrap()
    with use_language("vi"), pytest.raises(OcopProblemsError, match="dòng 4: code 1"):
        Result(None, (OTHER,)).unwrap()

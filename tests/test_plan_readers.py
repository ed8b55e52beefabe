"""Plan readers: one figure convention with budgets, every problem at once, problems of a folder
of CSV tables located in the tables."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop.errors import OcopInputError
from ocop.figures import figure_text, parse_count, parse_figure
from ocop.plan import TargetStatus, load_plan, progress, read_plan, write_plan
from ocop.problems import render

PLAN = """number = "1/KH"
year = 2019
[[targets]]
id = "T1"
text = "Tập huấn ít nhất 1.500 người"
indicator = "people_trained"
comparison = "at_least"
value = "{value}"
unit = "người"
[[facts]]
on = 2019-06-30
indicator = "people_trained"
value = {fact}
"""


def test_a_plan_figure_is_read_as_a_budget_figure() -> None:
    result = read_plan(PLAN.format(value="1.500", fact=200), file="p.toml")
    assert result.ok, result.problems
    plan = result.value
    assert plan is not None
    assert plan.targets[0].value == 1500
    (target,) = progress(plan, on=dt.date(2019, 12, 31)).targets
    assert target.status is not TargetStatus.MET
    assert target.actual == 200


@pytest.mark.parametrize(
    ("value", "fact", "message"),
    [
        ("1,5", 200, "$.targets[0].value: people_trained counts people or things: 1,5 is not a "
         "whole number [plan.value]"),
        ("1.500", '"2,5"', "$.facts[0].value: people_trained counts people or things: 2,5 is not "
         "a whole number [plan.value]"),
        ("1.5", 200, "$.targets[0].value: '1.5' is not a figure (write it like 1.500, 6.422.330 "
         "or 97,5: dots group thousands, a comma marks decimals) [plan.value]"),
    ],
)  # fmt: skip
def test_counts_are_whole_and_figures_follow_the_convention(
    value: str, fact: object, message: str
) -> None:
    result = read_plan(PLAN.format(value=value, fact=fact), file="p.toml")
    assert result.value is None
    assert render(result.problems) == f"p.toml: {message}"


def test_a_share_may_have_decimals_and_is_written_back_the_same_way() -> None:
    text = PLAN.format(value="97,5", fact='"96,25"').replace('unit = "người"', 'unit = "%"')
    plan = read_plan(text, file="p.toml").value
    assert plan is not None
    assert plan.targets[0].value == Decimal("97.5")
    again = write_plan(plan)
    assert 'value = "97,5"' in again
    assert read_plan(again).value == plan


def test_true_is_not_a_figure() -> None:
    result = read_plan(PLAN.format(value="1", fact=200).replace('"1"', "true"), file="p.toml")
    assert [p.where.path for p in result.problems] == ["$.targets[0].value"]


def test_one_wrong_field_does_not_hide_the_others() -> None:
    text = (
        'number = ""\nyear = 2019\n'
        '[[activities]]\nid = "A"\ntitle = "a"\nwindow = "2019-Q9"\n'
        '[[activities]]\nid = "B"\n'
        '[[targets]]\nid = "T"\ntext = "t"\nindicator = "x"\ncomparison = "more"\n'
    )
    result = read_plan(text, file="p.toml")
    assert result.value is None
    assert [(p.where.path, p.code) for p in result.problems] == [
        ("$.number", "plan.schema"),
        ("$.activities[1].title", "plan.schema"),
        ("$.activities[1].window", "plan.schema"),
        ("$.activities[0].window", "plan.window"),
        ("$.targets[0].comparison", "plan.comparison"),
    ]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ke-hoach"
    folder.mkdir()
    (folder / "activities.csv").write_text(
        "id,title,from,to,budget_lines\nA1,Hội nghị,2019-Q1,2019-Q2,1\n"
        'A2,"Tập huấn\nhai dòng",2019-Q5,,9\n',
        "utf-8",
    )
    (folder / "targets.csv").write_text(
        "id,text,indicator,comparison,value,unit\n"
        "T1,ít nhất 1.500 người,people_trained,at_least,1.500,người\n"
        'T2,x,products_registered,at_least,"2,5",sản phẩm\n',
        "utf-8",
    )
    (folder / "budget.csv").write_text('code,title,amount_vnd\n1,A,5\n2,B,"x\n3,C,y\n', "utf-8")
    return folder


def test_problems_of_a_folder_name_the_table_row_and_column(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = load_plan(folder)
    assert result.value is None
    found = [
        (Path(p.where.file or "").name, p.where.row, p.where.field, p.code) for p in result.problems
    ]
    assert found == [
        ("activities.csv", 3, "from", "plan.window"),
        ("targets.csv", 3, "value", "plan.value"),
        ("budget.csv", 3, None, "budget.csv"),
        ("budget.csv", 4, "amount_vnd", "budget.amount_invalid"),
        ("activities.csv", 3, "budget_lines", "plan.budget_line"),
    ]


def test_a_folder_with_an_unusable_budget_is_unusable(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "budget.csv").unlink()
    (folder / "budget.csv").mkdir()
    with pytest.raises(OcopInputError, match="is a directory"):
        load_plan(folder)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=-(10**30), max_value=10**30)
    | st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**20),
                  max_value=10**20)
)  # fmt: skip
def test_figure_text_reads_back_exactly(value: int | Decimal) -> None:
    assert parse_figure(figure_text(value)) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.500", 1500), ("6.422.330", 6_422_330), ("97,5", Decimal("97.5")), ("1 500", 1500),
     ("-1.000,25", Decimal("-1000.25")), ("0,0", 0), ("007", 7)],
)  # fmt: skip
def test_the_figure_convention(text: str, value: int | Decimal) -> None:
    assert parse_figure(text) == value


@pytest.mark.parametrize("text", ["1.5", "1,500.25", "1.50", "", "abc", "1..500", "9" * 46])
def test_what_is_not_a_figure(text: str) -> None:
    with pytest.raises(ValueError, match="figure"):
        parse_figure(text)


def test_a_count_is_whole() -> None:
    assert parse_count("1.500") == 1500
    with pytest.raises(ValueError, match="not a whole number"):
        parse_count("1,5")

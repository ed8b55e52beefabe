"""`ocop rate`: one wrong field of an assessment does not hide the problems of the choices."""

from __future__ import annotations

from ocop.rating import rate_json


def test_shape_problems_come_with_the_choice_problems_of_the_other_members() -> None:
    doc = {
        "criteria": "26-2026",
        "sheet": 1,
        "product": "X",
        "council_size": "seven",
        "members": [
            {"name": "A", "choices": {"1.1": 99}},
            {"name": 5, "choices": {}},
            {"name": "C", "choices": {"zz": 1}},
        ],
    }
    result = rate_json(doc, file="a.json")
    assert result.value is None
    found = [(p.where.path, p.code) for p in result.problems]
    assert ("$.council_size", "rating.document") in found
    assert ("$.members[1].name", "rating.document") in found
    assert ('$.members[0].choices["1.1"]', "rating.option_range") in found
    assert ('$.members[2].choices["zz"]', "rating.unknown_criterion") in found
    assert all(p.where.file == "a.json" for p in result.problems)

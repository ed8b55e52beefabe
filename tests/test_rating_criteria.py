"""The criteria-set model and registry: lookups, dates, loading, round trips."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import subprocess
import sys
from importlib import resources

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop.errors import OcopLookupError, OcopTypeError, OcopValueError
from ocop.rating import (
    CriteriaSet,
    Criterion,
    Option,
    Sheet,
    criteria_set_on,
    criteria_sets,
    get_criteria_set,
    product_set,
    product_sets,
)
from ocop.rating.criteria import sheet_from_dict, sheet_to_dict
from ocop.rating.registry import CRITERIA_SET_ALIASES

D = dt.date


# --- registry: by id, alias, date ------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("26/2026/QĐ-TTg", "26/2026/QĐ-TTg"),
        ("26/2026/qđ-ttg", "26/2026/QĐ-TTg"),
        ("26-2026", "26/2026/QĐ-TTg"),
        ("  26-2026 ", "26/2026/QĐ-TTg"),
        ("148/QĐ-TTg", "148/QĐ-TTg"),
        ("148-2023", "148/QĐ-TTg"),
        ("1048/QĐ-TTg", "1048/QĐ-TTg"),
        ("1048-2019", "1048/QĐ-TTg"),
    ],
)
def test_get_criteria_set_by_id_or_alias(key: str, expected: str) -> None:
    assert get_criteria_set(key).id == expected


def test_unknown_criteria_set_names_the_known_ones() -> None:
    with pytest.raises(OcopLookupError) as info:
        get_criteria_set("27/2027/QĐ-TTg")
    assert str(info.value) == (
        "no criteria set '27/2027/QĐ-TTg' (known: 1048/QĐ-TTg (1048-2019), "
        "148/QĐ-TTg (148-2023), 26/2026/QĐ-TTg (26-2026))"
    )


def test_get_criteria_set_refuses_a_non_string() -> None:
    with pytest.raises(OcopTypeError):
        get_criteria_set(26)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2019, 8, 21), "1048/QĐ-TTg"),
        (D(2023, 2, 23), "1048/QĐ-TTg"),
        (D(2023, 2, 24), "148/QĐ-TTg"),
        (D(2025, 7, 6), "148/QĐ-TTg"),
        (D(2026, 5, 21), "148/QĐ-TTg"),
        (D(2026, 5, 22), "26/2026/QĐ-TTg"),
        (D(2026, 7, 21), "26/2026/QĐ-TTg"),
        (D(2040, 1, 1), "26/2026/QĐ-TTg"),
    ],
)
def test_criteria_set_on_boundaries(day: dt.date, expected: str) -> None:
    assert criteria_set_on(day).id == expected


def test_criteria_set_on_accepts_a_datetime() -> None:
    assert criteria_set_on(dt.datetime(2026, 5, 22, 0, 0)).id == "26/2026/QĐ-TTg"


def test_no_set_before_1048() -> None:
    with pytest.raises(OcopLookupError) as info:
        criteria_set_on(D(2019, 8, 20))
    assert str(info.value) == (
        "no national criteria set governed dossiers on 2019-08-20 "
        "(the first, 1048/QĐ-TTg, starts on 2019-08-21)"
    )


def test_criteria_set_on_refuses_a_string() -> None:
    with pytest.raises(OcopTypeError):
        criteria_set_on("2026-05-22")  # type: ignore[arg-type]


@given(st.dates(min_value=D(2019, 8, 21), max_value=D(2100, 1, 1)))
@settings(max_examples=200)
def test_exactly_one_set_governs_each_day(day: dt.date) -> None:
    governing = [cs for cs in criteria_sets() if cs.in_force(day)]
    assert len(governing) == 1
    assert criteria_set_on(day) is governing[0]


def test_the_sets_follow_each_other_without_gap() -> None:
    sets = criteria_sets()
    assert [cs.alias for cs in sets] == list(CRITERIA_SET_ALIASES)
    for older, newer in itertools.pairwise(sets):
        assert older.effective_until == newer.effective_from
    assert sets[-1].effective_until is None


def test_set_metadata() -> None:
    facts = {
        cs.alias: (
            cs.effective_from,
            cs.effective_until,
            cs.lapses_on,
            dict(cs.part_max),
            cs.sheet_count,
        )
        for cs in criteria_sets()
    }
    assert facts == {
        "1048-2019": (D(2019, 8, 21), D(2023, 2, 24), None, {"A": 35, "B": 25, "C": 40}, 1),
        "148-2023": (
            D(2023, 2, 24),
            D(2026, 5, 22),
            D(2026, 7, 21),
            {"A": 40, "B": 25, "C": 35},
            26,
        ),
        "26-2026": (D(2026, 5, 22), None, None, {"A": 40, "B": 25, "C": 35}, 26),
    }


def test_148_lapses_sixty_days_after_26_2026() -> None:
    new, old = get_criteria_set("26-2026"), get_criteria_set("148-2023")
    assert old.lapses_on == new.effective_from + dt.timedelta(days=60)


# --- sheets: lookup and loading -----------------------------------------------------------------


def test_unknown_sheet_names_the_known_ones() -> None:
    with pytest.raises(OcopLookupError) as info:
        get_criteria_set("26-2026").sheet(27)
    assert str(info.value) == "26/2026/QĐ-TTg has no sheet 27 (sheets: 1–26)"
    with pytest.raises(OcopLookupError) as info:
        get_criteria_set("1048-2019").sheet(2)
    assert str(info.value) == "1048/QĐ-TTg has no sheet 2 (sheets: 1)"


@pytest.mark.parametrize("bad", [True, "1", 1.0, None])
def test_sheet_numbers_are_integers(bad: object) -> None:
    with pytest.raises(OcopLookupError):
        get_criteria_set("26-2026").sheet(bad)  # type: ignore[arg-type]


def test_sheets_are_loaded_once() -> None:
    cs = get_criteria_set("26-2026")
    assert cs.sheet(5) is cs.sheet(5)


def test_importing_ocop_loads_no_criteria_data() -> None:
    code = (
        "import ocop, ocop.rating, ocop.rating.registry as r;"
        "print(r._load_sheet.cache_info().currsize, r.criteria_sets.cache_info().currsize)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["0", "0"]


def test_criterion_lookup() -> None:
    sheet = get_criteria_set("26-2026").sheet(1)
    assert sheet.criterion("1.3").title == "Gia tăng giá trị"
    assert sheet.criterion(" 7 ").title.startswith("DINH DƯỠNG")
    with pytest.raises(OcopLookupError) as info:
        sheet.criterion("13")
    assert str(info.value) == "sheet 1 of 26/2026/QĐ-TTg has no criterion '13'"


def test_option_lookup() -> None:
    crit = get_criteria_set("26-2026").sheet(1).criterion("2.2")
    assert crit.option(3).text == "Đóng gói sáng tạo, bao bì đẹp"
    assert crit.option(3).stars == 3
    for bad in (0, 5, -1):
        with pytest.raises(OcopLookupError) as info:
            crit.option(bad)
        assert str(info.value) == f"criterion 2.2 has options 1–4 (got {bad})"


def test_a_criterion_printed_without_options_has_two() -> None:
    crit = get_criteria_set("26-2026").sheet(1).criterion("2.4")
    assert crit.implicit_options
    assert [(o.number, o.points, o.stars) for o in crit.options] == [(1, 0, None), (2, 1, None)]


# --- marks ---------------------------------------------------------------------------------------


def test_mark_applies_to_every_higher_level() -> None:
    sheet = get_criteria_set("26-2026").sheet(1)
    c15 = sheet.criterion("1.5")  # 4★ on option 3, 5★ on option 4
    assert c15.mark(3) is None
    assert c15.mark(4) is c15.option(3)
    assert c15.mark(5) is c15.option(4)
    c22 = sheet.criterion("2.2")  # 3★ on option 3 only
    assert [c22.mark(s) for s in (1, 2, 3, 4, 5)] == [None, None, *[c22.option(3)] * 3]


def _criterion(marks: list[int | None]) -> Criterion:
    options = tuple(
        Option(number=i, text=f"o{i}", points=i - 1, stars=s) for i, s in enumerate(marks, 1)
    )
    return Criterion(code="1.1", title="t", max=len(marks) - 1, options=options)


@given(st.lists(st.sampled_from([None, 3, 4, 5]), min_size=1, max_size=6))
def test_mark_is_the_highest_mark_not_above_the_level(marks: list[int | None]) -> None:
    crit = _criterion(marks)
    for level in range(1, 6):
        found = crit.mark(level)
        applicable = [s for s in marks if s is not None and s <= level]
        if not applicable:
            assert found is None
        else:
            assert found is not None
            assert found.stars == max(applicable)


@given(st.lists(st.sampled_from([None, 3, 4, 5]), min_size=1, max_size=6))
def test_mark_stars_never_decrease_with_the_level(marks: list[int | None]) -> None:
    crit = _criterion(marks)
    levels = [(crit.mark(s).stars if crit.mark(s) else 0) for s in range(1, 6)]  # type: ignore[union-attr]
    assert levels == sorted(levels)


# --- data files ----------------------------------------------------------------------------------


def _data_files() -> list[tuple[str, str]]:
    root = resources.files("ocop.rating").joinpath("data")
    return [
        (alias, f.name)
        for alias in CRITERIA_SET_ALIASES
        for f in root.joinpath(alias).iterdir()
        if f.name.startswith("sheet-")
    ]


@pytest.mark.parametrize(("alias", "name"), _data_files())
def test_data_files_round_trip(alias: str, name: str) -> None:
    node = resources.files("ocop.rating").joinpath("data", alias, name)
    raw = json.loads(node.read_text(encoding="utf-8"))
    assert sheet_to_dict(sheet_from_dict(raw)) == raw


def test_every_listed_sheet_has_a_file_and_no_file_is_unlisted() -> None:
    shipped = {(a, n) for a, n in _data_files()}
    listed = {(cs.alias, f"sheet-{n:02d}.json") for cs in criteria_sets() for n in cs.sheet_numbers}
    assert shipped == listed


def test_damaged_sheet_data_is_refused_with_its_path() -> None:
    sheet = sheet_to_dict(get_criteria_set("26-2026").sheet(1))
    sheet["parts"][1]["groups"][0]["criteria"][2]["options"][0]["points"] = "5"
    with pytest.raises(OcopValueError) as info:
        sheet_from_dict(sheet, where="26-2026/sheet-01.json")
    assert str(info.value) == (
        "26-2026/sheet-01.json.parts[1].groups[0].criteria[2].options[0].points must be an "
        "integer (got '5')"
    )
    sheet["parts"][1]["groups"][0]["criteria"][2]["options"][0]["points"] = 0
    sheet["parts"][1]["groups"][0]["criteria"][2]["options"][0]["stars"] = 6
    with pytest.raises(OcopValueError, match=r"stars must be 3, 4, 5 or null \(got 6\)"):
        sheet_from_dict(sheet)
    del sheet["parts"][0]["groups"][0]["title"]
    with pytest.raises(OcopValueError, match=r"\$\.parts\[0\]\.groups\[0\]: missing 'title'"):
        sheet_from_dict(sheet)


def test_records_are_frozen() -> None:
    sheet = get_criteria_set("26-2026").sheet(1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        sheet.title = "x"  # type: ignore[misc]
    changed = attrs.evolve(sheet.criterion("1.1"), max=4)
    assert changed.max == 4
    assert sheet.criterion("1.1").max == 3


def test_sheet_criteria_are_in_sheet_order() -> None:
    sheet = get_criteria_set("26-2026").sheet(1)
    codes = [c.code for c in sheet.criteria]
    assert codes[:8] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "2.1"]
    assert codes[-7:] == ["6.4", "7", "8", "9", "10", "11", "12"]
    assert isinstance(sheet, Sheet)
    assert isinstance(get_criteria_set("26-2026"), CriteriaSet)


# --- Appendix I --------------------------------------------------------------------------------


def test_classification_has_the_26_product_sets_in_sheet_order() -> None:
    sets = product_sets()
    assert [p.sheet for p in sets] == list(range(1, 27))
    assert [p.category_code for p in sets].count("I") == 13
    cafe = product_set(13)
    assert (cafe.category_code, cafe.group_code, cafe.subgroup_code, cafe.name) == (
        "I",
        "6",
        None,
        "Cà phê, ca cao",
    )
    rice = product_set(6)
    assert rice.group == "Thực phẩm chế biến"
    assert rice.subgroup == "Chế biến từ gạo, ngũ cốc"
    assert rice.ministries == ("Bộ Nông nghiệp và Môi trường", "Bộ Công Thương")
    tourism = product_set(26)
    assert tourism.ministries == (
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Bộ Nông nghiệp và Môi trường",
    )
    with pytest.raises(OcopLookupError):
        product_set(27)


def test_classification_names_match_the_sheets() -> None:
    # The Appendix I leaf and the Appendix II sheet title name the same product set; the
    # wording differs slightly in a few places (e.g. "Chè tươi, chế biến"), so compare the
    # first word only.
    cs = get_criteria_set("26-2026")
    for ps in product_sets():
        assert ps.name.split()[0].casefold() in cs.sheet(ps.sheet).title.casefold()


def test_sets_and_sheets_can_be_cache_keys() -> None:
    cs = get_criteria_set("26-2026")
    assert {cs: 1}[get_criteria_set("26/2026/QĐ-TTg")] == 1
    assert {cs.sheet(1): 1}[cs.sheet(1)] == 1
    assert cs != get_criteria_set("148-2023")

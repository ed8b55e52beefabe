"""The shared core: text, periods, problems, errors, regimes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocop.errors import OcopError, OcopLookupError, OcopTypeError, OcopValueError
from ocop.periods import Quarter, QuarterRange
from ocop.problems import Location, Problem, Result, Severity, render
from ocop.regimes import REGIMES, Level, band_stars, get_regime, regime_on
from ocop.text import fold, normalize, same


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Chƣơng trình", "Chương trình"),
        ("CHƢƠNG TRÌNH", "CHƯƠNG TRÌNH"),
        ("  Quảng   Trị\u00a0", "Quảng Trị"),
        ("Qua\u0309ng Tri\u0323", "Quảng Trị"),
        ("dòng\nhai", "dòng hai"),
        ("Quảng Trị", "Quảng Trị"),
    ],
)
def test_normalize(raw: str, clean: str) -> None:
    assert normalize(raw) == clean


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Đakrông", "dakrong"),
        ("ĐAKRÔNG", "Dakrong"),
        ("Hướng Hóa", "huong hoa"),
        ("Hướng Hoá", "Hướng Hóa"),
        ("UBND  huyện Hải Lăng", "ubnd huyen hai lang"),
        ("Chƣơng", "chuong"),
    ],
)
def test_fold_matches_names(a: str, b: str) -> None:
    assert same(a, b)


def test_fold_keeps_different_names_apart() -> None:
    assert not same("Cam Lộ", "Gio Linh")


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert fold(fold(text)) == fold(text)


@pytest.mark.parametrize(
    ("text", "iso", "vietnamese"),
    [
        ("Quý II - III năm 2019", "2019-Q2..2019-Q3", "Quý II - III năm 2019"),
        ("2019-Q2..2019-Q4", "2019-Q2..2019-Q4", "Quý II - IV năm 2019"),
        ("Quý IV/2019 - Quý I/2020", "2019-Q4..2020-Q1", "Quý IV/2019 - Quý I/2020"),
        ("Quý II năm 2019", "2019-Q2", "Quý II năm 2019"),
        ("quý 2/2019", "2019-Q2", "Quý II năm 2019"),
        ("2019-Q1", "2019-Q1", "Quý I năm 2019"),
    ],
)
def test_quarter_ranges_read_and_print(text: str, iso: str, vietnamese: str) -> None:
    r = QuarterRange.parse(text)
    assert r.iso() == iso
    assert r.vietnamese() == vietnamese
    assert QuarterRange.parse(r.vietnamese()) == r
    assert QuarterRange.parse(r.iso()) == r


def test_quarter_days() -> None:
    q = Quarter.parse("2019-Q4")
    assert (q.start, q.end) == (pendulum.Date(2019, 10, 1), pendulum.Date(2019, 12, 31))
    assert pendulum.Date(2019, 12, 31) in q
    assert dt.date(2020, 1, 1) not in q
    r = QuarterRange.parse("Quý II - IV năm 2019")
    assert (r.start, r.end, len(r)) == (pendulum.Date(2019, 4, 1), pendulum.Date(2019, 12, 31), 3)
    assert [x.iso() for x in r] == ["2019-Q2", "2019-Q3", "2019-Q4"]


@pytest.mark.parametrize("text", ["Quý V năm 2019", "2019-Q5", "năm 2019", ""])
def test_quarter_refuses(text: str) -> None:
    with pytest.raises(OcopValueError):
        QuarterRange.parse(text)


def test_quarter_range_must_not_run_backwards() -> None:
    with pytest.raises(OcopValueError, match="must not end"):
        QuarterRange(Quarter(2019, 4), Quarter(2019, 2))


@given(st.integers(1990, 2100), st.integers(1, 4), st.integers(0, 12))
def test_quarter_ranges_round_trip(year: int, number: int, length: int) -> None:
    first = Quarter(year, number)
    last = first
    for _ in range(length):
        last = last.next()
    r = QuarterRange(first, last)
    assert QuarterRange.parse(r.vietnamese()) == r
    assert len(r) == length + 1
    assert r.end.add(days=1) == last.next().start


def test_problems_render_on_one_line() -> None:
    p = Problem(
        code="budget.subtotal",
        message="line 3: stated subtotal 100.000 ≠ 90.000",
        where=Location(file="budget.csv", row=5, field="amount"),
    )
    w = Problem(code="x.y", message="note", severity=Severity.WARNING)
    assert p.render() == (
        "budget.csv:5: amount: line 3: stated subtotal 100.000 ≠ 90.000 [budget.subtotal]"
    )
    assert render([p, w]) == p.render() + "\nwarning: note [x.y]"
    assert Problem(code="a.b", message="m", where=Location(path="$.x[1]")).render() == (
        "$.x[1]: m [a.b]"
    )
    result = Result(1, (p, w))
    value, problems = result
    assert (value, problems, result.ok, result.errors, result.warnings) == (
        1,
        (p, w),
        False,
        (p,),
        (w,),
    )
    assert Result(1, (w,)).ok


def test_errors_subclass_builtins() -> None:
    assert issubclass(OcopValueError, ValueError)
    assert issubclass(OcopTypeError, TypeError)
    assert issubclass(OcopLookupError, LookupError)
    for cls in (OcopValueError, OcopTypeError, OcopLookupError):
        assert issubclass(cls, OcopError)


BANDS = [
    (0, 1),
    (Fraction(2999, 100), 1),
    (30, 2),
    (Decimal("49.99"), 2),
    (Fraction(49999999, 1000000), 2),
    (50, 3),
    (Decimal("69.999"), 3),
    (70, 4),
    (Fraction(8999, 100), 4),
    (90, 5),
    (100, 5),
]


@pytest.mark.parametrize(("score", "stars"), BANDS)
def test_star_bands(score: int | Decimal | Fraction, stars: int) -> None:
    assert band_stars(score) == stars


def test_star_bands_refuse_floats_and_out_of_range() -> None:
    with pytest.raises(OcopTypeError):
        band_stars(49.99)  # type: ignore[arg-type]
    with pytest.raises(OcopValueError):
        band_stars(101)


@pytest.mark.parametrize(
    ("day", "regime"),
    [
        (dt.date(2019, 3, 4), "490/QĐ-TTg"),
        (dt.date(2023, 2, 23), "490/QĐ-TTg"),
        (dt.date(2023, 2, 24), "148/QĐ-TTg"),
        (dt.date(2025, 7, 5), "148/QĐ-TTg"),
        (dt.date(2025, 7, 6), "1489/QĐ-TTg"),
        (dt.date(2026, 5, 21), "1489/QĐ-TTg"),
        (dt.date(2026, 5, 22), "26/2026/QĐ-TTg"),
        (pendulum.Date(2026, 11, 29), "26/2026/QĐ-TTg"),
    ],
)
def test_regime_on(day: dt.date, regime: str) -> None:
    assert regime_on(day).id == regime


@pytest.mark.parametrize(
    ("key", "regime"),
    [
        ("490/QĐ-TTg", "490/QĐ-TTg"),
        ("490-2018", "490/QĐ-TTg"),
        ("1048/QĐ-TTg", "490/QĐ-TTg"),
        ("1048/qđ-ttg", "490/QĐ-TTg"),
        ("1048-2019", "490/QĐ-TTg"),
        (" 1048-2019 ", "490/QĐ-TTg"),
        ("148/QĐ-TTg", "148/QĐ-TTg"),
        ("148-2023", "148/QĐ-TTg"),
        ("1489/QĐ-TTg", "1489/QĐ-TTg"),
        ("1489-2025", "1489/QĐ-TTg"),
        ("26/2026/QĐ-TTg", "26/2026/QĐ-TTg"),
        ("26-2026", "26/2026/QĐ-TTg"),
    ],
)
def test_a_regime_is_found_by_its_names_and_its_own_criteria_sets(key: str, regime: str) -> None:
    assert get_regime(key).id == regime


def test_each_regime_is_found_by_its_criteria_set_unless_another_shares_it() -> None:
    from ocop.rating import get_criteria_set

    for regime in REGIMES:
        criteria = get_criteria_set(regime.criteria)
        sharing = [r for r in REGIMES if r.criteria == regime.criteria]
        if len(sharing) == 1:
            assert get_regime(criteria.id) is get_regime(criteria.alias) is regime
        else:
            assert get_regime(criteria.alias).id == criteria.id


def test_an_unknown_regime_lists_each_id_with_its_aliases() -> None:
    with pytest.raises(OcopLookupError) as err:
        get_regime("1999")
    assert str(err.value) == (
        "no regime '1999' (known: 490/QĐ-TTg (490-2018, 1048-2019), 148/QĐ-TTg (148-2023), "
        "1489/QĐ-TTg (1489-2025), 26/2026/QĐ-TTg (26-2026))"
    )


def test_regimes_by_id_and_alias() -> None:
    assert get_regime("26-2026") is get_regime("26/2026/QĐ-TTg")
    assert get_regime("148/qđ-ttg").alias == "148-2023"
    assert get_regime("26/2026/QĐ-TTg").recognising_level(5) is Level.NATIONAL
    assert get_regime("148-2023").recognising_level(3) is Level.DISTRICT
    assert get_regime("148-2023").recognising_level(2) is None
    with pytest.raises(OcopLookupError, match="no regime 'x'"):
        get_regime("x")
    with pytest.raises(OcopLookupError, match="no OCOP regime was in force on 2018-01-01"):
        regime_on(dt.date(2018, 1, 1))
    assert Level.parse("huyện") is Level.DISTRICT
    assert Level.parse("central") is Level.NATIONAL

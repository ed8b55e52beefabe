"""Administrative units before and after the 2025 reform (ocop.units, ocop units)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop.cli import main
from ocop.text import fold
from ocop.units import REFORM, AmbiguousName, resolve, successor, units_on

ROOT = Path(__file__).resolve().parents[1]
AFTER = dt.date(2026, 1, 1)
BEFORE = dt.date(2024, 1, 1)

#: The 2025 arrangement of provinces (Resolution 202/2025/QH15), written out here as an
#: independent check of the shipped data: new province ← the provinces merged into it.
MERGER = {
    "Tuyên Quang": ("Tuyên Quang", "Hà Giang"),
    "Lào Cai": ("Lào Cai", "Yên Bái"),
    "Thái Nguyên": ("Thái Nguyên", "Bắc Kạn"),
    "Phú Thọ": ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
    "Bắc Ninh": ("Bắc Ninh", "Bắc Giang"),
    "Hưng Yên": ("Hưng Yên", "Thái Bình"),
    "Hải Phòng": ("Hải Phòng", "Hải Dương"),
    "Ninh Bình": ("Ninh Bình", "Hà Nam", "Nam Định"),
    "Quảng Trị": ("Quảng Trị", "Quảng Bình"),
    "Đà Nẵng": ("Đà Nẵng", "Quảng Nam"),
    "Quảng Ngãi": ("Quảng Ngãi", "Kon Tum"),
    "Gia Lai": ("Gia Lai", "Bình Định"),
    "Khánh Hòa": ("Khánh Hòa", "Ninh Thuận"),
    "Lâm Đồng": ("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    "Đắk Lắk": ("Đắk Lắk", "Phú Yên"),
    "Hồ Chí Minh": ("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"),
    "Đồng Nai": ("Đồng Nai", "Bình Phước"),
    "Tây Ninh": ("Tây Ninh", "Long An"),
    "Cần Thơ": ("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
    "Vĩnh Long": ("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    "Đồng Tháp": ("Đồng Tháp", "Tiền Giang"),
    "Cà Mau": ("Cà Mau", "Bạc Liêu"),
    "An Giang": ("An Giang", "Kiên Giang"),
    **{
        name: (name,)
        for name in (
            "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh",
            "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng",
        )
    },
}  # fmt: skip
PAIRS = [(old, new) for new, olds in MERGER.items() for old in olds]


def test_the_merger_table_itself_has_63_and_34() -> None:
    assert len(MERGER) == 34
    assert len(PAIRS) == len({old for old, _ in PAIRS}) == 63


def test_provinces_count_63_before_and_34_after() -> None:
    assert len(units_on(BEFORE)) == 63
    assert len(units_on(REFORM - dt.timedelta(days=1))) == 63
    assert len(units_on(REFORM)) == 34
    assert len(units_on(AFTER)) == 34
    assert len(units_on(AFTER, "commune")) == 3321
    assert units_on(AFTER, "district") == ()
    assert len(units_on(BEFORE, "commune")) > 10_000


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_every_province_maps_to_its_successor(old: str, new: str) -> None:
    before = resolve(old, on=BEFORE, level="province")
    assert before is not None
    # Huế was the province of Thừa Thiên Huế on that date.
    shown = "Thừa Thiên Huế" if old == "Huế" else old
    assert fold(before.unit.short).replace(" ", "") == fold(shown).replace(" ", "")
    assert before.exists
    assert before.successor is not None
    assert before.successor.short == new
    after = resolve(old, on=AFTER, level="province")
    assert after is not None
    if old == new:
        assert after.exists
        assert after.successor is None
        assert after.unit.short == new
    else:
        assert not after.exists
        assert after.unit.end == dt.date(2025, 6, 30)
        assert after.successor is not None
        assert after.successor.short == new


def test_quang_binh_on_2026_names_quang_tri(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["units", "resolve", "Quảng Bình", "--on", "2026-01-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"query", "on", "unit", "successor"}
    assert data["query"] == "Quảng Bình"
    assert data["on"] == "2026-01-01"
    assert {k: data["unit"][k] for k in ("name", "code", "kind")} == {
        "name": "Tỉnh Quảng Bình",
        "code": "44",
        "kind": "province",
    }
    assert data["successor"]["name"] == "Tỉnh Quảng Trị"
    assert data["successor"]["kind"] == "province"
    assert data["exists"] is False


def test_a_current_unit_has_no_successor(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["units", "resolve", "quang tri", "--on", "2026-01-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["successor"] is None
    assert data["unit"]["from"] == "2025-07-01"


@pytest.mark.parametrize(
    ("on", "level", "count"),
    [
        ("2024-01-01", "province", 63),
        ("2026-01-01", "province", 34),
        ("2026-01-01", "commune", 3321),
    ],
)
def test_units_list_counts(
    on: str, level: str, count: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["units", "list", "--on", on, "--level", level, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["count"] == len(data["units"]) == count
    assert main(["units", "list", "--on", on, "--level", level]) == 0
    assert f"{count} units of level {level}" in capsys.readouterr().out


def test_units_list_defaults_to_provinces_today(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["units", "list", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["level"], data["count"]) == ("province", 34 if dt.date.today() >= REFORM else 63)


def test_the_seed_districts_resolve_before_and_map_to_their_province() -> None:
    seed = (
        "TP Đông Hà", "thị xã Quảng Trị", "huyện Vĩnh Linh", "huyện Gio Linh", "huyện Cam Lộ",
        "huyện Triệu Phong", "huyện Hải Lăng", "huyện Hướng Hóa", "huyện Đakrông",
    )  # fmt: skip
    for name in seed:
        r = resolve(name, on=dt.date(2019, 3, 4))
        assert r is not None, name
        assert (r.unit.kind, r.unit.province, r.exists) == ("district", "45", True), name
        assert r.successor is not None
        assert r.successor.short == "Quảng Trị"
        later = resolve(name, on=AFTER)
        assert later is not None
        assert not later.exists


def test_a_commune_maps_to_its_successor_commune() -> None:
    r = resolve("Cam Thủy, Quảng Trị", on=dt.date(2019, 1, 1))
    assert r is not None
    assert (r.unit.kind, r.unit.name, r.exists) == ("commune", "Xã Cam Thủy", True)
    assert r.successor is not None
    assert r.successor.kind == "commune"
    assert r.successor.start == REFORM
    assert r.successor.province == "44"


def test_a_common_commune_name_is_ambiguous_without_its_province(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(AmbiguousName, match="add the province"):
        resolve("Tân Lập", on=BEFORE)
    assert main(["units", "resolve", "Tân Lập"]) == 2
    assert "add the province" in capsys.readouterr().err
    with pytest.raises(AmbiguousName, match="add the district"):
        resolve("Quang Trung, Hà Nội", on=BEFORE)
    r = resolve("Quang Trung, Đống Đa, Hà Nội", on=BEFORE)
    assert r is not None
    assert r.unit.district is not None


def test_unknown_names_and_bad_dates(capsys: pytest.CaptureFixture[str]) -> None:
    assert resolve("Atlantis", on=AFTER) is None
    assert resolve("", on=AFTER) is None
    assert main(["units", "resolve", "Atlantis"]) == 1
    assert "names no administrative unit" in capsys.readouterr().err
    assert main(["units", "list", "--on", "someday"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_hue_was_thua_thien_hue_until_2025() -> None:
    r = resolve("Thừa Thiên Huế", on=BEFORE)
    assert r is not None
    assert (r.unit.name, r.unit.code) == ("Tỉnh Thừa Thiên Huế", "46")
    assert "Thành phố Huế" in {u.name for u in units_on(dt.date(2025, 1, 1))}
    assert "Tỉnh Thừa Thiên Huế" in {u.name for u in units_on(dt.date(2024, 12, 31))}


@settings(max_examples=25)
@given(st.dates(dt.date(2008, 8, 1), dt.date(2100, 1, 1)))
def test_every_unit_listed_on_a_date_exists_then_and_resolves_to_itself(day: dt.date) -> None:
    provinces = units_on(day)
    assert len(provinces) == (34 if day >= REFORM else 63)
    for u in provinces:
        assert u.exists_on(day)
        r = resolve(u.name, on=day, level="province")
        assert r is not None
        assert (r.unit, r.exists) == (u, True)
        assert (successor(u) is None) == (day >= REFORM)


def test_the_shipped_units_are_what_the_script_builds() -> None:
    if importlib.util.find_spec("vietnamadminunits") is None:
        pytest.skip("needs the vietnamadminunits package (the dev extra) to rebuild the data")
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_units.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr


def test_import_ocop_does_not_load_the_units() -> None:
    code = "import sys, ocop, ocop.units, ocop.plan; assert not ocop.units._CACHE; print('ok')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.stdout.strip() == "ok", out.stderr


def _plan(tmp_path: Path, province: str, date: str) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(
        f'schema = 1\nnumber = "1/KH"\nyear = {date[:4]}\ndate = {date}\nprovince = "{province}"\n',
        "utf-8",
    )
    return path


def test_a_plan_naming_a_province_that_no_longer_exists_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _plan(tmp_path, "Hà Giang", "2026-03-16")
    assert main(["plan", "check", str(path), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["code"], p["severity"], p["where"]["path"]) for p in problems] == [
        ("plan.province", "error", "$.province")
    ]
    assert "Tỉnh Tuyên Quang" in problems[0]["message"]
    assert main(["report", str(path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [p["code"] for p in data["problems"]] == ["plan.province"]


@pytest.mark.parametrize(
    ("province", "date", "codes"),
    [
        ("Hà Giang", "2024-03-16", []),
        ("Tuyên Quang", "2026-03-16", []),
        ("Quảng Trị", "2019-03-04", []),
        ("Quảng Bình", "2025-07-01", ["plan.province"]),
        ("Quảng Bình", "2025-06-30", []),
        ("Atlantis", "2026-03-16", ["plan.province.unknown"]),
        ("", "2026-03-16", []),
    ],
)
def test_plan_province_on_the_plans_date(
    province: str, date: str, codes: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _plan(tmp_path, province, date)
    status = main(["plan", "check", str(path), "--format", "json"])
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [p["code"] for p in problems] == codes
    assert status == (1 if "plan.province" in codes else 0)


def test_the_units_page_shows_what_the_commands_print(capsys: pytest.CaptureFixture[str]) -> None:
    page = (ROOT / "docs" / "concepts" / "units.md").read_text("utf-8")
    for argv in (
        ["units", "resolve", "Quảng Bình", "--on", "2026-01-01"],
        ["units", "resolve", "huyện Đakrông", "--on", "2019-03-04"],
    ):
        assert main(argv) == 0
        out = capsys.readouterr().out
        shown = "$ ocop " + " ".join(f'"{a}"' if " " in a else a for a in argv) + "\n" + out
        assert shown in page

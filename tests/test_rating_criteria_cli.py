"""``ocop criteria list`` and ``ocop criteria show``: shapes, formats, refusals."""

from __future__ import annotations

import csv
import io
import json

import pytest

import helpers
from ocop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return helpers.run(capsys, "criteria", *argv)


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "list", "--format", "json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert [(d["id"], d["effective_from"], d["sheets"]) for d in data] == [
        ("1048/QĐ-TTg", "2019-08-21", 1),
        ("148/QĐ-TTg", "2023-02-24", 26),
        ("26/2026/QĐ-TTg", "2026-05-22", 26),
    ]
    for d in data:
        assert {"id", "alias", "title", "effective_from", "effective_until", "sheets"} <= set(d)
        assert d["legal_ref"].startswith("Quyết định ")
    assert data[1]["effective_until"] == "2026-05-22"
    assert data[1]["lapses_on"] == "2026-07-21"
    assert data[2]["effective_until"] is None


def test_list_csv_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "list", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert status == 0
    assert rows[0] == [
        "id", "alias", "effective_from", "effective_until", "sheets", "parts", "title",
    ]  # fmt: skip
    assert rows[3][:6] == ["26/2026/QĐ-TTg", "26-2026", "2026-05-22", "", "26", "A 40/B 25/C 35"]
    status, out, _ = run(capsys, "list", "--lang", "en")
    assert status == 0
    assert out.splitlines()[0].split()[:5] == [
        "id", "alias", "effective_from", "effective_until", "sheets",
    ]  # fmt: skip
    assert "1048-2019" in out


# The title column is the last and the longest: the lines are compared up to it.
LIST_VI = [
    "Số hiệu         Tên tắt    Hiệu lực từ  Hiệu lực đến  Số phiếu  Các phần        Tên",
    "--------------  ---------  -----------  ------------  --------  --------------  ---",
    "1048/QĐ-TTg     1048-2019  2019-08-21   2023-02-24           1  A 35/B 25/C 40  Bộ tiêu",
    "148/QĐ-TTg      148-2023   2023-02-24   2026-05-22          26  A 40/B 25/C 35  Bộ tiêu",
    "26/2026/QĐ-TTg  26-2026    2026-05-22                       26  A 40/B 25/C 35  Bộ tiêu",
]
LIST_EN = [
    "id              alias      effective_from  effective_until  sheets  parts           title",
    "--------------  ---------  --------------  ---------------  ------  --------------  -----",
    "1048/QĐ-TTg     1048-2019  2019-08-21      2023-02-24            1  A 35/B 25/C 40  Bộ tiêu",
    "148/QĐ-TTg      148-2023   2023-02-24      2026-05-22           26  A 40/B 25/C 35  Bộ tiêu",
    "26/2026/QĐ-TTg  26-2026    2026-05-22                           26  A 40/B 25/C 35  Bộ tiêu",
]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize(
    ("argv", "expected"),
    [((), LIST_VI), (("--lang", "vi"), LIST_VI), (("--lang", "en"), LIST_EN)],
)
def test_list_table_in_each_language(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], expected: list[str]
) -> None:
    status, out, err = run(capsys, "list", *argv)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == len(expected)
    assert [line[: len(want)] for line, want in zip(lines, expected, strict=True)] == expected
    assert lines[0] == expected[0]
    assert lines[4] == expected[4][:-7] + (
        "Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm"
    )


@pytest.mark.parametrize(
    "argv",
    [("list",), ("show", "26-2026", "1"), ("show", "148-2023", "11"), ("show", "1048-2019", "1")],
)
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_json_and_csv_are_the_same_in_either_language(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], fmt: str
) -> None:
    outputs = {
        run(capsys, *argv, "--format", fmt, *lang)
        for lang in ((), ("--lang", "vi"), ("--lang", "en"))
    }
    assert len(outputs) == 1
    status, out, err = outputs.pop()
    assert (status, err) == (0, "")
    assert out


def _shape(doc: dict[str, object]) -> None:
    assert {"id", "sheet", "title", "parts"} <= set(doc)
    for part in doc["parts"]:  # type: ignore[attr-defined]
        assert {"code", "title", "max", "groups"} <= set(part)
        for group in part["groups"]:
            assert {"code", "title", "max", "criteria"} <= set(group)
            for crit in group["criteria"]:
                assert {"code", "title", "max", "options"} <= set(crit)
                numbers = [o["number"] for o in crit["options"]]
                assert numbers == list(range(1, len(numbers) + 1))
                for opt in crit["options"]:
                    assert {"number", "text", "points", "stars"} <= set(opt)
                    assert opt["stars"] in (None, 3, 4, 5)
                    assert isinstance(opt["points"], int)


@pytest.mark.parametrize(
    ("key", "sheet"), [("26-2026", "1"), ("26/2026/QĐ-TTg", "26"), ("148-2023", "11"),
                       ("1048/qđ-ttg", "1")],
)  # fmt: skip
def test_show_json_shape(capsys: pytest.CaptureFixture[str], key: str, sheet: str) -> None:
    status, out, err = run(capsys, "show", key, sheet, "--format", "json")
    assert (status, err) == (0, "")
    doc = json.loads(out)
    _shape(doc)
    assert doc["sheet"] == int(sheet)


def test_show_json_content(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "26-2026", "1", "--format", "json")
    doc = json.loads(out)
    assert (doc["id"], doc["sheet"], doc["title"]) == (
        "26/2026/QĐ-TTg",
        1,
        "Rau, củ, quả, hạt tươi",
    )
    assert [(p["code"], p["max"]) for p in doc["parts"]] == [("A", 40), ("B", 25), ("C", 35)]
    group1 = doc["parts"][0]["groups"][0]
    assert (group1["code"], group1["title"], group1["max"]) == ("1", "TỔ CHỨC SẢN XUẤT", 18)
    c13 = group1["criteria"][2]
    assert c13["code"] == "1.3"
    assert [(o["number"], o["points"], o["stars"]) for o in c13["options"]] == [
        (1, 1, None),
        (2, 2, None),
        (3, 3, 5),
    ]
    c24 = doc["parts"][0]["groups"][1]["criteria"][3]
    assert c24["code"] == "2.4"
    assert [(o["number"], o["points"]) for o in c24["options"]] == [(1, 0), (2, 1)]
    c7 = doc["parts"][2]["groups"][1]["criteria"][0]
    assert (c7["code"], c7["max"]) == ("7", 3)


@pytest.mark.usefixtures("vietnamese")
def test_show_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "26-2026", "1")
    lines = out.splitlines()
    assert status == 0
    assert lines[0] == "26/2026/QĐ-TTg, phiếu 1: Rau, củ, quả, hạt tươi"
    assert "Phần A: SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG (40)" in lines
    assert (
        "    2.4. Ghi nhãn hàng hóa có sử dụng song ngữ "
        "(Việt - Anh hoặc ngôn ngữ nước ngoài khác) (1)"
    ) in lines
    assert "      2. Đạt = 1" in lines
    assert lines[-1] == "Tổng: 100"


SHOW_HEAD = [
    "Rau, củ, quả, hạt tươi",
    "Quyết định 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ, Phụ lục II, phiếu 1: "
    "Bộ sản phẩm Rau, củ, quả, hạt tươi",
    "",
    "SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG (40)",
    "  1. TỔ CHỨC SẢN XUẤT (18)",
    "    1.1. Nguồn gốc sản phẩm (3)",
    "      1. Sản phẩm được trồng trên địa bàn cấp xã, nhưng có tỷ lệ dưới 50% = 1",
]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize(
    ("lang", "sheet", "part", "total"),
    [
        ((), "26/2026/QĐ-TTg, phiếu 1: ", "Phần A: ", "Tổng: 100"),
        (("--lang", "vi"), "26/2026/QĐ-TTg, phiếu 1: ", "Phần A: ", "Tổng: 100"),
        (("--lang", "en"), "26/2026/QĐ-TTg, sheet 1: ", "Part A: ", "Total: 100"),
    ],
)
def test_show_table_in_each_language(
    capsys: pytest.CaptureFixture[str], lang: tuple[str, ...], sheet: str, part: str, total: str
) -> None:
    status, out, err = run(capsys, "show", "26-2026", "1", *lang)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[:7] == [sheet + SHOW_HEAD[0], *SHOW_HEAD[1:3], part + SHOW_HEAD[3], *SHOW_HEAD[4:]]
    assert [line for line in lines if line.startswith(("Phần ", "Part "))] == [
        f"{part}SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG (40)",
        f"{part[:-3]}B: KHẢ NĂNG TIẾP THỊ (25)",
        f"{part[:-3]}C: CHẤT LƯỢNG SẢN PHẨM (35)",
    ]
    assert lines[-1] == total


@pytest.mark.usefixtures("vietnamese")
def test_show_tables_differ_only_in_their_fixed_words(capsys: pytest.CaptureFixture[str]) -> None:
    _, vi, _ = run(capsys, "show", "148-2023", "2")
    _, en, _ = run(capsys, "show", "148-2023", "2", "--lang", "en")
    changed = [(a, b) for a, b in zip(vi.splitlines(), en.splitlines(), strict=True) if a != b]
    assert [(a.split(":")[0], b.split(":")[0]) for a, b in changed] == [
        ("148/QĐ-TTg, phiếu 2", "148/QĐ-TTg, sheet 2"),
        ("Phần A", "Part A"),
        ("Phần B", "Part B"),
        ("Phần C", "Part C"),
        ("Tổng", "Total"),
    ]


def test_show_csv_has_one_row_per_option(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "show", "26-2026", "1", "--format", "csv")
    assert (status, err) == (0, "")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == [
        "part", "group", "criterion", "criterion_title", "criterion_max", "option", "case",
        "option_text", "points", "stars",
    ]  # fmt: skip
    assert rows[1] == [
        "A", "1", "1.1", "Nguồn gốc sản phẩm", "3", "1", "",
        "Sản phẩm được trồng trên địa bàn cấp xã, nhưng có tỷ lệ dưới 50%", "1", "",
    ]  # fmt: skip
    _, doc, _ = run(capsys, "show", "26-2026", "1", "--format", "json")
    options = [
        (p["code"], g["code"], c["code"], str(o["number"]), str(o["points"]), str(o["stars"] or ""))
        for p in json.loads(doc)["parts"]
        for g in p["groups"]
        for c in g["criteria"]
        for o in c["options"]
    ]
    assert [(r[0], r[1], r[2], r[5], r[8], r[9]) for r in rows[1:]] == options
    starred = [r for r in rows[1:] if r[9]]
    assert starred
    assert all(r[9] in {"3", "4", "5"} for r in starred)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["show", "27-2027", "1"],
            "ocop: no criteria set '27-2027' (known: 1048/QĐ-TTg (1048-2019), 148/QĐ-TTg "
            "(148-2023), 26/2026/QĐ-TTg (26-2026))\n",
        ),
        (["show", "26-2026", "27"], "ocop: 26/2026/QĐ-TTg has no sheet 27 (sheets: 1–26)\n"),
        (["show", "26-2026", "0"], "ocop: 26/2026/QĐ-TTg has no sheet 0 (sheets: 1–26)\n"),
        (["show", "1048-2019", "2"], "ocop: 1048/QĐ-TTg has no sheet 2 (sheets: 1)\n"),
        (
            ["show", "148-2023", "một"],
            "ocop: sheet must be a number, got 'một' (148/QĐ-TTg has sheets 1–26)\n",
        ),
    ],
)
def test_unknown_set_or_sheet_exits_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out, err) == (2, "", message)


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["criteria"]) == 2
    with pytest.raises(SystemExit) as info:
        main(["criteria", "show", "26-2026"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["criteria", "list", "--format", "xml"])
    assert info.value.code == 2
    capsys.readouterr()


def test_every_shipped_sheet_shows_in_the_agreed_shape(capsys: pytest.CaptureFixture[str]) -> None:
    from ocop.rating import criteria_sets

    for cs in criteria_sets():
        for number in cs.sheet_numbers:
            status, out, err = run(capsys, "show", cs.alias, str(number), "--format", "json")
            assert (status, err) == (0, "")
            doc = json.loads(out)
            _shape(doc)
            assert (doc["id"], doc["sheet"]) == (cs.id, number)
            total = sum(p["max"] for p in doc["parts"])
            assert total == 100

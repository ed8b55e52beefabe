"""``ocop cycle``: diagrams and replaying event files, as a person runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run

LIFE = """\
{"product": "QT-001", "event": "register", "on": "2019-04-10", "subject": "HTX Cam Thủy"}
{"product": "QT-001", "event": "select_idea", "on": "2019-05-02"}
{"product": "QT-001", "event": "submit_plan", "on": "2019-05-20"}
{"product": "QT-001", "event": "approve_plan", "on": "2019-06-01"}
{"product": "QT-001", "event": "start_development", "on": "2019-06-15"}
{"product": "QT-001", "event": "file_dossier", "on": "2019-10-01"}
{"product": "QT-001", "event": "evaluate", "on": "2019-10-15", "level": "district", "score": 72}
{"product": "QT-001", "event": "forward", "on": "2019-10-20"}
{"product": "QT-001", "event": "evaluate", "on": "2019-11-20", "level": "province", "score": 74.5}
{"product": "QT-001", "event": "recognize", "on": "2019-12-10", "level": "province", "stars": 4, \
"by": "UBND tỉnh Quảng Trị"}
"""


def write(tmp_path: Path, text: str | bytes, name: str = "events.jsonl") -> str:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def test_replay_a_product_to_its_certificate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(capsys, "cycle", "replay", write(tmp_path, LIFE), "--format", "json")
    assert (status, err) == (0, "")
    assert json.loads(out) == {
        "products": [
            {
                "product": "QT-001",
                "stage": "recognized",
                "stars": 4,
                "round": 1,
                "regime": "490/QĐ-TTg",
                "score": "74.5",
                "certificate": {
                    "stars": 4,
                    "level": "province",
                    "issued": "2019-12-10",
                    "expires": "2022-12-10",
                },
                "steps": 10,
            }
        ],
        "problems": [],
    }


def test_replay_as_csv_has_the_json_fields_one_row_per_product(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rejected = '{"product": "QT-002", "event": "register", "on": "2019-04-10"}\n'
    rejected += '{"product": "QT-002", "event": "reject_idea", "on": "2019-04-20"}\n'
    path = write(tmp_path, LIFE + rejected)
    status, out, err = run(capsys, "cycle", "replay", path, "--format", "csv")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "product,stage,stars,round,regime,score,certificate_stars,certificate_level,"
        "certificate_issued,certificate_expires,steps",
        "QT-001,recognized,4,1,490/QĐ-TTg,74.5,4,province,2019-12-10,2022-12-10,10",
        "QT-002,idea_rejected,,1,490/QĐ-TTg,,,,,,2",
    ]
    status, out, err = run(capsys, "cycle", "replay", write(tmp_path, "null\n"), "--format", "csv")
    assert status == 1
    assert out.count("\n") == 1
    assert err.endswith(":1: each line must be a JSON object (got null) [cycle.line]\n")


def test_a_diagram_by_the_criteria_set_of_its_regime(capsys: pytest.CaptureFixture[str]) -> None:
    for key in ("1048-2019", "1048/QĐ-TTg", "490-2018"):
        status, out, err = run(capsys, "cycle", "diagram", "--regime", key, "--format", "dot")
        assert (status, err) == (0, "")
        assert out.startswith('digraph "490/QĐ-TTg" {\n')


def test_refusals_name_the_product_and_line_and_replay_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = LIFE.replace('"score": 72}', '"score": 47}') + (
        '{"product": "QT-002", "event": "register", "on": "2019-04-11"}\n'
    )
    status, out, _ = run(capsys, "cycle", "replay", write(tmp_path, text), "--format", "json")
    assert status == 1
    doc = json.loads(out)
    assert [(p["product"], p["stage"]) for p in doc["products"]] == [
        ("QT-001", "district_evaluated"),
        ("QT-002", "registered"),
    ]
    first = doc["problems"][0]
    assert first == {
        "code": "cycle.refused",
        "severity": "error",
        "message": ("QT-001: district score 47 < 50 needed to go to the province (1048 era)"),
        "where": {"file": str(tmp_path / "events.jsonl"), "row": 8, "code": "QT-001"},
    }
    assert len(doc["problems"]) == 3  # forward, the province's evaluation, the recognition


def test_replay_table_with_plan_warnings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = LIFE.replace('"on": "2019-04-10"', '"on": "2019-03-29"')
    path = write(tmp_path, text)
    status, out, err = run(
        capsys, "cycle", "replay", path, "--plan", "quang-tri-2019", "--format", "table",
        "--lang", "en",
    )  # fmt: skip
    assert status == 0
    assert out.splitlines() == [
        "product  stage       stars  score  expires     regime",
        "-------  ----------  -----  -----  ----------  ----------",
        "QT-001   recognized  4★     74.5   2022-12-10  490/QĐ-TTg",
    ]
    assert err == (
        f"{path}:1: warning: QT-001: register on 2019-03-29 is outside the plan's "
        "window 2019-04-01 – 2019-06-30 (278/KH-SNN II.5.1) [cycle.window]\n"
    )


REJECTED = (
    '{"product": "QT-002", "event": "register", "on": "2019-04-10"}\n'
    '{"product": "QT-002", "event": "reject_idea", "on": "2019-04-20"}\n'
    '{"product": "QT-003", "event": "register", "on": "2019-04-12"}\n'
    '{"product": "QT-003", "event": "select_idea", "on": "2019-05-02"}\n'
    '{"product": "QT-003", "event": "fly", "on": "2019-05-03"}\n'
)

REPLAY_VI = [
    "Sản phẩm  Giai đoạn              Hạng sao  Điểm  Hết hạn     Chế độ",
    "--------  ---------------------  --------  ----  ----------  ----------",
    "QT-001    đã công nhận           4★        74,5  2022-12-10  490/QĐ-TTg",
    "QT-002    ý tưởng bị loại                                    490/QĐ-TTg",
    "QT-003    ý tưởng được lựa chọn                              490/QĐ-TTg",
]
REPLAY_EN = [
    "product  stage          stars  score  expires     regime",
    "-------  -------------  -----  -----  ----------  ----------",
    "QT-001   recognized     4★     74.5   2022-12-10  490/QĐ-TTg",
    "QT-002   idea_rejected                            490/QĐ-TTg",
    "QT-003   idea_selected                            490/QĐ-TTg",
]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize(
    ("lang", "expected"),
    [((), REPLAY_VI), (("--lang", "vi"), REPLAY_VI), (("--lang", "en"), REPLAY_EN)],
)
def test_replay_table_in_each_language_with_problems_in_english(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: tuple[str, ...], expected: list[str]
) -> None:
    path = write(tmp_path, LIFE + REJECTED)
    status, out, err = run(capsys, "cycle", "replay", path, "--format", "table", *lang)
    assert status == 1
    assert out.splitlines() == expected
    assert err == (
        f"{path}:15: event: 'fly' is not an event (one of: register, select_idea, reject_idea, "
        "submit_plan, approve_plan, start_development, file_dossier, commune_check, evaluate, "
        "forward, recognize, withdraw, re_evaluate, upgrade, revoke, expire) [cycle.field]\n"
    )


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_replay_json_and_csv_are_the_same_in_either_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    path = write(tmp_path, LIFE + REJECTED)
    outputs = {
        run(capsys, "cycle", "replay", path, "--format", fmt, *lang)
        for lang in ((), ("--lang", "vi"), ("--lang", "en"))
    }
    assert len(outputs) == 1
    status, out, _ = outputs.pop()
    assert status == 1
    assert "idea_rejected" in out
    assert "ý tưởng" not in out


def test_bad_lines_are_located_errors_not_crashes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = '{"product": "QT-001", "event": "register"}\nnot json\n{"product": "QT-001", "event": "fly", "on": "2019-01-01"}\n'  # noqa: E501
    status, out, err = run(capsys, "cycle", "replay", write(tmp_path, text), "--format", "json")
    assert (status, err) == (1, "")
    problems = json.loads(out)["problems"]
    assert [(p["where"].get("row"), p["where"].get("field"), p["code"]) for p in problems] == [
        (1, "on", "cycle.field"),
        (2, None, "cycle.line"),
        (3, "event", "cycle.field"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        (b"\x00\x01binary", "this is a binary file, not UTF-8 text"),
        (b'{"product": "Ph\xe1"}', "not UTF-8 text (byte 16); save the file as UTF-8"),
    ],
)
def test_unreadable_input_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | bytes, message: str
) -> None:
    path = write(tmp_path, content)
    status, out, err = run(capsys, "cycle", "replay", path, "--format", "json")
    assert (status, out) == (2, "")
    assert err == f"ocop: {path}: {message}\n"


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "cycle", "replay", str(tmp_path / "none.jsonl"))
    assert status == 2
    assert err.endswith("none.jsonl: no such file\n")


def test_diagrams(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # Without --regime: one document (today's regime), which a Mermaid or DOT tool accepts.
    status, out, _ = run(capsys, "cycle", "diagram", "--format", "mermaid")
    assert status == 0
    assert out.count("stateDiagram-v2") == 1
    assert out.startswith("stateDiagram-v2\n")
    status, out, _ = run(capsys, "cycle", "diagram", "--format", "dot")
    assert (out.count("digraph"), out.count("\n}\n")) == (1, 1)
    assert out.endswith("}\n")
    # --output-dir: one file per regime.
    status, out, _ = run(capsys, "cycle", "diagram", "--output-dir", str(tmp_path / "d"))
    assert status == 0
    names = sorted(p.name for p in (tmp_path / "d").iterdir())
    assert names == ["148-2023.mmd", "1489-2025.mmd", "26-2026.mmd", "490-2018.mmd"]
    assert out.splitlines() == [
        str(tmp_path / "d" / n)
        for n in ["490-2018.mmd", "148-2023.mmd", "1489-2025.mmd", "26-2026.mmd"]
    ]
    for name in names:
        text = (tmp_path / "d" / name).read_text("utf-8")
        assert text.startswith("stateDiagram-v2\n")
        assert text.count("stateDiagram-v2") == 1
    # --main: the way forward only.
    status, out, _ = run(capsys, "cycle", "diagram", "--regime", "26-2026", "--main")
    assert "withdraw" not in out
    assert "revoke" not in out
    assert "    province_evaluated --> at_national: forward (score ≥ 90)\n" in out
    status, out, _ = run(capsys, "cycle", "diagram", "--regime", "26-2026", "--format", "mermaid")
    assert out.count("stateDiagram-v2") == 1
    assert "        dossier_filed --> commune_checked: commune_check (passed)\n" in out
    assert "    dossier_open --> recognized: withdraw (certificate held)\n" in out
    assert "    province_evaluated --> at_national: forward (score ≥ 90)\n" in out
    status, out, _ = run(capsys, "cycle", "diagram", "--regime", "148-2023", "--format", "dot")
    assert out.startswith('digraph "148/QĐ-TTg" {\n')
    assert '    "district_evaluated" -> "recognized" [label="recognize (district 3★)"];\n' in out
    assert out.endswith("}\n")
    status, _, err = run(capsys, "cycle", "diagram", "--regime", "1999", "--format", "dot")
    assert status == 2
    assert err.startswith("ocop: no regime '1999'")


def test_check_and_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "cycle", "check") == (
        0,
        "4 regimes: every stage reachable, no dead ends, chains complete\n",
        "",
    )
    status, out, _ = run(capsys, "cycle", "schema")
    assert status == 0
    assert json.loads(out)["properties"]["schema_version"]["const"] == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[" * 100_000, "1: not usable JSON: nested too deeply [cycle.line]"),
        (
            '{"product": "A", "event": "evaluate", "on": "2026-06-01", "level": "province", '
            '"score": ' + "9" * 5000 + "}",
            "1: not usable JSON: a number has too many digits [cycle.line]",
        ),
        (
            '{"product": "A", "event": "recognize", "on": "2026-06-01", "level": "province", '
            '"stars": 4.0}',
            "1: stars: 4.0 is not a whole number of stars from 1 to 5 [cycle.field]",
        ),
        (
            '{"product": 12, "event": "register", "on": "2026-06-01"}',
            "1: product: 12 is not a product code (a non-empty string) [cycle.field]",
        ),
    ],
)
def test_hostile_lines_are_located_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, line: str, message: str
) -> None:
    path = write(tmp_path, line + "\n")
    status, _, err = run(capsys, "cycle", "replay", path, "--format", "table")
    assert status == 1
    assert err == f"{path}:{message}\n"

"""``ocop rate``: outputs, every problem located, exit statuses, never a traceback."""

from __future__ import annotations

import contextlib
import copy
import json
import re
import shlex
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOT
from ocop.cli import main
from ocop.errors import OcopValueError
from ocop.problems import render
from ocop.rating import (
    assessment_schema,
    assessments_from_json,
    load_json_object,
    rate,
    rate_json,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "tutorials" / "assessment.json"


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: object, *args: str
) -> tuple[int, str, str]:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    status = main(["rate", str(path), *args])
    out, err = capsys.readouterr()
    return status, out, err.replace(str(path), "a.json")


TABLE_VI = """\
Bưởi da xanh Mỹ Thạnh — 26/2026/QĐ-TTg, phiếu 1 (Rau, củ, quả, hạt tươi)

Thành viên     Tổng điểm
-------------  ---------
Nguyễn Văn An         74
Trần Thị Bình         73
Lê Minh Châu          75
Phạm Thu Dung         75
Hoàng Văn Em          72

Tổng điểm trung bình: 73,8
Hạng theo điểm:       4★
Hạng sao:             3★

Tiêu chí chưa đạt mức tối thiểu của hạng sao (xét trên kết quả thống nhất của Hội đồng):
  2.3 cần phương án 3 để đạt 4★, đã chọn 2
"""

TABLE_EN = """\
Bưởi da xanh Mỹ Thạnh — 26/2026/QĐ-TTg, sheet 1 (Rau, củ, quả, hạt tươi)

member         total
-------------  -----
Nguyễn Văn An     74
Trần Thị Bình     73
Lê Minh Châu      75
Phạm Thu Dung     75
Hoàng Văn Em      72

mean:  73.8
band:  4★
stars: 3★

minimum marks not met (judged on the council's agreed answers):
  2.3 needs option 3 for 4★, chose 2
"""


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize(("lang", "table"), [([], TABLE_VI), (["--lang", "en"], TABLE_EN)])
def test_table(capsys: pytest.CaptureFixture[str], lang: list[str], table: str) -> None:
    assert main(["rate", str(EXAMPLE), *lang]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (table, "")


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rate", str(EXAMPLE), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "product": "Bưởi da xanh Mỹ Thạnh",
        "criteria": "26/2026/QĐ-TTg",
        "sheet": 1,
        "members": [
            {"name": "Nguyễn Văn An", "total": 74},
            {"name": "Trần Thị Bình", "total": 73},
            {"name": "Lê Minh Châu", "total": 75},
            {"name": "Phạm Thu Dung", "total": 75},
            {"name": "Hoàng Văn Em", "total": 72},
        ],
        "mean": "73.8",
        "mean_exact": "73.8",
        "mean_is_exact": True,
        "spread": 3,
        "band_stars": 4,
        "stars": 3,
        "marks_on": "agreed",
        "unmet": [
            {
                "code": "2.3",
                "stars": 4,
                "required": 3,
                "chosen": 2,
                "member": None,
                "message": "2.3 needs option 3 for 4★, chose 2",
            }
        ],
        "problems": [],
    }


@pytest.mark.usefixtures("vietnamese")
def test_each_member_rules_and_an_inexact_mean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = example()
    doc["members"] = doc["members"][:3]
    doc["council_size"] = 4
    doc["rules"] = {"marks_on": "each_member"}
    doc["members"][2]["choices"]["3.5"] = 1
    status, out, err = run(tmp_path, capsys, doc, "--format", "json")
    assert (status, err) == (0, "")
    got = json.loads(out)
    assert (got["mean"], got["mean_exact"], got["mean_is_exact"]) == ("73.66", "221/3", False)
    assert [u["message"] for u in got["unmet"]] == [
        "2.3 needs option 3 for 4★, Nguyễn Văn An chose 2",
        "2.3 needs option 3 for 4★, Trần Thị Bình chose 2",
        "3.5 needs option 2 for 4★, Lê Minh Châu chose 1",
    ]
    status, out, err = run(tmp_path, capsys, doc, "--lang", "en")
    assert "mean:  73.66 (exactly 221/3)" in out
    assert "minimum marks not met (judged on each member's sheet):" in out
    status, out, err = run(tmp_path, capsys, doc)
    assert "Tổng điểm trung bình: 73,66 (đúng bằng 221/3)" in out
    assert "  2.3 cần phương án 3 để đạt 4★, Nguyễn Văn An chọn 2\n" in out
    assert "  3.5 cần phương án 2 để đạt 4★, Lê Minh Châu chọn 1\n" in out


def test_agreed_answers_given_in_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = example()
    doc["agreed"] = doc["members"][0]["choices"] | {"2.3": 3}
    status, out, _ = run(tmp_path, capsys, doc, "--format", "json")
    assert status == 0
    assert (json.loads(out)["stars"], json.loads(out)["unmet"]) == (4, [])


def test_every_choice_problem_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = example()
    doc["members"][0]["choices"]["1.9"] = 1
    doc["members"][1]["choices"]["2.3"] = 4
    doc["members"][2]["choices"]["4.1"] = "3"
    del doc["members"][3]["choices"]["7"]
    del doc["members"][3]["choices"]["12"]
    doc["members"][4]["choices"]["5.1"] = None  # none met: fine
    status, out, err = run(tmp_path, capsys, doc)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        'a.json: $.members[0].choices["1.9"]: sheet 1 of 26/2026/QĐ-TTg has no criterion '
        "'1.9' [rating.unknown_criterion]",
        'a.json: $.members[1].choices["2.3"]: criterion 2.3 has options 1–3 (0 or null: none '
        "met); got 4 [rating.option_range]",
        'a.json: $.members[2].choices["4.1"]: criterion 4.1: the choice must be an option '
        "number or null (got '3') [rating.option_type]",
        "a.json: $.members[3].choices: no choice for 2 criteria: 7, 12 [rating.missing_criteria]",
    ]


def test_spread_and_quorum(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = example()
    doc["council_size"] = 9
    low = doc["members"][4]["choices"]
    for code in ("4.3", "5.1", "9", "10"):
        low[code] = 1
    status, out, err = run(tmp_path, capsys, doc, "--format", "json")
    assert status == 1
    assert err.splitlines() == [
        "a.json: $.members: members' totals differ by 15 points (Lê Minh Châu 75, Hoàng Văn "
        "Em 60); the council's rules allow at most 10: discuss and score again [rating.spread]",
        "a.json: $.members: 5 of 9 members scored; the quorum is 7 (3/4 of the members) "
        "[rating.quorum]",
    ]
    got = json.loads(out)
    assert got["mean"] == "71.4"  # shown for the council's discussion
    assert [p["code"] for p in got["problems"]] == ["rating.spread", "rating.quorum"]


def test_unknown_criteria_set_and_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = example()
    doc["criteria"] = "27/2027/QĐ-TTg"
    status, _, err = run(tmp_path, capsys, doc)
    assert status == 1
    assert err == (
        "a.json: $.criteria: no criteria set '27/2027/QĐ-TTg' (known: 1048/QĐ-TTg (1048-2019), "
        "148/QĐ-TTg (148-2023), 26/2026/QĐ-TTg (26-2026)) [rating.criteria_set]\n"
    )
    doc["criteria"] = "26-2026"
    doc["sheet"] = 27
    status, _, err = run(tmp_path, capsys, doc)
    assert status == 1
    assert err == "a.json: $.sheet: 26/2026/QĐ-TTg has no sheet 27 (sheets: 1–26) [rating.sheet]\n"


def test_shape_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc: dict[str, Any] = {
        "criteria": 26,
        "sheet": "1",
        "members": [{"choices": []}, {"name": "An", "choices": {}, "role": "x"}],
        "rules": {"quorum": "three quarters", "marks_on": "median"},
        "colour": "green",
    }
    status, out, err = run(tmp_path, capsys, doc)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "a.json: $.criteria: input should be a valid string (got 26) [rating.document]",
        'a.json: $.sheet: input should be a valid integer (got "1") [rating.document]',
        "a.json: $.rules.quorum: string should match pattern '^\\s*\\d+\\s*/\\s*\\d+\\s*$' "
        '(got "three quarters") [rating.document]',
        "a.json: $.rules.marks_on: input should be 'agreed' or 'each_member' (got \"median\") "
        "[rating.document]",
        "a.json: $.members[0].name: required field is missing [rating.document]",
        "a.json: $.members[0].choices: input should be an object (got []) [rating.document]",
        "a.json: $.members[1].role: unknown field [rating.document]",
        "a.json: $.colour: unknown field [rating.document]",
    ]


def test_a_quorum_above_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = example() | {"rules": {"quorum": "5/4"}}
    status, _, err = run(tmp_path, capsys, doc)
    assert status == 1
    assert err == (
        "a.json: $.rules.quorum: the quorum must be a share above 0 and at most 1 "
        "(got '5/4') [rating.document]\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n", "the file is empty"),
        (b'{"criteria": ', "not JSON: Expecting value (line 1, column 14)"),
        (b"[1, 2]", "the assessment must be a JSON object {...}, not an array"),
        (b'"x"', "the assessment must be a JSON object {...}, not a string"),
        (
            b'{"sheet": 1, "members": [{"name": "A", "name": "B"}]}',
            "not usable JSON: the key 'name' appears twice in one object; each key may appear once",
        ),
        (b'{"product": "B\xfb"}', "not UTF-8 text (byte 15); save the file as UTF-8"),
        (b"\x00\x01", "this is a binary file, not UTF-8 text"),
    ],
)
def test_unusable_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(content)
    assert main(["rate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"ocop: {path}: {message}\n")


def test_missing_file_and_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rate", str(tmp_path / "nope.json")]) == 2
    assert capsys.readouterr().err == f"ocop: {tmp_path / 'nope.json'}: no such file\n"
    assert main(["rate", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"ocop: {tmp_path}: is a directory, not a file\n"
    assert main(["rate"]) == 2
    assert capsys.readouterr().err == "ocop: rate: give the assessment FILE (or --schema)\n"


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rate", "--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == assessment_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(example(), schema)
    bad = copy.deepcopy(example())
    bad["members"][0]["choices"]["1.1"] = "3"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=12,
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_never_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: st.DataObject
) -> None:
    doc: Any = example()
    # Damage the example in one to three places with arbitrary JSON.
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(["root", "member", "choice", "rules"]))
        value = data.draw(json_values)
        if where == "root":
            key = data.draw(st.sampled_from(["criteria", "sheet", "members", "agreed", "x"]))
            doc[key] = value
        elif where == "member" and isinstance(doc.get("members"), list) and doc["members"]:
            member = doc["members"][0]
            if isinstance(member, dict):
                member[data.draw(st.sampled_from(["name", "chair", "choices"]))] = value
        elif where == "choice":
            code = data.draw(st.sampled_from(["1.1", "7", "9.9"]))
            with contextlib.suppress(TypeError, KeyError, IndexError):
                doc["members"][-1]["choices"][code] = value
        else:
            doc["rules"] = value
    status, _, err = run(tmp_path, capsys, doc, "--format", "json")
    assert status in (0, 1)
    assert "Traceback" not in err
    assert "internal error" not in err


def test_the_tutorials_file_with_mistakes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(EXAMPLE.parent)
    assert main(["rate", "assessment-with-mistakes.json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        'assessment-with-mistakes.json: $.members[0].choices["1.9"]: sheet 1 of 26/2026/QĐ-TTg '
        "has no criterion '1.9' [rating.unknown_criterion]\n"
        'assessment-with-mistakes.json: $.members[1].choices["2.3"]: criterion 2.3 has options '
        "1–3 (0 or null: none met); got 4 [rating.option_range]\n"
        "assessment-with-mistakes.json: $.members[3].choices: no choice for 1 criterion: 12 "
        "[rating.missing_criteria]\n"
        "assessment-with-mistakes.json: $.members: 5 of 9 members scored; the quorum is 7 "
        "(3/4 of the members) [rating.quorum]\n"
    )


def test_the_published_schema_is_current() -> None:
    root = Path(__file__).resolve().parents[1]
    committed = json.loads(
        (root / "docs" / "schemas" / "assessment.schema.json").read_text("utf-8")
    )
    assert committed == assessment_schema()


def test_a_batch_of_assessments_locates_problems_by_document() -> None:
    good = example()
    bad_sheet = example() | {"sheet": 40}
    bad_shape = example() | {"members": "none"}
    data = json.dumps([good, bad_sheet, bad_shape], ensure_ascii=False)
    result = assessments_from_json(data, file="batch.json")
    assert result.value is None
    assert render(result.problems) == (
        'batch.json: $[2].members: input should be an array (got "none") [rating.document]'
    )
    result = assessments_from_json(json.dumps([good, bad_sheet]), file="batch.json")
    assert render(result.problems) == (
        "batch.json: $[1].sheet: 26/2026/QĐ-TTg has no sheet 40 (sheets: 1–26) [rating.sheet]"
    )
    ok = assessments_from_json(json.dumps([good, good]).encode())
    assert ok.value is not None
    assert [rate(a, rules).value.stars for a, rules in ok.value] == [3, 3]  # type: ignore[union-attr]
    with pytest.raises(OcopValueError, match="not JSON"):
        assessments_from_json("[{")


def test_load_json_object_refuses_a_key_named_twice() -> None:
    with pytest.raises(OcopValueError) as err:
        load_json_object('{"sheet": 1, "sheet": 2}')
    assert str(err.value) == (
        "not usable JSON: the key 'sheet' appears twice in one object; each key may appear once"
    )


def test_csv_has_a_header_even_when_the_assessment_is_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(example() | {"sheet": 0}), "utf-8")
    assert main(["rate", str(path), "--format", "csv"]) == 1
    out, err = capsys.readouterr()
    assert out == "product,criteria,sheet,member,total,mean,mean_exact,band_stars,stars\n"
    assert "[rating.document]" in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON: Expecting property name enclosed in double quotes (line 1, column 2)"),
        ("null", "the assessment must be a JSON object {...}, not null"),
        ("true", "the assessment must be a JSON object {...}, not true"),
        ("3.5", "the assessment must be a JSON object {...}, not a number"),
        ("[" * 100_000, "not usable JSON: nested too deeply"),
    ],
)
def test_load_json_object(text: str, message: str) -> None:
    with pytest.raises(OcopValueError) as err:
        load_json_object(text)
    assert str(err.value) == message


def test_rate_json_without_a_file_name() -> None:
    result = rate_json(example() | {"sheet": 0})
    assert render(result.problems) == (
        "$.sheet: input should be greater than or equal to 1 (got 0) [rating.document]"
    )
    assert rate_json(example()).value is not None


def test_the_tutorials_python_prints_what_it_says(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (EXAMPLE.parent / "score-a-product.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, flags=re.S)
    code = "\n".join(blocks)
    expected = [line[2:] for line in code.splitlines() if line.startswith("# ")]
    monkeypatch.chdir(ROOT)  # the tutorial runs from the repository root
    exec(compile(code, "score-a-product.md", "exec"), {})
    assert capsys.readouterr().out.splitlines() == expected


def _console(page: str) -> list[tuple[list[str], str, int | None]]:
    """Each ``$ ocop`` command of the page's console blocks: its arguments, what it prints
    and the status an ``$ echo $?`` right after it shows."""
    out: list[tuple[list[str], str, int | None]] = []
    for block in re.findall(r"```console\n(.*?)```", page, flags=re.S):
        for command, shown in re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", block, flags=re.M):
            if command == "echo $?":
                out[-1] = (out[-1][0], out[-1][1], int(shown))
            else:
                out.append((shlex.split(command), shown, None))
    return out


@pytest.mark.usefixtures("vietnamese")
def test_the_tutorials_commands_print_what_it_says(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (EXAMPLE.parent / "score-a-product.md").read_text(encoding="utf-8")
    monkeypatch.chdir(ROOT)  # the tutorial runs from the repository root
    commands = _console(page)
    assert len(commands) == 6
    for args, shown, status in commands:
        assert args[0] == "ocop"
        assert Path(args[2]).is_file(), f"{args[2]} does not ship beside the tutorial"
        assert main(args[1:]) == (0 if status is None else status)
        out, err = capsys.readouterr()
        # "…" on a line of its own stands for lines the page leaves out
        pattern = "".join(
            ".*" if line.strip() == "…" else re.escape(line) + "\n" for line in shown.splitlines()
        )
        assert re.fullmatch(pattern, out + err, flags=re.S), " ".join(args)


def test_an_unknown_sheet_is_reported_beside_shape_problems() -> None:
    result = rate_json(example() | {"sheet": 30, "members": [{"name": "An"}]}, file="a.json")
    assert render(result.problems) == (
        "a.json: $.sheet: 26/2026/QĐ-TTg has no sheet 30 (sheets: 1–26) [rating.sheet]\n"
        "a.json: $.members[0].choices: required field is missing [rating.document]"
    )

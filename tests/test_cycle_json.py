"""Records and histories as JSON documents, and event streams as JSON Lines."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction

import jsonschema
import pytest
from hypothesis import given

from ocop.cycle import Event, Record
from ocop.cycle.jsonio import (
    SCHEMA_VERSION,
    history_from_json,
    history_json_schema,
    history_to_json,
    read_events,
    record_from_json,
    record_json_schema,
    record_to_json,
    score_from_json,
    score_to_json,
)
from ocop.errors import OcopInputError, OcopValueError
from ocop.problems import render
from ocop.testing.cycle import developed, scores, walk

D = dt.date


def certified() -> Record:
    r = developed("QT-001", D(2019, 4, 10))
    return walk(
        r,
        [
            (Event.of("file_dossier"), D(2019, 10, 1)),
            (Event.evaluate("district", Decimal("72.5")), D(2019, 10, 15)),
            (Event.of("forward"), D(2019, 10, 20)),
            (Event.evaluate("province", Fraction(149, 2)), D(2019, 11, 20)),
            (Event.recognize(4, "province", note="quyết định 2019"), D(2019, 12, 10)),
        ],
    )


@given(scores)
def test_scores_round_trip_exactly(score: int | Decimal | Fraction) -> None:
    text = score_to_json(score)
    assert isinstance(text, str)  # one JSON type for every score
    back = score_from_json(json.loads(json.dumps(text)))
    assert back == score
    assert score_to_json(back) == text  # one exact form per value


@pytest.mark.parametrize("bad", [72.5, "seventy", "1/0", True, None, "NaN"])
def test_inexact_or_wrong_scores_are_refused(bad: object) -> None:
    with pytest.raises(OcopValueError, match="not a score"):
        score_from_json(bad)


def test_a_record_round_trips_and_validates_against_its_schema() -> None:
    r = certified()
    text = record_to_json(r)
    doc = json.loads(text)
    assert doc["schema_version"] == SCHEMA_VERSION == 1
    assert doc["certificate"]["score"] == "74.5"
    assert doc["history"][6]["event"]["score"] == "72.5"
    jsonschema.validate(doc, record_json_schema())
    assert record_from_json(text).value == r


def test_a_history_round_trips() -> None:
    r = certified()
    doc = json.loads(history_to_json(r))
    jsonschema.validate(doc, history_json_schema())
    assert history_from_json(history_to_json(r)).value == r


def test_a_record_whose_state_does_not_follow_from_its_history_is_refused() -> None:
    doc = json.loads(record_to_json(certified()))
    doc["certificate"]["stars"] = 5
    result = record_from_json(json.dumps(doc), file="qt.json")
    assert result.value is None
    assert render(result.problems).startswith(
        "qt.json: $.certificate: the document says certificate is Certificate(product='QT-001', "
        "stars=5"
    )


def test_every_shape_problem_is_located() -> None:
    doc = json.loads(record_to_json(certified()))
    doc["schema_version"] = 2
    doc["history"][0]["on"] = "2019-13-01"
    doc["stage"] = "famous"
    result = record_from_json(json.dumps(doc), file="qt.json")
    assert result.value is None
    paths = [p.where.path for p in result.problems]
    assert paths == ["$.schema_version", "$.history[0].on", "$.stage"]
    with pytest.raises(OcopInputError) as err:
        record_from_json("{", file="qt.json")
    assert str(err.value) == (
        "qt.json:1: not JSON: Expecting property name enclosed in double quotes (column 2)"
    )


def test_a_forged_history_is_refused_with_its_step() -> None:
    doc = json.loads(history_to_json(certified()))
    doc["history"][9]["event"]["stars"] = 5
    result = history_from_json(json.dumps(doc), file="qt.json")
    assert [p.render() for p in result.problems] == [
        "qt.json: $.history: step 10 (recognize on 2019-12-10): province cannot recognise 5★ "
        "under 490/QĐ-TTg: only the Ministry of Agriculture and Rural Development "
        "[cycle.history]"
    ]


STREAM = "\n".join(
    [
        '{"product": "QT-001", "event": "register", "on": "2019-04-10", "subject": "HTX"}',
        "",
        '{"product": "QT-001", "event": "evaluate", "on": "2019-10-15", "level": "district", "score": 72.5}',  # noqa: E501
        '{"product": "QT-002", "event": "evaluate", "on": "2019-10-15", "level": "town", "score": 172}',  # noqa: E501
        '{"event": "recognize", "on": "15/10/2019", "stars": 7, "colour": "red"}',
        "[1, 2]",
        "{oops",
        '{"product": "QT-003", "event": "revoke", "on": "2019-10-15", "ground": "rude"}',
    ]
)  # fmt: skip


def test_event_streams_report_every_bad_line_located() -> None:
    result = read_events(STREAM, file="events.jsonl")
    assert [(p, e.kind.value, on, e.score) for p, e, on, _, _ in result.value] == [
        ("QT-001", "register", D(2019, 4, 10), None),
        ("QT-001", "evaluate", D(2019, 10, 15), Decimal("72.5")),
    ]
    assert render(result.problems).splitlines() == [
        "events.jsonl:4: level: 'town' is not a level (commune, district, province, national) [cycle.field]",  # noqa: E501
        "events.jsonl:4: score: 172 is not between 0 and 100 [cycle.field]",
        "events.jsonl:5: colour: warning: unknown field 'colour' ignored [cycle.unknown_field]",
        "events.jsonl:5: product: missing: the product's code (a non-empty string) [cycle.field]",
        "events.jsonl:5: on: '15/10/2019' is not a date (write YYYY-MM-DD) [cycle.field]",
        "events.jsonl:5: level: missing: recognize needs 'level' [cycle.field]",
        "events.jsonl:5: stars: 7 is not a whole number of stars from 1 to 5 [cycle.field]",
        "events.jsonl:6: each line must be a JSON object (got an array) [cycle.line]",
        "events.jsonl:7: not JSON: Expecting property name enclosed in double quotes (column 2) [cycle.line]",  # noqa: E501
        "events.jsonl:8: ground: 'rude' is not a ground (one of: false_dossier, criteria_not_met, law_breach, mark_misuse, production_stopped, other) [cycle.field]",  # noqa: E501
    ]  # fmt: skip


def test_a_line_naming_a_key_twice_is_located_and_the_replay_goes_on() -> None:
    stream = "\n".join(
        [
            '{"product": "QT-001", "event": "register", "on": "2019-04-10", "on": "2019-04-11"}',
            '{"product": "QT-002", "event": "register", "on": "2019-04-10"}',
            '{"product": "QT-004", "event": "register", "n": 1' + "0" * 5000 + "}",
        ]
    )  # fmt: skip
    result = read_events(stream, file="events.jsonl")
    assert [p for p, _, _, _, _ in result.value] == ["QT-002"]
    assert render(result.problems).splitlines() == [
        "events.jsonl:1: on: not usable JSON: the key 'on' appears twice in one object; each key may appear once [cycle.line]",  # noqa: E501
        "events.jsonl:3: not usable JSON: a number has too many digits [cycle.line]",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("null", "null"),
        ("true", "true"),
        ("false", "false"),
        ("3", "a number"),
        ('"x"', "a string"),
    ],
)
def test_a_line_that_is_no_object_names_its_json_type(line: str, kind: str) -> None:
    assert render(read_events(line, file="e.jsonl").problems) == (
        f"e.jsonl:1: each line must be a JSON object (got {kind}) [cycle.line]"
    )


def test_a_history_naming_a_key_twice_is_refused() -> None:
    # Not usable as a document at all: the loader contract raises the input error.
    with pytest.raises(OcopInputError) as err:
        history_from_json('{"product": "A", "product": "B"}', file="h.json")
    assert str(err.value) == (
        "h.json: not usable JSON: the key 'product' appears twice in one object; "
        "each key may appear once"
    )


def test_the_published_schemas_are_current() -> None:
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("gen", root / "scripts" / "gen_cycle_schemas.py")
    assert spec is not None
    assert spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    for name, schema in gen.documents().items():
        committed = (root / "docs" / "schemas" / name).read_text(encoding="utf-8")
        assert committed == gen.text(schema), "run: python scripts/gen_cycle_schemas.py"

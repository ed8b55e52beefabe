"""Whatever a file of events holds, replaying it never crashes: every problem is located."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop.cli import main
from ocop.cycle import follow
from ocop.cycle.jsonio import history_from_json, read_events, record_from_json

FIELDS = ["product", "event", "on", "level", "score", "stars", "ground", "passed", "by", "note"]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
    | st.sampled_from(
        ["2026-06-01", "2019-10-15", "province", "commune", "national", "evaluate", "recognize",
         "register", "forward", "commune_check", "file_dossier", "law_breach", "72.5", "149/2"]
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)  # fmt: skip

event_objects = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=8)

lines = st.one_of(
    event_objects.map(json.dumps),
    st.text(max_size=40),
    st.just("[" * 3000),
    st.just('{"score": ' + "9" * 5000 + "}"),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(lines, max_size=12))
def test_any_stream_gives_located_problems_not_exceptions(stream: list[str]) -> None:
    text = "\n".join(stream)
    events = read_events(text, file="f.jsonl")
    result = follow(events.value)
    for p in (*events.problems, *result.problems):
        assert p.where.file == "f.jsonl"
        assert p.where.row is not None
        json.dumps(p.to_dict())


@settings(max_examples=100, deadline=None)
@given(json_values)
def test_any_document_gives_located_problems_not_exceptions(value: object) -> None:
    text = json.dumps(value)
    for read in (record_from_json, history_from_json):
        result = read(text, file="doc.json")
        assert result.value is None
        assert result.problems


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(event_objects.map(json.dumps), min_size=1, max_size=8))
def test_the_command_never_fails_inside(tmp_path: Path, stream: list[str]) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(stream) + "\n", encoding="utf-8")
    assert main(["cycle", "replay", str(path), "--format", "json"]) in (0, 1, 2)

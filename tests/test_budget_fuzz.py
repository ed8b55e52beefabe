"""Any text at all gives a budget and located problems, or an unusable-input error: never a
crash (figures of other scripts, stray separators, nesting, wrong JSON types)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop.budget import check, read_csv, read_document, rollup, write_csv, write_document
from ocop.errors import OcopInputError

CELLS = st.one_of(
    st.text(max_size=8),
    st.sampled_from(
        ["1", "1.1", "2", "", "-5", "1.000", "²", "٣", "abc", "Tổng cộng", "Bằng chữ: một trăm",
         "1..2", "2019-Q2=5", "x=y", "NSTW; NSĐP", "Cộng", "TỔNG CỘNG", '"a\rb"', "9" * 60]
    ),
)  # fmt: skip
HEADERS = st.sampled_from(
    [
        "row,code,parent,title,amount_thousand_vnd,explanation,responsible",
        "code,title,amount,locality,sources,schedule,approved_vnd,disbursed_vnd",
        "TT;Nội dung;Kinh phí (triệu đồng)",
        "title,amount_vnd,zz",
        "TT,Nội dung,Kinh phí (tr.đ),title,Ghi chú",
        "ĐVT: 1.000 đồng\nTT,Nội dung,Kinh phí,Được giao (tr.đ)",
        "NHU CẦU KINH PHÍ\n(Kèm theo Kế hoạch số 1/KH)\nNguồn vốn: NSTW\nTT,Nội dung,Kinh phí (đ)",
    ]
)
KEYS = ["title", "amount", "code", "parent", "lines", "unit", "schedule", "extra", "sources",
        "row", "stated_total", "total_in_words"]  # fmt: skip
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)
    ),
    max_leaves=20,
)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


@FAST
@given(HEADERS, st.lists(st.lists(CELLS, max_size=9), max_size=12))
def test_any_table_reads_or_is_refused(header: str, rows: list[list[str]]) -> None:
    sep = ";" if ";" in header else ","
    body = "\n".join(sep.join(c.replace("\n", " ").replace("\r", " ") for c in r) for r in rows)
    try:
        result = read_csv(f"{header}\n{body}", file="f.csv")
    except OcopInputError:
        return
    problems = check(result.value)
    if result.ok and not any(p.is_error for p in problems):
        for key in ("section", "responsible", "locality", "source"):
            assert rollup(result.value, key).total >= 0
        # Any accepted table survives CSV → JSON → TOML → CSV with equal content.
        as_json = read_document(write_document(result.value, format="json"), format="json")
        as_toml = read_document(write_document(as_json.value), format="toml")
        again = read_csv(write_csv(as_toml.value))
        assert again.ok, again.problems
        assert again.value == as_toml.value == as_json.value == result.value


@FAST
@given(JSON)
def test_any_json_reads_or_is_refused(value: object) -> None:
    try:
        result = read_document(json.dumps(value), file="f.json")
    except OcopInputError:
        return
    assert all(p.where.file == "f.json" for p in result.problems)
    check(result.value)

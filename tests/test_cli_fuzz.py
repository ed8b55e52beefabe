"""Exit 3 ("internal error") is unreachable from any input: the fuzz corpus of every reader,
fed to every command that reads a file, exits 0, 1 or 2 — and a failing standard output is
exit 2 with one line, never a traceback."""

from __future__ import annotations

import errno
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop.cli import main

HEADERS = [
    "row,code,parent,title,amount_thousand_vnd,explanation,responsible",
    "TT,Nội dung,Kinh phí (tr.đ)",
    "TT;Nội dung;Kinh phí (Tr.VNĐ);Được giao (1000đ)",
    "TT,Nội dung,Kinh phí",
    "TT,Nội dung,Kinh phí (USD)",
    "code,title,amount_vnd,schedule,title,zz,zz",
    "ĐVT: triệu đồng\nTT,Nội dung,Kinh phí",
    "id,title,from,to,budget_lines",
    "id,text,indicator,comparison,value,unit",
]
CELLS = [
    "1", "1.1", "", "-5", "1.000", "1.500", "2.000", "²", "٣", "Tổng cộng", "Cộng", "TỔNG CỘNG",
    "Bằng chữ: một trăm", "Bằng chữ: " + "nghìn " * 3000, "9" * 100, "9" * 5000, '"open',
    'a"b', "x\ry", "2019-Q2=5", "2019-Q9", "at_least", "between", "3-5", "1,5", "97.5",
    "people_trained", "người", "sản phẩm", "\x00", "\ufeff", "ĐVT: tỷ đồng",
]  # fmt: skip
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats(allow_nan=True)
    | st.text(max_size=6)
    | st.sampled_from(CELLS),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                ["number", "year", "budget", "activities", "targets", "facts", "lines", "title",
                 "amount", "unit", "totals", "value", "on", "indicator", "criteria", "sheet",
                 "members", "product", "event", "schema", "id", "window", "comparison"]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=15,
)  # fmt: skip
SPECIAL = [
    b"",
    b"\xff\xfe\x00a",
    b"\x00\x01\x02",
    "é".encode("latin-1"),
    b"[" * 100_000,
    b'{"amount": ' + b"9" * 5000 + b"}",
    b"x = " + b"9" * 5000,
    ("title,amount_vnd\n" + "A,1\n" * 3).encode(),
]


def _texts() -> st.SearchStrategy[bytes]:
    table = st.builds(
        lambda header, rows, sep: (
            header.replace(",", sep) + "\n" + "\n".join(sep.join(r) for r in rows) + "\n"
        ).encode("utf-8", "surrogatepass"),
        st.sampled_from(HEADERS),
        st.lists(st.lists(st.sampled_from(CELLS) | st.text(max_size=5), max_size=7), max_size=6),
        st.sampled_from([",", ";"]),
    )
    document = JSON_VALUES.map(lambda v: json.dumps(v).encode())
    lines = st.lists(JSON_VALUES.map(json.dumps), max_size=4).map(lambda x: "\n".join(x).encode())
    return table | document | lines | st.sampled_from(SPECIAL)


COMMANDS = [
    ["budget", "check", "{f}.csv", "--format", "json"],
    ["budget", "check", "{f}.json"],
    ["budget", "check", "{f}.toml"],
    ["budget", "report", "{f}.csv", "--by", "responsible"],
    ["budget", "convert", "{f}.csv", "--to", "toml"],
    ["budget", "convert", "{f}.json", "--to", "csv"],
    ["plan", "check", "{f}.toml"],
    ["plan", "check", "{f}.json", "--format", "json"],
    ["plan", "check", "{d}"],
    ["plan", "convert", "{f}.json", "--to", "toml", "-o", "{f}.out.toml"],
    ["report", "{f}.json", "--format", "json"],
    ["report", "--events", "{f}.jsonl", "--format", "json"],
    ["rate", "{f}.json"],
    ["cycle", "replay", "{f}.jsonl", "--format", "json"],
]


def _run(argv: list[str]) -> int:
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
    try:
        return main(argv)
    finally:
        err = sys.stderr.getvalue()
        sys.stdout, sys.stderr = stdout, stderr
        assert "internal error" not in err, err
        assert "Traceback" not in err, err


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=_texts(), command=st.sampled_from(COMMANDS))
def test_no_input_reaches_exit_3(tmp_path: Path, data: bytes, command: list[str]) -> None:
    base = tmp_path / "f"
    for suffix in (".csv", ".json", ".toml", ".jsonl"):
        Path(f"{base}{suffix}").write_bytes(data)
    folder = tmp_path / "d"
    folder.mkdir(exist_ok=True)
    for name in ("activities.csv", "targets.csv", "budget.csv"):
        (folder / name).write_bytes(data)
    argv = [a.format(f=base, d=folder) for a in command]
    assert _run(argv) in (0, 1, 2)


@pytest.mark.parametrize(
    "argv",
    [
        ["money", "read", "một " + "nghìn " * 3000],
        ["money", "read", "một " + "tỷ " * 300],
        ["money", "words", "9" * 5000],
        ["money", "format", "9" * 100],
        ["money", "read", "hai triệu mốt"],
    ],
)
def test_money_never_fails_inside(argv: list[str]) -> None:
    assert _run(argv) in (0, 1, 2)


def test_huge_amount_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "b.csv"
    path.write_text(f"TT,Nội dung,Kinh phí (đồng)\n1,A,{'9' * 100}\n2,B,5\n", "utf-8")
    assert main(["budget", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:2: Kinh phí (đồng): a figure of 100 digits is too large" in out


class _Failing(io.TextIOWrapper):
    """A standard output whose disk is full, or whose reader has gone."""

    def __init__(self, error: OSError) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8")
        self.error = error

    def write(self, s: str) -> int:
        raise self.error

    def flush(self) -> None:
        raise self.error

    def fileno(self) -> int:
        raise io.UnsupportedOperation("no descriptor")


@pytest.mark.parametrize(
    "error", [OSError(errno.ENOSPC, "No space left on device"), BrokenPipeError(errno.EPIPE, "")]
)
@pytest.mark.parametrize(
    "argv", [["report"], ["budget", "report"], ["criteria", "list"], ["plan", "schema"]]
)
def test_a_failing_standard_output_exits_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: OSError,
    argv: list[str],
) -> None:
    monkeypatch.setattr(sys, "stdout", _Failing(error))
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("ocop: cannot write the output: ")
    assert not any("internal error" in line for line in err)

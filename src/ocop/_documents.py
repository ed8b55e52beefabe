"""Reading the text of a JSON or TOML document, the same way for every kind of document."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from typing import Any, Literal

from ocop.errors import OcopInputError, OcopValueError

__all__ = ["DuplicateKeyError", "dump_toml", "loads_json", "not_text", "parse_document"]


def not_text(head: bytes) -> str | None:
    """Why the bytes a file starts with are not UTF-8 text we can read, or ``None``.

    UTF-16 (what some spreadsheet programs save as "Unicode text") is named as such, since it
    is text, only in an encoding ocop does not read; other bytes with NULs are binary.
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "this is UTF-16 text; save the file as UTF-8"
    if b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and (even.count(0) > len(even) * 0.3 or odd.count(0) > len(odd) * 0.3):
        return "this looks like UTF-16 text; save the file as UTF-8"
    return "this is a binary file, not UTF-8 text"


class DuplicateKeyError(ValueError):
    """A JSON object names the same key twice: which value was meant cannot be known."""

    def __init__(self, key: str) -> None:
        super().__init__(f"the key {key!r} appears twice in one object")
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise DuplicateKeyError(key)
        out[key] = value
    return out


def loads_json(text: str, **kwargs: Any) -> Any:
    """``json.loads`` that refuses an object naming a key twice
    ([`DuplicateKeyError`][ocop._documents.DuplicateKeyError]).

    The standard reader silently keeps the last value, so ``{"year": 2019, "year": 2020}``
    would be read as 2020 without a word; a document that says two things is unusable.
    """
    return json.loads(text, object_pairs_hook=_no_duplicates, **kwargs)


def parse_document(text: str, *, format: Literal["json", "toml"], name: str) -> object:
    """The data of a JSON or TOML document.

    Raises:
        OcopInputError: The text is empty or not JSON/TOML; the message names ``name`` and,
            for JSON, the line.
    """
    if not text.strip():
        raise OcopInputError(f"{name}: the file is empty")
    try:
        return loads_json(text) if format == "json" else tomllib.loads(text)
    except DuplicateKeyError as exc:
        raise OcopInputError(f"{name}: {exc}; each key may appear once") from None
    except json.JSONDecodeError as exc:
        raise OcopInputError(
            f"{name}:{exc.lineno}: not JSON ({exc.msg}, column {exc.colno})"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise OcopInputError(f"{name}: not TOML ({exc})") from None
    except RecursionError:
        raise OcopInputError(f"{name}: the document is nested too deeply to read") from None


def dump_toml(data: dict[str, Any]) -> str:
    """``data`` as a TOML document: top-level tables and lists of tables as sections, anything
    deeper inline; strings in basic-string form (JSON escapes are valid TOML escapes, and a raw
    DEL is escaped as TOML requires)."""
    return _toml(data) + "\n"


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False).replace("\x7f", "\\u007F")
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(x)}" for k, x in v.items()) + " }"
    raise OcopValueError(f"cannot write {type(v).__name__} to TOML")  # pragma: no cover


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _toml(data: dict[str, Any], prefix: str = "") -> str:
    """``data`` as TOML: the top level's tables (``budget``) and lists of tables as sections,
    anything deeper inline."""

    def section(v: Any) -> bool:
        return _is_table_list(v) or (not prefix and isinstance(v, dict))

    scalars = [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in data.items() if not section(v)]
    out = ["\n".join(scalars)] if scalars else []
    for k, v in data.items():
        if section(v) and isinstance(v, dict):
            name = f"{prefix}{_toml_key(k)}"
            out.append(f"[{name}]\n" + _toml(v, f"{name}.").lstrip("\n"))
    for k, v in data.items():
        if _is_table_list(v):
            name = f"{prefix}{_toml_key(k)}"
            out.extend(f"[[{name}]]\n" + _toml(item, f"{name}.").lstrip("\n") for item in v)
    return "\n\n".join(x for x in out if x)


def _is_table_list(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)

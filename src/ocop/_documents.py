"""Reading the text of a JSON or TOML document, the same way for every kind of document.

The edge of every document reader in ocop:

* [`load_json`][ocop._documents.load_json] is the one JSON loader: a key named twice, nesting too
  deep for Python and integers too long to convert are refused
  ([`JsonError`][ocop._documents.JsonError]), never half-read;
* [`parse_document`][ocop._documents.parse_document] reads a whole JSON or TOML document and raises
  [`OcopInputError`][ocop.errors.OcopInputError] naming the file when it is not one;
* [`document_problems`][ocop._documents.document_problems] is the one translator from pydantic's
  errors to located problems, and [`json_type`][ocop._documents.json_type] the one word for each
  JSON type in their messages.

The loader contract (every ``load_*``/``read_*`` function of ocop follows it): a reader
returns a [`Result`][ocop.problems.Result] holding what it could read and every problem *in*
the data, located; it raises [`OcopInputError`][ocop.errors.OcopInputError] only when the input
cannot be used at all (missing, unreadable, not text, not the format it claims, the wrong kind of
document at its top level).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import pydantic

from ocop._i18n import tr
from ocop.errors import OcopInputError, OcopValueError
from ocop.problems import Location, Problem

__all__ = [
    "DuplicateKeyError",
    "Figure",
    "JsonError",
    "document_problems",
    "dump_toml",
    "json_path",
    "json_type",
    "load_json",
    "loads_json",
    "not_text",
    "parse_document",
    "read_text_file",
]

#: A figure in a document: a whole number, or a string in the one convention of
#: ocop.figures (``"1.500"``, ``"97,5"``); never ``true``/``false`` and never a float,
#: which could not stay exact.
Figure = pydantic.StrictInt | pydantic.StrictStr


def not_text(head: bytes) -> str | None:
    """Why the bytes a file starts with are not UTF-8 text we can read, or ``None``.

    UTF-16 (what some spreadsheet programs save as "Unicode text") is named as such, since it
    is text, only in an encoding ocop does not read; other bytes with NULs are binary.
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return tr("this is UTF-16 text; save the file as UTF-8")
    if b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and (even.count(0) > len(even) * 0.3 or odd.count(0) > len(odd) * 0.3):
        return tr("this looks like UTF-16 text; save the file as UTF-8")
    return tr("this is a binary file, not UTF-8 text")


def read_text_file(path: str | Path) -> str:
    """The UTF-8 text of the file at ``path``, without a byte-order mark.

    Raises:
        OcopInputError: The file is missing, a folder, unreadable, binary, UTF-16 or not
            UTF-8; the message names it and says which.
    """
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise OcopInputError(tr("{path}: no such file", path=name)) from None
    except IsADirectoryError:
        raise OcopInputError(tr("{path}: is a directory, not a file", path=name)) from None
    except OSError as exc:
        raise OcopInputError(
            tr("{path}: cannot read ({why})", path=name, why=exc.strerror or exc)
        ) from None
    why = not_text(raw[:8192])
    if why is not None:
        raise OcopInputError(f"{name}: {why}")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise OcopInputError(
            tr(
                "{path}: not UTF-8 text (byte {byte}); save the file as UTF-8",
                path=name,
                byte=exc.start + 1,
            )
        ) from None


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
    Prefer [`load_json`][ocop._documents.load_json], which turns every refusal into one error type.
    """
    return json.loads(text, object_pairs_hook=_no_duplicates, **kwargs)


class JsonError(OcopInputError):
    """Text that is not usable JSON.

    Attributes:
        reason: Why, in words (``"Expecting value"``, ``"nested too deeply"``…).
        line: The line of the text where reading stopped, when known.
        column: The column, when known.
        key: The key named twice in one object, when that is why.
    """

    def __init__(
        self,
        reason: str,
        *,
        usable: bool = False,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
    ) -> None:
        self.reason, self.line, self.column, self.key = reason, line, column, key
        self.prefix = "not usable JSON" if usable else "not JSON"
        super().__init__(self.describe())

    def describe(self, *, lines: bool = True) -> str:
        """The message: ``not JSON: Expecting value (line 1, column 14)``; ``lines=False``
        leaves the line out (for a text of one line, or when the caller names it)."""
        where = []
        if lines and self.line is not None:
            where.append(tr("line {line}", line=self.line))
        if self.column is not None:
            where.append(tr("column {column}", column=self.column))
        at = f" ({', '.join(where)})" if where else ""
        return f"{self.prefix}: {self.reason}{at}"


def load_json(text: str | bytes, *, exact: bool = False) -> Any:
    """The value of a JSON text: the one JSON loader of ocop.

    Args:
        text: The JSON text.
        exact: Read numbers with a fraction as `Decimal` (exact), not float.

    Raises:
        JsonError: The text is not JSON, names a key twice in one object, is nested too
            deeply, or holds an integer too long to read.
    """
    try:
        return loads_json(text, parse_float=Decimal) if exact else loads_json(text)  # type: ignore[arg-type]
    except DuplicateKeyError as exc:
        raise JsonError(f"{exc}; each key may appear once", usable=True, key=exc.key) from None
    except json.JSONDecodeError as exc:
        raise JsonError(exc.msg, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise JsonError("nested too deeply", usable=True) from None
    except ValueError:  # the only other refusal of json.loads: an integer too long to read
        raise JsonError("a number has too many digits", usable=True) from None


def parse_document(text: str, *, format: Literal["json", "toml"], name: str) -> object:
    """The data of a JSON or TOML document.

    Raises:
        OcopInputError: The text is empty or not JSON/TOML; the message names ``name`` and,
            for JSON, the line.
    """
    if not text.strip():
        raise OcopInputError(tr("{file}: the file is empty", file=name))
    if format == "json":
        try:
            return load_json(text)
        except JsonError as exc:
            at = f"{name}:{exc.line}" if exc.line is not None else name
            raise OcopInputError(f"{at}: {exc.describe(lines=False)}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise OcopInputError(tr("{file}: not TOML ({why})", file=name, why=exc)) from None
    except RecursionError:
        raise OcopInputError(tr("{file}: not usable TOML: nested too deeply", file=name)) from None
    except ValueError:  # an integer too long to convert
        raise OcopInputError(
            tr("{file}: not usable TOML: a number has too many digits", file=name)
        ) from None


# ----------------------------------------------------------------------------- problems

_JSON_TYPES: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (type(None), "null"),
    ((int, float, Decimal), "a number"),
    (str, "a string"),
    (list, "an array"),
    (dict, "an object"),
    ((dt.date, dt.time), "a date"),
)


def json_type(value: object) -> str:
    """The one word for the JSON type of a value read from a document, as JSON names it:
    ``null``, ``true``, ``false``, ``a number``, ``a string``, ``an array``, ``an object``
    (and ``a date`` for TOML's dates)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    for kinds, word in _JSON_TYPES:
        if isinstance(value, kinds):
            return word
    return "something else"


def json_path(loc: Iterable[int | str], root: str = "$") -> str:
    """A JSON-style path: ``$.lines[3].amount``; keys that are not names are quoted."""
    out = root
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}"
        else:
            out += "[" + json.dumps(part, ensure_ascii=False) + "]"
    return out


# What each member of a union takes (pydantic names the member in an error's location), and
# how to say it.
_MEMBERS: dict[str, tuple[tuple[type, ...], str]] = {
    "int": ((int,), "a whole number"),
    "str": ((str,), "a string"),
    "bool": ((bool,), "true or false"),
    "date": ((dt.date, str), "a date"),
    "list": ((list,), "an array"),
    "dict": ((dict,), "an object"),
}


def _member(tag: str | int) -> tuple[tuple[type, ...], str] | None:
    if not isinstance(tag, str):
        return None
    if tag in _MEMBERS:
        return _MEMBERS[tag]
    if tag[:1].isupper() and tag.isidentifier():  # a model: "BudgetDocument"
        return (dict,), "an object"
    if tag.startswith("list["):
        return (list,), "an array"
    return None


def _at(data: object, loc: Iterable[int | str]) -> object:
    for part in loc:
        if isinstance(data, Mapping) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _takes(kinds: tuple[type, ...], value: object) -> bool:
    if isinstance(value, bool):
        return bool in kinds
    return isinstance(value, kinds)


def _message(err: Mapping[str, Any]) -> str:
    kind = err.get("type")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field"
    msg = str(err.get("msg", "invalid value"))
    text = msg[:1].lower() + msg[1:]
    # The document is JSON (or TOML): name its kinds as JSON does, whichever mode read it.
    for python, word in (
        ("a valid dictionary", "an object"),
        ("a valid list", "an array"),
        ("a valid array", "an array"),
    ):
        text = text.replace(python, word)
    if "input" in err:
        text += f" (got {json.dumps(err['input'], ensure_ascii=False, default=str)[:60]})"
    return text


_FLOAT = (
    "a number with decimals cannot stay exact here: write a whole number, or the figure "
    'as a string ("97,5")'
)


def document_problems(
    exc: pydantic.ValidationError,
    *,
    code: str,
    file: str | None,
    data: object = None,
    prefix: tuple[int | str, ...] = (),
    root: str = "$",
) -> list[Problem]:
    """pydantic's errors as located problems: one per place, in words about the document.

    A value that a union (``int | str``) does not take gets one problem that says what may be
    written there, not one per member; when a member takes the value's type, only that
    member's problem is kept.

    Args:
        exc: The validation error.
        code: The problem code (``"budget.document"``, ``"plan.schema"``…).
        file: The document's name.
        data: The data validated, to see which member of a union a value is meant for.
        prefix: Where the validated data sits in the document (``("lines", 3)``).
        root: The path of the document's top (``"$"``, ``"$[2]"``).
    """
    errors = exc.errors()
    split = []
    members: dict[tuple[int | str, ...], list[str]] = {}
    for err in errors:
        clean: list[int | str] = []
        tags: list[tuple[tuple[int | str, ...], str]] = []
        for part in err["loc"]:
            if isinstance(part, str) and _member(part) is not None and part not in ("date",):
                tags.append((tuple(clean), part))
                found = members.setdefault(tuple(clean), [])
                if part not in found:
                    found.append(part)
            else:
                clean.append(part)
        split.append((err, tuple(clean), tags))
    out: dict[str, Problem] = {}
    for err, where, tags in split:
        loc = where
        message: str | None = None
        skip = False
        for at, tag in tags:
            value = _at(data, at)
            kinds, _ = _member(tag) or ((), "")
            if _takes(kinds, value):
                continue  # the member meant for this value: its error is the one to say
            if any(_takes((_member(m) or ((), ""))[0], value) for m in members[at]):
                skip = True
                break
            loc = at
            if isinstance(value, float):
                message = _FLOAT
            else:
                words = list(dict.fromkeys((_member(m) or ((), m))[1] for m in members[at]))
                if "a whole number" in words and "a string" in words:
                    words[words.index("a string")] = 'a figure as a string ("6.422,5")'
                allowed = " or ".join(words)
                if len(words) > 2:
                    allowed = ", ".join(words[:-1]) + " or " + words[-1]
                message = f"write {allowed} here (got {json_type(value)})"
            break
        if skip:
            continue
        path = json_path(prefix + loc, root)
        if path not in out:
            out[path] = Problem(
                code=code,
                message=message if message is not None else _message(err),
                where=Location(file=file, path=path),
            )
    return list(out.values())


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

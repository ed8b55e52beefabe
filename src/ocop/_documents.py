"""Reading the text of a JSON or TOML document, the same way for every kind of document."""

from __future__ import annotations

import json
import tomllib
from typing import Literal

from ocop.errors import OcopInputError

__all__ = ["parse_document"]


def parse_document(text: str, *, format: Literal["json", "toml"], name: str) -> object:
    """The data of a JSON or TOML document.

    Raises:
        OcopInputError: The text is empty or not JSON/TOML; the message names ``name`` and,
            for JSON, the line.
    """
    if not text.strip():
        raise OcopInputError(f"{name}: the file is empty")
    try:
        return json.loads(text) if format == "json" else tomllib.loads(text)
    except json.JSONDecodeError as exc:
        raise OcopInputError(
            f"{name}:{exc.lineno}: not JSON ({exc.msg}, column {exc.colno})"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise OcopInputError(f"{name}: not TOML ({exc})") from None
    except RecursionError:
        raise OcopInputError(f"{name}: the document is nested too deeply to read") from None

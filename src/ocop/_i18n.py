"""The language of everything a person reads: one message catalogue, one current language.

Every user-facing sentence (problems, warnings, table headings, report text) is written in the
code as an English template and passed through [`tr`][ocop._i18n.tr], which looks it up in the
current language's catalogue and fills in its named fields::

    tr("stated subtotal {stated} ≠ sum of children {total}", stated=a, total=b)

The current language is a context variable: [`set_language`][ocop._i18n.set_language] for a whole
program (the ``ocop`` command sets it from ``--lang``), [`use_language`][ocop._i18n.use_language]
for a block. Problem codes never change with the language.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import Literal

__all__ = ["LANGUAGES", "Language", "language", "set_language", "tr", "use_language"]

Language = Literal["vi", "en"]

#: The languages of the catalogue; the first is the default.
LANGUAGES: tuple[Language, ...] = ("vi", "en")

_current: contextvars.ContextVar[Language] = contextvars.ContextVar("ocop_language", default="vi")


def language() -> Language:
    """The current language."""
    return _current.get()


def set_language(lang: Language) -> None:
    """Make ``lang`` the current language from now on (in this context)."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)} (got {lang!r})")
    _current.set(lang)


@contextlib.contextmanager
def use_language(lang: Language) -> Iterator[None]:
    """Make ``lang`` the current language inside a ``with`` block."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)} (got {lang!r})")
    token = _current.set(lang)
    try:
        yield
    finally:
        _current.reset(token)


def tr(msgid: str, /, **params: object) -> str:
    """``msgid`` (an English template) in the current language, its ``{fields}`` filled in."""
    return msgid.format(**params) if params else msgid

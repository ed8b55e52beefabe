"""The language of everything a person reads: one message catalogue, one current language.

Every user-facing sentence (problems, warnings, table headings, report text) is written in the
code as an English template and passed through [`tr`][ocop._i18n.tr], which looks it up in the
current language's catalogue and fills in its named fields::

    tr("stated subtotal {stated} ≠ sum of children {total}", stated=a, total=b)

The catalogues are gettext catalogues shipped with the package
(``ocop/locale/<lang>/LC_MESSAGES/ocop.po`` and its compiled ``.mo``); the English templates
are the message ids, so English needs no catalogue. ``scripts/i18n.py`` extracts the templates
from the source with Babel, updates the ``.po`` files and compiles them; the tests fail on any
template that has no translation.

Rules for callers:

* the template is a string literal (never an f-string: the catalogue could not hold it), with
  named ``{fields}``; a translation keeps the same fields;
* figures in a message are formatted for the language before they are passed in
  ([`format_number`][ocop.numbers.format_number]), never with ``str()`` or an f-string;
* problem codes never go through [`tr`][ocop._i18n.tr]: they are the same in every language.

The current language is a context variable: [`set_language`][ocop._i18n.set_language] for a
whole program, [`use_language`][ocop._i18n.use_language] for a block (the ``ocop`` command uses
it for ``--lang``). Its default is the ``OCOP_LANG`` environment variable when that names a
language, Vietnamese otherwise.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gettext
import os
from collections.abc import Iterator
from importlib import resources
from typing import Literal

__all__ = [
    "LANGUAGES",
    "Language",
    "default_language",
    "language",
    "set_language",
    "tr",
    "trn",
    "use_language",
]

Language = Literal["vi", "en"]

#: The languages of the catalogue; the first is the default.
LANGUAGES: tuple[Language, ...] = ("vi", "en")

#: The gettext domain of ocop's catalogues.
DOMAIN = "ocop"

#: The environment variable that chooses the default language.
ENV = "OCOP_LANG"

_current: contextvars.ContextVar[Language | None] = contextvars.ContextVar(
    "ocop_language", default=None
)


def default_language() -> Language:
    """The language used when none was set: ``$OCOP_LANG`` if it names one, else ``"vi"``."""
    env = os.environ.get(ENV, "").strip().lower()
    for lang in LANGUAGES:
        if env == lang:
            return lang
    return LANGUAGES[0]


def language() -> Language:
    """The current language."""
    return _current.get() or default_language()


def _check(lang: object) -> Language:
    for known in LANGUAGES:
        if lang == known:
            return known
    raise ValueError(f"language must be one of {', '.join(LANGUAGES)} (got {lang!r})")


def set_language(lang: Language) -> None:
    """Make ``lang`` the current language from now on (in this context)."""
    _current.set(_check(lang))


@contextlib.contextmanager
def use_language(lang: Language) -> Iterator[None]:
    """Make ``lang`` the current language inside a ``with`` block."""
    token = _current.set(_check(lang))
    try:
        yield
    finally:
        _current.reset(token)


@functools.cache
def catalogue(lang: Language) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English: the templates themselves)."""
    if lang == "en":
        return gettext.NullTranslations()
    mo = resources.files("ocop").joinpath("locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    with mo.open("rb") as fp:
        return gettext.GNUTranslations(fp)


def tr(msgid: str, /, **params: object) -> str:
    """``msgid`` (an English template) in the current language, its ``{fields}`` filled in.

    A template missing from the catalogue falls back to the English template (the tests make
    sure none is missing).
    """
    text = catalogue(language()).gettext(msgid)
    return text.format(**params) if params else text


def trn(singular: str, plural: str, n: int, /, **params: object) -> str:
    """The template for ``n`` things (``singular`` or ``plural``) in the current language.

    ``n`` is also passed to the template as ``{n}``, already written for the language.
    Vietnamese has one form for every number; English two.
    """
    from ocop.numbers import format_number

    text = catalogue(language()).ngettext(singular, plural, n)
    return text.format(n=format_number(n), **params)

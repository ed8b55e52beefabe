"""Vietnamese text as ocop reads it: normalised on the way in, folded for matching.

Text imported from PDFs and spreadsheets arrives in several shapes that look alike: decomposed
accents (NFD), the PDF-extraction letters ``ƣ``/``Ƣ`` (U+01A3/U+01A2, "oi" with a hook) where
the document has ``ư``/``Ư``, non-breaking and repeated spaces. [`normalize`][ocop.text.normalize]
gives one shape (NFC, the form Vietnamese standard TCVN 6909 and the web use);
[`fold`][ocop.text.fold] gives a key that matches names regardless of diacritics, case and spacing
(``"Đakrông"`` ~ ``"dakrong"``).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "normalize", "same"]

# The PDF fonts of provincial documents map ư/Ư to the glyphs of ƣ/Ƣ on extraction.
_PDF_LETTERS = str.maketrans({"\u01a3": "\u01b0", "\u01a2": "\u01af"})
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b]+")
# Anything normalize() would change: the PDF letters, whitespace other than a single inner
# space. Text without it (most fields) is returned as it is, which keeps loading fast.
_CLEAN_ALREADY = re.compile(r"[\u01a2\u01a3\u200b]|[^\S ]|  |^ | $").search
_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalize(text: str) -> str:
    """``text`` in NFC with ``ƣ``/``Ƣ`` read as ``ư``/``Ư`` and whitespace runs made one space.

    Leading and trailing whitespace is removed. Line breaks become spaces: use it on fields,
    not on whole documents.

    >>> normalize("Quảng  Trị\u00a0")
    'Quảng Trị'
    >>> normalize("Chƣơng trình")
    'Chương trình'
    """
    if _CLEAN_ALREADY(text) is None and unicodedata.is_normalized("NFC", text):
        return text
    text = unicodedata.normalize("NFC", text.translate(_PDF_LETTERS))
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """A key for matching names: no diacritics, lower case, words joined by one space.

    ``đ`` folds to ``d``; punctuation separates words.

    >>> fold("Đakrông") == fold("dakrong") == fold("ĐAKRÔNG")
    True
    >>> fold("UBND  huyện Hải Lăng")
    'ubnd huyen hai lang'
    """
    decomposed = unicodedata.normalize("NFD", normalize(text).translate(_FOLD_EXTRA))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub(" ", bare.translate(_FOLD_EXTRA)).strip()


def same(a: str, b: str) -> bool:
    """``True`` when ``a`` and ``b`` name the same thing once folded ([`fold`][ocop.text.fold])."""
    return fold(a) == fold(b)

"""What the generator scripts of this folder share: where things are, and how they write.

Every generator builds the text of one or more files, then either writes them or, with
``--check``, only compares them with what is committed and exits 1 when they differ, so that
the tests and CI can tell a stale file from a current one. A file whose text is already what
the generator produces is left untouched.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: The repository's root.
ROOT = Path(__file__).resolve().parents[1]
#: The shared folder beside the repository (legal texts, transcriptions, data sets).
SHARED = ROOT.parent / "shared"
#: The data shipped inside the package.
PACKAGE_DATA = ROOT / "src" / "ocop" / "data"


def dump_json(obj: Any, *, indent: int = 1) -> str:
    """``obj`` as the committed JSON files hold it: UTF-8 text as is, a final newline."""
    return json.dumps(obj, ensure_ascii=False, indent=indent) + "\n"


def shown(path: Path) -> Path:
    """``path`` relative to the repository's root when it lies inside it."""
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def is_stale(path: Path, text: str) -> bool:
    """Whether ``path`` is missing or holds something other than ``text``."""
    return not path.exists() or path.read_text(encoding="utf-8") != text


def write_or_check(target: Path, text: str, *, argv: list[str], how_to_regenerate: str) -> int:
    """Write ``text`` to ``target``; with ``--check`` in ``argv``, only compare.

    Returns the exit status: 1 when checking finds ``target`` stale, else 0.
    """
    stale = is_stale(target, text)
    if "--check" in argv:
        if stale:
            print(f"{shown(target)} is out of date: run {how_to_regenerate}", file=sys.stderr)
            return 1
        return 0
    if stale:
        target.write_text(text, encoding="utf-8")
    print(f"wrote {shown(target)}")
    return 0


def write_or_check_all(
    folder: Path, files: Mapping[str, str], *, check: bool, noun: str = "files"
) -> int:
    """Write each of ``files`` (name → text) into ``folder``; with ``check``, only compare.

    Returns the exit status: 1 when checking finds a file stale, else 0.
    """
    stale = [name for name, text in files.items() if is_stale(folder / name, text)]
    if check:
        for name in stale:
            print(f"out of date: {folder / name}", file=sys.stderr)
        return 1 if stale else 0
    folder.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (folder / name).write_text(files[name], encoding="utf-8")
    print(f"wrote {len(files)} {noun} to {folder} ({len(stale)} changed)")
    return 0

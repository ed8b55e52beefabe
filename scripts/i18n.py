"""Keep the message catalogues in step with the source, and compile them.

Every user-facing template is written in the code as ``tr("English template {field}", …)``
(:mod:`ocop._i18n`). This script extracts those templates with Babel's Python extractor, merges
them into each language's ``src/ocop/locale/<lang>/LC_MESSAGES/ocop.po`` (translations kept,
new templates added untranslated, vanished ones dropped) and compiles the ``.mo`` the package
reads at run time::

    python scripts/i18n.py           # update the .po files and compile them
    python scripts/i18n.py --check   # exit 1 if a .po or .mo is stale or a template untranslated

Translate by editing the ``.po`` file (``msgstr``), then run the script again.
"""

from __future__ import annotations

import datetime
import io
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder, also when loaded by path
from _generated import ROOT, shown

SOURCE = ROOT / "src" / "ocop"
LOCALE = SOURCE / "locale"
DOMAIN = "ocop"
#: The languages with a catalogue (English is the templates themselves).
TRANSLATED = ("vi",)
#: The call that marks a template: its first argument is the message id.
#: The date written into every compiled catalogue's header (see :func:`mo_bytes`).
FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
KEYWORDS: dict[str, tuple[int, ...] | None] = {"tr": None, "trn": (1, 2)}


def po_path(lang: str) -> Path:
    """Where the ``.po`` catalogue of ``lang`` lives."""
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    """Every template passed to ``tr`` in the package's source, with where it is used."""
    template = Catalog(domain=DOMAIN, project="ocop", fuzzy=False)
    found: Iterable[tuple[str, int, str | tuple[str, ...], list[str], object]] = extract_from_dir(
        str(SOURCE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, _context in found:
        if isinstance(message, tuple):
            if not all(message):
                continue
        elif not message:
            continue
        template.add(
            message,
            locations=[(f"src/ocop/{filename}", lineno)],
            auto_comments=comments,
            flags=("python-brace-format",) if "{" in str(message) else (),
        )
    return template


def read_catalogue(lang: str) -> Catalog:
    """The ``.po`` catalogue of ``lang`` as committed (an empty one if there is none)."""
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, project="ocop", fuzzy=False)
    with path.open("rb") as fp:
        return read_po(fp, locale=lang, domain=DOMAIN)


def updated(lang: str, template: Catalog) -> Catalog:
    """The catalogue of ``lang`` merged with ``template``: translations kept, obsolete dropped."""
    catalogue = read_catalogue(lang)
    catalogue.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalogue.obsolete.clear()
    catalogue.fuzzy = False
    return catalogue


def po_text(catalogue: Catalog) -> bytes:
    """The ``.po`` file of ``catalogue``: sorted by message, no line numbers (stable diffs)."""
    buf = io.BytesIO()
    write_po(
        buf,
        catalogue,
        width=100,
        omit_header=False,
        sort_output=True,
        include_lineno=False,
        ignore_obsolete=True,
    )
    return _stable_header(buf.getvalue())


def _stable_header(po: bytes) -> bytes:
    # Babel stamps the creation and revision dates; a date that changes on every run would make
    # the committed file stale at once.
    out = []
    for line in po.split(b"\n"):
        if line.startswith((b'"POT-Creation-Date:', b'"PO-Revision-Date:', b'"Generated-By:')):
            continue
        out.append(line)
    return b"\n".join(out)


def mo_bytes(catalogue: Catalog) -> bytes:
    """The compiled ``.mo`` of ``catalogue`` (fuzzy entries left out).

    Babel stamps the header with the time of compiling unless told otherwise; a fixed date
    makes the same ``.po`` compile to the same bytes on every run.
    """
    catalogue.creation_date = catalogue.revision_date = FIXED_DATE
    buf = io.BytesIO()
    write_mo(buf, catalogue, use_fuzzy=False)
    return buf.getvalue()


def untranslated(catalogue: Catalog) -> list[str]:
    """The message ids of ``catalogue`` without a usable translation."""
    missing = []
    for m in catalogue:
        if not m.id:
            continue
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.fuzzy or not all(strings):
            missing.append(str(m.id[0] if isinstance(m.id, tuple) else m.id))
    return missing


def main(argv: list[str]) -> int:
    check = "--check" in argv
    template = extract()
    status = 0
    for lang in TRANSLATED:
        catalogue = updated(lang, template)
        po, po_file = po_text(catalogue), po_path(lang)
        # Compile what the committed .po says, so that the .mo always matches the .po.
        with io.BytesIO(po) as fp:
            mo = mo_bytes(read_po(fp, locale=lang, domain=DOMAIN))
        mo_file = po_file.with_suffix(".mo")
        missing = untranslated(catalogue)
        for path, data in ((po_file, po), (mo_file, mo)):
            stale = not path.exists() or path.read_bytes() != data
            if check:
                if stale:
                    print(f"{shown(path)} is out of date: run python scripts/i18n.py")
                    status = 1
            elif stale:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                print(f"wrote {shown(path)}")
        if missing:
            print(f"{shown(po_file)}: {len(missing)} template(s) not translated:")
            for msgid in missing:
                print(f"  {msgid!r}")
            status = 1 if check else status
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

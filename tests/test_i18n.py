"""One language at a time: the catalogue behind ``tr``, and numbers per language."""

from __future__ import annotations

import ast
import importlib.util
import io
import re
import string
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from ocop._i18n import ENV, catalogue, language, set_language, tr, trn, use_language
from ocop.money import Unit, format_amount, parse_amount
from ocop.numbers import format_number, format_percent

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "ocop"
PO = SRC / "locale" / "vi" / "LC_MESSAGES" / "ocop.po"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("i18n_script", module)
    spec.loader.exec_module(module)
    return module


def _calls() -> list[tuple[str, int, ast.Call]]:
    """Every call of ``tr`` or ``trn`` in the package's source."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("tr", "trn")
            ):
                found.append((str(path.relative_to(ROOT)), node.lineno, node))
    return found


def _fields(template: str) -> set[str]:
    return {
        name.split("!")[0].split(".")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name is not None
    }


def _vi() -> dict[str, str]:
    with PO.open("rb") as fp:
        cat = read_po(fp, locale="vi")
    out = {}
    for m in cat:
        if not m.id:
            continue
        if isinstance(m.id, tuple):
            out[m.id[0]] = m.string[0] if m.string else ""
            out[m.id[1]] = m.string[0] if m.string else ""
        else:
            out[m.id] = "" if m.fuzzy else m.string
    return out


def test_every_template_is_a_literal_with_the_fields_it_is_given() -> None:
    calls = _calls()
    assert len(calls) > 30
    bad = []
    for where, line, call in calls:
        n = 2 if call.func.id == "trn" else 1  # type: ignore[attr-defined]
        templates = call.args[:n]
        if len(templates) < n or not all(
            isinstance(t, ast.Constant) and isinstance(t.value, str) for t in templates
        ):
            bad.append(f"{where}:{line}: the template is not a string literal")
            continue
        given_names = {k.arg for k in call.keywords}
        if None in given_names:
            continue  # **params: checked where they are built
        given_names |= {"n"} if call.func.id == "trn" else set()  # type: ignore[attr-defined]
        for t in templates:
            wanted = _fields(t.value)  # type: ignore[attr-defined]
            if wanted - {"n"} != given_names - {"n"}:
                bad.append(
                    f"{where}:{line}: {t.value!r} has {sorted(wanted)}, given {sorted(given_names)}"
                )  # type: ignore[attr-defined]
    assert bad == []


def test_every_template_has_a_vietnamese_translation_with_the_same_fields() -> None:
    vi = _vi()
    missing, wrong = [], []
    for where, line, call in _calls():
        for t in call.args[: 2 if call.func.id == "trn" else 1]:  # type: ignore[attr-defined]
            if not isinstance(t, ast.Constant):
                continue
            text = vi.get(t.value, "")
            if not text:
                missing.append(f"{where}:{line}: {t.value!r}")
            elif _fields(text) != _fields(t.value):
                wrong.append(f"{t.value!r} → {text!r}")
    assert missing == [], "run python scripts/i18n.py, then translate in " + str(PO)
    assert wrong == []


def test_babel_extracts_the_same_templates_as_the_source_holds() -> None:
    script = _script()
    extracted = {m.id[0] if isinstance(m.id, tuple) else m.id for m in script.extract() if m.id}
    in_source = {
        call.args[0].value  # type: ignore[attr-defined]
        for _, _, call in _calls()
        if call.args and isinstance(call.args[0], ast.Constant)
    }
    assert extracted == in_source


def test_the_catalogue_files_are_current_and_the_mo_is_the_po_compiled() -> None:
    script = _script()
    shipped_mo = PO.with_suffix(".mo").read_bytes()
    with PO.open("rb") as fp:
        assert script.mo_bytes(read_po(fp, locale="vi", domain="ocop")) == shipped_mo
    assert script.main(["--check"]) == 0


def test_vietnamese_translations_are_nfc() -> None:
    import unicodedata

    assert all(unicodedata.is_normalized("NFC", v) for v in _vi().values())


def test_tr_follows_the_current_language() -> None:
    with use_language("vi"):
        assert tr("row {row}", row=5) == "dòng 5"
        assert trn("{n} warning", "{n} warnings", 1200) == "1.200 cảnh báo"
    with use_language("en"):
        assert tr("row {row}", row=5) == "row 5"
        assert trn("{n} warning", "{n} warnings", 1) == "1 warning"
        assert trn("{n} warning", "{n} warnings", 1200) == "1,200 warnings"


def test_the_default_is_vietnamese_and_ocop_lang_chooses_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(ENV)
    assert language() == "vi"
    monkeypatch.setenv(ENV, "EN")
    assert language() == "en"
    monkeypatch.setenv(ENV, "fr")
    assert language() == "vi"


def test_unknown_languages_are_refused() -> None:
    with pytest.raises(ValueError, match="must be one of vi, en"):
        set_language("fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="must be one of vi, en"), use_language("de"):  # type: ignore[arg-type]
        pass


def test_a_template_missing_from_the_catalogue_falls_back_to_english() -> None:
    with use_language("vi"):
        assert tr("no such template {x}", x=1) == "no such template 1"
    assert catalogue("en").gettext("anything") == "anything"


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("value", "places", "vi", "en"),
    [
        (Decimal("3822.33"), None, "3.822,33", "3,822.33"),
        (Decimal("1.734"), 2, "1,73", "1.73"),
        (Decimal("1.735"), 2, "1,74", "1.74"),
        (Decimal("-1.735"), 2, "-1,74", "-1.74"),
        (1_234_567, None, "1.234.567", "1,234,567"),
        (999, None, "999", "999"),
        (0, 2, "0,00", "0.00"),
        (Fraction(221, 3), 2, "73,67", "73.67"),
        (Fraction(10, 2), None, "5", "5"),
        (Decimal("100"), 2, "100,00", "100.00"),
        (Decimal("1E+3"), None, "1.000", "1,000"),
    ],
)
def test_numbers_in_each_language(
    value: int | Decimal | Fraction, places: int | None, vi: str, en: str
) -> None:
    assert format_number(value, places=places, lang="vi") == vi
    assert format_number(value, places=places, lang="en") == en


def test_percent_in_each_language() -> None:
    assert format_percent(Decimal("1.734"), lang="vi") == "1,73 %"
    assert format_percent(Decimal("59.52"), lang="en") == "59.52%"
    with use_language("vi"):
        assert format_percent(100, places=0) == "100 %"


def test_numbers_refuse_floats_and_inexact_fractions() -> None:
    with pytest.raises(TypeError):
        format_number(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="places"):
        format_number(Fraction(1, 3))
    with pytest.raises(ValueError, match="not a number"):
        format_number(Decimal("NaN"))


@given(st.integers(min_value=-(10**40), max_value=10**40), st.sampled_from(list(Unit)))
def test_amounts_in_either_language_read_back_exactly(dong: int, unit: Unit) -> None:
    vi = format_amount(dong, unit, lang="vi")
    assert parse_amount(vi) == dong
    en = format_amount(dong, unit, lang="en")
    # English swaps the two symbols and names the unit in English; nothing else changes.
    swapped = en.translate(str.maketrans({",": ".", ".": ","}))
    assert swapped.split(" ")[0] == vi.split(" ")[0]
    assert re.fullmatch(
        r"-?\d{1,3}(,\d{3})*(\.\d+)? (VND|thousand VND|million VND|billion VND)", en
    )


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, min_value=-(10**30), max_value=10**30
    )
)
def test_a_number_has_one_style_per_language(value: Decimal) -> None:
    vi = format_number(value, places=4, lang="vi")
    en = format_number(value, places=4, lang="en")
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d{4}", vi)
    assert re.fullmatch(r"-?\d{1,3}(,\d{3})*\.\d{4}", en)
    assert Decimal(en.replace(",", "")) == value


def test_the_po_file_is_read_by_babel_without_errors() -> None:
    with PO.open("rb") as fp:
        data = fp.read()
    cat = read_po(io.BytesIO(data), locale="vi", abort_invalid=True)
    assert len(cat) > 30

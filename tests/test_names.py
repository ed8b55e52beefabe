"""Types and names an implementer can lean on: enumerations, properties, the licence."""

from __future__ import annotations

import enum
import importlib
import pkgutil
import tomllib
from types import ModuleType

import pytest

import ocop
from helpers import ROOT
from ocop._enums import OcopEnum
from ocop.cycle import Event
from ocop.errors import OcopValueError
from ocop.rating import get_criteria_set


def _modules() -> list[ModuleType]:
    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(ocop.__path__, "ocop.")
        if not info.name.endswith("__main__")
    ]


def _enumerations() -> list[type[enum.Enum]]:
    _modules()
    found: list[type[enum.Enum]] = []
    todo: list[type[enum.Enum]] = [OcopEnum]
    while todo:
        cls = todo.pop()
        found.extend(c for c in cls.__subclasses__() if len(c))
        todo.extend(cls.__subclasses__())
    return sorted(set(found), key=lambda c: c.__qualname__)


def test_every_enumeration_is_an_ocop_enum() -> None:
    """No enumeration in ocop is a plain enum.Enum (its error would be a bare ValueError)."""
    plain = []
    for module in _modules():
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, enum.Enum)
                and value.__module__ == module.__name__
                and not issubclass(value, OcopEnum)
            ):
                plain.append(f"{module.__name__}.{value.__qualname__}")
    assert not plain


@pytest.mark.parametrize("cls", _enumerations(), ids=lambda c: c.__qualname__)
def test_an_unknown_value_lists_the_known_ones(cls: type[enum.Enum]) -> None:
    with pytest.raises(OcopValueError) as raised:
        cls("no such value ×")
    message = str(raised.value)
    assert f"'no such value ×' is not a valid {cls.__name__}" in message
    for member in cls:
        assert repr(member.value) in message
    # Known values and their other spellings still work.
    for member in cls:
        assert cls(member.value) is member


def test_a_misspelt_event_names_the_right_one() -> None:
    with pytest.raises(OcopValueError, match=r"not a valid EventKind .*'approve_plan'"):
        Event.of("aprove_plan")
    assert Event.of("Approve plan").kind.value == "approve_plan"


def test_a_sheets_criteria_read_as_data() -> None:
    sheet = get_criteria_set("26/2026/QĐ-TTg").sheets[0]
    codes = [c.code for c in sheet.criteria]
    assert codes
    assert codes == [c.code for p in sheet.parts for g in p.groups for c in g.criteria]
    assert sheet.criterion(codes[0]) is sheet.criteria[0]


def test_the_licence_is_the_one_pyproject_names() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["license"]
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert declared == "MIT"
    assert text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in text

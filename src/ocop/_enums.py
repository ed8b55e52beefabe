"""The base of every enumeration in ocop: an unknown value is refused with the known ones.

``EventKind("aprove_plan")`` raises [`OcopValueError`][ocop.errors.OcopValueError] naming the
enumeration and listing every value it knows, instead of the bare ``ValueError`` of
`enum.Enum`. An enumeration that reads other spellings (aliases, Vietnamese names) says so
in ``_alias``.
"""

from __future__ import annotations

import enum

from ocop.errors import OcopValueError

__all__ = ["OcopEnum"]


class OcopEnum(enum.Enum):
    """An `enum.Enum` whose unknown values raise ``OcopValueError`` listing the known ones."""

    @classmethod
    def _alias(cls, value: object) -> OcopEnum | None:
        """The member another spelling ``value`` stands for, or None (none by default)."""
        return None

    @classmethod
    def _missing_(cls, value: object) -> OcopEnum:
        found = cls._alias(value)
        if found is not None:
            return found
        known = ", ".join(repr(member.value) for member in cls)
        raise OcopValueError(f"{value!r} is not a valid {cls.__name__} (known: {known})")

"""How a council works: the settings a province fixes in its council's rules (quy chế).

No national text sets a council's size, its quorum or how far apart its members' scores may
be: 26/2026/QĐ-TTg art. 7.3.b and 7.4.b leave the council's working rules (Quy chế hoạt động
của Hội đồng) to the provincial chairman and the minister.
[`CouncilRules`][ocop.rating.council.CouncilRules] holds those settings. Its defaults are the common
provincial practice — a spread of at most 10 points between members' totals, a quorum of three
quarters of the members including the chair — and not national law; change them with `attrs.evolve`
to match a province's rules.

Whether the minimum-for-stars marks are judged on the council's agreed answers or on each
member's sheet is not stated nationally either ([`MarksBasis`][ocop.rating.council.MarksBasis]).
"""

from __future__ import annotations

import math
from fractions import Fraction

import attrs

from ocop._enums import OcopEnum
from ocop.errors import OcopTypeError, OcopValueError
from ocop.problems import Location, Problem

__all__ = [
    "CouncilRules",
    "MarksBasis",
    "check_quorum",
]


class MarksBasis(OcopEnum):
    """Which answers the minimum-for-stars marks are judged on (căn cứ xét dấu sao).

    ``AGREED``: the council's agreed answers (kết quả thống nhất của Hội đồng). When the
    assessment states them (an agreed sheet), those; otherwise, for each criterion, the best
    option that a strict majority of the members reached — the lower median of their choices
    (options ordered as printed, from the least to the best). With seven members it is the
    fourth-best choice: four members reached it. This is what a council's vote on "has the
    product reached this option?" would decide, it ignores a lone outlier in either direction,
    and it needs nothing the members' sheets do not already say.

    ``EACH_MEMBER``: every member's own sheet must reach every mark (the strictest reading).
    """

    AGREED = "agreed"
    EACH_MEMBER = "each_member"


def _fraction(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise OcopTypeError(
            f"'quorum' must be a Fraction or int (got {type(value).__name__}: {value!r})"
        )
    return Fraction(value)


def _check_quorum(_inst: object, _attr: object, value: Fraction) -> None:
    if not 0 < value <= 1:
        raise OcopValueError(f"'quorum' must be above 0 and at most 1 (got {value})")


def _check_spread(_inst: object, _attr: object, value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise OcopTypeError(f"'max_spread' must be an int or None (got {value!r})")
    if value < 0:
        raise OcopValueError(f"'max_spread' must be 0 or more (got {value})")


@attrs.frozen(kw_only=True)
class CouncilRules:
    """A council's working rules (quy chế hoạt động của Hội đồng) that affect the result.

    These are provincial rules, not national law (see the module docstring); the defaults
    are the common provincial practice.

    Attributes:
        max_spread: The most two members' totals may differ (chênh lệch điểm giữa các thành
            viên), in points; an assessment whose highest and lowest totals differ by more
            is sent back for discussion and re-scoring. ``None`` turns the check off.
            Default 10.
        quorum: The share of the council's members that must score for the meeting to be
            valid (số thành viên tham dự tối thiểu). Default ``Fraction(3, 4)``.
        chair_required: Whether the chair (Chủ tịch Hội đồng) must be among them. Default
            ``True``.
        marks_on: Which answers the minimum-for-stars marks are judged on
            ([`MarksBasis`][ocop.rating.council.MarksBasis]). Default `MarksBasis.AGREED`.
    """

    max_spread: int | None = attrs.field(default=10, validator=_check_spread)
    quorum: Fraction = attrs.field(
        default=Fraction(3, 4), converter=_fraction, validator=_check_quorum
    )
    chair_required: bool = True
    marks_on: MarksBasis = attrs.field(
        default=MarksBasis.AGREED, validator=attrs.validators.instance_of(MarksBasis)
    )

    def quorum_count(self, council_size: int) -> int:
        """The least number of members that makes a quorum in a council of ``council_size``.

        Three quarters of 9 members is 6.75, so 7 are needed: the share is rounded up.

        Raises:
            OcopValueError: ``council_size`` is not a positive integer.
        """
        if isinstance(council_size, bool) or not isinstance(council_size, int):
            raise OcopTypeError(f"'council_size' must be an int (got {council_size!r})")
        if council_size < 1:
            raise OcopValueError(f"'council_size' must be at least 1 (got {council_size})")
        return math.ceil(self.quorum * council_size)


def check_quorum(
    rules: CouncilRules,
    *,
    present: int,
    council_size: int,
    chair_present: bool,
    where: Location | None = None,
) -> list[Problem]:
    """Every way a meeting of ``present`` members misses the quorum of ``rules``.

    Returns an empty list when ``present`` is at least
    [`CouncilRules.quorum_count`][ocop.rating.council.CouncilRules.quorum_count] and, when the rules
    require it, the chair is among them. Problem codes: ``rating.quorum``, ``rating.chair_absent``,
    ``rating.council_size``.
    """
    loc = where or Location()
    problems: list[Problem] = []
    if present > council_size:
        problems.append(
            Problem(
                code="rating.council_size",
                message=(
                    f"{_count(present, 'member', 'members')} scored but the council has only "
                    f"{_count(council_size, 'member', 'members')}"
                ),
                where=loc,
            )
        )
        return problems
    need = rules.quorum_count(council_size)
    if present < need:
        problems.append(
            Problem(
                code="rating.quorum",
                message=(
                    f"{present} of {_count(council_size, 'member', 'members')} scored; "
                    f"the quorum is {need} "
                    f"({rules.quorum} of the members)"
                ),
                where=loc,
            )
        )
    if rules.chair_required and not chair_present:
        problems.append(
            Problem(
                code="rating.chair_absent",
                message="the chair of the council is not among the members who scored",
                where=loc,
            )
        )
    return problems


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"

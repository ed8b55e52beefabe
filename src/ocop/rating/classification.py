"""The classification of OCOP products (26/2026/QĐ-TTg Appendix I), as flat records.

Appendix I sorts products into six categories (I food, II drinks, III medicinal herbs and
their products, IV handicrafts, V ornamental plants and animals, VI community and eco-tourism
services), each split into groups (nhóm) and, for some, sub-groups (phân nhóm), each with the
ministry that manages it (cơ quan chủ trì quản lý). The 26 leaves, in printed order, are the
26 product sets (bộ sản phẩm) whose scoring sheets Appendix II prints in the same order.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import attrs

from ocop.errors import OcopLookupError

__all__ = ["ProductSet", "product_set", "product_sets"]


@attrs.frozen(kw_only=True)
class ProductSet:
    """One product set (bộ sản phẩm) of the 26/2026/QĐ-TTg classification.

    Attributes:
        sheet: The number of the scoring sheet (phiếu) for this set in Appendix II.
        category_code: The category's Roman numeral, ``"I"`` … ``"VI"``.
        category: The category (e.g. "SẢN PHẨM THỰC PHẨM").
        group_code: The group's number within its category (``"1"`` …).
        group: The group (nhóm), e.g. "Thực phẩm tươi sống".
        subgroup_code: The sub-group's letter (``"a"`` …), or ``None`` when the group is not
            split.
        subgroup: The sub-group (phân nhóm), or ``None``.
        ministries: The managing ministries (cơ quan chủ trì quản lý), as printed.
        legal_ref: Where the classification is printed.
    """

    sheet: int
    category_code: str
    category: str
    group_code: str
    group: str
    subgroup_code: str | None
    subgroup: str | None
    ministries: tuple[str, ...]
    legal_ref: str

    @property
    def name(self) -> str:
        """The set's name: the sub-group, or the group when it is not split."""
        return self.subgroup if self.subgroup is not None else self.group


def _records(data: dict[str, Any]) -> tuple[ProductSet, ...]:
    out = []
    for cat in data["categories"]:
        for grp in cat["groups"]:
            leaves = grp["subgroups"] or [None]
            for sub in leaves:
                src = sub if sub is not None else grp
                out.append(
                    ProductSet(
                        sheet=int(src["sheet"]),
                        category_code=cat["code"],
                        category=cat["title"],
                        group_code=grp["code"],
                        group=grp["title"],
                        subgroup_code=None if sub is None else sub["code"],
                        subgroup=None if sub is None else sub["title"],
                        ministries=tuple(src["ministries"]),
                        legal_ref=data["legal_ref"],
                    )
                )
    return tuple(out)


@functools.cache
def product_sets() -> tuple[ProductSet, ...]:
    """Every product set of 26/2026/QĐ-TTg Appendix I, in printed order (sheets 1–26)."""
    node = resources.files("ocop.rating").joinpath("data", "26-2026", "classification.json")
    return _records(json.loads(node.read_text(encoding="utf-8")))


def product_set(sheet: int) -> ProductSet:
    """The product set scored on 26/2026/QĐ-TTg sheet ``sheet``.

    Raises:
        OcopLookupError: No product set has that sheet number.
    """
    for ps in product_sets():
        if ps.sheet == sheet:
            return ps
    raise OcopLookupError(f"no product set for sheet {sheet!r} (sheets 1–26)")

"""Who takes part in OCOP: the kinds of OCOP subject (chủ thể OCOP).

The subjects that may register a product for evaluation are listed by Decision 26/2026/QĐ-TTg
art. 2.3: cooperatives (hợp tác xã), cooperative groups (tổ hợp tác), small and medium
enterprises (doanh nghiệp nhỏ và vừa), farms (trang trại), production households and family
households with a business registration (hộ sản xuất, hộ gia đình có đăng ký kinh doanh);
for community tourism, eco-tourism and tourist sites also associations (hội, hiệp hội) and
operating centres or similar bodies (trung tâm điều hành hoặc tổ chức tương đương). In
2018–2020 the programme named SMEs, cooperatives, cooperative groups and registered
households (Decision 490/QĐ-TTg of 7 May 2018).

Plans count "economic organisations" (tổ chức kinh tế) among them: the plan 278/KH-SNN of
Quảng Trị (I.3) words it "tổ chức kinh tế (doanh nghiệp, HTX)", enterprises and cooperatives;
households do not count
([`SubjectKind.is_economic_organisation`][ocop.subjects.SubjectKind.is_economic_organisation]).

>>> SubjectKind.from_name("HTX Nông sản sạch Triệu Phong")
<SubjectKind.COOPERATIVE: 'cooperative'>
>>> SubjectKind.parse("hộ gia đình").is_economic_organisation
False
"""

from __future__ import annotations

from ocop._enums import OcopEnum
from ocop.errors import OcopValueError
from ocop.text import fold

__all__ = ["SubjectKind"]


class SubjectKind(OcopEnum):
    """A kind of OCOP subject (loại hình chủ thể), Decision 26/2026/QĐ-TTg art. 2.3."""

    COOPERATIVE = "cooperative"
    """A cooperative (hợp tác xã, HTX)."""
    COOPERATIVE_GROUP = "cooperative_group"
    """A cooperative group (tổ hợp tác)."""
    ENTERPRISE = "enterprise"
    """A small or medium enterprise (doanh nghiệp nhỏ và vừa: công ty, DNTN)."""
    FARM = "farm"
    """A farm (trang trại)."""
    HOUSEHOLD = "household"
    """A production or family household with a business registration (hộ sản xuất, hộ gia
    đình có đăng ký kinh doanh; also a "cơ sở sản xuất" run by one)."""
    ASSOCIATION = "association"
    """An association (hội, hiệp hội), for tourism products only."""
    OPERATING_CENTRE = "operating_centre"
    """An operating centre or a similar body (trung tâm điều hành hoặc tổ chức tương
    đương), for tourism products only."""

    @property
    def vietnamese(self) -> str:
        """Its name in Vietnamese, as art. 2.3 words it."""
        return _VIETNAMESE[self]

    @property
    def is_economic_organisation(self) -> bool:
        """``True`` for an enterprise or a cooperative: an economic organisation (tổ chức kinh
        tế) as plans count it (278/KH-SNN I.3: "tổ chức kinh tế (doanh nghiệp, HTX)")."""
        return self in (SubjectKind.ENTERPRISE, SubjectKind.COOPERATIVE)

    @classmethod
    def parse(cls, text: str) -> SubjectKind:
        """The kind named ``text``: its value (``enterprise``) or its Vietnamese name
        (``doanh nghiệp``, ``HTX``, ``hộ gia đình``…); case and diacritics are ignored.

        Raises:
            OcopValueError: ``text`` names no kind; the message lists the valid values.
        """
        key = fold(text).replace(" ", "_")
        for kind in cls:
            if key == kind.value:
                return kind
        found = _NAMES.get(fold(text))
        if found is None:
            values = ", ".join(k.value for k in cls)
            raise OcopValueError(f"{text!r} is not a kind of OCOP subject (one of: {values})")
        return found

    @classmethod
    def from_name(cls, name: str) -> SubjectKind | None:
        """The kind a subject's name shows by its first words (``HTX …`` → cooperative,
        ``Công ty …`` → enterprise, ``Hộ kinh doanh …`` or ``Cơ sở …`` → household), or
        ``None`` when the name does not show it."""
        key = fold(name)
        for prefix, kind in _PREFIXES:
            if key == prefix or key.startswith(prefix + " "):
                return kind
        return None


_VIETNAMESE = {
    SubjectKind.COOPERATIVE: "hợp tác xã",
    SubjectKind.COOPERATIVE_GROUP: "tổ hợp tác",
    SubjectKind.ENTERPRISE: "doanh nghiệp nhỏ và vừa",
    SubjectKind.FARM: "trang trại",
    SubjectKind.HOUSEHOLD: "hộ sản xuất, hộ gia đình có đăng ký kinh doanh",
    SubjectKind.ASSOCIATION: "hội, hiệp hội",
    SubjectKind.OPERATING_CENTRE: "trung tâm điều hành",
}

_NAMES = {
    "hop tac xa": SubjectKind.COOPERATIVE,
    "htx": SubjectKind.COOPERATIVE,
    "to hop tac": SubjectKind.COOPERATIVE_GROUP,
    "doanh nghiep": SubjectKind.ENTERPRISE,
    "doanh nghiep nho va vua": SubjectKind.ENTERPRISE,
    "cong ty": SubjectKind.ENTERPRISE,
    "trang trai": SubjectKind.FARM,
    "ho san xuat": SubjectKind.HOUSEHOLD,
    "ho gia dinh": SubjectKind.HOUSEHOLD,
    "ho kinh doanh": SubjectKind.HOUSEHOLD,
    "ho san xuat ho gia dinh co dang ky kinh doanh": SubjectKind.HOUSEHOLD,
    "hoi": SubjectKind.ASSOCIATION,
    "hiep hoi": SubjectKind.ASSOCIATION,
    "hoi hiep hoi": SubjectKind.ASSOCIATION,
    "trung tam dieu hanh": SubjectKind.OPERATING_CENTRE,
}

# The first words of a subject's name that show its kind, longest first.
_PREFIXES = (
    ("hop tac xa", SubjectKind.COOPERATIVE),
    ("to hop tac", SubjectKind.COOPERATIVE_GROUP),
    ("htx", SubjectKind.COOPERATIVE),
    ("doanh nghiep", SubjectKind.ENTERPRISE),
    ("cong ty", SubjectKind.ENTERPRISE),
    ("cty", SubjectKind.ENTERPRISE),
    ("dntn", SubjectKind.ENTERPRISE),
    ("trang trai", SubjectKind.FARM),
    ("ho kinh doanh", SubjectKind.HOUSEHOLD),
    ("ho san xuat", SubjectKind.HOUSEHOLD),
    ("ho gia dinh", SubjectKind.HOUSEHOLD),
    ("co so", SubjectKind.HOUSEHOLD),
    ("hiep hoi", SubjectKind.ASSOCIATION),
    ("trung tam dieu hanh", SubjectKind.OPERATING_CENTRE),
)

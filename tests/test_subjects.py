"""The kinds of OCOP subject (26/2026/QĐ-TTg art. 2.3)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocop.errors import OcopValueError
from ocop.plan import is_economic_organisation
from ocop.subjects import SubjectKind


@given(st.sampled_from(list(SubjectKind)))
def test_every_kind_reads_back_from_its_value_and_its_vietnamese_name(kind: SubjectKind) -> None:
    assert SubjectKind.parse(kind.value) is kind
    assert SubjectKind.parse(kind.value.upper()) is kind
    assert SubjectKind.parse(kind.vietnamese) is kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Công ty TNHH MTV Từ Phong", SubjectKind.ENTERPRISE),
        ("CTY CP Nông sản", SubjectKind.ENTERPRISE),
        ("DNTN Hoàng Long", SubjectKind.ENTERPRISE),
        ("HTX Nông sản sạch Triệu Phong", SubjectKind.COOPERATIVE),
        ("Hợp tác xã Tiêu Cùa", SubjectKind.COOPERATIVE),
        ("Tổ hợp tác Hưng Thịnh", SubjectKind.COOPERATIVE_GROUP),
        ("Hộ kinh doanh Lê Thị Hồng Nhạn", SubjectKind.HOUSEHOLD),
        ("Cơ sở sản xuất bún Vạn Linh", SubjectKind.HOUSEHOLD),
        ("Trang trại Bình An", SubjectKind.FARM),
        ("Hiệp hội Du lịch", SubjectKind.ASSOCIATION),
        ("Ông Nguyễn Văn An", None),
        ("Congty", None),
        ("", None),
    ],
)
def test_the_kind_a_name_shows(name: str, kind: SubjectKind | None) -> None:
    assert SubjectKind.from_name(name) is kind


def test_only_enterprises_and_cooperatives_are_economic_organisations() -> None:
    assert {k for k in SubjectKind if k.is_economic_organisation} == {
        SubjectKind.ENTERPRISE,
        SubjectKind.COOPERATIVE,
    }
    assert is_economic_organisation("HTX Khe Sanh")
    assert not is_economic_organisation("Hộ kinh doanh DVSX Nông lâm nghiệp Ta Lư")


def test_an_unknown_kind_lists_the_valid_values() -> None:
    with pytest.raises(OcopValueError, match="one of: cooperative, cooperative_group, enterprise"):
        SubjectKind.parse("company")

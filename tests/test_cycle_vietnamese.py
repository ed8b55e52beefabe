"""The Vietnamese names of the cycle's stages: one for each, distinct, NFC, the glossary's words."""

from __future__ import annotations

import unicodedata

import pytest

from ocop.cycle import Stage
from ocop.regimes import Level


def test_every_stage_has_its_own_vietnamese_name_in_nfc() -> None:
    names = [s.vietnamese for s in Stage]
    assert len(set(names)) == len(Stage)
    for name in names:
        assert name == unicodedata.normalize("NFC", name)
        assert name == name.strip()
        assert "  " not in name


@pytest.mark.parametrize(
    ("stage", "name"),
    [
        (Stage.NEW, "mới"),
        (Stage.REGISTERED, "đã đăng ký ý tưởng"),
        (Stage.IDEA_SELECTED, "ý tưởng được lựa chọn"),
        (Stage.IDEA_REJECTED, "ý tưởng bị loại"),
        (Stage.PLAN_SUBMITTED, "đã nộp phương án"),
        (Stage.PLAN_APPROVED, "phương án được phê duyệt"),
        (Stage.IN_DEVELOPMENT, "đang triển khai"),
        (Stage.DOSSIER_FILED, "đã nộp hồ sơ"),
        (Stage.RETURNED, "hồ sơ bị trả lại"),
        (Stage.COMMUNE_CHECKED, "cấp xã đã kiểm tra"),
        (Stage.DISTRICT_EVALUATED, "cấp huyện đã đánh giá"),
        (Stage.AT_PROVINCE, "chờ cấp tỉnh đánh giá"),
        (Stage.PROVINCE_EVALUATED, "cấp tỉnh đã đánh giá"),
        (Stage.AT_NATIONAL, "chờ cấp trung ương đánh giá"),
        (Stage.NATIONAL_EVALUATED, "cấp trung ương đã đánh giá"),
        (Stage.RECOGNIZED, "đã công nhận"),
        (Stage.WITHDRAWN, "đã rút hồ sơ"),
        (Stage.EXPIRED, "đã hết hạn"),
        (Stage.REVOKED, "bị thu hồi"),
    ],
)
def test_stage_names(stage: Stage, name: str) -> None:
    assert stage.vietnamese == name


@pytest.mark.parametrize(
    ("stage", "level"),
    [
        (Stage.COMMUNE_CHECKED, Level.COMMUNE),
        (Stage.DISTRICT_EVALUATED, Level.DISTRICT),
        (Stage.AT_PROVINCE, Level.PROVINCE),
        (Stage.PROVINCE_EVALUATED, Level.PROVINCE),
        (Stage.AT_NATIONAL, Level.NATIONAL),
        (Stage.NATIONAL_EVALUATED, Level.NATIONAL),
    ],
)
def test_a_stage_at_a_level_names_the_level_as_level_does(stage: Stage, level: Level) -> None:
    assert level.vietnamese in stage.vietnamese


def test_the_values_stay_the_english_names() -> None:
    assert Stage("recognized") is Stage.RECOGNIZED
    assert Stage.IDEA_REJECTED.value == "idea_rejected"

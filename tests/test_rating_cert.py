"""Recognition and certificates: who recognises, product codes, and a certificate's dates."""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ocop.cycle
import ocop.rating
from helpers import REFERENCE
from ocop.certificates import (
    DECISION_DAYS,
    EXTENSION_DAYS,
    FILING_FIRST_DAYS,
    FILING_LAST_DAYS,
    REVOCATION_DAYS,
)
from ocop.errors import OcopLookupError, OcopTypeError, OcopValueError
from ocop.periods import add_months
from ocop.problems import render
from ocop.rating import (
    Certificate,
    CertificateStatus,
    FilingTiming,
    ProductCode,
    RevocationGround,
    check_product_code,
    recognize,
    revoking_level,
)
from ocop.regimes import Level

D = dt.date
C, P, N, DI = Level.COMMUNE, Level.PROVINCE, Level.NATIONAL, Level.DISTRICT
DECISION = REFERENCE / "qd-26-2026" / "qd-26-2026-QD-TTg.txt"


# --- the articles cited, read in the decision's text --------------------------------------


def article(n: int) -> str:
    """The text of article ``n`` of 26/2026/QĐ-TTg, from its heading to the next one."""
    text = DECISION.read_text(encoding="utf-8")
    start = text.index(f"\nĐiều {n}. ")
    end = text.index(f"\nĐiều {n + 1}. ", start)
    return text[start:end]


def clause(n: int, k: int) -> str:
    """Clause ``k`` of article ``n`` (from the line "k. " to the next clause)."""
    body = article(n)
    start = body.index(f"\n{k}. ")
    nxt = body.find(f"\n{k + 1}. ", start)
    return body[start : nxt if nxt >= 0 else len(body)]


def point(n: int, k: int, letter: str) -> str:
    """Point ``letter`` of clause ``k`` of article ``n`` (from "letter) " to the next point)."""
    body = clause(n, k)
    start = body.index(f"\n{letter}) ")
    nxt = re.search(r"\n[a-zđ]\) ", body[start + 1 :])
    return body[start : start + 1 + nxt.start() if nxt else len(body)]


needs_text = pytest.mark.skipif(not DECISION.exists(), reason="reference text not available")


@needs_text
@pytest.mark.parametrize(
    ("art", "cl", "phrase"),
    [
        (4, 3, "có giá trị trong thời hạn 36 tháng kể từ ngày cơ quan có thẩm quyền ban hành"),
        (4, 1, "không ban hành quyết định công nhận và không cấp giấy chứng nhận"),
        (7, 6, f"không sớm hơn {FILING_FIRST_DAYS} ngày và không muộn hơn {FILING_LAST_DAYS} ngày"),
        (7, 6, f"g) Thời gian tổ chức đánh giá, phân hạng lại sản phẩm OCOP không quá "
               f"{DECISION_DAYS} ngày"),
        (7, 5, "thực hiện theo quy định tại các khoản 1, 2, 3 và 4 Điều này"),
        (7, 4, "Trường hợp sản phẩm không đạt 90 điểm, Chủ tịch UBND cấp tỉnh"),
        (7, 3, "Đối với các sản phẩm có tiềm năng đạt 5 sao (đạt từ 90 trở lên)"),
        (8, 2, "a) Chủ tịch UBND cấp tỉnh quyết định thu hồi giấy chứng nhận đối với sản phẩm "
               "OCOP được công nhận 3 sao, 4 sao."),
        (8, 2, "b) Bộ trưởng Bộ Nông nghiệp và Môi trường quyết định thu hồi giấy chứng nhận "
               "đối với sản phẩm OCOP được công nhận 5 sao."),
        (8, 4, f"Thời gian thu hồi giấy chứng nhận là {REVOCATION_DAYS} ngày kể từ ngày có kết "
               "luận"),
        (12, 3, f"nhưng không quá {EXTENSION_DAYS} ngày tính từ ngày hết thời hạn"),
        (12, 3, "không đáp ứng được thời hạn theo quy định tại điểm a khoản 6 Điều 7"),
    ],
)  # fmt: skip
def test_each_cited_article_says_what_the_code_does(art: int, cl: int, phrase: str) -> None:
    assert phrase in clause(art, cl)


@needs_text
@pytest.mark.parametrize(
    ("art", "cl", "letter", "phrase"),
    [
        (4, 1, "a", "Đối với sản phẩm đạt 1 sao hoặc 2 sao, không ban hành quyết định công nhận"),
        (7, 3, "b", "ban hành Quy chế hoạt động của Hội đồng cấp tỉnh"),
        (7, 4, "b", "ban hành Quy chế hoạt động của Hội đồng cấp trung ương"),
        (7, 3, "e", "Đối với các sản phẩm có tiềm năng đạt 5 sao (đạt từ 90 trở lên)"),
        (7, 4, "g", "Trường hợp sản phẩm không đạt 90 điểm"),
        (7, 6, "a", "không sớm hơn 180 ngày và không muộn hơn 120 ngày"),
        (7, 6, "g", "không quá 45 ngày kể từ ngày nhận đủ hồ sơ"),
        (8, 2, "a", "thu hồi giấy chứng nhận đối với sản phẩm OCOP được công nhận 3 sao, 4 sao"),
        (8, 2, "b", "thu hồi giấy chứng nhận đối với sản phẩm OCOP được công nhận 5 sao"),
    ],
)
def test_each_cited_point_says_what_the_code_does(
    art: int, cl: int, letter: str, phrase: str
) -> None:
    assert phrase in point(art, cl, letter)


@needs_text
def test_article_3_3_classes_on_the_mean_of_the_totals() -> None:
    text = clause(3, 3)
    assert "Hạng 3 sao (cấp tỉnh): Tổng điểm trung bình đạt từ 50 đến dưới 70 điểm" in text
    assert "Hạng 1 sao: Tổng điểm trung bình đạt dưới 30 điểm" in text


@needs_text
@pytest.mark.parametrize("ground", list(RevocationGround))
def test_revocation_grounds_are_the_points_of_article_8_1(ground: RevocationGround) -> None:
    assert f"\n{ground.point}) {ground.vietnamese}.\n" in clause(8, 1) + "\n"
    assert ground.legal_ref == f"26/2026/QĐ-TTg, Điều 8 khoản 1 điểm {ground.point}"


def test_there_are_six_grounds_one_enum() -> None:
    # One enum for the cycle's events and the certificate model (was Ground and
    # RevocationGround, with different values).
    assert [g.point for g in RevocationGround] == ["a", "b", "c", "d", "đ", "e"]
    assert [g.value for g in RevocationGround] == [
        "false_dossier",
        "criteria_not_met",
        "law_breach",
        "mark_misuse",
        "production_stopped",
        "other",
    ]
    assert RevocationGround("đ") is RevocationGround.PRODUCTION_STOPPED
    assert ocop.cycle.RevocationGround is ocop.rating.RevocationGround
    assert ocop.cycle.Certificate is ocop.rating.Certificate
    assert not hasattr(ocop.cycle, "Ground")


# --- months -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "result"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 5, 22), 36, D(2029, 5, 22)),
        (D(2026, 8, 31), 36, D(2029, 8, 31)),
        (D(2028, 2, 29), 36, D(2031, 2, 28)),
        (D(2029, 2, 28), 36, D(2032, 2, 28)),
        (D(2027, 3, 31), 35, D(2030, 2, 28)),
        (D(2026, 12, 31), 36, D(2029, 12, 31)),
    ],
)
def test_add_months_is_month_end_safe(day: dt.date, months: int, result: dt.date) -> None:
    assert add_months(day, months) == result
    assert type(add_months(day, months)) is dt.date


@given(st.dates(min_value=D(2018, 1, 1), max_value=D(2090, 12, 31)), st.integers(0, 120))
def test_add_months_lands_in_the_right_month(day: dt.date, months: int) -> None:
    out = add_months(day, months)
    assert (out.year * 12 + out.month) - (day.year * 12 + day.month) == months
    assert out.day == day.day or (out.day < day.day and (out + dt.timedelta(days=1)).day == 1)


def test_dates_must_be_dates() -> None:
    with pytest.raises(OcopTypeError):
        add_months("2026-01-01", 1)  # type: ignore[arg-type]
    with pytest.raises(OcopTypeError):
        Certificate.issue(product="x", stars=3, issued_on=dt.datetime(2026, 6, 1))


# --- certificates -------------------------------------------------------------------------

CERT = Certificate.issue(product="Bưởi da xanh", stars=4, issued_on=D(2026, 6, 15))


def test_issue_under_26_2026() -> None:
    assert CERT.regime == "26/2026/QĐ-TTg"
    assert CERT.issued_by is P
    assert CERT.expires_on == D(2029, 6, 15)
    assert CERT.filing_window == (D(2028, 12, 17), D(2029, 2, 15))


def test_issue_picks_the_regime_of_the_day() -> None:
    old = Certificate.issue(product="Mật ong", stars=3, issued_on=D(2024, 5, 1))
    assert (old.regime, old.issued_by) == ("148/QĐ-TTg", DI)
    five = Certificate.issue(product="Trà", stars=5, issued_on=D(2026, 9, 30))
    assert five.issued_by is N
    assert Certificate.issue(product="x", stars=3, issued_on=D(2025, 8, 1)).issued_by is P


@pytest.mark.parametrize("stars", [0, 1, 2, 6])
def test_only_3_to_5_stars_get_a_certificate(stars: int) -> None:
    with pytest.raises(OcopValueError, match="only products of 3★ to 5★"):
        Certificate.issue(product="x", stars=stars, issued_on=D(2026, 6, 15))


@pytest.mark.parametrize(
    ("filed", "timing"),
    [
        (D(2028, 12, 16), FilingTiming.EARLY),
        (D(2028, 12, 17), FilingTiming.ON_TIME),  # 180 days before expiry
        (D(2029, 2, 15), FilingTiming.ON_TIME),  # 120 days before expiry
        (D(2029, 2, 16), FilingTiming.LATE),
        (D(2029, 6, 15), FilingTiming.LATE),  # the expiry day itself
        (D(2029, 6, 16), FilingTiming.AFTER_EXPIRY),
    ],
)
def test_filing_window_edges(filed: dt.date, timing: FilingTiming) -> None:
    assert CERT.filing_timing(filed) is timing


def test_filing_window_of_a_leap_day_certificate() -> None:
    leap = Certificate.issue(product="x", stars=3, issued_on=D(2028, 2, 29))
    assert leap.expires_on == D(2031, 2, 28)
    assert leap.filing_window == (D(2030, 9, 1), D(2030, 10, 31))
    assert leap.filing_timing(D(2030, 8, 31)) is FilingTiming.EARLY
    assert leap.filing_timing(D(2030, 11, 1)) is FilingTiming.LATE


@given(st.dates(min_value=D(2026, 5, 22), max_value=D(2060, 12, 31)))
def test_the_window_is_61_days_ending_120_days_before_expiry(issued: dt.date) -> None:
    cert = Certificate.issue(product="x", stars=3, issued_on=issued)
    first, last = cert.filing_window
    assert (last - first).days == 60
    assert (cert.expires_on - last).days == 120
    assert cert.filing_timing(first) is cert.filing_timing(last) is FilingTiming.ON_TIME
    assert cert.status_on(cert.expires_on) is CertificateStatus.VALID
    assert cert.status_on(cert.expires_on + dt.timedelta(days=1)) is CertificateStatus.LAPSED


def test_decision_due_45_days_after_the_complete_dossier() -> None:
    assert Certificate.decision_due(D(2029, 3, 1)) == D(2029, 4, 15)
    assert Certificate.decision_due(D(2028, 12, 31)) == D(2029, 2, 14)


@pytest.mark.parametrize(
    ("filed", "decided", "valid_until"),
    [
        (None, None, D(2029, 6, 15)),
        (D(2029, 1, 10), None, D(2029, 6, 15)),  # on time: decided before expiry
        (D(2029, 3, 1), None, D(2029, 12, 12)),  # late and undecided: at most 180 days
        (D(2029, 3, 1), D(2029, 8, 1), D(2029, 8, 1)),
        (D(2029, 3, 1), D(2029, 5, 1), D(2029, 6, 15)),  # decided before expiry
        (D(2029, 3, 1), D(2030, 3, 1), D(2029, 12, 12)),
        (D(2029, 6, 16), None, D(2029, 6, 15)),  # after expiry: nothing to extend
        (D(2028, 1, 1), None, D(2029, 6, 15)),  # too early: not a re-evaluation filing
    ],
)
def test_valid_until_with_the_grace_of_article_12_3(
    filed: dt.date | None, decided: dt.date | None, valid_until: dt.date
) -> None:
    assert CERT.valid_until(filed_on=filed, decided_on=decided) == valid_until


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (D(2026, 6, 14), CertificateStatus.NOT_ISSUED),
        (D(2026, 6, 15), CertificateStatus.VALID),
        (D(2029, 6, 15), CertificateStatus.VALID),
        (D(2029, 6, 16), CertificateStatus.EXTENDED),
        (D(2029, 12, 12), CertificateStatus.EXTENDED),
        (D(2029, 12, 13), CertificateStatus.LAPSED),
    ],
)
def test_status_with_a_late_filing(day: dt.date, status: CertificateStatus) -> None:
    assert CERT.status_on(day, filed_on=D(2029, 3, 1)) is status


def test_without_filing_the_certificate_lapses_the_day_after_expiry() -> None:
    assert CERT.status_on(D(2029, 6, 16)) is CertificateStatus.LAPSED


def test_revocation() -> None:
    revoked = CERT.revoke(
        RevocationGround.MARK_MISUSE, found_on=D(2027, 3, 1), decided_on=D(2027, 3, 20)
    )
    assert revoked.revocation is not None
    assert revoked.revocation.by is P
    assert revoked.revocation.due_on == D(2027, 3, 16)
    assert revoked.revocation.late
    assert revoked.status_on(D(2027, 3, 19)) is CertificateStatus.VALID
    assert revoked.status_on(D(2027, 3, 20)) is CertificateStatus.REVOKED
    assert revoked.valid_until() == D(2027, 3, 19)
    assert CERT.revocation is None  # the original is unchanged
    with pytest.raises(OcopValueError, match="already revoked"):
        revoked.revoke(RevocationGround.OTHER, found_on=D(2027, 4, 1), decided_on=D(2027, 4, 2))
    with pytest.raises(OcopValueError, match="after its finding"):
        CERT.revoke(RevocationGround.OTHER, found_on=D(2027, 4, 2), decided_on=D(2027, 4, 1))
    with pytest.raises(OcopValueError, match="cannot precede"):
        CERT.revoke(RevocationGround.OTHER, found_on=D(2026, 1, 1), decided_on=D(2026, 1, 2))


def test_a_5_star_certificate_is_revoked_by_the_ministry() -> None:
    five = Certificate.issue(product="Trà", stars=5, issued_on=D(2026, 9, 30))
    on_time = five.revoke(
        RevocationGround.PRODUCTION_STOPPED, found_on=D(2027, 1, 1), decided_on=D(2027, 1, 16)
    )
    assert on_time.revocation is not None
    assert on_time.revocation.by is N
    assert not on_time.revocation.late
    assert revoking_level(3, on=D(2027, 1, 16)) is P
    assert revoking_level(2, on=D(2027, 1, 16)) is None


@pytest.mark.parametrize(
    ("on", "level"),
    [
        (D(2024, 9, 1), DI),  # 148/QĐ-TTg: the district recognised 3★
        (D(2025, 6, 30), DI),
        (D(2025, 7, 1), P),  # no district level from 1 July 2025
        (D(2026, 9, 1), P),  # 26/2026/QĐ-TTg art. 8.2.a
    ],
)
def test_the_revoking_authority_is_the_one_in_force_on_the_day(on: dt.date, level: Level) -> None:
    district = Certificate.issue(product="Mắm", stars=3, issued_on=D(2024, 3, 1))
    assert district.issued_by is DI
    assert revoking_level(3, on=on) is level
    revoked = district.revoke(RevocationGround.OTHER, found_on=on, decided_on=on)
    assert revoked.revocation is not None
    assert revoked.revocation.by is level
    other = P if level is DI else DI
    with pytest.raises(OcopValueError, match="cannot revoke"):
        district.revoke(RevocationGround.OTHER, found_on=on, decided_on=on, by=other)


def test_the_expiry_day_is_the_last_valid_day() -> None:
    # 36 months after 2 Dec 2026: valid on 2 Dec 2029, lapsed from 3 Dec (the cycle agrees:
    # tests/test_cycle_machine.py).
    cert = Certificate.issue(product="Trà", stars=4, issued_on=D(2026, 12, 2))
    assert cert.expires_on == D(2029, 12, 2)
    assert cert.status_on(D(2029, 12, 2)) is CertificateStatus.VALID
    assert cert.status_on(D(2029, 12, 3)) is CertificateStatus.LAPSED


@pytest.mark.parametrize(
    ("filed", "extended"),
    [
        (D(2029, 7, 1), False),  # on time: decided before expiry, nothing to extend
        (D(2029, 8, 4), False),  # the window's last day
        (D(2029, 8, 5), True),  # late: art. 12.3
        (D(2029, 12, 2), True),  # late, on the expiry day
        (D(2029, 12, 3), False),  # after expiry
    ],
)
def test_only_a_late_filing_extends(filed: dt.date, extended: bool) -> None:
    cert = Certificate.issue(product="Trà", stars=4, issued_on=D(2026, 12, 2))
    assert cert.extends(filed) is extended
    status = cert.status_on(D(2029, 12, 3), filed_on=filed)
    assert status is (CertificateStatus.EXTENDED if extended else CertificateStatus.LAPSED)


def test_a_late_filing_before_26_2026_extends_nothing() -> None:
    # A certificate that expired on 5 Apr 2026, its re-evaluation filed late under 148.
    cert = Certificate.issue(product="Mắm", stars=3, issued_on=D(2023, 4, 5))
    assert cert.expires_on == D(2026, 4, 5)
    assert cert.filing_timing(D(2026, 3, 1)) is FilingTiming.LATE
    assert not cert.extends(D(2026, 3, 1))
    assert cert.status_on(D(2026, 4, 6), filed_on=D(2026, 3, 1)) is CertificateStatus.LAPSED


def test_upgrade_and_renewal() -> None:
    up = CERT.upgrade(stars=5, issued_on=D(2027, 10, 1))
    assert (up.stars, up.issued_by, up.expires_on) == (5, N, D(2030, 10, 1))
    with pytest.raises(OcopValueError, match="raises the stars above 4★"):
        CERT.upgrade(stars=4, issued_on=D(2027, 10, 1))
    with pytest.raises(OcopValueError, match="it is lapsed"):
        CERT.upgrade(stars=5, issued_on=D(2030, 1, 1))
    renewed = CERT.renew(stars=3, issued_on=D(2029, 4, 1))
    assert renewed is not None
    assert renewed.expires_on == D(2032, 4, 1)
    assert CERT.renew(stars=2, issued_on=D(2029, 4, 1)) is None


# --- recognition --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("regime", "level", "mean", "stars", "outcome"),
    [
        # 26/2026/QĐ-TTg (and 1489/QĐ-TTg): commune → province → ministry
        ("26-2026", C, 0, 1, (None, P)),
        ("26-2026", P, 75, 4, (P, None)),
        ("26-2026", P, 55, 3, (P, None)),
        ("26-2026", P, 45, 2, (None, None)),
        ("26-2026", P, 90, 5, (None, N)),
        ("26-2026", P, Fraction(1799, 20), 4, (P, None)),  # 89.95 stays home
        ("26-2026", P, 92, 4, (P, N)),  # lowered by a mark, still 90 points or more
        ("26-2026", N, 85, 4, (P, None)),  # art. 7.4.g: the province may recognise
        ("26-2026", N, 95, 5, (N, None)),
        ("1489-2025", P, 91, 5, (None, N)),
        # 148/QĐ-TTg: district → province → central
        ("148-2023", DI, 60, 3, (DI, None)),
        ("148-2023", DI, 70, 4, (None, P)),
        ("148-2023", P, 80, 4, (P, None)),
        ("148-2023", P, 90, 5, (None, N)),
        # the 1048 era (490/QĐ-TTg): district → province → central
        ("490-2018", DI, 50, 3, (None, P)),
        ("490-2018", DI, Fraction(99, 2), 2, (None, None)),
        ("490-2018", P, 65, 3, (P, None)),
        ("490-2018", P, 90, 5, (None, N)),
    ],
)
def test_recognition_table(
    regime: str,
    level: Level,
    mean: int | Fraction,
    stars: int,
    outcome: tuple[Level | None, Level | None],
) -> None:
    r = recognize(regime, level=level, mean=mean, stars=stars)
    assert (r.recognized_by, r.forward_to) == outcome
    assert r.certificate is (outcome[0] is not None)


def test_recognise_refuses_a_level_outside_the_chain() -> None:
    with pytest.raises(OcopValueError, match="26/2026/QĐ-TTg has no district level"):
        recognize("26/2026/QĐ-TTg", level=DI, mean=60, stars=3)
    with pytest.raises(OcopValueError, match="'stars' must be 1–5"):
        recognize("26-2026", level=P, mean=60, stars=0)
    with pytest.raises(OcopLookupError):
        recognize("27/2027", level=P, mean=60, stars=3)


# --- product codes ------------------------------------------------------------------------


def test_product_code_round_trip() -> None:
    code = ProductCode.parse(" 45 - 19414 - 003 - 2026 ")
    assert code == ProductCode(province="45", commune="19414", serial=3, year=2026)
    assert str(code) == "45-19414-3-2026"


@given(
    st.from_regex(r"[0-9]{2}", fullmatch=True),
    st.from_regex(r"[0-9]{5}", fullmatch=True),
    st.integers(1, 999_999),
    st.integers(2000, 2099),
)
def test_product_code_parse_format(province: str, commune: str, serial: int, year: int) -> None:
    code = ProductCode(province=province, commune=commune, serial=serial, year=year)
    assert ProductCode.parse(str(code)) == code
    assert re.fullmatch(r"\d{2}-\d{5}-\d+-20\d\d", str(code))


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("45-19414-3", "it has 3 parts, not 4 (T-X-STT-year)"),
        ("4519414", "it has 1 part, not 4 (T-X-STT-year)"),
        ("4-19414-3-2026", "the province code (T) is two digits, not '4'"),
        ("45-1941-3-2026", "the commune code (X) is five digits, not '1941'"),
        ("45-19414-a-2026", "the serial number (STT) is a number, not 'a'"),
        ("45-19414-3-26", "the year is four digits starting with 20, not '26'"),
        ("45-19414-0-2026", "the serial number (STT) starts at 1"),
    ],
)
def test_bad_product_codes(text: str, why: str) -> None:
    problems = check_product_code(text)
    assert render(problems) == (
        f"{text!r} is not a product code (T)-(X)-(STT)-year: {why} [rating.product_code]"
    )
    with pytest.raises(OcopValueError, match=re.escape(why)):
        ProductCode.parse(text)


def test_a_product_code_is_text() -> None:
    assert render(check_product_code(45)) == (
        "a product code is text like 45-19414-3-2026 (got 45) [rating.product_code]"
    )


def test_product_codes_take_ascii_digits_only() -> None:
    assert [p.code for p in check_product_code("٤٥-19414-3-2026")] == ["rating.product_code"]

"""The product cycle under each regime: paths, guards, refusals in words, regime changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from ocop.certificates import CertificateStatus
from ocop.cycle import (
    Event,
    EventKind,
    Purpose,
    Record,
    RevocationGround,
    Stage,
    advance,
    replay,
    rules_for,
    transitions,
)
from ocop.errors import OcopLookupError, OcopTypeError, OcopValueError
from ocop.problems import Severity
from ocop.regimes import Level, authority_name
from ocop.testing.cycle import developed, walk

D = dt.date


def refusal(record: Record, event: Event, on: dt.date) -> str:
    """The rendered refusal of ``event``; the record must come back unchanged."""
    result = advance(record, event, on=on)
    assert not result.ok
    assert result.value is record
    (problem,) = result.problems
    assert problem.code == "cycle.refused"
    return problem.render()


def warnings(record: Record, event: Event, on: dt.date) -> list[str]:
    result = advance(record, event, on=on)
    assert result.ok, result.problems
    assert all(p.severity is Severity.WARNING for p in result.problems)
    return [p.message for p in result.problems]


# -- the seed's year: Quảng Trị 2019, 1048 criteria ----------------------------------------


def at_district_1048(score: int | Decimal | Fraction) -> Record:
    r = developed("QT-001", D(2019, 4, 10))
    return walk(
        r,
        [
            (Event.of("file_dossier"), D(2019, 10, 1)),
            (Event.evaluate("district", score), D(2019, 10, 15)),
        ],
    )


def test_seed_year_product_goes_from_idea_to_province_certificate() -> None:
    r = at_district_1048(72)
    r = walk(
        r,
        [
            (Event.of("forward"), D(2019, 10, 20)),
            (Event.evaluate("province", 74), D(2019, 11, 20)),
            (Event.recognize(4, "province"), D(2019, 12, 10)),
        ],
    )
    assert r.stage is Stage.RECOGNIZED
    assert r.stars == 4
    assert r.certificate is not None
    assert r.certificate.expires_on == D(2022, 12, 10)
    assert r.certificate.regime == "490/QĐ-TTg"
    assert [s.target.value for s in r.history] == [
        "registered",
        "idea_selected",
        "plan_submitted",
        "plan_approved",
        "in_development",
        "dossier_filed",
        "district_evaluated",
        "at_province",
        "province_evaluated",
        "recognized",
    ]
    assert r.history[7].reason == "district score 72 ≥ 50"
    assert replay(r.history, product="QT-001") == r


# Forwarding thresholds (DOMAIN §4): (date, level, score, refusal or None).
FORWARD_TABLE = [
    (D(2019, 10, 15), "district", 49, "district score 49 < 50 needed to go to the province (1048 era)"),  # noqa: E501
    (D(2019, 10, 15), "district", Decimal("49.99"), "district score 49.99 < 50 needed to go to the province (1048 era)"),  # noqa: E501
    (D(2019, 10, 15), "district", Fraction(149, 3), "district score 49.66 < 50 needed to go to the province (1048 era)"),  # noqa: E501
    (D(2019, 10, 15), "district", 50, None),
    (D(2023, 10, 15), "district", 69, "district score 69 < 70 needed to go to the province (148/QĐ-TTg)"),  # noqa: E501
    (D(2023, 10, 15), "district", Fraction(139, 2), "district score 69.5 < 70 needed to go to the province (148/QĐ-TTg)"),  # noqa: E501
    (D(2023, 10, 15), "district", 70, None),
]  # fmt: skip


@pytest.mark.parametrize(("on", "level", "score", "expected"), FORWARD_TABLE)
def test_district_forward_thresholds(
    on: dt.date, level: str, score: int | Decimal | Fraction, expected: str | None
) -> None:
    r = developed("P", on - dt.timedelta(days=120))
    r = walk(r, [(Event.of("file_dossier"), on), (Event.evaluate(level, score), on)])
    if expected is None:
        assert advance(r, Event.of("forward"), on=on).value.stage is Stage.AT_PROVINCE
    else:
        assert refusal(r, Event.of("forward"), on) == f"forward: {expected} [cycle.refused]"


def at_province_evaluated(on: dt.date, score: int | Decimal | Fraction) -> Record:
    """A product evaluated by the province on ``on`` (district 75 first where there is one)."""
    r = developed("P", on - dt.timedelta(days=120))
    r = walk(r, [(Event.of("file_dossier"), on)])
    if rules_for(r, on).chain[0] is Level.COMMUNE:
        r = walk(r, [(Event.commune_check(), on)])
    else:
        r = walk(r, [(Event.evaluate("district", 75), on)])
    return walk(r, [(Event.of("forward"), on), (Event.evaluate("province", score), on)])


PROVINCE_FORWARD = [
    (D(2020, 11, 1), 89, "province score 89 < 90 needed to go to the central council (1048 era)"),
    (D(2020, 11, 1), 90, None),
    (D(2024, 11, 1), Decimal("89.99"), "province score 89.99 < 90 needed to go to the central council (148/QĐ-TTg)"),  # noqa: E501
    (D(2024, 11, 1), 90, None),
    (D(2025, 11, 1), 89, "province score 89 < 90 needed to go to the ministry (1489/QĐ-TTg)"),
    (D(2025, 11, 1), 90, None),
    (D(2026, 11, 1), 89, "province score 89 < 90 needed to go to the ministry (26/2026/QĐ-TTg art. 7.3.e)"),  # noqa: E501
    (D(2026, 11, 1), 90, None),
]  # fmt: skip


@pytest.mark.parametrize(("on", "score", "expected"), PROVINCE_FORWARD)
def test_province_forward_thresholds(
    on: dt.date, score: int | Decimal, expected: str | None
) -> None:
    r = at_province_evaluated(on, score)
    if expected is None:
        assert advance(r, Event.of("forward"), on=on).value.stage is Stage.AT_NATIONAL
    else:
        assert refusal(r, Event.of("forward"), on) == f"forward: {expected} [cycle.refused]"


# -- who recognises what -------------------------------------------------------------------


RECOGNITION = [
    # 26/2026 art. 4.1: the province 3–4★, the ministry 5★.
    (D(2026, 11, 1), 95, 5, "province", "province cannot recognise 5★ under 26/2026/QĐ-TTg: only the Ministry of Agriculture and Environment (26/2026/QĐ-TTg art. 4.1)"),  # noqa: E501
    (D(2026, 11, 1), 75, 4, "province", None),
    (D(2026, 11, 1), 55, 3, "province", None),
    (D(2026, 11, 1), 45, 2, "province", "2★ gets no certificate: only 3★, 4★ and 5★ products are recognised (26/2026/QĐ-TTg art. 4.1.a)"),  # noqa: E501
    (D(2026, 11, 1), 75, 4, "national", "national cannot recognise 4★ under 26/2026/QĐ-TTg: only the province (26/2026/QĐ-TTg art. 4.1)"),  # noqa: E501
    (D(2026, 11, 1), 65, 4, "province", "cannot recognise 4★: the province council gave 3★ (score 65)"),  # noqa: E501
    # 148: the district 3★, the province 4★.
    (D(2024, 11, 1), 65, 3, "province", "province cannot recognise 3★ under 148/QĐ-TTg: only the district"),  # noqa: E501
    (D(2024, 11, 1), 85, 4, "province", None),
    # 1048 era: the central level 5★, MARD before 1 March 2025.
    (D(2020, 11, 1), 95, 5, "province", "province cannot recognise 5★ under 490/QĐ-TTg: only the Ministry of Agriculture and Rural Development"),  # noqa: E501
    (D(2020, 11, 1), 65, 3, "province", None),
]  # fmt: skip


@pytest.mark.parametrize(("on", "score", "stars", "level", "expected"), RECOGNITION)
def test_recognition_authority(
    on: dt.date, score: int, stars: int, level: str, expected: str | None
) -> None:
    r = at_province_evaluated(on, score)
    event = Event.recognize(stars, level)
    if expected is None:
        after = advance(r, event, on=on).value
        assert after.stage is Stage.RECOGNIZED
        assert after.stars == stars
    else:
        assert refusal(r, event, on) == f"recognize: {expected} [cycle.refused]"


def test_148_district_recognises_3_stars() -> None:
    on = D(2024, 3, 1)
    r = developed("P", D(2023, 11, 1))
    r = walk(r, [(Event.of("file_dossier"), on), (Event.evaluate("district", 60), on)])
    after = walk(r, [(Event.recognize(3, "district"), on)])
    assert after.certificate is not None
    assert after.certificate.issued_by is Level.DISTRICT
    assert refusal(r, Event.recognize(4, "district"), on) == (
        "recognize: district cannot recognise 4★ under 148/QĐ-TTg: only the province "
        "[cycle.refused]"
    )


def five_star_path(on: dt.date, national: int) -> Record:
    r = at_province_evaluated(on, 92)
    return walk(r, [(Event.of("forward"), on), (Event.evaluate("national", national), on)])


def test_ministry_recognises_5_stars_under_26_2026() -> None:
    on = D(2026, 11, 1)
    r = walk(five_star_path(on, 93), [(Event.recognize(5, "national"), on)])
    assert r.certificate is not None
    assert (r.certificate.stars, r.certificate.issued_by) == (5, Level.NATIONAL)


def test_province_recognises_4_stars_on_the_ministrys_result_below_90() -> None:
    # 26/2026 art. 7.4 (last paragraph): a product below 90 at the ministry.
    on = D(2026, 11, 1)
    r = five_star_path(on, 86)
    assert walk(r, [(Event.recognize(4, "province"), on)]).stars == 4
    assert refusal(r, Event.recognize(5, "national"), on) == (
        "recognize: cannot recognise 5★: the national council gave 4★ (score 86) [cycle.refused]"
    )


def test_province_cannot_recognise_on_the_ministrys_result_before_26_2026() -> None:
    on = D(2024, 11, 1)
    r = five_star_path(on, 86)
    assert refusal(r, Event.recognize(4, "province"), on) == (
        "recognize: the province council has not evaluated this product: it is at "
        "national_evaluated [cycle.refused]"
    )


def test_national_cannot_recognise_before_its_own_evaluation() -> None:
    on = D(2026, 11, 1)
    r = at_province_evaluated(on, 95)
    assert refusal(r, Event.recognize(5, "national"), on) == (
        "recognize: the national council has not evaluated this product: it is at "
        "province_evaluated [cycle.refused]"
    )


# -- evaluations ---------------------------------------------------------------------------


def test_stars_never_exceed_the_band_of_the_score() -> None:
    on = D(2026, 11, 1)
    r = at_province_evaluated(on, 80)
    r = walk(Record.new("P"), [(e.event, e.on) for e in r.history[:-1]])
    assert refusal(r, Event.evaluate("province", 65, stars=4), on) == (
        "evaluate: 4★ is above the band of score 65 (3★; 26/2026/QĐ-TTg art. 3.3) [cycle.refused]"
    )
    lowered = walk(r, [(Event.evaluate("province", 75, stars=3), on)])
    assert lowered.evaluations[-1].stars == 3
    assert refusal(lowered, Event.recognize(4, "province"), on) == (
        "recognize: cannot recognise 4★: the province council gave 3★ (score 75) [cycle.refused]"
    )


def test_the_commune_does_not_score_under_26_2026() -> None:
    on = D(2026, 6, 1)
    r = walk(developed("P", D(2026, 1, 5)), [(Event.of("file_dossier"), on)])
    assert refusal(r, Event.evaluate("commune", 70), on) == (
        "evaluate: the commune does not score products under 26/2026/QĐ-TTg: it checks the "
        "dossier (26/2026/QĐ-TTg art. 7.2) [cycle.refused]"
    )


def test_evaluation_at_the_wrong_level() -> None:
    on = D(2019, 10, 1)
    r = walk(developed("P", D(2019, 4, 1)), [(Event.of("file_dossier"), on)])
    assert refusal(r, Event.evaluate("province", 70), on) == (
        "evaluate: the dossier is waiting for the district council, not the province "
        "[cycle.refused]"
    )


@attrs.frozen
class CouncilResult:
    """Stands for an assessment from ``ocop.rating``: anything with ``mean`` and ``stars``."""

    mean: Fraction
    stars: int


def test_an_assessment_can_be_passed_as_the_result() -> None:
    on = D(2026, 11, 1)
    r = at_province_evaluated(on, 80)
    r = walk(Record.new("P"), [(e.event, e.on) for e in r.history[:-1]])
    r = walk(r, [(Event.evaluate("province", CouncilResult(Fraction(149, 2), 3)), on)])
    assert r.evaluations[-1].score == Fraction(149, 2)
    assert r.evaluations[-1].stars == 3


@pytest.mark.parametrize(
    ("result", "error"),
    [(72.5, OcopTypeError), ("72", OcopTypeError), (101, OcopValueError), (True, OcopTypeError)],
)
def test_bad_scores_are_programmer_errors(result: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        Event.evaluate("province", result)  # type: ignore[arg-type]


# -- the stages around the evaluations ------------------------------------------------------


def test_an_event_the_stage_does_not_allow_is_refused_with_the_stage() -> None:
    r = developed("P", D(2019, 4, 1))
    assert refusal(r, Event.recognize(4, "province"), D(2019, 6, 1)) == (
        "recognize: cannot recognize a product at stage in_development under 490/QĐ-TTg "
        "[cycle.refused]"
    )


def test_events_cannot_go_back_in_time() -> None:
    r = developed("P", D(2019, 4, 1))
    assert refusal(r, Event.of("file_dossier"), D(2019, 4, 2)) == (
        "file_dossier: file_dossier on 2019-04-02 is before the last step (2019-04-29) "
        "[cycle.refused]"
    )


def test_before_the_programme_nothing_applies() -> None:
    assert refusal(Record.new("P"), Event.register(), D(2018, 5, 6)) == (
        "register: no OCOP regime was in force on 2018-05-06 (the programme starts on "
        "2018-05-07) [cycle.refused]"
    )


def test_a_rejected_idea_enters_the_next_cycle() -> None:
    r = walk(
        Record.new("P"),
        [(Event.register(), D(2019, 4, 1)), (Event.of("reject_idea"), D(2019, 5, 1))],
    )
    assert r.stage is Stage.IDEA_REJECTED
    again = walk(r, [(Event.register(), D(2020, 4, 1))])
    assert (again.stage, again.round) == (Stage.REGISTERED, 2)


def test_a_product_that_fails_enters_the_next_cycle() -> None:
    r = at_district_1048(40)
    again = walk(r, [(Event.register(), D(2020, 4, 1))])
    assert (again.stage, again.round, again.evaluations) == (Stage.REGISTERED, 2, ())


def test_a_returned_dossier_is_filed_again() -> None:
    on = D(2026, 6, 1)
    r = walk(
        developed("P", D(2026, 1, 5)),
        [(Event.of("file_dossier"), on), (Event.commune_check(passed=False), on)],
    )
    assert r.stage is Stage.RETURNED
    assert walk(r, [(Event.of("file_dossier"), on)]).stage is Stage.DOSSIER_FILED


def test_an_existing_product_files_straight_after_registering() -> None:
    for on in (D(2019, 6, 1), D(2026, 6, 1)):
        r = walk(Record.new("P"), [(Event.register(), on)])
        assert walk(r, [(Event.of("file_dossier"), on)]).stage is Stage.DOSSIER_FILED


def test_the_first_levels_step_files_the_dossier_when_no_filing_was_recorded() -> None:
    on = D(2019, 10, 15)
    r = walk(Record.new("P"), [(Event.register(), D(2019, 4, 1))])
    evaluated = walk(r, [(Event.evaluate("district", 72), on)])
    assert (evaluated.stage, evaluated.filed, evaluated.purpose) == (
        Stage.DISTRICT_EVALUATED,
        on,
        Purpose.FIRST,
    )
    assert refusal(r, Event.evaluate("province", 72), on) == (
        "evaluate: the dossier is waiting for the district council, not the province "
        "[cycle.refused]"
    )
    new = walk(Record.new("P"), [(Event.register(), D(2026, 6, 1))])
    checked = walk(new, [(Event.commune_check(), D(2026, 6, 5))])
    assert (checked.stage, checked.filed) == (Stage.COMMUNE_CHECKED, D(2026, 6, 5))
    assert refusal(new, Event.evaluate("province", 72), D(2026, 6, 5)) == (
        "evaluate: the province council evaluates only a dossier sent to it: the product is "
        "at registered under 26/2026/QĐ-TTg [cycle.refused]"
    )
    assert refusal(new, Event.of("forward"), D(2026, 6, 5)) == (
        "forward: cannot forward a product at stage registered under 26/2026/QĐ-TTg [cycle.refused]"
    )


def test_events_have_other_spellings() -> None:
    assert EventKind("recognise") is EventKind.RECOGNIZE
    assert EventKind("Re-evaluate") is EventKind.RE_EVALUATE
    assert EventKind("check") is EventKind.COMMUNE_CHECK
    with pytest.raises(ValueError, match="'fly' is not a valid EventKind"):
        EventKind("fly")


# -- after recognition ----------------------------------------------------------------------


ISSUED = D(2026, 12, 2)


def recognized_26(stars: int = 4, on: dt.date = ISSUED) -> Record:
    score = {3: 60, 4: 80, 5: 95}[stars]
    if stars == 5:
        return walk(five_star_path(on, 95), [(Event.recognize(5, "national"), on)])
    return walk(at_province_evaluated(on, score), [(Event.recognize(stars, "province"), on)])


def test_expiry_is_36_months_after_issue_and_not_before() -> None:
    r = recognized_26()
    assert r.certificate is not None
    assert r.certificate.expires_on == D(2029, 12, 2)
    # Valid through the 36-month day (art. 4.3, the Civil Code's count): the same status
    # as the certificate model gives on that day.
    assert r.certificate.status_on(D(2029, 12, 2)) is CertificateStatus.VALID
    assert refusal(r, Event.of("expire"), D(2029, 12, 2)) == (
        "expire: the certificate is valid through 2029-12-02 (36 months from its issue on "
        "2026-12-02, 26/2026/QĐ-TTg art. 4.3): it expires from the day after [cycle.refused]"
    )
    assert r.certificate.status_on(D(2029, 12, 3)) is CertificateStatus.LAPSED
    gone = walk(r, [(Event.of("expire"), D(2029, 12, 3))])
    assert (gone.stage, gone.certificate) == (Stage.EXPIRED, None)
    assert walk(gone, [(Event.register(), D(2030, 1, 2))]).round == 2


def test_a_pending_re_evaluation_keeps_the_certificate_up_to_180_days() -> None:
    # 26/2026 art. 12.3: a late re-evaluation keeps the certificate until it is decided.
    r = walk(recognized_26(), [(Event.of("re_evaluate"), D(2029, 11, 1))])
    assert r.purpose is Purpose.RE_EVALUATION
    assert refusal(r, Event.of("expire"), D(2030, 5, 30)) == (
        "expire: the certificate expired on 2029-12-02 but stays valid while its "
        "re-evaluation, filed late on 2029-11-01, is decided: until 2030-05-31 at most "
        "(26/2026/QĐ-TTg art. 12.3) [cycle.refused]"
    )
    assert refusal(r, Event.of("expire"), D(2030, 5, 31)).startswith("expire: the certificate")
    assert walk(r, [(Event.of("expire"), D(2030, 6, 1))]).stage is Stage.EXPIRED


def test_an_on_time_re_evaluation_extends_nothing() -> None:
    # Art. 12.3 covers only a filing that missed the window of art. 7.6.a.
    r = walk(recognized_26(), [(Event.of("re_evaluate"), D(2029, 7, 1))])
    assert r.certificate is not None
    assert r.certificate.filing_window == (D(2029, 6, 5), D(2029, 8, 4))
    assert refusal(r, Event.of("expire"), D(2029, 12, 2)).startswith("expire: the certificate")
    assert walk(r, [(Event.of("expire"), D(2029, 12, 3))]).stage is Stage.EXPIRED


def test_a_late_re_evaluation_under_148_extends_nothing() -> None:
    # A certificate that expired on 5 Apr 2026: its late filing was under 148/QĐ-TTg, before
    # 26/2026/QĐ-TTg (and its art. 12.3) took effect on 22 May 2026.
    on = D(2023, 4, 5)
    r = developed("P", D(2022, 11, 1))
    r = walk(
        r,
        [
            (Event.of("file_dossier"), on),
            (Event.evaluate("district", 60), on),
            (Event.recognize(3, "district"), on),
            (Event.of("re_evaluate"), D(2026, 3, 1)),
        ],
    )
    assert r.certificate is not None
    assert r.certificate.expires_on == D(2026, 4, 5)
    assert r.certificate.status_on(D(2026, 4, 6), filed_on=D(2026, 3, 1)) is (
        CertificateStatus.LAPSED
    )
    assert walk(r, [(Event.of("expire"), D(2026, 4, 6))]).stage is Stage.EXPIRED


def test_withdrawing_an_upgrade_keeps_the_certificate() -> None:
    r = walk(recognized_26(4), [(Event.of("upgrade"), D(2027, 3, 1))])
    assert (r.stage, r.purpose, r.stars) == (Stage.DOSSIER_FILED, Purpose.UPGRADE, 4)
    back = walk(r, [(Event.of("withdraw"), D(2027, 3, 2))])
    assert (back.stage, back.stars) == (Stage.RECOGNIZED, 4)


def test_a_5_star_product_cannot_be_upgraded() -> None:
    r = recognized_26(5)
    assert refusal(r, Event.of("upgrade"), D(2027, 1, 1)) == (
        "upgrade: a 5★ product cannot be upgraded: 5★ is the highest class (26/2026/QĐ-TTg "
        "art. 3.3.a; an upgrade raises the stars, art. 7.5) [cycle.refused]"
    )


def test_revocation_by_the_authority_of_the_stars() -> None:
    # 26/2026 art. 8.2: the province revokes 3–4★, the ministry 5★.
    on = D(2027, 6, 1)
    five = recognized_26(5)
    assert refusal(five, Event.revoke("law_breach", level="province"), on) == (
        "revoke: province cannot revoke a 5★ certificate on 2027-06-01: only the Ministry of "
        "Agriculture and Environment (26/2026/QĐ-TTg art. 8.2.b) [cycle.refused]"
    )
    gone = walk(five, [(Event.revoke(RevocationGround.LAW_BREACH, level="national"), on)])
    assert gone.stage is Stage.REVOKED
    assert gone.history[-1].reason == "revoked: law_breach (26/2026/QĐ-TTg art. 8.1.c)"
    assert refusal(gone, Event.register(), on) == (
        "register: cannot register a product at stage revoked under 26/2026/QĐ-TTg [cycle.refused]"
    )


# -- regimes by date ------------------------------------------------------------------------

REGIME_CHANGES = [
    (D(2018, 5, 7), "490/QĐ-TTg"),
    (D(2023, 2, 23), "490/QĐ-TTg"),
    (D(2023, 2, 24), "148/QĐ-TTg"),
    (D(2025, 7, 5), "148/QĐ-TTg"),
    (D(2025, 7, 6), "1489/QĐ-TTg"),
    (D(2026, 5, 21), "1489/QĐ-TTg"),
    (D(2026, 5, 22), "26/2026/QĐ-TTg"),
]


@pytest.mark.parametrize(("on", "regime"), REGIME_CHANGES)
def test_the_regime_is_chosen_by_the_events_date(on: dt.date, regime: str) -> None:
    r = walk(Record.new("P"), [(Event.register(), on)])
    assert r.history[-1].regime == regime


def test_a_dossier_filed_before_22_may_2026_finishes_under_the_old_rules() -> None:
    # 26/2026 art. 12.2.a: within 60 days of 22 May 2026, i.e. by 21 July 2026.
    r = walk(developed("P", D(2026, 1, 5)), [(Event.of("file_dossier"), D(2026, 5, 20))])
    assert r.filed_regime == "1489/QĐ-TTg"
    r = walk(r, [(Event.commune_check(), D(2026, 6, 1)), (Event.of("forward"), D(2026, 6, 2))])
    assert r.history[-1].regime == "1489/QĐ-TTg"
    assert warnings(r, Event.evaluate("province", 75), D(2026, 7, 21)) == []
    assert warnings(r, Event.evaluate("province", 75), D(2026, 7, 22)) == [
        "evaluate on 2026-07-22: a dossier filed on 2026-05-20 under 1489/QĐ-TTg must be "
        "finished by 2026-07-21 (26/2026/QĐ-TTg art. 12.2.a)"
    ]


def test_a_re_evaluation_filed_before_22_may_2026_has_30_days() -> None:
    on = D(2023, 6, 1)
    r = walk(at_province_evaluated(on, 80), [(Event.recognize(4, "province"), on)])
    r = walk(
        r,
        [
            (Event.of("re_evaluate"), D(2026, 5, 21)),
            (Event.commune_check(), D(2026, 5, 25)),
            (Event.of("forward"), D(2026, 6, 1)),
        ],
    )
    assert warnings(r, Event.evaluate("province", 80), D(2026, 6, 21)) == []
    assert warnings(r, Event.evaluate("province", 80), D(2026, 6, 22)) == [
        "evaluate on 2026-06-22: a dossier filed on 2026-05-21 under 1489/QĐ-TTg must be "
        "finished by 2026-06-21 (26/2026/QĐ-TTg art. 12.2.b)"
    ]


def test_a_certificate_issued_before_26_2026_stays_valid_to_its_end() -> None:
    # 26/2026 art. 12.1; revocation then follows the rules of its date (art. 8.2).
    on = D(2024, 3, 1)
    r = developed("P", D(2023, 11, 1))
    r = walk(
        r,
        [
            (Event.of("file_dossier"), on),
            (Event.evaluate("district", 60), on),
            (Event.recognize(3, "district"), on),
        ],
    )
    assert r.certificate is not None
    assert r.certificate.expires_on == D(2027, 3, 1)
    assert refusal(r, Event.of("expire"), D(2027, 2, 28)).startswith("expire: the certificate")
    assert refusal(r, Event.revoke("other", level="district"), D(2026, 9, 1)) == (
        "revoke: district cannot revoke a 3★ certificate on 2026-09-01: only the province "
        "(26/2026/QĐ-TTg art. 8.2.a; no district level from 1 July 2025) [cycle.refused]"
    )
    # The authority in force on the day of revocation, whatever issued the certificate.
    gone = walk(r, [(Event.revoke("other", level="province"), D(2026, 9, 1))])
    assert gone.stage is Stage.REVOKED
    # Under 148, before the districts went, the district revokes what it recognised.
    assert walk(r, [(Event.revoke("other", level="district"), D(2024, 9, 1))]).stage is (
        Stage.REVOKED
    )


def test_authority_names_follow_the_ministry_merger() -> None:
    assert authority_name(Level.NATIONAL, D(2025, 2, 28)) == (
        "the Ministry of Agriculture and Rural Development"
    )
    assert authority_name(Level.NATIONAL, D(2025, 3, 1)) == (
        "the Ministry of Agriculture and Environment"
    )
    assert authority_name(Level.PROVINCE, D(2025, 3, 1)) == "the province"


# -- replay -----------------------------------------------------------------------------------


def test_replay_refuses_a_history_that_does_not_follow() -> None:
    r = recognized_26()
    forged = list(r.history)
    forged[-1] = attrs.evolve(forged[-1], event=Event.recognize(5, "province"))
    with pytest.raises(
        OcopValueError, match=r"step 10 \(recognize on 2026-12-02\): province cannot"
    ):
        replay(forged, product="P")
    skipped = r.history[:5] + r.history[6:]
    with pytest.raises(OcopValueError, match=r"step 6 .* starts at dossier_filed"):
        replay(skipped, product="P")


def test_transitions_lookup() -> None:
    assert transitions("26-2026") == transitions("26/2026/QĐ-TTg")
    with pytest.raises(OcopLookupError):
        transitions("1999")
    kinds = {row.event for row in transitions("490-2018")}
    assert EventKind.COMMUNE_CHECK not in kinds


def test_a_rating_from_ocop_rating_is_an_assessment() -> None:
    from ocop.rating import MarksBasis, Rating

    rating = Rating(
        product="QT-014",
        criteria_set="26/2026/QĐ-TTg",
        sheet=1,
        members=(),
        mean=Fraction(1831, 20),
        band_stars=5,
        stars=4,  # a 5★ minimum mark was missed
        unmet=(),
        marks_on=MarksBasis.AGREED,
    )
    on = D(2026, 11, 1)
    r = at_province_evaluated(on, 80)
    r = walk(Record.new("P"), [(e.event, e.on) for e in r.history[:-1]])
    r = walk(r, [(Event.evaluate("province", rating), on)])
    assert (r.evaluations[-1].score, r.evaluations[-1].stars) == (Fraction(1831, 20), 4)
    # 26/2026 art. 7.3.e sends on the products "đạt từ 90 trở lên": the score decides.
    assert advance(r, Event.of("forward"), on=on).value.stage is Stage.AT_NATIONAL


# -- the law's details (issue: district tier, art. 7.2.b, art. 7.3.e) ----------------------


@pytest.mark.parametrize(
    ("on", "refused"),
    [(D(2025, 6, 30), False), (D(2025, 7, 1), True), (D(2025, 8, 15), True)],
)
def test_no_district_evaluation_from_1_july_2025(on: dt.date, refused: bool) -> None:
    # A 148 dossier filed in May 2025 stays under 148, but its district is gone in July.
    r = walk(developed("P", D(2025, 1, 6)), [(Event.of("file_dossier"), D(2025, 5, 2))])
    result = advance(r, Event.evaluate("district", 75), on=on)
    if not refused:
        assert result.value.stage is Stage.DISTRICT_EVALUATED
        return
    assert refusal(r, Event.evaluate("district", 75), on) == (
        "evaluate: no district evaluation on or after 2025-07-01: local government has two "
        "tiers, province and commune, from that day (Nghị quyết 203/2025/QH15, Luật "
        "72/2025/QH15 art. 1) [cycle.refused]"
    )


def test_no_district_recognition_from_1_july_2025() -> None:
    r = walk(
        developed("P", D(2025, 1, 6)),
        [
            (Event.of("file_dossier"), D(2025, 5, 2)),
            (Event.evaluate("district", 60), D(2025, 6, 20)),
        ],
    )
    assert refusal(r, Event.recognize(3, "district"), D(2025, 8, 1)).startswith(
        "recognize: no district recognition on or after 2025-07-01"
    )
    assert walk(r, [(Event.recognize(3, "district"), D(2025, 6, 30))]).stage is Stage.RECOGNIZED


def test_a_forward_late_by_the_15_working_days_is_warned_about() -> None:
    # 26/2026 art. 7.2: within 15 working days the commune checks (a) and sends on (b).
    r = walk(
        developed("P", D(2026, 6, 1)),
        [(Event.of("file_dossier"), D(2026, 9, 21)), (Event.commune_check(), D(2026, 10, 5))],
    )
    assert advance(r, Event.of("forward"), on=D(2026, 10, 12)).problems == ()
    (late,) = advance(r, Event.of("forward"), on=D(2026, 10, 13)).problems
    assert (late.code, late.severity) == ("cycle.deadline", Severity.WARNING)
    assert late.message == (
        "forward on 2026-10-13: the commune checks and sends the dossier on within 15 working "
        "days of the filing on 2026-09-21, by 2026-10-12 (26/2026/QĐ-TTg art. 7.2.b)"
    )


def test_a_90_point_product_held_below_5_stars_is_forwarded_with_a_warning() -> None:
    # Art. 7.3.e: "có tiềm năng đạt 5 sao (đạt từ 90 trở lên)" — the points decide; the
    # marks that hold the product at 4★ are said.
    on = D(2026, 11, 2)
    r = developed("P", on - dt.timedelta(days=120))
    r = walk(
        r,
        [
            (Event.of("file_dossier"), on),
            (Event.commune_check(), on),
            (Event.of("forward"), on),
            (Event.evaluate("province", 92, stars=4), on),
        ],
    )
    result = advance(r, Event.of("forward"), on=on)
    assert result.value.stage is Stage.AT_NATIONAL
    (warning,) = result.problems
    assert warning.code == "cycle.marks"
    assert "its marks hold it at 4★" in warning.message
    five = walk(at_province_evaluated(on, 92), [])
    assert advance(five, Event.of("forward"), on=on).problems == ()

"""Money: figures and words, read and written the Vietnamese way."""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocop.errors import OcopTypeError, OcopValueError
from ocop.money import Unit, format_amount, in_words, parse_amount, parse_words, to_dong

# Readings checked against the rules of DOMAIN §5 (linh/lẻ, mốt, lăm, tư, không trăm).
WORDS = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (55, "năm mươi lăm"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (1_000, "một nghìn"),
    (1_001, "một nghìn không trăm linh một"),
    (1_010, "một nghìn không trăm mười"),
    (2_024, "hai nghìn không trăm hai mươi tư"),
    (10_000, "mười nghìn"),
    (15_000, "mười lăm nghìn"),
    (100_000, "một trăm nghìn"),
    (1_000_000, "một triệu"),
    (1_000_001, "một triệu không trăm linh một"),
    (1_000_100, "một triệu một trăm"),
    (1_050_000_000, "một tỷ không trăm năm mươi triệu"),
    (2_000_000_005, "hai tỷ không trăm linh năm"),
    (6_422_000_000, "sáu tỷ bốn trăm hai mươi hai triệu"),
    (6_422_330_000, "sáu tỷ bốn trăm hai mươi hai triệu ba trăm ba mươi nghìn"),
    (1_000_000_000_000, "một nghìn tỷ"),
    (1_000_000_001_000, "một nghìn tỷ không trăm linh một nghìn"),
    (10**15, "một triệu tỷ"),
    (10**18, "một tỷ tỷ"),
    (-5, "âm năm"),
]


@pytest.mark.parametrize(("n", "words"), WORDS)
def test_in_words_reads_numbers_as_documents_do(n: int, words: str) -> None:
    assert in_words(n) == words
    assert parse_words(words) == n


def test_in_words_options() -> None:
    assert in_words(105, linh="lẻ", dong=True, capitalize=True) == "Một trăm lẻ năm đồng"
    assert in_words(15_000, thousand="ngàn") == "mười lăm ngàn"


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Sáu tỷ, bốn trăm hai mươi hai triệu đồng", 6_422_000_000),
        ("sáu tỷ bốn trăm hai mươi hai triệu", 6_422_000_000),
        ("SÁU TỶ, BỐN TRĂM HAI MƯƠI HAI TRIỆU ĐỒNG.", 6_422_000_000),
        ("Bằng chữ: Sáu tỷ, bốn trăm hai mươi hai triệu đồng chẵn", 6_422_000_000),
        ("một trăm lẻ năm", 105),
        ("mười lăm ngàn", 15_000),
        ("hai mươi bốn", 24),
        ("hai mươi nhăm", 25),
        ("hai mươi một", 21),
        ("sáu tỉ", 6_000_000_000),
        ("6 tỷ 422 triệu", 6_422_000_000),
        ("Chƣơng", None),
        ("một nghìn linh năm", 1_005),
    ],
)
def test_parse_words_reads_what_people_write(text: str, n: int | None) -> None:
    if n is None:
        with pytest.raises(OcopValueError):
            parse_words(text)
    else:
        assert parse_words(text) == n


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "cannot read '' as a number: no number words in it"),
        ("đồng", "cannot read 'đồng' as a number: no number words in it"),
        ("sáu tỷ bánh", "cannot read 'sáu tỷ bánh' as a number: unknown word 'bánh'"),
        ("tỷ", "cannot read 'tỷ' as a number: a part is missing"),
        ("hai ²", "cannot read 'hai ²' as a number: unknown word '²'"),
        ("không tỷ", "cannot read 'không tỷ' as a number: nothing before 'tỷ'"),
        (
            "một triệu hai triệu",
            "cannot read 'một triệu hai triệu' as a number: 'một triệu hai' is too big "
            "to come before 'triệu'",
        ),
        (
            "một nghìn hai nghìn",
            "cannot read 'một nghìn hai nghìn' as a number: 'một nghìn hai' is too big "
            "to come before 'nghìn'",
        ),
        (
            "một trăm năm",
            "cannot read 'một trăm năm' as a number: 'một trăm năm' is ambiguous: "
            "write 'linh năm' or 'năm mươi'",
        ),
        ("một mươi", "cannot read 'một mươi' as a number: 'một mươi' is not a ten (say 'mười')"),
        (
            "một trăm trăm",
            "cannot read 'một trăm trăm' as a number: 'trăm' cannot stand here (after 'một trăm')",
        ),
    ],
)
def test_parse_words_says_what_it_cannot_read(text: str, message: str) -> None:
    with pytest.raises(OcopValueError) as err:
        parse_words(text)
    assert str(err.value) == message


@given(st.integers(min_value=0, max_value=10**18))
def test_words_round_trip(n: int) -> None:
    assert parse_words(in_words(n)) == n


@given(
    st.integers(min_value=0, max_value=10**15),
    st.sampled_from(["linh", "lẻ"]),
    st.sampled_from(["nghìn", "ngàn"]),
)
def test_words_round_trip_with_variants(n: int, linh: str, thousand: str) -> None:
    text = in_words(n, linh=linh, thousand=thousand, dong=True, capitalize=True)
    assert parse_words(text) == n
    assert parse_words(text.replace(" triệu", ", triệu")) == n


@given(st.integers(min_value=1, max_value=10**15))
def test_words_follow_the_reading_rules(n: int) -> None:
    words = in_words(n).split()
    # "mốt", "tư" and "lăm" only after a ten; "linh" only after "trăm".
    for i, w in enumerate(words):
        if w in ("mốt", "tư"):
            assert words[i - 1] == "mươi"
        if w == "lăm":
            assert words[i - 1] in ("mười", "mươi")
        if w == "linh":
            assert words[i - 1] == "trăm"
    assert "một mươi" not in " ".join(words)


def test_in_words_refuses_non_integers() -> None:
    with pytest.raises(OcopTypeError, match="'n' must be an int of đồng"):
        in_words(1.5)  # type: ignore[arg-type]
    with pytest.raises(OcopTypeError):
        in_words(True)


@pytest.mark.parametrize(
    ("text", "unit", "dong"),
    [
        ("6.422.330", Unit.THOUSAND, 6_422_330_000),
        ("6422330", Unit.THOUSAND, 6_422_330_000),
        ("1.000 đồng", Unit.DONG, 1_000),
        ("1.000đ", Unit.DONG, 1_000),
        ("6.422.330.000 đồng", Unit.DONG, 6_422_330_000),
        ("6.422.330.000 VNĐ", Unit.DONG, 6_422_330_000),
        ("6.422,33 triệu đồng", Unit.DONG, 6_422_330_000),
        ("6.422,33 triệu", Unit.DONG, 6_422_330_000),
        ("6,4 tỷ đồng", Unit.DONG, 6_400_000_000),
        ("300.000 nghìn đồng", Unit.DONG, 300_000_000),
        ("300 000", Unit.THOUSAND, 300_000_000),
        ("-5", Unit.DONG, -5),
        ("0", Unit.MILLION, 0),
    ],
)
def test_parse_amount(text: str, unit: Unit, dong: int) -> None:
    assert parse_amount(text, unit) == dong


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "'' is not an amount (write it like 6.422.330 or 6.422,33)"),
        ("abc", "'abc' is not an amount (write it like 6.422.330 or 6.422,33)"),
        ("1.5", "'1.5' is not an amount (write it like 6.422.330 or 6.422,33)"),
        ("٣", "'٣' is not an amount (write it like 6.422.330 or 6.422,33)"),
        ("6.42.330", "'6.42.330' is not an amount (write it like 6.422.330 or 6.422,33)"),
        ("1,5", "'1,5' is not a whole number of đồng in VND"),
        ("1,0005 nghìn đồng", "'1,0005 nghìn đồng' is not a whole number of đồng in thousand VND"),
    ],
)
def test_parse_amount_refuses(text: str, message: str) -> None:
    with pytest.raises(OcopValueError) as err:
        parse_amount(text)
    assert str(err.value) == message


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize(
    ("dong", "unit", "places", "text"),
    [
        (6_422_330_000, Unit.DONG, None, "6.422.330.000 đồng"),
        (6_422_330_000, Unit.THOUSAND, None, "6.422.330 nghìn đồng"),
        (6_422_330_000, Unit.MILLION, None, "6.422,33 triệu đồng"),
        (6_422_330_000, Unit.MILLION, 2, "6.422,33 triệu đồng"),
        (6_422_330_000, Unit.MILLION, 0, "6.422 triệu đồng"),
        (6_422_500_000, Unit.MILLION, 0, "6.423 triệu đồng"),
        (6_422_330_000, Unit.BILLION, 1, "6,4 tỷ đồng"),
        (-1_500, Unit.DONG, None, "-1.500 đồng"),
        (0, Unit.MILLION, None, "0 triệu đồng"),
    ],
)
def test_format_amount(dong: int, unit: Unit, places: int | None, text: str) -> None:
    assert format_amount(dong, unit, places=places) == text


@pytest.mark.usefixtures("vietnamese")
def test_format_amount_rounding_is_explicit() -> None:
    assert format_amount(6_422_500_000, Unit.MILLION, places=0, rounding=ROUND_DOWN) == (
        "6.422 triệu đồng"
    )


@pytest.mark.usefixtures("vietnamese")
@given(st.integers(min_value=-(10**15), max_value=10**15), st.sampled_from(list(Unit)))
def test_format_then_parse_is_exact(dong: int, unit: Unit) -> None:
    assert parse_amount(format_amount(dong, unit)) == dong


def test_to_dong_refuses_floats_and_fractions_of_a_dong() -> None:
    assert to_dong(Decimal("6422.33"), Unit.MILLION) == 6_422_330_000
    with pytest.raises(OcopTypeError):
        to_dong(1.5)  # type: ignore[arg-type]
    with pytest.raises(OcopValueError, match="not a whole number of đồng"):
        to_dong(Decimal("0.5"))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("1.000 đồng", Unit.THOUSAND),
        ("nghìn đồng", Unit.THOUSAND),
        ("triệu đồng", Unit.MILLION),
        ("tỷ đồng", Unit.BILLION),
        ("đồng", Unit.DONG),
        ("thousand", Unit.THOUSAND),
    ],
)
def test_unit_names(text: str, unit: Unit) -> None:
    assert Unit.parse(text) is unit
    assert Unit.parse(unit.header) is unit


HUGE = 1_234_567_890_123_456_789_012_345_678_901  # more digits than decimal's default 28


@pytest.mark.usefixtures("vietnamese")
def test_huge_amounts_are_exact() -> None:
    assert to_dong(Decimal(HUGE), Unit.THOUSAND) == HUGE * 1000
    assert parse_amount(f"{HUGE:,}".replace(",", "."), Unit.THOUSAND) == HUGE * 1000
    assert format_amount(10**33 + 79_000, Unit.THOUSAND) == (
        "1.000.000.000.000.000.000.000.000.000.079 nghìn đồng"
    )
    assert format_amount(HUGE * 1000 + 1, Unit.MILLION, places=2) == (
        "1.234.567.890.123.456.789.012.345.678,90 triệu đồng"
    )


@pytest.mark.usefixtures("vietnamese")
@given(st.integers(min_value=-(10**40), max_value=10**40), st.sampled_from(list(Unit)))
def test_format_then_parse_is_exact_beyond_28_digits(dong: int, unit: Unit) -> None:
    assert parse_amount(format_amount(dong, unit)) == dong


# --------------------------------------------------------------------------- shortened forms

SHORT_WORDS = {"mốt": 1, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "rưỡi": 5}
SHORT_WORDS |= {"sáu": 6, "bảy": 7, "tám": 8, "chín": 9}


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("hai triệu mốt", 2_100_000),
        ("hai triệu tư", 2_400_000),
        ("hai triệu rưỡi", 2_500_000),
        ("ba trăm rưỡi", 350),
        ("một trăm mốt", 110),
        ("hai trăm tư", 240),
        ("một nghìn hai", 1_200),
        ("mười nghìn năm", 10_500),
        ("một tỷ rưỡi", 1_500_000_000),
        ("hai trăm rưỡi nghìn", 250_000),
        ("Hai mươi lăm triệu rưỡi đồng", 25_500_000),
        ("hai triệu không trăm linh một", 2_000_001),
        ("hai triệu linh một", 2_000_001),
    ],
)
def test_parse_words_reads_the_shortened_forms(text: str, n: int) -> None:
    assert parse_words(text) == n


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("một trăm nghìn rưỡi", "is ambiguous after 'một trăm': write the part after 'nghìn'"),
        ("hai nghìn tỷ mốt", "is ambiguous after 'hai nghìn': write the part after 'tỷ'"),
        ("hai triệu lăm", "'lăm' follows only a ten; after 'triệu' say 'năm' or 'rưỡi'"),
        ("một trăm năm", "is ambiguous: write 'linh năm' or 'năm mươi'"),
        ("hai triệu rưỡi nghìn", "'rưỡi' cannot stand here"),
        ("rưỡi", "'rưỡi' cannot stand here"),
    ],
)
def test_uncertain_shortened_forms_are_refused_with_a_hint(text: str, hint: str) -> None:
    with pytest.raises(OcopValueError, match=re.escape(hint)):
        parse_words(text)


@given(
    st.integers(min_value=1, max_value=99),
    st.sampled_from([("nghìn", 1_000), ("ngàn", 1_000), ("triệu", 10**6), ("tỷ", 10**9)]),
    st.sampled_from(sorted(SHORT_WORDS)),
)
def test_one_word_after_a_scale_is_the_digit_below_it(
    high: int, scale: tuple[str, int], word: str
) -> None:
    name, value = scale
    text = f"{in_words(high)} {name} {word}"
    assert parse_words(text) == high * value + SHORT_WORDS[word] * value // 10


@given(st.integers(min_value=1, max_value=9), st.sampled_from(["mốt", "tư", "rưỡi"]))
def test_one_word_after_hundreds_is_the_tens(hundreds: int, word: str) -> None:
    tens = {"mốt": 1, "tư": 4, "rưỡi": 5}[word]
    assert parse_words(f"{in_words(hundreds)} trăm {word}") == hundreds * 100 + tens * 10


@given(
    st.integers(min_value=100, max_value=999),
    st.sampled_from(["nghìn", "triệu", "tỷ"]),
    st.sampled_from(sorted(SHORT_WORDS)),
)
def test_a_shortened_form_after_hundreds_is_refused_never_guessed(
    high: int, scale: str, word: str
) -> None:
    with pytest.raises(OcopValueError, match="ambiguous"):
        parse_words(f"{in_words(high)} {scale} {word}")


@given(st.integers(min_value=0, max_value=10**15))
def test_the_full_form_never_reads_as_a_shortened_one(n: int) -> None:
    # What in_words writes is never a shortened form, so it reads back as itself, with both
    # spellings of 'linh'.
    assert parse_words(in_words(n)) == n
    assert parse_words(in_words(n, linh="lẻ")) == n

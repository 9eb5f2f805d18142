"""Numbers round twelve: numbers of papers that went out in clear (a foreigner's permanent
residence ID, the Taiwan residents' permits, a medical insurance card, the certificates of a
marriage, an adoption, a death and a cremation) and a second house number or room after an
address, checked through ``Inspector.inspect`` for the strict and the caseworker profile, each
beside look-alikes that must stay (docs/classifiers-rounds.md, the twenty-second round)."""

from __future__ import annotations

import pytest

from classifiers.entities import passport, permits, resident_id, uscc
from classifiers.scanner import Scanner
from support.inspected import inspected_json, json_leaks, leaks, unchanged, unchanged_json

SCANNER = Scanner()

# A foreigner's permanent residence ID of the 2023 series: 9, the issuing province (11 Beijing,
# 31 Shanghai), the nationality (840 the United States, 826 the United Kingdom), the date of
# birth, a serial and GB 11643's check character. Synthetic, checksum-valid, and failing the Luhn
# check (a number passing it was masked as a bank card by chance).
PERMANENT = "911840198503150016"
PERMANENT_2 = "93182619780101003X"
PERMANENT_BAD = "911840198503150018"  # the same with a wrong check character
# A Taiwan resident's residence permit (港澳台居民居住证: 830000 and the ID's last twelve).
TAIWAN_RESIDENCE = "830000198512120016"


def _entities(text: str) -> dict[str, int]:
    return dict(inspected_json({"bz": text}, "outsourced").entity_counts)


def _found(text: str, entity: str) -> list[str]:
    return [text[m.start : m.end] for m in SCANNER.scan(text) if m.entity == entity]


# 1. A foreigner's permanent residence ID. The 2023 series is an ID number under GB 11643 whose
# first digit (9) no province has: refused by the province's check, it went out under its label
# and alone. Now a RESIDENT_ID, as the 港澳台 residence permits are (810000, 820000, 830000).
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"外国人永久居留身份证号码：{PERMANENT}", "19850315"),
        (f"永居证号：{PERMANENT_2}", "19780101"),
        (f"永久居留证号 {PERMANENT}", "19850315"),
        (f"Smith持永久居留身份证{PERMANENT}办理", "19850315"),
        (PERMANENT, "19850315"),  # alone, as an ID number is
        (f"证件号码：{PERMANENT}，国籍：美国", "19850315"),
        (f"居住证号码：{TAIWAN_RESIDENCE}", "19851212"),  # 830000: Taiwan residents' residence permit
        (TAIWAN_RESIDENCE, "19851212"),
        # A mistyped one after an ID number's label, as a resident's is.
        (f"身份证号：{PERMANENT_BAD}", "19850315"),
    ],
)
def test_a_permanent_residence_id_is_masked(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize("text", [f"永居证号：{PERMANENT}", PERMANENT, TAIWAN_RESIDENCE])
def test_a_permanent_residence_id_is_a_resident_id(text: str) -> None:
    assert _entities(text) == {"RESIDENT_ID": 1}


@pytest.mark.parametrize(
    "text",
    [
        PERMANENT_BAD,  # its check character wrong, no label: an order's number as often
        f"订单号：{PERMANENT_BAD}",
        "990000198503150016",  # 99: no province issues it
        "900000198503150011",  # 00 neither
        "830000198512120017",  # a 830000 number with a wrong check character
        "流水号：911840198513150013",  # month 13
    ],
)
def test_eighteen_digits_opening_with_9_that_are_no_id_stay(text: str) -> None:
    unchanged(text)


def test_a_uscc_opening_with_91_stays_a_uscc() -> None:
    counts = _entities("统一社会信用代码：911101191985031124")
    assert counts == {"USCC": 1}, counts


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        (PERMANENT, True),
        (PERMANENT_2, True),
        (TAIWAN_RESIDENCE, True),
        ("810000199001011230", True),
        (PERMANENT_BAD, False),
        ("990000198503150016", False),
        ("921840198503150013", False),  # 21? a province, but the check character fails
        ("911840230001010015", False),  # born in 2300
    ],
)
def test_resident_id_validate_reads_the_9_series(number: str, valid: bool) -> None:
    assert resident_id.validate(number) is valid


def test_83_opens_an_id_number_but_no_usccs_region() -> None:
    # 83 opens the Taiwan residents' permits, not among the provinces a USCC's region reads: a
    # code of the corpus with 83 there became a USCC when 83 was one of them.
    assert uscc.validate("91830000MA70A1B2CE") is False
    assert 83 not in resident_id.PROVINCE_CODES
    unchanged_json({"lsh": "468325158529255869", "zt": "待审批"})  # the corpus document's serial


def test_a_mistyped_permanent_residence_id_is_mistyped() -> None:
    assert resident_id.mistyped(PERMANENT_BAD)
    assert resident_id.truncated(PERMANENT[:17])
    assert not resident_id.mistyped("990000198503150016")


# The 2017 series: three letters (the nationality) and twelve digits, after its label only.
# 2. The Taiwan residents' travel permit (台胞证): eight digits, after its label only.
PERMITS = [
    # (text, what the scan finds as a PASSPORT)
    ("外国人永久居留证：USA123456789012", ["USA123456789012"]),
    ("永久居留证号：USA110850315001", ["USA110850315001"]),
    ("永居证 GBR310780101002", ["GBR310780101002"]),
    ("外国人永久居留身份证号码为CAN440920101003", ["CAN440920101003"]),
    ("台胞证号：12345678", ["12345678"]),
    ("台湾居民来往大陆通行证号码：12345678", ["12345678"]),
    ("台胞证：1234567890", ["1234567890"]),
    ("台胞证号码 A123456789", ["A123456789"]),
    ("台湾居民来往大陆通行证 12345678(01)", ["12345678(01)"]),
    ("台胞证号：12345678（B）", ["12345678（B）"]),
    # boundaries and look-alikes
    ("USA123456789012", []),  # no label: a product's or an order's shape
    ("订单USA123456789012", []),
    ("永居证号：USA12345678901", []),  # eleven digits
    ("永居证号：USA1234567890123", []),  # thirteen
    ("永居证号：US123456789012", []),  # two letters
    ("12345678", []),
    ("台胞证号：1234567", []),  # seven digits
    ("台胞证号：123456789", []),  # nine
    ("台胞证号：11111111", []),  # a placeholder
    ("台胞证有效期至20301231", []),  # a date after other words
    ("台胞证号：123456789012", []),  # inside a longer number
]


@pytest.mark.parametrize(("text", "found"), PERMITS)
def test_permits_after_their_labels(text: str, found: list[str]) -> None:
    assert _found(text, passport.ENTITY) == found


@pytest.mark.parametrize(("text", "found"), [(t, f) for t, f in PERMITS if f])
def test_permits_find(text: str, found: list[str]) -> None:
    assert [text[a:b] for a, b in permits.find(text)] == found


@pytest.mark.parametrize(("text", "found"), [(t, f) for t, f in PERMITS if f])
def test_a_permits_number_after_its_label_is_masked(text: str, found: list[str]) -> None:
    leaks(text, [found[0][-6:]])
    assert _entities(text) == {"PASSPORT": 1}, text


@pytest.mark.parametrize(("text", "found"), [(t, f) for t, f in PERMITS if not f])
def test_a_permits_look_alikes_stay(text: str, found: list[str]) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("台胞证号", "12345678"),
        ("tbzh", "12345678"),
        ("永居证号", "USA123456789012"),
        ("永久居留证号码", "USA123456789012"),
        ("permanentResidenceNo", "USA123456789012"),
        ("永居证号", PERMANENT_BAD),  # a mistyped 2023 number: the key says what it is
        ("zjhm", "USA123456789012"),  # an ID number's key holding the 2017 series
        ("身份证号", "USA123456789012"),
    ],
)
def test_a_permits_number_under_its_key_is_masked(key: str, value: str) -> None:
    json_leaks({"data": [{"xm": "张伟", key: value}]}, [value[-8:]])
    counts = inspected_json({"data": [{key: value}]}, "outsourced").entity_counts
    assert counts == {"RESIDENT_ID" if len(value) == 18 else "PASSPORT": 1}, counts


# 3. A medical insurance card's number (医保卡号, 医保号, 医疗保险卡号): the social security card's
# in most provinces (a letter and eight digits), elsewhere a city's own. Masked as the card.
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("医保卡号：A12345678", "12345678"),
        ("医疗保险卡号：1234567890", "1234567890"),
        ("医保卡号：61090200012345", "61090200012345"),
        ("医保号：H61090212345", "61090212345"),
        ("医保编号 6109020012345", "6109020012345"),
        ("医疗保险号码为610902001234", "610902001234"),
    ],
)
def test_a_medical_insurance_cards_number_is_masked(text: str, secret: str) -> None:
    leaks(text, [secret])
    assert _entities(text) == {"SOCIAL_SECURITY_CARD": 1}, text


def test_an_id_number_after_the_medical_insurance_label_stays_an_id_number() -> None:
    assert _entities("医保号：610902199001011235") == {"RESIDENT_ID": 1}
    counts = inspected_json({"data": [{"医保号": "610902199001011235"}]}, "outsourced").entity_counts
    assert counts == {"RESIDENT_ID": 1}, counts


@pytest.mark.parametrize("key", ["医保卡号", "医保号", "医疗保险卡号", "ybkh"])
def test_a_medical_insurance_cards_number_under_its_key_is_masked(key: str) -> None:
    json_leaks({"data": [{"xm": "张伟", key: "1234567890"}]}, ["1234567890"])


@pytest.mark.parametrize(
    "text",
    [
        "医保报销金额：1234.56元",
        "医保卡已激活",
        "医保编号待补",
        "医保卡号：123",  # three digits: a list's index
        "医保结算单号：2023120100012",  # a bill's number
        "医保局审批编号：2023120100012",
    ],
)
def test_medical_insurance_look_alikes_stay(text: str) -> None:
    unchanged(text)


# 5. Certificates of the civil registers: a marriage's, a divorce's, an adoption's, a death's, a
# cremation's. Each names a person or a couple in a register that is asked by it.
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("婚姻登记证字号：J610902-2023-000123", "000123"),
        ("结婚证字号：J610902-2023-000123", "000123"),
        ("离婚证字号 L610902-2022-000045", "000045"),
        ("结婚证号：J610902-2023-000123", "000123"),
        ("收养登记证号：（2023）陕收字第012号", "陕收字第012号"),
        ("收养证号：610902-2023-0012", "2023-0012"),
        ("死亡证明编号：Q610902230001", "610902230001"),
        ("居民死亡医学证明书编号：Q610902230001", "610902230001"),
        ("火化证号：2023-0123", "2023-0123"),
        ("火化证明编号 HB20230123", "20230123"),
    ],
)
def test_a_civil_certificates_number_is_masked(text: str, secret: str) -> None:
    leaks(text, [secret])
    assert _entities(text) == {"REGISTER_NUMBER": 1}, text


@pytest.mark.parametrize(
    "text",
    [
        "婚姻状况：已婚",
        "结婚证已领取",
        "死亡证明已开具",
        "火化证号待补",
        "收养登记证号：12",  # two digits
        "案件编号：AJ2023-000123",
        "审批编号：SP610902-2023-000123",
        "批次号：20231201-0001",
        "结婚登记日期：2023-05-20",
    ],
)
def test_civil_certificate_look_alikes_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(("key", "value"), [("结婚证字号", "J610902-2023-000123"), ("swzmbh", "Q610902230001")])
def test_a_civil_certificates_number_under_its_key_is_masked(key: str, value: str) -> None:
    json_leaks({"data": [{"xm": "张伟", key: value}]}, [value[-6:]])


# 4. A second house number or room after the address (育才路12号、13号, 501、502室): the household
# holds both, and the second went out after the masked address.
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("汉滨区育才路12号、13号", "13号"),
        ("家住汉滨区育才路12号、13号，两间门面", "13号"),
        ("住址：汉滨区育才路3栋2单元501、502室", "502"),
        ("住址：育才路12号3单元301、302", "302"),
        ("汉滨区育才路12号,14号", "14号"),
    ],
)
def test_a_second_number_after_the_address_is_masked(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("汉滨区育才路12号、2023年入住", "2023年"),
        ("汉滨区育才路12号、13人居住", "13人"),
        ("住址：汉滨区育才路3栋2单元501、2023年", "2023年"),
    ],
)
def test_what_follows_the_address_and_is_no_number_of_it_stays(text: str, kept: str) -> None:
    for role in ("outsourced", "caseworker"):
        assert kept in inspected_json({"bz": text}, role).body.decode(), role

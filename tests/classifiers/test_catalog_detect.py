import pytest

from classifiers.catalog import Catalog
from classifiers.detect import Detector
from classifiers.scanner import Scanner
from support.synth_people import bad_check, make_id

CATALOG = Catalog.load()
DETECTOR = Detector(CATALOG, Scanner())
ID = make_id()


@pytest.mark.parametrize(
    ("key", "entity"),
    [
        ("idCard", "RESIDENT_ID"),
        ("ID_NUMBER", "RESIDENT_ID"),
        ("id-card-no", "RESIDENT_ID"),
        ("applicantIdCard", "RESIDENT_ID"),
        ("SFZH", "RESIDENT_ID"),
        ("zjhm", "RESIDENT_ID"),
        ("申请人身份证号码", "RESIDENT_ID"),
        ("guardianPhone", "PHONE"),
        ("lxdh", "PHONE"),
        ("手机号码", "PHONE"),
        ("payee_bank_card", "BANK_CARD"),
        ("yhkh", "BANK_CARD"),
        ("xm", "PERSON_NAME"),
        ("jhrxm", "PERSON_NAME"),
        ("监护人姓名", "PERSON_NAME"),
        ("homeAddress", "ADDRESS"),
        ("hjdz", "ADDRESS"),
        ("家庭住址", "ADDRESS"),
        ("email", "EMAIL"),
        ("hotel", None),
        ("caseNo", None),
        # An identifier word after words naming an entity: the entity, not a serial.
        ("telephoneNo", "PHONE"),
        ("mobile_id", "PHONE"),
        ("emergencyContactNo", "PHONE"),
        ("faxNo", "PHONE"),
        ("银行卡编号", "BANK_CARD"),
        ("账户编号", "BANK_CARD"),
        ("手机序号", "PHONE"),
        ("userId", None),  # no entity before the identifier word
        ("householdNo", None),
        ("contactId", None),  # "contact" is only a weak hint (of a name)
        ("phoneType", None),  # "type" is no identifier word: a kind of phone, not a number
        # num and number after the words that name the entity (no business term: pageNum counts)
        ("phoneNum", "PHONE"),
        ("mobile_num", "PHONE"),
        ("telNum", "PHONE"),
        ("pageNum", None),
        ("totalNumber", None),
        ("caseNum", None),
        ("telphone", "PHONE"),  # a slip many schemas keep
        ("telphoneNo", "PHONE"),
        ("idCardNum", "RESIDENT_ID"),  # not the card of cardNum
        ("idNum", "RESIDENT_ID"),
    ],
)
def test_key_entities(key: str, entity: str | None) -> None:
    info = CATALOG.lookup(key)
    assert (info.entity if info else None) == entity


def test_business_and_category_keys() -> None:
    assert CATALOG.lookup("serialNo").business
    assert CATALOG.lookup("case_no").business
    assert CATALOG.lookup("disabilityLevel").category == "disability"
    assert CATALOG.lookup("家庭收入").category == "income"


def _entities(value: str, key: str | None) -> list[tuple[str, str]]:
    return [(m.entity, value[m.start : m.end]) for m in DETECTOR.detect(value, DETECTOR.key_info(key))]


def test_id_key_masks_bad_checksum() -> None:
    assert _entities(bad_check(ID), "sfzh") == [("RESIDENT_ID", bad_check(ID))]
    assert _entities("  " + bad_check(ID), "身份证号") == [("RESIDENT_ID", bad_check(ID))]
    assert _entities("not an id", "idCard") == []


@pytest.mark.parametrize(
    ("value", "key", "entity"),
    [
        (f"{ID[:6]}/{ID[6:14]}/{ID[14:]}", "sfzh", "RESIDENT_ID"),
        (f"{ID[:6]}_{ID[6:14]}_{ID[14:]}", "idNumber", "RESIDENT_ID"),
        ("139/1234/5678", "phone", "MOBILE"),
        ("139_1234_5678", "lxdh", "MOBILE"),
        ("139\t1234\t5678", "lxdh", "MOBILE"),
        ("139 | 1234 | 5678", "mobile", "MOBILE"),
        ("0915\\3212345", "gddh", "LANDLINE"),
        ("6222_0212_3456_7890_128", "bankCard", "BANK_CARD"),
    ],
)
def test_a_key_claims_numbers_grouped_by_any_punctuation(value: str, key: str, entity: str) -> None:
    """Folding joins only spaces, hyphens and dots; under a key naming the entity the digits
    make the value whatever groups them."""
    assert _entities(value, key) == [(entity, value)]


def test_serial_key_with_bad_checksum_stays() -> None:
    assert _entities(bad_check(ID), "serialNo") == []
    assert _entities(bad_check(ID), None) == []
    assert _entities(ID, "serialNo") == [("RESIDENT_ID", ID)]  # a valid ID is masked anywhere
    assert _entities("13912345678", "serialNo") == []


def test_name_keys() -> None:
    assert _entities("小明", "xm") == [("PERSON_NAME", "小明")]  # strong key: no surname needed
    assert _entities("小明", "name") == []  # generic key: surname required
    assert _entities("张伟", "name") == [("PERSON_NAME", "张伟")]
    assert _entities("安康市民政局", "name") == []


def test_address_and_phone_keys() -> None:
    assert _entities("育才路12号", "jtzz") == [("ADDRESS", "育才路12号")]
    assert _entities("0915-3216666", "lxdh") == [("LANDLINE", "0915-3216666")]
    assert _entities("09153216666", "phone") == [("LANDLINE", "09153216666")]


@pytest.mark.parametrize(
    ("key", "value", "entity"),
    [
        # Roles in a case that real civil-affairs systems name by their pinyin initials or in
        # English: their names went out in clear.
        ("contactPerson", "张伟", "PERSON_NAME"),
        ("linkman", "张伟", "PERSON_NAME"),
        ("agentName", "张伟", "PERSON_NAME"),
        ("lxr", "张伟", "PERSON_NAME"),
        ("jhr", "张伟", "PERSON_NAME"),
        ("dlr", "张伟", "PERSON_NAME"),
        ("sqr", "张伟", "PERSON_NAME"),
        ("skr", "张伟", "PERSON_NAME"),
        ("lkr", "张伟", "PERSON_NAME"),
        ("jjlxr", "张伟", "PERSON_NAME"),
        ("poxm", "张伟", "PERSON_NAME"),
        ("jsxm", "张伟", "PERSON_NAME"),
        ("代理人", "张伟", "PERSON_NAME"),
        ("领款人", "张伟", "PERSON_NAME"),
        # An official's name is masked as "经办人：张伟" in text is.
        ("经办人", "张伟", "PERSON_NAME"),
        ("jbr", "张伟", "PERSON_NAME"),
        ("operatorName", "张伟", "PERSON_NAME"),
        # Weak: a status or a login is no name; a surname is required.
        ("配偶", "张伟", "PERSON_NAME"),
        ("配偶", "已婚", None),
        ("家属", "李芳", "PERSON_NAME"),
        ("spouse", "李芳", "PERSON_NAME"),
        ("operator", "admin", None),
        ("agent", "小明", None),
        # A contact's phone and address.
        ("lxrdh", "0915-3216666", "LANDLINE"),
        ("jhrdh", "0915-3216666", "LANDLINE"),
        ("jhrzz", "育才路12号", "ADDRESS"),
        ("lxrdz", "育才路12号", "ADDRESS"),
    ],
)
def test_keys_of_roles_in_a_case(key: str, value: str, entity: str | None) -> None:
    assert _entities(value, key) == ([(entity, value)] if entity else [])


@pytest.mark.parametrize(
    ("key", "value", "entity"),
    [
        # A bank account's holder, as payment rolls name the column, and a name in Chinese
        # beside a romanised one: their names went out in clear.
        ("accountHolderName", "张伟", "PERSON_NAME"),
        ("cardholderName", "张伟", "PERSON_NAME"),
        ("nameCn", "张伟", "PERSON_NAME"),
        ("chineseName", "张伟", "PERSON_NAME"),
        ("khrxm", "张伟", "PERSON_NAME"),
        ("开户人姓名", "张伟", "PERSON_NAME"),
        ("持卡人姓名", "张伟", "PERSON_NAME"),
        # An account or a payee may be an institution's (特困 集中供养: the care home is paid):
        # under these a surname is required, so the institution stays.
        ("开户名", "张伟", "PERSON_NAME"),
        ("开户名", "安康市社会福利院", None),
        ("账户名称", "李芳", "PERSON_NAME"),
        ("收款人名称", "安康市社会福利院", None),
        ("khmc", "王强", "PERSON_NAME"),
        ("khmc", "汉滨区民政局", None),
        ("owner", "李芳", "PERSON_NAME"),
        ("holder", "admin", None),
    ],
)
def test_keys_of_account_holders(key: str, value: str, entity: str | None) -> None:
    assert _entities(value, key) == ([(entity, value)] if entity else [])

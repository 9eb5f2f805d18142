"""Keys the catalog did not know, whose values went out in clear (classifiers/catalog.yaml;
docs/classifiers-rounds.md, "Twenty-seventh round, the session's own work"): an unknown key's value
is read as text, and a full name or a road and number alone is nothing to the text passes.
- names under the keys of a case's staff, a record's author, a parent and a household's head, in
  Chinese and by their pinyin initials, and of the person the record concerns or the assisted;
- addresses under the keys of a home, a registration or a residence;
- the account relief is paid into (一卡通, a passbook), whose number need not pass Luhn, and an ID
  number with a wrong check character under two more ID keys;
- a local number without its area code under a home's, a spare or a work phone's key.
Weak keys need more: a name's surname, an address down to a street or a dwelling, so that a
status, a login, a category or a unit stays."""

from __future__ import annotations

import pytest

from support.inspected import json_leaks, unchanged_json

_KEYS = [
    "审核人",
    "审批人",
    "复核人",
    "负责人",
    "操作员",
    "录入人",
    "填报人",
    "创建人",
    "调查人",
    "走访人",
    "赡养人",
    "抚养人",
    "父亲",
    "母亲",
    "father",
    "mother",
    "createdBy",
    "updatedBy",
    "modifiedBy",
    "lastModifiedBy",
    "createUser",
    "updateUser",
    "reviewedBy",
    "approvedBy",
    "handledBy",
    "shr",
    "spr",
    "fhr",
    "fzr",
    "czy",
    "lrr",
    "tbr",
    "cjr",
    "dcr",
    "ptr",
    "fq",
    "mq",
    "po",
    "hz",
    "hzmc",
]


@pytest.mark.parametrize("key", _KEYS)
def test_a_name_under_the_key_is_masked(key: str) -> None:
    json_leaks({key: "张伟", "id": 1}, ["张伟"])


@pytest.mark.parametrize(
    "doc",
    [
        {"父亲": "已故"},
        {"母亲": "不详"},
        {"审核人": "系统"},
        {"操作员": "管理员"},
        {"负责人": "社区居委会"},
        {"shr": "高新区民政局"},
        {"createdBy": "admin"},
        {"czy": "wangfang"},
        {"hz": "50"},
        {"po": "PO-2024-001"},
        {"fq": "无"},
        {"cjr": "是"},
    ],
)
def test_values_under_such_keys_that_are_no_name_stay(doc: object) -> None:
    unchanged_json(doc)


_NAME_KEYS = [
    "brxm",
    "lrxm",
    "etxm",
    "xsxm",
    "dxxm",
    "cjrxm",
    "受助人",
    "救助对象",
    "保障对象",
    "低保对象",
    "特困人员",
    "jzdx",
    "bzdx",
    "dbdx",
    "tkry",
    "户主名",
    "联系人名称",
    "申请人名称",
    "收款人名称",
    "被调查人",
    "当事人",
    "被监护人",
]
_ADDRESS_KEYS = [
    "jtdz",
    "xzdz",
    "xjzd",
    "jzd",
    "hjd",
    "zhuzhi",
    "户籍地",
    "居住地",
    "现住地",
    "住所",
    "xxdz",
    "sqdz",
    "addrDetail",
    "location",
    "domicile",
]


@pytest.mark.parametrize("key", _NAME_KEYS)
def test_a_name_under_a_key_of_the_person_concerned_is_masked(key: str) -> None:
    json_leaks({key: "张伟", "id": 1}, ["张伟"])


@pytest.mark.parametrize("key", _ADDRESS_KEYS)
def test_an_address_under_its_key_is_masked(key: str) -> None:
    json_leaks({key: "育才路12号3单元502室", "id": 1}, ["育才路", "502"])


@pytest.mark.parametrize(
    "doc",
    [
        {"救助对象": "低保户"},
        {"jzdx": "特困供养人员"},
        {"dbdx": "城市低保"},
        {"tkry": "是"},
        {"当事人": "本人"},
        {"location": "办公室"},
        {"location": "31.2,108.9"},
        {"residence": "城镇"},
        {"xxdz": "无"},
        {"sqdz": "网上申请"},
    ],
)
def test_categories_and_places_under_such_keys_stay(doc: object) -> None:
    unchanged_json(doc)


_ACCOUNT_KEYS = [
    "ffzh", "ffkh", "dfzh", "skrzh", "jszh", "yktzh", "yktkh", "发放账号", "代发账号", "结算账号",
    "一卡通账号", "一卡通", "惠民惠农一卡通", "存折号", "存折账号", "bankAcct", "bankAcctNo",
    "payAccount", "receiveAccount", "receiverAccount", "settleAccount", "cardNum",
]  # fmt: skip
# A card failing Luhn, and a passbook's account number (no Luhn).
_ACCOUNTS = ["6222020005892061359", "2707010101234567890"]


@pytest.mark.parametrize("key", _ACCOUNT_KEYS)
def test_an_account_under_its_key_is_masked(key: str) -> None:
    for account in _ACCOUNTS:
        json_leaks({key: account, "id": 1}, [account[4:-4]])


@pytest.mark.parametrize("key", ["zjh", "shenfenzheng", "idCardNum", "idNum"])
def test_an_id_with_a_wrong_check_character_under_its_key_is_masked(key: str) -> None:
    json_leaks({key: "610902199001011236"}, ["19900101"])


@pytest.mark.parametrize(
    "doc",
    [
        {"一卡通": "已办理"},
        {"ffzh": "待发放"},
        {"jszh": "无"},
        {"一卡通": "是"},
        {"zjh": "无"},
        {"bankNo": "102791000123"},
    ],
)
def test_statuses_and_codes_under_such_keys_stay(doc: object) -> None:
    unchanged_json(doc)


@pytest.mark.parametrize("key", ["bankNo", "bank_no", "BANK_NO", "bankId"])
def test_a_card_under_a_banks_number_goes_and_a_clearing_code_stays(key: str) -> None:
    # A bank's number holds a card's (Luhn passes) as often as the bank's clearing code (联行号):
    # as a business key ("no") it had let the card through; now what the value is decides.
    json_leaks({key: "6222021234567890128", "id": 1}, ["6222021234567890128", "02123456789"])
    json_leaks({key: "6222 0212 3456 7890 128"}, ["0212 3456 7890"])
    unchanged_json({key: "102791000123"})
    unchanged_json({key: "6222021234567890120"})  # fails Luhn: a serial as likely as a card
    unchanged_json({key: 3})


@pytest.mark.parametrize(
    "key", ["loginId", "userId", "USER_NO", "memberCode", "personId", "operatorId", "accountId", "cardId", "用户编号"]
)
def test_a_login_that_is_a_mobile_or_a_card_goes_and_a_serial_stays(key: str) -> None:
    # A login's identifier is a mobile's or a card's number as often as a serial: as a business
    # key ("id", "no") both went out in clear; now what the value is decides.
    json_leaks({key: "13912345678", "id": 1}, ["1234"])
    json_leaks({key: "6222021234567890128"}, ["02123456789"])
    for serial in (10086, "U20240001", 1587654321098765432, "3f2b9c1e-8d7a-4e6b-9c2d-1a2b3c4d5e6f"):
        unchanged_json({key: serial})


@pytest.mark.parametrize("key", ["orderNo", "caseId", "code", "no"])
def test_a_mobile_shaped_serial_under_a_business_key_stays(key: str) -> None:
    unchanged_json({key: "13912345678"})


@pytest.mark.parametrize("key", ["jtdh", "bydh", "dwdh", "shouji", "shoujihao", "dianhua", "telphone", "phoneNum"])
def test_a_local_number_under_a_phone_key_is_masked(key: str) -> None:
    json_leaks({key: "3212345", "id": 1}, ["3212345"])


# The staff's names by their roles' initials and 姓名, the assisted's, an account's or a card's
# holder and a household's head in English (thirty-fourth session): 张伟 went out under each.
@pytest.mark.parametrize(
    "key",
    [
        *("shrxm", "sprxm", "fhrxm", "slrxm", "cbrxm", "lrrxm", "tbrxm", "dcrxm", "zfrxm", "czrxm"),
        *("bjzrxm", "jzdxxm", "khm", "zhmc", "cardholder", "accountHolder", "familyHead", "householdHead"),
        *("headOfHousehold", "sqrmc", "dxmc", "approveUser", "auditUser", "reviewUser", "checkUser"),
        *("handleUser", "acceptUser"),
    ],
)
def test_a_name_under_a_staffs_a_holders_or_a_heads_key_is_masked(key: str) -> None:
    json_leaks({key: "张伟"}, ["张伟"])


def test_a_unit_a_login_or_a_status_under_a_holders_or_a_heads_key_stays() -> None:
    unchanged_json(
        {
            "khm": "汉滨区社会福利院",
            "zhmc": "城关镇财政所",
            "cardholder": "admin",
            "approveUser": "wangfang",
            "dxmc": "低保户",
            "familyHead": "已故",
            "shrxm": "系统",
            "fwxm": "助餐服务",
        }
    )


# A record's author as Java admin frameworks spell it and an institution's legal representative or
# head (thirty-fifth session): a surname required.
@pytest.mark.parametrize(
    "key",
    [
        *("createBy", "updateBy", "modifyBy", "createName", "updateName", "createUserName"),
        *("updateUserName", "legalPerson", "legalRepresentative", "fddbr", "法定代表人", "principal"),
    ],
)
def test_a_name_under_an_authors_or_a_representatives_key_is_masked(key: str) -> None:
    json_leaks({key: "周敏", "id": 1}, ["周敏"])


def test_a_login_or_a_unit_under_an_authors_or_a_representatives_key_stays() -> None:
    unchanged_json(
        {"createBy": "admin", "updateBy": "1", "legalPerson": "汉滨区民政局", "principal": "ROLE_ADMIN", "fddbr": "无"}
    )


@pytest.mark.parametrize("key", ["accountNumber", "zhhm", "账户号码", "账户号"])
def test_an_account_failing_luhn_under_an_accounts_number_key_is_masked(key: str) -> None:
    json_leaks({key: "6228480012345678901"}, ["00123456"])

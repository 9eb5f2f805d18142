"""Numbers round sixteen: a number glued to a percent sign, which the fold read as an escape, an
account after a bank's short name inside a word (集中行动), and letters typed for digits under a
number's key, checked through ``Inspector.inspect`` for the strict and the caseworker profile,
each beside look-alikes that must stay; a declared 低保证号 beside the built-in labels, and what
the round probed and found masked already (docs/classifiers-rounds.md, the twenty-sixth round)."""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest
from presidio_analyzer import AnalyzerEngine

from classifiers.inspect import Inspector
from classifiers.registry import analyzer_engine
from policies.masking import load_profiles
from support.declared_entities import DIBAO_CERT
from support.inspected import inspected_json, json_leaks, leaks, out, unchanged, unchanged_json

# Synthetic: 610902 (汉滨区), 1990-01-01, serial 123, check character 5.
ID = "610902199001011235"
MOBILE = "13912345678"
# 19 digits failing the Luhn check: a passbook's account.
ACCOUNT = "6228480012345678901"
# What either profile must not show of each: the caseworker's keeps an ID number's ends and a
# mobile's first three and last four digits.
ID_SECRETS = ["19900101"]
MOBILE_SECRETS = ["1391234", "12345678"]
ACCOUNT_SECRETS = ["12345678"]


def _entities(text: str) -> dict[str, int]:
    return dict(inspected_json({"bz": text}, "outsourced").entity_counts)


# 1. A percent sign glued to a number. The fold reads '%' and the two characters after it as an
# escape, so that an evasion written "%36%31%30…" is caught; a number beside a '%' lost a digit
# into it ("…1235%36" a run of nineteen, "%13912…" a control character and "912…", "%6109…" an
# "a"), under a phone's or an ID's key too, where a reader sees the number. A second reading
# with the '%' as a separator finds it (scanner.Scanner._scan).
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        (f"身份证号：{ID}%36", ID_SECRETS),
        (f"身份证号：%{ID}", ID_SECRETS),
        (f"申请人张伟，身份证{ID}%12，已审核", ID_SECRETS),  # a guard: "%12" after the number took none of its digits
        (f"电话：%{MOBILE}", MOBILE_SECRETS),
        (f"联系电话{MOBILE}%36", MOBILE_SECRETS),
        (f"占比50%{MOBILE}", MOBILE_SECRETS),
        (f"%A{MOBILE}", MOBILE_SECRETS),  # a hex letter and the number's first digit
        ("电话：139-1234-5678%36", ["1234-5678", "12345678"]),
        (f"{ID}%{MOBILE}", [*ID_SECRETS, *MOBILE_SECRETS]),
    ],
)
def test_a_number_glued_to_a_percent_sign_is_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "doc",
    [
        {"sfzh": f"%{ID}"},
        {"sfzh": f"{ID}%36"},
        {"lxdh": f"%{MOBILE}"},
        {"sjhm": f"{MOBILE}%31"},
        [{"xm": "张伟", "sfzh": f"%{ID}", "lxdh": f"%{MOBILE}"}, {"xm": "李娜", "sfzh": ID, "lxdh": MOBILE}],
    ],
)
def test_a_number_glued_to_a_percent_sign_under_its_key_is_masked(doc: object) -> None:
    json_leaks(doc, [*ID_SECRETS, *MOBILE_SECRETS])


_ESCAPED_ID = "%36%31%30%39%30%32%31%39%39%30%30%31%30%31%31%32%33%35"  # ID, each digit escaped


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        # The evasion the escapes are read for: every digit written as its escape.
        (f"sfzh={_ESCAPED_ID}", [_ESCAPED_ID[18:42], *ID_SECRETS]),
        (f"身份证号：{_ESCAPED_ID}", [_ESCAPED_ID[18:42], *ID_SECRETS]),
        (f"q=%22{ID}%22", ID_SECRETS),
        (f"tel%20{MOBILE}", MOBILE_SECRETS),
    ],
)
def test_the_escapes_of_a_number_are_still_read(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "完成率100%，2023年12月01日发放",
        "增长3.5%12个月",
        "批次号：20231201%0001",
        "占比35%，61户，共计12000元",
        "同比下降12%2023年度",
        "进度：100%",
        "https://mz.example.cn/q?page=2&size=20&rate=100%25&date=2023-12-01%2012:00",
    ],
)
def test_look_alikes_of_a_number_glued_to_a_percent_sign_stay(text: str) -> None:
    unchanged(text)


# 2. A bank's short name inside a word: 中行 in 集中行动 was read as the Bank of China's, and the
# 账号 after it as the bank's account (round fifteen, on the safe side). A short name (农行, 工行,
# 建行, 中行, 交行) counts where no ideograph stands before it (中国 aside), or an account's word
# right after it (张伟农行账号) (labelled_cards.BANK_LABEL).
@pytest.mark.parametrize(
    "text",
    [
        "集中行动，账号：123456789012",
        f"集中行动期间，账号：{ACCOUNT}",
        f"其中行政村账号：{ACCOUNT}",
        f"员工行为规范，账号：{ACCOUNT}",
        f"加工行业登记，帐号：{ACCOUNT}",
        f"已提交行政审批，账号：{ACCOUNT}",
        f"务农行业补贴，账号：{ACCOUNT}",
        f"途中行驶记录，账号：{ACCOUNT}",
    ],
)
def test_an_account_after_a_short_name_inside_a_word_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    "text",
    [
        f"中行账号：{ACCOUNT}",
        f"开户信息：农行{ACCOUNT}",
        f"银行：农行 账号：{ACCOUNT}",
        f"收款：工行，账号：{ACCOUNT}",
        f"中国农行 账号：{ACCOUNT}",
        f"补贴打入张伟农行账号{ACCOUNT}",
        f"建行卡号{ACCOUNT}",
        f"交行 帐号 {ACCOUNT}",
        # A bank's label before the word still names the account.
        f"开户行：城关支行，集中行动期间账号：{ACCOUNT}",
    ],
)
def test_an_account_after_a_short_name_as_a_word_is_masked(text: str) -> None:
    leaks(text, ACCOUNT_SECRETS)
    assert _entities(text).get("BANK_CARD") == 1, text


# 3. Letters typed for digits under an ID number's or a phone's key (O for 0, l and I for 1, by hand
# or by a scan's text recognition): the key's claim took digits only, and a reader reads the
# number (detect.Detector._whole_value reads them as the digits).
@pytest.mark.parametrize(
    "doc",
    [
        {"sfzh": "61O9O2199OO1O11235"},
        {"sfzh": "6109021990010112O5"},  # masked before
        {"身份证号": "6lO9O2l99OOlOll235"},
        {"sjhm": "l39l2345678"},
        {"lxdh": "139-I234-5678"},
        {"lxdh": "O915-3212345"},
        [
            {"xm": "张伟", "sfzh": "61O9O2199OO1O11235", "sjhm": "l39l2345678"},
            {"xm": "李娜", "sfzh": ID, "sjhm": MOBILE},
        ],
    ],
)
def test_letters_for_digits_under_a_numbers_key_are_masked(doc: object) -> None:
    json_leaks(doc, ["O9O2199", "OO1O", "lO9O2l99", "l39l234", "I234-5678", "3212345"])


def test_letters_for_digits_in_a_csv_column_are_masked() -> None:
    body = f"姓名,身份证号,电话\n张伟,61O9O2199OO1O11235,l39l2345678\n李娜,{ID},{MOBILE}\n"
    for role in ("outsourced", "caseworker"):
        masked = out(body, "text/csv", role)
        assert "O9O2199" not in masked and "l39l234" not in masked, (role, masked)


@pytest.mark.parametrize(
    "doc",
    [
        {"sfzh": "Lol"},
        {"sfzh": "无"},
        {"lxdh": "IOIO"},
        {"lxdh": "Hello"},
        {"lxdh": "Iol"},
        {"lxdh": "无"},
        {"code": "O915-3212345"},  # a business key
        {"bz": "OIl0"},
    ],
)
def test_look_alikes_of_letters_for_digits_stay(doc: object) -> None:
    unchanged_json(doc)


# 4. A 低保证号 declared (inspection.custom_entities) beside the built-in labels: found before.
# In text the built-in REGISTER_NUMBER takes the span after its label, the declared entity
# what its own pattern and context find; under the declared keys the declared entity.
DECLARED: dict[str, Any] = {"DIBAO_CERT": DIBAO_CERT}
_LABELS = load_profiles().get("statistician")  # <ENTITY> labels: says which entity was found


@functools.cache
def _declaring() -> Inspector:
    return Inspector(custom_entities=DECLARED)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"bz": "低保证号：410105-2024-000123"}, {"bz": "低保证号：<REGISTER_NUMBER>"}),
        ({"bz": "低保证号：DB6109020001"}, {"bz": "低保证号：<REGISTER_NUMBER>"}),
        ({"bz": "低保证号：陕汉低字第2024001号"}, {"bz": "低保证号：<REGISTER_NUMBER>"}),
        ({"bz": "低保证已发放，编号DB6109020001"}, {"bz": "低保证已发放，编号<DIBAO_CERT>"}),
        ({"dbzh": "410105-2024-000123"}, {"dbzh": "<DIBAO_CERT>"}),
        ({"dbzh": "DB6109020001"}, {"dbzh": "<DIBAO_CERT>"}),
        ({"低保证号": "410105202400012"}, {"低保证号": "<DIBAO_CERT>"}),
        ({"bz": "低保证号待补"}, {"bz": "低保证号待补"}),
        ({"dbzh": "无"}, {"dbzh": "无"}),
    ],
)
def test_a_declared_dibao_number_and_the_built_in_labels_both_mask(doc: object, expected: object) -> None:
    body = json.dumps(doc, ensure_ascii=False).encode()
    assert json.loads(_declaring().inspect(body, "application/json", None, _LABELS).body) == expected


# 5. Probed and found masked already: numerals mixed with digits, a number split by a line
# break, in a URL's query inside a JSON string, a card in odd groups, a landline's extension,
# a number after No. or #.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("手机：一三九1234五六七八", ["一三九1234", "1234五六七八"]),
        ("身份证号：六一〇九〇二1990010112三五", ["19900101"]),
        ("联系电话：13912\n345678，身份证号：610902199001\n011235", ["345678", "011235", "13912"]),
        ("电话：139-1234-\n5678", ["1234"]),
        ("银行卡号：62220 21234 56789 0128", ["21234 56789"]),
        ("银行卡号：6222-021234-567890-128", ["021234-567890"]),
        ("卡号：62 22 02 12 34 56 78 90 128", ["34 56 78 90"]),
        ("电话：0915-3212345转8001", ["3212345", "8001"]),
        ("联系电话 0915-3212345 分机 8001", ["3212345", "8001"]),
        (f"No.{ID}", ID_SECRETS),
        (f"门牌#{MOBILE}", MOBILE_SECRETS),
        (f"编号：№{MOBILE}", MOBILE_SECRETS),
        (f"详见 http://x.cn/a?id={ID}&tel={MOBILE}", [*ID_SECRETS, *MOBILE_SECRETS]),
        (f"见http://x.cn/q?p=%7B%22sfzh%22%3A%22{ID}%22%7D", ID_SECRETS),
    ],
)
def test_numbers_probed_this_round_were_masked_before(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


def test_a_number_in_a_urls_query_inside_a_json_string_was_masked_before() -> None:
    json_leaks({"url": f"https://mz.example.cn/q?sfzh={ID}&sj={MOBILE}"}, [*ID_SECRETS, *MOBILE_SECRETS])


# Presidio's registry reads the same: a second reading of a '%' beside digits
# (recognizers/_pattern.py), and the banks' short names as words (its account recognizer takes
# labelled_cards.BANK_LABEL).
@pytest.mark.parametrize(
    ("text", "entity", "number"),
    [
        (f"身份证号：{ID}%36", "RESIDENT_ID", ID),
        (f"身份证号：%{ID}", "RESIDENT_ID", ID),
        (f"电话：%{MOBILE}", "MOBILE", MOBILE),
        (f"中行账号：{ACCOUNT}", "BANK_CARD", ACCOUNT),
        (f"补贴打入张伟农行账号{ACCOUNT}", "BANK_CARD", ACCOUNT),
    ],
)
def test_presidio_reads_them_as_the_fast_path_does(text: str, entity: str, number: str) -> None:
    results = _engine().analyze(text=text, language="zh")
    hits = [text[r.start : r.end] for r in results if r.entity_type == entity and r.score >= 0.5]
    assert hits == [number], results


@pytest.mark.parametrize("text", [f"集中行动，账号：{ACCOUNT}", f"其中行政村账号：{ACCOUNT}", "批次号：20231201%0001"])
def test_presidio_leaves_their_look_alikes(text: str) -> None:
    found = {r.entity_type for r in _engine().analyze(text=text, language="zh") if r.score >= 0.5}
    assert not found & {"BANK_CARD", "MOBILE", "RESIDENT_ID"}, found


@functools.cache
def _engine() -> AnalyzerEngine:
    """The offline analyzer, built once and only for these tests (it loads every recognizer)."""
    return analyzer_engine()

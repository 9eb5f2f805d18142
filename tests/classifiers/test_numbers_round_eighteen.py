"""Numbers round eighteen: a second local number after a labelled one, an ID number with a wrong
check character after an English label, a soldier's or an officer's papers after their labels, a
landline's area code on one line and its number on the next, a tab between a number's digit
groups after its label, and an e-mail address spelled with (at) after its label; checked through
``Inspector.inspect`` for the strict and the caseworker profile, as a plain-text body and as a
JSON string, each beside look-alikes that must stay (docs/classifiers-rounds.md, the
twenty-eighth round)."""

from __future__ import annotations

import pytest

from support.inspected import json_leaks, kept_in_both, leaks, unchanged, unchanged_json


# 1. A second local number after one read by its phone's label (scanner._second_local: the first
# is all subscriber, so the second has its whole length).
@pytest.mark.parametrize(
    "text",
    [
        "电话：3212345/3212346",
        "电话：3212345、3212346",
        "电话：3212345，3212346",
        "联系电话：3212345, 3212346",
        "座机 3212345/3212346，手机13912345678",
        "电话：0915-3212345/3212346",  # a guard: after an area code, masked before
    ],
)
def test_a_second_local_number_after_a_labelled_one_is_masked(text: str) -> None:
    leaks(text, ["3212346", "212346"])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("电话：3212345，2024年3月回访", "2024年3月"),
        ("电话：3212345，1234567元", "1234567元"),
        ("电话：62345678，20240315", "20240315"),  # a date of the record after it
        ("电话：3212345，共12345678户", "12345678户"),  # another length, and a word between
        ("电话：3212345 共3212346户", "3212346户"),
        ("电话费：1234567/1234568", "电话费：1234567/1234568"),  # no phone's label
    ],
)
def test_numbers_after_a_labelled_local_number_stay(text: str, value: str) -> None:
    kept_in_both(text, value)


# 2. An ID number with a wrong check character (or cut before it) after an English label
# (labelled_ids.after_latin_label), as after 身份证号: a real province and date of birth. Not after
# another word's ID (order ID).
MISTYPED = "610902199001011230"  # 610902199001011235 with its check character wrong


@pytest.mark.parametrize(
    "text",
    [
        f"ID: {MISTYPED}",
        f"ID:{MISTYPED}",
        f"ID No. {MISTYPED}",
        f"ID No.: {MISTYPED[:17]}X",
        f"ID number: {MISTYPED}",
        f"ID card No. {MISTYPED}",
        f"Resident ID card No.: {MISTYPED}",
        f"姓名：张伟，ID：{MISTYPED}",
        f"联系人张伟 ID {MISTYPED}",
        "ID card: 610902 19900101 1230",  # in groups (found by this round's probes)
        "ID: 610902-19900101-1230",
        "ID: 610902199001011235",  # a guard: a valid number, masked before
        f"ID: {MISTYPED[:17]}",  # cut before its check character, as after 身份证号 (thirty-third session)
        f"ID No.: {MISTYPED[:17]}",
        "ID card: 610902 19900101 123",
    ],
)
def test_a_mistyped_id_number_after_an_english_label_is_masked(text: str) -> None:
    leaks(text, ["19900101"])


@pytest.mark.parametrize(
    "text",
    [
        f"order ID: {MISTYPED}",
        f"orderID: {MISTYPED}",
        f"user ID={MISTYPED}",
        "order ID: 610902 19900101 1230",
        "ID: 2024 0315 1234 5678 90",
        "ID: 202403151234567890",  # no province
        "ID: 610902202413011230",  # no date
        f"ID: {MISTYPED}1",  # 19 digits
        "ID: 20240315-0001",
    ],
)
def test_numbers_after_an_id_that_is_no_persons_stay(text: str) -> None:
    unchanged(text)


# 3. A serviceman's papers after their labels (register_number.LABEL: 军官证, 士兵证, 士官证, 退伍证,
# 退役证, 文职干部证, 军人证, 警官证; 号 after 证 may be left out), and under those keys.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("军官证号：南字第123456号", ["1234"]),
        ("军官证：南字第123456号，手机13912345678", ["1234"]),
        ("士兵证：北字第2345678号", ["2345"]),
        ("士官证号 沈字第0123456号", ["0123"]),
        ("退伍证号：200512345", ["200512"]),
        ("退役证编号：陕汉退字第2023001号", ["202300"]),
        ("文职干部证号：政字第012345号", ["0123"]),
        ("军人证号：12345678", ["12345"]),
        ("警官证：武字第1234567号", ["1234"]),
        ("退伍证号：南字 第123456号", ["1234"]),  # a space before 第 (this round's probes)
        ("优抚对象张伟，退伍证号：20051234", ["20051234"]),
        ("烈属证：陕字第001234号", ["001234"]),  # a veteran's papers without 号 too
        ("退役军人优待证：610000123456789", ["123456"]),
        ("残疾军人证号：陕军残字第0012345号", ["00123"]),  # a guard: read before
    ],
)
def test_a_servicemans_papers_are_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "doc",
    [{"军官证号": "南字第123456号"}, {"退伍证号": "200512345"}, {"士兵证": "北字第2345678号"}],
)
def test_a_servicemans_papers_under_their_keys_are_masked(doc: dict[str, str]) -> None:
    json_leaks(doc, ["1234", "2345"])


@pytest.mark.parametrize(
    "text",
    [
        "退伍证：2005年发放",
        "军官证 2张",
        "士兵证：已核验",
        "官方网站2024",
        "退伍军人优待金发放1200元",
        "兵役登记2024年第3批",
        "烈属证：2024年换发",
        "优抚证：已办理",
        "退役军人优待证：2张",
        "户号：2024年",
    ],
)
def test_words_about_a_servicemans_papers_stay(text: str) -> None:
    unchanged(text)


def test_a_key_of_a_servicemans_papers_without_a_number_stays() -> None:
    unchanged_json({"退伍证": "已收回", "军官证": "无"})


# 4. Tabs between a mobile's groups, after a word for the phone on the same line
# (broken_numbers: a tab is a break, read only after the label, and only grouped 3-4-4). Without
# one a tab parts a table's cells: a row of three counts stays.
@pytest.mark.parametrize(
    "text",
    [
        "手机：139\t1234\t5678",
        "手机号\t139\t1234\t5678",
        "联系电话：139 \t1234\t5678",
        "手机为\t139\t1234\t5678",
        "tel\t139\t1234\t5678",
        "手机：139\t1234\n5678",
        "备注：已回访\n联系电话：139\t1234\t5678\n2024年3月",
        "身份证号码：610902\t19900101\t1235",  # guards: read by their labels before
        "卡号：6222\t0200\t0438\t3113\t430",
    ],
)
def test_a_number_in_groups_parted_by_tabs_after_its_label_is_masked(text: str) -> None:
    leaks(text, ["1234", "19900101", "0438"])


@pytest.mark.parametrize(
    "text",
    [
        "139\t1234\t5678",  # a row of three cells
        "610928\t20170919\t2020",
        "金额\t139\t1234\t5678",
        "电话回访\t139\t1234\t5678",  # a row's label, not the number's
        "电话咨询\t156\t2024\t1203",
        "手机\t158\t20250821",  # a channel's counts: not grouped as a mobile
        "手机\t1397\t4792\t554",
        "电话\n139\t1234\t5678",  # the word on another line: a table's heading
        "1\t150\t2000\t3000",
    ],
)
def test_numbers_parted_by_tabs_without_their_label_stay(text: str) -> None:
    unchanged(text)


# 5. A landline's area code on one line and its number on the next, after a phone's label
# (landline.labelled_broken, asked by broken_numbers where a line end stands).
@pytest.mark.parametrize(
    "text",
    [
        "电话：029\n88451234",
        "电话：(0915)\n3212345",
        "联系电话：0915\n3212345",
        "联系电话：（0915）\r\n3212345转8001",
        "座机 0915-\n3212345",
        "办公电话：010\n62345678，手机13912345678",
        "电话：0915\u20293212345",  # a <br> in a document
        "电话\n029\n88451234",  # the label on a line of its own
        "电话：\n029\n88451234",
        "电话：0915 3212345",  # a guard: on one line, masked before
    ],
)
def test_an_area_code_and_its_number_on_two_lines_are_masked(text: str) -> None:
    leaks(text, ["8845123", "321234", "6234567"])


@pytest.mark.parametrize(
    "text",
    [
        "电话：029\n2024年",
        "电话：0915\n12345678",  # no local number opens with 1
        "电话：029\n88451234元",
        "金额：0915\n3212345",  # no phone's label
        "编号\n0915\n3212345",
        "电话回访\n0915\n3212345",
    ],
)
def test_numbers_on_the_line_after_an_area_code_that_are_no_landline_stay(text: str) -> None:
    unchanged(text)


# 6. An e-mail address with its @ spelled out (entities/email.spelled): a bracketed at with a
# domain after it anywhere, # or a bare at after an e-mail's label.
@pytest.mark.parametrize(
    "text",
    [
        "联系邮箱：zhangwei [at] example.com",
        "邮箱：zhangwei(at)example.com",
        "邮箱：zhangwei#example.com",
        "电子邮件：zhangwei ＃ example.com",
        "email: zhangwei [at] example.com",
        "E-mail: zhang.wei at example dot com",
        "备注：如有疑问请发送至 zhangwei[at]example[dot]com",
        "联系人张伟，zhangwei（at）163.com",
        "邮箱：zhangwei@example.com",  # a guard: masked before
    ],
)
def test_an_email_address_with_its_at_spelled_out_is_masked(text: str) -> None:
    leaks(text, ["zhangwei", "zhang.wei"])


@pytest.mark.parametrize(
    "text",
    [
        "请在[at]处填写",
        "[at] 标记见附件",
        "工单#2024031501",
        "邮箱：已填写#1",
        "Meet at the office at 10.30",
        "see issue #example.com",
        "C#example.com",
        "邮件：见附件#1",
        "users at example.com said",  # no label: a bare at is a word
    ],
)
def test_an_at_that_spells_no_address_stays(text: str) -> None:
    unchanged(text)

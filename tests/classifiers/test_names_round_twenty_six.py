"""Names round twenty-six (forty-first session): a name before its sex in brackets, as a marriage's
record or a roster writes it (张伟（男）与李娜（女）登记结婚), a name after a staff number, as an office's
system writes its user (工号1024 张伟, 操作员：A1024 李娜), and a name beside a bank card's or an ID
number's digits written in groups (张伟 6222 0212 3456 7890 128, 110105 19491231 002X 王秀英): the
number was masked, read with its groups joined, and the name beside it went out in clear (and beside a
mobile's: 张伟 139 1234 5678). With the
look-alikes of each that must stay (卫生间（女）, 工号1024 已离职, 工商银行 6222 0212 …, 请回电 … 谢谢)."""

from __future__ import annotations

import pytest

from support.inspected import kept_in_both, leaks, unchanged

CARD = "6222 0212 3456 7890 128"  # Luhn-valid, synthetic
CARD_BAD = "6222 0212 3456 7890 127"  # its check digit wrong
ID = "110105 19491231 002X"  # checksum-valid, synthetic


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("张伟（男）与李娜（女）于2019年登记结婚", ["张伟", "李娜"]),
        ("张伟(男)与李娜(女)", ["张伟", "李娜"]),
        ("申请人王秀英（女）", ["王秀英"]),
        ("其中张强（男）在外务工", ["张强"]),
    ],
)
def test_a_name_before_its_sex_in_brackets(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("工号1024 张伟", ["张伟"]),
        ("工号：1024 张伟", ["张伟"]),
        ("经办人工号1024张伟", ["张伟"]),
        ("操作员：10086 李娜", ["李娜"]),
        ("操作员：A1024 李娜", ["李娜"]),  # letters before the digits (read as a Latin name before)
        ("工号ZW001 王秀英", ["王秀英"]),
        ("审核人：1024-李娜", ["李娜"]),
        ("经办人(1024)李娜", ["李娜"]),
        ("受理人（工号1024）：张伟", ["张伟"]),
        ("2024-03-01 录入员 0032 王强 新增记录", ["王强"]),
    ],
)
def test_a_name_after_a_staff_number(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        *("工号1024 已离职", "工号1024 男", "受理人1 王家庄", "经办人：2024年3月1日"),
        *("审核人1人 负责", "用户123 登录成功", "工号1024 无", "操作员：A1024 不详"),
    ],
)
def test_after_a_staff_number_no_name(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (f"张伟 {CARD}", ["张伟"]),
        (f"{CARD} 张伟", ["张伟"]),
        (f"张伟，{CARD}，800元", ["张伟"]),
        (f"{CARD.replace(' ', '-')}（李娜）", ["李娜"]),
        (f"代发明细：张伟 {CARD} 800元；李娜 {CARD} 600元", ["张伟", "李娜"]),  # an amount after the groups
        (f"800 {CARD} 张伟", ["张伟"]),
        (f"{ID} 王秀英", ["王秀英"]),
        (f"王秀英 {ID}", ["王秀英"]),
        (f"王秀英，{ID.replace(' ', '-')}，汉阴县", ["王秀英"]),
        (f"王秀英 {ID.lower()}", ["王秀英"]),
        ("张伟 139 1234 5678", ["张伟"]),  # a mobile's groups
        ("139-1234-5678 李娜", ["李娜"]),
    ],
)
def test_a_name_beside_a_number_in_groups(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (f"工商银行 {CARD}", "工商银行"),
        (f"农商行 {CARD}", "农商行"),
        (f"{CARD} 王家庄", "王家庄"),
        (f"{CARD} 已冻结", "已冻结"),
        (f"卡号 {CARD} 开户行 农商行", "开户行 农商行"),
        (f"请回电 {CARD} 谢谢", "谢谢"),
        ("请回电 6222021234567890128 谢谢", "谢谢"),  # numbers whole (谢谢 was masked)
        ("请回电 13912345678 谢谢", "谢谢"),
        ("请回电 139 1234 5678 谢谢", "谢谢"),
        (f"张伟 {CARD_BAD}", "张伟"),  # its check fails: no card
        ("2024 03 01 张伟", "张伟"),  # a date in groups
        ("2024-03-01 张伟", "张伟"),
        ("139 1234 567 张伟", "张伟"),  # ten digits: no mobile
        ("电话 0915 321 2345 王家庄", "王家庄"),
    ],
)
def test_beside_a_number_in_groups_no_name(text: str, kept: str) -> None:
    kept_in_both(text, kept)


@pytest.mark.parametrize(
    "text",
    [
        *("申请人（男）", "工作人员（女）", "厕所（男）", "卫生间（女）", "更衣室(男)", "学生（男）"),
        *("独生子女（女）", "残疾人（男）", "老人（女）", "服务对象（女）", "性别：（男）", "男（女）方"),
    ],
)
def test_a_sex_in_brackets_after_no_name_stays(text: str) -> None:
    unchanged(text)

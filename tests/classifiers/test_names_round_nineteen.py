"""Persons' names that went out in clear (names round nineteen), through ``Inspector.inspect`` with
the strict and the caseworker profiles, as a plain-text body and as a JSON string; the look-alikes
beside them must stay as they are."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, as_bodies, leaks, out, unchanged

# A name beside a mobile masked in part that is glued to its phone's label (手机138****8000，张伟):
# with a space after 手机 the mobile was a field of the line, and the name beside it was masked.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("手机138****8000，张伟", ["张伟"]),
        ("手机：138****8000，张伟", ["张伟"]),
        ("手机:138****8000，张伟", ["张伟"]),
        ("联系电话138****8000，李娜", ["李娜"]),
        ("联系电话：138****8000，王秀英", ["王秀英"]),
        ("手机号138****8000，张伟", ["张伟"]),
        ("手机号码138****8000 张伟", ["张伟"]),
        ("电话138-****-8000，李娜", ["李娜"]),
        ("张伟，手机138****8000", ["张伟"]),
        ("张伟 手机：138****8000", ["张伟"]),
        ("手机 138****8000，张伟", ["张伟"]),  # caught before
        ("联系人张伟，手机138****8000", ["张伟"]),  # caught before
    ],
)
def test_a_name_beside_a_masked_mobile_glued_to_its_label(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("手机138****8000，男", "男"),
        ("电话138****8000，已核实", "已核实"),
        ("手机138****8000，王某", "王某"),
        ("手机138****8000，张家", "张家"),
        ("手机138****8000，城关镇", "城关镇"),
        ("手机138****8000，2024年3月", "2024年3月"),
        ("手机138****8000，同意", "同意"),
        ("手机138****8000，本人", "本人"),
        # a word of a name's shape beside the mobile was masked with a space too (手机 138****8000，金额)
        ("手机138****8000，金额", "金额"),
        ("手机 138****8000，金额", "金额"),
        ("手机138****8000，高新区", "高新区"),
        ("手机 138****8000，张家", "张家"),
    ],
)
def test_what_stands_beside_a_labelled_masked_mobile_stays(text: str, kept: str) -> None:
    for role in ROLES:
        for body, media_type in as_bodies(text):
            masked = out(body, media_type, role)
            assert kept in masked, (role, media_type, masked)
            assert "8000" not in masked or role == "caseworker", (role, masked)  # the mobile, for the strict


# A name at a run's head before what happened to the person, with no label: a death (已故), a visit
# said with how often or when (多次来访, 今日来访), a move into care (入住), a hospital's (出院), a
# marriage's (离婚, 结婚, 丧偶), a visit's (来到, 前来; after a long clause of time too), the rules
# (符合).


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("王秀英已故", ["王秀英"]),
        ("张伟已故", ["张伟"]),
        ("阿依古丽·买买提已故", ["买买提"]),
        ("张伟多次来访", ["张伟"]),
        ("张伟多次来电", ["张伟"]),
        ("李娜再次来访", ["李娜"]),
        ("张伟今日来访", ["张伟"]),
        ("李秀兰入住", ["李秀兰"]),
        ("李秀兰入住敬老院", ["李秀兰"]),
        ("张伟出院", ["张伟"]),
        ("张伟离婚", ["张伟"]),
        ("李娜结婚", ["李娜"]),
        ("王秀英丧偶", ["王秀英"]),
        ("张伟来到社区", ["张伟"]),
        ("2024年3月15日上午10时许，张伟来到社区", ["张伟"]),
        ("2024年3月15日上午10时许，张伟来到…", ["张伟"]),
        ("上午10时许，李娜前来办理", ["李娜"]),
        ("张伟符合低保条件", ["张伟"]),
        ("民主评议：张伟符合条件", ["张伟"]),
        ("李秀兰于2023年3月入住", ["李秀兰"]),  # caught before
        ("2024年3月15日上午10时许，张伟来访", ["张伟"]),  # caught before
        ("王秀英已去世", ["王秀英"]),  # caught before
        ("张伟曾来访", ["张伟"]),  # caught before
    ],
)
def test_a_name_before_an_event_with_no_label(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "时间因故推迟",
        "交通事故",
        "因故未到",
        "故意",
        "已故",
        "其父已故",
        "父母均已故",
        "本人已故",
        "张家已故",
        "户主已故",
        "配偶已故",
        "多次来访",
        "群众多次来访",
        "本人多次来访",
        "张家多次来访",
        "近日来访",
        "本人再次申请",
        "老人入住",
        "集中入住",
        "张家入住",
        "统一入住",
        "高龄入住",
        "已入住",
        "办理入住",
        "年底入住",
        "治愈出院",
        "好转出院",
        "本人出院",
        "协议离婚",
        "登记结婚",
        "早年丧偶",
        "中年丧偶",
        "晚年丧偶",
        "本人丧偶",
        "金额符合",
        "条件符合",
        "情况符合",
        "经审核符合",
        "材料符合",
        "家庭符合",
        "收入符合",
        "基本符合",
        "均符合",
        "群众前来",
        "家属前来",
        "今天来到",
        "周一来到",
        "春节来到",
        "高温来到",
        "2024年3月15日上午10时许，群众来到社区",
    ],
)
def test_events_of_no_one_stay(text: str) -> None:
    unchanged(text)


# The staff who checked or approved, glued to the name as 经办人 was (审核人李娜: after a colon it was
# masked).


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("审核人李娜", ["李娜"]),
        ("复核人王秀英", ["王秀英"]),
        ("审批人李娜", ["李娜"]),
        ("经办人张伟，审核人李娜，复核人王秀英", ["张伟", "李娜", "王秀英"]),
        ("审核人李娜签字", ["李娜"]),
        ("审核人：李娜", ["李娜"]),  # caught before
        ("经办人张伟", ["张伟"]),  # caught before
    ],
)
def test_a_name_glued_to_a_staff_label(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "审核人员",
        "审核人员名单",
        "审核人签字",
        "审核人意见",
        "审核人：同意",
        "审核人：村委会",
        "审核人（签字）",
        "复核人员",
        "审批人：民政局",
        "审批人意见：同意",
        "审核人王主任",
        "审核人数：3人",
        "审批人员",
        "复核人：",
    ],
)
def test_staff_labels_of_no_one_stay(text: str) -> None:
    unchanged(text)


# A name in quotes after its label (申请人“张伟”: a remark quoting a form).


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("申请人“张伟”", ["张伟"]),
        ("户主“张伟”", ["张伟"]),
        ("户主为“李娜”", ["李娜"]),
        ("户主：“王秀英”", ["王秀英"]),
        ("申请人「张伟」", ["张伟"]),
        ("经办人『李娜』", ["李娜"]),
        ('户主"张伟"', ["张伟"]),
        ("户主【张伟】", ["张伟"]),  # caught before
    ],
)
def test_a_name_in_quotes_after_its_label(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize("text", ["户主“一户一档”", "本人“同意”", "老人“三无”", "申请人“本人”", "户主“低保户”"])
def test_words_in_quotes_after_a_label_stay(text: str) -> None:
    unchanged(text)


# A name spaced out character by character with no label (王 秀 英 in a caseworker's remark).


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("张 伟", ["张 伟"]),
        ("王 秀 英", ["王 秀 英", "秀 英"]),
        ("备注：张 伟", ["张 伟"]),
        ("经核实，张 伟 不在家", ["张 伟"]),
        ("王 秀 英 已领取", ["王 秀 英", "秀 英"]),
        ("欧 阳 娜 娜 已领取", ["娜 娜"]),
        ("张  伟 已签收", ["张  伟"]),
        ("张 伟 男", ["张 伟"]),
        ("王 秀 英 女", ["秀 英"]),
        ("姓 名：张 伟", ["张 伟"]),  # caught before
        ("领取人 王 秀 英", ["秀 英"]),  # caught before
    ],
)
def test_a_name_spaced_out_with_no_label(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "金 额：100元",
        "时 间：2024年3月",
        "性 别：男",
        "姓 名",
        "封 面",
        "左 右",
        "通 知",
        "公 示",
        "单 位",
        "年 月 日",
        "男 女",
        "高 中",
        "王 某",
        "张 家",
        "张 三",
        "石 油",
        "江 苏",
        "项 目",
        "王 先 生",
        "李 女 士",
        "严 禁",
        "平 安",
        "文 明",
        "共 3 人",
        "张 伟伟",
        "a 张 b",
    ],
)
def test_spaced_words_of_no_one_stay(text: str) -> None:
    unchanged(text)


# A list of names before what they qualified for or where they came (张伟、李娜符合条件: only the last
# was masked), and a clock's time after its digits before such a word (上午10时许来访: 时许 was masked).


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("民主评议：张伟、李娜符合条件", ["张伟", "李娜"]),
        ("2024年3月15日上午10时许，张伟、李娜来到社区", ["张伟", "李娜"]),
        ("张伟、李娜、王秀英前来办理", ["张伟", "李娜", "王秀英"]),
        ("张伟于上午10时许来到社区", ["张伟"]),  # caught before (its 时许 stays, below)
    ],
)
def test_a_list_before_an_event_and_a_name_before_a_clock(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "上午10时许来访",
        "10时左右来访",
        "上午10时许来到社区",
        "低保、特困符合",
        "张家、李家符合条件",
        "周一、周三来到",
        "金额、单价符合",
        "群众、村民前来",
    ],
)
def test_clocks_and_lists_of_no_one_stay(text: str) -> None:
    unchanged(text)


# Over-mask: a title whose first character is a surname's after a staff label (经办人：党支部书记 was
# masked 党支部书, and with 审核人 a label glued as 经办人 is, 审核人：党支部书记 too, round seventeen's).


@pytest.mark.parametrize(
    "text",
    [
        "经办人：党支部书记",
        "经办人党支部书记",
        "审核人：党支部书记",
        "审核人党支部书记",
        "审批人：党委书记",
        "申请人：王主任",
    ],
)
def test_a_title_after_a_staff_label_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("申请人：张伟书记", ["张伟"]),
        ("经办人张伟主任", ["张伟"]),
        ("审核人：李娜", ["李娜"]),
        ("经办人：王主", ["王主"]),
    ],
)
def test_a_name_before_a_title_is_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)

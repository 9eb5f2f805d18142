"""Persons' names that went out in clear, or titles masked as names (names round seventeen),
through ``Inspector.inspect`` with the strict and the caseworker profiles; the look-alikes beside
them must stay as they are."""

from __future__ import annotations

import pytest

from classifiers.entities import name_prose
from classifiers.entities.name_patterns import PROSE_HINT_RE
from support.inspected import ROLES, in_clear, leaks, out, unchanged

# A visit's or a call's one name at its run's end or before what came of it; a name at a run's
# head before 不在家.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("看望张伟", ["张伟"]),
        ("走访李娜", ["李娜"]),
        ("回访王秀英。", ["王秀英"]),
        ("今日看望张伟，送去慰问品", ["张伟"]),
        ("看望张伟并送去慰问金", ["张伟"]),
        ("联系张伟未果", ["张伟"]),
        ("联系了李娜", ["李娜"]),
        ("电话联系李娜无人接听", ["李娜"]),
        ("电话联系王强未接通", ["王强"]),
        ("张伟不在家", ["张伟"]),
        ("王秀英不在家，电话联系未果", ["王秀英"]),
    ],
)
def test_a_visits_or_a_calls_name(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "看望老人",
        "走访低保户",
        "联系社区未果",
        "张家不在家",
        "联系王府井街道",
        "走访高新区",
        "联系电话：13800000000",
        "联系方式：电话",
        "联系上级",
        "联系时间",
        "走访时间",
        "走访时段",
        "联系房东",
        "联系项目",
        "联系成功",
        "联系左右",
        "联系施工方",
        "联系王某未果",
        "走访王某",
        "回访张家港",
        "走访张家",
        "联系周一",
        "联系未果",
        "家中无人不在家",
        "走访农户并核实",
        "看望慰问",
        "看望高龄",
        "联系民政局",
        "电话联系，",
    ],
)
def test_visits_and_calls_of_no_one_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    "text",
    [
        "联系人孙霞，身份证号320102201907109527，联系电话15813902410。材料齐全，补助624元。",
        "家属董红桂，联系电话+86 18147047331。待复核",
    ],
)
def test_a_phone_label_sends_no_value_to_the_passes(text: str) -> None:
    # 联系电话 before digits passed the call's hint: every record line of the corpus document ran the
    # role passes (+64 % of its instructions)
    assert not name_prose.may_call(text)
    assert PROSE_HINT_RE.search(text) is None


# A name after a go-between (a person of prose) or a relative after a preposition, before what the
# person said or with whom someone lives.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("经村民张伟介绍", ["张伟"]),
        ("经居民王强介绍", ["王强"]),
        ("经邻居李娜证实", ["李娜"]),
        ("据村民李娜证实", ["李娜"]),
        ("与其子张伟同住", ["张伟"]),
        ("与其孙张伟同住", ["张伟"]),
        ("与其女李娜共同生活", ["李娜"]),
        ("由其孙张伟照料", ["张伟"]),
        ("由其孙女李娜照顾", ["李娜"]),
    ],
)
def test_a_name_after_a_go_between_or_a_relative(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


def test_a_name_before_what_was_confirmed_is_masked_alone() -> None:
    # 经邻居李娜证实: 李娜证 was masked, one character too many
    for role in ROLES:
        assert out("经邻居李娜证实", "text/plain", role).endswith("证实"), role


@pytest.mark.parametrize(
    "text",
    [
        "经村民介绍",
        "经邻居证实",
        "与其子同住",
        "与其女共同生活",
        "由其孙照料",
        "由其孙子照料",
        "经村民小组介绍",
        "经村委会介绍",
        "项目介绍",
        "情况介绍",
        "经核查证实",
        "与其子女同住",
        "其孙在读",
        "村民张家港介绍",
        "张家同住",
        "经群众介绍",
    ],
)
def test_go_betweens_and_relatives_of_no_one_stay(text: str) -> None:
    unchanged(text)


# A sign-in sheet's and a form's signing line, a visit's field and a list parted by spaces.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("张伟 签到", ["张伟"]),
        ("1 张伟 签到", ["张伟"]),
        ("张伟签到", ["张伟"]),
        ("张伟  签字", ["张伟"]),
        ("李娜（签字）", ["李娜"]),
        ("王秀英(签名)", ["王秀英"]),
        ("慰问：张伟、李娜", ["张伟", "李娜"]),
        ("走访：张伟、李娜、王秀英", ["张伟", "李娜", "王秀英"]),
        ("领取人：张伟 王秀英", ["张伟", "王秀英"]),
        ("领取人：张伟 王秀英 李娜", ["张伟", "王秀英", "李娜"]),
        ("签到：张伟 李娜", ["张伟", "李娜"]),
    ],
)
def test_sign_ins_and_lists(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "申请人（签字）",
        "本人（签字）",
        "申请人 签字",
        "家属（签字）",
        "房东（签字）",
        "按时签到",
        "每日签到",
        "全员签到",
        "上午签到",
        "工作人员签到",
        "依次签到",
        "签到表",
        "签到：已签到",
        "（签字）",
        "经办人（签字）：",
        "日期 签字",
        "王某（签字）",
        "张家 签到",
        "文件 签收",
        "慰问：春节",
        "慰问：全体村民",
        "慰问：米面油",
        "慰问：张家",
        "慰问：高龄、低保",
        "慰问：张家、李家",
        "走访：周一、周三",
        "慰问品：米、油",
    ],
)
def test_sign_ins_and_lists_of_no_one_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("领取人：张伟 汉族", "汉族"),
        ("领取人：张伟 务农", "务农"),
        ("领取人：张伟 本人", "本人"),
        ("领取人：张伟 低保户", "低保户"),
        ("领取人：张伟 王家庄", "王家庄"),
        ("领取人：张伟 汉滨区", "汉滨区"),
        ("领取人：张伟 男 45岁", "男 45岁"),
        ("领取人：张伟 高血压", "高血压"),
        ("领取人：张伟 白族", "白族"),
        ("领取人：张伟 黄色", "黄色"),
        ("领取人：张伟 文盲", "文盲"),
        ("领取人：张伟 江苏", "江苏"),
        ("领取人：张伟 周一", "周一"),
        ("领取人：张伟 王某", "王某"),
        ("户主：张伟 汪洋", "汪洋"),
        ("户主：张伟 高血压", "高血压"),
        ("姓名：张伟 性别：男", "性别：男"),
    ],
)
def test_what_follows_a_name_after_spaces_stays(text: str, kept: str) -> None:
    leaks(text, ["张伟"])
    in_clear(text, kept)


# A title in a person's field is no name (it was masked as one); the names beside it are.


@pytest.mark.parametrize(
    "text",
    [
        "申请人：村主任",
        "联系人：社区主任",
        "经办人：民政专干",
        "陪同人：网格员",
        "审核人：党支部书记",
        "经办人：村会计",
        "联系人：村委会主任",
    ],
)
def test_a_title_after_a_persons_label_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("申请人：张伟", ["张伟"]),
        ("经办人：扎西多吉", ["扎西多吉"]),
        ("申请人：李任", ["李任"]),
    ],
)
def test_names_after_a_persons_label(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


# This round's probes: a name after 向 or 与 before what was checked with the person, at a run's
# head before 申请, after a council's reviewer's label.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("向张伟了解情况", ["张伟"]),
        ("向李娜核实情况", ["李娜"]),
        ("与张伟核实", ["张伟"]),
        ("与李娜沟通", ["李娜"]),
        ("张伟申请低保", ["张伟"]),
        ("王秀英申请临时救助", ["王秀英"]),
        ("评议人：张伟、李娜", ["张伟", "李娜"]),
    ],
)
def test_this_rounds_probes(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "评议人：村民代表",
        "评议人：全体村民",
        "向上级核实",
        "向群众了解",
        "向村委会了解",
        "向社区核实",
        "与其核实",
        "经核实",
        "向本人核实",
        "向家属了解",
        "与户主核实",
        "与银行核实",
        "向公安核实",
        "与民政核实",
        "与申请人核实",
        "与对方沟通",
        "与村干部沟通",
        "向东了解",
        "向阳核实",
        "项目申请",
        "低保申请",
        "本人申请",
        "单位申请",
        "全家申请",
        "家庭申请",
        "高龄申请",
        "王某申请",
        "张家申请",
        "经本人申请",
        "文件申请",
        "金融申请",
        "许可申请",
        "年度申请",
        "程序申请",
        "书面申请",
        "现场申请",
        "集体申请",
        "统一申请",
        "及时申请",
        "主动申请",
        "常用申请表",
        "高龄申请人",
    ],
)
def test_this_rounds_look_alikes_stay(text: str) -> None:
    unchanged(text)


# A given name's character outside names round sixteen's set before a form's word: 涵 and 睿 of the
# generator's pools, and 翔.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("李翔档案", ["李翔"]),
        ("王涵申请表", ["王涵"]),
        ("张睿档案", ["张睿"]),
    ],
)
def test_more_given_names_glued_to_a_form(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize("text", ["包涵档案", "内涵档案", "飞翔档案", "武德档案"])
def test_words_of_those_characters_stay(text: str) -> None:
    unchanged(text)

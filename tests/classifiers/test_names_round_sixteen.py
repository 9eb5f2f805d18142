"""Persons' names that went out in clear, or were masked with a word of prose beside them (names
round sixteen), through ``Inspector.inspect`` with the strict and the caseworker profiles; the
look-alikes beside them must stay as they are."""

from __future__ import annotations

import pytest

from support.inspected import in_clear, leaks, unchanged

# A name of two characters glued to a form's word: the given name's character is one that common
# given names are written with, and the pair no word of a surname's shape.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("张伟档案", ["张伟"]),
        ("张伟申请表", ["张伟"]),
        ("李娜申请书", ["李娜"]),
        ("王强承诺书", ["王强"]),
        ("刘芳登记表", ["刘芳"]),
        ("附：陈静申请书", ["陈静"]),
        ("王秀英承诺书", ["王秀英"]),
    ],
)
def test_a_two_character_name_glued_to_a_form(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "档案",
        "申请表",
        "个人档案",
        "家庭档案",
        "低保档案",
        "救助档案",
        "人事档案",
        "张家庄档案",
        "王府井申请表",
        "高龄申请表",
        "临时救助申请表",
        "常用申请表",
        "金融申请表",
        "特困申请书",
        "项目申请表",
        "文件档案",
        "许可申请表",
        "文明申请表",
        "高峰档案",
        "宁波档案",
        "全军档案",
        "党建档案",
        "安全承诺书",
        "王某承诺书",
    ],
)
def test_forms_of_no_one_stay(text: str) -> None:
    unchanged(text)


# A name beside a relative's, an age in a list, a record line's 系, a relation in brackets after
# 之, a name or two before 到场.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("张伟家属李娜代领", ["张伟", "李娜"]),
        ("张伟妻子李娜代领", ["张伟", "李娜"]),
        ("王秀英家属李娜代领", ["王秀英", "李娜"]),
        ("慰问名单：张伟（80岁）、李娜（75岁）", ["张伟", "李娜"]),
        ("慰问名单：张伟（80岁）、李娜（75岁）、王秀英（90岁）", ["张伟", "李娜", "王秀英"]),
        ("王秀英，女，系户主之母", ["王秀英"]),
        ("张伟，男，系户主", ["张伟"]),
        ("张伟（之子）", ["张伟"]),
        ("李娜(之女)", ["李娜"]),
        ("张伟及李娜到场", ["张伟", "李娜"]),
        ("张伟和李娜到场", ["张伟", "李娜"]),
        ("张伟到场", ["张伟"]),
        # caught before the round
        ("张伟之妻李娜代领", ["张伟", "李娜"]),
        ("慰问名单：张伟、李娜", ["张伟", "李娜"]),
    ],
)
def test_a_name_beside_kin_or_in_a_list(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "家属到场",
        "民警到场",
        "全员到场",
        "全部到场",
        "全体到场",
        "双方到场",
        "本人到场",
        "按时到场",
        "相关人员到场",
        "申请人到场",
        "王某到场",
        "单位到场",
        "房东到场",
        "高度重视，及时到场",
        "家属代领",
        "该户，男，系低保户",
        "户主，男，系本村村民",
        "高中（之子）",
        "慰问名单：（80岁）",
        "本人（之子）",
    ],
)
def test_kin_lists_and_arrivals_of_no_one_stay(text: str) -> None:
    unchanged(text)


# A name after a staff title and 与, and a list glued to who attended.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("社工与张伟一起入户", ["张伟"]),
        ("民警和李娜一同前往", ["李娜"]),
        ("网格员同王秀英到场核实", ["王秀英"]),
        ("参加人员张伟、李娜", ["张伟", "李娜"]),
        ("参加人员张伟、李娜、王秀英", ["张伟", "李娜", "王秀英"]),
        ("参会人员张伟、李娜、王强", ["张伟", "李娜", "王强"]),
        ("参加评议人员张伟、李娜", ["张伟", "李娜"]),
        # caught before the round (a label's colon)
        ("参加人员：张伟、李娜、王秀英", ["张伟", "李娜", "王秀英"]),
    ],
)
def test_a_name_mid_clause(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "社工与家属一起入户",
        "社工与村委会一起入户",
        "民警与群众沟通",
        "社工与其一起入户",
        "社工与张家港来的人一起",
        "参加人员包括村干部、群众代表",
        "参加人员村干部、党员",
        "出席人员县民政局、乡政府",
    ],
)
def test_a_clause_of_no_one_stays(text: str) -> None:
    unchanged(text)


# Over-masks: a status after a relative's name (无 of 无业 was masked with the name), and a child's
# place glued before the name (长女王芳 went out, 户主张伟长女王芳 masked 张伟长 and left 王芳).


@pytest.mark.parametrize(
    ("text", "masked", "kept"),
    [
        ("配偶李娜无业", "李娜", "无业"),
        ("配偶李娜务农", "李娜", "务农"),
        ("配偶李娜待业", "李娜", "待业"),
        ("之子张伟退休", "张伟", "退休"),
        ("长女王芳已婚", "王芳", "已婚"),
        ("次子张伟务工", "张伟", "务工"),
        ("户主张伟长女王芳", "王芳", "长女"),
        ("户主张伟，长女王芳在外务工", "王芳", "长女"),
        # caught before the round
        ("之子张伟在读", "张伟", "在读"),
    ],
)
def test_a_relatives_name_before_a_status(text: str, masked: str, kept: str) -> None:
    leaks(text, [masked])
    in_clear(text, kept)


@pytest.mark.parametrize(
    "text",
    [
        "家长女儿已婚",
        "村长子女在外务工",
        "长子女教育",
        "增长女性就业",
        "长女已婚",
        "次子在读",
    ],
)
def test_a_childs_place_of_no_one_stays(text: str) -> None:
    unchanged(text)


def test_a_name_before_a_status_keeps_its_third_character() -> None:
    leaks("户主张伟健在外务工", ["张伟健"])


# A survey's or a meeting's record: who surveyed, was surveyed, recorded or chaired, glued or after
# a colon (a surname required there); a sign-in sheet's field; a name after 与 or 和 before 同住 or
# 一同.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("入户调查记录：调查人张伟、李娜，被调查人王秀英", ["张伟", "李娜", "王秀英"]),
        ("被调查人王秀英，女，72岁", ["王秀英"]),
        ("记录人李娜", ["李娜"]),
        ("主持人：张伟", ["张伟"]),
        ("主持人张伟", ["张伟"]),
        ("评议小组成员张伟、李娜、王强", ["张伟", "李娜", "王强"]),
        ("签到：张伟、李娜", ["张伟", "李娜"]),
        ("与张伟同住", ["张伟"]),
        ("和李娜一同前往", ["李娜"]),
        # caught before the round
        ("被调查人：王秀英", ["王秀英"]),
        ("调查人：张伟 记录人：李娜", ["张伟", "李娜"]),
        ("民主评议记录：参加评议人员：张伟、李娜、王强", ["张伟", "李娜", "王强"]),
        ("走访对象：王秀英，独居", ["王秀英"]),
    ],
)
def test_a_name_in_a_survey_or_a_meetings_record(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "调查人员到场",
        "调查人数：3人",
        "记录人员到场",
        "主持人发言",
        "主持人：村主任",
        "主持人：村委会",
        "记录人：本人",
        "调查人：民政局",
        "被调查人：无",
        "主持人张家港",
        "签到：已签到",
        "签到：8:30",
        "签到表",
        "与其同住",
        "与父母同住",
        "和家人一同前往",
        "与张家港一同",
        "调查人对被调查人的情况进行了核实",
        "记录人签字",
    ],
)
def test_a_record_of_no_one_stays(text: str) -> None:
    unchanged(text)

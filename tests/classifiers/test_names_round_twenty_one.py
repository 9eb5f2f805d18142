"""Persons' names that went out in clear (names round twenty-one), through ``Inspector.inspect``
with the strict and the caseworker profiles, as a plain-text body and as a JSON string; the
look-alikes beside them must stay as they are."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, leaks, out, unchanged

# A labelled list's last name before 及 and what is no name (领取人：张伟、李娜及其家属): the item
# 李娜及其家属 was no name, nor two joined by 及, so the list stopped before it.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("领取人：张伟、李娜及其家属", ["张伟", "李娜"]),
        ("领取人：张伟、李娜及家属", ["张伟", "李娜"]),
        ("申请人：张伟、李娜及其子女", ["张伟", "李娜"]),
        ("领取人：张伟、李娜及时领取", ["张伟", "李娜"]),
        ("走访：张伟、李娜及其家属", ["张伟", "李娜"]),
        ("领取人：张伟、王秀英及其家属", ["张伟", "王秀英"]),
        ("领取人：张伟、欧阳娜娜及其家属", ["张伟", "欧阳娜娜"]),
        ("领取人：张伟、李娜及以上人员", ["张伟", "李娜"]),
        ("领取人：张伟、李娜等", ["张伟", "李娜"]),  # caught before
        ("走访张伟、李娜及王秀英", ["张伟", "李娜", "王秀英"]),  # caught before
    ],
)
def test_a_listed_name_before_and(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("领取人：张伟、李娜及其家属", "及其家属"),
        ("领取人：张伟、李娜及时领取", "及时领取"),
        ("户主：张伟、低保及其他", "低保及其他"),
        ("户主：张伟、周一及周三", "周一及周三"),
        ("户主：张伟、本人及家属", "本人及家属"),
        ("户主：张伟、张家及其他", "张家及其他"),
        ("户主：张伟、王某及其家属", "王某及其家属"),
        ("户主：张伟、汉滨区及以上", "汉滨区及以上"),
        ("领取人：张伟、家属及其子女", "家属及其子女"),
        ("领取人：张伟、社区及时发放", "社区及时发放"),
    ],
)
def test_what_follows_a_listed_name_stays(text: str, kept: str) -> None:
    for role in ROLES:
        assert kept in out(text, "text/plain", role), (role, text)


@pytest.mark.parametrize(
    "text",
    [
        "低保及其他",
        "家属及其子女",
        "及时领取",
        "本人及家属",
        "周一及周三",
        "社区及时发放",
        "领取人及其家属",
        "申请人及其子女",
        "户主及家庭成员",
        "资金及时发放到位",
    ],
)
def test_and_with_no_one_named_stays(text: str) -> None:
    unchanged(text)


# A name in an English line that opens with a log line's date (2024-01-01 ERROR user 张伟 not
# found: name_english read no text opening with a digit) or after a greeting (Dear 张伟, Hi 李娜).


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("2024-01-01 ERROR user 张伟 not found", ["张伟"]),
        ("2024-01-01 12:00:01 WARN applicant 李娜 has no id", ["李娜"]),
        ("2024-01-01T08:00:00Z ERROR person 王秀英 not found", ["王秀英"]),
        ("Dear 张伟,", ["张伟"]),
        ("Dear 张伟，您好", ["张伟"]),  # caught before (您好 after it)
        ("Hi 李娜, your application was approved", ["李娜"]),
        ("Hello 王秀英, welcome", ["王秀英"]),
        ("hi 欧阳娜娜, see attached", ["欧阳娜娜"]),
        ("Dear Mr. 张伟", ["张伟"]),  # caught before (Mr.)
        ("user 张伟 not found", ["张伟"]),  # caught before
    ],
)
def test_a_name_in_an_english_log_line_or_greeting(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "2024-01-01 INFO category 低保 loaded",
        "2024-01-01 ERROR region 汉滨区 not found",
        "2024-01-01 ERROR user admin not found",
        "2024-01-01 发放低保金 300元",
        "2024-01-01 WARN order for 周报 failed",
        "Dear 民政局,",
        "Dear 用户,",
        "Hi 大家, welcome",
        "Hi 您好",
        "Dear 各位,",
        "Dear 领导,",
        "Hi 社区, ok",
        "Dear 王老师,",
        "Hi 张家, ok",
        "Hello 世界",
        "Dear 汉滨区民政局,",
        "Hi 小王, ok",
        "Hi 王某, ok",
        "Dear 张主任,",
        "Hi 周一 is ok",
    ],
)
def test_english_lines_of_no_one_named_stay(text: str) -> None:
    unchanged(text)


# A numbered list of names (公示名单：1.张伟 2.李娜, （1）张伟（2）李娜, ①张伟 ②李娜): the numbers part
# each name from the next and from the label, and no pass read a name after a number.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("公示名单：1.张伟 2.李娜 3.王秀英", ["张伟", "李娜", "王秀英"]),
        ("（1）张伟（2）李娜", ["张伟", "李娜"]),
        ("①张伟 ②李娜", ["张伟", "李娜"]),
        ("⑴张伟 ⑵李娜", ["张伟", "李娜"]),
        ("公示名单：\n1.张伟\n2.李娜\n3.王秀英", ["张伟", "李娜", "王秀英"]),
        ("1. 张伟\n2. 李娜", ["张伟", "李娜"]),
        ("1、张伟；2、李娜；3、欧阳娜娜", ["张伟", "李娜", "欧阳娜娜"]),
        ("拟纳入低保对象：1.张伟 2.王秀英", ["张伟", "王秀英"]),
        ("(1)张伟 (2)阿依古丽", ["张伟", "阿依古丽"]),
        ("经民主评议，现将名单公示如下：1.张伟，2.李娜。", ["张伟", "李娜"]),
    ],
)
def test_a_numbered_list_of_names(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "1.总则 2.申请条件 3.审核程序",
        "（1）低保（2）特困",
        "①周一 ②周三",
        "1.张家 2.李家",
        "1.王某 2.李某",
        "1.高龄 2.失能 3.残疾",
        "1.江苏 2.浙江",
        "1.申请 2.审核 3.公示",
        "1.户主 2.配偶 3.子女",
        "（1）本人（2）家属",
        "①低保户 ②特困户",
        "1.黄金 2.白银",
        "1.汉滨区 2.汉阴县",
        "1.城关镇 2.张滩镇",
        "2024年1.5万元 2.3万元",
        "第1.2条 第2.3条",
        "1.方法 2.程序 3.步骤",
        "1.安全 2.文明 3.和谐",
        "1.金额 2.单价",
        "(1)马路 (2)桥梁",
        "1.入户调查 2.核实收入 3.张贴公示",
        "（1）家庭成员3人（2）月收入500元",
        "1号楼2单元",
        "1.张三 2.李四",
        "1.张伟家 2.李娜家",
        "1.党员 2.群众",
        "1.王阿姨 2.李叔叔",
    ],
)
def test_numbered_lists_of_no_one_named_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("1.张伟 3.李娜", "1.张伟 3.李娜"),  # numbers that do not follow each other: no list
        ("A1.张伟 2.李娜", "A1.张伟"),  # a number glued to a letter: a code's
        ("1.张伟 2.低保户", "1.张伟 2.低保户"),  # all of a list's items are names, or none is read
    ],
)
def test_what_is_no_numbered_list_stays(text: str, kept: str) -> None:
    for role in ROLES:
        assert kept in out(text, "text/plain", role), (role, text)


# A name after 给, 向, 为 or 帮 before what was done for the person (为王秀英办理低保): name_heads read
# 向 before what the person said only, and 给, 为 and 帮 not at all.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("给张伟送去米面油", ["张伟"]),
        ("向李娜发放救助金", ["李娜"]),
        ("为王秀英办理低保", ["王秀英"]),
        ("帮张伟申请临时救助", ["张伟"]),
        ("今天给张伟打电话", ["张伟"]),
        ("社区工作人员为王秀英办理了低保手续", ["王秀英"]),
        ("给欧阳娜娜送去慰问品", ["欧阳娜娜"]),
        ("向张伟讲解政策", ["张伟"]),
        ("向张伟发放慰问金", ["张伟"]),
        ("帮张伟申请", ["张伟"]),
        ("向张伟申请", ["张伟"]),  # caught before (向 before 申请: name_heads)
    ],
)
def test_a_name_after_a_preposition_before_what_was_done_for_the_person(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "给社区送去",
        "向民政局报告",
        "为老人办理",
        "帮助困难群众",
        "为民服务",
        "向前",
        "给其送去",
        "为其办理低保",
        "向贫困户发放",
        "帮孩子申请",
        "给老人送去米面油",
        "向群众发放宣传资料",
        "为全家办理",
        "为该户办理低保",
        "向村民宣传政策",
        "为本人办理",
        "给家属打电话",
        "向申请人发放",
        "为低保户办理",
        "为困难群众解决实际问题",
        "向上级申请",
        "向有关部门申请",
        "给予临时救助",
        "为方便群众办理",
        "为张家办理",
        "向汉滨区申请",
        "为王某办理",
        "为周一安排",
        "为常态化落实",
        "为黄金周安排",
        "为方便办理",
        "给邻居送去",
        "为车辆办理",
        "为房屋修缮",
    ],
)
def test_acts_done_for_no_one_named_stay(text: str) -> None:
    unchanged(text)


# A name in two fields, its surname after 姓 and its given name after 名 (姓：张 名：伟): neither part
# is a name alone. One span from the surname to the given name's end: a mask that keeps a name's
# first character would show the given name's first.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("姓：张 名：伟", ["伟"]),  # (the caseworker keeps a surname: 张**)
        ("姓氏：欧阳 名字：娜娜", ["娜娜"]),
        ("姓：王，名：秀英", ["秀英", "王，"]),
        ("姓: 李 名: 娜", ["娜"]),
        ("姓=张&名=伟", ["伟"]),
        ("申请人信息 姓：王 名：秀英 性别：女", ["秀英"]),
    ],
)
def test_a_name_in_two_fields(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "姓：无 名：无",
        "姓：未知 名：未知",
        "姓：王 名：某",
        "姓：张 名：不详",
        "姓：男 名：女",
        "姓：张 名称：救助站",
        "名：伟 姓：张",  # the given name first: not read
        "百姓：群众 名：无",
        "姓名：（空）",
    ],
)
def test_two_fields_of_no_name_stay(text: str) -> None:
    unchanged(text)


def test_the_strict_profile_hides_both_fields() -> None:
    assert out("姓：张 名：伟", "text/plain", "outsourced") == "姓：[已屏蔽]"


# A relative's name glued to the relation, the two a whole run (户主张伟，妻子李娜，儿子张强): a
# relation before a colon is a label, and one glued to a name was read before what the relative
# does only (妻子李娜务农).


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("妻子李娜，儿子张强", ["李娜", "张强"]),
        ("户主张伟，妻子李娜，儿子张强在外务工", ["张伟", "李娜"]),
        ("其子张强", ["张强"]),  # caught before (name_runs)
        ("长女王秀英。", ["王秀英"]),  # caught before (name_runs)
        ("妻子李娜", ["李娜"]),
        ("配偶欧阳娜娜", ["欧阳娜娜"]),  # caught before (name_runs)
        ("女婿王强", ["王强"]),
        ("父亲张强，母亲王秀英", ["张强", "王秀英"]),
        ("孙女李娜、孙子张强", ["李娜", "张强"]),
        ("家庭成员：户主张伟，配偶李娜，长子张强", ["张伟", "李娜", "张强"]),  # caught before (name_runs)
        ("妻子李娜务农", ["李娜"]),  # caught before (务农 after it: name_heads)
        # a space or two apart, as a household's members are listed in text (thirty-fifth session)
        ("妻子 李娜，务农", ["李娜"]),
        ("长子 张强，在外务工", ["张强"]),
        ("儿子 张强 在读", ["张强"]),
        ("妻子\u3000李娜", ["李娜"]),
        ("户主 张伟\n妻子 李娜\n长女 王秀英", ["张伟", "李娜", "王秀英"]),
        # what opens a clause before the relation (thirty-fifth session)
        ("其中妻子温桂香患精神残疾", ["温桂香"]),
        ("家中妻子温桂香患病", ["温桂香"]),
        ("另有儿子张强在外务工", ["张强"]),
        ("其中儿子张强，在外务工", ["张强"]),
        ("以及妻子温桂香", ["温桂香"]),
    ],
)
def test_a_relatives_name_glued_to_the_relation(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "妻子在家",
        "儿子张家",
        "女儿王某",
        "父亲高龄",
        "母亲去世",
        "儿子结婚",
        "女儿出嫁",
        "妻子患病",
        "丈夫残疾",
        "老伴已故",
        "其子在外",
        "孙子上学",
        "儿媳外出",
        "父亲母亲",
        "儿子女儿",
        "妻子务农",
        "配偶无业",
        "长子长女",
        "女儿女婿",
        "其妻离异",
        "母亲年迈",
        "丈夫早逝",
        "儿子读书",
        "孙女上学",
        "父亲李某",
        "次子张家港",
        "妻子 无业",
        "儿子 张家",
        "父亲 母亲 儿子",
        "长子 长女 次子",
        "女儿 王某",
        "妻子  在外务工",
        "其中妻子患病",
        "家中老伴卧床",
        "其中儿子在外务工",
        "现有子女3人",
        "还有女儿未婚",
    ],
)
def test_relations_glued_to_no_name_stay(text: str) -> None:
    unchanged(text)

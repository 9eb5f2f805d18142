"""Persons' names that went out in clear, or more than a name masked (names round eighteen),
through ``Inspector.inspect`` with the strict and the caseworker profiles; the look-alikes beside
them must stay as they are."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, as_bodies, leaks, out, unchanged

# A council's record: each member's vote at a run's head, with no preposition (经张伟同意 has one),
# and a list of members before their vote or 参加.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("民主评议记录：张伟同意，李娜反对", ["张伟", "李娜"]),
        ("评议结果：张伟弃权", ["张伟"]),
        ("张伟同意", ["张伟"]),
        ("王秀英反对", ["王秀英"]),
        ("张伟、李娜参加评议", ["张伟", "李娜"]),
        ("张伟、李娜、王秀英同意", ["张伟", "李娜", "王秀英"]),
    ],
)
def test_a_council_members_vote(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "全体同意",
        "村委同意",
        "张家同意",  # a household, no one's name (as 张家不在家, round seventeen)
        "李庄反对",
        "全票同意",
        "高票同意",
        "单方同意",
        "房主同意",
        "一致同意",
        "经研究同意",
        "党委同意",
        "低保、特困参加",
        "张家、李家同意",
        "村民代表参加评议",
        "全体村民参加",
        "评议：同意",
    ],
)
def test_votes_of_no_one_stay(text: str) -> None:
    unchanged(text)


# A name at a run's head before what the person said (陈述, 说明, 称, 说), with no preposition; and
# before 称 or 说 glued to more prose, the name masked alone.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("张伟陈述", ["张伟"]),
        ("王秀英陈述家中无收入", ["王秀英"]),
        ("李娜称其子在外务工", ["李娜"]),
        ("王秀英说明情况", ["王秀英"]),
        ("张伟说", ["张伟"]),
        ("据张伟本人陈述", ["张伟"]),  # caught before
        ("经张伟说明", ["张伟"]),  # caught before
    ],
)
def test_a_name_before_what_was_said(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "rest"),
    [("张伟称家中困难", "称家中困难"), ("李娜说已外出", "说已外出"), ("张伟称已外出", "称已外出")],
)
def test_what_was_said_is_not_masked_with_the_name(text: str, rest: str) -> None:
    # 张伟称 and 李娜说 were masked, one character too many
    for role in ROLES:
        for body, media_type in as_bodies(text):
            masked = out(body, media_type, role)
            assert "张伟" not in masked and "李娜" not in masked, (role, masked)
            assert rest in masked, (role, masked)


@pytest.mark.parametrize(
    "text",
    [
        "本人陈述",
        "户主称家中困难",
        "据称",
        "声称家中困难",
        "其称",
        "文件称",
        "史称",
        "家庭情况说明",
        "情况说明",
        "申请人说明",
        "据说",
        "听说已外出",
        "游说",
        "张家说",
        "村民称",
        "群众说",
    ],
)
def test_what_no_one_named_said_stays(text: str) -> None:
    unchanged(text)


# A name after two prepositions (经与张伟核实), after a clause of time's 时 (入户调查时张伟不在家),
# and a visit's one name after its colon (走访：王秀英).


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("经与张伟核实", ["张伟"]),
        ("经与李娜沟通", ["李娜"]),
        ("经向王秀英了解", ["王秀英"]),
        ("入户调查时张伟不在家", ["张伟"]),
        ("入户时王秀英不在家", ["王秀英"]),
        ("上门调查时张伟不在家", ["张伟"]),
        ("走访时王秀英称家中困难", ["王秀英"]),
        ("走访：王秀英", ["王秀英"]),
        ("慰问：张伟", ["张伟"]),
        ("走访: 李娜", ["李娜"]),
        ("走访对象：王秀英", ["王秀英"]),  # caught before
    ],
)
def test_a_name_after_two_prepositions_a_time_or_a_visits_colon(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "调查时张家不在家",
        "临时救助申请",
        "平时王某代领",
        "到达时间不在家",
        "同时申请",
        "入户时家中无人",
        "与其核实",
        "经与本人核实",
        "经与村委会沟通",
        "慰问：米面油",
        "走访：周一",
        "慰问：张家",
        "慰问：春节",
        "慰问：全体村民",
        "回访：电话",
        "慰问：高龄",
        "走访：低保户",
        "回访：本人",
    ],
)
def test_times_and_visits_of_no_one_stay(text: str) -> None:
    unchanged(text)


# Over-mask: a surname and a staff title in a person's field (申请人：王主任) is how a file refers to
# staff, as after @ (@王主任: the sheet notes' author); it names no one further than 王某 does.


@pytest.mark.parametrize(
    "text",
    [
        "申请人：王主任",
        "经办人：李书记",
        "联系人：张会计",
        "联系人王主任",
        "经办人：王干事",
        "审核人：刘主席",
        "申请人：欧阳主任",
        "联系人：社区主任",  # round seventeen's
    ],
)
def test_a_surname_and_a_title_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [("申请人：张伟", ["张伟"]), ("申请人：李任", ["李任"]), ("经办人：王主", ["王主"])],
)
def test_a_name_like_a_title_is_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


# This round's probes: a petition's record (信访人, 来电人; a name before 来访 or 来电), a mediation's
# (要求, 认为, 提出, 达成: 李娜达 was masked), a death or a move (死亡, 迁出, 户口, 户籍; 已 before 于).


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("信访人李娜来访", ["李娜"]),
        ("来电人李娜", ["李娜"]),
        ("来电人：张伟", ["张伟"]),
        ("张伟来访反映", ["张伟"]),
        ("李娜来电反映", ["李娜"]),
        ("李娜来电", ["李娜"]),
        ("李娜要求", ["李娜"]),
        ("张伟认为", ["张伟"]),
        ("张伟提出", ["张伟"]),
        ("张伟死亡", ["张伟"]),
        ("张伟已死亡", ["张伟"]),
        ("李娜已迁出", ["李娜"]),
        ("张伟户口迁出", ["张伟"]),
        ("李娜户口已迁出", ["李娜"]),
        ("李娜户籍已迁出", ["李娜"]),
        ("张伟已于2025年去世", ["张伟"]),
        ("王秀英已于2024年3月病故", ["王秀英"]),
        ("来访人张伟反映家中困难", ["张伟"]),  # caught before
        ("申请人张伟与被申请人李娜达成协议", ["张伟", "李娜"]),  # caught before
        ("张伟已去世", ["张伟"]),  # caught before
    ],
)
def test_a_petitions_a_mediations_a_deaths_or_a_moves_name(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


def test_a_visitors_name_in_a_remark_of_two_lines() -> None:
    # formats round two's look-alike (no table in a string) held a name before 来访; as a JSON string
    # (a text/plain body of these lines is read as CSV, its first line a header: not this round's)
    body = '{"bz": "今天下午,张伟来访\\n说明情况,已处理"}'
    for role in ROLES:
        assert "张伟" not in out(body, "application/json", role), role


@pytest.mark.parametrize(
    ("text", "rest"),
    [("被申请人李娜达成协议", "达成协议"), ("申请人张伟要求调解", "要求调解")],
)
def test_a_partys_name_is_masked_alone(text: str, rest: str) -> None:
    # 李娜达, 张伟要 were masked, one character too many
    for role in ROLES:
        assert out(text, "text/plain", role).endswith(rest), role


@pytest.mark.parametrize(
    "text",
    [
        "信访人：3人",
        "来电人：本人",
        "群众来访",
        "多次来访",
        "集体来访",
        "本人来访",
        "上级来电",
        "银行来电",
        "单位来电",
        "本人来电",
        "车祸死亡",
        "意外死亡",
        "因病死亡",
        "全家迁出",
        "户口迁出",
        "农业户口",
        "常住户口",
        "本人户口",
        "张家户口",
        "户口所在地：城关镇",
        "本人户籍",
        "农业户籍",
        "文件要求",
        "严格要求",
        "群众要求",
        "本人要求",
        "经审核认为",
        "本人认为",
        "本人提出",
        "家属提出",
        "双方达成",
        "经协商达成",
        "成立于2010年",
        "已于近日办理",
        "张家已于2025年迁出",
    ],
)
def test_petitions_deaths_and_moves_of_no_one_stay(text: str) -> None:
    unchanged(text)

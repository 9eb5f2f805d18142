"""Persons' names that went out in clear (names round thirteen), through ``Inspector.inspect`` with
the strict and the caseworker profiles; the look-alikes beside them must stay as they are."""

from __future__ import annotations

import pytest

from support.inspected import in_clear, json_leaks, leaks, unchanged, unchanged_json

# A household member's field with its index between the words (the first member's 姓名).


@pytest.mark.parametrize(
    ("doc", "secrets"),
    [
        ({"data": [{"jtcy1xm": "张伟", "nl": "45"}]}, ["张伟"]),
        ({"data": [{"cy1_xm": "张伟", "cy2_xm": "李娜"}]}, ["张伟", "李娜"]),
        ({"jtcy_1_xm": "王秀英", "cy1xm": "李娜"}, ["王秀英", "李娜"]),
        # caught before the round: the index last, or a word the catalog matches as a suffix
        (
            {"xm1": "张伟", "姓名1": "李娜", "成员2姓名": "王强", "member1Name": "王秀英"},
            ["张伟", "李娜", "王强", "王秀英"],
        ),
    ],
)
def test_a_name_under_a_key_with_an_index_inside(doc: object, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


@pytest.mark.parametrize(
    "doc",
    [
        {"jz1xm": "临时救助"},  # 救助项目: xm alone is no name's key inside a longer one
        {"page2xm": "张伟"},
        {"v1xm": "张伟"},
        {"jtcy1xm": "无"},
        {"cy1_xm": "汉滨区民政局"},
    ],
)
def test_a_key_with_an_index_inside_of_no_name_stays(doc: object) -> None:
    unchanged_json(doc)


# A person a case file names, glued to the label with no colon.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("来访人张伟", ["张伟"]),
        ("来访人王秀英反映情况", ["王秀英"]),
        ("见证人张伟反映情况", ["张伟"]),
        ("担保人张伟", ["张伟"]),
        ("领取人张伟已领取", ["张伟"]),
        ("举报人张伟称", ["张伟"]),
        ("邻居张伟反映", ["张伟"]),
        ("邻居欧阳娜娜说", ["欧阳娜娜"]),
    ],
)
def test_a_name_glued_to_a_persons_label(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "来访人数较多",
        "来访人员到场",
        "来访人于今日来访",
        "来访人：3人",
        "见证人签字",
        "见证人：村委会",
        "担保人签字",
        "领取人本人",
        "领取人数12",
        "举报人员",
        "举报人：匿名",
        "邻居家失火",
        "邻居反映情况",
        "邻居张家港来电",
        "邻居：无",
    ],
)
def test_such_a_label_without_a_name_stays(text: str) -> None:
    unchanged(text)


# A relation in brackets between a label and the name; a count of persons in brackets before a colon.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("联系人（其子）张强", ["张强"]),
        ("联系人（儿子）张强", ["张强"]),
        ("联系人（其女）：李娜", ["李娜"]),
        ("联系人（女儿）李娜，电话", ["李娜"]),
        ("来访人（2人）：张伟、李娜", ["张伟", "李娜"]),
        ("来访人(3人)：张伟、李娜、王强", ["张伟", "李娜", "王强"]),
        ("家庭成员（3人）：张伟、李娜、王强", ["张伟", "李娜", "王强"]),
    ],
)
def test_a_name_after_a_bracket_after_a_label(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    ["联系人（其子）", "联系人（社区）", "来访人（2人）：无", "来访人（2人）：村委会干部", "见证人（2人）：村委会"],
)
def test_a_bracket_after_a_label_without_a_name_stays(text: str) -> None:
    unchanged(text)


# Names parted by / before a list's tail, with no label.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("张伟/李娜夫妇", ["张伟", "李娜"]),
        ("走访张伟/李娜两户", ["张伟", "李娜"]),
        ("张伟/李娜/王强3人", ["张伟", "李娜", "王强"]),
    ],
)
def test_names_parted_by_a_slash_before_a_tail(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "低保/特困2户",
        "汉滨区/汉阴县3户",
        "张家/李家两户",
        "张家港/王府井2家",
        "高龄/失能老人",
        "男/女",
        "2026/12/01共3人",
    ],
)
def test_words_parted_by_a_slash_stay(text: str) -> None:
    unchanged(text)


# A staff member's name before a verb no list holds, and the next person named after that verb and a comma.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("社工王强到场", ["王强"]),
        ("村医王秀英前往", ["王秀英"]),  # 前往 is a staff verb: caught before the round
        ("社工王强、李娜到场，张伟陪同", ["王强", "李娜", "张伟"]),
        ("社工王强到场，张伟陪同入户", ["王强", "张伟"]),
        ("网格员李娜入户走访，王秀英陪同", ["李娜", "王秀英"]),
    ],
)
def test_a_name_after_a_staff_members_verb_and_a_comma(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("社工王强到场，王府井社区陪同", "，王府井社区陪同"),
        ("社工王强到场，张家港来电", "，张家港来电"),
        ("社工王强到场，其他人员陪同", "，其他人员陪同"),
        ("社工王强到场，周一值班", "，周一值班"),
        ("社工王强到场，高度重视", "，高度重视"),
        ("社工王强到场，张大爷陪同", "，张大爷陪同"),
        ("社工王强到场，和平社区陪同", "，和平社区陪同"),
        ("社工王强到场，高龄老人陪同", "，高龄老人陪同"),
        ("社工王强到场，金额500元", "，金额500元"),
        ("民警要求到场", "民警要求到场"),
        ("社工都到场", "社工都到场"),
        ("网格员一起到场", "网格员一起到场"),
        ("社工站到场", "社工站到场"),
        ("社工周一到场", "社工周一到场"),
        ("民警张家港到场", "民警张家港到场"),
    ],
)
def test_prose_after_a_staff_members_verb_stays(text: str, kept: str) -> None:
    in_clear(text, kept)

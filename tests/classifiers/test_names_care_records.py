"""Names in a care home's and a caseworker's daily records and in a decision's notice (thirty-fifth
session): a staff member's name before whom an act is for (社工李娜为其办理, 护理员李娜给王桂英喂药:
name_prose's verb heads), a resident's after 给, 为 or 帮 before a home's care (为李秀兰测量血压:
SERVED_ACTS), a name before an age in brackets (王桂英（82岁）入住本院:
name_runs.before_bracketed_relations), a name before 为, 给 … and 老人, the honorific another's
(护理员李娜为老人喂药: the name was read as 李娜为, and 为 went out masked with it), and the
addressee opening a decision's notice (刘洋：\n你于…提出的申请: name_addressed._SALUTED_RE); and the
look-alikes of each that must stay."""

from __future__ import annotations

import pytest

from support.inspected import in_clear, leaks, out, unchanged


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("社工李娜为其办理临时救助", ["李娜"]),
        ("网格员王秀英为该户申请低保", ["王秀英"]),
        ("护理员李娜给王桂英喂药", ["李娜", "王桂英"]),
        ("社工李娜对其进行心理疏导", ["李娜"]),
        ("民警张伟、李娜为其办理", ["张伟", "李娜"]),
        ("为李秀兰测量血压，血压偏高", ["李秀兰"]),
        ("帮张桂芝翻身、擦身", ["张桂芝"]),
        ("给王桂英送餐", ["王桂英"]),
        ("王桂英（82岁）入住本院", ["王桂英"]),
        ("李娜(75周岁)", ["李娜"]),
        ("走访孤寡老人周桂兰（88岁）", ["周桂兰"]),
        ("护理员李娜为老人喂药", ["李娜"]),
        ("张伟给老人送药", ["张伟"]),
        ("王强陪老人就医", ["王强"]),
    ],
)
def test_names_in_care_records(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("护理员李娜为老人喂药", "为老人喂药"),
        ("张伟给老人送药", "给老人送药"),
        ("走访王秀英老人", "老人"),
    ],
)
def test_what_follows_the_name_stays(text: str, kept: str) -> None:
    in_clear(text, kept)


@pytest.mark.parametrize(
    "text",
    [
        "社工对其进行心理疏导",
        "干部为群众办实事",
        "为老人理发",
        "给大家送饭",
        "为其洗澡",
        "老人（82岁）",
        "平均年龄（45岁）",
        "儿童（6岁）",
        "其子（12岁）在读",
        "高龄津贴（80岁）",
        "户主（65岁）",
        "张家（3岁）",
        "社工为老人理发",
        "志愿者和老人聊天",
    ],
)
def test_care_records_without_a_name_stay(text: str) -> None:
    unchanged(text)


def test_the_caseworker_sees_the_surname_and_the_preposition() -> None:
    assert out("护理员李娜为老人喂药", "text/plain", "caseworker") == "护理员李**为老人喂药"


# A decision's notice opens with whom it decides for, a colon and what it tells them (thirty-fifth
# session: name_addressed._SALUTED_RE).
@pytest.mark.parametrize(
    "text",
    [
        "刘洋：你于2024年3月提出的低保申请",
        "最低生活保障决定书\n刘洋：\n    你于2024年3月10日提出的申请，经审核",
        "刘洋：您的申请已受理",
        "刘洋：你户不符合条件",
        "刘洋：你（户）申请的临时救助",
    ],
)
def test_the_addressee_of_a_decisions_notice(text: str) -> None:
    leaks(text, ["刘洋"])


@pytest.mark.parametrize(
    "text",
    ["备注：你于3月来访", "说明：您的申请已受理", "通知：你户不符合条件", "各位居民：你们好"],
)
def test_a_label_before_you_stays(text: str) -> None:
    unchanged(text)

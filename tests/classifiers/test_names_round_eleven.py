"""Persons' names that went out in clear (names round eleven), and words masked as names, through
``Inspector.inspect`` with the strict and the caseworker profiles; the look-alikes beside them
must stay as they are."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, leaks, out, unchanged

ID_A = "610902199001011235"  # synthetic, with a valid check character
ID_B = "610902194912310022"


# Prose: a relative after a surname and an address, a list's second name before a verb no list
# holds, a visited household.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("张大爷的儿子张强在外务工", ["张强"]),
        ("王女士的女儿李娜在外务工", ["李娜"]),
        ("和李娜的母亲王秀英住在一起", ["李娜", "王秀英"]),
        ("民警张伟、李娜到场", ["张伟", "李娜"]),
        ("村医王强与张伟一同入户", ["王强", "张伟"]),
        ("网格员李娜和欧阳娜娜到场处理", ["李娜", "欧阳娜娜"]),
        ("入户走访了王秀英家", ["王秀英"]),
        ("慰问李娜家，了解生活情况", ["李娜"]),
    ],
)
def test_names_in_prose(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("张大爷的儿子张强在外务工", "张大爷"),
        ("王女士的女儿李娜在外务工", "王女士"),
    ],
)
def test_the_surname_and_address_before_a_named_relative_stays(text: str, kept: str) -> None:
    for role in ROLES:
        assert out(text, "text/plain", role).startswith(kept), role


@pytest.mark.parametrize(
    "text",
    [
        "张家港市民政局来函",
        "王府井",
        "高龄、失能、半失能老人",
        "张家、李家两户",
        "王某",
        "张大爷",
        "王女士",
        "和平社区",
        "和同事",
        "张家的母亲王秀英",
        "走访了困难家庭",
        "走访了张家港家",
        "走访了低保户家",
        "村民白天外出",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "name", "tail"),
    [
        ("民警张伟和同事到场", "张伟", "和同事到场"),
        ("网格员李娜与张大爷到场", "李娜", "与张大爷到场"),
        ("民警张伟、张家港来电", "张伟", "、张家港来电"),
        ("网格员李娜和村干部入户", "李娜", "和村干部入户"),
        ("网格员李娜和和平社区", "李娜", "和和平社区"),
        ("网格员李娜、王府井社区", "李娜", "、王府井社区"),
    ],
)
def test_a_word_after_a_staff_members_name_stays(text: str, name: str, tail: str) -> None:
    for role in ROLES:
        masked = out(text, "text/plain", role)
        assert name not in masked and masked.endswith(tail), (role, masked)


# Words masked as names after a role or a category, and a pseudonym beside an ID number.


@pytest.mark.parametrize(
    "text",
    [
        "低保户张家港",
        "老人周一、周三值班",
        "老人周末、周日值班",
        "村民白天外出",
    ],
)
def test_a_day_or_a_city_after_a_role_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize("text", [f"王某({ID_A})", f"王某（{ID_A}）", f"李某某({ID_A})"])
def test_a_pseudonym_beside_an_id_number_stays_and_the_number_is_masked(text: str) -> None:
    for role in ROLES:
        masked = out(text, "text/plain", role)
        pseudonym = text[: text.index(ID_A) - 1]  # 王某, before the bracket
        assert masked.startswith(pseudonym + text[len(pseudonym)]) and ID_A not in masked, (role, masked)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("低保户张伟", ["张伟"]),
        ("老人周伟、周强值班", ["周伟"]),
        (f"王伟({ID_A})", ["王伟"]),
        ("村民钟声", ["钟声"]),  # a surname and a word that is a given name as well: a name
    ],
)
def test_names_beside_them_still_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)

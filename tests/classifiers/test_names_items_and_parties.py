"""Names in numbered items that say more after the name (（1）张伟，低保户；（2）李娜，特困:
name_numbered's tailed lists), two joined by 和 or 与 before a list's tail (走访了刘洋和陈静两户:
name_lists.joined_names) or after a visit or a call (走访了张伟和李娜。: name_prose.glued_names),
after a relation or a category before an act (其子张强申请低保: name_runs._ends_name with
SERVED_ACTS), before 对 (其子张强对老人不尽赡养义务), after 当事人, and before a household's 家人 or 家属
(孤儿李娜家人); and the look-alikes of each that must stay."""

from __future__ import annotations

import pytest

from classifiers.entities import name_lists
from support.inspected import kept_in_both, leaks, unchanged


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("（1）张伟，低保户；（2）李娜，特困", ["张伟", "李娜"]),
        ("1、张伟，男；2、李娜，女", ["张伟", "李娜"]),
        ("公示如下：1.张伟，男，78岁；2.王秀英，女，65岁；3.李娜，女，12岁", ["张伟", "王秀英", "李娜"]),
        ("1、张伟，男，1958年生\n2、李娜，女，1962年生", ["张伟", "李娜"]),
        ("1. 欧阳娜娜, 特困供养; 2. 陈静, 低保", ["欧阳娜娜", "陈静"]),
    ],
)
def test_numbered_items_with_more_after_the_name_are_masked(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "1、总则，本办法适用于全市；2、申请条件，家庭人均收入低于标准",
        "（1）低保，每月发放；（2）特困，按季度发放",
        "1.张家，3人；2.李家，2人",
        "第1、2项，共计3人；4、5项另报",
    ],
)
def test_numbered_items_that_name_no_one_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("家庭成员：\n- 张伟\n- 李娜\n", ["张伟", "李娜"]),
        ("姓名:\n  - 张伟\n  - 李娜\n", ["张伟", "李娜"]),
        ("家庭成员：\n* 张伟\n* 王秀英", ["张伟", "王秀英"]),
        ("成员：\r\n• 张伟\r\n• 李娜", ["张伟", "李娜"]),
        ("- 欧阳娜娜\n- 扎西多吉\n", ["欧阳娜娜", "扎西多吉"]),
        # Each item's gender after its name, and more after it (thirty-fourth session).
        ("家庭成员：\n- 张伟 男\n- 李娜 女\n", ["张伟", "李娜"]),
        ("家庭成员：\n- 张伟 男 45岁 务农\n- 李娜 女性 43岁", ["张伟", "李娜"]),
        ("- 张伟\n- 李娜 女 43岁", ["张伟", "李娜"]),
    ],
)
def test_a_list_of_names_by_dashes_stars_or_bullets_is_masked(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "申请条件：\n- 低保\n- 特困\n",
        "- 高龄\n- 失能\n- 独居\n",
        "工作要点：\n- 走访\n- 核查\n- 公示\n",
        "- 汉阴县\n- 石泉县\n",
        "- 张家\n- 李家\n",
        "- 周一\n- 周三\n",
        "- 党员\n- 群众\n",
        "- 张伟\n",  # one item: no list
        "- 低保 男\n- 特困 女\n",
        "- 张伟 男\n",
        "- 张家 男户主\n- 李家 女户主\n",
    ],
)
def test_a_list_by_dashes_that_names_no_one_stays(text: str) -> None:
    unchanged(text)


def test_items_whose_numbers_do_not_follow_each_other_are_no_list() -> None:
    kept_in_both("1、张伟，男；3、李娜，女", "张伟，男；3、李娜")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("其子张强申请低保", ["张强"]),
        ("为其弟张强办理低保", ["张强"]),
        ("孤儿李娜办理入学", ["李娜"]),
        ("其女王秀英安排老人入住", ["王秀英"]),
        ("其子张强对老人不尽赡养义务", ["张强"]),
        ("当事人刘洋对事实无异议", ["刘洋"]),
        ("当事人王秀英已签字", ["王秀英"]),
        ("孤儿李娜家人已知情", ["李娜"]),
        ("军属张伟家属已签字", ["张伟"]),
        ("老人和志强", ["和志强"]),  # 和, a surname: no second person joined
    ],
)
def test_a_name_after_a_relation_a_category_or_a_party_is_masked(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("其子张强对老人不尽赡养义务", "对老人不尽赡养义务"),
        ("户主张伟对此无异议", "对此无异议"),
        ("其子张强申请低保", "申请低保"),
    ],
)
def test_the_words_after_the_name_stay(text: str, kept: str) -> None:
    kept_in_both(text, kept)


@pytest.mark.parametrize(
    "text",
    [
        "其子女申请低保",
        "其妻办理入户手续",
        "低保户申请",
        "孤儿院安排",
        "当事人对事实无异议",
        "当事人双方",
        "当事人签字",
        "其子女对老人",
    ],
)
def test_the_words_after_a_relation_or_a_party_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("走访了刘洋和陈静两户", ["刘洋", "陈静"]),
        ("张伟和李娜夫妇", ["张伟", "李娜"]),
        ("王强与李娜二人均无劳动能力", ["王强", "李娜"]),
        ("慰问困难党员张伟和王秀英两户", ["张伟", "王秀英"]),
        ("本月走访低保户欧阳娜娜和陈静两户", ["欧阳娜娜", "陈静"]),
    ],
)
def test_two_names_joined_before_a_tail_are_masked(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "党员和群众两户",
        "张家和李家两户",
        "父亲和母亲二人",
        "村委会和民政所同意",
        "经研究和讨论同意",
        "老人和儿童共5人",
        "高龄和失能老人纳入",
        # a label or a role, 和 and a person unnamed (和 is a surname: 老人和志强 stays a name)
        "走访老人和护理员",
        "当事人和社工",
        "儿童和志愿者",
        "申请人和村主任到场",
        "邻居和民警",
        "老人与护理员",
        "特困人员和工作人员",
    ],
)
def test_what_a_joint_joins_besides_names_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("走访了张伟和李娜。", ["张伟", "李娜"]),
        ("看望了王秀英和李娜", ["王秀英", "李娜"]),
        ("联系了张伟和李娜", ["张伟", "李娜"]),
        ("联系张伟与李娜未果", ["张伟", "李娜"]),
        ("走访：欧阳娜娜和陈静", ["欧阳娜娜", "陈静"]),
        ("走访了张伟和李娜家", ["张伟", "李娜"]),
        # one name joined to a title or a relation, the second person unnamed
        ("约谈了王强和会计", ["王强"]),
        ("约谈了王强和会计刘洋", ["王强", "刘洋"]),
        ("走访了张伟和其母亲", ["张伟"]),
        ("联系李娜与村主任", ["李娜"]),
    ],
)
def test_two_names_joined_after_a_visit_or_a_call_are_masked(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "走访了党员和群众。",
        "走访了张家和李家。",
        "慰问了老人和儿童",
        "联系了房东和物业",
        "通知了街道和社区",
        "走访了解和帮扶情况",
        "联系电话和地址",
        "走访时间和地点",
        "联系了民政和社保",
        "联系了房东和会计",
        "走访了老人和其子女",
        "走访了孤儿和其叔叔",
        "通知了申请人和村主任",
        "约谈了村会计和出纳",
        "走访了该户和村医",
        "联系了王大爷和其儿子",
    ],
)
def test_what_a_visit_joins_besides_names_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("run", "size"),
    [
        ("本月走访低保户欧阳娜娜", 4),  # 娜娜 alone had left 欧阳 outside the span
        ("走访王卓玛", 3),
        ("走访扎西多吉", 4),
        ("走访卓玛", 2),
        ("走访了张伟", 2),
        ("走访了", 0),
    ],
)
def test_a_lists_first_name_is_the_longest_that_ends_its_run(run: str, size: int) -> None:
    assert name_lists._tail_name(run) == size


# A register's relation of one character in brackets after a name of a list (张强(子)): the
# relations of two were read (张伟(户主),李娜(妻子)), the son's name went out (thirty-fourth session).
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("张伟(户主),李娜(妻子),张强(子)", ["张伟", "李娜", "张强"]),
        ("申请对象：卢建华（户主）、卢小兵（子）", ["卢建华", "卢小兵"]),
    ],
)
def test_a_name_before_a_one_character_relation_in_brackets_is_masked(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize("text", ["签字(女)", "男(1)女(2)", "性别（女）", "儿童（女）"])
def test_a_word_before_a_one_character_bracket_stays(text: str) -> None:
    unchanged(text)


# A register's relation of one character before a colon at a field's start (子:张强), and 孩子：.
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("户主:张伟;妻子:李娜;子:张强", ["张伟", "李娜", "张强"]),
        ("子：张强、张丽", ["张强", "张丽"]),
        ("女：李娜", ["李娜"]),
        ("孙：王小明", ["王小明"]),
        ("孩子：张强", ["张强"]),
    ],
)
def test_a_name_after_a_one_character_relation_and_a_colon_is_masked(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text", ["例子：张三", "男：1人 女：2人", "子女：无", "父：务农", "母:已故", "子:张家", "孩子：2人"]
)
def test_a_one_character_relation_before_a_colon_without_a_name_stays(text: str) -> None:
    unchanged(text)

"""Names glued after the categories of persons 优抚 serves (优抚对象, 退伍军人, 烈属, 军属 …:
name_words.CATEGORIES; 军人, 烈属 and 军属 in the role pre-check), and the words of those
categories and of a visit's gifts that must stay; one name after a notice's, a call's or a
talk's word (通知张伟来社区签字, 约谈王秀英), and the words after them that must stay."""

from __future__ import annotations

import pytest

from support.inspected import kept_in_both, leaks


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("退伍军人李娜于2020年退役", "李娜"),
        ("烈属王秀英", "王秀英"),
        ("退役军人张伟，男，55岁", "张伟"),
        ("复员军人王秀英于3月去世", "王秀英"),
        ("经核实，伤残军人张伟因病住院", "张伟"),
        ("慰问军属李娜", "李娜"),
    ],
)
def test_a_name_after_a_servicemans_category_is_masked(text: str, name: str) -> None:
    leaks(text, [name])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("退伍军人事务局", "退伍军人事务局"),
        ("优抚对象名单公示", "优抚对象名单公示"),
        ("军属优待证", "军属优待证"),
        ("退役军人服务站", "退役军人服务站"),
        ("复员军人定期补助", "复员军人定期补助"),
        ("伤残军人抚恤金", "伤残军人抚恤金"),
        ("军人家属随军", "军人家属随军"),
        ("烈属慰问金发放", "慰问金发放"),
        ("慰问金发放", "慰问金发放"),
        ("慰问品发放", "慰问品发放"),
    ],
)
def test_the_categories_and_a_visits_gifts_stay(text: str, kept: str) -> None:
    kept_in_both(text, kept)


# One name after a notice's, a call's or a talk's word (CALLS: 联系, 通知, 约谈, 告知), at its run's
# end or before what came of it (本人, 来, 到: name_patterns.CALL_OUTCOMES).
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("已通知张伟本人", "张伟"),
        ("通知张伟来社区签字", "张伟"),
        ("约谈王秀英", "王秀英"),
        ("电话通知李娜", "李娜"),
        ("告知张伟，", "张伟"),
        ("约谈李娜到村委会说明情况", "李娜"),
    ],
)
def test_a_name_after_a_notice_or_a_talk_is_masked(text: str, name: str) -> None:
    leaks(text, [name])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("已通知本人", "已通知本人"),
        ("通知各社区", "通知各社区"),
        ("按通知张贴。", "通知张贴"),
        ("见通知公告。", "通知公告"),
        ("通知时间：3月1日", "通知时间"),
        ("已通知到位。", "已通知到位"),
        ("告知义务。", "告知义务"),
        ("约谈记录", "约谈记录"),
        ("通知王家庄村民来开会", "王家庄"),
        ("通知相关人员。", "通知相关人员"),
    ],
)
def test_the_words_after_a_notice_that_are_no_name_stay(text: str, kept: str) -> None:
    kept_in_both(text, kept)

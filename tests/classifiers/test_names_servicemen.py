"""Names glued after the categories of persons 优抚 serves (优抚对象, 退伍军人, 烈属, 军属 …:
name_words.CATEGORIES; 军人, 烈属 and 军属 in the role pre-check), and the words of those
categories and of a visit's gifts that must stay."""

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

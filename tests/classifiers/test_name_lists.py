"""Names in prose with no label before them, through ``Inspector.inspect`` with the strict and
the caseworker profiles: a list of names with a head or a tail that says they are persons, and a
full name before an honorific; and the look-alikes beside them that must stay in clear."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, in_clear, leaks, out, unchanged


@pytest.mark.parametrize(
    ("text", "secrets", "kept"),
    [
        ("本月走访张伟、李娜、王强三户", ["张伟", "李娜", "王强"], "本月走访"),
        ("走访了扎西、卓玛两户", ["扎西", "卓玛"], "两户"),
        ("慰问张伟、李娜等5名老人", ["张伟", "李娜"], "等5名老人"),
        ("其子女张伟、李娜均在外务工", ["张伟", "李娜"], "均在外务工"),
        ("看望了王秀英、刘桂兰等老人", ["王秀英", "刘桂兰"], "等老人"),
        ("入户走访张伟、欧阳娜娜夫妇", ["张伟", "欧阳娜娜"], "夫妇"),
        ("经审核，张伟、李娜、王强等3户符合条件", ["张伟", "李娜", "王强"], "符合条件"),
        ("同意张伟、李娜 2户纳入低保", ["张伟", "李娜"], "纳入低保"),
        ("公示名单：张伟、李娜、王强", ["张伟", "李娜", "王强"], "公示名单"),
    ],
)
def test_a_list_of_names_in_prose_goes(text: str, secrets: list[str], kept: str) -> None:
    leaks(text, secrets)
    in_clear(text, kept)


@pytest.mark.parametrize(
    "text",
    [
        "高龄、失能、半失能老人",
        "汉滨区、汉阴县两地",
        "走访了汉滨区、汉阴县两地",
        "低保、特困、临时救助",
        "张家、李家两户",  # households by surname, no person's name
        "王某、李某两户",
        "城关镇、五里镇",
        "医疗、教育、住房救助共3项",
        "周一、周三、周五等3人值班",
        "金额、单价、数量",
        "王村、李庄两村",
        "走访了低保户、特困户共12户",
        "慰问高龄、失能老人等5名老人",
        "其父母、兄弟均健在",
        "公示名单：见附件",
    ],
)
def test_a_list_of_what_is_no_name_stays(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ("王秀英老人独居", "王秀英", "老人独居"),
        ("张伟同志", "张伟", "同志"),
        ("李娜女士", "李娜", "女士"),
        ("扎西老人", "扎西", "老人"),
        ("走访了王秀英老人", "王秀英", "走访了"),
        ("陈淑珍老人于2024年去世", "陈淑珍", "老人于"),
        ("扎西多吉老人因病住院", "扎西多吉", "老人因病"),
        ("经核实李娜女士已搬离", "李娜", "经核实"),
        ("欧阳娜娜女士", "欧阳娜娜", "女士"),
        ("看望王秀英奶奶", "王秀英", "看望"),
    ],
)
def test_a_full_name_before_an_honorific_goes(text: str, secret: str, kept: str) -> None:
    leaks(text, [secret])
    in_clear(text, kept)


@pytest.mark.parametrize(
    "text",
    [
        # a surname and an address is no full name
        "张大爷",
        "王女士",
        "张先生",
        "李阿姨",
        "王老先生",
        # categories and counts before 老人, words before 同志
        "空巢老人",
        "留守老人",
        "五保老人",
        "高龄老人",
        "孤寡老人",
        "全失能老人",
        "万余名老人",
        "周岁以上老人",
        "周边老人纷纷前来",
        "关心老人生活",
        "全民养老人口",
        "慰问了全村老人",
        "该同志",
        "党员同志",
        "全体同志",
        "本人",
    ],
)
def test_what_stands_before_an_honorific_besides_a_full_name_stays(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("低保户张伟、李娜已退出", ["张伟", "李娜"]),
        ("留守儿童扎西、卓玛在校就读", ["扎西", "卓玛"]),
        ("现将拟保障对象公示如下：张伟（3人）、李娜（2人）。", ["张伟", "李娜"]),
        ("公示：王秀英(1人)、扎西(4人)、欧阳娜娜(2人)", ["王秀英", "扎西", "欧阳娜娜"]),
    ],
)
def test_a_list_after_a_category_or_of_counted_households_goes(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "应到（3人）、实到（2人）",
        "城关镇（3人）、五里镇（2人）",
        "低保（3人）、特困（2人）",
        "低保户、特困户",
        "周一（3人）、周二（2人）",
    ],
)
def test_counts_in_brackets_after_what_is_no_name_stay(text: str) -> None:
    unchanged(text, also_json=False)


# A list of names as the whole value under a name key: in clear before (the key's claim wanted one
# name), and under a household's members key (jtcy, members, 家庭成员), which no key named.
@pytest.mark.parametrize(
    ("body", "media_type", "secrets"),
    [
        ('{"xm": "张伟,李娜"}', "application/json", ["张伟", "李娜"]),
        ('{"sqrxm": "张伟、李娜、王强"}', "application/json", ["张伟", "李娜", "王强"]),
        ('{"name": "张伟， 李娜"}', "application/json", ["张伟", "李娜"]),
        ('{"jtcy": "张伟、李娜、王强"}', "application/json", ["张伟", "李娜", "王强"]),
        ('{"members": ["张伟", "欧阳娜娜"]}', "application/json", ["张伟", "欧阳娜娜"]),
        ('{"家庭成员": "张伟,李娜"}', "application/json", ["张伟", "李娜"]),
        ('{"fqxm": "张伟", "mqxm": "李娜", "pozxm": "王芳"}', "application/json", ["张伟", "李娜", "王芳"]),
        ('xm,sfzh\n"张伟,李娜",1\n', "text/csv", ["张伟", "李娜"]),
        ("<r><xm>张伟、李娜</xm></r>", "application/xml", ["张伟", "李娜"]),
    ],
)
def test_a_list_of_names_under_a_name_key_goes(body: str, media_type: str, secrets: list[str]) -> None:
    for role in ROLES:
        masked = out(body, media_type, role)
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)
        assert ("、" in masked) == ("、" in body) and ("," in masked) == ("," in body), masked  # items kept apart


@pytest.mark.parametrize(
    "doc",
    [
        '{"xm": "高龄、失能"}',  # words, no names
        '{"members": "华为,小米"}',
        '{"jtcy": 3}',
        '{"jtcy": "3人"}',
        '{"家庭成员": "无"}',
        '{"teamMembers": "民政科"}',
    ],
)
def test_what_is_no_list_of_names_under_such_a_key_stays(doc: str) -> None:
    for role in ROLES:
        assert out(doc, "application/json", role) == doc, role

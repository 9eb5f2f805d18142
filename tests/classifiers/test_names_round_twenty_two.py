"""Names round twenty-two (thirty-sixth session): a party's role glued before a name in prose
(受助人刘思琪在校就读, 被收养人刘思琪在校就读: the roles read as CATEGORIES are), a worker's
(单位职工常建华月收入3000元: PERSONS_IN_PROSE, and an income after a name), a care home's bed
before its resident (1号床 王桂英: name_numbered), and a married woman's old name, her husband's
surname before her own and 氏 (五保户孙王氏去世); and the look-alikes of each that must stay."""

from __future__ import annotations

import pytest

from support.inspected import leaks, unchanged


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("受助人刘思琪在校就读", ["刘思琪"]),
        ("被收养人刘思琪在校就读", ["刘思琪"]),
        ("收养人张伟已于2023年办理收养登记", ["张伟"]),
        ("被赡养人王桂英长期卧病在床", ["王桂英"]),
        ("赡养人张强外出务工", ["张强"]),
        ("委托人张伟于3月来访", ["张伟"]),
        ("抚养人李娜患病", ["李娜"]),
        ("送养人王强去世", ["王强"]),
    ],
)
def test_a_name_glued_after_a_party_role_in_prose(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "受助人数增加",
        "受助人员名单",
        "被收养人数",
        "收养人条件",
        "收养人应当具备抚养能力",
        "委托人代为办理",
        "委托人签字",
        "受托人职责",
        "抚养人应当履行义务",
        "赡养人不履行赡养义务",
        "被赡养人的权益",
        "送养人同意",
    ],
)
def test_words_glued_after_a_party_role_stay(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("单位职工常建华，男，45岁", ["常建华"]),
        ("单位职工常建华月收入3000元", ["常建华"]),
        ("职工张伟反映工资拖欠", ["张伟"]),
        ("员工李娜已离职", ["李娜"]),
        ("低保户张伟月收入3000元", ["张伟"]),
        ("其子张强年收入2万元", ["张强"]),
    ],
)
def test_a_worker_and_an_income_after_a_name(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "职工医保",
        "职工食堂",
        "职工宿舍",
        "职工人数",
        "在职职工工资",
        "职工养老保险",
        "员工培训",
        "员工手册",
        "家庭月收入3000元",
        "低保户月收入低于标准",
        "其子女月收入不足",
    ],
)
def test_words_after_a_worker_or_before_an_income_stay(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("1号床 王桂英", ["王桂英"]),
        ("3床王桂英，女，82岁", ["王桂英"]),
        ("1号床：王桂英", ["王桂英"]),
        ("12床位 李秀兰", ["李秀兰"]),
        ("1床张伟 2床李娜", ["张伟", "李娜"]),
        ("护理记录\n5号床 周桂兰\n血压正常", ["周桂兰"]),
    ],
)
def test_a_bed_before_its_resident(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "3号床 空床",
        "1号床 已入住",
        "2床 护理中",
        "5号床位空闲",
        "共有床位120张",
        "长期卧病在床",
        "3床 周一",
        "1号床 张家港",
        "养老床位300张，入住率80%",
    ],
)
def test_words_after_a_bed_stay(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("五保户孙王氏去世", ["孙王氏"]),
        ("特困人员孙王氏于3月去世", ["孙王氏"]),
        ("老人张李氏独居", ["张李氏"]),
    ],
)
def test_a_married_womans_old_name(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    ["王氏宗祠", "李氏家族", "华氏温度", "老人张氏家族", "村民王氏宗亲"],
)
def test_a_clans_name_stays(text: str) -> None:
    unchanged(text, also_json=False)

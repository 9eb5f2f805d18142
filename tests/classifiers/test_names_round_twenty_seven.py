"""Names round twenty-seven (forty-second session): a name after a staff number glued to what the
user did (工号1024 张伟审核通过) and one before it at a clause's head (张伟审核通过, 由李娜受理), a
name before 是 and a category of persons (张伟是低保户), a name at a clause's head after a date or a
village's name glued before it (3月张伟申请临时救助, 王家庄村张伟反映), a name as a line's key before a
category or a sex (吴敏：低保户, 张伟：男，80岁), a name after a benefit's or a service's label and a
colon, alone before a comma (高龄津贴：王秀英，每月200元), a name between the act of paying and the
benefit (补发张伟低保金, 发放张伟2024年1月低保金), and a name after a checker's or a surveyor's label
(核对员：周杰). With the look-alikes of each that must stay (严格审核, 尤其是低保户, 3月份申请,
该村张家因病致贫, 类别：低保户, 临时救助：已发放，, 补发全年低保金)."""

from __future__ import annotations

import pytest

from support.inspected import leaks, unchanged


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("工号1024 张伟审核通过", ["张伟"]),
        ("工号1024 张伟已离职", ["张伟"]),
        ("操作员：10086 李娜录入", ["李娜"]),
        ("经办人(1024)王秀英审批", ["王秀英"]),
    ],
)
def test_a_name_after_a_staff_number_before_what_was_done(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize("text", ["工号1024 审核通过", "工号1024 已离职", "操作员：10086 录入"])
def test_after_a_staff_number_an_act_alone_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("张伟审核通过", ["张伟"]),
        ("李娜审核", ["李娜"]),
        ("由李娜受理", ["李娜"]),
        ("王强复核无误", ["王强"]),
        ("李娜 2024-03-01 受理", ["李娜"]),
        ("2024-03-01 09:30 张伟 办理", ["张伟"]),
    ],
)
def test_a_name_before_what_staff_did(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        *("经审核", "初审审核通过", "严格审核", "房管审核", "民政局审核", "乡镇审核，县级审批"),
        *("低保审核表", "低保审核员", "常规审批流程"),
    ],
)
def test_before_what_staff_did_no_name(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("张伟是低保户", ["张伟"]),
        ("张伟是特困人员，由村委会照料", ["张伟"]),
        ("王秀英是残疾人，享受两项补贴", ["王秀英"]),
        ("经核实，李娜是低保对象", ["李娜"]),
        ("张伟不是低保户", ["张伟"]),
        ("欧阳娜娜是孤儿", ["欧阳娜娜"]),
        ("张伟和李娜是低保户", ["张伟", "李娜"]),
        ("张伟、李娜是特困人员", ["张伟", "李娜"]),
        ("张伟、李娜为特困人员", ["张伟", "李娜"]),
        ("张伟、李娜于2024年申请", ["张伟", "李娜"]),
        ("张伟、李娜审核通过", ["张伟", "李娜"]),
    ],
)
def test_a_name_before_is_and_a_category(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        *("尤其是低保户", "特别是特困人员", "主要是残疾人", "关键是低保户的认定", "于是低保户减少"),
        *("原因是低保户收入超标", "方式是低保户自愿", "张家是低保户", "户主是残疾人", "王家庄是低保村"),
        *("问题是孤儿无人照料", "但是老人不同意", "低保、特困于2024年调整", "低保、特困是低保户"),
    ],
)
def test_before_is_and_a_category_no_name(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("3月张伟申请临时救助", ["张伟"]),
        ("2024年3月张伟申请临时救助", ["张伟"]),
        ("3月1日李娜来访", ["李娜"]),
        ("2023年王秀英因病致贫", ["王秀英"]),
        ("3月份张伟申请临时救助", ["张伟"]),
    ],
)
def test_a_name_after_a_date_glued_before_it(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        *("3月份申请临时救助", "2024年3月全家申请临时救助", "3月中旬申请", "2024年王家庄村申请"),
        *("3月底申请临时救助", "12月初申请", "5日内申请", "2024年度申请"),
    ],
)
def test_after_a_date_no_name(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("王家庄村张伟反映低保金未到账", ["张伟"]),
        ("本村张伟因病致贫", ["张伟"]),
        ("东关社区李娜于2024年申请", ["李娜"]),
        ("五星村王秀英系五保户", ["王秀英"]),
        ("三组欧阳娜娜因病致贫", ["欧阳娜娜"]),
    ],
)
def test_a_name_after_a_village_glued_before_it(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        *("该村张家因病致贫", "各村组长反映", "三组组长系党员", "本村村民反映", "城关镇政府于2024年"),
        *("和平社区居委会于2024年", "王家村王家因病致贫", "农村低保于2024年"),
    ],
)
def test_after_a_village_no_name(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("吴敏：低保户", ["吴敏"]),
        ("张伟：特困人员", ["张伟"]),
        ("张伟：男，80岁", ["张伟"]),
        ("李娜:女", ["李娜"]),
        ("1户：张伟\n张伟：低保户\n李娜：特困人员", ["张伟", "李娜"]),
        ("走访情况。王秀英：孤寡老人，独居", ["王秀英"]),
    ],
)
def test_a_name_as_a_line_key_before_a_category_or_a_sex(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        *("类别：低保户", "身份：特困人员", "对象：低保户", "王家庄：低保户5户", "张家：低保户"),
        *("性别：男", "高龄：男", "全部：低保户", "户别：低保户", "单位：残疾人联合会"),
    ],
)
def test_as_a_line_key_no_name(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("能力评估：王秀英，失能等级二级", ["王秀英"]),
        ("残疾人两项补贴：张伟，每月100元", ["张伟"]),
        ("高龄津贴：王秀英，每月200元", ["王秀英"]),
        ("临时救助：李娜，1000元", ["李娜"]),
        ("特困供养：王秀英；集中供养", ["王秀英"]),
        ("高龄补贴：张伟、李娜，每人200元", ["张伟", "李娜"]),
    ],
)
def test_a_name_after_a_benefits_label(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        *("临时救助：已发放，1000元", "高龄津贴：每月200元", "能力评估：中度，", "能力评估：完成，"),
        *("临时救助：王家庄，3户", "高龄津贴：全部，", "残疾人两项补贴：按月发放", "临时救助：城市，"),
        *("能力评估：高度依赖，", "慰问：米面油，", "护理：全护理，"),
    ],
)
def test_after_a_benefits_label_no_name(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("补发张伟低保金", ["张伟"]),
        ("补发张伟2024年1月低保金", ["张伟"]),
        ("发放李娜高龄津贴200元", ["李娜"]),
        ("代发王秀英特困供养金", ["王秀英"]),
        ("补发张伟3月份低保金", ["张伟"]),
        ("补发张伟2024年1月至3月低保金", ["张伟"]),
    ],
)
def test_a_name_between_paying_and_the_benefit(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        *("补发全年低保金", "发放本月低保金", "发放城乡低保金", "补发2024年1月低保金", "发放高龄津贴"),
        *("发放临时救助金", "补发上月低保金", "发放冬季取暖补贴"),
    ],
)
def test_between_paying_and_the_benefit_no_name(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("核对员：周杰", ["周杰"]),
        ("调查员：周杰", ["周杰"]),
        ("督导员：周杰", ["周杰"]),
        ("核查员：周杰", ["周杰"]),
        ("统计员：周杰", ["周杰"]),
        ("护工：周杰", ["周杰"]),
    ],
)
def test_a_name_after_a_checkers_label(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize("text", ["核对员：3人", "调查员：待定", "护工：无", "统计员：全体"])
def test_after_a_checkers_label_no_name(text: str) -> None:
    unchanged(text)

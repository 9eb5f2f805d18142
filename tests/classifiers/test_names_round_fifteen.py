"""Persons' names that went out in clear, or were masked with a character too many or a word of
prose beside them (names round fifteen), through ``Inspector.inspect`` with the strict and the
caseworker profiles; the look-alikes beside them must stay as they are."""

from __future__ import annotations

import pytest

from support.inspected import in_clear, leaks, unchanged
from support.synth_people import make_id

# A name glued to a person's or a household's papers, or (of three characters or more) to a form's
# word. Two characters before a form's word stay: a closed list of the words of a name's shape
# there (项目, 文件, 许可 …) would not end.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("王秀英户籍材料", ["王秀英"]),
        ("张伟户籍材料", ["张伟"]),
        ("张伟家庭情况说明", ["张伟"]),
        ("李娜个人情况说明", ["李娜"]),
        ("张伟个人档案", ["张伟"]),
        ("王强户籍证明", ["王强"]),
        ("王秀英档案", ["王秀英"]),
        ("王秀英申请表", ["王秀英"]),
        ("欧阳娜娜申请表", ["欧阳娜娜"]),
        ("李秀兰登记表", ["李秀兰"]),
        # caught before the round: after 的 or 户
        ("李娜的申请表", ["李娜"]),
        ("张伟户档案", ["张伟"]),
    ],
)
def test_a_name_glued_to_its_papers(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "档案",
        "申请表",
        "个人档案",
        "家庭档案",
        "低保档案",
        "张家庄档案",
        "王府井申请表",
        "家庭情况说明",
        "户籍材料",
        "低保户籍材料",
        "汉滨区户籍材料",
        "张家港户籍证明",
        "情况说明",
        "项目申请表",
        "高血压档案",
        "房地产档案",
        "许可证申请表",
        "林业局档案",
        "民政局档案",
        "王某档案",
    ],
)
def test_papers_of_no_one_stay(text: str) -> None:
    unchanged(text)


# A name after a signing or checking label that ends in a verb.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("签字确认：张伟", ["张伟"]),
        ("确认人：李娜", ["李娜"]),
        ("核实人：王强", ["王强"]),
        ("核对人：王秀英", ["王秀英"]),
        ("陈述人：张伟", ["张伟"]),
        ("核实人：王强、李娜", ["王强", "李娜"]),
        # caught before the round (签字 is a field label)
        ("申请人签字：张伟", ["张伟"]),
        ("确认签字：李娜", ["李娜"]),
    ],
)
def test_a_name_after_a_checking_label(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "签字确认：",
        "签字确认：（盖章）",
        "签字确认：已确认",
        "签字确认：同意",
        "确认人：村委会",
        "确认人：本人",
        "核实人：民政局",
        "核实人：汉滨区民政局",
        "确认人数：3人",
        "核实人员：2人",
        "核实人员到场",
    ],
)
def test_a_checking_label_with_no_name_stays(text: str) -> None:
    unchanged(text)


# A name at a run's head before what the remark says of the person, or after a preposition.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("张伟系户主之子", ["张伟"]),
        ("李娜于2023年3月申请低保", ["李娜"]),
        ("由张伟代领", ["张伟"]),
        ("张伟本人到场", ["张伟"]),
        ("王秀英因病致贫", ["王秀英"]),
        ("李娜为本村村民", ["李娜"]),
        ("经核实，张伟系户主之子", ["张伟"]),
        ("欧阳娜娜于2024年去世", ["欧阳娜娜"]),
        ("次仁多吉系户主", ["次仁多吉"]),
        ("张伟与李娜系夫妻关系", ["张伟", "李娜"]),
        ("经张伟同意", ["张伟"]),
        ("据李娜反映", ["李娜"]),
        ("与王秀英共同生活", ["王秀英"]),
        ("和张伟一起到场", ["张伟"]),
        ("经张伟本人申请", ["张伟"]),
        ("与张伟系夫妻关系", ["张伟"]),
        ("评议结果：张伟等3户同意", ["张伟"]),
        ("张伟等人于3月来访", ["张伟"]),
        ("阿卜杜·热合曼系户主", ["阿卜杜", "热合曼"]),
        ("阿依古丽·买买提于2023年去世", ["阿依古丽", "买买提"]),
    ],
)
def test_a_name_at_a_runs_head(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "系统故障",
        "于是前往",
        "代理申请",
        "本人到场",
        "因此办理",
        "张家港于3月来电",
        "周一于村委会办理",
        "王府井因拆迁",
        "高度为3米",
        "黄金于3月被盗",
        "方便为民",
        "常年因病卧床",
        "林地系集体所有",
        "钱款于3月发放",
        "金额为500元",
        "石头为建材",
        "白天于村委会值班",
        "向上级反映",
        "马上于今日办理",
        "成立于2010年",
        "毕业于西北大学",
        "温度为20度",
        "时间因故推迟",
        "江苏于3月发文",
        "经研究同意",
        "经村委会同意",
        "据统计",
        "据了解",
        "与其共同生活",
        "户主系本人",
        "该户系低保户",
        "由村委会代领",
        "由家属代领",
        "王某于2023年",
        "张大爷因病",
        "其子因病",
        "申请于2023年",
        "关系为夫妻",
        "项目等3项",
        "王某等3人",
        "党建·民生系列",
    ],
)
def test_what_opens_a_remark_that_is_no_name_stays(text: str) -> None:
    unchanged(text)


# A letter's closing, a greeting before the name, the relative after a name masked in part, the
# last of a list of three-character names before what was said, a survey's and a council's record.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("此致 张伟", ["张伟"]),
        ("此致敬礼 李娜", ["李娜"]),
        ("此致\n敬礼！\n王秀英\n2026年3月1日", ["王秀英"]),
        ("您好，张伟", ["张伟"]),
        ("你好，李娜！", ["李娜"]),
        ("张*伟的母亲王秀英", ["伟", "王秀英"]),
        ("户主张*伟的女儿李娜在外务工", ["伟", "李娜"]),
        ("户主：张伟、王秀英说", ["张伟", "王秀英"]),
        ("户主：张伟、欧阳娜娜说", ["张伟", "欧阳娜娜"]),
        ("入户调查记录：调查对象张伟，家中3人", ["张伟"]),
        ("民主评议记录：评议对象李娜，同意纳入", ["李娜"]),
        ("慰问对象王秀英，独居", ["王秀英"]),
    ],
)
def test_a_name_closing_greeted_or_beside_a_masked_one(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "此致",
        "此致敬礼",
        "此致 敬礼",
        "此致敬礼！汉滨区民政局",
        "此致敬礼 本人",
        "您好，请问",
        "您好，王先生",
        "您好，我是社工",
        "您好，欢迎来电",
        "您好，关于您的申请",
        "您好，高龄补贴已发放",
        "5*3的母亲",
        "调查对象：无",
        "调查对象为低保户",
        "评议对象情况",
    ],
)
def test_what_closes_greets_or_surveys_no_one_stays(text: str) -> None:
    unchanged(text)


# A name at a clause's head before what prose says of a person (name_words.AFTER_NAME_WORDS, 已 or
# 现 between), a dotted name after a preposition or before 名下.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("张伟常年外出", ["张伟"]),
        ("李娜已外出务工", ["李娜"]),
        ("经入户核实，王秀英独居", ["王秀英"]),
        ("据村委会反映，张伟常年外出", ["张伟"]),
        ("公示期间，张伟反映情况属实", ["张伟"]),
        ("张伟家住汉滨区", ["张伟"]),
        ("经查，张伟名下有车辆一辆", ["张伟"]),
        ("张伟一家", ["张伟"]),
        ("据邻居王强反映，李娜已外出务工", ["王强", "李娜"]),
        ("经查，阿卜杜·热合曼名下有车辆一辆", ["阿卜杜", "热合曼"]),
        ("与阿卜杜·热合曼共同生活", ["阿卜杜", "热合曼"]),
    ],
)
def test_a_name_at_a_clauses_head_before_prose(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "项目所在地",
        "林地所在地",
        "户籍所在地",
        "高龄独居",
        "群众反映",
        "张家港外出务工人员",
        "王某外出",
        "华为一家",
        "今年外出",
        "现年65岁",
        "全家外出务工",
    ],
)
def test_what_opens_a_clause_before_prose_that_is_no_name_stays(text: str) -> None:
    unchanged(text)


# What follows a name stays: collecting for someone after a label (李娜代 was masked), what was
# stated after 本人 (陈述 was masked: 陈 is a surname), what was said after a listed name, 系 before
# a list's tail (李娜系 was masked), a call and a check after a labelled name (张伟电, 张伟核).


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("张伟家属李娜代领", "代领"),
        ("户主李娜代领", "代领"),
        ("据王秀英本人陈述", "陈述"),
        # kept before the round, where 王秀英 went out in clear with it
        ("户主：张伟、王秀英说", "说"),
        ("户主：张伟、王秀英说明情况", "说明情况"),
        ("张伟、李娜系夫妻", "系夫妻"),
        ("联系人张伟电话未接通", "电话未接通"),
        ("与户主张伟核实，李娜已出嫁", "核实"),
        # 的 before an ID number's label on a record's line (张伟的 was masked whole; the merge)
        (f"张伟的身份证号{make_id()}", "的身份证号"),
        (f"备注：李娜的公民身份号码{make_id()}", "的公民身份号码"),
    ],
)
def test_what_follows_a_name_stays(text: str, kept: str) -> None:
    in_clear(text, kept)


def test_a_name_before_its_id_number_s_label_and_de_is_masked() -> None:
    """The name itself still goes, with its ID number (张伟的身份证号…)."""
    number = make_id()
    leaks(f"张伟的身份证号{number}", ["张伟", number])

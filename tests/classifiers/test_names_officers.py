"""Names of a village's or an office's officers, whom a finding of misconduct names as often as the
relief's persons: glued after their title (村会计刘洋虚报低保户, 民政所所长陈静优亲厚友, 主任科员李娜:
name_prose.glued_names, asked by name_prose.may_name_officer; 科长王强签批, 工作人员王强入户核查), after the title and a colon (涉事干部：
刘洋: name_runs._relation_runs), before an insider's words of misconduct (刘洋伙同他人冒领); and the
titles' own prose and fields, which must stay."""

from __future__ import annotations

import pytest

from classifiers.entities import name_prose
from support.inspected import json_leaks, leaks, unchanged, unchanged_json


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("村会计刘洋挪用低保金", ["刘洋"]),
        ("村主任王强冒领补贴", ["王强"]),
        ("民政所所长陈静优亲厚友", ["陈静"]),
        ("村委会主任王强、会计刘洋共同侵占救助资金", ["王强", "刘洋"]),
        ("会计王强和出纳李娜共同挪用", ["王强", "李娜"]),
        ("组长王秀英入户核实", ["王秀英"]),
        ("村长王强", ["王强"]),
        ("书记王强、主任李娜", ["王强", "李娜"]),
        ("村书记兼主任王强签字", ["王强"]),
        ("出纳李娜于3月代领", ["李娜"]),
        ("村会计刘洋伙同他人冒领", ["刘洋"]),
        ("村主任王强私分救灾物资", ["王强"]),
        ("王强克扣救助款", ["王强"]),
        ("经查，刘洋收受好处费", ["刘洋"]),
        ("主任科员李娜", ["李娜"]),
        ("村委委员王强", ["王强"]),
        ("民政助理员王强", ["王强"]),
        ("村民委员会主任王强", ["王强"]),
        ("委员王强、李娜", ["王强", "李娜"]),
        # heads of an office, a town and a home, and a post's staff, before what they did
        ("科长王强签批", ["王强"]),
        ("局长李娜同意", ["李娜"]),
        ("镇长刘洋批示", ["刘洋"]),
        ("敬老院院长陈静克扣老人伙食费", ["陈静"]),
        ("股长王强审核", ["王强"]),
        ("副主任李娜审核", ["李娜"]),
        ("工作人员王强入户核查", ["王强"]),
        ("工作人员王强、李娜入户", ["王强", "李娜"]),
        ("党员王强冒领低保金", ["王强"]),
        ("办事员李娜负责录入", ["李娜"]),
        ("信息员李娜录入", ["李娜"]),
        ("联络员刘洋反映", ["刘洋"]),
        ("监督员陈静发现", ["陈静"]),
    ],
)
def test_an_officer_named_after_the_title_is_masked(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("涉事干部：刘洋", ["刘洋"]),
        ("村主任：王强", ["王强"]),
        ("会计：李娜、出纳：王强", ["李娜", "王强"]),
        ("村干部（3人）：王强、李娜、刘洋", ["王强", "李娜", "刘洋"]),
        ("书记：王强同志", ["王强"]),
    ],
)
def test_an_officer_named_after_the_title_and_a_colon_is_masked(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "村主任签字确认",
        "主任会议研究决定",
        "村委会主任选举",
        "村会计核算",
        "会计凭证已归档",
        "会计师事务所审计",
        "出纳员负责发放",
        "所长办公会议研究",
        "组长单位",
        "书记员记录",
        "书记带队走访",
        "党支部书记主持会议",
        "干事创业",
        "村长家中",
        "主任医师",
        "会计出纳分设",
        "书记兼主任",
        "会计主任",
        "主任：空缺",
        "会计：兼职",
        "主任：同意",
        "书记：签字",
        "组长：张家湾",
        "所长：暂缺",
        "主任：（签字）",
        "站长：待定",
        "居民委员会",
        "委员会研究决定",
        "科员职级",
        "助理员岗位",
        "村委委员选举",
        # words of a name's shape that open a remark, after a title (name_heads._NOT_HEADS)
        "所长严格要求各站点",
        "社工毕业于西北大学",
        "书记高兴地说",
        "主任全面负责",
        "会计成功追回资金",
        # the heads' and the posts' titles in prose, and the words of an address they open
        "党员干部带头走访困难群众",
        "党员代表大会于3月召开",
        "党员活动室位于村委会二楼",
        "党员志愿者上门服务",
        "党员包户",
        "工作人员应当保守秘密",
        "工作人员上门核实情况",
        "工作人员严格审核",
        "工作人员及时录入系统",
        "社区工作人员张贴公示",
        "工作人员高度重视",
        "办事员岗位职责",
        "信息员培训",
        "监督员名单见附件",
        "院长负责制",
        "医院长期随访",
        "住处长期无人居住",
        "县长途汽车站",
        "科长审核通过",
        "局长办公会研究决定",
        "镇长批示：同意",
    ],
)
def test_an_officers_title_in_prose_or_before_a_field_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "hinted"),
    [
        ("村会计刘洋", True),
        ("村主任王强", True),
        ("所长陈静", True),
        ("组长王秀英", True),
        ("科员李娜", True),
        ("院长陈静", True),
        ("工作人员王强", True),
        ("党员王强", True),
        ("党员干部", False),
        ("医院长期", False),
        ("委员会", False),
        ("村委会主任", False),
        ("主任会议", False),
        ("会计凭证", False),
        ("村长家中", False),
    ],
)
def test_the_pre_check_asks_for_a_surname_after_the_title(text: str, hinted: bool) -> None:
    assert name_prose.may_name_officer(text) is hinted


# The staff who received, registered, handled or decided an application (thirty-fourth session):
# 审核人：吴刚 was masked, 受理人：周敏 beside it was not. After a colon a surname is required, as
# after 审核人 (受理人：窗口); glued as 经办人 is (受理人周敏); as a log line's key and a JSON key.
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("受理人：周敏；审核人：吴刚", ["周敏", "吴刚"]),
        ("受理人周敏，承办人吴刚", ["周敏", "吴刚"]),
        ("初审人：郑伟 复审人：王强 批准人：李娜", ["郑伟", "王强", "李娜"]),
        ("登记人：张伟，录入人：李娜", ["张伟", "李娜"]),
        ("帮扶人：王强（村干部）", ["王强"]),
        ("制表人：李娜 统计人：张伟", ["李娜", "张伟"]),
        ("评估人：陈静、刘洋", ["陈静", "刘洋"]),
        ("受理人：扎西", ["扎西"]),
        ("受理人=周敏 承办人=吴刚", ["周敏", "吴刚"]),
    ],
)
def test_the_staff_who_received_or_handled_an_application_are_masked(text: str, names: list[str]) -> None:
    leaks(text, names)


def test_the_staff_who_received_or_handled_an_application_under_their_keys_are_masked() -> None:
    json_leaks(
        {"slr": "周敏", "cbr": "吴刚", "受理人": "郑伟", "办理人": "王强", "帮扶人": "李娜"},
        ["周敏", "吴刚", "郑伟", "王强", "李娜"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "受理人：窗口",
        "受理人：综合窗口",
        "承办人：待定",
        "受理人：民政办",
        "办理人：本人",
        "评估人：第三方机构",
        "登记人口：3人",
        "受理人员3名",
    ],
)
def test_what_such_staffs_fields_hold_besides_a_name_stays(text: str) -> None:
    unchanged(text)


def test_such_staffs_keys_holding_no_name_stay() -> None:
    unchanged_json({"登记人": "admin", "办理人": "窗口", "slr": "system"})


# A form's signing line: the signing word in brackets between the label and its colon
# (申请人（签字）：张伟); 申请人签字：张伟 was masked, the bracketed line was not.
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("申请人（签字）：张伟", ["张伟"]),
        ("户主（签名）：张伟  日期：2024年3月1日", ["张伟"]),
        ("监护人（签章）：李娜", ["李娜"]),
        ("经办人(签字): 周敏", ["周敏"]),
        ("审核人（签名）：王强", ["王强"]),
        ("申请人（签字）：扎西", ["扎西"]),
        ("来访人（2人）：张伟、李娜", ["张伟", "李娜"]),
        # the signing word after the colon
        ("经办人：（签字）王强 日期：2024.3.1", ["王强"]),
        ("审核人：（签名）李娜", ["李娜"]),
        ("领款人签名：王秀英（代签：王强）", ["王秀英", "王强"]),
    ],
)
def test_a_name_after_a_bracketed_signing_word_is_masked(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "申请人（签字）：（盖章）",
        "申请人（签字）：",
        "经办人（签字）：民政办",
        "（签字）：本人",
        "申请人（签字）：同上",
        "经办人：（签字）",
        "经办人：（盖章）民政办",
        "审核人：（签字）已审核",
        "代签：无",
    ],
)
def test_a_signing_line_without_a_name_stays(text: str) -> None:
    unchanged(text)


# A village's clerk (文书) before a name, as 支书 (thirty-fourth session); documents stay.
@pytest.mark.parametrize(
    ("text", "names"),
    [("根据举报，某某村文书潘海龙挪用特困供养金3万元", ["潘海龙"]), ("村文书王强负责录入", ["王强"])],
)
def test_a_village_clerk_named_after_the_title_is_masked(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize("text", ["法律文书送达", "文书档案", "文书王"])
def test_documents_stay(text: str) -> None:
    unchanged(text)

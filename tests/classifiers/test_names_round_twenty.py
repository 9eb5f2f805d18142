"""Persons' names that went out in clear (names round twenty), through ``Inspector.inspect`` with
the strict and the caseworker profiles, as a plain-text body and as a JSON string; the look-alikes
beside them must stay as they are."""

from __future__ import annotations

import json

import pytest

from support.inspected import ROLES, leaks, out, unchanged, unchanged_json

# A name after a preposition before what was done with the person (由张伟陪同, 今与张伟联系): 陪同 and
# 联系 were no words of HEAD_SAID, and a day's 今 before the preposition hid it.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("由张伟陪同", ["张伟"]),
        ("由王秀英陪同前往", ["王秀英"]),
        ("今与张伟联系", ["张伟"]),
        ("已与李娜联系", ["李娜"]),
        ("与张伟联系", ["张伟"]),
        ("经与王秀英联系", ["王秀英"]),
        ("今与张伟核实", ["张伟"]),
        ("由张伟代领", ["张伟"]),  # caught before
    ],
)
def test_a_name_after_a_preposition_before_an_act(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "由家属陪同",
        "由社工陪同",
        "由专人陪同",
        "由工作人员陪同",
        "与社区联系",
        "今与家属联系",
        "与本人联系",
        "与其子联系",
        "已与民政局联系",
        "保持联系",
        "家属陪同",
        "与此联系",
        "由此联系",
        "今与村委会联系",
    ],
)
def test_acts_with_no_one_named_stay(text: str) -> None:
    unchanged(text)


# A relation between the name and what happened (王秀英老伴已故: the death is the spouse's, the
# name is the person's).


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("王秀英老伴已故", ["王秀英"]),
        ("张伟配偶已故", ["张伟"]),
        ("李娜丈夫已故", ["李娜"]),
        ("张伟父亲已故", ["张伟"]),
        ("王秀英已故", ["王秀英"]),  # caught before (round nineteen)
    ],
)
def test_a_name_before_a_relation_who_died(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "其老伴已故",
        "本人老伴已故",
        "老人配偶已故",
        "户主配偶已故",
        "张家父亲已故",
        "父母均已故",
        "交通事故",
        "因故未到",
    ],
)
def test_relations_who_died_of_no_one_named_stay(text: str) -> None:
    unchanged(text)


# A bank's short name under a key ending in Name (bankName) is no person: 农商行 was masked as a
# name (a weak key's value needs a surname, and 农 is one).


@pytest.mark.parametrize(
    "doc",
    [
        {"bankName": "农商行"},
        {"bankName": "农信社"},
        {"bankName": "农行"},
        {"bankName": "农商银行"},
        {"bankName": "农合行"},
        {"bankName": "秦农银行"},
        {"bankName": "农商行城关支行"},
        {"khh": "农商行"},
        {"name": "农商行"},
        {"orgName": "农村商业银行"},
        {"bankName": "建设银行"},
        {"bankName": "工行"},
    ],
)
def test_a_banks_short_name_under_a_name_key_stays(doc: dict[str, str]) -> None:
    unchanged_json(doc)


@pytest.mark.parametrize(
    ("doc", "secret"),
    [
        ({"name": "张伟"}, "张伟"),
        ({"name": "张行"}, "张行"),  # a name may end in 行
        ({"name": "王社"}, "王社"),
        ({"bankName": "农商行", "name": "王秀英"}, "王秀英"),
        ({"accountName": "李娜", "bankName": "农商行"}, "李娜"),
    ],
)
def test_a_name_beside_a_bank_is_still_masked(doc: dict[str, str], secret: str) -> None:
    body = json.dumps(doc, ensure_ascii=False)
    for role in ROLES:
        assert secret not in out(body, "application/json", role), (role, doc)


# A name that a mark sets apart with no label (name_marked.py): a dotted name alone or after a
# visit's word, a quoted name before a word of name_heads', a bracketed name alone, a name before
# its votes in brackets, a name after 及 alone.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("走访阿依古丽·买买提", ["阿依古丽", "买买提"]),
        ("阿依古丽·买买提", ["阿依古丽", "买买提"]),
        ("我们走访了阿依古丽·买买提，家中困难", ["阿依古丽"]),
        ("买买提·艾力", ["买买提"]),
        ("“张伟”来访", ["张伟"]),
        ("据“张伟”反映", ["张伟"]),
        ("由“李娜”代领", ["李娜"]),
        ("“王秀英”已故", ["王秀英"]),
        ("“张伟”已外出务工", ["张伟"]),
        ("（张伟）", ["张伟"]),
        ("(张伟)", ["张伟"]),
        ("（王秀英）", ["王秀英"]),
        ("民主评议：张伟（同意7票）", ["张伟"]),
        ("张伟（同意7票）、李娜（同意6票）", ["张伟", "李娜"]),
        ("张伟（7票）", ["张伟"]),
        ("王秀英（得票：5票）", ["王秀英"]),
        ("及王秀英", ["王秀英"]),
        ("申请人：阿依古丽·买买提", ["阿依古丽"]),  # caught before
        ("申请人“张伟”", ["张伟"]),  # caught before (round nineteen)
    ],
)
def test_a_name_a_mark_sets_apart(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "中国·安康",
        "汉中·城固",
        "幸福·家园",
        "平安·和谐",
        "新疆·阿克苏",
        "西藏·拉萨",
        "美丽乡村·幸福家园",
        "丝路·喀什",
        "“三无”老人",
        "“一户一档”管理",
        "“五保”对象",
        "“张家”来访",
        "据“群众”反映",
        "据“村民”反映",
        "“低保”申请",
        "“黄金”周",
        "“华为”手机",
        "“张三”来访",
        "（盖章）",
        "（签字）",
        "（已核实）",
        "（同意）",
        "（本人）",
        "（男）",
        "（张家）",
        "（城关镇）",
        "（2024年）",
        "（王某）",
        "（范例）",
        "（附件）",
        "（户主）",
        "（高龄）",
        "（已故）",
        "同意（7票）",
        "赞成（7票）",
        "本人（同意7票）",
        "低保（同意7票）",
        "张家（同意7票）",
        "评议（同意7票）",
        "结果（7票）",
        "及时",
        "及以上",
        "及家属",
        "及其子女",
        "及格",
        "及时发放",
        "及早发现",
        "及其他",
        "及张家",
    ],
)
def test_marks_about_no_one_stay(text: str) -> None:
    unchanged(text)


# A name at a run's head before 在家, 无异议 or 务农, after a clause of time's 期间, after a relation,
# and a notice's 公示 as a field of names (its list's last two joined by 及 or 和).


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("家访记录：张伟在家，精神状态良好", ["张伟"]),
        ("张伟在家", ["张伟"]),
        ("经核实，王秀英在家", ["王秀英"]),
        ("公示：张伟", ["张伟"]),
        ("公示：张伟、李娜", ["张伟", "李娜"]),
        ("公示：张伟、李娜、王秀英", ["张伟", "李娜", "王秀英"]),
        ("公示名单如下：张伟、李娜", ["张伟", "李娜"]),
        ("公示期间张伟无异议", ["张伟"]),
        ("公示期满，张伟无异议", ["张伟"]),
        ("公示：张伟、李娜及王秀英", ["张伟", "李娜", "王秀英"]),
        ("公示名单：张伟、李娜和王秀英", ["张伟", "李娜", "王秀英"]),
        ("户主：张伟/李娜及王秀英", ["张伟", "李娜", "王秀英"]),
        ("入户调查：张伟一家3口，妻子李娜务农", ["张伟", "李娜"]),
        ("妻子李娜务农", ["李娜"]),
        ("妻子李娜在家务农", ["李娜"]),
        ("儿子张强外出务工", ["张强"]),
        ("张伟务农", ["张伟"]),
        ("公示名单：张伟、李娜", ["张伟", "李娜"]),  # caught before
        # Any relative before the name, and how often the relative comes or where they are
        # (thirty-fourth session)
        ("侄子冯志强每月探望", ["冯志强"]),
        ("五保老人冯德才，住敬老院，侄子冯志强每月探望。", ["冯德才", "冯志强"]),
        ("女儿李娜每周回家", ["李娜"]),
        ("儿子张强在外务工", ["张强"]),
        ("孙女李娜外出务工", ["李娜"]),
        ("外甥王强经常看望", ["王强"]),
        ("其子张强每月寄钱", ["张强"]),
        ("事实无人抚养儿童周子轩，父亲周大勇因犯罪服刑，母亲失联。", ["周子轩", "周大勇"]),
        ("丈夫王强因病去世", ["王强"]),
        ("父亲张伟系户主", ["张伟"]),
        ("妻子温桂香患精神残疾（二级），儿子焦阳在读大学。", ["温桂香", "焦阳"]),
        ("张伟患尿毒症", ["张伟"]),
        ("单亲家庭：母亲涂秀云独自抚养两个孩子", ["涂秀云"]),
        # a decision's grant, a household's man or woman, a certificate's opening
        ("根据《社会救助暂行办法》，给予覃桂芬一次性临时救助1000元", ["覃桂芬"]),
        ("给予张伟慰问金500元", ["张伟"]),
        ("据邻居反映，该户男主人杜志明长期在外打工", ["杜志明"]),
        ("女主人王秀英患病", ["王秀英"]),
        ("兹证明贾玉林系我村村民，家庭困难属实", ["贾玉林"]),
        ("兹有李娜前来办理", ["李娜"]),
        ("2024年3月5日，网格员报告独居老人鲍玉芝摔倒住院", ["鲍玉芝"]),
        ("张伟突发脑梗住院", ["张伟"]),
        ("老年人能力评估：被评估人：王秀英", ["王秀英"]),
        ("评估对象：王秀英，评估等级：中度", ["王秀英"]),
        # an adoption's parties and a home's resident
        ("收养登记：被收养人：刘思琪，收养人：赵国庆、钱美玲", ["刘思琪", "赵国庆", "钱美玲"]),
        ("护理等级：一级；入住人：郑秀兰；紧急联系人：郑海涛", ["郑秀兰", "郑海涛"]),
    ],
)
def test_a_name_in_a_notice_a_visit_or_a_survey(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "平时在家",
        "老人在家",
        "父亲：在家",
        "白天在家",
        "常年在家",
        "独自在家",
        "本人在家",
        "户主在家",
        "张家在家",
        "王某在家",
        "孩子在家",
        "公示：7天",
        "公示：无异议",
        "公示：通过",
        "公示：期满无异议",
        "公示：七天",
        "公示：拟同意",
        "公示：本人",
        "公示：王某",
        "公示：低保户",
        "公示：城关镇",
        "公示：2024年3月",
        "公示：村委会",
        "公示期间无异议",
        "公示期间群众无异议",
        "公示期间村民无异议",
        "公示期间张家无异议",
        "期间费用无异议",
        "群众无异议",
        "本人无异议",
        "经公示无异议",
        "金额无异议",
        "妻子务农",
        "侄子每月探望",
        "叔叔经常看望",
        "侄子高兴地回家",
        "哥哥在外务工",
        "老人在外务工",
        "高龄每月补贴",
        "全家每月收入",
        "子女经常看望",
        "常年在外",
        "黄昏回家",
        "祝福回家",
        "周末回家",
        "王某每月",
        "张家每月",
        "母亲因病去世",
        "父亲高龄因病卧床",
        "儿子系本村村民",
        "入住人：3人",
        "收养人条件",
        "送养人：社会福利院",
        "医患关系",
        "病患家属",
        "户主患病",
        "高龄患病",
        "孩子在读小学",
        "其子在读",
        "老人独自在家",
        "给予适当救助",
        "给予高度重视",
        "给予困难群众临时救助",
        "给予其一次性救助",
        "男主人外出",
        "女主人在家",
        "男主人公",
        "兹证明该户系低保户",
        "兹定于3月1日召开会议",
        "兹收到救助金500元",
        "老人摔倒住院",
        "高龄老人跌倒",
        "突发疾病",
        "评估对象：居家老人",
        "妻子在家务农",
        "父亲母亲在家",
        "儿子女儿外出务工",
        "常年务农",
        "在家务农",
        "主要务农",
        "本人务农",
        "儿子张家务工",
        "儿子高兴地外出",
        "儿子高兴地说",
    ],
)
def test_notices_visits_and_surveys_of_no_one_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("张伟不在家", "不在家"),  # 在家 read after 不: no 张伟不
        ("入户调查时张伟不在家", "不在家"),
        ("公示：张伟、李娜及时领取", "及时领取"),
    ],
)
def test_the_word_after_a_name_stays(text: str, kept: str) -> None:
    for role in ROLES:
        assert kept in out(text, "text/plain", role), (role, text)


# A relative's name glued to the relation, 于 or 在 before a date or a group's number after it: the
# name alone is masked (李娜于 was, one character too many).
@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("女儿李娜于2020年出嫁", "女儿李**于2020年出嫁"),
        ("儿子张强在3组居住", "儿子张**在3组居住"),
        ("儿子张于", "儿子张**"),
    ],
)
def test_a_relatives_name_before_a_date_is_masked_alone(text: str, masked: str) -> None:
    assert out(text, "text/plain", "caseworker") == masked

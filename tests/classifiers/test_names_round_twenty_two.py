"""Names round twenty-two (thirty-sixth session): a party's role glued before a name in prose
(受助人刘思琪在校就读, 被收养人刘思琪在校就读: the roles read as CATEGORIES are), a worker's
(单位职工常建华月收入3000元: PERSONS_IN_PROSE, and an income after a name), a child by birth order
(大儿子张强在西安打工), a care home's bed
before its resident (1号床 王桂英: name_numbered), a married woman's old name, her husband's
surname before her own and 氏 (五保户孙王氏去世), a system's operator after a label (操作人：张伟:
KIN_LABELS) and in an operation log's line (用户张伟登录成功: name_logs), and a name before 的 after
a recommendation (推荐邹德明的申请: name_owned); and the look-alikes of each that must stay."""

from __future__ import annotations

import pytest

from support.inspected import json_leaks, leaks, unchanged, unchanged_json


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
        ("男方张伟与女方李娜自愿结婚", ["张伟", "李娜"]),
        ("逝者王桂英于2024年3月1日火化", ["王桂英"]),
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
        *("男方家庭", "女方父母", "男方户口所在地", "女方当事人", "男方单位", "逝者家属", "逝者遗体"),
        *("死者身份", "男方年龄", "男方自愿", "女方自愿离婚"),
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
        ("学生刘思琪就读于汉滨区第一小学三年级", ["刘思琪"]),
        ("学生李娜已返校", ["李娜"]),
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
        *("学生资助", "学生证", "学生人数", "学生家长", "学生管理", "学生宿舍", "学生信息", "学生名单"),
        *("学生时代", "学生会", "学生张贴海报"),
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
        ("王桂英（3号床）血压正常", ["王桂英"]),
        ("查房：李秀兰(12床)、周桂兰(13床)", ["李秀兰", "周桂兰"]),
        ("3号床王桂英血压正常", ["王桂英"]),
        ("5床李秀兰已出院", ["李秀兰"]),
        ("交班：3床王桂英夜间睡眠差，2床张伟体温37.8度", ["王桂英", "张伟"]),
        ("1床欧阳娜娜体温37.5度", ["欧阳娜娜"]),
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
        "护理（3号床）",
        "空床（2床）",
        "新增床位（120张）",
        *("3床张大爷血压正常", "2床患者血压正常", "3床护理记录", "3号床位置调整", "1床老人精神好"),
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


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("操作人：张伟", ["张伟"]),
        ("创建人：李娜，创建时间：2024-03-01", ["李娜"]),
        ("修改人: 王强", ["王强"]),
        ("审核员：欧阳娜娜", ["欧阳娜娜"]),
        ("管理员：扎西", ["扎西"]),
        ("录入员：周敏；提交人：吴刚", ["周敏", "吴刚"]),
        ("登录用户：张伟", ["张伟"]),
        ("当前用户: 李娜", ["李娜"]),
    ],
)
def test_an_operator_after_a_label(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        *("操作人：系统", "创建人：admin", "管理员：超级管理员", "操作员：未知", "处理人：暂无"),
        *("用户：admin", "用户：全部", "用户：管理员", "用户类型：个人", "用户：张家港市民政局", "用户：低保对象"),
    ],
)
def test_an_operators_label_before_no_name_stays(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("用户张伟登录成功", ["张伟"]),
        ("用户[张伟]登录系统", ["张伟"]),
        ("用户 张伟 修改了密码", ["张伟"]),
        ("用户李娜于2024-03-01 10:00登录", ["李娜"]),
        ("操作员李娜删除了低保对象记录", ["李娜"]),
        ("管理员王强导出了数据", ["王强"]),
        ("用户欧阳娜娜登录", ["欧阳娜娜"]),
        ("用户张伟强成功登录", ["张伟强"]),
        ("2024-03-01 10:00:01 INFO 用户张伟查询了救助对象名单", ["张伟"]),
    ],
)
def test_a_name_in_an_operation_logs_line(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        *("用户信息修改", "用户密码重置", "管理员账号登录", "用户名登录", "用户登录成功", "用户数据导出"),
        *("用户成功登录", "用户首次登录", "用户重新登录", "用户无法登录", "用户随时查看", "用户同时登录"),
        *("用户正常登录", "用户多次登录", "用户张家港登录", "用户尚未登录", "管理员后台登录", "用户本人登录"),
        *("用户状态修改", "用户角色删除", "用户申请提交", "用户管理查看", "用户周一登录", "用户于今日登录"),
    ],
)
def test_words_in_an_operation_logs_line_stay(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "names"),
    [("推荐邹德明的申请已通过", ["邹德明"]), ("经民主评议，推荐王秀英的低保申请报乡镇审批", ["王秀英"])],
)
def test_a_name_before_of_after_a_recommendation(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize("text", ["推荐的申请已通过", "推荐人的申请", "推荐单位的材料"])
def test_words_before_of_after_a_recommendation_stay(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    "text", ["户主：你家", "户主：他家", "申请人：你单位", "联系人：我们", "经办人：我", "户主：她本人"]
)
def test_a_pronoun_after_a_label_stays(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    "key", ["user", "czr", "xgr", "操作人", "修改人", "提交人", "处理人", "审核员", "评估人", "评估员", "管理员"]
)
def test_an_operator_under_a_logs_key(key: str) -> None:
    json_leaks({key: "张伟", "action": "登录", "time": "2024-03-01 10:00:00"}, ["张伟"])


@pytest.mark.parametrize(
    "doc",
    [
        {"user": "admin"},
        {"czr": "系统"},
        {"管理员": "超级管理员"},
        {"user": "游客"},
        {"处理人": "民政局"},
        {"user": "王某"},
    ],
)
def test_no_name_under_a_logs_key_stays(doc: object) -> None:
    unchanged_json(doc)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("大儿子张强在西安打工，二儿子张伟在家务农", ["张强", "张伟"]),
        ("小女儿张敏在读大学", ["张敏"]),
        ("户主张伟，大女儿张丽，小儿子张浩", ["张丽", "张浩"]),
    ],
)
def test_a_child_by_birth_order(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text", ["大儿子家", "小女儿今年上大学", "二儿子在外打工", "小女儿高中毕业", "大儿子已成家", "小儿子结婚"]
)
def test_words_after_a_child_by_birth_order_stay(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "names"),
    [("张伟(工号:1024)登录系统", ["张伟"]), ("审批：李娜（工号A0312）", ["李娜"])],
)
def test_a_name_before_a_staff_number_in_brackets(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize("text", ["请输入工号(工号:1024)", "管理员（工号1024）", "民政局（工号:88）"])
def test_no_name_before_a_staff_number_stays(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("短信内容：张伟，您的申请已受理", ["张伟"]),
        ("通知：李娜，你户符合低保条件", ["李娜"]),
        ("王秀英，你于2024年3月提出的申请已批准", ["王秀英"]),
        ("欢迎您，张伟", ["张伟"]),
    ],
)
def test_an_addressee_before_a_comma_and_a_greeting_first(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        *("经研究，你户符合条件", "经审核，您的申请已通过", "特此通知，您的申请已受理", "综上，你家不符合条件"),
        *("根据规定，您的申请不予受理", "很遗憾，您的申请未通过", "各位居民，你们好", "欢迎您，各位领导"),
        *("欢迎您，全体居民", "现通知如下：你于3月提出的申请已受理"),
    ],
)
def test_words_before_a_comma_and_after_a_greeting_stay(text: str) -> None:
    unchanged(text, also_json=False)

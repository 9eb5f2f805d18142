"""Names round twenty-three (thirty-seventh session): a name after 对, 协助 or 帮助 and before what was
done (对张伟家进行了入户调查, 协助李娜办理: name_served), a message's reader (亲爱的李娜用户:
name_addressed), a school's honorifics (刘思琪同学, 张子涵小朋友: name_lists.before_honorifics), a
log's stamped line with no operator's word (2026-11-01 09:30:12 张伟 登录系统: name_logs), a name and
its relative joined (张伟和妻子李娜, 刘思琪随祖母王秀英生活, 王秀英（张伟之母）, 我是张伟的妻子, 留守儿童
父亲张伟), a list before what its persons came for (张伟、李娜办理结婚登记), words after a name (经营,
失联, 承诺, 就读, 相依, 生前, 的遗体), an election's tally, a society's officers and a marriage's or a
death's record (张伟52票, 张伟当选, 理事长：张伟, 结婚登记：张伟、李娜: name_votes, KIN_LABELS); and
adverbs that were read as names (长子高兴地说, 本人郑重承诺, 本人严格遵守, 网格员连夜赶到), with the
look-alikes of each that must stay."""

from __future__ import annotations

import pytest

from support.inspected import kept_in_both, leaks, unchanged


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("对张伟家进行了入户调查", ["张伟"]),
        ("对张伟进行了询问", ["张伟"]),
        ("对王秀英进行批评教育", ["王秀英"]),
        ("对李建国家进行走访", ["李建国"]),
        ("帮助张伟申请低保", ["张伟"]),
        ("协助张伟办理", ["张伟"]),
        ("协助李娜申领残疾人两项补贴", ["李娜"]),
        ("给李娜家送去米面油", ["李娜"]),
        ("为张伟申领补贴", ["张伟"]),
        ("残疾人张伟申领两项补贴", ["张伟"]),
    ],
)
def test_a_name_after_a_preposition_before_what_was_done(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "对路灯进行维修",
        "对党建开展督查",
        "对焦点问题进行研究",
        "对路灯杆进行维修",
        "对黄河滩进行治理",
        "对钟表店进行检查",
        "对胡同口进行清理",
        "对易燃物进行清理",
        "对张家进行",
        "对其进行",
        "对该户进行核查",
        "对高龄老人开展巡访",
        "协同王强办理",
        "帮助困难群众办理",
        "为民办理",
    ],
)
def test_things_after_a_preposition_stay(text: str) -> None:
    unchanged(text)


def test_who_works_with_the_person_stays_in_clear() -> None:
    kept_in_both("协同王强办理", "协同王强办理")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("亲爱的李娜用户", ["李娜"]),
        ("尊敬的李娜用户：您的申请已受理", ["李娜"]),
        ("亲爱的李娜：", ["李娜"]),
        ("亲爱的刘思琪同学", ["刘思琪"]),
        ("尊敬的张伟家长，您好", ["张伟"]),
    ],
)
def test_a_messages_reader(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    ["亲爱的用户", "亲爱的同学们", "亲爱的王同学", "亲爱的小朋友", "亲爱的祖国", "尊敬的居民", "尊敬的会员用户"],
)
def test_a_messages_reader_unnamed_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("刘思琪同学在校表现良好", ["刘思琪"]),
        ("张伟同学", ["张伟"]),
        ("刘思琪小朋友表现很好", ["刘思琪"]),
        ("张子涵小朋友今年6岁", ["张子涵"]),
        ("一年级三班刘思琪同学", ["刘思琪"]),
        ("姓名：刘思琪同学", ["刘思琪"]),
    ],
)
def test_a_schools_honorifics(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "全班同学",
        "高年级同学",
        "毕业班同学",
        "幼儿园小朋友",
        "王同学",
        "留守儿童小朋友",
        "我们班的同学",
        "各位同学",
        "老同学",
        "其他小朋友",
        "社区小朋友",
    ],
)
def test_a_schools_honorifics_with_no_name_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("2026-11-01 09:30:12 张伟 登录系统", ["张伟"]),
        ("2026-11-01 09:30:12 张伟 导出低保对象名单", ["张伟"]),
        ("[2026-11-01 09:30:12] 李娜 删除记录", ["李娜"]),
        ("2026-11-01 09:30 张伟登录成功", ["张伟"]),
        ("09:30:12 王强 查询 身份证号", ["王强"]),
        ("2026/11/01 李娜 导出数据", ["李娜"]),
        ("【操作日志】张伟 2026-11-01 登录系统", ["张伟"]),
        ("张伟 2026-11-01 登录系统", ["张伟"]),
        ("2026-11-01 09:00:01 张伟 登录系统\n2026-11-01 09:05:13 李娜 删除了记录", ["张伟", "李娜"]),
    ],
)
def test_a_name_in_a_logs_stamped_line(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "10:00 社区 查看",
        "10:00 全体人员登录",
        "09:30 王庄查看",
        "08:30 系统 登录",
        "09:00 用户 登录",
        "2026-11-01 成功 登录",
        "2026-11-01 09:30 开会",
    ],
)
def test_a_logs_stamped_line_with_no_name_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("张伟和妻子李娜共同生活", ["张伟", "李娜"]),
        ("王强与妻子李娜离婚", ["王强", "李娜"]),
        ("王秀英和儿子张强共同生活", ["王秀英", "张强"]),
        ("张伟同其母亲王秀英共同生活", ["张伟", "王秀英"]),
        ("张伟与其母亲王秀英共同生活", ["张伟", "王秀英"]),
        ("王秀英（张伟之母）", ["王秀英", "张伟"]),
        ("李娜(张伟的妻子)", ["李娜", "张伟"]),
        ("老人（张伟之母）", ["张伟"]),
        ("我是张伟的妻子", ["张伟"]),
        ("她是张伟的母亲", ["张伟"]),
        ("刘思琪的监护人为其外婆王秀英", ["刘思琪", "王秀英"]),
        ("由其外公张伟抚养", ["张伟"]),
        ("由其姥姥王秀英照顾", ["王秀英"]),
        ("刘思琪随祖母王秀英生活", ["刘思琪", "王秀英"]),
        ("刘思琪由其外婆王秀英抚养", ["刘思琪", "王秀英"]),
        ("刘思琪与祖母王秀英相依为命", ["刘思琪", "王秀英"]),
        ("王桂英生前由次子张强照顾", ["王桂英", "张强"]),
        ("留守儿童父亲张伟长期服刑", ["张伟"]),
        ("困境儿童母亲李娜失联", ["李娜"]),
        ("五保户儿子张强外出务工", ["张强"]),
        ("孤儿母亲李娜改嫁", ["李娜"]),
    ],
)
def test_a_name_and_its_relative(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("张伟和妻子李娜共同生活", "和妻子"),
        ("王强与妻子李娜离婚", "与妻子"),
        ("长子张伟说：家里困难", "说：家里困难"),
        ("女儿李娜称，", "称，"),
        ("本人张伟承诺所填信息真实", "承诺所填"),
    ],
)
def test_a_name_ends_before_what_follows_it(text: str, kept: str) -> None:
    kept_in_both(text, kept)


@pytest.mark.parametrize(
    "text",
    [
        "老人和儿子共同生活",
        "张家和儿子张某",
        "（户主之妻）",
        "(王某之子)",
        "是本村的村民",
        "为其的父母",
        "社区和其子女联系",
        "儿童父母双亡",
        "老人儿子在外",
        "村民随其子女搬迁",
        "户籍随父亲迁出",
    ],
)
def test_relatives_with_no_name_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("其女婿王刚经营一家超市", ["王刚"]),
        ("其子张强经营一家小卖部", ["张强"]),
        ("母亲李娜失联", ["李娜"]),
        ("其子张强失联", ["张强"]),
        ("本人张伟承诺所填信息真实", ["张伟"]),
        ("刘思琪就读于城关小学", ["刘思琪"]),
        ("刘思琪现就读于城关小学五年级", ["刘思琪"]),
        ("王桂英的遗体已于3月3日火化", ["王桂英"]),
        ("已将张伟的情况上报镇政府", ["张伟"]),
        ("把李娜的材料退回", ["李娜"]),
        ("张伟的委托书", ["张伟"]),
        ("张伟、李娜办理结婚登记", ["张伟", "李娜"]),
        ("张伟、李娜申请低保", ["张伟", "李娜"]),
        ("张伟、李娜登记结婚", ["张伟", "李娜"]),
    ],
)
def test_words_after_a_name(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "长子高兴地说",
        "长女慢慢地走出",
        "儿子高兴地说",
        "郑重承诺",
        "本人郑重承诺：以上信息真实",
        "申请人庄严承诺",
        "连锁经营",
        "诚信经营",
        "网格员连夜赶到",
        "申请人甘愿放弃",
        "本人严格遵守相关规定",
        "经办人严格审核",
        "申请人单身",
        "本人甘心情愿",
        "申请人全部办理",
        "户主常常在外务工",
        "户主时间在外务工",
        "高中就读",
        "随迁就读",
        "低保、特困办理",
        "户籍、身份证办理",
        "结婚、离婚登记",
        "张家、李家申请",
        "高龄、失能老人申请",
        "该户的情况",
        "了解到的情况",
        "把握的情况",
        "持有的委托书",
    ],
)
def test_adverbs_and_words_of_prose_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("选举结果：张伟52票，李娜48票", ["张伟", "李娜"]),
        ("候选人张伟得票123票", ["张伟"]),
        ("张伟 得票：52票", ["张伟"]),
        ("张伟 52票", ["张伟"]),
        ("王秀英获得48票", ["王秀英"]),
        ("欧阳娜娜35票", ["欧阳娜娜"]),
        ("张伟当选村委会主任", ["张伟"]),
        ("张伟得票最多", ["张伟"]),
        ("张伟、李娜当选为村民代表", ["张伟", "李娜"]),
        ("志愿者张伟累计服务时长120小时", ["张伟"]),
        ("理事长：张伟", ["张伟"]),
        ("会长：张伟", ["张伟"]),
        ("秘书长：张伟", ["张伟"]),
        ("监事：张伟", ["张伟"]),
        ("候选人：张伟", ["张伟"]),
        ("结婚登记：张伟、李娜", ["张伟", "李娜"]),
        ("离婚登记：张伟、李娜", ["张伟", "李娜"]),
        ("火化证明：王桂英", ["王桂英"]),
        ("死亡登记：王桂英", ["王桂英"]),
    ],
)
def test_an_elections_a_societys_and_a_registrys_names(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "赞成52票，反对3票，弃权1票",
        "有效票52票",
        "候选人得票",
        "共发出选票100张，收回98张",
        "投票人数120人",
        "全票当选",
        "高票当选",
        "全票、高票当选",
        "连续当选",
        "全年累计",
        "金额累计",
        "会长：空缺",
        "候选人：待定",
        "候选人：3名",
        "秘书长：由理事长兼任",
        "结婚登记：已办理",
        "火化证明：2024-03-01",
        "死亡证明：已开具",
    ],
)
def test_an_elections_and_a_registrys_words_stay(text: str) -> None:
    unchanged(text)

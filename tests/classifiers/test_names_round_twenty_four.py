"""Names round twenty-four (thirty-eighth session): what a check of a household's means, a rescue
station's record, a petition's, a disability's file, a charity's, a temporary relief's, a home
care's and a fund diversion's or a misconduct's record write of a person: a name before 在, 被, 将,
缴纳, 自付, 属于, 扣留, 退回 and what else follows it (张伟在工商银行有存款, 张伟被推选为村民代表), after
who was chosen, appointed, received from or joined (推选张伟为村民小组长, 收到张伟交来的材料, 刘洋伙同
张伟骗取), after what a sanction gives (对王强给予党内警告处分), a rescued person's, a public servant's
and a charity's parties (受助人员张伟自述, 公职人员张伟, 捐赠人：张伟), a name joined to its relative
by 及其, 与其, 和其 (张伟及其子张强), a relative in brackets by 的 (王秀英(张伟的孙女)), a household
counted with the name (张伟夫妻二人, 张伟老两口), what is the person's or the household's (张伟的存款,
张伟家的房屋), whose papers, money or name another used (持张伟的委托书, 扣留张伟的低保金, 以张伟的名义),
a label's person changed (收款人变更为李娜), eight characters before a word at a head (其中妻子欧阳
娜娜患病); and a visit's words of how a person bore himself read as a name after a label (本人温和,
户主平静), with the look-alikes of each that must stay (房子在老家, 路灯被损坏, 收到材料后, 本人与其子,
给予党内警告处分, 户主系党员)."""

from __future__ import annotations

import pytest

from support.inspected import leaks, unchanged


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("张伟在工商银行有存款", ["张伟"]),
        ("经查询，李娜在农商银行开有账户", ["李娜"]),
        ("张伟缴纳社保", ["张伟"]),
        ("王秀英缴纳城乡居民养老保险", ["王秀英"]),
        ("申请人张伟交来的材料", ["张伟"]),
        ("收到张伟申请临时救助的材料", ["张伟"]),
        ("收到李娜来电反映", ["李娜"]),
        ("张伟自付医疗费用5万元", ["张伟"]),
        ("申请人张伟属于重度残疾", ["张伟"]),
        ("李娜获得慈善救助2000元", ["李娜"]),
        ("张伟捐款5000元", ["张伟"]),
        ("张伟已返回原籍", ["张伟"]),
        ("由其弟弟张强接回", ["张强"]),
        ("其母亲王秀英未领到高龄津贴", ["王秀英"]),
        ("来访人李娜称其母亲王秀英未领到高龄津贴", ["李娜", "王秀英"]),
        ("张伟夫妻二人", ["张伟"]),
        ("张伟兄妹三人", ["张伟"]),
        ("户主张伟老两口", ["张伟"]),
        ("户主张伟全家靠低保生活", ["张伟"]),
        ("其女李娜母女相依为命", ["李娜"]),
        ("张伟的存款已超过标准", ["张伟"]),
        ("张伟的残疾等级为二级", ["张伟"]),
        ("张伟家的房屋为危房", ["张伟"]),
        ("王秀英家的低保申请已受理", ["王秀英"]),
    ],
)
def test_words_after_a_name(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("推选张伟为村民小组长", ["张伟"]),
        ("张伟被推选为村民代表", ["张伟"]),
        ("选举张伟为村委会主任", ["张伟"]),
        ("任命李娜为社区居委会副主任", ["李娜"]),
        ("聘任王秀英为养老院院长", ["王秀英"]),
        ("村民会议推举刘洋为监督委员会主任", ["刘洋"]),
        ("李娜被确定为低保对象", ["李娜"]),
    ],
)
def test_who_was_chosen_or_appointed(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("受助人员张伟自述系河南人", ["张伟"]),
        ("救助站于3月2日接收流浪人员张伟", ["张伟"]),
        ("该儿童父亲张伟", ["张伟"]),
        ("该儿童母亲李娜已改嫁", ["李娜"]),
        ("捐赠人：张伟", ["张伟"]),
        ("捐款人：张伟", ["张伟"]),
        ("受赠人：李娜", ["李娜"]),
        ("受捐助人：李娜", ["李娜"]),
        ("捐赠人张伟捐款5000元", ["张伟"]),
        ("受捐助人李娜", ["李娜"]),
    ],
)
def test_a_rescues_a_childs_and_a_charitys_parties(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("张伟及其子张强在外务工", ["张伟", "张强"]),
        ("王秀英及其女儿李娜", ["王秀英", "李娜"]),
        ("张伟与其子张强共同生活", ["张伟", "张强"]),
        ("张伟和其女李娜", ["张伟", "李娜"]),
        ("张伟同其子张强", ["张伟", "张强"]),
        ("张伟及其子女", ["张伟"]),
        ("王秀英与其子", ["王秀英"]),
        ("张伟与前妻李娜已离婚", ["张伟", "李娜"]),
        ("其中妻子欧阳娜娜患病", ["欧阳娜娜"]),
        ("另有儿子司马相如务农", ["司马相如"]),
        ("王秀英(张伟的孙女)", ["王秀英", "张伟"]),
        ("王秀英（张伟的孙女）", ["王秀英", "张伟"]),
        ("备注：王秀英(张伟的孙女)", ["王秀英", "张伟"]),
        ("刘思琪（王秀英的外孙女）", ["刘思琪", "王秀英"]),
        ("代理人李娜持张伟的委托书", ["李娜", "张伟"]),
        ("持张伟的委托书", ["张伟"]),
        ("收款人变更为李娜", ["李娜"]),
        ("监护人变更为王秀英", ["王秀英"]),
        ("其监护人确定为李娜", ["李娜"]),
        ("联系人修改为李娜", ["李娜"]),
        ("领款人改为王秀英", ["王秀英"]),
    ],
)
def test_a_name_and_its_relative_or_agent(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("村干部王强扣留张伟的低保金", ["王强", "张伟"]),
        ("王强将张伟的低保金据为己有", ["王强", "张伟"]),
        ("村会计刘洋以张伟的名义冒领补贴", ["张伟"]),
        ("刘洋用张伟的银行卡取款", ["张伟"]),
        ("张伟的银行卡由村会计刘洋保管", ["张伟", "刘洋"]),
        ("张伟的存折被其侄子张强拿走", ["张伟", "张强"]),
        ("公职人员张伟违规享受低保", ["张伟"]),
        ("张伟同时享受特困供养和低保", ["张伟"]),
        ("村支书陈静将其儿媳李娜纳入低保", ["陈静", "李娜"]),
        ("刘洋伙同张伟骗取救助资金", ["刘洋", "张伟"]),
        ("张伟、李娜系村干部亲属，违规享受低保", ["张伟", "李娜"]),
        ("对王强给予党内警告处分", ["王强"]),
        ("给予刘洋撤职处分", ["刘洋"]),
        ("申请人刘洋退回违规资金", ["刘洋"]),
        ("当事人王强已退缴违纪款", ["王强"]),
        ("村主任王强利用职务之便", ["王强"]),
        ("张伟购买小汽车后仍领取低保", ["张伟"]),
        ("张伟将房屋出租", ["张伟"]),
    ],
)
def test_a_fund_diversions_record(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("申请人张伟由于身体原因无法到场", ["张伟"]),
        ("张伟遭遇火灾，房屋烧毁", ["张伟"]),
        ("李娜遭受家庭暴力", ["李娜"]),
        ("为王桂英提供助餐服务", ["王桂英"]),
        ("护理员李娜上门为王桂英理发", ["李娜", "王桂英"]),
        ("张伟之妻李娜患癌症", ["张伟", "李娜"]),
    ],
)
def test_a_temporary_reliefs_and_home_cares_record(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        # things and places before 在, 被 and 因 (a name's shape: 房, 路, 钱, 米, 单 are surnames)
        *("房子在老家", "房子被拆除", "房子因漏水", "路灯被损坏", "路灯因损坏", "雷电被", "钱包在家"),
        *("米面为救助物资", "单据为原件", "房产证系伪造", "房间为两室", "田里在浇水", "常用药在床头"),
        *("房屋被拆除", "车辆被扣押", "资金被挪用", "低保被取消", "账户被冻结", "户口在本村"),
        *("平时在家", "常年在外务工", "本人在外务工", "其子在外地工作", "正在办理", "所在村组"),
        *("该户被取消低保", "本人被诊断为", "发放棉被", "被申请人", "周末在家", "金额在500元以下"),
        *("个人缴纳部分", "单位缴纳", "按时缴纳", "本人自述", "据其自述", "单位交来"),
        # what is chosen, appointed or received that is no person
        *("推选出村民代表", "选举产生新一届村委会", "收到材料后", "收到补贴为500元", "收到群众举报"),
        *("收到高龄补贴因故", "收到金额为500元", "聘请律师为其代理", "推选代表为", "选举结果为"),
        *("聘任期限为三年", "收到全款为"),
        # a relation after 与其, 及其 with no name before
        *("本人与其子共同生活", "户主与其妻", "老人与其子女", "王某与其子", "平时与其子女同住"),
        *("申请人及其子女", "户主及其配偶", "以及其子女", "社工与其子联系", "经与其子女核实"),
        *("未与其子女同住", "现与其女儿生活", "常年与其子", "二人系母子关系", "二人是兄妹", "赫然在列"),
        # a person's demeanour after a label
        *("本人温和", "户主平静", "本人平和", "申请人安静", "户主焦急", "本人冷淡", "本人尚能自理"),
        *("户主尚可", "本人申明", "本人情绪平稳", "申请人谈吐正常"),
        # papers held and what is a household's, no name
        *("坚持原则的情况", "持卡人的银行卡", "保持良好的情况", "大家的房屋", "老人家的情况"),
        # what is done with what is no person's (用于 before a surname's 于, 以后, 以上)
        *("用于低保的申请", "用于后续的情况", "以后家庭的情况", "以上家庭的情况", "使用房屋的情况"),
        *("挪用资金的情况", "冒领养老金的情况", "以个人的名义", "以村委会的名义", "以本人的名义"),
        *("专用房屋的情况", "利用职务的便利", "持本人的身份证", "冒用他人的身份证", "用于高龄的补贴"),
        # 将, 以 and 由于 after what is no name
        *("即将到期", "随后将其送回", "今后将加强", "同时将材料上报", "下月将发放", "本人将如实申报"),
        *("户主将房屋出租", "予以取消", "不予以办理", "难以维持", "常年以务农为主", "长期以来"),
        *("高中以上", "本人以外", "由于身体原因", "本人由于", "周岁以上老人", "周岁将满"),
        # a public servant, a home's service and what befell someone unnamed
        *("公职人员违规享受低保", "公职人员名单", "为老人提供助餐服务", "为群众提供便利", "为其提供"),
        *("为高龄老人提供", "社工上门", "定期上门", "该户遭遇火灾", "其子患病"),
        # a sanction's and a misconduct's words with no name
        *("对困难群众给予救助", "对违规人员给予处分", "对相关责任人给予党内警告处分", "给予党内警告处分"),
        *("给予政务记过处分", "伙同他人骗取救助资金", "充分利用", "全部纳入", "统一购买", "全部退回"),
        *("及时退缴", "全额退还", "户主、配偶系"),
        # a label's person changed to no one named
        *("收款人变更为本人", "收款人变更为户主", "户主变更为其子", "联系人更改为其女儿", "监护人确定为祖父母"),
        *("监护人由村委会担任", "申请人系单亲家庭", "户主系党员", "申请人系高中学历", "本人由于身体原因"),
        # eight characters before a word at a head, no compound surname's name
        *("其中妻子在外地打工患病", "其中儿子今年高考落榜"),
    ],
)
def test_look_alikes_stay(text: str) -> None:
    unchanged(text)

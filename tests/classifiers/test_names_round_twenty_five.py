"""Names round twenty-five (thirty-ninth session): what an elderly care's, a carer's, a child
welfare's, a funeral's, a subsidy's and an institution's records write of a person: a carer's, a
beneficiary's, a handler's and a person in charge's labels glued to the name (护理人张伟, 照料人王秀英,
受益人李娜, 经手人黄磊, 单位负责人张伟), a subsidy's, a placement's and an institution's persons
(补贴发放对象李娜, 院民张德明), a spouse after whose the spouse is (申请人张伟的配偶李娜), what a
guardian refused or an elder suffers (赡养人张强拒不履行, 走访时王秀英卧病在床), what staff followed up
or told (社工王强跟进服务, 工作人员王强告知); and a purse or money before 于 read as no name (钱包于
昨日丢失, 钱款于3月5日到账), with the look-alikes of each that must stay (护理人员为老人洗澡, 受益人数,
负责人员到场, 院民活动室, 配偶关系)."""

from __future__ import annotations

import pytest

from support.inspected import kept_in_both, leaks, unchanged


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("护理人张伟", ["张伟"]),
        ("护理人张伟为其子", ["张伟"]),
        ("护理人：张伟", ["张伟"]),
        ("照料人王秀英", ["王秀英"]),
        ("照料人王秀英身体状况良好", ["王秀英"]),
        ("照护人张伟每日送餐", ["张伟"]),
        ("照护人：李娜", ["李娜"]),
        ("受益人李娜", ["李娜"]),
        ("受益人：李娜", ["李娜"]),
        ("保险受益人为李娜", ["李娜"]),
        ("经手人黄磊", ["黄磊"]),
        ("经手人：黄磊", ["黄磊"]),
        ("经手人黄磊签字确认", ["黄磊"]),
        ("单位负责人张伟", ["张伟"]),
        ("负责人是王强", ["王强"]),
        ("负责人张伟已签字", ["张伟"]),
        ("赡养义务人张强", ["张强"]),
        ("赡养义务人：张强", ["张强"]),
    ],
)
def test_a_carers_a_beneficiarys_and_a_handlers_labels(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("重度残疾人护理补贴发放对象李娜", ["李娜"]),
        ("发放对象李娜", ["李娜"]),
        ("补贴对象张伟已死亡", ["张伟"]),
        ("资助对象王小红在校就读", ["王小红"]),
        ("安置对象刘桂兰自愿入住敬老院", ["刘桂兰"]),
        ("院民张德明因病住院", ["张德明"]),
        ("院民张德明", ["张德明"]),
        ("敬老院院民王桂英于2024年1月去世", ["王桂英"]),
    ],
)
def test_a_subsidys_and_an_institutions_persons(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("申请人张伟的配偶李娜患尿毒症", ["张伟", "李娜"]),
        ("申请人张伟的配偶李娜", ["张伟", "李娜"]),
        ("户主王强之配偶李娜长期患病", ["王强", "李娜"]),
        ("与其配偶李娜共同生活", ["李娜"]),
        ("由其配偶李娜照顾", ["李娜"]),
    ],
)
def test_a_spouse(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("赡养人张强拒不履行赡养义务", ["张强"]),
        ("其子张强拒绝赡养", ["张强"]),
        ("抚养人王秀英年事已高", ["王秀英"]),
        ("实际抚养人王秀英年事已高", ["王秀英"]),
        ("走访时王秀英卧病在床", ["王秀英"]),
        ("户主张伟卧床不起", ["张伟"]),
        ("王秀英卧病在床", ["王秀英"]),
        ("张强拒不履行赡养义务", ["张强"]),
        ("社工王强跟进服务", ["王强"]),
        ("社工孙悦跟踪回访", ["孙悦"]),
        ("工作人员王强告知", ["王强"]),
        ("工作人员吴敏告知其需补充材料", ["吴敏"]),
    ],
)
def test_what_a_guardian_refused_an_elder_suffers_and_staff_did(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("取消王强低保资格", ["王强"]),
        ("经研究，决定取消王强低保资格", ["王强"]),
        ("停发刘洋低保金", ["刘洋"]),
        ("取消张伟特困供养资格", ["张伟"]),
        ("恢复张伟特困供养待遇", ["张伟"]),
        ("核减李娜家低保金", ["李娜"]),
        ("取消王秀英家庭低保", ["王秀英"]),
        ("暂停欧阳娜娜低保金发放", ["欧阳娜娜"]),
        ("经评议，同意王秀英享受特困供养", ["王秀英"]),
        ("审批意见：同意李娜申请", ["李娜"]),
        ("拟同意张伟临时救助2000元", ["张伟"]),
        ("关于张伟申请临时救助的批复", ["张伟"]),
        ("关于李娜信访事项的答复意见", ["李娜"]),
        ("现将张伟等5户低保对象予以公示", ["张伟"]),
    ],
)
def test_a_decisions_and_a_notices_record(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("张伟妻子李娜无业", ["张伟", "李娜"]),
        ("户主张伟妻子李娜无业", ["张伟", "李娜"]),
        ("张伟母亲王秀英瘫痪在床", ["张伟", "王秀英"]),
        ("王秀英儿子张强在外务工", ["王秀英", "张强"]),
        ("妻子李娜无业", ["李娜"]),
        ("户主张伟，妻子李娜无业", ["张伟", "李娜"]),
        ("张伟之妻李娜无业", ["张伟", "李娜"]),
        ("张伟的妻子李娜无业", ["张伟", "李娜"]),
        ("张伟之母亲王秀英瘫痪在床", ["张伟", "王秀英"]),
        ("其子张强经商", ["张强"]),
        ("李娜之夫张伟去年病故", ["李娜", "张伟"]),
        ("王秀英老伴去年去世", ["王秀英"]),
        ("王秀英本月领取200元", ["王秀英"]),
        ("王秀英本月养老服务补贴200元", ["王秀英"]),
        ("张伟家有一台拖拉机", ["张伟"]),
    ],
)
def test_a_households_members_and_a_months_payment(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("评估员张伟、李娜对老人进行评估", ["张伟", "李娜"]),
        ("评估员王强入户评估", ["王强"]),
        ("理事长张伟", ["张伟"]),
        ("骨灰由其子张强领回", ["张强"]),
        ("丧事由其女李娜操办", ["李娜"]),
        ("流浪乞讨人员张伟自称河南人", ["张伟"]),
        ("接收乞讨人员李娜", ["李娜"]),
        ("张伟申领了惠民殡葬补贴", ["张伟"]),
    ],
)
def test_an_assessors_a_funerals_and_a_rescues_records(text: str, names: list[str]) -> None:
    leaks(text, names)


# Luhn-valid card numbers (synthetic: UnionPay's 62 and a made-up rest).
CARD = "6222021234567890128"
CARD_2 = "6217001234567890122"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (f"代发明细：张伟 {CARD} 800元；李娜 {CARD_2} 600元", ["张伟", "李娜"]),
        (f"张伟 {CARD} 800元", ["张伟"]),
        (f"张伟，{CARD}，800元", ["张伟"]),
        (f"张伟、{CARD}", ["张伟"]),
        (f"张伟{CARD}", ["张伟"]),
        (f"张伟（{CARD}）", ["张伟"]),
        (f"{CARD}（李娜）", ["李娜"]),
        (f"{CARD} 李娜", ["李娜"]),
        (f"{CARD}，李娜，600元", ["李娜"]),
        (f"张伟_{CARD}.pdf", ["张伟"]),
        (f"{CARD}_欧阳娜娜.pdf", ["欧阳娜娜"]),
        (f"张伟   {CARD}   800", ["张伟"]),
        ("张伟 ６２２２０２１２３４５６７８９０１２８", ["张伟"]),  # full-width digits
        (f"收款人：王强 {CARD}；实际领取人：张伟 {CARD_2}", ["王强", "张伟"]),
    ],
)
def test_names_beside_a_bank_cards_number(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # what joins or owns a relative before the relation stays in clear
        *(
            ("王强与妻子李娜离婚", "与妻子"),
            ("张伟和儿子张强共同生活", "和儿子"),
            ("张伟之母亲王秀英瘫痪在床", "之母亲"),
        ),
        *(("张伟的妻子李娜无业", "的妻子"), ("户主张伟妻子李娜无业", "妻子")),
    ],
)
def test_a_relation_between_two_names_stays(text: str, kept: str) -> None:
    kept_in_both(text, kept)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a bank's, a place's and a label's words beside a card's number, and a pseudonym
        *((f"工商银行 {CARD}", "工商银行"), (f"{CARD} 工商银行", "工商银行"), (f"农商行{CARD}", "农商行")),
        *((f"{CARD} 王家庄", "王家庄"), (f"{CARD} 王某", "王某"), (f"尾号{CARD}", "尾号")),
        *(
            (f"账号：{CARD} 开户行：农商行", "开户行：农商行"),
            (f"{CARD}（本人）", "本人"),
            (f"{CARD} 已冻结", "已冻结"),
        ),
        *((f"{CARD} 余额不足", "余额不足"), (f"{CARD} 金额800元", "金额800元"), (f"{CARD} 户名", "户名")),
        # a name's shape beside numbers that fail the Luhn check
        *(("张伟 6222021234567890123", "张伟"), ("李娜 4000000000000001", "李娜")),
    ],
)
def test_beside_a_card_no_name(text: str, kept: str) -> None:
    kept_in_both(text, kept)


@pytest.mark.parametrize(
    "text",
    [
        # a carer's, a beneficiary's and a handler's labels before no name
        *("护理人员为老人洗澡", "护理人员到岗", "照料人员不足", "受益人数达到1200人", "受益人群广泛"),
        *("经手人员签字", "负责人员到场核实", "负责人签字", "单位负责人签字盖章", "照护人员培训"),
        *("赡养义务人未履行", "护理人未填写"),
        # a subsidy's and an institution's persons unnamed
        *("发放对象共计120人", "补贴对象须年满80周岁", "院民活动室", "院民管理制度", "安置对象为特困人员"),
        # a spouse's relation with no name after it
        *("配偶关系证明", "与其配偶共同生活", "其配偶已去世", "申请人的配偶无收入"),
        # what a guardian refused or an elder suffers, no name before
        *("拒不履行赡养义务", "拒绝配合调查", "年事已高", "老人卧病在床", "长期卧床"),
        # what staff followed up or told, no name
        *("社工跟进服务", "工作人员告知其需补充材料", "及时跟进", "告知书"),
        # a decision's, a title's and a notice's words with no name
        *("取消低保资格", "停止享受低保待遇", "同意其申请", "同意该户享受", "恢复正常供养", "同意纳入低保"),
        *("停发当月低保金", "恢复发放低保金", "暂停发放", "终止供养", "同意上述申请", "同意本人申请"),
        *("取消全家低保", "暂停该户救助", "同意老人申请", "关于低保申请的批复", "关于开展低保专项治理的通知"),
        *("关于做好特困供养工作的通知", "关于提高低保标准的通知", "关于进一步加强信访工作的意见"),
        *("现将有关情况报告如下", "现将结果公示", "现将张家庄村低保名单公示", "拟同意平安家庭3人"),
        *("同意文明家庭评选结果", "取消和谐家庭称号"),
        # a relation between words that are no names, and a household's or a month's words
        *("其妻子在家务农", "走访妻子在家", "申请人妻子无业", "老人儿子在外务工", "经核实妻子无业"),
        *("国家有关规定", "大家有意见", "本月领取", "当月发放", "去年病故", "农家有机肥"),
        # care or a visit done to the old, after an adverb ending with a surname's character
        *("经常照顾老人", "及时看望老人", "按时护理老人", "时常探望老人", "定期慰问老人"),
        # an assessor's, a society's, a funeral's and a rescue's words with no name
        *("评估员培训", "评估员资格证", "理事长单位", "由其子领回", "丧事操办从简", "骨灰已领回"),
        *("乞讨人员救助管理", "流浪乞讨人员救助站", "自称", "申领补贴", "按规定申领"),
        # a purse, money and other things before 于 or 因
        *("钱包于昨日丢失", "钱款于3月5日到账", "钱款因故未到账"),
    ],
)
def test_look_alikes_stay(text: str) -> None:
    unchanged(text)

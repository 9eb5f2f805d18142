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

from support.inspected import leaks, unchanged


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
        # a purse, money and other things before 于 or 因
        *("钱包于昨日丢失", "钱款于3月5日到账", "钱款因故未到账"),
    ],
)
def test_look_alikes_stay(text: str) -> None:
    unchanged(text)

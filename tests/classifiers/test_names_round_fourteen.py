"""Persons' names that went out in clear, or were masked with a character too many (names round
fourteen), through ``Inspector.inspect`` with the strict and the caseworker profiles; the
look-alikes beside them must stay as they are."""

from __future__ import annotations

import pytest

from support.inspected import in_clear, leaks, unchanged

# A name before the act of signing, with no label before it.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("李娜签字确认", ["李娜"]),
        ("张伟签字", ["张伟"]),
        ("张伟签名：", ["张伟"]),
        ("李娜已签收", ["李娜"]),
        ("王秀英签字", ["王秀英"]),
        ("欧阳娜娜签字", ["欧阳娜娜"]),
        ("张伟本人签字", ["张伟"]),
        ("由张伟签字确认", ["张伟"]),
        ("请李娜签收", ["李娜"]),
        ("李娜签字，张伟按手印", ["李娜", "张伟"]),
        # after a label: caught before the round, masked with the signing word's first character
        ("经办人李娜签字", ["李娜"]),
        ("户主张伟按手印", ["张伟"]),
    ],
)
def test_a_name_before_signing(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "签字确认",
        "本人签字",
        "家属签字",
        "申请人签字",
        "户主签字",
        "经办人签字",
        "监护人签字",
        "由户主签字",
        "请本人签字确认",
        "房东签字确认",
        "文书签收",
        "文件签收",
        "单据签收",
        "依次签字",
        "严格签字手续",
        "双方签字",
        "电子签名",
        "快递已签收",
        "已签字",
        "周一签字",
        "张家港签收",
        "王某签字",
        "张大爷签字",
    ],
)
def test_signing_by_no_name_stays(text: str) -> None:
    unchanged(text)


# After a label, the signing word ends the name (李娜签 was masked: one character too many).


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("经办人李娜签字", "签字"),
        ("见证人李娜签字", "签字"),
        ("户主张伟按手印", "按手印"),
        ("申请人张伟签名", "签名"),
        ("领取人李娜签收", "签收"),
    ],
)
def test_the_signing_word_after_a_labelled_name_stays(text: str, kept: str) -> None:
    in_clear(text, kept)


# A name after a staff member's longer clause and a comma, or after a staff title with no name.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("社工王强到场核实情况，张伟陪同", ["王强", "张伟"]),
        ("民警到场调查，李娜陪同", ["李娜"]),
        ("网格员入户走访，王秀英陪同", ["王秀英"]),
        ("民警到场调查，张伟到场", ["张伟"]),
        ("民警到场调查，李娜在场", ["李娜"]),
        ("社工王强入户走访了解情况，李娜陪同入户", ["王强", "李娜"]),
        ("医生到场检查身体情况，李娜陪同就诊", ["李娜"]),
        # caught before the round: a verb of four characters at most after the name
        ("社工王强到场核实，张伟陪同", ["王强", "张伟"]),
    ],
)
def test_a_name_after_a_staff_clause_and_a_comma(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "社工到场核实情况，其他人员陪同",
        "核实情况，周一陪同",
        "，全程陪同",
        "民警到场，全程陪同",
        "社工到场核实情况，周一陪同",
        "民警到场调查，张家港来电",
        "民警到场调查，高度重视",
        "民警到场调查，家属陪同",
        "民警到场调查，双方在场",
        "社工到场核实情况，相关人员陪同",
        "干部入户核实，全家在场",
        "民警到场调查，王府井社区陪同",
        "民警到场调查，张大爷陪同",
    ],
)
def test_what_follows_a_staff_clause_that_is_no_name_stays(text: str) -> None:
    unchanged(text)


# A name after a label before what was said: the verb ends a two-character name.


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("举报人张伟称其母生病", "称其母生病"),
        ("举报人张伟说", "说"),
        ("举报人张伟讲", "讲"),
        ("举报人张伟表示", "表示"),
        ("申请人李娜称", "称"),
        # caught before the round: 反映 was a word that follows a name
        ("举报人张伟反映", "反映"),
    ],
)
def test_what_a_labelled_name_said_stays(text: str, kept: str) -> None:
    in_clear(text, kept)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("举报人张伟称其母生病", ["张伟"]),
        ("举报人张伟明", ["张伟明"]),  # a name of three: masked whole, as before
        ("举报人王秀英说", ["王秀英"]),
        # after a staff member's name and a comma, a run that is 李娜说 whole was read as a name
        # that does not go on (王强，李娜: maybe prose), and 李娜 went out; 说 ends the name now
        ("社工王强，李娜说", ["王强", "李娜"]),
    ],
)
def test_a_labelled_name_before_what_was_said_is_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


def test_a_three_character_name_keeps_its_third() -> None:
    # 明 is no verb: 张伟明 is masked whole, and nothing of it is left in clear
    for text in ("举报人张伟明", "举报人张伟明称"):
        leaks(text, ["张伟明", "伟明"])


# A name before an ID number's label in brackets.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("张伟（身份证号：610902199001011235）", ["张伟"]),
        ("李娜（身份证号：610902199001011251），女", ["李娜"]),
        ("经核实，张伟（公民身份号码：610902199001011235），男", ["张伟"]),
        ("欧阳娜娜(证件号 610902199001011251)", ["欧阳娜娜"]),
        ("走访王秀英（身份证号码：610902194912310022）", ["王秀英"]),
    ],
)
def test_a_name_before_an_id_numbers_label_in_brackets(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("申请人（身份证号：610902199001011235）", "申请人"),
        ("汉滨区（身份证号：610902199001011235）", "汉滨区"),
        ("张家港（身份证号：610902199001011235）", "张家港"),
        ("本人（身份证号：610902199001011235）", "本人"),
        ("王某（身份证号：610902199001011235）", "王某"),
        ("张伟（身份证号：610902199001011234）", "张伟"),  # no valid number: no evidence
        ("张伟（银行卡号：6222021234567890123）", "张伟"),
    ],
)
def test_no_name_before_an_id_numbers_label_stays(text: str, kept: str) -> None:
    in_clear(text, kept)


# A person's name in a form's signature field, after who handled the money, or in a notice's
# copy list.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("签字：张伟", ["张伟"]),
        ("签名：李娜", ["李娜"]),
        ("经手人：王强", ["王强"]),
        ("抄送：张伟、李娜", ["张伟", "李娜"]),
        ("签字：王秀英 日期：2026年3月1日", ["王秀英"]),
        ("申请人签字：张伟", ["张伟"]),  # a person's label before the field's word
    ],
)
def test_a_name_in_a_signature_field(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "签字：（盖章）",
        "签字：",
        "签名：本人",
        "签字：已签",
        "抄送：民政局",
        "抄送：各乡镇",
        "抄送：汉滨区民政局、汉阴县民政局",
        "经手人：财务科",
    ],
)
def test_a_signature_field_without_a_name_stays(text: str) -> None:
    unchanged(text)


# A name a letter's salutation or a mention addresses.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("致张伟：", ["张伟"]),
        ("尊敬的李娜：", ["李娜"]),
        ("致欧阳娜娜，您好", ["欧阳娜娜"]),
        ("尊敬的王秀英，您的申请已受理", ["王秀英"]),
        ("@张伟 请核实", ["张伟"]),
        ("@李娜", ["李娜"]),
        ("请@王强 处理", ["王强"]),
        ("张伟，您好！您的低保申请已受理", ["张伟"]),
        ("李娜你好，请于周一前来办理", ["李娜"]),
        ("王秀英您好", ["王秀英"]),
        # caught before the round: an honorific after the name
        ("致李娜同志", ["李娜"]),
        ("尊敬的王秀英女士：", ["王秀英"]),
    ],
)
def test_a_name_addressed(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "因病致贫",
        "致贫原因：因病",
        "致全体居民：",
        "致广大村民的一封信",
        "致张家港市民政局：",
        "致汉滨区民政局：",
        "致谢：",
        "导致张伟：",
        "尊敬的用户：",
        "尊敬的领导：",
        "尊敬的各位：",
        "尊敬的王先生：",
        "尊敬的张大爷：",
        "尊敬的高龄老人：",
        "大家好",
        "老师您好",
        "您好，请核实",
        "王先生您好",
        "张大爷你好",
        "@民政局",
        "@所有人",
        "@全体成员",
        "@王某",
    ],
)
def test_what_is_addressed_that_is_no_name_stays(text: str) -> None:
    unchanged(text)


# A name the upstream masked in part before more of its run: what was left in clear went out.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("举报人张*伟称其母生病", ["张*伟"]),
        ("张*伟签字", ["张*伟"]),
        ("户主张*伟强已去世", ["张*伟强", "伟强"]),
        ("欧阳*娜说明情况", ["欧阳*娜"]),
        ("张*伟的母亲长期患病", ["张*伟"]),
        # caught before the round: the run ends after the given name
        ("备注张*伟", ["张*伟"]),
    ],
)
def test_a_name_masked_in_part_before_prose(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "备注：张**已签收",  # nothing of the given name is left in clear
        "长*宽*高",
        "单价*数量等于金额",
        "宽*高的比例",
        "张*",
        "5*3=15",
    ],
)
def test_stars_before_prose_that_mask_no_more_stay(text: str) -> None:
    unchanged(text)


# A name in the caption of a table or a form about one person or household.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("张伟家庭成员表", ["张伟"]),
        ("张伟户家庭成员表", ["张伟"]),
        ("李娜户家庭情况登记表", ["李娜"]),
        ("王秀英低保申请表", ["王秀英"]),
        ("李娜的申请表", ["李娜"]),
        ("张伟户档案", ["张伟"]),
        ("李娜户花名册", ["李娜"]),
        ("张伟家庭成员表如下：", ["张伟"]),
    ],
)
def test_a_name_in_a_caption(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "家庭成员表",
        "低保申请表",
        "汉滨区家庭成员表",
        "张家港低保申请表",
        "困难群众花名册",
        "申请人申请表",
        "本人申请书",
        "王某家庭成员表",
        "张家家庭成员表",
        "民政局档案",
        "高龄津贴审批表",
        "个人档案",
        "项目申请表",
        "金融档案",
        "谈话登记表",
        "项目的申请表",
    ],
)
def test_a_caption_naming_no_one_stays(text: str) -> None:
    unchanged(text)


# A list after a label, its last name before what was said: 说 was masked with 李娜 (民警张伟、李娜说),
# and a run such as 李娜说明情况, no name whole, ended the list before 李娜, who went out.


@pytest.mark.parametrize(
    ("text", "secrets", "kept"),
    [
        ("民警张伟、李娜说", ["张伟", "李娜"], "说"),
        ("户主：张伟、李娜说明情况", ["张伟", "李娜"], "说明情况"),
        ("申请人：张伟/李娜称", ["张伟", "李娜"], "称"),
        ("户主：张伟、李娜明", ["张伟", "李娜明"], "户主"),  # a name of three: masked whole
    ],
)
def test_a_listed_name_before_what_was_said(text: str, secrets: list[str], kept: str) -> None:
    leaks(text, secrets)
    in_clear(text, kept)

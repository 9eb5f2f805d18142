"""Names left in clear in log lines and in case files' prose, and look-alikes masked by mistake
(the sixteenth leaks round), each checked through ``Inspector.inspect`` with the strict and the
caseworker profiles; and what beside them must stay as it is."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, leaks, out, unchanged


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("user=张伟 action=query target=李娜", ["张伟", "李娜"]),
        ("operator=王强;subject=扎西", ["王强", "扎西"]),
        ("2026-11-30 10:02:11 [INFO] creator=张伟 updater=李娜 status=ok", ["张伟", "李娜"]),
        ("reviewer: 王秀英, approver: 李娜", ["王秀英", "李娜"]),
        ("login_user=欧阳娜娜 ip=10.0.0.8", ["欧阳娜娜"]),
        ("household=张伟 members=李娜,王强", ["张伟", "李娜", "王强"]),
        ("visitor=阿卜杜·热合曼 target=次仁多吉", ["阿卜杜", "热合曼", "次仁多吉"]),
        ("[INFO] 审核人=李娜 操作=审核", ["李娜"]),
        ("操作员=张伟&结果=通过", ["张伟"]),
        ("xm=张伟,李娜 sfzh=无", ["张伟", "李娜"]),
    ],
)
def test_a_name_under_a_log_key_of_a_person_goes(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "user=admin action=query",
        "user=system target=汉滨区",
        "user=系统 target=安康市",
        "user=管理员 subject=低保审批",
        "target=高龄 subject=党建",
        "target=城关镇 subject=通知",
        "target=周一 subject=方案",
        "user=王某 target=全体",
        "members=高龄,汉族,农民",
    ],
)
def test_an_account_a_place_or_a_topic_under_a_log_key_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("body", "media_type"),
    [
        ("<table><tr><td>老人</td><td>全失能</td></tr></table>", "text/html"),
        ("<table><tr><td>老人</td><td>半失能</td><td>老人</td><td>部分失能</td></tr></table>", "text/html"),
        ('{"老人": "全失能", "儿童": "独居"}', "application/json"),
        ('[{"老人": "全失能"}, {"老人": "半失能"}, {"老人": "失智"}]', "application/json"),
        ("老人：全失能", "text/plain"),
        ("老人：部分失能，儿童：独居", "text/plain"),
    ],
)
def test_a_care_level_under_a_weak_name_key_stays(body: str, media_type: str) -> None:
    for role in ROLES:
        assert out(body, media_type, role) == body, role


@pytest.mark.parametrize("name", ["王秀英", "全卓玛", "全秀英"])
def test_a_name_under_the_weak_key_of_persons_still_goes(name: str) -> None:
    body = f"<table><tr><td>老人</td><td>{name}</td></tr></table>"
    for role in ROLES:
        assert name not in out(body, "text/html", role), role
    leaks(f"老人：{name}", [name])


@pytest.mark.parametrize(
    "text", ["残疾人王某、李某", "低保户王某某已退出", "特困人员张某，男，80岁", "其子李某在外务工"]
)
def test_a_pseudonym_after_a_role_stays(text: str) -> None:
    unchanged(text)


def test_a_name_after_a_role_beside_a_pseudonym_still_goes() -> None:
    leaks("残疾人王强、李娜", ["王强", "李娜"])


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ("经办人：张伟同志", "张伟", "经办人：[已屏蔽]同志"),
        ("经办人：张伟同志，联系电话见附件", "张伟", "[已屏蔽]同志，"),
        ("审核人：李娜女士", "李娜", "[已屏蔽]女士"),
        ("受助人：王秀英老人", "王秀英", "[已屏蔽]老人"),
        ("负责人：张伟同志、李娜女士", "李娜", "[已屏蔽]同志、[已屏蔽]女士"),
        ("经办人 欧阳娜娜同志", "欧阳娜娜", "[已屏蔽]同志"),
    ],
)
def test_a_name_after_a_label_is_masked_without_its_honorific(text: str, secret: str, kept: str) -> None:
    leaks(text, [secret])
    assert kept in out(text, "text/plain", "outsourced"), text
    assert text[text.index(secret) + len(secret) :][:2] in out(text, "text/plain", "caseworker"), text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("网格员李娜入户走访，了解家庭情况", "李娜"),
        ("社工王强回访，老人情绪稳定", "王强"),
        ("护理员张伟每日上门", "张伟"),
        ("协管员次仁上门核实", "次仁"),
        ("村干部王秀英陪同走访", "王秀英"),
        ("父母离异，由祖母王秀英抚养", "王秀英"),
        ("由外祖父李强抚养至今", "李强"),
        ("由其侄子张强照顾", "张强"),
        ("由其姐姐李娜照料", "李娜"),
        ("与祖父王强共同生活", "王强"),
        ("随母亲李娜生活", "李娜"),
        ("与哥哥张强同住", "张强"),
        ("其侄女央金在外务工", "央金"),
        ("该生系张伟之女", "张伟"),
        ("系李娜之孙女，父母双亡", "李娜"),
        ("本月走访张伟一户", "张伟"),
        ("春节前慰问王秀英一人", "王秀英"),
        ("走访了扎西一户", "扎西"),
        ("走访张伟等3户", "张伟"),
    ],
)
def test_a_name_glued_after_a_staff_title_or_a_relation_or_before_a_count_goes(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    "text",
    [
        "网格员入户走访",
        "网格员每月入户",
        "网格员全程陪同",
        "网格员马上上门",
        "网格员包片走访",
        "网格员张家湾组",
        "社工站",
        "社工上门走访",
        "社工定期回访",
        "社工和志愿者",
        "社工服务中心",
        "由祖母抚养",
        "由姐姐照顾",
        "由姑姑抚养长大",
        "由民政局审核",
        "走访张家一户",
        "走访本村一户",
        "走访贫困户一户",
        "走访全村一户一策",
        "慰问孤寡老人一人",
        "慰问困难党员一人",
    ],
)
def test_words_after_a_staff_title_or_a_relation_or_before_a_count_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("慰问困难党员张伟、李娜", ["张伟", "李娜"]),
        ("慰问困难党员王秀英、李娜、王强", ["王秀英", "李娜", "王强"]),
        ("走访低保户家庭张伟、李娜", ["张伟", "李娜"]),
        ("走访低保户家庭张伟、欧阳娜娜", ["张伟", "欧阳娜娜"]),
        ("慰问困难群众扎西、卓玛", ["扎西", "卓玛"]),
        ("走访困难户张伟、李娜", ["张伟", "李娜"]),
    ],
)
def test_a_list_after_a_visit_and_words_for_persons_goes(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "慰问困难党员高龄、失能",
        "走访了各村城关镇、五里镇",
        "走访困难户家庭周一、周三",
        "走访困难户张家、李家",
        "慰问困难党员王某、李某",
    ],
)
def test_a_list_after_a_visit_and_words_for_persons_that_names_no_one_stays(text: str) -> None:
    unchanged(text)

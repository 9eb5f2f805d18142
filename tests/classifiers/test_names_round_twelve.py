"""Persons' names that went out in clear (names round twelve), and words masked as names, through
``Inspector.inspect`` with the strict and the caseworker profiles; the look-alikes beside them
must stay as they are."""

from __future__ import annotations

import json

import pytest

from support.inspected import ROLES, in_clear, json_leaks, leaks, out, unchanged, unchanged_json

# A second name after a comma after a staff member's name, before a verb no list holds.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("社工王强，李娜到场核实情况", ["王强", "李娜"]),
        ("社工王强，王秀英到场核实情况", ["王强", "王秀英"]),
        ("网格员李娜，欧阳娜娜前往核实", ["李娜", "欧阳娜娜"]),
        ("民警张伟，李娜出面调解", ["张伟", "李娜"]),
        # 办 and 处 end an office's name: the list stopped before 李娜
        ("民警张伟、李娜办理", ["张伟", "李娜"]),
        ("民警张伟、李娜处理", ["张伟", "李娜"]),
        ("社工王强，李娜办理手续", ["王强", "李娜"]),
        ("村医王强，张伟陪同入户", ["王强", "张伟"]),  # a known verb: caught before the round
    ],
)
def test_a_name_after_a_comma_before_a_verb(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("社工王强，今天到场", "，今天到场"),
        ("社工王强，周一到场", "，周一到场"),
        ("社工王强，其他人员到场", "，其他人员到场"),
        ("社工王强，高度重视", "，高度重视"),
        ("社工王强，张家港来电", "，张家港来电"),
        ("社工王强，张大爷到场", "，张大爷到场"),
        ("社工王强，王府井社区到场", "，王府井社区到场"),
        ("社工王强，街道办来电", "，街道办来电"),
        ("社工王强，李家办事", "，李家办事"),
    ],
)
def test_prose_after_a_comma_stays(text: str, kept: str) -> None:
    in_clear(text, kept)


# A list's next name before a verb's first character: the name, not one character more.


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("民警张伟、李娜到场", "到场"),
        ("民警张伟、王秀英到场", "到场"),
        ("社工王强，李娜到场核实情况", "到场核实情况"),
        ("村医王强与张伟一同入户", "一同入户"),
        ("网格员李娜和王强前往核实", "前往核实"),
    ],
)
def test_the_verb_after_a_listed_name_stays(text: str, kept: str) -> None:
    in_clear(text, kept)


# A weekday before what follows one, after a label or a role: a day, not a name.


@pytest.mark.parametrize("text", ["老人周一值班", "老人周末上午值班", "低保户周末值班", "特困人员周日休息"])
def test_a_weekday_before_its_duty_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("老人周一鸣值班", ["周一鸣", "一鸣"]),
        ("姓名：周一鸣", ["一鸣"]),
        ("低保户周一鸣", ["一鸣"]),
        ("老人周天宇入户", ["天宇"]),
    ],
)
def test_a_name_opening_with_a_weekday_is_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


# A name the upstream masked in part, with no context word before it.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("备注张*伟", ["伟"]),
        ("联系人：张*伟", ["伟"]),  # after a label: caught before the round
        ("张*伟（户主）", ["伟"]),
        ("张*伟", ["伟"]),
        ("欧阳*娜娜", ["娜"]),
        ("备注：张**伟，男", ["伟"]),
    ],
)
def test_a_name_masked_in_part_without_a_label(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize("text", ["5*3=15", "A*B", "张*", "张**", "长*宽*高", "宽*高", "单价*数量", "**注意**事项"])
def test_stars_that_mask_no_more_stay(text: str) -> None:
    unchanged(text)


# A record keyed by a full name under a key that says nothing, holding a mobile and an address.


@pytest.mark.parametrize(
    ("doc", "secrets"),
    [
        ({"data": {"张伟": {"lxdh": "13800138000", "dz": "汉滨区育才路12号"}}}, ["张伟"]),
        ({"data": {"张伟": {"phone": "13800138000"}}}, ["张伟"]),
        (
            {
                "data": {
                    "张伟": {"lxdh": "13800138000", "dz": "汉滨区育才路12号"},
                    "李娜": {"lxdh": "13912345678", "dz": "汉滨区育才路13号"},
                }
            },
            ["张伟", "李娜"],
        ),
    ],
)
def test_a_record_keyed_by_a_name_holding_a_mobile(doc: object, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


@pytest.mark.parametrize(
    "doc",
    [
        # an office: a county-level city's short name, whatever its phone
        {"stats": {"张家港": {"phone": "0512-58681234", "address": "张家港市人民路1号"}}},
        {"stats": {"张家港": {"phone": "13800138000", "address": "张家港市人民路1号"}}},
        {"data": {"王府井": {"lxdh": "13800138000", "dz": "北京市东城区王府井大街1号"}}},
        {"data": {"高龄": {"lxdh": "13800138000"}}},
        {"data": {"王某": {"lxdh": "13800138000"}}},
        # (a landline under a full name is a person's since the twenty-second round, formats: an
        # office's name ends in a unit's character, test_formats_round.test_an_offices_record_keeps_its_name)
        {"data": {"民政局": {"phone": "0915-3212345", "address": "汉滨区育才路12号"}}},
    ],
)
def test_a_place_or_a_word_keying_a_record_with_a_phone_stays(doc: dict[str, dict[str, object]]) -> None:
    for role in ROLES:
        masked = json.loads(out(json.dumps(doc, ensure_ascii=False), "application/json", role))
        for outer, inner in doc.items():
            assert list(masked[outer]) == list(inner), (role, masked)


def test_a_record_without_a_persons_field_stays() -> None:
    unchanged_json({"data": {"张伟": {"count": 3, "score": 80}}})


# The names a label lists after its first, parted by 、, / or |.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("户主：张伟/李娜", ["张伟", "李娜"]),
        ("联系人：张伟|李娜", ["张伟", "李娜"]),
        ("申请人：张伟/李娜/王强", ["张伟", "李娜", "王强"]),
        ("监护人：张伟/李娜", ["张伟", "李娜"]),
        ("户主：张伟、李娜", ["张伟", "李娜"]),
        ("姓名：张伟 / 李娜", ["张伟", "李娜"]),
        ("户主：张伟/扎西", ["张伟", "扎西"]),
    ],
)
def test_names_listed_after_a_label(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("姓名：张伟/男/45岁", "/男/45岁"),
        ("户主：张伟/汉滨区", "/汉滨区"),
        ("户主：张伟/张家港", "/张家港"),
        ("户主：张伟/王某", "/王某"),
        ("姓名：张伟/无", "/无"),
        ("经办人：张伟/审核人：", "/审核人："),
        ("社工王强、高龄老人", "、高龄老人"),
    ],
)
def test_what_follows_a_labelled_name_that_is_no_name_stays(text: str, kept: str) -> None:
    in_clear(text, kept)


# 陪同人, who went with a visit or an applicant: a label as 代理人 is.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("陪同人张伟", ["张伟"]),
        ("陪同人：张伟", ["张伟"]),
        ("陪同人王秀英到场", ["王秀英"]),
        ("张伟（陪同人）", ["张伟"]),
    ],
)
def test_a_name_after_an_escort_label(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


def test_a_name_under_an_escort_key() -> None:
    json_leaks({"陪同人": "张伟"}, ["张伟"])


@pytest.mark.parametrize("text", ["陪同人员到场", "陪同人员：社区干部", "陪同人：无", "陪同人：社区干部", "无陪同人"])
def test_escorts_without_a_name_stay(text: str) -> None:
    unchanged(text)


# Who else a case file names by a field of its own: a petition's visitor, a witness, a guarantor.


@pytest.mark.parametrize(
    "label",
    ["来访人", "举报人", "报告人", "知情人", "见证人", "证明人", "担保人", "签收人", "领取人", "收件人", "邻居"],
)
def test_a_name_after_a_persons_field_label(label: str) -> None:
    leaks(f"{label}：张伟", ["张伟"])
    leaks(f"{label}：王秀英、李娜", ["王秀英", "李娜"])


@pytest.mark.parametrize(
    "text",
    [
        "举报人：匿名",
        "来访人：3人",
        "领取人：本人",
        "签收人：（签字）",
        "见证人：村委会",
        "担保人：无",
        "邻居：无",
        "收件人：汉滨区民政局",
    ],
)
def test_such_a_field_without_a_name_stays(text: str) -> None:
    unchanged(text)


# A field's path written with dots, as OpenSearch's fields and highlight name a nested field.


@pytest.mark.parametrize(
    ("doc", "secrets"),
    [
        ({"hits": {"hits": [{"fields": {"applicant.xm": ["张伟"]}}]}}, ["张伟"]),
        ({"hits": {"hits": [{"highlight": {"applicant.xm": ["<em>张伟</em>"]}}]}}, ["张伟"]),
        ({"data.xm": "张伟", "members.0.xm": "李娜", "jtcy.hzxm": "王秀英"}, ["张伟", "李娜", "王秀英"]),
        ({"xm.keyword": "张伟", "applicant.xm.keyword": "李娜"}, ["张伟", "李娜"]),
    ],
)
def test_a_name_under_a_dotted_path(doc: object, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


@pytest.mark.parametrize(
    "doc",
    [
        {"file.name": "report.pdf"},
        {"app.name": "民政通"},
        {"unit.xm": "汉滨区民政局"},
        {"v1.2": "张伟"},
        {"xm.": "张伟"},
        {".keyword": "张伟"},
        {"keyword": "张伟"},
    ],
)
def test_a_dotted_path_of_no_entity_stays(doc: object) -> None:
    unchanged_json(doc)


# A name before 其 and a relation in brackets: whose relative the file says.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [("张强（其子）", ["张强"]), ("李娜（其女）在外务工", ["李娜"]), ("与王秀英（其母）同住", ["王秀英"])],
)
def test_a_name_before_a_relative_in_brackets(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize("text", ["签字（其子）", "城关镇（其子）"])
def test_no_name_before_a_relative_in_brackets_stays(text: str) -> None:
    unchanged(text)

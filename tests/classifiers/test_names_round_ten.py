"""Persons' names that went out in clear (names round ten), through ``Inspector.inspect`` with the
strict and the caseworker profiles, and the look-alikes beside them that must stay as they are."""

from __future__ import annotations

import json

import pytest

from support.inspected import ROLES, as_bodies, json_leaks, leaks, out, unchanged, unchanged_json

ID_A = "610902199001011235"  # synthetic, with a valid check character
ID_B = "610902194912310022"


@pytest.mark.parametrize(
    ("doc", "secrets"),
    [
        ({"rows": [["张伟", ID_A, "13800138000"], ["李娜", ID_B, "13912345678"]]}, ["张伟", "李娜"]),
        ({"rows": [["张伟", ID_A], ["李娜", "13912345678"]]}, ["张伟", "李娜"]),
        ({"data": [[1, "欧阳娜娜", "女", ID_B]]}, ["欧阳娜娜"]),
        ({"row": ["王秀英", 80, ID_B]}, ["王秀英"]),
    ],
)
def test_a_name_in_a_row_without_header_beside_a_persons_number(doc: object, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


@pytest.mark.parametrize(
    "row",
    [
        ["汉滨区", ID_A],
        ["低保", ID_A],
        ["张家港", ID_A],
        ["正常", ID_A],
        ["已审核", "13912345678"],
        ["王府井", "13912345678"],
        ["王某", ID_A],
        ["高龄", ID_A],
    ],
)
def test_a_place_category_or_status_in_such_a_row_stays(row: list[str]) -> None:
    for role in ROLES:
        masked = json.loads(out(json.dumps({"rows": [row]}, ensure_ascii=False), "application/json", role))
        assert masked["rows"][0][0] == row[0], (role, masked)
        assert masked["rows"][0][1] != row[1], (role, masked)


def test_a_row_without_a_persons_number_stays() -> None:
    unchanged_json({"rows": [["张伟", "男", 80], ["李娜", "女", 75]]})


def _decoded(text: str) -> object:
    """``text`` decoded until it is no JSON string."""
    doc: object = json.loads(text)
    while isinstance(doc, str) and doc[:1] in ('"', "{", "["):
        doc = json.loads(doc)
    return doc


@pytest.mark.parametrize("ascii_only", [True, False])
@pytest.mark.parametrize("as_body", [False, True])
def test_json_encoded_twice_in_a_string(ascii_only: bool, as_body: bool) -> None:
    inner = json.dumps(json.dumps({"xm": "张伟", "sfzh": ID_A}, ensure_ascii=ascii_only), ensure_ascii=ascii_only)
    # as a body: the body a JSON string holding the twice-encoded text (its first layer is the body's)
    body = json.dumps(inner, ensure_ascii=False) if as_body else json.dumps({"data": inner}, ensure_ascii=False)
    for role in ROLES:
        masked = out(body, "application/json", role)
        doc = _decoded(masked)
        if not as_body:
            assert isinstance(doc, dict)
            doc = _decoded(doc["data"])
        assert isinstance(doc, dict), (role, masked)
        assert "张伟" not in doc["xm"] and doc["sfzh"] != ID_A, (role, masked)
        if not as_body:  # the second layer encoded as it came: \\u escapes for an ASCII text
            assert ("\\\\u" in masked) is ascii_only, (role, masked)


@pytest.mark.parametrize(
    "doc",
    [
        {"data": json.dumps(json.dumps({"status": "ok", "count": 3}))},
        {"data": json.dumps(json.dumps({"xzqh": "汉滨区", "lb": "低保"}, ensure_ascii=False), ensure_ascii=False)},
        {"data": '"{not json}"'},
        {"data": '"[1, 2"'},
    ],
)
def test_strings_encoded_twice_without_a_person_stay(doc: object) -> None:
    body = json.dumps(doc, ensure_ascii=False)
    for role in ROLES:
        assert out(body, "application/json", role) == body, role


@pytest.mark.parametrize(
    ("doc", "secrets"),
    [
        ({"persons": {"张伟": {"age": 80}, "李娜": {"age": 75}}}, ["张伟", "李娜"]),
        ({"persons": {"张伟": {"age": 80, "sfzh": ID_A}, "李娜": {"age": 75, "sfzh": ID_B}}}, ["张伟", "李娜"]),
        ({"家庭成员": {"王秀英": "母亲"}}, ["王秀英"]),
        ({"members": {"王秀英": 80, "张强": 52}}, ["王秀英", "张强"]),
        ({"家庭成员": {"欧阳娜娜": {"gx": "女儿"}}}, ["欧阳娜娜"]),
    ],
)
def test_names_as_keys_under_a_key_of_persons(doc: object, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


@pytest.mark.parametrize(
    "persons",
    [
        {"张伟": {"age": 80}, "张强": {"age": 52}, "李娜": {"age": 75}},  # a map of records
        {"张伟": 80, "张强": 52, "李娜": 75},  # an object member by member
    ],
)
def test_masked_keys_do_not_collide(persons: dict[str, object]) -> None:
    # 张伟 and 张强 mask alike (张**, or the strict profile's one mask): a star is added to each
    # mask already taken, so every key stays one of its own and the document valid
    for role in ROLES:
        masked = json.loads(out(json.dumps({"persons": persons}, ensure_ascii=False), "application/json", role))
        assert len(masked["persons"]) == 3 and not set(masked["persons"]) & set(persons), (role, masked)
        assert sorted(map(str, masked["persons"].values())) == sorted(map(str, persons.values())), (role, masked)


@pytest.mark.parametrize(
    "doc",
    [
        {"persons": {"汉滨区": 12, "张家港": 3}},
        {"stats": {"汉滨区": 12, "张家港": 3, "低保": 4}},
        {"members": {"王某": 1, "高龄": 2, "王府井": 3}},
        {"items": {"张伟": 3}},  # a key that says nothing: a name over nothing that identifies
    ],
)
def test_places_and_words_as_keys_stay(doc: object) -> None:
    unchanged_json(doc)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        (f"用户李娜（{ID_A}）申请救助", ["李娜"]),
        (f"居民王秀英({ID_B})独居", ["王秀英"]),
        (f"账户持有者欧阳娜娜（{ID_B}）", ["欧阳娜娜"]),
    ],
)
def test_a_name_glued_after_a_word_before_a_bracketed_id(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (f"身份证号码（{ID_A}）", "身份证号码"),
        (f"经核实（{ID_A}）", "经核实"),
        (f"汉滨区民政局（{ID_A}）", "汉滨区民政局"),
        (f"社区干部({ID_A})", "社区干部"),
        (f"来自张家港({ID_A})", "来自张家港"),
    ],
)
def test_words_before_a_bracketed_id_stay(text: str, kept: str) -> None:
    for role in ROLES:
        for body, media_type in as_bodies(text):
            masked = out(body, media_type, role)
            assert kept in masked and ID_A not in masked, (role, media_type, masked)


@pytest.mark.parametrize("text", ["由张家港照顾", "网格员李娜、张家港", "张大爷、李大妈两户"])
def test_a_county_level_citys_short_name_or_an_address_is_no_name_in_prose(text: str) -> None:
    for role in ROLES:
        for body, media_type in as_bodies(text):
            masked = out(body, media_type, role)
            for word in ("张家港", "张大爷", "李大妈"):
                assert masked.count(word) == text.count(word), (role, media_type, masked)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        # one name after an approval, before what it grants
        ("经研究，同意张伟纳入低保", ["张伟"]),
        ("拟将王秀英列为特困供养对象", ["王秀英"]),
        ("同意欧阳娜娜纳入特困供养", ["欧阳娜娜"]),
        ("批准张伟列入临时救助对象", ["张伟"]),
        # a relation between two names
        ("张伟的母亲王秀英长期患病", ["张伟", "王秀英"]),
        ("李娜之子王强", ["李娜", "王强"]),
        ("经核实张伟的哥哥张强在外务工", ["张伟", "张强"]),
        ("欧阳娜娜的女儿李娜", ["欧阳娜娜", "李娜"]),
        ("和李娜的母亲王秀英", ["李娜", "王秀英"]),
        # the name after a comma after a staff title's name, before a verb
        ("网格员李娜，王强陪同入户", ["李娜", "王强"]),
        ("社工王强，李娜回访", ["王强", "李娜"]),
        # two names joined by 和, 与 or 及 after a staff title (both went out)
        ("网格员李娜和王强入户", ["李娜", "王强"]),
        ("网格员李娜与王强入户走访", ["李娜", "王强"]),
        ("网格员李娜及王强陪同", ["李娜", "王强"]),
        ("村医王强与张伟入户", ["王强", "张伟"]),
        ("网格员李娜和王强", ["李娜", "王强"]),
        ("网格员李娜、王强和张伟入户", ["李娜", "王强", "张伟"]),
    ],
)
def test_names_in_prose(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "经研究，同意纳入低保",
        "同意低保户纳入救助范围",
        "拟将汉滨区列为试点",
        "现将张家港列为试点",
        "同意周一列为值班日",
        "批准王府井列入名录",
        "拟将张家列为帮扶户",
        "同意王某纳入低保",
        "社区的哥哥们都来了",
        "张家的母亲王秀英",
        "王某的母亲李某",
        "张大爷的儿子",
        "张家港市民政局来函",
        "王府井",
        "高龄、失能、半失能老人",
        "张家、李家两户",
        "王某",
        "张大爷",
        "王女士",
        "现将张家港、王府井列为试点",
    ],
)
def test_look_alikes_in_prose_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("网格员李娜，同时入户", "同时入户"),
        ("网格员李娜，高龄老人需照顾", "高龄老人"),
        ("网格员李娜，王府井社区", "王府井社区"),
        ("网格员李娜，张家港来电", "张家港来电"),
        ("网格员李娜，王强", "王强"),  # a comma's run that ends after the name: prose as often
        # after 和, 与 or 及: what is no name stays
        ("网格员李娜和村干部入户", "和村干部入户"),
        ("网格员李娜和同事入户", "和同事入户"),
        ("网格员李娜和张家港来电", "和张家港来电"),
        ("网格员李娜和和平社区", "和和平社区"),
        ("网格员李娜与其母亲", "与其母亲"),
    ],
)
def test_what_follows_a_comma_after_a_staff_titles_name_stays(text: str, kept: str) -> None:
    for role in ROLES:
        for body, media_type in as_bodies(text):
            masked = out(body, media_type, role)
            assert "李娜" not in masked and kept in masked, (role, media_type, masked)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("困难群众张伟家住汉滨区", ["张伟"]),
        ("村民李娜反映情况", ["李娜"]),
        ("居民王强独居", ["王强"]),
        ("患者李娜住院", ["李娜"]),
        ("困难群众王秀英", ["王秀英"]),
    ],
)
def test_a_name_after_persons_of_prose(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "村民委员会",
        "居民委员会盖章",
        "村民代表大会",
        "居民身份证",
        "患者家属陪同",
        "群众反映强烈",
        "人民群众满意",
        "群众路线",
        "村民小组",
        "居民医保",
        "村民张家港",
        "患者王某",
        "居民李某反映",
        "广大村民",
        "村民文化",
        "居民楼",
        "患者病情",
        "村民自治",
        "本村村民均已参保",
    ],
)
def test_persons_of_prose_before_other_words_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("csv", "secrets"),
    [
        (f"张伟,{ID_A},13800138000\n李娜,{ID_B},13912345678\n", ["张伟", "李娜"]),
        (f"1,王秀英,{ID_B}\n2,欧阳娜娜,13912345678\n", ["王秀英", "欧阳娜娜"]),
        (f"张伟\t{ID_A}\n李娜\t{ID_B}\n", ["张伟", "李娜"]),
        (f'"张伟","{ID_A}"\r\n"李娜","13912345678"\r\n', ["张伟", "李娜"]),  # quoted: the RFC 4180 parser
    ],
)
def test_a_name_in_a_csv_without_header_beside_a_persons_number(csv: str, secrets: list[str]) -> None:
    for role in ROLES:
        masked = out(csv, "text/csv", role)
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)


@pytest.mark.parametrize(
    ("csv", "kept"),
    [
        (f"汉滨区,{ID_A}\n张家港,{ID_B}\n", ["汉滨区", "张家港"]),
        (f"低保,{ID_A}\n正常,{ID_B}\n", ["低保", "正常"]),
        (f"王某,{ID_A}\n高龄,{ID_B}\n", ["王某", "高龄"]),
        ("张伟,男,80\n李娜,女,75\n", ["张伟", "李娜"]),  # no person's number in the row
        (f"张伟,{ID_A}\n李娜,备注\n", ["李娜"]),  # the second row holds none
    ],
)
def test_words_in_a_csv_without_header_stay(csv: str, kept: list[str]) -> None:
    for role in ROLES:
        masked = out(csv, "text/csv", role)
        for word in kept:
            assert word in masked, (role, word, masked)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("村民张伟、李娜反映", ["张伟", "李娜"]),
        ("患者张伟、李娜住院", ["张伟", "李娜"]),
        ("困难群众张伟、李娜", ["张伟", "李娜"]),
    ],
)
def test_a_list_after_persons_of_prose(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "村民、居民均可申请",
        "村民张家、李家两户",
        "村民周一、周三值班",
        "村民王某、李某反映",
        "村民代表、居民代表参加",
        "孤儿张家",
    ],
)
def test_households_days_and_words_after_persons_of_prose_stay(text: str) -> None:
    unchanged(text)

"""Persons' names that went out in clear (names round eleven), and words masked as names, through
``Inspector.inspect`` with the strict and the caseworker profiles; the look-alikes beside them
must stay as they are."""

from __future__ import annotations

import json

import pytest

from support.inspected import ROLES, json_leaks, leaks, out, unchanged, unchanged_json

ID_A = "610902199001011235"  # synthetic, with a valid check character
ID_B = "610902194912310022"


# A row of cell objects: the name beside a person's ID number or mobile.


@pytest.mark.parametrize(
    ("doc", "secrets"),
    [
        ({"rows": [[{"v": "张伟"}, {"v": ID_A}, {"v": "13800138000"}]]}, ["张伟"]),
        ({"rows": [[{"v": "张伟"}, {"v": ID_A}], [{"v": "李娜"}, {"v": ID_B}]]}, ["张伟", "李娜"]),
        ([{"value": "王秀英"}, {"value": ID_B}], ["王秀英"]),
        ({"row": [{"text": "李娜"}, {"text": "13912345678"}]}, ["李娜"]),
        ({"row": [{"val": 1}, {"val": "欧阳娜娜"}, {"val": ID_B}]}, ["欧阳娜娜"]),
        ({"row": [{"content": "张强"}, {"content": ID_A}]}, ["张强"]),
        # SheetJS' cell: the text as shown (w) beside the value (v)
        ({"row": [{"t": "s", "v": "张伟", "w": "张伟"}, {"t": "s", "v": ID_A, "w": ID_A}]}, ["张伟"]),
    ],
)
def test_a_name_in_a_row_of_cell_objects_beside_a_persons_number(doc: object, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


@pytest.mark.parametrize(
    "row",
    [
        [{"v": "汉滨区"}, {"v": ID_A}],
        [{"v": "王府井"}, {"v": "13912345678"}],
        [{"v": "张家港"}, {"v": ID_A}],
        [{"v": "王某"}, {"v": ID_A}],
        [{"v": "低保"}, {"v": ID_A}],
    ],
)
def test_a_place_category_or_pseudonym_in_such_a_row_stays(row: list[dict[str, str]]) -> None:
    for role in ROLES:
        masked = json.loads(out(json.dumps({"rows": [row]}, ensure_ascii=False), "application/json", role))
        assert masked["rows"][0][0] == row[0], (role, masked)
        assert masked["rows"][0][1] != row[1], (role, masked)


@pytest.mark.parametrize(
    "doc",
    [
        {"rows": [[{"v": "张伟"}, {"v": "男"}, {"v": 80}]]},  # no person's number in the row
        {"rows": [[{"v": "张伟"}, {"v": "李娜"}]]},
    ],
)
def test_a_row_of_cell_objects_without_a_persons_number_stays(doc: object) -> None:
    unchanged_json(doc)


# A record keyed by a name under a key that says nothing, with no ID number in it.


@pytest.mark.parametrize(
    ("doc", "secrets"),
    [
        ({"data": {"张伟": {"age": 80, "lxdh": "13800138000"}}}, ["张伟"]),
        ({"data": {"王秀英": {"gender": "女", "address": "汉滨区育才路12号"}}}, ["王秀英"]),
        ({"data": {"张伟": {"nl": 80}, "李娜": {"xb": "女"}}}, ["张伟", "李娜"]),
        ({"result": {"欧阳娜娜": {"csrq": "1990-01-01", "yhzgx": "女儿"}}}, ["欧阳娜娜"]),
    ],
)
def test_a_record_keyed_by_a_name_holding_a_persons_fields(doc: object, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


@pytest.mark.parametrize(
    "doc",
    [
        {"data": {"汉滨区": {"count": 12}}},
        {"stats": {"张家港": {"count": 3, "age": 80}}},
        {"data": {"王府井": {"lxdh": "13800138000"}}},  # a place's record has a contact mobile
        {"data": {"张伟": {"count": 3, "score": 80}}},  # nothing only a person has
        {"data": {"王某": {"age": 80}, "高龄": {"age": 85}}},
    ],
)
def test_places_and_words_keying_records_stay(doc: dict[str, dict[str, dict[str, object]]]) -> None:
    for role in ROLES:
        masked = json.loads(out(json.dumps(doc, ensure_ascii=False), "application/json", role))
        for outer, inner in doc.items():
            assert list(masked[outer]) == list(inner), (role, masked)


# Prose: a relative after a surname and an address, a list's second name before a verb no list
# holds, a visited household.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("张大爷的儿子张强在外务工", ["张强"]),
        ("王女士的女儿李娜在外务工", ["李娜"]),
        ("王某的儿子张强长期外出", ["张强"]),
        ("王某某的儿子张强长期外出", ["张强"]),
        ("李某之女王秀英患病", ["王秀英"]),
        ("和李娜的母亲王秀英住在一起", ["李娜", "王秀英"]),
        ("民警张伟、李娜到场", ["张伟", "李娜"]),
        ("村医王强与张伟一同入户", ["王强", "张伟"]),
        ("网格员李娜和欧阳娜娜到场处理", ["李娜", "欧阳娜娜"]),
        ("入户走访了王秀英家", ["王秀英"]),
        ("慰问李娜家，了解生活情况", ["李娜"]),
    ],
)
def test_names_in_prose(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("张大爷的儿子张强在外务工", "张大爷"),
        ("王女士的女儿李娜在外务工", "王女士"),
        ("王某的儿子张强长期外出", "王某的儿子"),  # a pseudonym already
        ("王某某的儿子张强长期外出", "王某某的儿子"),
    ],
)
def test_the_surname_and_address_before_a_named_relative_stays(text: str, kept: str) -> None:
    for role in ROLES:
        assert out(text, "text/plain", role).startswith(kept), role


@pytest.mark.parametrize(
    "text",
    [
        "张家港市民政局来函",
        "王府井",
        "高龄、失能、半失能老人",
        "张家、李家两户",
        "王某",
        "张大爷",
        "王女士",
        "和平社区",
        "和同事",
        "张家的母亲王秀英",
        "走访了困难家庭",
        "走访了张家港家",
        "走访了低保户家",
        "村民白天外出",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "name", "tail"),
    [
        ("民警张伟和同事到场", "张伟", "和同事到场"),
        ("网格员李娜与张大爷到场", "李娜", "与张大爷到场"),
        ("民警张伟、张家港来电", "张伟", "、张家港来电"),
        ("网格员李娜和村干部入户", "李娜", "和村干部入户"),
        ("网格员李娜和和平社区", "李娜", "和和平社区"),
        ("网格员李娜、王府井社区", "李娜", "、王府井社区"),
    ],
)
def test_a_word_after_a_staff_members_name_stays(text: str, name: str, tail: str) -> None:
    for role in ROLES:
        masked = out(text, "text/plain", role)
        assert name not in masked and masked.endswith(tail), (role, masked)


# JSON encoded three times or more in a string.


def _decoded(text: str) -> object:
    """``text`` decoded until it is no JSON string."""
    doc: object = json.loads(text)
    while isinstance(doc, str) and doc[:1] in ('"', "{", "["):
        doc = json.loads(doc)
    return doc


@pytest.mark.parametrize("times", [3, 4, 5])
@pytest.mark.parametrize("ascii_only", [True, False])
def test_json_encoded_three_times_or_more_in_a_string(times: int, ascii_only: bool) -> None:
    text = json.dumps({"xm": "张伟", "sfzh": ID_A}, ensure_ascii=ascii_only)
    for _ in range(times - 1):
        text = json.dumps(text, ensure_ascii=ascii_only)
    body = json.dumps({"data": text}, ensure_ascii=False)
    for role in ROLES:
        masked = out(body, "application/json", role)
        outer = json.loads(masked)
        assert isinstance(outer, dict)
        doc = _decoded(outer["data"])
        assert isinstance(doc, dict), (role, masked)
        assert "张伟" not in doc["xm"] and doc["sfzh"] != ID_A, (role, masked)
        # encoded as it came: as many layers, \\u escapes for an ASCII text
        layers, inner = 0, outer["data"]
        while isinstance(inner, str):
            inner, layers = json.loads(inner), layers + 1
        assert layers == times and outer["data"].isascii() is ascii_only, (role, masked)


@pytest.mark.parametrize(
    "doc",
    [
        {"data": json.dumps(json.dumps(json.dumps({"status": "ok", "count": 3})))},
        {"data": json.dumps(json.dumps(json.dumps({"xzqh": "汉滨区"}, ensure_ascii=False), ensure_ascii=False))},
        {"data": '"\\"{not json}\\""'},
        {"data": '"\\"[1, 2\\""'},
    ],
)
def test_strings_encoded_three_times_without_a_person_stay(doc: object) -> None:
    body = json.dumps(doc, ensure_ascii=False)
    for role in ROLES:
        assert out(body, "application/json", role) == body, role


def test_json_encoded_past_the_depth_is_scanned_raw() -> None:
    text = json.dumps({"sfzh": ID_A})
    for _ in range(6):  # six layers: past _MAX_ENCODED, the ID number is still found raw
        text = json.dumps(text)
    for role in ROLES:
        assert ID_A not in out(json.dumps({"data": text}), "application/json", role), role


# Words masked as names after a role or a category, and a pseudonym beside an ID number.


@pytest.mark.parametrize(
    "text",
    [
        "低保户张家港",
        "老人周一、周三值班",
        "老人周末、周日值班",
        "村民白天外出",
    ],
)
def test_a_day_or_a_city_after_a_role_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize("text", [f"王某({ID_A})", f"王某（{ID_A}）", f"李某某({ID_A})"])
def test_a_pseudonym_beside_an_id_number_stays_and_the_number_is_masked(text: str) -> None:
    for role in ROLES:
        masked = out(text, "text/plain", role)
        pseudonym = text[: text.index(ID_A) - 1]  # 王某, before the bracket
        assert masked.startswith(pseudonym + text[len(pseudonym)]) and ID_A not in masked, (role, masked)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("低保户张伟", ["张伟"]),
        ("老人周伟、周强值班", ["周伟"]),
        (f"王伟({ID_A})", ["王伟"]),
        ("村民钟声", ["钟声"]),  # a surname and a word that is a given name as well: a name
    ],
)
def test_names_beside_them_still_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


# A name at the end of a run before a bracketed ID number, told by the test a name before a
# relation has (name_lists.tail_whole serves both).


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        (f"用户扎西多吉({ID_A})", ["扎西多吉", "多吉"]),
        (f"居民欧阳娜娜（{ID_A}）", ["欧阳娜娜"]),
        (f"用户李娜({ID_A})", ["李娜"]),
    ],
)
def test_a_name_glued_before_a_bracketed_id_number(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize("word", ["王大爷", "张老", "和平", "周一", "李家"])
def test_an_address_a_household_or_a_day_before_a_bracketed_id_number_stays(word: str) -> None:
    for role in ROLES:
        masked = out(f"用户{word}({ID_A})", "text/plain", role)
        assert masked.startswith(f"用户{word}(") and ID_A not in masked, (role, masked)

"""Personal data in shapes of bodies that went out in clear (twenty-sixth round, formats round
five): a bank and its account in two JSON members (``{"khh": "农商行", "zh": "6221…"}``:
jsonbanks), an ID number's parts keyed by their length or as ``idPart`` (``sfzh_q6``/``sfzh_h12``,
``idPart1``/``idPart2``: partkeys), a name in an English sentence (``his mother 王秀英``:
entities/name_english), a name padded by spaces before an ID number (``  张伟  <ID>``:
name_runs.beside_number_apart), a name-shaped value beside an ID number in an object whose keys say
nothing (``{"a": "张伟", "b": <ID>}``: jsoncells.RowCells.object_names) and a relation graph's
nodes (vis.js' ``nodes``/``edges``, ECharts' ``data``/``links``: jsongraph). Each leaked for the
strict and the caseworker profile; the look-alikes beside them come out as they went in."""

from __future__ import annotations

import json
from typing import Any

import pytest

from support.inspected import ROLES, in_clear, json_leaks, leaks, out, unchanged, unchanged_json

ID = "610902199001011235"  # checksum-valid, region 610902 (汉阴县)
ACCOUNT = "6221558812345678901"  # fails the Luhn check: an account, not a card
CARD = "6221558812345678908"  # passes it


LEAKS: list[tuple[Any, list[str]]] = [
    # A bank's key beside an account's that says nothing alone (zh: 组号, 证号 as often).
    ({"khh": "中国农业银行城关支行", "zh": ACCOUNT}, [ACCOUNT]),
    ({"khyh": "农商行", "zh": ACCOUNT}, [ACCOUNT]),
    ({"khyh": "农商行", "zh": CARD}, [CARD]),  # caught before: the Luhn check alone
    ({"开户行": "中国农业银行城关支行", "账号": ACCOUNT}, [ACCOUNT]),
    ({"开户银行": "城关信用社", "帐号": ACCOUNT}, [ACCOUNT]),
    ({"zh": ACCOUNT, "khh": "农商行"}, [ACCOUNT]),  # the bank after the account
    ({"data": {"xm": "张伟", "khh": "农商行", "zh": ACCOUNT}}, ["张伟", ACCOUNT]),
    # a list of records, walked column by column
    ([{"xm": "张伟", "khh": "农商行", "zh": ACCOUNT}, {"xm": "李娜", "khh": "农商行", "zh": CARD}], [ACCOUNT, CARD]),
    # An ID number's parts keyed by a part's pinyin initial and its length, and as idPart.
    ({"sfzh_q6": "610902", "sfzh_h12": "199001011235"}, ["199001011235"]),
    ({"sfzhq6": "610902", "sfzhh12": "199001011235"}, ["199001011235"]),
    ({"sfzh_q": "610902", "sfzh_h": "199001011235"}, ["199001011235"]),  # caught before (round fifteen)
    ({"idPart1": "610902", "idPart2": "199001011235"}, ["199001011235"]),
    ({"xm": "张伟", "idPart1": "6109021990", "idPart2": "01011235"}, ["张伟", "01011235"]),
    ({"id_part1": "610902", "id_part2": "19900101", "id_part3": "1235"}, ["19900101"]),
    # A name-shaped value beside an ID number in an object whose keys say nothing.
    ({"a": "张伟", "b": ID}, ["张伟", ID]),
    ({"title": "王秀英", "desc": ID}, ["王秀英", ID]),
    ({"b": ID, "a": "李娜"}, ["李娜", ID]),
    # A relation graph's nodes: vis.js (nodes and edges by id), ECharts (data and links by name).
    (
        {
            "nodes": [{"id": 1, "label": "张伟"}, {"id": 2, "label": "王秀英"}],
            "edges": [{"from": 1, "to": 2, "label": "母子"}],
        },
        ["张伟", "王秀英"],
    ),
    (
        {
            "series": [
                {
                    "type": "graph",
                    "data": [{"name": "张伟"}, {"name": "李娜"}],
                    "links": [{"source": "张伟", "target": "李娜", "value": "夫妻"}],
                }
            ]
        },
        ["张伟", "李娜"],
    ),
    (  # caught before: "name" is a name's key
        {
            "nodes": [{"id": "a", "name": "张伟"}, {"id": "b", "name": "李娜"}],
            "links": [{"source": "a", "target": "b"}],
        },
        ["张伟", "李娜"],
    ),
]


@pytest.mark.parametrize(("doc", "secrets"), LEAKS)
def test_personal_data_in_these_shapes_is_masked(doc: Any, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


STAY: list[Any] = [
    # zh alone, zzh, and a bank's other members: what today keeps in clear.
    {"zh": ACCOUNT},
    {"zzh": ACCOUNT},
    {"khh": "农商行", "zzh": ACCOUNT},
    {"khh": "农商行", "hh": "102791000123"},  # the bank's own number (行号)
    {"khh": "农商行", "je": "800.00", "rq": "2024-01-01"},
    {"yhmc": "农商行", "zhzt": "正常"},  # 账号状态
    {"khh": "农商行", "zh": "admin"},  # a login beside a bank: no number
    # Parts that are no ID number: a business number in parts, one part alone, no pair.
    {"idPart1": "2024", "idPart2": "000123"},
    {"orderPart1": "610902", "orderPart2": "20240101"},
    {"sfzh_q6": "610902", "bz": "199001011235"[:4]},
    {"bh_q6": "202401", "bh_h12": "000000000123"},
    # Keys that say nothing beside a number that is no ID number's, or no name beside one.
    {"a": "张伟", "b": "12345"},
    {"a": "周报", "b": "2024-01-01"},
    {"title": "低保", "desc": "800.00"},
    # Graphs of places and categories, a graph with a label that is no name, nodes with no edges.
    {"nodes": [{"id": 1, "label": "汉滨区"}, {"id": 2, "label": "汉阴县"}], "edges": [{"from": 1, "to": 2}]},
    {"nodes": [{"id": 1, "label": "低保"}, {"id": 2, "label": "特困"}], "edges": [{"from": 1, "to": 2}]},
    {"nodes": [{"id": 1, "label": "张伟"}, {"id": 2, "label": "民政局"}], "edges": [{"from": 1, "to": 2}]},
    {"nodes": [{"id": 1, "label": "周一"}, {"id": 2, "label": "周二"}], "edges": []},
    # records with links of their own (HATEOAS), titles of a name's shape: no graph
    [{"title": "周报", "links": [{"rel": "self", "href": "/r/1"}]}, {"title": "月报", "links": []}],
    {"nodes": [{"id": 1, "label": "周一"}, {"id": 2, "label": "周二"}], "edges": [{"from": 1, "to": 2}]},
    # An axis of weekdays (周 is a surname): masked as names before this round.
    {"xAxis": {"data": ["周一", "周二", "周三"]}, "series": [{"data": [3, 5, 2]}]},
    {"labels": ["周一", "周二"], "datasets": [{"data": [3, 5]}]},
]


@pytest.mark.parametrize("doc", STAY)
def test_look_alikes_stay(doc: Any) -> None:
    unchanged_json(doc)


def test_a_place_beside_an_id_number_stays() -> None:
    for role in ROLES:
        masked = json.loads(out(json.dumps({"a": "汉阴县", "b": ID}, ensure_ascii=False), "application/json", role))
        assert masked["a"] == "汉阴县" and masked["b"] != ID, (role, masked)


@pytest.mark.parametrize(
    "doc",
    [
        {"code": 0, "msg": "成功", "data": {"sfzh": ID}},  # an envelope: 成功 is of a name's shape
        {"msg": "成功", "sfzh": ID},  # a key the catalog knows beside it
        {"msg": "成功", "data": ID},  # under a message's key
        {"a": "成功", "b": {"c": ID}},  # an object among the values: no row
        {"msg": "成功", "type": "申请", "data": ID},  # under a type's key
    ],
)
def test_an_envelope_word_beside_an_id_number_stays(doc: dict[str, Any]) -> None:
    for role in ROLES:
        masked = json.loads(out(json.dumps(doc, ensure_ascii=False), "application/json", role))
        word = "msg" if "msg" in doc else "a"
        assert masked[word] == "成功" and ID not in json.dumps(masked), (role, masked)


@pytest.mark.parametrize("bank", ["农商行", "农行", "工商银行"])
def test_a_bank_beside_its_account_stays(bank: str) -> None:
    for role in ROLES:
        doc = {"khh": bank, "zh": ACCOUNT}
        masked = json.loads(out(json.dumps(doc, ensure_ascii=False), "application/json", role))
        assert masked["khh"] == bank and masked["zh"] != ACCOUNT, (role, masked)


def test_a_graph_keeps_its_shape_and_edge_labels() -> None:
    doc = {
        "nodes": [{"id": 1, "label": "张伟"}, {"id": 2, "label": "王秀英"}],
        "edges": [{"from": 1, "to": 2, "label": "母子"}],
    }
    masked = json.loads(out(json.dumps(doc, ensure_ascii=False), "application/json", "caseworker"))
    assert [node["id"] for node in masked["nodes"]] == [1, 2], masked
    labels = [node["label"] for node in masked["nodes"]]
    assert "张伟" not in labels and "王秀英" not in labels, masked
    assert [label[0] for label in labels] == ["张", "王"], masked  # the surname kept
    assert masked["edges"] == doc["edges"], masked


def test_an_echarts_link_names_its_nodes_as_masked() -> None:
    doc = {
        "type": "graph",
        "data": [{"name": "张伟"}, {"name": "李娜"}],
        "links": [{"source": "张伟", "target": "李娜"}],
    }
    masked = json.loads(out(json.dumps(doc, ensure_ascii=False), "application/json", "caseworker"))
    names = [item["name"] for item in masked["data"]]
    assert [masked["links"][0]["source"], masked["links"][0]["target"]] == names, masked


# A name in an English sentence, after a word that says a person.
TEXT_LEAKS = [
    ("Visited Zhang Wei at home; his mother 王秀英 lives with him", ["王秀英"]),
    ("Person 张伟 not found", ["张伟"]),
    ("user 李娜 already exists", ["李娜"]),
    ("Applicant: 张伟, ID pending", ["张伟"]),  # caught before: 张伟, after the comma
    ("NotFoundException: 王秀英", ["王秀英"]),
    # A name padded by spaces before or after an ID number, in one value.
    (f"  张伟  {ID}", ["张伟", ID]),
    (f"王秀英    {ID}", ["王秀英", ID]),
    (f"{ID}   李娜", ["李娜", ID]),
]


@pytest.mark.parametrize(("text", "secrets"), TEXT_LEAKS)
def test_names_in_these_texts_are_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


TEXT_STAY = [
    "Category 低保 not found",
    "Region 汉滨区 not found",
    "Exception: 低保 not allowed",
    "Person 123 not found",
    "order for 周报 sent",  # no word that says a person
    "user admin already exists",
    "Status 已办结",
]


@pytest.mark.parametrize("text", TEXT_STAY)
def test_english_look_alikes_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize("label", ["备注", "汉阴县", "合计"])
def test_a_padded_label_or_place_before_an_id_number_stays(label: str) -> None:
    in_clear(f"  {label}  {ID}", label)


# A payment sheet's columns (thirty-fifth session): 账号 beside a column naming the account's bank is
# the bank's account, as in a JSON object (fastcsv, jsonbanks).
@pytest.mark.parametrize(
    "body",
    [
        f"户名,开户行,账号,金额\n张伟,农业银行城关支行,{ACCOUNT},580\n李娜,信用社,{ACCOUNT},600\n",
        f'户名,开户行,账号,备注\n"张伟","农业银行城关支行","{ACCOUNT}","a,b"\n',
        f"户名\t开户银行\t帐号\n张伟\t农业银行\t{ACCOUNT}\n",
        f"xm,khh,zh\n张伟,农商行,{ACCOUNT}\n",
    ],
)
def test_an_account_beside_its_banks_column_is_masked(body: str) -> None:
    for role in ROLES:
        masked = out(body, "text/csv", role)
        assert ACCOUNT not in masked and "张伟" not in masked, (role, masked)


@pytest.mark.parametrize(
    "body",
    [
        f"序号,账号,金额\n1,{ACCOUNT},580\n",  # no bank's column: 账号 says nothing alone
        "户名,开户行,账号\n,农商行,admin\n",
        f"开户行,zzh\n农商行,{ACCOUNT}\n",
    ],
)
def test_an_account_without_its_banks_column_stays(body: str) -> None:
    for role in ROLES:
        assert out(body, "text/csv", role) == body, role

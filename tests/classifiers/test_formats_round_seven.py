"""Personal data in shapes of bodies that went out in clear (twenty-eighth round, formats round
seven): a name written in two members or columns, surname and given name (``nameparts``). Each
leaked for the strict and the caseworker profile; the look-alikes beside them come out as they
went in. Also: relation graphs in Cytoscape's array form, persons beside households, an edge naming a
node masked under its key (``jsongraph``); names under keys that name a person as often as not
(``syr``, ``zn``: ``jsoncells.BY_CONTENT``) beside an ID number; a YAML or TOML flow mapping's names
beside ID numbers under keys that say nothing (``datatext.rewrite``), and the same in a form body
(``formnames``) and in an XML element's attributes (``markup_names``)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from support.inspected import ROLES, body_leaks, json_leaks, out, unchanged_json

ID = "610902199001011235"  # checksum-valid, region 610902 (汉阴县)
ID2 = "610902198505052343"

# A name in two members: the pair is the name they join into.
SPLIT_NAMES: list[tuple[Any, list[str]]] = [
    ({"familyName": "张", "givenName": "伟"}, ["伟"]),
    ({"xing": "张", "ming": "伟"}, ["伟"]),
    ({"姓": "张", "名": "伟"}, ["伟"]),
    ({"firstName": "伟", "lastName": "张", "sfzh": ID}, ["伟", ID]),
    ({"last_name": "王", "first_name": "秀英"}, ["秀英"]),
    ({"familyName": "欧阳", "givenName": "娜娜", "age": 3}, ["娜娜"]),
    ([{"xing": "张", "ming": "伟"}, {"xing": "李", "ming": "娜"}], ["伟", "娜"]),
    ({"data": [{"姓": "张", "名": "伟", "age": 30}, {"姓": "李", "名": "娜", "age": 31}]}, ["伟", "娜"]),
]


@pytest.mark.parametrize(("doc", "secrets"), SPLIT_NAMES)
def test_a_name_in_two_members_is_masked(doc: Any, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


def test_the_strict_profile_masks_the_surname_too() -> None:
    body = '{"xing": "张", "ming": "伟", "age": 30}'
    assert "张" not in out(body, "application/json", "outsourced")


CSV_SPLIT_NAMES: list[tuple[str, list[str]]] = [
    ("姓,名,年龄\n张,伟,30\n李,娜,31\n", ["伟", "娜"]),
    (f"xing,ming,sfzh\n张,伟,{ID}\n李,娜,{ID2}\n", ["伟", "娜", ID]),
    ("序号,familyName,givenName\n1,王,秀英\n2,欧阳,娜娜\n", ["秀英", "娜娜"]),
]


@pytest.mark.parametrize(("body", "secrets"), CSV_SPLIT_NAMES)
def test_a_name_in_two_columns_is_masked(body: str, secrets: list[str]) -> None:
    for role in ROLES:
        masked = out(body, "text/csv", role)
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)


KEPT: list[Any] = [
    {"familyName": "张", "age": 30},  # a surname alone is weak evidence
    {"ming": "伟", "age": 30},
    {"xing": "周", "ming": "一"},  # a weekday
    {"姓": "是", "名": "否"},
    {"姓": "合", "名": "计"},
    {"xing": "", "ming": ""},
    {"familyName": "Smith", "givenName": "John"},
    [{"xing": "男", "ming": "女"}, {"xing": "是", "ming": "否"}],
]


@pytest.mark.parametrize("doc", KEPT)
def test_look_alikes_come_out_as_they_went_in(doc: Any) -> None:
    unchanged_json(doc)


CSV_KEPT = [
    "姓,名,年龄\n是,否,30\n",
    "xing,ming\n,\n",
    "姓,年龄\n张,30\n",  # a surname's column beside no given name's
]


@pytest.mark.parametrize("body", CSV_KEPT)
def test_csv_look_alikes_come_out_as_they_went_in(body: str) -> None:
    for role in ROLES:
        assert out(body, "text/csv", role) == body, role


def _elements(labels: list[str], group: bool = True) -> dict[str, Any]:
    """Cytoscape's array form: nodes and edges in one list under elements."""
    nodes = [{"data": {"id": f"n{i}", "label": label}} for i, label in enumerate(labels)]
    edges = [{"data": {"id": "e1", "source": "n0", "target": "n1", "label": "母子"}}]
    if group:
        nodes = [{**node, "group": "nodes"} for node in nodes]
        edges = [{**edge, "group": "edges"} for edge in edges]
    return {"elements": [*nodes, *edges]}


GRAPHS: list[tuple[Any, list[str]]] = [
    (_elements(["张伟", "李娜"]), ["张伟", "李娜"]),
    (_elements(["张伟", "李娜", "王秀英"], group=False), ["张伟", "李娜", "王秀英"]),
    # nodes known by their id alone, the edges naming them
    (
        {
            "elements": [
                {"data": {"id": "张伟"}},
                {"data": {"id": "李娜"}},
                {"data": {"source": "张伟", "target": "李娜"}},
            ]
        },
        ["张伟", "李娜"],
    ),
    # persons typed beside a household, in the array form
    (
        {
            "elements": [
                {"data": {"id": "p1", "label": "王秀英", "type": "成员"}, "group": "nodes"},
                {"data": {"id": "h1", "label": "城关镇", "type": "户"}, "group": "nodes"},
                {"data": {"source": "p1", "target": "h1"}, "group": "edges"},
            ]
        },
        ["王秀英"],
    ),
    # persons beside their household, no node typed
    (
        {
            "nodes": [
                {"id": 1, "label": "张伟"},
                {"id": 2, "label": "李娜"},
                {"id": 3, "label": "幸福村3组12号"},
                {"id": 4, "label": "张伟户"},
            ],
            "edges": [{"from": 1, "to": 3}, {"from": 2, "to": 4}],
        },
        ["张伟", "李娜"],
    ),
    # ECharts: the walk masks a node's name under its key, and the link naming it went out in clear
    (
        {
            "type": "graph",
            "data": [{"name": "张伟"}, {"name": "民政局"}],
            "links": [{"source": "张伟", "target": "民政局"}],
        },
        ["张伟"],
    ),
    (
        {
            "series": [
                {
                    "type": "graph",
                    "data": [{"name": "李娜"}, {"name": "城关镇"}],
                    "links": [{"source": "李娜", "target": "城关镇"}],
                }
            ]
        },
        ["李娜"],
    ),
]


# Cytoscape's elements at the top of the document, or under a key of another name.
GRAPHS += [
    (_elements(["张伟", "李娜"])["elements"], ["张伟", "李娜"]),
    (
        {"graph": [{"data": {"id": "张伟"}}, {"data": {"id": "李娜"}}, {"data": {"source": "张伟", "target": "李娜"}}]},
        ["张伟", "李娜"],
    ),
]


@pytest.mark.parametrize(("doc", "secrets"), GRAPHS)
def test_names_in_these_graphs_are_masked(doc: Any, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


GRAPHS_KEPT: list[Any] = [
    _elements(["汉阴县", "汉滨区"]),
    _elements(["民政局", "城关镇"]),
    _elements(["周一", "周二"]),
    {"elements": [{"data": {"id": "n1", "label": "周报"}}, {"data": {"id": "n2", "label": "月报"}}]},  # no edge
    # names beside units keep them all (an axis); weekdays beside a town too
    {"nodes": [{"id": 1, "label": "张伟"}, {"id": 2, "label": "民政局"}], "edges": [{"from": 1, "to": 2}]},
    {"nodes": [{"id": 1, "label": "周一"}, {"id": 2, "label": "城关镇"}], "edges": [{"from": 1, "to": 2}]},
    {
        "type": "graph",
        "data": [{"name": "民政局"}, {"name": "城关镇"}],
        "links": [{"source": "民政局", "target": "城关镇"}],
    },
]


GRAPHS_KEPT += [
    _elements(["汉阴县", "汉滨区"])["elements"],
    [{"code": 0, "data": {"bz": "周报"}}, {"code": 0, "data": {"bz": "月报"}}, {"code": 0, "data": {"bz": "年报"}}],
]


@pytest.mark.parametrize("doc", GRAPHS_KEPT)
def test_graph_look_alikes_come_out_as_they_went_in(doc: Any) -> None:
    unchanged_json(doc)


# Keys the catalog leaves out (赡养人 syr, 子女 zn, 供养人 gyr, 扶养人 fyr): a name under one beside an
# ID number in its object.
BY_CONTENT: list[tuple[Any, list[str]]] = [
    ({"syr": "张伟", "sfzh": ID}, ["张伟", ID]),
    ({"syr": "张伟", "syrsfzh": ID}, ["张伟"]),
    ([{"syr": "张伟", "syrsfzh": ID}, {"syr": "李娜", "syrsfzh": ID2}], ["张伟", "李娜"]),
    ({"zn": "张小伟", "znsfzh": ID2}, ["张小伟"]),
    ({"fyr": "王秀英", "sfzh": ID, "je": 800}, ["王秀英"]),
    (
        [{"gyr": "李娜", "sfzh": ID, "rq": "2024-01-01"}, {"gyr": "张伟", "sfzh": ID2, "rq": "2024-02-01"}],
        ["李娜", "张伟"],
    ),
    # beside its own ID number's key, in a record that names someone else
    ({"zn": "张小伟", "znsfzh": ID2, "xm": "张伟", "sfzh": ID}, ["张小伟"]),
    (
        [
            {"xm": "张伟", "sfzh": ID, "zn": "张小伟", "znsfzh": ID2},
            {"xm": "李娜", "sfzh": ID2, "zn": "李小娜", "znsfzh": ID},
        ],
        ["张小伟", "李小娜"],
    ),
]


@pytest.mark.parametrize(("doc", "secrets"), BY_CONTENT)
def test_a_name_under_such_a_key_beside_an_id_is_masked(doc: Any, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


BESIDE_AN_ID: list[tuple[Any, list[str]]] = [
    ({"syr": "民政局", "sfzh": ID}, ["民政局"]),
    ({"syr": "本人", "sfzh": ID}, ["本人"]),
    ({"zn": "有", "sfzh": ID}, ["有"]),
    ({"zn": "2", "sfzh": ID}, ['"2"']),
    ({"gyr": "集中供养", "sfzh": ID}, ["集中供养"]),
    ([{"zn": "无", "sfzh": ID}, {"zn": "有", "sfzh": ID2}], ["无", "有"]),
    ([{"syr": "汉阴县", "sfzh": ID}, {"syr": "城关镇", "sfzh": ID2}], ["汉阴县", "城关镇"]),
    ({"zn": "有", "znsfzh": ID, "xm": "张伟"}, ['"有"']),
    ([{"zn": "2", "znsfzh": ID, "xm": "张伟"}, {"zn": "无", "znsfzh": ID2, "xm": "李娜"}], ['"2"', '"无"']),
    ({"syr": "民政局", "syrsfzh": ID}, ["民政局"]),
]


@pytest.mark.parametrize(("doc", "kept"), BESIDE_AN_ID)
def test_words_under_such_a_key_beside_a_masked_number_stay(doc: Any, kept: list[str]) -> None:
    body = json.dumps(doc, ensure_ascii=False)
    for role in ROLES:
        masked = out(body, "application/json", role)
        assert ID not in masked, (role, masked)
        for word in kept:
            assert word in masked, (role, word, masked)


@pytest.mark.parametrize("doc", [{"syr": "张伟"}, {"zn": "张小伟", "age": 8}, {"syr": "张伟", "dh": "12345"}])
def test_a_name_under_such_a_key_alone_stays(doc: Any) -> None:
    unchanged_json(doc)


# YAML's and TOML's flow mappings and sequences: what the data's walk masked, written where the
# scalar stands (after the bracket or a comma, and a key).
FLOW: list[tuple[str, str, list[str]]] = [
    (f"{{a: 张伟, b: '{ID}'}}\n", "application/yaml", ["张伟", ID]),
    (f"persons:\n  - {{a: 张伟, b: '{ID}'}}\n  - {{a: 李娜, b: '{ID2}'}}\n", "application/yaml", ["张伟", "李娜"]),
    (f'- {{a: 王秀英, b: "{ID}", c: 800}}\n', "text/yaml", ["王秀英"]),
    (f'p = {{a = "张伟", b = "{ID}"}}\n', "application/toml", ["张伟"]),
    (f'persons = [{{a = "张伟", b = "{ID}"}}, {{a = "李娜", b = "{ID2}"}}]\n', "application/toml", ["张伟", "李娜"]),
]


@pytest.mark.parametrize(("body", "media_type", "secrets"), FLOW)
def test_names_in_flow_mappings_are_masked(body: str, media_type: str, secrets: list[str]) -> None:
    for role in ROLES:
        masked = out(body, media_type, role)
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)
        if "yaml" in media_type:  # still YAML, its masks strings ([已屏蔽] bare were a sequence)
            assert yaml.safe_load(masked), masked


FLOW_KEPT = [
    f"{{a: 汉阴县, b: '{ID}'}}\n",
    f"{{msg: 成功, b: '{ID}'}}\n",
    f"{{a: 城关镇, b: '{ID}'}}\n",
]


@pytest.mark.parametrize("body", FLOW_KEPT)
def test_words_in_flow_mappings_beside_a_masked_number_stay(body: str) -> None:
    word = body[4:7]
    for role in ROLES:
        masked = out(body, "application/yaml", role)
        assert ID not in masked and word in masked, (role, masked)


# A number under a key that names it, written bare: YAML and TOML parse it to an integer, which the
# data's walk masks (the text's walk reads no pinyin key as a label) and was written back only as
# a string's mask.
NUMBERS: list[tuple[str, str, list[str]]] = [
    ("lxdh: 3212345\ncount: 3\n", "application/yaml", ["3212345"]),
    ("yhkh: 6222021234567890128\n", "application/yaml", ["02123456789"]),
    ("- {xm: 王小, lxdh: 3212345}\n", "application/yaml", ["3212345", "王小"]),
    ("lxdh = 3212345\nn = 3\n", "application/toml", ["3212345"]),
]


@pytest.mark.parametrize(("body", "media_type", "secrets"), NUMBERS)
def test_a_bare_number_under_its_key_is_masked(body: str, media_type: str, secrets: list[str]) -> None:
    body_leaks(body, media_type, secrets)


def test_a_count_beside_a_masked_number_stays() -> None:
    for body, media_type in (
        ("lxdh: 3212345\ncount: 3\n", "application/yaml"),
        ("lxdh = 3212345\nn = 3\n", "application/toml"),
    ):
        for role in ROLES:
            assert out(body, media_type, role).endswith(" 3\n"), role


def test_a_bare_number_under_a_business_key_stays() -> None:
    for body in ("ffje: 3212345\n", "lsh: 6222021234567890120\n"):
        for role in ROLES:
            assert out(body, "application/yaml", role) == body, role


def test_a_flow_mapping_of_a_name_beside_a_business_number_stays() -> None:
    body = "{a: 张伟, b: '12345'}\n"
    for role in ROLES:
        assert out(body, "application/yaml", role) == body, role


FORM = "application/x-www-form-urlencoded"
# A form body's full names beside an ID number, under field names that say nothing.
FORMS: list[tuple[str, list[str]]] = [
    (f"a=张伟&b={ID}&a=李娜&b={ID2}", ["%E5%BC%A0%E4%BC%9F", "%E6%9D%8E%E5%A8%9C", "张伟", "李娜"]),  # repeated keys
    (f"a=张伟&b={ID}", ["%E5%BC%A0%E4%BC%9F", "张伟"]),
    (f"f1=%E7%8E%8B%E7%A7%80%E8%8B%B1&f2={ID}&f3=800", ["%E7%8E%8B%E7%A7%80%E8%8B%B1", "王秀英"]),  # escaped
]


@pytest.mark.parametrize(("body", "secrets"), FORMS)
def test_names_in_a_form_beside_an_id_are_masked(body: str, secrets: list[str]) -> None:
    for role in ROLES:
        masked = out(body, FORM, role)
        for secret in [*secrets, ID]:
            assert secret not in masked, (role, secret, masked)


@pytest.mark.parametrize(
    ("body", "word"),
    [
        (f"a=汉阴县&b={ID}", "a=汉阴县"),
        (f"msg=成功&b={ID}", "msg=成功"),
        (f"a=周一&b={ID}", "a=周一"),
        (f"a=城关镇&b={ID}&c=800", "a=城关镇"),
    ],
)
def test_words_in_a_form_beside_a_masked_number_stay(body: str, word: str) -> None:
    for role in ROLES:
        masked = out(body, FORM, role)
        assert ID not in masked and word in masked, (role, masked)


def test_a_form_of_a_name_beside_a_business_number_stays() -> None:
    for role in ROLES:
        assert out("a=张伟&b=12345", FORM, role) == "a=张伟&b=12345", role


XML = "application/xml"
# An XML element's attributes: full names beside an ID number, under names that say nothing.
XML_ATTRIBUTES: list[tuple[str, list[str]]] = [
    (f'<persons><p a="张伟" b="{ID}"/><p a="李娜" b="{ID2}"/></persons>', ["张伟", "李娜", ID]),
    (f'<r><row f1="王秀英" f2="{ID}" f3="800"/></r>', ["王秀英", ID]),
    (f"<r><row c1='张伟' c2='{ID}'></row></r>", ["张伟", ID]),
]


@pytest.mark.parametrize(("body", "secrets"), XML_ATTRIBUTES)
def test_names_in_attributes_beside_an_id_are_masked(body: str, secrets: list[str]) -> None:
    for role in ROLES:
        masked = out(body, XML, role)
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)


@pytest.mark.parametrize(
    ("body", "word"),
    [
        (f'<r><row a="汉阴县" b="{ID}"/></r>', 'a="汉阴县"'),
        (f'<r><row msg="成功" b="{ID}"/></r>', 'msg="成功"'),
        (f'<r><row a="周一" b="{ID}"/></r>', 'a="周一"'),
        (f'<r><row a="城关镇" b="{ID}" c="800"/></r>', 'a="城关镇"'),
    ],
)
def test_words_in_attributes_beside_a_masked_number_stay(body: str, word: str) -> None:
    for role in ROLES:
        masked = out(body, XML, role)
        assert ID not in masked and word in masked, (role, masked)


def test_attributes_of_a_name_beside_a_business_number_stay() -> None:
    body = '<r><row a="张伟" b="12345"/></r>'
    for role in ROLES:
        assert out(body, XML, role) == body, role

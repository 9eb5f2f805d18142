"""Personal data in shapes of bodies the classifiers did not read (twentieth round, formats): a
server-sent event whose JSON spans several ``data:`` lines (classifiers/events.py), the URL of an
HTML ``<meta http-equiv="refresh">`` (urls.REFRESH), a multipart part's file name in its encoded
spellings (classifiers/dispositions.py). Each leaked for the strict and the caseworker profile;
the look-alikes beside them come out as they went in."""

from __future__ import annotations

import pytest

from classifiers.dispositions import parse
from support.inspected import ROLES, body_leaks, json_leaks, out, unchanged_json

ID = "610902199001011235"  # checksum-valid, region 610902 (汉阴县)
SECRETS = ("张伟", "李娜", ID, "%E5%BC%A0%E4%BC%9F", "%D5%C5%CE%B0")
EVENTS = "text/event-stream"
HTML = "text/html"
PARTS = "multipart/mixed; boundary=b1"


def _part(headers: str, body: str = "hello") -> str:
    return f"--b1\r\n{headers}\r\n\r\n{body}\r\n--b1--\r\n"


LEAKS = [
    # An event's JSON a member a line: the client joins the lines with "\n" before it parses.
    (f'event: person\ndata: {{"xm":\ndata: "张伟", "sfzh":\ndata: "{ID}"}}\n\n', EVENTS),
    (f'data: {{\r\ndata:   "xm": "张伟",\r\ndata:   "sfzh": "{ID}"\r\ndata: }}\r\n\r\n', EVENTS),
    ('data: {"rows": [\ndata: {"xm": "张伟"},\nid: 7\ndata: {"xm": "李娜"}]}\n\n', EVENTS),
    ('data: ok\n\ndata: {"xm":\ndata:"张伟"}', EVENTS),  # no blank line after the last event
    ("data: 姓名：\ndata: 张伟\n\n", EVENTS),  # a label and its value on lines of their own
    # The URL a <meta> refresh goes to: its path segment and its query.
    (f'<meta http-equiv="refresh" content="0;url=/persons/张伟?sfzh={ID}">', HTML),
    ('<head><meta http-equiv="refresh" content="0; URL=\'/persons/%E5%BC%A0%E4%BC%9F\'"></head>', HTML),
    ('{"redirect": "3;url=/persons/张伟"}', "application/json"),
    ('[{"redirect": "0;url=/persons/张伟"}, {"redirect": "3;url=/persons/李娜"}]', "application/json"),
    # A part's file name: RFC 8187 in GBK, RFC 2231 continuations, an encoded word, a Content-Type's name.
    (_part("Content-Disposition: form-data; name=\"f\"; filename*=GBK''%D5%C5%CE%B0_%C9%ED%B7%DD%D6%A4.jpg"), PARTS),
    (
        _part("Content-Disposition: attachment; filename*0*=GBK''%D5%C5; filename*1*=%CE%B0_%C9%ED%B7%DD%D6%A4.jpg"),
        PARTS,
    ),
    (_part('Content-Disposition: attachment; filename="张伟_身份证.jpg"'), PARTS),
    (_part('Content-Disposition: attachment; filename="=?UTF-8?B?5byg5LyfX+i6q+S7veivgS5qcGc=?="'), PARTS),
    (_part("Content-Type: text/plain; name*=GBK''%D5%C5%CE%B0_%C9%ED%B7%DD%D6%A4.txt"), PARTS),
    (_part('Content-Type: text/plain; name="张伟_身份证.txt"'), PARTS),
]


def _as_read(body: str) -> str:
    """``body`` with the file names of its parts' headers as a mail client or a browser reads
    them (continuations joined, escapes decoded)."""
    names: list[str] = []
    for line in body.splitlines():
        header, _, value = line.partition(":")
        param = {"content-disposition": "filename", "content-type": "name"}.get(header.lower())
        disposition = None if param is None else parse(value, param)
        if disposition is not None:
            names += [name for name in (disposition.plain, disposition.extended) if name is not None]
    return "\n".join([body, *names])


@pytest.mark.parametrize(("body", "media_type"), LEAKS)
def test_personal_data_in_these_shapes_is_masked(body: str, media_type: str) -> None:
    for role in ROLES:
        masked = _as_read(out(body, media_type, role))
        for secret in SECRETS:
            assert secret not in masked, (role, secret, masked)


STAY = [
    ('data: {"status":\ndata: "方案", "page": 2}\n\n', EVENTS),
    ("data: 周报\ndata: 方案\n\nevent: ping\ndata: {}\n\n", EVENTS),
    ('data: {"xm": "王"}\n\n', EVENTS),
    ('<meta http-equiv="refresh" content="5">', HTML),
    ('<meta http-equiv="refresh" content="0;url=/reports/方案?page=2">', HTML),
    ('<meta http-equiv="refresh" content="0;url=/persons/detail">', HTML),
    ('<meta name="viewport" content="width=device-width, initial-scale=1">', HTML),
    ('{"version": "2.1;url=/docs/周报"}', "application/json"),
    (_part('Content-Disposition: form-data; name="file"; filename="方案_周报.xlsx"'), PARTS),
    (_part("Content-Disposition: attachment; filename*=GBK''%B7%BD%B0%B8.pdf"), PARTS),
    (_part("Content-Type: text/plain; charset=utf-8"), PARTS),
]


@pytest.mark.parametrize(("body", "media_type"), STAY)
def test_look_alikes_stay(body: str, media_type: str) -> None:
    for role in ROLES:
        assert out(body, media_type, role) == body, role


def test_an_events_data_is_written_back_as_data_lines() -> None:
    """The masked JSON is one ``data:`` line (the client parses the same document); the other
    fields between the data lines follow it, the event's line ends are kept."""
    body = 'event: person\r\ndata: {"xm":\r\nid: 7\r\ndata: "张伟"}\r\n\r\ndata: {"n": 1}\r\n\r\n'
    masked = out(body, EVENTS, "outsourced")
    assert masked == 'event: person\r\ndata: {"xm":"[已屏蔽]"}\r\nid: 7\r\n\r\ndata: {"n": 1}\r\n\r\n'


def test_the_lines_between_an_events_data_lines_are_masked() -> None:
    """An event's other fields and a line the client ignores go out too (found by fuzzing: an
    ID on a line of its own between two data lines went out in clear)."""
    body = f'event: person\ndata: {{"n":\n{ID}\nid: {ID}\ndata: 1}}\n\n'
    for role in ROLES:
        masked = out(body, EVENTS, role)
        assert ID not in masked and masked.startswith('event: person\ndata: {"n":\ndata: 1}\n'), masked


def test_a_parts_file_name_is_written_back_as_a_header_browsers_read() -> None:
    """An extended file name comes back in UTF-8 (RFC 8187 requires every reader to know it),
    its charset and language quoted as they must be, not escaped into the value."""
    body = _part("Content-Disposition: attachment; filename*=GBK''%D5%C5%CE%B0_%C9%ED%B7%DD%D6%A4.jpg")
    masked = out(body, PARTS, "caseworker")
    assert "filename*=UTF-8''%E5%BC%A0%2A%2A_%E8%BA%AB%E4%BB%BD%E8%AF%81.jpg" in masked, masked


# Twenty-second round, formats. A landline and an address under a full name used as a key: the
# values were masked, the name went out for both profiles. An office's record holds the same
# under its office's name, which a unit's character ends (or which is no full name): it stays.
JSON = "application/json"
LANDLINE = "0915-3212345"
ADDRESS = "汉滨区育才路12号"
KEYED_BY_NAME = [
    {"data": {"张伟": {"gddh": LANDLINE, "dz": ADDRESS}}},
    {"data": {"张伟": {"gddh": LANDLINE}, "李娜": {"gddh": "0915-3212346"}}},
    {"张伟": {"dz": ADDRESS}, "code": 0},
]


@pytest.mark.parametrize("doc", KEYED_BY_NAME)
def test_a_name_over_a_landline_or_an_address_is_masked(doc: object) -> None:
    json_leaks(doc, ["张伟", "李娜", LANDLINE, ADDRESS])


@pytest.mark.parametrize("office", ["民政局办公室", "民政局", "林业局", "史志办", "党支部", "福利院", "王府井", "高新"])
def test_an_offices_record_keeps_its_name(office: str) -> None:
    body = f'{{"data": {{"{office}": {{"gddh": "{LANDLINE}", "dz": "{ADDRESS}"}}}}}}'
    for role in ROLES:
        masked = out(body, JSON, role)
        assert office in masked and LANDLINE not in masked, (role, masked)


# A mobile masked in part with no key or label, in a row beside a person's name or ID number
# (masked_rows.py): as it came, seven of its eleven digits went out to the strict profile; the
# caseworker's profile masks a mobile so, and it goes out as it came.
MASKED_MOBILE = "138****8000"
CSV = "text/csv"
TEXT = "text/plain"
MASKED_ROWS = [
    ('[["张**", "138****8000", "男"], ["李**", "139****1234", "女"]]', JSON),
    ('[["610902********1235", "138****8000"]]', JSON),
    ('{"rows": [{"id": 1, "cell": ["张**", "138****8000", "男"]}]}', JSON),  # jqGrid's (held: "cell" is a phone's key)
    ('{"a": "张**", "b": "138****8000"}', JSON),
    ('{"data": [{"a": "张**", "b": "138****8000", "c": "男"}, {"a": "李**", "b": "139****1234", "c": "女"}]}', JSON),
    ("张**,138****8000,男\n李**,139****1234,女\n", CSV),
    ("张**,138****8000,男\n李**,139****1234,女\n", TEXT),
    ("张**|138****8000|男", TEXT),
    ("610902********1235\t138****8000", TEXT),
]


@pytest.mark.parametrize(("body", "media_type"), MASKED_ROWS)
def test_a_mobile_masked_in_part_beside_a_person_is_masked_again_for_the_strict_profile(
    body: str, media_type: str
) -> None:
    assert MASKED_MOBILE not in out(body, media_type, "outsourced")
    assert out(body, media_type, "caseworker") == body  # as the caseworker's profile masks it


def test_a_full_name_beside_a_mobile_masked_in_part_is_masked() -> None:
    """The row's mobile says the name is a person's, as a mobile in clear does."""
    for role in ROLES:
        masked = out('[["张伟", "138****8000", "男"]]', JSON, role)
        assert "张伟" not in masked, (role, masked)
    for role in ROLES:
        masked = out("张伟,138****8000,男\n李娜,139****1234,女\n", CSV, role)
        assert "张伟" not in masked and "李娜" not in masked, (role, masked)
    assert MASKED_MOBILE not in out("张伟,138****8000,男", TEXT, "outsourced")


def test_a_jqgrid_rows_name_beside_an_id_number_is_masked() -> None:
    """jqGrid's rows hold their cells under "cell", which the catalog knows as a phone's key:
    the row was not read for who it is, and the name went out for both profiles."""
    json_leaks({"page": 1, "rows": [{"id": "1", "cell": ["1", "张伟", "男", ID]}]}, ["张伟", ID])


# Beside them: an order's number masked so, a card's tail after its label (no field of its own),
# a row with no person in it; a masked value under a key the catalog knows is what the key says.
MASKED_ROWS_STAY = [
    ('{"data": [["订单A", "138****8000", "已付"]]}', JSON),
    ('{"a": "订单", "b": "138****8000"}', JSON),
    ('{"data": [{"a": "订单", "b": "138****8000"}, {"a": "退款", "b": "139****1234"}]}', JSON),
    ('[["张**", "男"], ["李**", "女"]]', JSON),
    ('{"rows": [{"id": 1, "cell": ["方案", "周报"]}]}', JSON),
    ("订单A,138****8000,已付\n订单B,139****1234,已付\n", CSV),
    ("订单A,138****8000,已付", TEXT),
    ("卡号尾号138****8000，张**", TEXT),
]


@pytest.mark.parametrize(("body", "media_type"), MASKED_ROWS_STAY)
def test_a_masked_mobiles_look_alikes_stay(body: str, media_type: str) -> None:
    for role in ROLES:
        assert out(body, media_type, role) == body, role


def test_a_masked_value_under_a_business_key_stays_beside_a_person() -> None:
    for body in ('{"orderNo": "138****8000", "xm": "张**"}', '[{"orderNo": "138****8000", "xm": "张**"}]'):
        for role in ROLES:
            assert MASKED_MOBILE in out(body, JSON, role), (role, body)


# A key decorated as a form's or a template's heading (Catalog._decorated): the name under it went
# out for both profiles, in JSON and under a CSV heading.
DECORATED = [
    ('{"姓名*": "张伟", "性别": "男"}', JSON),
    ('{"【姓名】": "张伟"}', JSON),
    ('{"[姓名]": "张伟"}', JSON),
    ('{"姓名：": "张伟"}', JSON),
    ('{"姓名（必填）": "张伟"}', JSON),
    ('{"ｘｍ": "张伟"}', JSON),
    ('[{"姓名:": "张伟", "xb": "男"}, {"姓名:": "李娜", "xb": "女"}]', JSON),
    ("序号,姓名*,性别\n1,张伟,男\n2,李娜,女\n", CSV),
    ("序号,【姓名】,性别\n1,张伟,男\n2,李娜,女\n", CSV),
]


@pytest.mark.parametrize(("body", "media_type"), DECORATED)
def test_a_name_under_a_decorated_key_is_masked(body: str, media_type: str) -> None:
    body_leaks(body, media_type, ["张伟", "李娜"])


def test_a_decorated_key_naming_nothing_stays() -> None:
    for body in ('{"(备注)": "周报", "状态*": "正常"}', '{"【项目】": "方案", "页码：": "2"}'):
        for role in ROLES:
            assert out(body, JSON, role) == body, role


# Tables and fields in markup: a group's heading over the header row (colspan), a label spanning
# rows (rowspan), a row's heading cell, XML's attributes in capitals (.NET, Oracle), and more
# name/value pairs (also in JSON). Each went out with the name in clear for both profiles.
XML = "application/xml"
MARKUP_AND_PAIRS = [
    (
        '<table><tr><th colspan="2">人员</th></tr><tr><th>姓名</th><th>电话</th></tr>'
        "<tr><td>张伟</td><td>13912345678</td></tr></table>",
        HTML,
    ),
    (
        '<table><tr><th rowspan="2">序号</th><th colspan="2">人员</th></tr><tr><th>姓名</th><th>电话</th></tr>'
        "<tr><td>1</td><td>张伟</td><td>13912345678</td></tr></table>",
        HTML,
    ),
    ('<table><tr><th rowspan="2">姓名</th><td>张伟</td></tr><tr><td>李娜</td></tr></table>', HTML),
    ("<table><tr><th>姓名</th><th>电话</th></tr><tr><th>张伟</th><td>13912345678</td></tr></table>", HTML),
    (f'<Fields><Field Name="XM" Value="张伟"/><Field Name="SFZH" Value="{ID}"/></Fields>', XML),
    ('<ROWSET><ROW><COLUMN NAME="XM"><![CDATA[张伟]]></COLUMN></ROW></ROWSET>', XML),
    ('<r><item colName="xm" colValue="张伟"/></r>', XML),
    ('{"data": [{"colName": "xm", "colValue": "张伟"}, {"colName": "xb", "colValue": "男"}]}', JSON),
    ('{"data": [{"columnName": "xm", "columnValue": "张伟"}]}', JSON),
    ('[{"itemName": "姓名", "itemValue": "张伟"}]', JSON),
]


@pytest.mark.parametrize(("body", "media_type"), MARKUP_AND_PAIRS)
def test_names_in_these_tables_and_fields_are_masked(body: str, media_type: str) -> None:
    for role in ROLES:
        masked = out(body, media_type, role)
        for secret in ("张伟", "李娜", ID):
            assert secret not in masked, (role, secret, masked)


MARKUP_AND_PAIRS_STAY = [
    (
        '<table><tr><th colspan="2">项目</th></tr><tr><th>名称</th><th>金额</th></tr>'
        "<tr><td>方案</td><td>100</td></tr></table>",
        HTML,
    ),
    ('<table><tr><th rowspan="2">项目</th><td>方案</td></tr><tr><td>周报</td></tr></table>', HTML),
    ("<table><tr><th>项目</th><th>金额</th></tr><tr><th>合计</th><td>100</td></tr></table>", HTML),
    ('<Fields><Field Name="BZ" Value="周报"/><COLUMN NAME="XMMC">方案</COLUMN></Fields>', XML),
    ('[{"itemName": "低保", "itemValue": "1"}, {"colName": "状态", "colValue": "张家港"}]', JSON),
]


@pytest.mark.parametrize(("body", "media_type"), MARKUP_AND_PAIRS_STAY)
def test_these_tables_and_fields_stay(body: str, media_type: str) -> None:
    for role in ROLES:
        assert out(body, media_type, role) == body, role


# A number in two members named by a part's word after its key (jsonshapes._part_stem): the
# eleven digits of a mobile went out whole, the caseworker's profile shows four.
SPLIT_BY_WORD = [
    {"phone_prefix": "139", "phone_suffix": "12345678"},
    {"mobilePrefix": "1391234", "mobileSuffix": "5678"},
    {"xm": "张伟", "sjhHead": "139", "sjhTail": "12345678"},
    [{"phone_prefix": "139", "phone_suffix": "12345678"}, {"phone_prefix": "138", "phone_suffix": "00138000"}],
    {"sfzh_front": "610902", "sfzh_back": "199001011235"},
]


@pytest.mark.parametrize("doc", SPLIT_BY_WORD)
def test_a_number_in_parts_named_by_a_parts_word_is_masked(doc: object) -> None:
    json_leaks(doc, ["12345678", "1391234", "00138000", "19900101", "张伟"])


@pytest.mark.parametrize(
    "doc",
    [
        {"phone_prefix": "+86", "phone_suffix": "abc"},
        {"mobilePrefix": "139", "mobileSuffix": "1234"},  # seven digits: no phone
        {"cardFirst": "6222", "cardLast": "1234"},
        {"phone_prefix": "139", "name": "x"},
    ],
)
def test_parts_that_make_no_number_stay(doc: object) -> None:
    unchanged_json(doc)

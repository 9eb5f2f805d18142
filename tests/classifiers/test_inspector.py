import base64
import json
import re
from urllib.parse import quote_plus

import pytest

from classifiers.inspect import Inspection, InspectionError, Inspector
from classifiers.levels import DataLevel
from policies.masking import load_profiles
from support.synth_people import make_card, make_id, make_person

PROFILES = load_profiles()
INSPECTOR = Inspector()
PEOPLE = [make_person(i) for i in range(10)]
DOC = {"code": 0, "msg": "ok", "data": {"records": PEOPLE, "total": 10}}
BODY = json.dumps(DOC, ensure_ascii=False).encode()


def inspect_json(role: str, body: bytes = BODY) -> Inspection:
    return INSPECTOR.inspect(body, "application/json", "utf-8", PROFILES.for_roles([role]))


def test_caseworker_masks_everything_personal() -> None:
    result = inspect_json("caseworker")
    out = result.body.decode()
    for person in PEOPLE:
        for field in ("idNumber", "mobile", "payeeBankCard", "homeAddress"):
            assert str(person[field]) not in out
        assert str(person["name"]) not in out
    masked = json.loads(out)["data"]["records"]
    first = PEOPLE[0]
    assert masked[0]["name"] == str(first["name"])[0] + "**"
    assert masked[0]["idNumber"] == str(first["idNumber"])[:6] + "********" + str(first["idNumber"])[-4:]
    assert masked[0]["mobile"] == str(first["mobile"])[:3] + "****" + str(first["mobile"])[-4:]
    assert masked[0]["homeAddress"] == "陕西省安康市汉滨区***"
    assert masked[0]["caseNo"] == first["caseNo"] and masked[0]["amount"] == first["amount"]
    assert result.records == 10
    assert result.persons == frozenset(str(p["idNumber"]) for p in PEOPLE)
    assert result.entity_counts == {
        "PERSON_NAME": 10,
        "RESIDENT_ID": 10,
        "MOBILE": 10,
        "ADDRESS": 10,
        "BANK_CARD": 10,
    }
    assert result.masked == 50 and result.clear == 0
    assert result.level is DataLevel.IMPORTANT
    assert all(str(first["idNumber"]) not in f.evidence for f in result.findings)
    assert result.findings[0].path == "$.data.records[0].name"


def test_strict_redacts() -> None:
    result = inspect_json("outsourced")
    records = json.loads(result.body)["data"]["records"]
    assert {records[0][k] for k in ("name", "idNumber", "mobile", "payeeBankCard")} == {"[已屏蔽]"}
    assert result.masked == 50
    assert inspect_json("nobody-knows-this-role").body == result.body


def test_clear_profile_leaves_body_unchanged() -> None:
    result = inspect_json("service_payment")
    assert result.body == BODY
    assert result.clear == 50 and result.masked == 0
    assert len(result.persons) == 10


def test_volume_makes_core() -> None:
    body = json.dumps([make_person(i) for i in range(50)], ensure_ascii=False).encode()
    result = inspect_json("caseworker", body)
    assert result.records == 50 and result.level is DataLevel.CORE


def test_volume_counts_persons_outside_the_record_list() -> None:
    """A page nested where no record list is looked for counted as one record for the volume
    rule, while the release stage's limits counted each person: 50 persons without ID numbers
    under ``payload.entries`` were graded below core."""
    entries = [{"xm": make_person(i)["name"], "sjhm": f"139{i:08d}"} for i in range(50)]
    body = json.dumps({"payload": {"entries": entries}}, ensure_ascii=False).encode()
    result = inspect_json("caseworker", body)
    assert result.records < 50 <= result.persons_apart  # the shape this is about
    assert result.level is DataLevel.CORE and "volume:>=50" in result.reasons


def test_minor_is_important_even_without_other_identity() -> None:
    body = json.dumps({"note": f"儿童身份证{make_id(birth='20200101')}"}).encode()
    result = inspect_json("caseworker", body)
    assert result.level is DataLevel.IMPORTANT and "category:minor" in result.reasons


def test_gbk_csv() -> None:
    person = PEOPLE[3]
    text = f"姓名,身份证号码,联系电话,金额\r\n{person['name']},{person['idNumber']},{person['mobile']},600\r\n"
    result = INSPECTOR.inspect(text.encode("gbk"), "text/csv", "GBK", PROFILES.get("caseworker"))
    out = result.body.decode("gbk")
    assert str(person["idNumber"]) not in out and str(person["mobile"]) not in out
    assert out.startswith("姓名,身份证号码,联系电话,金额\r\n" + str(person["name"])[0] + "**,")
    assert out.endswith(",600\r\n")
    assert result.records == 1
    assert {f.path for f in result.findings} >= {"row 1 col 身份证号码"}


def test_utf16_with_bom_text() -> None:
    text = f"申请人：张伟，身份证号{make_id()}"
    body = "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
    result = INSPECTOR.inspect(body, "text/plain", "utf-16", PROFILES.get("strict"))
    assert result.body.startswith(b"\xff\xfe")
    assert result.body[2:].decode("utf-16-le") == "申请人：[已屏蔽]，身份证号[已屏蔽]"


def test_form_body() -> None:
    body = f"sfzh={make_id()}&amount=5".encode()
    result = INSPECTOR.inspect(body, "application/x-www-form-urlencoded", None, PROFILES.get("strict"))
    assert result.body == "sfzh=%5B已屏蔽%5D&amount=5".replace("已屏蔽", "%E5%B7%B2%E5%B1%8F%E8%94%BD").encode()


@pytest.mark.parametrize(
    ("form", "masked"),
    [
        # GBK escapes (张三 is D5C5 C8FD): a legacy system's query; UTF-8 escapes as before.
        ("xm=%D5%C5%C8%FD&page=1", f"xm={quote_plus('张**', safe='*', encoding='gbk')}&page=1"),
        (f"bz={quote_plus('申请人张三', encoding='gbk')}", f"bz={quote_plus('申请人张**', safe='*', encoding='gbk')}"),
        ("xm=%E5%BC%A0%E4%B8%89&page=1", f"xm={quote_plus('张**', safe='*')}&page=1"),
    ],
    ids=["gbk-value", "gbk-text", "utf8-value"],
)
def test_a_form_escaped_in_gbk_is_read_in_gbk(form: str, masked: str) -> None:
    """Escapes that are no UTF-8 were decoded to replacement characters: the name in a GBK
    query (a legacy system's redirect) went out in clear."""
    result = INSPECTOR.inspect(form.encode(), "application/x-www-form-urlencoded", "utf-8", PROFILES.get("caseworker"))
    assert result.body.decode() == masked and result.entity_counts["PERSON_NAME"] == 1


@pytest.mark.parametrize(
    ("body", "media", "charset", "code"),
    [
        (b'{"a": 1', "application/json", "utf-8", "unparseable"),
        (b"", "application/json", None, "unparseable"),
        ("{}".encode("utf-16-le"), "application/json", "utf-16", "unsupported_encoding"),
        ("姓名".encode("gbk"), "text/plain", "utf-8", "unsupported_encoding"),
        (b"x", "text/plain", "big5", "unsupported_encoding"),
        (b"\x89PNG", "image/png", None, "unsupported_encoding"),
    ],
)
def test_errors(body: bytes, media: str, charset: str | None, code: str) -> None:
    with pytest.raises(InspectionError) as info:
        INSPECTOR.inspect(body, media, charset, PROFILES.get("strict"))
    assert info.value.code == code and str(info.value)


def test_too_large() -> None:
    with pytest.raises(InspectionError, match="exceeds") as info:
        Inspector(max_bytes=100).inspect(b"x" * 101, "text/plain", None, PROFILES.get("strict"))
    assert info.value.code == "too_large"


def test_problem_json_media_type_and_no_charset() -> None:
    body = json.dumps({"detail": f"bad id {make_id()}"}).encode()
    result = INSPECTOR.inspect(body, "application/problem+json", None, PROFILES.get("statistician"))
    assert json.loads(result.body) == {"detail": "bad id <RESIDENT_ID>"}


def test_json_shapes_keep_their_structure() -> None:
    """Key order, numbers, nesting and JSON inside strings, through the column walker."""
    id_number = make_id(birth="19750203")
    doc = {
        "code": 0,
        "data": {
            "records": [
                {"b": 1, "sfzh": id_number, "mobile": 13912345678, "ok": True, "x": 1.5},
                {"nested": {"sfzh": id_number}, "remark": json.dumps({"sfzh": id_number})},
            ],
            "total": 2,
        },
    }
    result = inspect_json("strict", json.dumps(doc).encode())
    out = json.loads(result.body)
    assert result.records == 2
    first, second = out["data"]["records"]
    assert list(first) == ["b", "sfzh", "mobile", "ok", "x"]
    assert first["mobile"] == "[已屏蔽]"  # a JSON number carrying a phone is masked into a string
    assert (first["b"], first["ok"], first["x"], out["data"]["total"]) == (1, True, 1.5, 2)
    assert second["nested"]["sfzh"] == "[已屏蔽]"
    assert json.loads(second["remark"]) == {"sfzh": "[已屏蔽]"}
    assert id_number not in result.body.decode()
    paths = {f.path for f in result.findings}
    assert "$.data.records[1].remark(json)$.sfzh" in paths


# -- shapes a review found going out in clear (2026-11-29) --------------------------------
PERSON_JSON = json.dumps(
    {"code": 0, "data": {"xm": "张伟", "sfzh": make_id(), "lxdh": "13912345678"}}, ensure_ascii=False
)
ALL_MASKED = {"code": 0, "data": {"xm": "[已屏蔽]", "sfzh": "[已屏蔽]", "lxdh": "[已屏蔽]"}}


@pytest.mark.parametrize("media", ["text/html", "text/plain", "text/json", "application/x-json", ""])
def test_json_under_another_media_type_is_walked_as_json(media: str) -> None:
    """Legacy servers answer JSON as text/html: its keys are evidence (the name) all the same."""
    result = INSPECTOR.inspect(PERSON_JSON.encode(), media, None, PROFILES.get("strict"))
    assert json.loads(result.body) == ALL_MASKED


TABLE_ROWS = [["姓名", "身份证号码", "联系电话"], ["张伟", make_id(), "13912345678"]]


@pytest.mark.parametrize(
    ("body", "media"),
    [
        # Legacy exports: CSV as vnd.ms-excel or octet-stream (the gateway reads those as
        # text/plain when their bytes are text) or without a type; with a title line above it.
        ("\r\n".join(",".join(row) for row in TABLE_ROWS), "text/plain"),
        ("\n".join(",".join(row) for row in TABLE_ROWS), ""),
        ("低保人员花名册\r\n" + "\r\n".join(",".join(row) for row in TABLE_ROWS), ""),
        ("\n".join("\t".join(row) for row in TABLE_ROWS), "text/tab-separated-values"),
        # Excel's separator line above the header, typed as CSV or not
        ("sep=;\r\n" + "\r\n".join(";".join(row) for row in TABLE_ROWS), "text/csv"),
        ("sep=,\n" + "\n".join(",".join(row) for row in TABLE_ROWS), ""),
        # An "Excel" export that is an HTML table.
        (
            "<table><tr>{}</tr><tr>{}</tr></table>".format(
                *(
                    "".join(f"<{tag}>{v}</{tag}>" for v in row)
                    for tag, row in zip(("th", "td"), TABLE_ROWS, strict=True)
                )
            ),
            "text/plain",
        ),
    ],
    ids=["csv-as-text", "csv-untyped", "csv-with-title", "tsv", "excel-sep", "excel-sep-untyped", "html-table-as-text"],
)
def test_a_table_under_a_type_that_does_not_say_so_is_walked_as_one(body: str, media: str) -> None:
    """Read as one string, the column headings keyed nothing: the name went out in clear."""
    result = INSPECTOR.inspect(body.encode(), media, None, PROFILES.get("caseworker"))
    assert result.entity_counts == {"PERSON_NAME": 1, "RESIDENT_ID": 1, "MOBILE": 1}
    assert "张伟" not in result.body.decode() and "张**" in result.body.decode()


def test_prose_with_commas_stays_text() -> None:
    body = "您好,材料已收到\n请于三日内,携带原件到窗口办理".encode()
    result = INSPECTOR.inspect(body, "text/plain", None, PROFILES.get("caseworker"))
    assert result.body == body and result.records == 1


RECORD_JSON = json.dumps(
    {"items": [{"name": "张伟", "idNumber": make_id(), "mobile": "13912345678"}]}, ensure_ascii=False
)


@pytest.mark.parametrize(
    ("body", "media"),
    [
        (f"jQuery123_456({RECORD_JSON});", "application/javascript"),
        (f"/**/ cb ( {RECORD_JSON} )", "text/javascript"),
        (f"var data = {RECORD_JSON};\nrender(data);", "application/x-javascript"),
        (f"id: 1\nevent: person\ndata: {RECORD_JSON}\n\n", "text/event-stream"),
        (f"--b\r\nContent-Type: application/json\r\n\r\n{RECORD_JSON}\r\n--b--\r\n", "text/plain"),
        (f"\x1e{RECORD_JSON}\n\x1e{RECORD_JSON}\n", "application/json-seq"),
    ],
    ids=["jsonp", "jsonp-spaced", "script", "sse", "multipart-part", "json-seq"],
)
def test_json_inside_text_is_walked_as_json(body: str, media: str) -> None:
    """Scanned as one string, the JSON's keys were no evidence: the name went out in clear."""
    result = INSPECTOR.inspect(body.encode(), media, None, PROFILES.get("caseworker"))
    out = result.body.decode()
    assert "张伟" not in out and "张**" in out and make_id() not in out
    documents = body.count(RECORD_JSON)
    assert result.entity_counts == {"PERSON_NAME": documents, "RESIDENT_ID": documents, "MOBILE": documents}
    assert result.records == documents
    masked = json.loads(RECORD_JSON)
    masked["items"][0].update(name="张**", idNumber=make_id()[:6] + "********" + make_id()[-4:], mobile="139****5678")
    assert out == body.replace(RECORD_JSON, json.dumps(masked, ensure_ascii=False, separators=(",", ":")))


def test_text_around_json_and_json_that_does_not_parse_are_scanned_as_text() -> None:
    body = f'身份证号 {make_id()} [2024-01-01] cb({{"note": }}) cb({{"name": "张伟"}}) 电话 13912345678'
    result = INSPECTOR.inspect(body.encode(), "text/plain", None, PROFILES.get("caseworker"))
    out = result.body.decode()
    assert out.startswith(f"身份证号 {make_id()[:6]}********") and out.endswith("电话 139****5678")
    assert '[2024-01-01] cb({"note": }) cb({"name":"张**"})' in out


@pytest.mark.parametrize(
    ("body", "media", "expected"),
    [
        (f"java.lang.Exception: query failed xm=张伟&sfzh={make_id()}", "", "xm=张**&sfzh="),
        ("name: 张伟\nremark: 低保户\n", "application/yaml", "name: 张**\nremark: 低保户\n"),
        (
            "var p = {name: '张伟', remark: '低保户'};",
            "application/javascript",
            "var p = {name: '张**', remark: '低保户'};",
        ),
        ('{"applicantName": "张伟", "x": 1', "text/plain", '{"applicantName": "张**", "x": 1'),  # JSON cut short
        ("name: 民政局\nproduct: 王府井\n", "text/plain", "name: 民政局\nproduct: 王府井\n"),  # no surname, no name key
        ("phone=139 1234 5678 xm=张伟", "text/plain", "phone=139****5678 xm=张**"),  # groups stay whole
    ],
    ids=["error-text", "yaml", "script-literal", "broken-json", "not-names", "grouped-mobile"],
)
def test_names_under_a_field_name_in_text_are_found(body: str, media: str, expected: str) -> None:
    """Scanned as text, a name under xm= or name: had no evidence and went out in clear."""
    result = INSPECTOR.inspect(body.encode(), media, None, PROFILES.get("caseworker"))
    assert expected in result.body.decode()


def _multipart(parts: list[tuple[str, str]], boundary: str = "b0undary", preamble: str = "") -> str:
    return preamble + "".join(f"--{boundary}\r\n{h}\r\n{body}\r\n" for h, body in parts) + f"--{boundary}--\r\n"


MP_CSV = "\r\n".join(",".join(row) for row in TABLE_ROWS) + "\r\n"
MP_CSV_MASKED = MP_CSV.replace("张伟", "张**").replace(make_id(), make_id()[:6] + "********" + make_id()[-4:])
MP_CSV_MASKED = MP_CSV_MASKED.replace("13912345678", "139****5678")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            _multipart(
                [("Content-Type: text/csv\r\n", MP_CSV)], preamble="This is a multi-part message in MIME format.\r\n"
            ),
            _multipart(
                [("Content-Type: text/csv\r\n", MP_CSV_MASKED)],
                preamble="This is a multi-part message in MIME format.\r\n",
            ),
        ),
        (  # a form-data part without a type, its file name beside the number
            _multipart([(f'Content-Disposition: form-data; name="f"; filename="张伟_{make_id()}.csv"\r\n', MP_CSV)]),
            _multipart(
                [
                    (
                        f'Content-Disposition: form-data; name="f"; filename="张**_{make_id()[:6]}********{make_id()[-4:]}.csv"\r\n',
                        MP_CSV_MASKED,
                    )
                ]
            ),
        ),
        (  # nested, and in LF line ends
            _multipart([("Content-Type: multipart/mixed; boundary=in\n", _multipart([("", MP_CSV)], "in"))]).replace(
                "\r\n", "\n"
            ),
            _multipart(
                [("Content-Type: multipart/mixed; boundary=in\n", _multipart([("", MP_CSV_MASKED)], "in"))]
            ).replace("\r\n", "\n"),
        ),
    ],
    ids=["preamble-and-csv-part", "form-data", "nested"],
)
def test_multipart_parts_are_walked_as_what_they_are(body: str, expected: str) -> None:
    """A multipart body reaches the inspector as text (the gateway sniffs it so): read as one
    string, a CSV part's headings keyed nothing and the name went out in clear."""
    result = INSPECTOR.inspect(body.encode(), "text/plain", None, PROFILES.get("caseworker"))
    assert result.body.decode() == expected


@pytest.mark.parametrize(
    "part",
    [
        ("Content-Type: text/csv\r\nContent-Transfer-Encoding: base64\r\n", base64.b64encode(MP_CSV.encode()).decode()),
        ("Content-Type: image/png\r\n", "PNG"),
    ],
    ids=["base64", "binary"],
)
def test_a_multipart_part_that_cannot_be_read_is_refused(part: tuple[str, str]) -> None:
    with pytest.raises(InspectionError) as refused:
        INSPECTOR.inspect(_multipart([("", MP_CSV), part]).encode(), "", None, PROFILES.get("caseworker"))
    assert refused.value.code == "unsupported_encoding"


@pytest.mark.parametrize(
    "html",
    [
        "身份证号:{id}",  # no tags at all
        "<!DOCTYPE html><html><body>ok</body></html>身份证号:{id}",  # after the document
        "身份证号:{id}<html><body>ok</body></html>",  # before it
    ],
)
def test_html_text_outside_every_element_is_inspected(html: str) -> None:
    body = html.format(id=make_id()).encode()
    result = INSPECTOR.inspect(body, "text/html", None, PROFILES.get("strict"))
    assert result.entity_counts == {"RESIDENT_ID": 1}
    assert make_id().encode() not in result.body


def test_json_lines_are_walked_line_by_line() -> None:
    body = f'{{"xm":"\\u5f20\\u4f1f","sfzh":"{make_id()}"}}\r\n\n{{"xm":"李娜","page":1}}\n'.encode()
    result = INSPECTOR.inspect(body, "application/x-ndjson", None, PROFILES.get("strict"))
    assert result.body.decode().split("\n") == [
        '{"xm":"[已屏蔽]","sfzh":"[已屏蔽]"}\r',
        "",
        '{"xm":"[已屏蔽]","page":1}',
        "",
    ]
    assert result.entity_counts == {"PERSON_NAME": 2, "RESIDENT_ID": 1} and result.records == 2


def test_a_document_nested_deeper_than_orjson_writes_is_masked() -> None:
    body = ("[" * 300 + f'"{make_id()}"' + "]" * 300).encode()
    result = INSPECTOR.inspect(body, "application/json", None, PROFILES.get("strict"))
    assert json.loads(result.body) is not None and make_id().encode() not in result.body


def test_a_lone_surrogate_beside_a_finding_is_refused_not_a_crash() -> None:
    body = f'{{"a":"\\ud800","sfzh":"{make_id()}"}}'.encode()
    with pytest.raises(InspectionError) as info:
        INSPECTOR.inspect(body, "application/json", None, PROFILES.get("strict"))
    assert info.value.code == "unsupported_encoding"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_as_utf16(encoding: str) -> None:
    """ASCII in UTF-16 is valid UTF-8 with a NUL between the digits of every number."""
    body = f"姓名,身份证号\n张伟,{make_id()}\n第一,13912345678\n".encode(encoding)
    result = INSPECTOR.inspect(body, "text/csv", None, PROFILES.get("strict"))
    assert result.entity_counts == {"PERSON_NAME": 2, "RESIDENT_ID": 1, "MOBILE": 1}
    assert result.body.decode(encoding) == "姓名,身份证号\n[已屏蔽],[已屏蔽]\n[已屏蔽],[已屏蔽]\n"


def test_utf32_with_its_bom_is_read_as_utf32() -> None:
    body = "\ufeff".encode("utf-32-le") + f"身份证号 {make_id()}".encode("utf-32-le")
    result = INSPECTOR.inspect(body, "text/plain", None, PROFILES.get("strict"))
    assert result.entity_counts == {"RESIDENT_ID": 1}


@pytest.mark.parametrize(
    ("body", "charset"),
    [
        (f"ID {make_id()}\x00 and more text".encode(), None),  # a stray NUL: no UTF-16
        (f'{{"a":"{make_id()}\x00"}}'.encode(), "utf-8"),
        (f"身份证号 {make_id()}".encode("utf-16-le"), "gbk"),  # declared wrongly
    ],
)
def test_nul_bytes_outside_utf16_are_refused(body: bytes, charset: str | None) -> None:
    with pytest.raises(InspectionError) as info:
        INSPECTOR.inspect(body, "text/plain", charset, PROFILES.get("strict"))
    assert info.value.code == "unsupported_encoding"


@pytest.mark.parametrize(
    "form",
    [
        "{id}&page=1",  # a part without "="
        "{id}=1&page=1",  # the field name itself
        "sfzh%5B{id}%5D=1",  # sfzh[<ID>]=1
    ],
)
def test_form_field_names_and_bare_parts_are_inspected(form: str) -> None:
    body = form.format(id=make_id()).encode()
    result = INSPECTOR.inspect(body, "application/x-www-form-urlencoded", None, PROFILES.get("strict"))
    assert result.entity_counts == {"RESIDENT_ID": 1} and make_id().encode() not in result.body


def test_whole_floats_are_inspected_as_numbers() -> None:
    """Spreadsheet imports store phones as doubles: 13912345678.0, 1.3912345678e10."""
    body = b'{"phone": 13912345678.0, "lxdh": 1.3912345678e10, "je": 120000.0, "rate": 3.5}'
    result = INSPECTOR.inspect(body, "application/json", None, PROFILES.get("strict"))
    assert json.loads(result.body) == {"phone": "[已屏蔽]", "lxdh": "[已屏蔽]", "je": 120000.0, "rate": 3.5}
    records = json.dumps([{"phone": 13912345678.0 + i, "x": 1} for i in range(5)]).encode()
    result = INSPECTOR.inspect(records, "application/json", None, PROFILES.get("strict"))
    assert result.entity_counts == {"MOBILE": 5}


# With 1e400 in it, orjson refuses the body; json then keeps 1e-400 and 17 digits too.
_NUMBERS = ["1e400", "-1e400", "1e-400", "1" * 400, "1.0000000000000000000001", "0.10000000000000001", "2.5E+308"]


@pytest.mark.parametrize(
    ("body", "media", "charset"),
    [
        ('{{"sfzh":"{id}","n":[{n}]}}', "application/json", None),  # bytes read by orjson
        ('{{"sfzh":"{id}","n":[{n}]}}', "application/json", "gbk"),  # decoded first
        ('{{"sfzh":"{id}","n":[{n}]}}', "text/html", None),  # JSON under another type
        ('{{"sfzh":"{id}","n":[{n}]}}\n{{"x":1}}', "application/x-ndjson", None),
        ('{{"inner":"{{\\"sfzh\\":\\"{id}\\",\\"n\\":[{n}]}}"}}', "application/json", None),  # in a string
    ],
)
def test_numbers_a_double_cannot_hold_go_out_as_sent(body: str, media: str, charset: str | None) -> None:
    """A masked body is written from its parse: 1e400 went out as Infinity (no JSON, the
    client refused the body), 1e-400 as 0.0 and 1.0000000000000000000001 as 1.0."""
    sent = body.format(id=ID_A, n=",".join(_NUMBERS))
    out = INSPECTOR.inspect(sent.encode(), media, charset, PROFILES.get("strict")).body.decode(charset or "utf-8")
    assert ID_A not in out and "Infinity" not in out
    for line in out.splitlines():
        json.loads(line, parse_constant=lambda c: pytest.fail(f"{c} is no JSON"))
    assert f"[{','.join(_NUMBERS)}]" in out.replace('\\"', '"')


@pytest.mark.parametrize(
    "body",
    [
        '{{"msg":"ok","idNumber":"{id}","idNumber":null}}',
        '{{"a":"\\u003a","x":"{id}","x":1}}',  # an escaped colon must not balance the count
        '{{"note":"{{\\"sfzh\\":\\"{id}\\",\\"sfzh\\":null}}"}}',  # inside JSON inside a string
    ],
)
def test_a_value_shadowed_by_a_duplicate_key_does_not_go_out(body: str) -> None:
    """A parser keeps the last of duplicate keys, so the walk never sees the others; the raw
    body, which goes out when nothing changed, must not carry them."""
    result = INSPECTOR.inspect(body.format(id=make_id()).encode(), "application/json", None, PROFILES.get("strict"))
    assert make_id().encode() not in result.body


def test_a_clean_document_with_colons_in_strings_goes_out_as_it_came() -> None:
    body = b'{"time": "10:00:00", "url": "http://x/y", "k:ey": {"a": [1, "b:c"]}}'
    assert INSPECTOR.inspect(body, "application/json", None, PROFILES.get("strict")).body == body


@pytest.mark.parametrize(
    "spelling",
    [
        "".join(chr(0x0660 + int(d)) for d in make_id()),  # Arabic-Indic digits
        "".join(chr(0x0966 + int(d)) for d in make_id()),  # Devanagari digits
        "\ufe0f".join(make_id()),  # variation selectors between the digits
        "\u20e3".join(make_id()),  # combining keycap marks
        "\U000e0031".join(make_id()),  # tag characters
    ],
)
def test_digits_of_other_scripts_and_attached_marks_are_folded(spelling: str) -> None:
    body = json.dumps({"x": spelling}, ensure_ascii=False).encode()
    result = INSPECTOR.inspect(body, "application/json", None, PROFILES.get("strict"))
    assert result.entity_counts == {"RESIDENT_ID": 1}


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("quote", ["", '"'])
def test_a_csv_title_line_is_no_header(newline: str, quote: str) -> None:
    """A roster's title above its header: taken for the header, it left the names keyless."""
    text = newline.join(["低保人员花名册", "姓名,性别,身份证号", f"{quote}张伟{quote},男,{make_id()}", ""])
    result = INSPECTOR.inspect(text.encode(), "text/csv", None, PROFILES.get("strict"))
    assert result.entity_counts == {"PERSON_NAME": 1, "RESIDENT_ID": 1} and result.records == 1
    assert result.body.decode().startswith(newline.join(["低保人员花名册", "姓名,性别,身份证号", ""]))


@pytest.mark.parametrize("quote", ["", '"'])
def test_a_csv_title_is_inspected_as_text(quote: str) -> None:
    text = f"{quote}家属张伟的成员表{quote}\n与户主关系,备注\n配偶,无\n"  # quoted: the full parser
    result = INSPECTOR.inspect(text.encode(), "text/csv", None, PROFILES.get("strict"))
    assert result.entity_counts == {"PERSON_NAME": 1}
    assert "张伟" not in result.body.decode() and "与户主关系,备注\n配偶,无\n" in result.body.decode()


ID_A, ID_B = make_id(seq="101"), make_id(seq="202")


@pytest.mark.parametrize(
    ("csv", "masked"),
    [
        # A table turned so that each person is a column, under its label 姓名 (quoted: the
        # full parser), and a pivot by person under xm.
        (f"姓名,张三,李四,合计\n身份证号,{ID_A},{ID_B},\n补助,300,200,500\n", "姓名,张**,李**,合计\n身份证号,"),
        (f'姓名,张三,"李四"\r\n身份证号,{ID_A},"{ID_B}"\n', '姓名,张**,"李**"\r\n身份证号,'),
        ("xm,欧阳明月,王五\r\n1月,300,200\r\n", "xm,欧阳**,王**\r\n1月,300,200\r\n"),
        # Ordinary headers and a pivot by region stay.
        (f"姓名,身份证号,申请日期\n张三,{ID_A},2024-01-05\n", "姓名,身份证号,申请日期\n张**,"),
        ("姓名,汉滨区,石泉,高新,王府井\n张三,3,4,5,6\n", "姓名,汉滨区,石泉,高新,王府井\n张**,3,4,5,6\n"),
    ],
    ids=["turned", "turned-quoted", "pivot", "roster", "pivot-by-region"],
)
def test_names_in_a_csv_header_labelled_as_names_do_not_go_out(csv: str, masked: str) -> None:
    """Header cells were not inspected: a table whose header row is 姓名 and the persons'
    names let them all out."""
    out = INSPECTOR.inspect(csv.encode(), "text/csv", "utf-8", PROFILES.get("caseworker")).body.decode()
    assert out.startswith(masked) and not {"张三", "李四", "欧阳明月", "王五", ID_A} & set(re.split(r"[,\r\n\"]", out))


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # A Markdown table of labels and values: its rows open with "|", so the label 姓名 stood
        # in the second cell; the name above went out in clear and 电话 below was masked as one.
        ("| 姓名 | 张伟 |\n| 电话 | 13912345678 |\n", "| 姓名 |张**|\n| 电话 | 139****5678 |\n"),
        ("| 姓名 | 张伟 |\n|---|---|\n| 电话 | 13912345678 |\n", "| 姓名 |张**|\n|---|---|\n| 电话 | 139****5678 |\n"),
        (
            f"|姓名|张伟|李娜|\n|身份证号|{ID_A}|{ID_B}|\n",
            f"|姓名|张**|李**|\n|身份证号|{ID_A[:6]}********{ID_A[-4:]}|",
        ),
        # A Markdown table of records stays read by its header.
        (
            "| 姓名 | 电话 |\n|---|---|\n| 张伟 | 13912345678 |\n",
            "| 姓名 | 电话 |\n|---|---|\n| 张** | 139****5678 |\n",
        ),
    ],
    ids=["labels", "labels-with-rule", "turned", "records"],
)
def test_a_markdown_table_of_labels_is_read_by_its_labels(text: str, masked: str) -> None:
    out = INSPECTOR.inspect(text.encode(), "text/plain", "utf-8", PROFILES.get("caseworker")).body.decode()
    assert out.startswith(masked)


@pytest.mark.parametrize(
    ("csv", "masked"),
    [
        # A pivot by person under a label of its rows (月份, 日期), amounts or dates below;
        # with a total column, quoted (the full parser).
        ("月份,张三,李四\n1月,300,200\n2月,310.5,\n", "月份,张**,李**\n1月,300,200\n2月,310.5,\n"),
        ('日期,王小明,"欧阳明月",合计\r\n2024-01-05,"1,200.00",800,2000\r\n', '日期,王**,"欧阳**",合计\r\n2024-01-05,'),
        ("年度,张三,李四,王五\n2023年,2023-05-01,2023/06/01,\n", "年度,张**,李**,王**\n2023年,"),
    ],
    ids=["pivot", "pivot-quoted-total", "pivot-dates"],
)
def test_names_heading_a_pivot_without_a_name_label_do_not_go_out(csv: str, masked: str) -> None:
    """A pivot by person whose first header cell is the rows' label (月份,张三,李四) kept the
    names in its header in clear: only a header under 姓名 was read as names."""
    result = INSPECTOR.inspect(csv.encode(), "text/csv", "utf-8", PROFILES.get("caseworker"))
    out = result.body.decode()
    assert out.startswith(masked) and not {"张三", "李四", "王五", "王小明", "欧阳明月"} & set(
        re.split(r"[,\r\n\"]", out)
    )
    assert result.entity_counts["PERSON_NAME"] == len(re.findall(r"\*\*", masked))


@pytest.mark.parametrize(
    "csv",
    [
        "季度,华东,华南,华北\n一季度,300,200,100\n",  # one word family, not persons
        "时段,周一,周二,周三\n上午,8:00,9:00,10:00\n",
        "日期,应收,应付\n2024-01-05,100,200\n",
        "月份,收入,支出,余额\n1月,3,2,1\n",  # not every heading name-shaped
        "编号,方式,程序\n1,现金,普通\n",  # words below, not amounts
        "月份,张三\n1月,300\n",  # one column: too little to tell
        "月份,韩城市,华阴市\n1月,300,200\n",  # a pivot by county
    ],
)
def test_ordinary_headers_over_amounts_stay(csv: str) -> None:
    result = INSPECTOR.inspect(csv.encode(), "text/csv", "utf-8", PROFILES.get("caseworker"))
    assert result.body.decode() == csv and not result.findings


@pytest.mark.parametrize(
    ("body", "media_type", "masked"),
    [
        ('{"xm": "张  伟"}', "application/json", '{"xm":"张**"}'),
        (
            '{"items": [{"xm": "张\u3000伟"}, {"xm": "李娜"}]}',
            "application/json",
            '{"items":[{"xm":"张**"},{"xm":"李**"}]}',
        ),
        ("姓名,民族\r\n张  伟,汉族\r\n", "text/csv", "姓名,民族\r\n张**,汉族\r\n"),
        ('xm\tmz\r\n"张\t伟"\t汉族\r\n', "text/tab-separated-values", 'xm\tmz\r\n"张**"\t汉族\r\n'),
        (
            "<table><tr><th>姓名</th></tr><tr><td>张&nbsp;&nbsp;伟</td></tr></table>",
            "text/html",
            "<table><tr><th>姓名</th></tr><tr><td>张**</td></tr></table>",
        ),
    ],
    ids=["json", "json-ideographic-space", "csv", "tsv-quoted-tab", "html-nbsp"],
)
def test_a_name_padded_with_spaces_is_a_name(body: str, media_type: str, masked: str) -> None:
    """Rosters pad a two-character name to the width of three (张  伟): under a name key it
    was no name's shape and went out in clear."""
    result = INSPECTOR.inspect(body.encode(), media_type, "utf-8", PROFILES.get("caseworker"))
    assert result.body.decode() == masked
    assert result.entity_counts == {"PERSON_NAME": masked.count("**")}


def _refs(text: str, form: str = "&#{};") -> str:
    return "".join(form.format(ord(c)) for c in text)


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        (_refs(ID_A), ID_A[:6] + "********" + ID_A[-4:]),
        ("身份证号 " + _refs(ID_A, "&#x{:x};"), "身份证号 " + ID_A[:6] + "********" + ID_A[-4:]),
        (_refs("13912345678", "&#{}"), "139****5678"),  # without ";", as browsers read them too
    ],
    ids=["decimal", "hex-in-text", "no-semicolon"],
)
def test_numbers_as_html_character_references_in_json_are_masked(value: str, masked: str) -> None:
    """A JSON value a page writes into HTML shows &#54;&#49;… as the digits: as written no
    pattern found them, under sfzh or not, alone or in a column."""
    records = [{"xm": _refs("张伟"), "remark": value}, {"xm": "李娜", "remark": "无"}]
    body = json.dumps({"one": value, "items": records}).encode()
    result = INSPECTOR.inspect(body, "application/json", "utf-8", PROFILES.get("caseworker"))
    out = json.loads(result.body)
    assert out["one"] == masked and out["items"][0]["remark"] == masked
    assert [r["xm"] for r in out["items"]] == ["张**", "李**"]


# Headings of civil-affairs reports (periods, streets and towns of 汉滨区, categories of
# assistance, totals and figures), several of them beginning with a surname character.
_ROW_LABELS = ["月份", "季度", "街道", "类别", "日期", "年度", "救助类别", "统计月份"]
_REPORT_HEADINGS = [
    *[
        "一月",
        "十二月",
        "1月",
        "第一季度",
        "一季度",
        "上半年",
        "下半年",
        "全年",
        "本月",
        "上月",
        "本年",
        "本期",
        "上期",
        "去年同期",
        "周一",
        "周二",
    ],
    *["新城街道", "江北街道", "老城街道", "建民街道", "关庙镇", "张滩镇", "恒口镇", "城关镇"],
    *[
        "低保",
        "城市低保",
        "农村低保",
        "特困",
        "特困供养",
        "临时救助",
        "医疗救助",
        "孤儿",
        "残疾人",
        "高龄",
        "五保",
        "优抚",
        "分散供养",
        "集中供养",
    ],
    *[
        "合计",
        "小计",
        "总计",
        "平均",
        "均值",
        "同比",
        "环比",
        "增长",
        "增幅",
        "余额",
        "期初余额",
        "期末余额",
        "结余",
        "发放金额",
        "发放人数",
        "人数",
    ],
    *[
        "户数",
        "金额",
        "应发",
        "实发",
        "补发",
        "日期",
        "王牌",
        "方案",
        "标准",
        "比例",
        "占比",
        "户均",
        "人均",
        "累计",
        "预算",
        "支出",
        "收入",
        "资金",
        "差额",
    ],
    *["完成率", "钱数", "万元", "应收", "应付", "华东", "华南", "党员", "包户", "温泉", "向阳", "服务费"],
]


def test_report_headings_over_amounts_are_no_pivot_by_person() -> None:
    """Every pair of a report's headings under each rows' label, over amounts (and with a
    total after them): many begin with a surname (余额, 平均, 王牌, 方案, 钱数), and two of
    two surnames made a pivot by person whose headings were masked as names."""
    masked: list[str] = []
    caseworker = PROFILES.get("caseworker")
    for label in _ROW_LABELS:
        for i, first in enumerate(_REPORT_HEADINGS):
            for second in _REPORT_HEADINGS[i + 1 :: 7]:  # a seventh of the pairs: a quarter of a second
                csv = f"{label},{first},{second},合计\n2024-01,1200.00,300,1500\n2024-02,1300.5,0,1300.5\n"
                result = INSPECTOR.inspect(csv.encode(), "text/csv", "utf-8", caseworker)
                if result.entity_counts:
                    masked.append(result.body.decode().splitlines()[0])
    assert not masked, masked[:20]
    # Persons still are, beside a report's heading as the total.
    csv = "月份,张伟,李娜,合计\n2024-01,1200.00,300,1500\n"
    result = INSPECTOR.inspect(csv.encode(), "text/csv", "utf-8", caseworker)
    assert result.body.decode().startswith("月份,张**,李**,合计\n") and result.entity_counts == {"PERSON_NAME": 2}


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # A map of person records keyed by name, two of them (walked column by column) or one.
        ({"data": {"张三": {"sfzh": ID_A}, "欧阳明月": {"lxdh": "13912345678"}}}, ["张三", "欧阳明月"]),
        ({"张三": {"sfzh": ID_A, "lxdh": "13912345678"}}, ["张三"]),
        # A person's number keyed by their name, and a household by relation.
        ({"张三": "13912345678", "李四": ID_B}, ["张三", "李四"]),
        ({"members": {"张三": "户主", "李四": "配偶", "王小明": "儿子"}}, ["张三", "李四", "王小明"]),
        # The register's one-character codes are relations too.
        ({"张三": "户主", "李四": "妻", "王小明": "子"}, ["张三", "李四", "王小明"]),
        ({"members": {"李四": "女", "王五": "母"}}, ["李四", "王五"]),
        # One record in a list is that record.
        ({"张三": [{"sfzh": ID_A, "lxdh": "13912345678"}]}, ["张三"]),
        ({"data": {"张三": [{"yhkh": make_card()}], "total": 1}}, ["张三"]),
    ],
)
def test_a_key_that_names_the_person_it_holds_is_masked(body: dict[str, object], names: list[str]) -> None:
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    out = result.body.decode()
    assert not [name for name in names if name in out]
    assert result.entity_counts["PERSON_NAME"] == len(names)
    assert any(f.entity == "PERSON_NAME" and f.evidence == "key:member-name" for f in result.findings)


@pytest.mark.parametrize(
    ("body", "keys"),
    [
        # Maps by district, statistics, field names that start with a surname, categories.
        ({"汉滨区": [{"sfzh": ID_A}], "安康": {"sfzh": ID_A}, "石泉县": {"sfzh": ID_B}}, ["汉滨区", "安康", "石泉县"]),
        ({"stats": {"王府": {"count": 3}, "李庄": {"count": 5}}}, ["王府", "李庄"]),
        ({"高龄": "老人", "方式": "其他", "时间": "2024-01-01", "房屋": "自有"}, ["高龄", "方式", "时间", "房屋"]),
        ({"items": [{"张三": "男"}, {"张三": "女"}]}, ["张三"]),
        # Envelopes whose records name their persons, a list of persons, a workplace's phone.
        ({"成员": {"xm": "李四", "sfzh": ID_A}, "单位": {"lxdh": "0915-3212345"}}, ["成员", "单位"]),
        ({"成员": [{"sfzh": ID_A}, {"sfzh": ID_B}]}, ["成员"]),
        # a place's or a unit's record with its contact mobile and a person under an unknown key
        ({"王府井": {"lxdh": "13912345678", "fzr": "李四"}}, ["王府井"]),
        # Places and groups over a record with an ID number (its responsible person's, its
        # member's): a region by its short name, a development zone, a village or landmark.
        ({"高新": {"sfzh": ID_A}}, ["高新"]),
        ({"王府井": {"sfzh": ID_A}}, ["王府井"]),
        ({"石泉": {"sfzh": ID_A}, "平利": {"sfzh": ID_B}}, ["石泉", "平利"]),  # a map, by column
        ({"李家庄": {"sfzh": ID_A}}, ["李家庄"]),
        ({"成员": {"sfzh": ID_A}, "单位": {"sfzh": ID_B, "bz": "无"}}, ["成员", "单位"]),
        ({"高龄": {"sfzh": ID_A}}, ["高龄"]),
        ({"成员": [{"sfzh": ID_A}], "高新": [{"sfzh": ID_B}]}, ["成员", "高新"]),
        # Several records under one key: an envelope or a category far more often than a
        # household under its head's name.
        ({"张三": [{"sfzh": ID_A}, {"sfzh": ID_B}]}, ["张三"]),
        ({"王府": "男", "李庄": "子"}, ["王府", "李庄"]),  # a gender is no relation; a place's final
    ],
)
def test_keys_shaped_like_names_stay_without_a_person_under_them(body: dict[str, object], keys: list[str]) -> None:
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    assert not [f for f in result.findings if f.evidence == "key:member-name"]
    assert list(_keys(json.loads(result.body))) == list(_keys(body)) and set(keys) <= set(_keys(body))


# Counties and county-level cities across the country by their full names: the ones that start
# with a surname (韩城市, 华阴市, 张北县, 高明区), those of autonomous counties (石林彝族自治县,
# 龙胜各族自治县) and those of Shaanxi outside 安康 and 西安 (神木市, 府谷县).
COUNTY_NAMES = [
    "韩城市",
    "华阴市",
    "神木市",
    "府谷县",
    "彬州市",
    "黄陵县",
    "陈仓区",
    "张北县",
    "孟津区",
    "汤阴县",
    "林州市",
    "华容县",
    "温江区",
    "洪洞县",
    "于洪区",
    "高明区",
    "江山市",
    "罗平县",
    "石林彝族自治县",
    "龙胜各族自治县",
    "伊通满族自治县",
]


@pytest.mark.parametrize("county", COUNTY_NAMES)
def test_a_county_by_its_name_is_a_place_not_a_name(county: str) -> None:
    """Only 安康's and 西安's regions were known: a map by county elsewhere (韩城市, 华阴市) had
    its keys masked as the names of the persons in their records."""
    body = {county: {"sfzh": ID_A}}
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    assert not [f for f in result.findings if f.evidence == "key:member-name"]
    assert list(_keys(json.loads(result.body))) == list(_keys(body))


@pytest.mark.parametrize("name", ["高明", "江山", "安宁", "方正"])
def test_a_short_county_name_that_is_also_a_given_name_is_masked_as_a_name(name: str) -> None:
    """高明 is a district of 佛山 and a common name: over a person's record, outside the regions
    of this deployment's dictionary, the name is what it is taken for."""
    result = inspect_json("caseworker", json.dumps({name: {"sfzh": ID_A}}, ensure_ascii=False).encode())
    assert name not in result.body.decode()
    assert any(f.evidence == "key:member-name" for f in result.findings)


def _keys(node: object) -> list[str]:
    if isinstance(node, dict):
        return [k for key, value in node.items() for k in (key, *_keys(value))]
    if isinstance(node, list):
        return [k for item in node for k in _keys(item)]
    return []


def _b64(text: str, url_safe: bool = False) -> str:
    encoded = base64.b64encode(text.encode(), altchars=b"-_" if url_safe else None).decode()
    return encoded.rstrip("=") if url_safe else encoded


B64_RECORD = json.dumps({"xm": "张三", "sfzh": ID_A, "lxdh": "13912345678"}, ensure_ascii=False)


@pytest.mark.parametrize(
    ("body", "media"),
    [
        # JSON in base64 in a JSON string (a payload, an opaque cursor under a business key),
        # URL-safe without padding, and text in base64.
        ({"code": 0, "payload": _b64(B64_RECORD)}, "application/json"),
        ({"id": _b64(B64_RECORD, url_safe=True)}, "application/json"),
        ({"items": [{"bz": _b64(f"申请人张三，身份证号{ID_A}")}, {"bz": _b64("无")}]}, "application/json"),
        ({"items": [{"ext": _b64(B64_RECORD)}, {"ext": ""}]}, "application/json"),  # by column
        (f"编号,附件\n1,{_b64(B64_RECORD)}\n", "text/csv"),
        (_b64(B64_RECORD), "text/plain"),
    ],
    ids=["json", "url-safe-business-key", "text", "column", "csv", "whole-body"],
)
def test_personal_data_in_base64_is_masked_and_encoded_again(body: object, media: str) -> None:
    """Text in base64 went out encoded, ID number, name and phone and all: no pattern finds
    them in its letters."""
    raw = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    result = INSPECTOR.inspect(raw.encode(), media, "utf-8", PROFILES.get("caseworker"))
    tokens = re.findall(r"[A-Za-z0-9+/_-]{24,}=*", result.body.decode())
    inner = [
        base64.b64decode(t + "=" * (-len(t) % 4), altchars=b"-_" if "-" in t or "_" in t else None) for t in tokens
    ]
    decoded = [t.decode() for t in inner]
    assert decoded and not [t for t in decoded if ID_A in t or "张三" in t or "13912345678" in t]
    assert any(ID_A[:6] + "********" in t for t in decoded)
    assert result.entity_counts["RESIDENT_ID"] == 1


@pytest.mark.parametrize(
    "value",
    [
        _b64("nothing personal in here, only words"),
        "0123456789abcdef0123456789abcdef",  # a hex digest
        "dGhpcyBpcyBub3QgdXRmLTgg/w==",  # bytes that are no UTF-8 text
        base64.b64encode(bytes(range(256)) * 2).decode(),  # binary, no file's signature
    ],
)
def test_base64_without_personal_data_stays(value: str) -> None:
    body = json.dumps({"token": value}).encode()
    result = INSPECTOR.inspect(body, "application/json", "utf-8", PROFILES.get("caseworker"))
    assert result.body == body and not result.findings


@pytest.mark.parametrize(
    ("body", "media"),
    [
        ("联系 8613912345678 谢谢", "text/plain"),
        ("tel:8613912345678", "text/plain"),
        ('{"bz": "回拨8613912345678"}', "application/json"),
        ('{"phone": "8613912345678"}', "application/json"),
        ("联系 86 13912345678 / 86-139-1234-5678", "text/plain"),
    ],
)
def test_a_mobile_with_a_bare_86_prefix_is_masked(body: str, media: str) -> None:
    out = INSPECTOR.inspect(body.encode(), media, "utf-8", PROFILES.get("statistician")).body.decode()
    assert "1391234" not in out and "12345678" not in out and "5678" not in out
    assert "<MOBILE>" in out


GROUPED_ID = make_id("610902", "19470415", "817")


@pytest.mark.parametrize(
    "spelling",
    [
        "139/1234/5678",
        "139_1234_5678",
        "１３９／１２３４／５６７８",  # full-width digits and slashes
        "139＿1234＿5678",
        f"{GROUPED_ID[:6]}/{GROUPED_ID[6:14]}/{GROUPED_ID[14:]}",
        f"{GROUPED_ID[:6]}_{GROUPED_ID[6:14]}_{GROUPED_ID[14:]}",
    ],
)
def test_digits_grouped_by_slashes_or_underscores_are_found_in_free_text(spelling: str) -> None:
    digits = "".join(c for c in spelling if c.isdigit())
    label = PROFILES.get("statistician")
    text = INSPECTOR.inspect(f"请回电 {spelling} 谢谢".encode(), "text/plain", "utf-8", label).body.decode()
    assert text in ("请回电 <MOBILE> 谢谢", "请回电 <RESIDENT_ID> 谢谢")
    # in a remark column, and an ID number under a business key (checksummed, so taken there too)
    rows = [{"bz": f"备注{spelling}", "amount": k} | ({"lsh": spelling} if len(digits) == 18 else {}) for k in range(3)]
    body = json.dumps({"data": {"records": rows}}, ensure_ascii=False).encode()
    out = INSPECTOR.inspect(body, "application/json", "utf-8", label).body.decode()
    assert digits[-4:] not in out and out.count("<") == (6 if len(digits) == 18 else 3)


def test_slashes_and_underscores_that_group_no_number_stay() -> None:
    text = (
        "2024/01/15 办结，比例 3/4，见 /api/v1/items/2024/0115 与 img_2024_0115_1530.jpg，1920/1080，"
        "1990/01/15 123，15/01/1990 123，统计 1\t150\t2000\t3000"
    )
    result = INSPECTOR.inspect(text.encode(), "text/plain", "utf-8", PROFILES.get("statistician"))
    assert result.body.decode() == text


def _escaped(digits: str) -> str:
    return "".join(f"%{ord(c):02X}" for c in digits)


@pytest.mark.parametrize(
    ("body", "media"),
    [
        (f"q=1&sfzh={_escaped(GROUPED_ID)}&x=1", "text/plain"),
        (f"GET /api/cx?sjhm={_escaped('13912345678')} HTTP/1.1", "text/plain"),
        (f"sjhm=139{_escaped('12345678')}", "text/plain"),  # some digits escaped
        (json.dumps({"url": f"https://x.gov.cn/cx?q={_escaped(GROUPED_ID)}"}), "application/json"),
        (json.dumps({"sfzh": _escaped(GROUPED_ID)}), "application/json"),
        (json.dumps([{"lsh": _escaped(GROUPED_ID)}, {"lsh": "A1"}]), "application/json"),  # a business column
        (f"sfzh={_escaped(GROUPED_ID)}&x=1", "application/x-www-form-urlencoded"),  # decoded by the form walker
    ],
)
def test_percent_escaped_digits_are_found(body: str, media: str) -> None:
    out = INSPECTOR.inspect(body.encode(), media, "utf-8", PROFILES.get("statistician")).body.decode()
    assert "%3" not in out.replace("%3C", "").replace("%3E", "")  # no escaped digit left, not even a part of one
    assert "RESIDENT_ID" in out or "MOBILE" in out


# Tables written as JSON: the column names in one array, the rows as arrays (pandas'
# orient="split", report engines, grid widgets), or a list of rows whose first row is the
# header. Each cell is judged under its column's name.
_TABLE_ID = make_id(seq="303")


@pytest.mark.parametrize(
    "body",
    [
        {"columns": ["xm", "sfzh", "lxdh"], "data": [["张伟", _TABLE_ID, "13912345678"], ["李娜", ID_A, None]]},
        {"columns": ["xm", "sfzh"], "index": [0, 1], "data": [["张伟", _TABLE_ID], ["李娜", ID_A]]},
        {"code": 0, "data": {"fields": ["xm", "sfzh"], "rows": [["张伟", _TABLE_ID], ["李娜", ID_A]]}},
        {"header": ["姓名", "身份证号", "家庭住址"], "rows": [["张伟", _TABLE_ID, "育才路12号"], ["李娜", ID_A, ""]]},
        {"cols": [{"name": "xm", "title": "姓名"}, {"name": "sfzh"}], "rows": [["张伟", _TABLE_ID], ["李娜", ID_A]]},
        [["姓名", "身份证号"], ["张伟", _TABLE_ID], ["李娜", ID_A]],
        {"rows": [["xm", "sfzh"], ["张伟", _TABLE_ID], ["李娜", ID_A]]},
        # Query engines' answers: ClickHouse's JSONCompact, OpenSearch SQL, an ECharts dataset.
        {
            "meta": [{"name": "xm", "type": "String"}, {"name": "sfzh", "type": "String"}],
            "data": [["张伟", _TABLE_ID], ["李娜", ID_A]],
        },
        {
            "schema": [{"name": "xm", "type": "keyword"}, {"name": "sfzh", "type": "keyword"}],
            "datarows": [["张伟", _TABLE_ID], ["李娜", ID_A]],
        },
        {"dimensions": ["xm", "sfzh"], "source": [["张伟", _TABLE_ID], ["李娜", ID_A]]},
    ],
)
def test_a_table_of_rows_is_judged_under_its_column_names(body: object) -> None:
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    out = result.body.decode()
    assert not [name for name in ("张伟", "李娜", _TABLE_ID, ID_A) if name in out]
    assert result.entity_counts["PERSON_NAME"] == 2
    assert json.loads(out).keys() == body.keys() if isinstance(body, dict) else isinstance(json.loads(out), list)


@pytest.mark.parametrize(
    "body",
    [
        # Lists of strings that are no header: words, options, a header naming no entity.
        {"tags": [["张伟", "李娜"], ["王强", "赵敏"]]},
        {"columns": ["状态", "数量"], "data": [["张伟", 3]]},
        {"rows": [["bz", "zt"], ["张伟", "李娜"]]},
    ],
)
def test_lists_of_strings_without_a_header_are_no_table(body: object) -> None:
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    assert result.entity_counts.get("PERSON_NAME", 0) == 0
    assert json.loads(result.body) == body


# Name/value pairs (dynamic forms, entity-attribute-value stores): the value is judged under
# the field name the pair holds.
@pytest.mark.parametrize(
    "body",
    [
        {"fields": [{"name": "xm", "value": "张伟"}, {"name": "sfzh", "value": _TABLE_ID}]},
        [{"label": "姓名", "value": "张伟"}, {"label": "备注", "value": "无"}],
        {"form": {"label": "姓名", "value": "张伟"}},
        {"items": [{"key": "联系人", "val": "张伟"}]},
        {"data": [{"field": "xm", "fieldValue": "张伟"}, {"field": "xb", "fieldValue": "男"}]},
        {"zdlb": [{"zdmc": "姓名", "zdz": "张伟"}]},
        [{"attributeName": "xm", "attributeValue": "张伟"}],
        [{"propName": "姓名", "propValue": "张伟"}],
        [{"paramName": "xm", "paramValue": "张伟"}],
        [{"fieldLabel": "姓名", "fieldValue": "张伟"}],
        {"fields": [{"label": "姓名", "text": "张伟"}, {"label": "状态", "text": "在保"}]},  # was in clear
    ],
)
def test_a_name_value_pair_is_judged_under_the_name_it_holds(body: object) -> None:
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    assert "张伟" not in result.body.decode()
    assert result.entity_counts["PERSON_NAME"] == 1


def test_a_person_named_under_name_beside_a_value_stays_a_name() -> None:
    body = [{"name": "张伟", "value": 3}, {"name": "李娜", "value": 5}]
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    assert "张伟" not in result.body.decode() and result.entity_counts["PERSON_NAME"] == 2
    assert [item["value"] for item in json.loads(result.body)] == [3, 5]


# More shapes that hold the field name apart from its value: [key, value] entries (a Map or a
# dict's items), parallel arrays, form state and change logs under the field's key, Google
# Charts' DataTable, a SheetJS worksheet, and pairs named k/v or title/content. Each went out
# with the name in clear: judged under a key that says nothing, a name has no evidence.
@pytest.mark.parametrize(
    "body",
    [
        [["xm", "张伟"], ["sfzh", _TABLE_ID]],
        {"data": [["姓名", "张伟"], ["手机号", "13912345678"]]},
        {"keys": ["xm", "lxdh"], "values": ["张伟", "13912345678"]},
        {"names": ["姓名", "身份证号"], "data": ["张伟", _TABLE_ID]},
        {"xm": {"value": "张伟", "dirty": False, "touched": True}},
        {"changes": {"xm": {"old": "张伟", "new": "张伟伟"}}},
        {"cols": [{"id": "xm", "label": "姓名"}], "rows": [{"c": [{"v": "张伟"}]}]},
        {
            "cols": [
                {"id": "A", "label": "姓名", "type": "string"},
                {"id": "B", "label": "身份证号", "type": "string"},
            ],
            "rows": [{"c": [{"v": "张伟", "f": "张伟"}, {"v": _TABLE_ID}]}, {"c": [None, {"v": ID_A}]}],
        },
        {"A1": {"v": "姓名"}, "B1": {"v": "身份证号"}, "A2": {"v": "张伟"}, "B2": {"v": _TABLE_ID}},
        {
            "!ref": "A1:B3",
            "A1": {"t": "s", "v": "低保对象名册"},
            "A2": {"t": "s", "v": "姓名"},
            "B2": {"t": "s", "v": "联系电话"},
            "A3": {"t": "s", "v": "张伟", "w": "张伟"},
            "B3": {"t": "n", "v": 13912345678, "w": "13912345678"},
        },
        [{"k": "xm", "v": "张伟"}, {"k": "xb", "v": "男"}],
        {"k": "xm", "v": "张伟"},
        [{"title": "姓名", "content": "张伟"}, {"title": "性别", "content": "男"}],
    ],
    ids=[
        "entries",
        "entries-zh",
        "parallel",
        "parallel-data",
        "form-state",
        "change-log",
        "google-datatable",
        "google-formatted",
        "sheetjs",
        "sheetjs-title-row",
        "k-v-list",
        "k-v",
        "title-content",
    ],
)
def test_a_value_held_apart_from_its_field_name_is_judged_under_it(body: object) -> None:
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    out = result.body.decode()
    assert not [secret for secret in ("张伟", _TABLE_ID, ID_A, "13912345678") if secret in out]
    assert result.entity_counts["PERSON_NAME"] >= 1
    assert type(json.loads(out)) is type(body)


@pytest.mark.parametrize(
    "body",
    [
        # Entries, arrays and objects whose keys name no entity; a header beside a flat list
        # that is no row of values; a worksheet whose first row is no header.
        [["bz", "张伟"], ["zt", "李娜"]],
        {"fields": ["xm", "sfzh"], "required": ["张伟", "李娜"]},
        {"status": {"value": "张伟"}},
        {"A1": {"v": "备注"}, "A2": {"v": "张伟"}},
        [{"k": "bz", "v": "张伟"}],
    ],
)
def test_values_beside_field_names_the_catalog_does_not_know_stay(body: object) -> None:
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    assert result.entity_counts.get("PERSON_NAME", 0) == 0
    assert json.loads(result.body) == body


# An ID number or a phone in parts, one member each (forms that take them in boxes): no part
# is a number, and the whole went out in clear. Judged whole under the key the parts' keys
# share, the mask cut back into parts.
@pytest.mark.parametrize(
    ("body", "masked", "entity"),
    [
        (
            {"sfzh1": _TABLE_ID[:6], "sfzh2": _TABLE_ID[6:]},
            {"sfzh1": _TABLE_ID[:6], "sfzh2": "********" + _TABLE_ID[-4:]},
            "RESIDENT_ID",
        ),
        (
            {"sfzh_1": _TABLE_ID[:6], "sfzh_2": _TABLE_ID[6:14], "sfzh_3": _TABLE_ID[14:]},
            {"sfzh_1": _TABLE_ID[:6], "sfzh_2": "********", "sfzh_3": _TABLE_ID[14:]},
            "RESIDENT_ID",
        ),
        (
            {"lxdh1": "139", "lxdh2": "1234", "lxdh3": 5678},
            {"lxdh1": "139", "lxdh2": "****", "lxdh3": "5678"},
            "MOBILE",
        ),
        (
            {"items": [{"xm": "张伟", "sjhm1": "139", "sjhm2": "12345678"}]},
            {"items": [{"xm": "张**", "sjhm1": "139", "sjhm2": "****5678"}]},
            "MOBILE",
        ),
    ],
    ids=["id-two-parts", "id-three-parts", "mobile-parts", "mobile-parts-in-records"],
)
def test_a_number_in_parts_under_its_key_is_judged_whole(body: object, masked: object, entity: str) -> None:
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    assert json.loads(result.body) == masked
    assert result.entity_counts[entity] == 1


def test_numbers_under_indexed_keys_that_are_whole_or_no_entitys_stay_apart() -> None:
    body = {"phone1": "13912345678", "phone2": "13812345678", "je1": "123", "je2": "45678901"}
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    assert json.loads(result.body) == {**body, "phone1": "139****5678", "phone2": "138****5678"}
    assert result.entity_counts == {"MOBILE": 2}


# XML or HTML held in a JSON string: read as text, its element names and labels were no
# evidence and a name in it went out in clear.
@pytest.mark.parametrize(
    "body",
    [
        {"xml": "<xm>张伟</xm>"},
        {"xml": f"<root><ns1:xm>张伟</ns1:xm><sfzh>{_TABLE_ID}</sfzh></root>"},
        {"items": [{"id": 1, "xml": "<xm>张伟</xm>"}, {"id": 2, "xml": "<person><xm>张伟</xm></person>"}]},
        {"content": "<p><b>姓名</b>张伟</p>"},
    ],
    ids=["value", "document", "column", "rich-text"],
)
def test_markup_in_a_json_string_is_walked_as_markup(body: object) -> None:
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    out = result.body.decode()
    assert "张伟" not in out and _TABLE_ID not in out
    assert result.entity_counts["PERSON_NAME"] >= 1
    assert "</" in json.dumps(json.loads(out))  # still markup


def test_markup_in_a_json_string_without_a_person_stays() -> None:
    body = {"notice": "<p><b>备注</b>低保</p>", "xm": "<b>张伟</b>"}
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    assert json.loads(result.body)["notice"] == body["notice"]


# pandas' DataFrame.to_json() by default (orient="columns"): each column a map from the row's
# index to its value. The values are the column's, judged under its name.
@pytest.mark.parametrize(
    "body",
    [
        {"xm": {"0": "张伟", "1": "李娜"}, "sfzh": {"0": _TABLE_ID, "1": ID_A}},
        {"code": 0, "data": {"xm": {"3": "张伟", "17": "李娜"}, "jtzz": {"3": "育才路12号", "17": ""}}},
    ],
)
def test_a_column_mapped_by_row_index_is_judged_under_its_name(body: dict[str, object]) -> None:
    result = inspect_json("caseworker", json.dumps(body, ensure_ascii=False).encode())
    out = result.body.decode()
    assert "张伟" not in out and "李娜" not in out
    assert result.entity_counts["PERSON_NAME"] == 2
    assert json.loads(out).keys() == body.keys()


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"detail": f"xm=张伟, sfzh={make_id()}"}, '"xm=张**, sfzh='),
        ({"remark": "name: 张伟"}, '"name: 张**"'),
        ({"msg": "申请失败 applicantName：欧阳娜娜，请核实"}, '"申请失败 applicantName：欧阳**，请核实"'),
        ({"items": [{"remark": "无"}, {"remark": "xm=张伟"}]}, '"xm=张**"'),  # a column
        ({"items": [{"remark": f"备注{k}"} for k in range(300)] + [{"remark": "name: 张伟"}]}, '"name: 张**"'),
        ({"remark": "name: 民政局, product: 王府井"}, '"name: 民政局, product: 王府井"'),  # no name, no name key
    ],
    ids=["value", "yaml-like", "full-width-colon", "column", "long-column", "not-names"],
)
def test_names_under_a_field_name_in_a_json_string_are_found(doc: object, expected: str) -> None:
    """A JSON string value was scanned as free text: a name under xm= or name: in it had no
    evidence and went out in clear, where the same text as a body was masked."""
    body = json.dumps(doc, ensure_ascii=False).encode()
    result = INSPECTOR.inspect(body, "application/json", None, PROFILES.get("caseworker"))
    assert expected in result.body.decode()

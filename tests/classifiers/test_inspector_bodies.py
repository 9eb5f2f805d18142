"""Bodies walked as what they are whatever their media type says: JSON under other types,
tables, JSON inside text, multipart parts, HTML, JSON lines, deep nesting, UTF-16/32, NUL bytes,
form field names."""

import base64
import json

import pytest

from classifiers.inspect import InspectionError
from support.inspected import INSPECTOR, PROFILES
from support.synth_people import make_id

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

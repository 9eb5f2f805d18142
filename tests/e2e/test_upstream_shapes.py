"""Red team of response shapes, end to end: an upstream answering with bytes written by hand
(types, charsets, codings, framing, headers, statuses), the real gateway in front, and what
the caller receives. Whatever the shape, no resident ID number, mobile, bank card, address
or name goes out in clear, what cannot be inspected is withheld, and every request leaves
exactly one audit event."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Iterator
from urllib.parse import quote, unquote_to_bytes

import brotli
import docx
import httpx
import openpyxl
import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, free_port, get, start_gateway, stop_gateway, wait_for_events
from support.raw_upstream import answer, chunked, raw_upstream
from support.synth_people import make_card, make_id

pytestmark = pytest.mark.opensearch

ID = make_id(birth="19491231", seq="002")
MOBILE = "13912345678"
CARD = make_card()
NAME = "张伟"
ADDRESS = "陕西省安康市汉滨区新城街道育才路12号"
SECRETS = {"ID": ID, "MOBILE": MOBILE, "CARD": CARD, "NAME": NAME, "ADDRESS": ADDRESS[9:]}
RECORD = {"name": NAME, "idNumber": ID, "mobile": MOBILE, "homeAddress": ADDRESS, "bankCard": CARD}
JSON = json.dumps({"items": [RECORD]}, ensure_ascii=False).encode()
CSV = f"姓名,身份证号码,手机号码,家庭住址,银行卡号\r\n{NAME},{ID},{MOBILE},{ADDRESS},{CARD}\r\n"
HTML_TABLE = (
    "<table><tr><th>姓名</th><th>身份证号码</th><th>家庭住址</th></tr>"
    f"<tr><td>{NAME}</td><td>{ID}</td><td>{ADDRESS}</td></tr></table>"
)

# Excel 2003 XML ("XML 表格 2003"): the first row's cells head the columns; a skipped column
# (ss:Index) and a merged one (ss:MergeAcross) move the cells after them.
_SHEET_ROWS = [
    ["姓名", "身份证号码", "手机号码", "家庭住址", "银行卡号"],
    [NAME, ID, MOBILE, ADDRESS, CARD],
]
SPREADSHEET = (
    '<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Excel.Sheet"?>'
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table>'
    + "".join(
        "<Row>" + "".join(f'<Cell><Data ss:Type="String">{v}</Data></Cell>' for v in row) + "</Row>"
        for row in _SHEET_ROWS
    )
    + '<Row><Cell ss:MergeAcross="1"><Data ss:Type="String">合计</Data></Cell>'
    + f'<Cell ss:Index="4"><Data ss:Type="String">{ADDRESS}</Data></Cell></Row>'
    + f'<Row><Cell ss:Index="1"><Data ss:Type="String">{NAME}</Data></Cell></Row>'
    + "</Table></Worksheet></Workbook>"
)


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:  # an .xlsx is a zip of XML
        z.writestr("xl/sharedStrings.xml", f"<sst><si><t>{NAME}</t></si><si><t>{ID}</t></si></sst>")
    return out.getvalue()


def _xlsx(*extra_parts: tuple[str, bytes]) -> bytes:
    """A roster as openpyxl writes an .xlsx, a title above its header; ``extra_parts`` added."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["低保人员花名册"])
    for row in _SHEET_ROWS:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return _added(out, extra_parts)


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _docx(*extra_parts: tuple[str, bytes]) -> bytes:
    """A form as a template engine fills a .docx: a table of labels and values, a line of
    prose; ``extra_parts`` added."""
    document = docx.Document()
    document.add_paragraph(f"申请人{NAME}，身份证号{ID}。")
    form = document.add_table(rows=len(_SHEET_ROWS[0]), cols=2)
    for r, (label, value) in enumerate(zip(*_SHEET_ROWS, strict=True)):
        form.cell(r, 0).text, form.cell(r, 1).text = label, value
    out = io.BytesIO()
    document.save(out)
    return _added(out, extra_parts)


def _added(archive: io.BytesIO, parts: tuple[tuple[str, bytes], ...]) -> bytes:
    """A saved Office file with ``parts`` (a picture, …) added to its archive."""
    with zipfile.ZipFile(archive, "a") as added:
        for name, data in parts:
            added.writestr(name, data)
    return archive.getvalue()


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


# A JSON Web Token whose claims name a person.
_JWT = ".".join(
    [
        _b64url(b'{"alg":"HS256","typ":"JWT"}'),
        _b64url(json.dumps({"sfzh": ID, "xm": NAME, "sjhm": MOBILE}, ensure_ascii=False).encode()),
        _b64url(b"signature-of-the-issuer"),
    ]
)


def _ok(content_type: str | None, body: bytes, *extra: tuple[str, str | bytes]) -> bytes:
    headers: list[tuple[str, str | bytes]] = [] if content_type is None else [("Content-Type", content_type)]
    return answer("200 OK", [*headers, *extra], body)


JSON_TYPE = "application/json"
OK = (200, None)
# case: (what the upstream sends, (status, error code) the caller gets)
SHAPES: dict[str, tuple[bytes, tuple[int, str | None]]] = {
    # Types
    "vnd-json-gbk": (_ok("application/vnd.foo+json; charset=gbk", JSON.decode().encode("gbk")), OK),
    "text-json": (_ok("text/json", JSON), OK),
    "jsonp": (_ok("application/javascript", b"cb(" + JSON + b");"), OK),
    "jsonp-x-javascript": (_ok("application/x-javascript", b"cb(" + JSON + b")"), OK),
    "sse": (_ok("text/event-stream", b"event: person\ndata: " + JSON + b"\n\n"), OK),
    "multipart-json": (
        _ok("multipart/mixed; boundary=b", b"--b\r\nContent-Type: application/json\r\n\r\n" + JSON + b"\r\n--b--\r\n"),
        OK,
    ),
    "multipart-csv": (
        _ok(
            "multipart/mixed; boundary=b",
            f"This is a multi-part message in MIME format.\r\n--b\r\nContent-Type: text/csv\r\n\r\n{CSV}\r\n--b--\r\n".encode(),
        ),
        OK,
    ),
    "multipart-base64": (
        _ok(
            "multipart/mixed; boundary=b",
            b"--b\r\nContent-Type: text/csv\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + base64.b64encode(CSV.encode())
            + b"\r\n--b--\r\n",
        ),
        (502, "uninspectable_unsupported_encoding"),
    ),
    "octet-json": (_ok("application/octet-stream", JSON), OK),
    "untyped-json": (_ok(None, JSON), OK),
    "octet-csv": (_ok("application/octet-stream", CSV.encode()), OK),
    "untyped-csv": (_ok(None, CSV.encode()), OK),
    "excel-csv-gbk": (_ok("application/vnd.ms-excel", CSV.encode("gbk")), OK),
    "excel-html-table": (_ok("application/vnd.ms-excel", HTML_TABLE.encode()), OK),
    "excel-html-td-headings": (
        _ok("application/vnd.ms-excel", HTML_TABLE.replace("<th>", "<td>").replace("</th>", "</td>").encode("gbk")),
        OK,
    ),
    "excel-html-bold-under-a-title": (
        _ok(
            "application/vnd.ms-excel",
            (
                "<table border=1><tr><td colspan=3>低保人员花名册</td></tr>"
                "<tr><td><b>姓名</b></td><td><b>身份证号码</b></td><td><b>家庭住址</b></td></tr>"
                f"<tr><td><span>{NAME}</span></td><td>{ID}</td><td>{ADDRESS}</td></tr></table>"
            ).encode("gbk"),
        ),
        OK,
    ),
    "excel-2003-xml": (_ok("application/vnd.ms-excel", SPREADSHEET.encode()), OK),
    "excel-2003-xml-untyped": (_ok(None, SPREADSHEET.encode()), OK),
    "excel-2003-xml-as-xml": (_ok("application/xml", SPREADSHEET.encode()), OK),
    "excel-2003-xml-as-text-xml": (_ok("text/xml; charset=utf-8", SPREADSHEET.encode()), OK),
    "csv-excel-sep": (_ok("text/csv", ("sep=;\r\n" + CSV.replace(",", ";")).encode()), OK),
    "yaml": (_ok("application/yaml", f"name: {NAME}\nidNumber: {ID}\nmobile: {MOBILE}\n".encode()), OK),
    "tsv": (_ok("text/tab-separated-values", CSV.replace(",", "\t").encode()), OK),
    "csv-gb18030": (_ok("text/csv; charset=gb18030", CSV.encode("gb18030")), OK),
    "xml-references": (
        _ok(
            "application/xml",
            (
                '<m:r xmlns:m="urn:mz"><m:sfzh>' + "".join(f"&#x{ord(c):x};" for c in ID) + "</m:sfzh>"
                f"<m:xm><![CDATA[{NAME}]]></m:xm><m:lxdh>{MOBILE[:3]}&#8203;{MOBILE[3:]}</m:lxdh></m:r>"
            ).encode(),
        ),
        OK,
    ),
    # .xlsx workbooks: typed as one, as Excel's old type, or as bytes downloaded as one
    "xlsx": (_ok(XLSX_TYPE, _xlsx()), OK),
    "xlsx-as-excel": (_ok("application/vnd.ms-excel", _xlsx()), OK),
    "xlsx-as-octet-stream": (
        _ok("application/octet-stream", _xlsx(), ("Content-Disposition", 'attachment; filename="export.xlsx"')),
        OK,
    ),
    "xlsx-untyped": (_ok(None, _xlsx(), ("Content-Disposition", "attachment; filename*=UTF-8''%E8%8A%B1.xlsx")), OK),
    # A picture is masked whole (a blank of its format); one that has no blank is refused.
    "xlsx-with-a-picture": (_ok(XLSX_TYPE, _xlsx(("xl/media/image1.png", b"\x89PNG" + ID.encode()))), OK),
    "xlsx-with-a-metafile": (
        _ok(XLSX_TYPE, _xlsx(("xl/media/image1.emf", b"\x01\x00" + ID.encode()))),
        (502, "uninspectable_binary"),
    ),
    "xlsx-not-a-workbook": (_ok(XLSX_TYPE, _zip()), (502, "uninspectable_unparseable")),
    # .docx documents: typed as one, as Word's old type, or as bytes downloaded as one
    "docx": (_ok(DOCX_TYPE, _docx()), OK),
    "docx-as-msword": (_ok("application/msword", _docx()), OK),
    "docx-as-octet-stream": (
        _ok(
            "application/octet-stream", _docx(), ("Content-Disposition", "attachment; filename*=UTF-8''%E5%AE%A1.docx")
        ),
        OK,
    ),
    # A picture is masked whole (a blank of its format); one that has no blank is refused.
    "docx-with-a-picture": (_ok(DOCX_TYPE, _docx(("word/media/image1.png", b"\x89PNG" + ID.encode()))), OK),
    "docx-with-a-metafile": (
        _ok(DOCX_TYPE, _docx(("word/media/image1.emf", b"\x01\x00" + ID.encode()))),
        (502, "uninspectable_binary"),
    ),
    "zip": (_ok("application/zip", _zip()), (502, "uninspectable_binary")),
    "zip-named-xlsx-gzipped": (
        _ok(
            "application/octet-stream",
            gzip.compress(_xlsx()),
            ("Content-Encoding", "gzip"),
            ("Content-Disposition", "attachment; filename=a.xlsx"),
        ),
        (502, "uninspectable_binary"),
    ),
    "pdf": (
        _ok("application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00(" + ID.encode() + b")"),
        (502, "uninspectable_binary"),
    ),
    "json-seq": (_ok("application/json-seq", b"\x1e" + JSON + b"\n"), (502, "uninspectable_binary")),
    # Content codings, although the gateway asks for identity
    "gzip": (_ok(JSON_TYPE, gzip.compress(JSON), ("Content-Encoding", "gzip")), OK),
    "br": (_ok(JSON_TYPE, brotli.compress(JSON), ("Content-Encoding", "br")), OK),
    "deflate": (_ok(JSON_TYPE, zlib.compress(JSON), ("Content-Encoding", "deflate")), OK),
    "gzip-gzip": (_ok(JSON_TYPE, gzip.compress(gzip.compress(JSON)), ("Content-Encoding", "gzip, gzip")), OK),
    # Two lines of a list header are one list (RFC 9110 5.3), and identity is no coding.
    "gzip-on-two-lines": (
        _ok(JSON_TYPE, gzip.compress(gzip.compress(JSON)), ("Content-Encoding", "gzip"), ("Content-Encoding", "gzip")),
        OK,
    ),
    "gzip-then-identity": (
        _ok(JSON_TYPE, gzip.compress(JSON), ("Content-Encoding", "gzip"), ("Content-Encoding", "identity")),
        OK,
    ),
    "identity-on-two-lines-binary-type": (
        _ok(
            "application/octet-stream",
            gzip.compress(JSON),
            ("Content-Encoding", "identity"),
            ("Content-Encoding", "gzip"),
        ),
        (502, "uninspectable_binary"),
    ),
    "identity-binary-type": (_ok("application/octet-stream", JSON, ("Content-Encoding", "identity")), OK),
    "says-gzip-is-plain": (_ok(JSON_TYPE, JSON, ("Content-Encoding", "gzip")), (502, "uninspectable_unparseable")),
    "gzip-binary-type": (
        _ok("application/octet-stream", gzip.compress(JSON), ("Content-Encoding", "gzip")),
        (502, "uninspectable_binary"),
    ),
    # Charsets
    "utf16-bom": (_ok("text/csv", CSV.encode("utf-16")), OK),
    "utf16-no-bom": (_ok("text/csv", CSV.encode("utf-16-le")), OK),
    "utf8-bom-json": (_ok(JSON_TYPE, b"\xef\xbb\xbf" + JSON), OK),
    "utf8-bom-says-gbk": (
        _ok("text/csv; charset=gbk", b"\xef\xbb\xbf" + CSV.encode()),
        (502, "uninspectable_unsupported_encoding"),
    ),
    "two-charsets": (
        _ok("text/csv; charset=utf-8; charset=gbk", CSV.encode()),
        (502, "uninspectable_unsupported_encoding"),
    ),
    "two-content-types": (
        answer(
            "200 OK",
            [("Content-Type", "text/csv; charset=gbk"), ("Content-Type", "text/csv; charset=utf-8")],
            CSV.encode(),
        ),
        (502, "uninspectable_unsupported_encoding"),
    ),
    # Framing
    "chunks-split-the-id": (
        answer(
            "200 OK",
            [("Content-Type", JSON_TYPE), ("Transfer-Encoding", "chunked")],
            chunked([JSON[:60], JSON[60:66], JSON[66:]]),
        ),
        OK,
    ),
    "chunked-cut-short": (
        answer(
            "200 OK",
            [("Content-Type", JSON_TYPE), ("Transfer-Encoding", "chunked")],
            f"{len(JSON):x}\r\n".encode() + JSON[:50],
        ),
        (502, "upstream_incomplete"),
    ),
    "ends-with-the-connection": (answer("200 OK", [("Content-Type", "text/csv")], CSV.encode(), length=False), OK),
    "trailers": (
        answer(
            "200 OK",
            [("Content-Type", JSON_TYPE), ("Transfer-Encoding", "chunked"), ("Trailer", "X-Id")],
            chunked([JSON], f"X-Id: {ID}\r\n".encode()),
        ),
        OK,
    ),
    # Trailers are dropped, but bounded as a head is (1 MiB): past it, the answer is refused.
    "trailers-too-large": (
        answer(
            "200 OK",
            [("Content-Type", JSON_TYPE), ("Transfer-Encoding", "chunked")],
            chunked([JSON], b"X-Pad: " + b"a" * (2 * 1024 * 1024) + b"\r\n"),
        ),
        (502, "upstream_incomplete"),
    ),
    "early-hints": (f"HTTP/1.1 103 Early Hints\r\nLink: </persons/{ID}>\r\n\r\n".encode() + _ok(JSON_TYPE, JSON), OK),
    # No content, whatever the headers say (RFC 9110 6.4.1): nothing to parse, nothing refused.
    "204-typed-json": (answer("204 No Content", [("Content-Type", JSON_TYPE)]), (204, None)),
    "304-gzip-json": (
        answer("304 Not Modified", [("Content-Type", JSON_TYPE), ("Content-Encoding", "gzip"), ("ETag", '"v2"')]),
        (304, None),
    ),
    # Bytes after such an answer and its Connection: close, in the same read: the gateway's
    # client (gateway/upstream.py, llhttp) fails the exchange ("Data after Connection: close").
    "204-with-body": (answer("204 No Content", [("Content-Type", JSON_TYPE)], JSON), (502, "upstream_unreachable")),
    "304-with-body": (answer("304 Not Modified", [("Content-Type", JSON_TYPE)], JSON), (502, "upstream_unreachable")),
    "huge-header": (_ok(JSON_TYPE, JSON, ("X-Big", ID * 4000)), (502, "upstream_unreachable")),
    "two-lengths": (
        answer(
            "200 OK", [("Content-Type", JSON_TYPE), ("Content-Length", str(len(JSON))), ("Content-Length", "2")], JSON
        ),
        (502, "upstream_unreachable"),
    ),
    # Persons in headers
    "header-user-id": (_ok(JSON_TYPE, b"{}", ("X-User-Id", ID), ("Link", f"</persons/{ID}>; rel=self")), OK),
    "header-protocol-own": (
        _ok(JSON_TYPE, b"{}", ("Vary", ID), ("Content-Language", ID), ("Last-Modified", ID), ("ETag", f'"{ID}"')),
        OK,
    ),
    "header-cookie-under-a-name-key": (_ok(JSON_TYPE, b"{}", ("Set-Cookie", f"xm={NAME}; Path=/")), OK),
    "header-cookie": (_ok(JSON_TYPE, b"{}", ("Set-Cookie", f"uid={ID}; Path=/"), ("Set-Cookie", f"m={MOBILE}")), OK),
    "header-file-name": (
        _ok("text/csv", b"a,b\r\n1,2\r\n", ("Content-Disposition", f'attachment; filename="{NAME}_{ID}.csv"')),
        OK,
    ),
    "header-file-name-gbk": (
        _ok(
            "text/csv",
            b"a,b\r\n1,2\r\n",
            ("Content-Disposition", f'attachment; filename="{ID}-{NAME}.csv"'.encode("gbk")),
        ),
        OK,
    ),
    # A file name as browsers read it: RFC 8187 in GBK, a person's papers named after them
    "header-file-name-rfc8187-gbk": (
        _ok(
            "text/csv",
            b"a,b\r\n1,2\r\n",
            ("Content-Disposition", f"attachment; filename*=GBK''{quote(NAME, encoding='gbk')}_{ID}.csv"),
        ),
        OK,
    ),
    "header-file-name-of-papers": (
        _ok("text/csv", b"a,b\r\n1,2\r\n", ("Content-Disposition", f'attachment; filename="{NAME}_身份证.xlsx"')),
        OK,
    ),
    # Hashes of the body before masking (Spring's ShallowEtagHeaderFilter writes an MD5 ETag)
    "hashes-of-the-body": (
        _ok(
            JSON_TYPE,
            JSON,
            ("ETag", f'"0{hashlib.md5(JSON).hexdigest()}"'),
            ("Content-MD5", base64.b64encode(hashlib.md5(JSON).digest()).decode()),
            ("Digest", "sha-256=" + base64.b64encode(hashlib.sha256(JSON).digest()).decode()),
        ),
        OK,
    ),
    # A header named after a person (in clear, or a 500 for every caller), a Refresh naming one
    "header-named-after-a-person": (_ok(JSON_TYPE, b"{}", (f"X-Person-{ID}", "1")), OK),
    "header-refresh": (_ok("text/html", b"<p>ok</p>", ("Refresh", f"0; url=/persons/{NAME}")), OK),
    # The upstream's own request id: beside the gateway's, a caller read it first, and it
    # led to no audit event (the test below looks each request's event up by the header)
    "header-upstream-request-id": (_ok(JSON_TYPE, b"{}", ("X-Request-Id", "upstream-own-id")), OK),
    # JSON in base64, in a JSON string and in a header
    "json-base64-value": (_ok(JSON_TYPE, json.dumps({"payload": base64.b64encode(JSON).decode()}).encode()), OK),
    "header-base64": (_ok(JSON_TYPE, b"{}", ("X-Payload", base64.urlsafe_b64encode(JSON).decode().rstrip("="))), OK),
    "json-jwt-claims": (_ok(JSON_TYPE, json.dumps({"token": _JWT}).encode()), OK),
    "header-jwt-cookie": (_ok(JSON_TYPE, b"{}", ("Set-Cookie", f"token={_JWT}; Path=/"), ("X-Token", _JWT)), OK),
    "json-data-uri": (
        _ok(
            JSON_TYPE,
            json.dumps(
                {
                    "json": "data:application/json;base64," + base64.b64encode(JSON).decode(),
                    "csv": "data:text/csv;charset=utf-8," + quote(CSV),
                }
            ).encode(),
        ),
        OK,
    ),
    "redirect-elsewhere": (
        answer("302 Found", [("Location", f"http://other.internal/persons/{ID}?m={MOBILE}")]),
        (302, None),
    ),
    "redirect-query": (
        answer("302 Found", [("Location", f"http://other.internal/search?xm=%E5%BC%A0%E4%BC%9F&sfzh={ID}")]),
        (302, None),
    ),
    "redirect-query-gbk": (
        answer("302 Found", [("Location", f"http://other.internal/search?xm={quote(NAME, encoding='gbk')}&page=1")]),
        (302, None),
    ),
    "redirect-path-name": (
        answer("302 Found", [("Location", f"http://other.internal/persons/{quote(NAME)}")]),
        (302, None),
    ),
    "redirect-path-name-gbk": (
        answer("302 Found", [("Location", f"/persons/{quote(NAME, encoding='gbk')}/detail")]),
        (302, None),
    ),
    "header-link-path-name": (
        _ok(JSON_TYPE, b"{}", ("Link", f'</api/v1/persons/{NAME}>; rel="self", </persons/{quote(NAME)}>'.encode())),
        OK,
    ),
    # A name in a URL a body carries
    "json-link-path-name": (
        _ok(
            JSON_TYPE,
            json.dumps(
                {"href": f"/persons/{quote(NAME, encoding='gbk')}", "next": f"/persons?xm={NAME}&page=2"},
                ensure_ascii=False,
            ).encode(),
        ),
        OK,
    ),
    # A table as JSON (pandas' orient="split"): the cells under their columns' names
    "json-table-split": (
        _ok(
            JSON_TYPE,
            json.dumps(
                {"columns": ["xm", "sfzh", "jtzz"], "index": [0], "data": [[NAME, ID, ADDRESS]]}, ensure_ascii=False
            ).encode(),
        ),
        OK,
    ),
    # A dynamic form's fields as name/value pairs: each value under the name its pair holds
    "json-name-value-pairs": (
        _ok(
            JSON_TYPE,
            json.dumps(
                {
                    "fields": [
                        {"name": "xm", "value": NAME},
                        {"name": "sfzh", "value": ID},
                        {"name": "jtzz", "value": ADDRESS},
                    ]
                },
                ensure_ascii=False,
            ).encode(),
        ),
        OK,
    ),
    # Field names held apart from their values: entries, parallel arrays, form state, Google
    # Charts' DataTable, a SheetJS worksheet, k/v and title/content pairs
    "json-entries": (_ok(JSON_TYPE, json.dumps([["xm", NAME], ["sfzh", ID]], ensure_ascii=False).encode()), OK),
    "json-parallel-arrays": (
        _ok(JSON_TYPE, json.dumps({"keys": ["xm", "lxdh"], "values": [NAME, MOBILE]}, ensure_ascii=False).encode()),
        OK,
    ),
    "json-form-state": (
        _ok(JSON_TYPE, json.dumps({"xm": {"value": NAME, "dirty": False}}, ensure_ascii=False).encode()),
        OK,
    ),
    "json-google-datatable": (
        _ok(
            JSON_TYPE,
            json.dumps(
                {"cols": [{"id": "xm", "label": "姓名"}], "rows": [{"c": [{"v": NAME}]}]}, ensure_ascii=False
            ).encode(),
        ),
        OK,
    ),
    "json-sheetjs": (
        _ok(
            JSON_TYPE,
            json.dumps(
                {"!ref": "A1:B2", "A1": {"v": "姓名"}, "B1": {"v": "身份证号"}, "A2": {"v": NAME}, "B2": {"v": ID}},
                ensure_ascii=False,
            ).encode(),
        ),
        OK,
    ),
    "json-k-v-pairs": (
        _ok(
            JSON_TYPE,
            json.dumps(
                {"kv": [{"k": "xm", "v": NAME}], "sections": [{"title": "姓名", "content": NAME}]}, ensure_ascii=False
            ).encode(),
        ),
        OK,
    ),
    # A name after its label's inline element, an option under a name label, XML in a JSON string
    "html-text-after-label": (_ok("text/html", f"<p><b>姓名</b>{NAME}，男</p>".encode()), OK),
    "html-select-option": (
        _ok("text/html", f"<label>姓名</label><select><option selected>{NAME}</option></select>".encode()),
        OK,
    ),
    "json-xml-in-string": (
        _ok(
            JSON_TYPE,
            json.dumps({"xml": f"<root><xm>{NAME}</xm><sfzh>{ID}</sfzh></root>"}, ensure_ascii=False).encode(),
        ),
        OK,
    ),
    # A Markdown table of labels and values (its rows open with "|")
    "text-markdown-labels": (_ok("text/plain", f"| 姓名 | {NAME} |\n| 电话 | {MOBILE} |\n".encode()), OK),
    "html-link-path-name": (
        _ok("text/html", f'<a href="/persons/{NAME}">详情</a><img src="/photos/{quote(NAME)}.jpg">'.encode()),
        OK,
    ),
    # A name under a field name inside a JSON string value, alone and in a record list's column
    "json-value-labelled-name": (
        _ok(JSON_TYPE, json.dumps({"detail": f"xm={NAME}, sfzh={ID}"}, ensure_ascii=False).encode()),
        OK,
    ),
    "json-column-labelled-name": (
        _ok(
            JSON_TYPE,
            json.dumps(
                {"items": [{"remark": "无"}, {"remark": f"name: {NAME}"}, {"remark": f"lxr={NAME}"}]},
                ensure_ascii=False,
            ).encode(),
        ),
        OK,
    ),
    "html-form-inputs": (
        _ok(
            "text/html;charset=utf-8",
            f'<div>姓名：<input value="{NAME}"></div><table><tr><td>联系人</td><td><input value="{NAME}"></td></tr></table>'.encode(),
        ),
        OK,
    ),
    "text-mobile-bracketed": (_ok("text/plain", f"联系人手机({MOBILE[:3]}){MOBILE[3:7]}-{MOBILE[7:]}".encode()), OK),
    # Statuses
    "error-body": (
        answer(
            "404 Not Found",
            [("Content-Type", JSON_TYPE)],
            json.dumps({"error": f"身份证号 {ID} 不存在"}, ensure_ascii=False).encode(),
        ),
        (404, None),
    ),
    "error-names-a-field": (
        answer("500 Internal Server Error", [], f"java.lang.Exception: query failed xm={NAME}&sfzh={ID}".encode()),
        (500, None),
    ),
    "error-page-html": (
        answer(
            "500 Internal Server Error",
            [("Content-Type", "text/html;charset=utf-8")],
            f"<html><body><h1>HTTP Status 500</h1><pre>at query(sfzh={ID}, xm={NAME})</pre></body></html>".encode(),
        ),
        (500, None),
    ),
    "error-untyped": (
        answer("500 Internal Server Error", [], f"person {ID} mobile {MOBILE} card {CARD}".encode()),
        (500, None),
    ),
    "redirect-body": (
        answer(
            "302 Found",
            [("Location", "/x"), ("Content-Type", "text/html")],
            f"<a href='/persons/{ID}'>{MOBILE}</a>".encode(),
        ),
        (302, None),
    ),
}


@pytest.fixture(scope="module")
def shapes_gateway(tmp_path_factory: pytest.TempPathFactory, index_prefix: str) -> Iterator[RunningGateway]:
    with raw_upstream(free_port(), {case: raw for case, (raw, _) in SHAPES.items()}) as upstream:
        gateway = start_gateway(
            tmp_path_factory.mktemp("shapes"), upstream, index_prefix, overrides={"upstream": {"timeout": 2.0}}
        )
        try:
            yield gateway
        finally:
            stop_gateway(gateway)


def _get(gateway: RunningGateway, case: str) -> httpx.Response:
    """The case as a caseworker of 汉滨区 asks for it (with a purpose: the data is important)."""
    return get(gateway, f"/api/v1/regions/610902/persons/{case}")


def _error_code(response: httpx.Response) -> str | None:
    """The gateway's error code, None for an answer of the upstream's."""
    if response.headers.get("content-type") != "application/json; charset=utf-8":
        return None
    try:
        return str(response.json()["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return None


_BASE64 = re.compile(rb"[A-Za-z0-9+/_-]{24,}=*")


def _from_base64(token: bytes) -> bytes:
    """A run of base64's letters decoded (either alphabet, padded or not), as a client would."""
    padded = token.rstrip(b"=") + b"=" * (-len(token.rstrip(b"=")) % 4)
    try:
        return base64.b64decode(padded.replace(b"-", b"+").replace(b"_", b"/"))
    except ValueError:
        return b""


def _readings(response: httpx.Response) -> list[str]:
    """Everything the caller got, read every way a client might read it."""
    raw = response.content + b"\n" + b"\n".join(name + b": " + value for name, value in response.headers.raw)
    if response.content.startswith(b"PK\x03\x04"):  # a workbook or a document: every part, inflated
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            raw += b"\n".join(archive.read(name) for name in archive.namelist())
    readings = [raw, unquote_to_bytes(raw), *map(_from_base64, _BASE64.findall(raw))]
    texts = [r.decode(codec, "replace") for r in readings for codec in ("utf-8", "gb18030")]
    if len(response.content) % 2 == 0:
        texts += [response.content.decode(codec, "replace") for codec in ("utf-16-le", "utf-16-be")]
    return texts


def test_no_response_shape_lets_personal_data_out(
    shapes_gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    failures: list[str] = []
    request_ids: list[str] = []
    for case, (_, (status, code)) in SHAPES.items():
        response = _get(shapes_gateway, case)
        request_ids.append(response.headers["x-request-id"])
        got_code = _error_code(response)
        if (response.status_code, got_code) != (status, code):
            failures.append(f"{case}: {response.status_code} {got_code}, expected {status} {code}")
        leaked = sorted({what for text in _readings(response) for what, value in SECRETS.items() if value in text})
        if leaked:
            failures.append(f"{case}: {', '.join(leaked)} in clear")
    assert not failures, "\n".join(failures)
    counts = wait_for_events(opensearch, index_prefix, request_ids)
    assert counts == dict.fromkeys(request_ids, 1)


def test_a_masked_export_keeps_its_shape(shapes_gateway: RunningGateway) -> None:
    """Masked, not mangled: the JSONP callback, the event stream, the untyped CSV and the
    workbooks and documents are what they were but for the values."""
    masked = {**RECORD, "name": "张**", "idNumber": ID[:6] + "********" + ID[-4:], "mobile": "139****5678"}
    jsonp = _get(shapes_gateway, "jsonp").text
    assert jsonp.startswith("cb(") and jsonp.endswith(");")
    assert {k: v for k, v in json.loads(jsonp[3:-2])["items"][0].items() if k not in ("homeAddress", "bankCard")} == {
        k: v for k, v in masked.items() if k not in ("homeAddress", "bankCard")
    }
    assert _get(shapes_gateway, "sse").text.startswith("event: person\ndata: {")
    csv = _get(shapes_gateway, "untyped-csv").text.splitlines()
    assert csv[0] == CSV.splitlines()[0] and csv[1].startswith("张**,")
    for case in ("xlsx", "xlsx-as-octet-stream"):
        sheet = openpyxl.load_workbook(io.BytesIO(_get(shapes_gateway, case).content)).active
        assert sheet is not None
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[:2] == [("低保人员花名册", None, None, None, None), tuple(_SHEET_ROWS[0])]
        assert rows[2][:3] == ("张**", ID[:6] + "********" + ID[-4:], "139****5678")
    for case in ("docx", "docx-as-octet-stream"):
        document = docx.Document(io.BytesIO(_get(shapes_gateway, case).content))
        assert document.paragraphs[0].text == f"申请人张**，身份证号{ID[:6]}********{ID[-4:]}。"
        form = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
        assert form[:3] == [
            ["姓名", "张**"],
            ["身份证号码", ID[:6] + "********" + ID[-4:]],
            ["手机号码", "139****5678"],
        ]


def test_hashes_of_the_upstreams_bytes_do_not_go_with_masked_ones(shapes_gateway: RunningGateway) -> None:
    """An ETag, Content-MD5 or Digest of the unmasked body beside the masked one: a caller
    hashes guesses of what a mask hid (a masked ID number hides a birth date) until one fits."""
    response = _get(shapes_gateway, "hashes-of-the-body")
    assert response.status_code == 200 and ID not in response.text
    assert not {"etag", "content-md5", "digest"} & set(response.headers)

"""Region codes a request body names (gateway/stages/scope.py): JSON, forms and multipart parts, in
the charset the upstream reads them in, nested deeper than the walk, or unparseable."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote_from_bytes

import pytest

from support.region_scope import FORM, JSON, MULTIPART, refusal


def _nested(levels: int, inner: dict[str, Any]) -> dict[str, Any]:
    for _ in range(levels):
        inner = {"extra": inner}
    return inner


@pytest.mark.parametrize(
    ("doc", "refused"),
    [
        (_nested(20, {"regionCode": "610902"}), False),
        (_nested(32, {"personId": "P1"}), False),
        (_nested(20, {"regionCode": "610921"}), True),
        # Deeper than the walk goes: whatever is down there is not judged, so it is refused.
        (_nested(40, {"regionCode": "610921"}), True),
        (_nested(40, {"regionCode": "610902"}), True),
        (_nested(40, {"personId": "P1"}), True),
        ([[_nested(40, {"regionCode": "610921"})]], True),
    ],
)
def test_json_nested_deeper_than_the_walk_is_refused(doc: Any, refused: bool) -> None:
    """A JSON body, or JSON in a parameter, was walked 32 levels down and let through whole:
    regionCode 610921 under 40 objects reached the upstream unjudged."""
    body = json.dumps(doc).encode()
    expected = "region_parameter_outside" if refused else None
    assert refusal(b"", body, JSON) == expected
    assert refusal(b"filter=" + quote_from_bytes(body).encode()) == expected


@pytest.mark.parametrize(
    ("body", "types", "refused"),
    [
        (b"personId=P1&xzqhdm=610921", FORM, True),
        (b"personId=P1&xzqhdm=610902", FORM, False),
        (json.dumps({"personId": "P1", "regionCode": "610921"}).encode(), JSON, True),
        (json.dumps({"applicant": {"xzqh": {"dm": "610921", "mc": "汉阴县"}}}).encode(), JSON, True),
        (json.dumps([{"regionCode": 610921}]).encode(), ["application/vnd.api+json"], True),
        (json.dumps({"personId": "P1", "regionCode": "610902001"}).encode(), JSON, False),
        (json.dumps({"personId": "P1", "regionCode": None}).encode(), JSON, False),
        (json.dumps({"regionCode": "610921"}).encode(), ["text/plain"], False),  # not read as JSON
        # A key sent twice: one parser reads the first value, another the last.
        (b'{"regionCode": "610921", "regionCode": "610902"}', JSON, True),
        (b'{"region\\u0043ode": "610921"}', JSON, True),  # an escaped key is the same key
        # A filter term in a string of the body, read as in a query parameter's value.
        (json.dumps({"personId": "P1", "filter": "regionCode eq '610921'"}).encode(), JSON, True),
        (json.dumps({"query": {"q": "xzqh:610921"}}).encode(), JSON, True),
        (json.dumps({"personId": "P1", "note": "id eq 610921"}).encode(), JSON, False),
    ],
)
def test_a_write_body_must_not_name_another_region(body: bytes, types: list[str], refused: bool) -> None:
    """A case filed on the caller's own path with regionCode 610921 in its body would be
    filed in 汉阴县 by an upstream that takes the region from the body."""
    assert refusal(b"", body, types) == ("region_parameter_outside" if refused else None)


def _multipart(name: bytes, value: bytes) -> bytes:
    return (
        b'--b1\r\nContent-Disposition: form-data; name="personId"\r\n\r\nP1\r\n'
        b"--b1\r\nContent-Disposition: form-data; " + name + b"\r\n\r\n" + value + b"\r\n--b1--\r\n"
    )


@pytest.mark.parametrize(
    ("name", "value", "refused"),
    [
        (b'name="regionCode"', b"610921", True),
        (b"name*=UTF-8''%E5%8C%BA%E5%88%92%E4%BB%A3%E7%A0%81", b"610921", True),  # 区划代码
        (b'name="xzqhdm"', b"610902001", False),
        (b'name="note"', b"610921", False),
        # A filter term or JSON in a part's value, read as in a query parameter's.
        (b'name="q"', b"regionCode=610921", True),
        (b'name="filter"', b'{"where": {"regionCode": "610921"}}', True),
        (b'name="q"', b"id=610921", False),
    ],
)
def test_a_multipart_part_must_not_name_another_region(name: bytes, value: bytes, refused: bool) -> None:
    assert refusal(b"", _multipart(name, value), MULTIPART) == ("region_parameter_outside" if refused else None)


def test_a_region_part_the_parse_does_not_find_is_refused() -> None:
    """A part name read loosely (an upstream's parser may take it) that the MIME parse does not
    give back, here under a boundary the Content-Type does not name: no value, refused."""
    body = b'--zz\r\nContent-Disposition: form-data; name="regionCode"\r\n\r\n610902\r\n--zz--\r\n'
    assert refusal(b"", body, MULTIPART) == "region_parameter_outside"


@pytest.mark.parametrize(
    "types",
    [
        [],  # no Content-Type: FastAPI (the demo upstream's framework) reads the body as JSON
        ["text/json"],  # ASP.NET Core reads text/json and application/*+json
        ["application/x-json"],
        ["application/json-patch+json"],
    ],
)
def test_a_json_body_without_the_json_type_is_read_too(types: list[str]) -> None:
    """Only application/json and +json bodies were read: the same body with no Content-Type,
    or text/json, named 汉阴县 unseen to an upstream that binds it."""
    body = json.dumps({"personId": "P1", "regionCode": "610921"}).encode()
    assert refusal(b"", body, types) == "region_parameter_outside"
    assert refusal(b"", json.dumps({"personId": "P1", "regionCode": "610902"}).encode(), types) is None


@pytest.mark.parametrize("types", [FORM, ["application/x-www-form-urlencoded; charset=utf-8"]])
def test_a_form_key_in_raw_utf8_is_read_as_the_upstream_reads_it(types: list[str]) -> None:
    """Browsers escape a form's non-ASCII bytes, but a client need not: 区划代码=610921 sent as
    raw UTF-8 was read as Latin-1 (no region key), while a servlet container or a framework
    decoding the body as UTF-8 reads 区划代码."""
    assert refusal(b"", "区划代码=610921".encode(), types) == "region_parameter_outside"
    assert refusal(b"", "区划代码=610902001".encode(), types) is None
    assert refusal(b"", "区划代码=610921".encode("gb18030"), types) == "region_parameter_outside"


@pytest.mark.parametrize(
    ("body", "types", "refused"),
    [
        # fastjson (common in Chinese Java systems), Gson and Newtonsoft.Json read these.
        (b"{regionCode: '610921', personId: 'P1'}", JSON, True),
        (b'{"regionCode": "610921", "personId": "P1",}', JSON, True),
        (b'{"regionCode": "610921" /* c */}', JSON, True),
        (b"{'regionCode': '610921'}", [], True),  # no Content-Type: read as JSON
        (b"{not json", JSON, True),
        (b"[" * 100_000 + b"]" * 100_000, JSON, True),  # too deep for the parser
        (b"hello", [], False),  # no Content-Type and no JSON: nothing to read
        (b"{not json", ["text/plain"], False),  # not read as JSON
    ],
)
def test_a_json_body_the_gateway_cannot_parse_is_refused(body: bytes, types: list[str], refused: bool) -> None:
    """A body declared JSON that Python's parser refused was let through as "the upstream's to
    refuse"; a lenient parser (fastjson, Gson, Newtonsoft.Json: single quotes, bare keys,
    trailing commas, comments) reads regionCode 610921 in it."""
    assert refusal(b"", body, types) == ("region_parameter_outside" if refused else None)


@pytest.mark.parametrize(
    ("body", "charset"),
    [
        ("regionCode=610921".encode("utf-16"), "utf-16"),
        ("regionCode=610921".encode("utf-16-le"), "UTF-16LE"),
        (b"%C7%F8%BB%AE%B4%FA%C2%EB=610921", "gbk"),  # 区划代码 escaped in GBK
    ],
)
def test_a_form_in_its_declared_charset_is_read_as_the_upstream_reads_it(body: bytes, charset: str) -> None:
    """A servlet container decodes a form by the charset its Content-Type declares: in UTF-16,
    regionCode=610921 was no parameter to the gateway (NUL bytes between the letters), and 区
    划代码 escaped in GBK decoded to nothing it knew."""
    assert refusal(b"", body, [f"application/x-www-form-urlencoded; charset={charset}"]) == "region_parameter_outside"

"""Bodies that try to get past the gateway's checks, against a real gateway: writes without a
purpose or naming another region, compressed bodies, forms, multipart and JSON bodies that would
change the method, bodies on safe methods, charsets it cannot read. Each is refused before the
upstream (and audited) or forwarded as what it is."""

from __future__ import annotations

import gzip
import json
import urllib.request
from typing import Any

import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, audit_events, wait_for_events
from support.raw_requests import FORM_TYPE, JSON_TYPE, OWN, PURPOSE, key, raw, refused_unforwarded

pytestmark = pytest.mark.opensearch


def test_a_write_without_a_purpose_is_refused_before_the_upstream(
    gateway: RunningGateway, upstream_url: str, opensearch: OpenSearch, index_prefix: str
) -> None:
    """A write's answer names the applicant (important data, which needs a purpose). Refused
    only after the upstream had created the case, the caller was told 403 while the case
    existed, and the trail said "denied": sent again with a purpose, it made a second one."""
    cases = "/api/v1/regions/610902/cases"
    with urllib.request.urlopen(upstream_url + "/api/v1/regions/610902/persons?size=1", timeout=10) as r:
        person = json.loads(r.read())["items"][0]["personId"]
    application = {"personId": person, "program": "linshi", "amount": 300, "operator": "zhangwei"}

    def total() -> int:
        with urllib.request.urlopen(upstream_url + cases + "?size=1", timeout=10) as r:
            return int(json.loads(r.read())["total"])

    before = total()
    status, body, request_id = raw(gateway, "POST", cases, [key(gateway), JSON_TYPE], json.dumps(application).encode())
    assert status == 403 and body["error"]["code"] == "purpose_required"
    assert total() == before  # nothing was created
    event = refused_unforwarded(opensearch, index_prefix, request_id)
    assert event["minguard"]["conditions"]["failed"] == "purpose"


def test_a_write_naming_another_region_in_its_body_is_refused_before_the_upstream(
    gateway: RunningGateway, upstream_url: str, opensearch: OpenSearch, index_prefix: str
) -> None:
    """Filed on the caller's own path, a case whose body says regionCode 610921 would be filed
    in 汉阴县 by an upstream that takes the region from the body; the response check cannot
    undo a write."""
    with urllib.request.urlopen(upstream_url + "/api/v1/regions/610902/persons?size=1", timeout=10) as r:
        person = json.loads(r.read())["items"][0]["personId"]
    application = {
        "personId": person,
        "program": "linshi",
        "amount": 300,
        "operator": "zhangwei",
        "regionCode": "610921",
    }
    status, body, request_id = raw(
        gateway,
        "POST",
        "/api/v1/regions/610902/cases",
        [key(gateway), PURPOSE, JSON_TYPE],
        json.dumps(application).encode(),
    )
    assert status == 403 and body["error"]["code"] == "region_parameter_outside"
    assert "610921" in body["error"]["message_zh"]
    event = refused_unforwarded(opensearch, index_prefix, request_id)
    assert event["minguard"]["conditions"]["failed"] == "region_scope"


def test_a_compressed_request_body_is_refused(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    """A gzip'd form hid _method=DELETE (and a region code) from the gateway's checks, and a
    gzip'd payment hid its amount and payee from the audit event's business fields, while an
    upstream that decompresses request bodies read them all."""
    form = gzip.compress(b"bankCard=6222021234567890128&_method=DELETE&regionCode=610921")
    headers = [key(gateway, "payment-service"), PURPOSE, FORM_TYPE, ("Content-Encoding", "gzip")]
    status, body, request_id = raw(gateway, "PUT", "/api/v1/regions/610902/persons/P1/bank-account", headers, form)
    assert status == 415, body  # not forwarded for the upstream to decompress
    assert body["error"]["code"] == "request_encoding_unsupported"
    refused_unforwarded(opensearch, index_prefix, request_id)


def test_a_form_body_cannot_change_the_method(gateway: RunningGateway, upstream_url: str) -> None:
    """Spring's HiddenHttpMethodFilter (and Laravel, Symfony) read `_method` in a form body as
    the method: the gateway decided on POST, the upstream would run PUT or DELETE."""
    headers = [key(gateway), PURPOSE, ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
    status, body, _ = raw(gateway, "POST", "/api/v1/regions/610902/cases", headers, b"personId=P1&_method=DELETE")
    assert status == 400 and body["error"]["code"] == "method_override"


def test_a_multipart_body_cannot_change_the_method(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    """A multipart/form-data part named _method is a form parameter to the same frameworks;
    only the urlencoded form was refused, and the part reached the upstream."""
    body = (
        b'--b1\r\nContent-Disposition: form-data; name="personId"\r\n\r\nP1\r\n'
        b'--b1\r\nContent-Disposition: form-data; name="_method"\r\n\r\nDELETE\r\n--b1--\r\n'
    )
    headers = [key(gateway), PURPOSE, ("Content-Type", "multipart/form-data; boundary=b1")]
    status, data, request_id = raw(gateway, "POST", "/api/v1/regions/610902/cases", headers, body)
    assert status == 400 and data["error"]["code"] == "method_override"
    assert data["error"]["message_zh"] == "不接受改写请求方法的参数"
    wait_for_events(opensearch, index_prefix, [request_id])
    (event,) = audit_events(opensearch, index_prefix, request_id)
    assert event["event"]["type"] == ["access", "denied"]
    assert event["minguard"]["error"]["code"] == "method_override"


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS"])
def test_a_safe_method_with_a_body_is_refused(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str, method: str
) -> None:
    """A GET's body has no defined meaning, yet some frameworks read it as parameters: a
    region code in it was never seen by the policy, which decided on the path. It was
    forwarded with the request."""
    headers = [key(gateway), PURPOSE, FORM_TYPE]
    status, body, request_id = raw(gateway, method, "/api/v1/regions/610902/persons?size=1", headers, b"region=610921")
    assert status == 400, body
    if method != "HEAD":
        assert body["error"]["code"] == "body_not_allowed"
    event = refused_unforwarded(opensearch, index_prefix, request_id)
    assert event["minguard"]["error"]["code"] == "body_not_allowed"


def test_a_get_with_an_empty_body_is_forwarded(gateway: RunningGateway) -> None:
    """Content-Length: 0 is no body: such a GET goes through as before."""
    status, body, _ = raw(gateway, "GET", OWN + "?size=1", [key(gateway), PURPOSE, ("Content-Length", "0")])
    assert status == 200 and len(body["items"]) == 1


@pytest.mark.parametrize("content_type", [None, "text/json"])
def test_a_json_write_without_the_json_type_naming_another_region_is_refused(
    gateway: RunningGateway, upstream_url: str, opensearch: OpenSearch, index_prefix: str, content_type: str | None
) -> None:
    """With no Content-Type, FastAPI (the demo upstream's framework) reads a body as JSON, and
    ASP.NET Core reads text/json: the gateway read only application/json and +json, so
    regionCode 610921 in such a body reached the upstream unseen."""
    with urllib.request.urlopen(upstream_url + "/api/v1/regions/610902/persons?size=1", timeout=10) as r:
        person = json.loads(r.read())["items"][0]["personId"]
    application = {"personId": person, "program": "linshi", "amount": 300, "operator": "zhangwei"}
    headers = [key(gateway), PURPOSE] + ([("Content-Type", content_type)] if content_type else [])
    body = json.dumps({**application, "regionCode": "610921"}).encode()
    status, data, request_id = raw(gateway, "POST", "/api/v1/regions/610902/cases", headers, body)
    assert status == 403 and data["error"]["code"] == "region_parameter_outside", data
    event = refused_unforwarded(opensearch, index_prefix, request_id)
    assert event["minguard"]["conditions"]["failed"] == "region_scope"


def test_a_json_write_nested_too_deep_to_judge_is_refused(
    gateway: RunningGateway, upstream_url: str, opensearch: OpenSearch, index_prefix: str
) -> None:
    """A region key more than 32 levels down was not walked, and the body went to the upstream
    whole: regionCode 610921 under 40 objects filed a case in 汉阴县 from one's own path."""
    with urllib.request.urlopen(upstream_url + "/api/v1/regions/610902/persons?size=1", timeout=10) as r:
        person = json.loads(r.read())["items"][0]["personId"]
    deep: dict[str, Any] = {"regionCode": "610921"}
    for _ in range(40):
        deep = {"extra": deep}
    application = {"personId": person, "program": "linshi", "amount": 300, "operator": "zhangwei", "meta": deep}
    headers = [key(gateway), PURPOSE, JSON_TYPE]
    status, data, request_id = raw(
        gateway, "POST", "/api/v1/regions/610902/cases", headers, json.dumps(application).encode()
    )
    assert status == 403 and data["error"]["code"] == "region_parameter_outside", data
    event = refused_unforwarded(opensearch, index_prefix, request_id)
    assert event["minguard"]["conditions"]["failed"] == "region_scope"


@pytest.mark.parametrize("charset", ["utf-16", "utf-16le"])
def test_a_form_in_utf16_cannot_change_the_method(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str, charset: str
) -> None:
    """A servlet container decodes a form in the charset its Content-Type declares, so Spring's
    HiddenHttpMethodFilter reads _method=DELETE in a UTF-16 form; the gateway read the bytes,
    NULs between the letters, and found no _method."""
    headers = [key(gateway), PURPOSE, ("Content-Type", f"application/x-www-form-urlencoded; charset={charset}")]
    body = "personId=P1&_method=DELETE".encode(charset)
    status, data, request_id = raw(gateway, "POST", "/api/v1/regions/610902/cases", headers, body)
    assert status == 400 and data["error"]["code"] == "method_override", data
    refused_unforwarded(opensearch, index_prefix, request_id)


def test_a_form_in_a_charset_the_gateway_does_not_know_is_refused(gateway: RunningGateway) -> None:
    headers = [key(gateway), PURPOSE, ("Content-Type", "application/x-www-form-urlencoded; charset=x-no-such")]
    status, data, _ = raw(gateway, "POST", "/api/v1/regions/610902/cases", headers, b"personId=P1")
    assert status == 415 and data["error"]["code"] == "request_encoding_unsupported", data


@pytest.mark.parametrize("content_type", ["application/json", "text/json", None])
def test_a_json_body_cannot_change_the_method(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str, content_type: str | None
) -> None:
    """Laravel reads _method from a JSON body as from a form (its input source is the JSON for
    JSON requests): {"_method": "DELETE"} in a POST ran DELETE there, unseen by the gateway,
    which looked for _method in forms and multipart parts only."""
    headers = [key(gateway), PURPOSE] + ([("Content-Type", content_type)] if content_type else [])
    body = json.dumps({"personId": "P1", "_method": "DELETE"}).encode()
    status, data, request_id = raw(gateway, "POST", "/api/v1/regions/610902/cases", headers, body)
    assert status == 400 and data["error"]["code"] == "method_override", data
    refused_unforwarded(opensearch, index_prefix, request_id)

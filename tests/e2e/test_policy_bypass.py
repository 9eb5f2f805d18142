"""Bypass attempts against a real gateway: every one is denied or normalised, and audited.

Requests are sent with http.client so that paths reach the gateway exactly as written (httpx
would resolve dot segments and re-encode before sending).
"""

from __future__ import annotations

import contextlib
import http.client
import json
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, audit_events, wait_for_events
from support.raw_requests import OWN, PURPOSE, key, other_region_person, raw, refused_unforwarded

pytestmark = pytest.mark.opensearch


@pytest.fixture(scope="module", autouse=True)
def _drop_quota_index(opensearch: OpenSearch, index_prefix: str) -> Iterator[None]:
    yield
    opensearch.indices.delete(index=f"{index_prefix}.quota", ignore_unavailable=True)


def cases(gateway: RunningGateway, upstream_url: str) -> list[tuple[str, str, str, list[tuple[str, str]], int, str]]:
    """(label, method, raw target, headers, expected status, expected code or "ok")."""
    me = [key(gateway), PURPOSE]
    foreign = other_region_person(upstream_url)
    return [
        # Encoded and dot-segment paths: decoded once, resolved, then decided on.
        ("encoded region", "GET", "/api/v1/regions/%36%31%30%39%32%31/persons", me, 403, "forbidden"),
        ("encoded slash climb", "GET", "/api/v1/regions/610902%2F..%2F610921/persons", me, 403, "forbidden"),
        ("dot segments", "GET", "/api/v1/regions/610902/../610921/persons", me, 403, "forbidden"),
        ("encoded dots", "GET", "/api/v1/regions/610902/%2e%2e/610921/persons", me, 403, "forbidden"),
        ("double encoding", "GET", "/api/v1/regions/610902/%252e%252e/610921/persons", me, 400, "bad_path"),
        ("backslash", "GET", "/api/v1/regions/610902%5c..%5c610921/persons", me, 400, "bad_path"),
        ("overlong utf-8", "GET", "/api/v1/regions/610902/%c0%ae%c0%ae/610921/persons", me, 400, "bad_path"),
        ("climb above root", "GET", "/../../api/v1/regions/610921/persons", me, 400, "bad_path"),
        ("single dot, own", "GET", "/api/v1/./regions/610902/./persons?size=1", me, 200, "ok"),
        # Case tricks and duplicate slashes: literals match case-insensitively, scope still holds.
        ("upper case, other", "GET", "/API/V1/REGIONS/610921/PERSONS", me, 403, "forbidden"),
        ("mixed case, own", "GET", "/Api/V1/Regions/610902/Persons?size=1", me, 200, "ok"),
        ("duplicate slashes", "GET", "//api//v1/regions//610921///persons", me, 403, "forbidden"),
        ("trailing slash", "GET", "/api/v1/regions/610921/persons/", me, 403, "forbidden"),
        ("unknown route", "GET", "/api/v1/admin/users", me, 403, "unknown_route"),
        ("unrouted method", "DELETE", OWN, me, 403, "unknown_route"),
        # Method override.
        ("method override", "GET", OWN, [*me, ("X-HTTP-Method-Override", "DELETE")], 400, "method_override"),
        ("x-method-override", "POST", OWN, [*me, ("X-Method-Override", "GET")], 400, "method_override"),
        (
            "method override, CGI spelling",
            "GET",
            OWN,
            [*me, ("X_HTTP_Method_Override", "DELETE")],
            400,
            "method_override",
        ),
        ("method override param", "POST", OWN + "?_method=GET", me, 400, "method_override"),
        ("method override param, case", "GET", OWN + "?size=1&_Method=DELETE", me, 400, "method_override"),
        # Header spoofing of identity: only the credential counts.
        (
            "spoofed minguard headers",
            "GET",
            "/api/v1/regions/610921/persons",
            [*me, ("X-Minguard-Roles", "district_head"), ("X-Minguard-Region", "610900"), ("X-Minguard-Subject", "x")],
            403,
            "forbidden",
        ),
        (
            "spoofed forwarded-for",
            "GET",
            "/api/v1/regions/610921/persons",
            [*me, ("X-Forwarded-For", "10.0.0.1")],
            403,
            "forbidden",
        ),
        ("two api keys", "GET", OWN, [*me, key(gateway, "district-head-hanbin")], 401, "unauthenticated"),
        ("key and bearer", "GET", OWN, [*me, ("Authorization", "Bearer abc.def.ghi")], 401, "unauthenticated"),
        ("no credential", "GET", OWN, [PURPOSE], 401, "unauthenticated"),
        # Oversized or repeated query parameters.
        ("repeated parameter", "GET", OWN + "?size=1&size=500", me, 400, "duplicate_query_parameter"),
        ("repeated, case", "GET", OWN + "?size=1&SIZE=500", me, 400, "duplicate_query_parameter"),
        ("repeated, encoded", "GET", OWN + "?size=1&%73ize=500", me, 400, "duplicate_query_parameter"),
        ("repeated, semicolon", "GET", OWN + "?size=1;size=500", me, 400, "duplicate_query_parameter"),
        ("repeated, brackets", "GET", OWN + "?q=a&q[]=b", me, 400, "duplicate_query_parameter"),
        ("oversized query", "GET", OWN + "?q=" + "a" * 5000, me, 414, "query_too_long"),
        # Another region named beside the path: an upstream may take the region from the query.
        ("region in query", "GET", OWN + "?size=1&regionCode=610921", me, 403, "region_parameter_outside"),
        ("region in query, pinyin", "GET", OWN + "?xzqhdm=6109-21", me, 403, "region_parameter_outside"),
        ("own region in query", "GET", OWN + "?size=1&regionCode=610902", me, 200, "ok"),
        (
            "region in header",
            "GET",
            OWN + "?size=1",
            [*me, ("X-Region-Code", "610921")],
            403,
            "region_parameter_outside",
        ),
        (
            "region in a cookie",
            "GET",
            OWN + "?size=1",
            [*me, ("Cookie", "regionCode=610921")],
            403,
            "region_parameter_outside",
        ),
        ("regions in a list", "GET", OWN + "?size=1&regionCodes=610921", me, 403, "region_parameter_outside"),
        ("region under region words", "GET", OWN + "?size=1&districtCode=610921", me, 403, "region_parameter_outside"),
        # A filter term in one parameter's value: an upstream evaluating it answers for 汉阴县.
        ("region in a filter", "GET", OWN + "?size=1&q=regionCode%3D610921", me, 403, "region_parameter_outside"),
        (
            "region in an OData filter",
            "GET",
            OWN + "?size=1&%24filter=regionCode%20eq%20%27610921%27",
            me,
            403,
            "region_parameter_outside",
        ),
        ("region in a Lucene filter", "GET", OWN + "?size=1&where=xzqh:610921", me, 403, "region_parameter_outside"),
        (
            "every other region in a filter",
            "GET",
            OWN + "?size=1&%24filter=regionCode%20ne%20%27610902%27",
            me,
            403,
            "region_parameter_outside",
        ),
        ("six digits in a filter", "GET", OWN + "?size=1&q=id%3D610921", me, 200, "ok"),
        # A region by its name: judged as its code.
        ("own region name in query", "GET", OWN + "?size=1&qhdm=%E6%B1%89%E6%BB%A8%E5%8C%BA", me, 200, "ok"),
        (
            "region name in query",
            "GET",
            OWN + "?size=1&qhdm=%E6%B1%89%E9%98%B4%E5%8E%BF",
            me,
            403,
            "region_parameter_outside",
        ),
        (
            "region-name key in query",
            "GET",
            OWN + "?size=1&xzqhmc=%E6%B1%89%E9%98%B4%E5%8E%BF",
            me,
            403,
            "region_parameter_outside",
        ),
        ("own name, region-name key", "GET", OWN + "?size=1&xzqhmc=%E6%B1%89%E6%BB%A8%E5%8C%BA", me, 200, "ok"),
        (
            "township name alone",
            "GET",
            OWN + "?size=1&xzqhmc=%E6%B1%9F%E5%8C%97%E8%A1%97%E9%81%93",
            me,
            403,
            "region_parameter_outside",
        ),
        # Filter functions over a region key: read, or refused when they ask for more.
        (
            "OData startswith",
            "GET",
            OWN + "?size=1&%24filter=startswith%28regionCode%2C%2761%27%29",
            me,
            403,
            "region_parameter_outside",
        ),
        (
            "OData substringof",
            "GET",
            OWN + "?size=1&%24filter=substringof%28%276109%27%2CregionCode%29",
            me,
            403,
            "region_parameter_outside",
        ),
        ("OData own prefix", "GET", OWN + "?size=1&%24filter=startswith%28regionCode%2C%27610902%27%29", me, 200, "ok"),
        # Another region's records by ID: refused by the gateway, or not found in the caller's region.
        ("foreign id, foreign path", "GET", f"/api/v1/regions/610921/persons/{foreign}", me, 403, "forbidden"),
        ("foreign id, own path", "GET", f"/api/v1/regions/610902/persons/{foreign}", me, 404, "upstream"),
        ("foreign id, child region", "GET", f"/api/v1/regions/610902001/persons/{foreign}", me, 404, "upstream"),
    ]


def test_every_bypass_is_denied_or_normalised_and_audited(
    gateway: RunningGateway, upstream_url: str, opensearch: OpenSearch, index_prefix: str
) -> None:
    sent = []
    for label, method, target, headers, status, code in cases(gateway, upstream_url):
        got, body, request_id = raw(gateway, method, target, headers)
        assert got == status, (label, got, body)
        if code not in ("ok", "upstream"):
            assert body["error"]["code"] == code, label
        sent.append((label, request_id, status, code))
    counts = wait_for_events(opensearch, index_prefix, [r for _, r, _, _ in sent])
    assert counts == {r: 1 for _, r, _, _ in sent}
    for label, request_id, status, code in sent:
        (event,) = audit_events(opensearch, index_prefix, request_id)
        assert event["http"]["response"]["status_code"] == status, label
        assert event["source"]["ip"] == "127.0.0.1", label  # never the X-Forwarded-For claim
        if code not in ("ok", "upstream"):
            assert event["minguard"]["error"]["code"] == code, label
            assert event["event"]["type"] == ["access", "denied"], label
        if code == "forbidden":
            assert event["minguard"]["decision"]["allowed"] is False
            assert event["minguard"]["decision"]["policy_version"]
        if "spoofed" in label:
            assert event["user"]["roles"] == ["caseworker"]
            assert event["minguard"]["principal"]["region"] == "610902"


def test_normalised_paths_reach_the_canonical_route(gateway: RunningGateway) -> None:
    status, body, _ = raw(gateway, "GET", "//API/v1/./Regions/610902/persons/?size=2", [key(gateway), PURPOSE])
    assert status == 200
    assert len(body["items"]) == 2


def test_a_second_host_header_is_refused(gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str) -> None:
    """Two Host headers: the gateway passed the last on as X-Forwarded-Host, while a server or
    cache in between may read the first (links, cache keys). RFC 9112 3.2 says 400."""
    headers = [key(gateway), PURPOSE, ("Host", "other.example")]  # http.client sends its own Host first
    status, body, request_id = raw(gateway, "GET", OWN + "?size=1", headers)
    assert status == 400 and body["error"]["code"] == "duplicate_host"
    refused_unforwarded(opensearch, index_prefix, request_id)


def test_probes_of_the_management_api_are_refused_and_audited(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    """A mistyped or wrong-method management call got FastAPI's own 404/405 and no audit event:
    probing the management API left no trace."""
    probes = [
        ("POST", "/_minguard/policy/relaod", [key(gateway, "security-admin")], 403),
        ("GET", "/_minguard/policy/reload", [key(gateway, "security-admin")], 403),
        ("PROPFIND", "/_minguard/reidentify", [key(gateway, "reviewer-hanbin"), PURPOSE], 403),
        ("DELETE", "/_minguard/audit/events", [key(gateway, "system-admin")], 403),
        ("GET", "/_minguard", [key(gateway)], 403),
        ("GET", "/_minguard/users", [], 401),
        # A line feed in the path: the catch-all's {rest:path} did not match it, and FastAPI's
        # own 404 answered with no event.
        ("GET", "/_minguard/console/user/zhang%0Awei", [key(gateway, "audit-admin")], 403),
        ("POST", "/_minguard/policy/re%0Aload", [key(gateway, "security-admin")], 403),
        ("GET", "/_minguard/%0A", [], 401),
    ]
    sent = []
    for method, target, headers, status in probes:
        got, body, request_id = raw(gateway, method, target, headers)
        assert got == status, (method, target, got, body)
        assert body["error"]["code"] == ("unknown_route" if status == 403 else "unauthenticated")
        sent.append(request_id)
    assert wait_for_events(opensearch, index_prefix, sent) == {r: 1 for r in sent}
    for request_id in sent:
        (event,) = audit_events(opensearch, index_prefix, request_id)
        assert event["event"]["type"] == ["access", "denied"]


def head(gateway: RunningGateway, target: str, headers: list[tuple[str, str]]) -> tuple[int, dict[str, str], bytes]:
    """A HEAD request: status, headers (lower-case names) and whatever bytes followed them."""
    parts = urlsplit(gateway.url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=15)
    try:
        conn.request("HEAD", target, headers=dict(headers))
        response = conn.getresponse()
        got = {name.lower(): value for name, value in response.getheaders()}
        # http.client reads no body for HEAD; a byte the gateway sent anyway would wait on the
        # socket, and the next read would see it.
        sock = conn.sock
        stray = b""
        if sock is not None:
            sock.settimeout(0.3)
            with contextlib.suppress(TimeoutError):
                stray = sock.recv(64)
        return response.status, got, stray
    finally:
        conn.close()


def test_head_is_answered_as_its_get_would_be_without_the_body(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    """HEAD on a GET route was refused as 403 unknown_route (a monitor's `curl -I` raised
    "unlisted interface" events). It is the GET without its body: the same decision, the length
    of the masked body, nothing of the body on the wire, and one event that says HEAD."""
    me = [key(gateway), PURPOSE]
    parts = urlsplit(gateway.url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=15)
    try:
        conn.request("GET", OWN + "?size=2", headers=dict(me))
        got = conn.getresponse()
        get_status, get_body = got.status, got.read()
    finally:
        conn.close()
    assert get_status == 200 and json.loads(get_body)["items"]

    status, headers, stray = head(gateway, OWN + "?size=2", me)
    assert status == 200 and stray == b""
    assert int(headers["content-length"]) == len(get_body)
    assert headers["content-type"].startswith("application/json")

    denied, denied_headers, denied_stray = head(gateway, "/api/v1/regions/610921/persons", me)
    assert denied == 403 and denied_stray == b""
    unrouted, _, _ = head(gateway, "/api/v1/regions/610902/cases/c-1/approve", me)
    assert unrouted == 403

    ids = [headers["x-request-id"], denied_headers["x-request-id"]]
    assert wait_for_events(opensearch, index_prefix, ids) == {r: 1 for r in ids}
    (event,) = audit_events(opensearch, index_prefix, ids[0])
    assert event["http"]["request"]["method"] == "HEAD"
    assert event["http"]["response"] == {"status_code": 200, "bytes": 0}
    assert event["event"]["type"] == ["access", "allowed"]
    assert event["minguard"]["route"] == "person.list" and event["minguard"]["data"]["inspected"] is True
    assert "仅返回响应头" in event["minguard"]["summary_zh"]
    (refused,) = audit_events(opensearch, index_prefix, ids[1])
    assert refused["event"]["reason"] == "forbidden" and "upstream" not in refused["minguard"]

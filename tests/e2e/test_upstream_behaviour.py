"""How the gateway handles what upstreams really send: encodings, odd types, failures."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, audit_events, free_port, get, start_gateway, stop_gateway, wait_for_events
from support.odd_upstream import ID_NUMBER, JSON_BODY, MOBILE, gateway_to_odd_upstream, odd_upstream

pytestmark = pytest.mark.opensearch

PERSON = "/api/v1/regions/610902/persons/"
CASE = "/api/v1/regions/610902/cases/"


@pytest.fixture(scope="module")
def odd_gateway(tmp_path_factory: pytest.TempPathFactory, index_prefix: str) -> Iterator[RunningGateway]:
    overrides = {"upstream": {"timeout": 1.0}, "inspection": {"max_body_bytes": 1024 * 1024}}
    with gateway_to_odd_upstream(tmp_path_factory.mktemp("odd"), index_prefix, overrides) as gateway:
        yield gateway


def test_gzip_responses_are_decoded_then_masked(odd_gateway: RunningGateway) -> None:
    response = get(odd_gateway, PERSON + "gzip")
    assert response.status_code == 200
    assert "content-encoding" not in response.headers
    assert ID_NUMBER not in response.text and MOBILE not in response.text
    assert response.json()["items"][0]["idNumber"] == "110105********002X"
    assert response.json()["items"][0]["caseNo"] == "DB610902202300017"  # a business key stays


def test_json_labelled_as_binary_is_still_inspected(odd_gateway: RunningGateway) -> None:
    response = get(odd_gateway, PERSON + "mislabelled")
    assert response.status_code == 200
    assert ID_NUMBER not in response.text


def test_gbk_csv_is_masked_and_stays_gbk(odd_gateway: RunningGateway) -> None:
    response = get(odd_gateway, PERSON + "gbk")
    assert response.status_code == 200
    text = response.content.decode("gbk")
    assert text.startswith("姓名,身份证号码,联系电话")
    assert ID_NUMBER not in text and MOBILE not in text


@pytest.mark.parametrize(
    ("case", "status", "code"),
    [
        ("binary", 502, "uninspectable_binary"),
        ("badjson", 502, "uninspectable_unparseable"),
        ("bomb", 502, "uninspectable_too_large"),
        ("slow", 504, "upstream_timeout"),
        ("reset", 502, "upstream_unreachable"),
        ("partial", 502, "upstream_incomplete"),
    ],
)
def test_what_cannot_be_inspected_or_fetched_is_refused(
    odd_gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str, case: str, status: int, code: str
) -> None:
    response = get(odd_gateway, PERSON + case)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert ID_NUMBER not in response.text
    request_id = response.headers["x-request-id"]
    assert wait_for_events(opensearch, index_prefix, [request_id]) == {request_id: 1}


def test_binary_on_a_region_route_is_withheld_even_from_a_caller_who_sees_everything(
    odd_gateway: RunningGateway,
) -> None:
    """The payment service's profile releases everything, so uninspectable content may pass
    its masking; but on a route scoped to a region no one could tell whose region its records
    are of, and it went out unjudged."""
    response = get(odd_gateway, CASE + "binary", key_id="payment-service")
    assert response.status_code == 502
    assert response.json()["error"]["code"] == "records_region_unknown"
    assert ID_NUMBER.encode() not in response.content


def test_byte_ranges_are_not_asked_of_the_upstream(odd_gateway: RunningGateway) -> None:
    """An ID number cut at a range's edge is found in neither part; the caller would join them.
    The gateway asks for the whole document and masks it."""
    joined = ""
    for wanted in ("bytes=0-36", "bytes=37-80"):  # the ID number begins at byte 28
        extra = {"X-Purpose-Of-Use": "test", "Range": wanted, "If-Range": '"v1"'}
        response = httpx.get(
            odd_gateway.url + PERSON + "ranged", headers=odd_gateway.headers("caseworker-hanbin", **extra)
        )
        assert response.status_code == 200, response.text
        assert "content-range" not in response.headers
        assert response.text.startswith("申请人") and ID_NUMBER[:6] in response.text  # the whole document, masked
        joined += response.text
    assert ID_NUMBER not in joined and MOBILE not in joined


def test_a_part_of_a_document_sent_anyway_is_withheld(odd_gateway: RunningGateway) -> None:
    response = get(odd_gateway, PERSON + "partial-content")
    assert response.status_code == 502
    assert response.json()["error"]["code"] == "uninspectable_partial"
    assert "张伟" not in response.text


def test_hop_by_hop_headers_do_not_cross(odd_gateway: RunningGateway) -> None:
    response = get(odd_gateway, PERSON + "hop")
    assert response.status_code == 200
    assert "keep-alive" not in response.headers
    assert "x-internal-hop" not in response.headers  # named in Connection, so hop-by-hop
    assert response.headers["x-upstream-version"] == "1.2"


def test_request_headers_seen_by_the_upstream(odd_gateway: RunningGateway) -> None:
    response = httpx.get(
        odd_gateway.url + PERSON + "echo?page=2",
        headers={
            **odd_gateway.headers("caseworker-hanbin"),
            "X-Forwarded-For": "10.9.9.9",
            "X-Minguard-Roles": "district_head",
            # Spellings CGI/WSGI servers merge with the gateway's own, and a header with which
            # servers replace the authorized path.
            "X_Minguard_Roles": "district_head",
            "X_Forwarded_For": "10.9.9.9",
            "X-Original-URL": "/api/v1/regions/610921/persons",
            "X-Custom": "kept",
            # The gateway reads every answer: it asks for identity, whatever the caller accepts.
            "Accept-Encoding": "gzip, br",
            # Parts of a document cannot be inspected: the gateway asks for whole bodies.
            "Range": "bytes=0-99",
            "If-Range": '"v1"',
        },
    )
    assert response.status_code == 200, response.text
    seen = response.json()
    headers = seen["headers"]
    assert "x-api-key" not in headers and "authorization" not in headers
    assert headers["x-forwarded-for"] == "127.0.0.1"  # the gateway's view, not the client's claim
    assert headers["x-minguard-roles"] == "caseworker"  # spoofed value replaced
    assert headers["x-minguard-region"] == "610902"
    assert headers["x-request-id"] == response.headers["x-request-id"]
    assert headers["x-custom"] == "kept"
    assert headers["accept-encoding"] == "identity"
    assert not {"x_minguard_roles", "x_forwarded_for", "x-original-url", "range", "if-range"} & set(headers)
    assert seen["query"] == "page=2"


@pytest.mark.parametrize("condition", ["If-None-Match", "If-Match"])
def test_a_guess_of_the_unmasked_body_gets_no_answer_of_its_own(odd_gateway: RunningGateway, condition: str) -> None:
    """An upstream whose ETag hashes its body (Spring's ShallowEtagHeaderFilter) answers a
    read's If-None-Match (304) or If-Match (412) by comparing it with the unmasked body: a
    caller who hashed a guess of what a mask hid learnt from the status whether it was right.
    A read goes upstream without the two conditions, and the guess gets the masked body."""
    guessed = f'"0{hashlib.md5(JSON_BODY).hexdigest()}"'
    for guess in (guessed, '"0wrong"'):
        extra = {"X-Purpose-Of-Use": "test", condition: guess}
        response = httpx.get(
            odd_gateway.url + PERSON + "shallow-etag", headers=odd_gateway.headers("caseworker-hanbin", **extra)
        )
        assert response.status_code == 200, response.text
        assert ID_NUMBER[:6] in response.text and ID_NUMBER not in response.text


def test_personal_data_goes_out_marked_not_to_be_stored(odd_gateway: RunningGateway) -> None:
    """An upstream that lets caches keep its answers: a cache between gateway and callers
    would hand one caller's masking to another and serve accesses no audit event records."""
    personal = get(odd_gateway, PERSON + "cacheable")
    assert personal.status_code == 200 and ID_NUMBER not in personal.text
    assert personal.headers.get_list("cache-control") == ["no-store"]
    assert "expires" not in personal.headers and "pragma" not in personal.headers
    assert "etag" not in personal.headers  # the upstream's validator names its bytes, not the masked ones
    general = get(odd_gateway, PERSON + "cacheable-general")  # nothing personal: the upstream's word stands
    assert general.status_code == 200 and general.json() == {"status": "ok", "total": 3}
    assert general.headers["etag"] == '"v1"'
    assert general.headers["cache-control"] == "public, max-age=600" and general.headers["pragma"] == "cache"


def test_redirects_to_the_upstream_point_at_the_gateway(odd_gateway: RunningGateway) -> None:
    """The gateway does not follow redirects (the target was not authorized); one to the
    upstream's own address comes back as a path on the gateway, one elsewhere unchanged."""
    own = httpx.get(odd_gateway.url + PERSON + "redirect", headers=odd_gateway.headers("caseworker-hanbin"))
    assert own.status_code == 302
    assert own.headers["location"] == "/api/v1/regions/610902/persons/echo?from=redirect"
    elsewhere = httpx.get(
        odd_gateway.url + PERSON + "redirect-elsewhere", headers=odd_gateway.headers("caseworker-hanbin")
    )
    assert (
        elsewhere.headers["location"] == "http://other.internal:8080/api/v1/regions/610902/persons/echo?from=redirect"
    )


def test_persons_in_response_headers_are_masked_and_audited(
    odd_gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    response = get(odd_gateway, PERSON + "headers")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    shown = " ".join(f"{k}: {v}" for k, v in response.headers.items())
    assert ID_NUMBER not in shown and MOBILE not in shown and "张伟" not in response.headers["x-applicant-name"], shown
    assert response.headers["x-upstream-version"] == "1.2"
    assert response.headers["location"].startswith("/api/v1/regions/610902/persons/")
    assert len(response.headers.get_list("date")) == 1  # the gateway's own
    assert response.headers["cache-control"] == "no-store"
    request_id = response.headers["x-request-id"]
    wait_for_events(opensearch, index_prefix, [request_id])
    (event,) = audit_events(opensearch, index_prefix, request_id)
    data = event["minguard"]["data"]
    assert data["entities"] == {"RESIDENT_ID": 2, "MOBILE": 1, "PERSON_NAME": 1}
    assert data["persons"] == 1 and data["level"] != "general"


def test_an_upstream_cookie_is_not_sent_for_the_next_caller(tmp_path: Path, index_prefix: str) -> None:
    """Every caller's requests share the gateway's upstream client: a session cookie the
    upstream set for one caller reaches that caller, and never rides on another caller's
    request. The upstream by a host name: HTTP clients keep no cookies for bare IP addresses."""
    with odd_upstream(free_port()) as upstream:
        gateway = start_gateway(tmp_path, upstream.replace("127.0.0.1", "localhost"), index_prefix)
        try:
            first = get(gateway, PERSON + "cookie", key_id="reviewer-hanbin")
            assert first.status_code == 200
            assert "session-of-the-first-caller" in first.headers["set-cookie"]
            seen = get(gateway, PERSON + "echo").json()["headers"]
            assert "cookie" not in seen
            own = httpx.get(
                gateway.url + PERSON + "echo",
                headers={**gateway.headers("caseworker-hanbin"), "Cookie": "theme=dark"},
                timeout=10,
            )
            assert own.json()["headers"]["cookie"] == "theme=dark"  # a caller's own cookie still goes through
        finally:
            stop_gateway(gateway)


def test_audit_not_durable_means_important_data_is_withheld(
    tmp_path: Path, upstream_url: str, index_prefix: str
) -> None:
    # OpenSearch unreachable and a tiny spool: the spool fills, and then data stops flowing.
    dead = f"http://127.0.0.1:{free_port()}"
    gateway = start_gateway(
        tmp_path, upstream_url, index_prefix, opensearch_url=dead, overrides={"audit": {"max_spool_bytes": 65536}}
    )
    try:
        statuses = []
        for _ in range(80):
            response = get(gateway, "/api/v1/regions/610902/persons?size=2")
            statuses.append(response.status_code)
            if response.status_code == 503:
                assert response.json()["error"]["code"] == "audit_unavailable"
                assert ID_NUMBER not in response.text
                break
        assert statuses[0] == 200 and statuses[-1] == 503
        ready = httpx.get(gateway.url + "/_minguard/ready")
        assert ready.status_code == 503
        # A denial releases no data, so it is still answered while the audit path is down.
        assert get(gateway, "/api/v1/regions/610921/persons").status_code == 403
    finally:
        stop_gateway(gateway)


def test_a_write_is_not_forwarded_while_the_spool_refuses_events(
    tmp_path: Path, upstream_url: str, index_prefix: str
) -> None:
    """The audit stage can withhold an answer but not undo a write: with the spool full, an
    application must not reach the upstream (it would exist with its event only in memory,
    and the caller, told 503, would file it again)."""
    dead = f"http://127.0.0.1:{free_port()}"
    gateway = start_gateway(
        tmp_path, upstream_url, index_prefix, opensearch_url=dead, overrides={"audit": {"max_spool_bytes": 65536}}
    )
    cases = "/api/v1/regions/610902/cases"
    try:
        for _ in range(80):
            if get(gateway, "/api/v1/regions/610902/persons?size=2").status_code == 503:
                break
        assert httpx.get(gateway.url + "/_minguard/ready").status_code == 503
        person = httpx.get(upstream_url + "/api/v1/regions/610902/persons?size=1").json()["items"][0]["personId"]
        before = httpx.get(upstream_url + cases + "?size=1").json()["total"]
        application = {"personId": person, "program": "linshi", "amount": 300, "operator": "zhangwei"}
        headers = gateway.headers("caseworker-hanbin", **{"X-Purpose-Of-Use": "test"})
        response = httpx.post(gateway.url + cases, json=application, headers=headers, timeout=10)
        assert response.status_code == 503 and response.json()["error"]["code"] == "audit_unavailable"
        assert httpx.get(upstream_url + cases + "?size=1").json()["total"] == before
    finally:
        stop_gateway(gateway)


def test_a_full_disk_under_the_spool_withholds_important_data(
    tmp_path: Path, upstream_url: str, index_prefix: str
) -> None:
    """The disk itself fills (the gateway may write no file past 256 KB): the spool's write
    fails with an OS error, so responses carrying important data are refused and audited as
    soon as the spool takes writes again; readiness says why; the process stays up."""
    limit = 256 * 1024
    gateway = start_gateway(tmp_path, upstream_url, index_prefix, file_size_limit=limit)
    try:
        statuses = []
        for _ in range(600):  # about 1.7 KB per event: the segment reaches the limit well before
            response = get(gateway, "/api/v1/regions/610902/persons?size=2")
            statuses.append(response.status_code)
            if response.status_code != 200:
                break
        assert statuses[0] == 200 and statuses[-1] == 503, statuses[-5:]
        body = response.json()
        assert body["error"]["code"] == "audit_unavailable" and ID_NUMBER not in response.text
        ready = httpx.get(gateway.url + "/_minguard/ready")
        status = ready.json()
        # The write that reached the limit came back short ("short write to audit spool"),
        # the ones after it with EFBIG ("File too large"): either way the spool says it.
        assert ready.status_code == 503 and status["spool_writable"] is False
        assert "short write" in status["spool_error"] or "File too large" in status["spool_error"]
        # A denial releases no data: still answered; and the process was not killed by SIGXFSZ.
        assert get(gateway, "/api/v1/regions/610921/persons").status_code == 403
        assert gateway.proc.poll() is None
        segments = sorted((tmp_path / "spool").rglob("*.jsonl"))
        assert segments and all(s.stat().st_size <= limit for s in segments)
        # Every line on disk is whole: the failed write left no torn line behind.
        assert all(s.read_bytes().endswith(b"\n") for s in segments if s.stat().st_size)
    finally:
        stop_gateway(gateway)


def test_records_outside_the_requested_region_are_withheld(
    odd_gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    """A 汉滨区 list that carries a person of 紫阳县 (610921) is not released, masked or
    not: the upstream answered outside the jurisdiction the caller was checked against."""
    response = get(odd_gateway, PERSON + "foreign")
    assert response.status_code == 502
    assert response.json()["error"]["code"] == "records_outside_region"
    assert "610921101001" in response.json()["error"]["message"]
    assert ID_NUMBER not in response.text and "610921198906063413" not in response.text
    request_id = response.headers["x-request-id"]
    wait_for_events(opensearch, index_prefix, [request_id])
    (event,) = audit_events(opensearch, index_prefix, request_id)
    assert event["minguard"]["conditions"]["failed"] == "region_scope"
    assert "region_scope" in event["minguard"]["conditions"]["checked"]
    assert event["event"]["outcome"] == "failure"


def test_records_naming_their_region_are_judged_by_its_code(
    odd_gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    """所属区划 陕西省安康市汉阴县 was no code: a 汉阴县 caller's own list was refused as unreadable
    and a 汉滨区 caller's answer was refused for the wrong reason. The GB/T 2260 name is read as
    610921: released to 汉阴县, withheld from 汉滨区 as records of another region."""
    own = get(odd_gateway, "/api/v1/regions/610921/persons/named", "caseworker-hanyin")
    assert own.status_code == 200, own.text
    other = get(odd_gateway, PERSON + "named")
    assert other.status_code == 502
    assert other.json()["error"]["code"] == "records_outside_region"
    assert "610921" in other.json()["error"]["message"]
    request_id = other.headers["x-request-id"]
    wait_for_events(opensearch, index_prefix, [request_id])
    (event,) = audit_events(opensearch, index_prefix, request_id)
    assert event["minguard"]["conditions"]["failed"] == "region_scope"
    assert event["event"]["outcome"] == "failure"


@pytest.mark.parametrize(
    ("case", "status", "code"),
    [
        ("region-name", 502, "records_outside_region"),  # xzqhmc 汉阴县: another county's record
        ("township-alone", 502, "records_region_unreadable"),  # 江北街道 alone: placed nowhere
        ("township-coded", 200, None),  # 江北街道 beside the record's own code
    ],
)
def test_a_record_naming_its_region_by_name_is_judged(
    odd_gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str, case: str, status: int, code: str | None
) -> None:
    """{"xzqhmc": "汉阴县"} went to a 汉滨区 caller: a region-name key was no region key."""
    response = get(odd_gateway, PERSON + case)
    assert response.status_code == status, response.text
    if code is None:
        return
    error = response.json()["error"]
    assert error["code"] == code and "区划" in error["message_zh"]
    assert ID_NUMBER not in response.text
    request_id = response.headers["x-request-id"]
    wait_for_events(opensearch, index_prefix, [request_id])
    (event,) = audit_events(opensearch, index_prefix, request_id)
    assert event["minguard"]["conditions"]["failed"] == "region_scope"
    assert event["event"]["outcome"] == "failure"


@pytest.mark.parametrize("spelling", ["upper", "fullwidth", "space", "zwsp", "bom", "shy", "wj"])
def test_a_case_filed_under_another_spelling_of_the_approver_is_refused(
    odd_gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str, spelling: str
) -> None:
    """wangfang approving a case the upstream records as filed by "wang\\u200bfang" (or with a
    BOM, a soft hyphen, a word joiner) was let through: user names were folded with NFKC, case
    and surrounding spaces only, and those characters survive all three."""
    response = httpx.post(
        odd_gateway.url + CASE + f"filed-by-{spelling}/approve",
        json={"approver": "wangfang"},
        headers=odd_gateway.headers("reviewer-hanbin", **{"X-Purpose-Of-Use": "test"}),
        timeout=10,
    )
    assert response.status_code == 403, response.text
    error = response.json()["error"]
    assert error["code"] == "self_approval" and error["message_zh"] == "不得审批本人经办的申请"
    request_id = response.headers["x-request-id"]
    wait_for_events(opensearch, index_prefix, [request_id])
    (event,) = audit_events(opensearch, index_prefix, request_id)
    assert event["minguard"]["conditions"]["failed"] == "self_approval"
    assert event["event"]["type"] == ["access", "denied"]

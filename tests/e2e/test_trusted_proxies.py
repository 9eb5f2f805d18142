"""Behind a load balancer (server.trusted_proxies): the audit trail and the upstream name the
client the balancer saw, and the balancer itself; a claim written by the client is not read."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, audit_events, wait_for_events
from support.odd_upstream import gateway_to_odd_upstream

pytestmark = pytest.mark.opensearch

ECHO = "/api/v1/regions/610902/persons/echo"


@pytest.fixture(scope="module")
def balanced_gateway(tmp_path_factory: pytest.TempPathFactory, index_prefix: str) -> Iterator[RunningGateway]:
    # The tests' requests come from 127.0.0.1, which here stands for the balancer.
    overrides = {"server": {"trusted_proxies": ["127.0.0.0/8"]}}
    with gateway_to_odd_upstream(tmp_path_factory.mktemp("balanced"), index_prefix, overrides) as gateway:
        yield gateway


def test_the_client_behind_the_balancer_is_audited_and_forwarded(
    balanced_gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    # What the client wrote (198.51.100.1), then what the balancer appended (203.0.113.7).
    headers = {**balanced_gateway.headers("caseworker-hanbin"), "X-Forwarded-For": "198.51.100.1, 203.0.113.7"}
    response = httpx.get(balanced_gateway.url + ECHO, headers=headers, timeout=10)
    assert response.status_code == 200, response.text
    assert response.json()["headers"]["x-forwarded-for"] == "203.0.113.7"
    request_id = response.headers["x-request-id"]
    assert wait_for_events(opensearch, index_prefix, [request_id]) == {request_id: 1}
    (event,) = audit_events(opensearch, index_prefix, request_id)
    assert event["source"] == {"ip": "203.0.113.7", "port": None}
    assert event["minguard"]["proxy_ip"] == "127.0.0.1"


def test_a_refusal_names_the_client_too(
    balanced_gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    """Who was refused matters as much as who was served (no credential: 401)."""
    response = httpx.get(balanced_gateway.url + ECHO, headers={"X-Forwarded-For": "203.0.113.9"}, timeout=10)
    assert response.status_code == 401
    request_id = response.headers["x-request-id"]
    assert wait_for_events(opensearch, index_prefix, [request_id]) == {request_id: 1}
    (event,) = audit_events(opensearch, index_prefix, request_id)
    assert event["source"]["ip"] == "203.0.113.9"

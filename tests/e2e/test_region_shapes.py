"""Region scope record by record, end to end: an upstream that answers a 汉滨区 caller with a
record of another county, named only by a township (城关镇), in each body shape of
tests/support/region_shapes.py; the real gateway in front. The record must not go out, and
records placed by their own codes must."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, audit_events, free_port, start_gateway, stop_gateway, wait_for_events
from support.raw_upstream import answer, raw_upstream
from support.region_shapes import DOCUMENTS, LISTS

pytestmark = pytest.mark.opensearch

SHAPES = {**DOCUMENTS, **LISTS}


@pytest.fixture(scope="module")
def region_gateway(tmp_path_factory: pytest.TempPathFactory, index_prefix: str) -> Iterator[RunningGateway]:
    answers = {
        name: answer("200 OK", [("Content-Type", f"{media_type}; charset=utf-8")], body)
        for name, (body, media_type, _) in SHAPES.items()
    }
    with raw_upstream(free_port(), answers) as upstream:
        gateway = start_gateway(tmp_path_factory.mktemp("region-shapes"), upstream, index_prefix)
        try:
            yield gateway
        finally:
            stop_gateway(gateway)


@pytest.mark.parametrize("case", SHAPES)
def test_a_record_of_another_county_does_not_go_out_in_any_shape(
    region_gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str, case: str
) -> None:
    _, _, code = SHAPES[case]
    headers = region_gateway.headers("caseworker-hanbin", **{"X-Purpose-Of-Use": "test"})
    response = httpx.get(f"{region_gateway.url}/api/v1/regions/610902/persons/{case}", headers=headers, timeout=10)
    if code is None:
        assert response.status_code == 200, response.text
        return
    assert response.status_code == 502, response.text
    assert response.json()["error"]["code"] == code
    assert "李四" not in response.text
    request_id = response.headers["x-request-id"]
    wait_for_events(opensearch, index_prefix, [request_id])
    (event,) = audit_events(opensearch, index_prefix, request_id)
    assert event["minguard"]["conditions"]["failed"] == "region_scope"

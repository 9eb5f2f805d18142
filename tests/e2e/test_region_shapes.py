"""Region scope record by record, end to end: an upstream that answers a 汉滨区 caller with a
record of another county, named only by a township (城关镇), in each body shape of
tests/support/region_shapes.py; the real gateway in front. The record must not go out, and
records placed by their own codes must."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, audit_events, free_port, start_gateway, stop_gateway, wait_for_events
from support.raw_upstream import answer, raw_upstream
from support.region_shapes import DATA_TEXT, DOCUMENTS, HTML_SPANS, INDEXED_FORMS, LISTS, OTHER_SHAPES, XML_SIBLINGS
from support.synth_people import make_mobile

pytestmark = pytest.mark.opensearch

SHAPES = {**DOCUMENTS, **LISTS, **OTHER_SHAPES, **XML_SIBLINGS, **INDEXED_FORMS, **HTML_SPANS, **DATA_TEXT}


def _contacts(n: int) -> list[dict[str, str]]:
    return [{"xm": "张伟", "lxdh": make_mobile(i), "regionCode": "610902"} for i in range(n)]


# Persons without ID numbers under keys the inspector does not read as the answer's list, and
# whether the caseworker's limit of 200 a response refuses them (403 too_many_records).
COUNTS = {
    "count-entries": ({"payload": {"entries": _contacts(201)}}, True),
    "count-graphql": ({"data": {"persons": {"edges": [{"node": p} for p in _contacts(201)]}}}, True),
    "count-households": ({"result": {"households": [{"hzxm": "张伟", "jtcy": _contacts(3)}] * 66}}, False),
}


@pytest.fixture(scope="module")
def region_gateway(tmp_path_factory: pytest.TempPathFactory, index_prefix: str) -> Iterator[RunningGateway]:
    answers = {
        name: answer("200 OK", [("Content-Type", f"{media_type}; charset=utf-8")], body)
        for name, (body, media_type, _) in SHAPES.items()
    }
    for name, (doc, _) in COUNTS.items():
        body = json.dumps(doc, ensure_ascii=False).encode()
        answers[name] = answer("200 OK", [("Content-Type", "application/json")], body)
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


@pytest.mark.parametrize("region", ["610902", "610902001"])
def test_a_field_selection_of_region_fields_is_served_and_judged_per_record(
    gateway: RunningGateway, region_gateway: RunningGateway, region: str
) -> None:
    """?fields=items(xm,xzqhmc) was refused (403 region_parameter_outside) on a county's and a
    township's route alike: read as a function over a region key. The demo upstream now serves
    it; an upstream that keeps in the selected fields a record of another county, named only by
    城关镇, is still refused at release, record by record."""
    purpose = {"X-Purpose-Of-Use": "test"}
    selection = {"fields": "items(name,regionCode,xzqhmc)"}
    url = f"{gateway.url}/api/v1/regions/{region}/persons"
    demo = httpx.get(url, params=selection, headers=gateway.headers("caseworker-hanbin", **purpose), timeout=10)
    assert demo.status_code == 200, demo.text
    assert demo.json()["items"] and all(item["regionCode"].startswith(region) for item in demo.json()["items"])
    headers = region_gateway.headers("caseworker-hanbin", **purpose)
    selection = {"fields": "items(xm,xzqhdm,xzqhmc)"}
    url = f"{region_gateway.url}/api/v1/regions/{region}/persons/"
    refused = httpx.get(url + "members", params=selection, headers=headers, timeout=10)
    assert refused.status_code == 502, refused.text
    assert refused.json()["error"]["code"] == "records_region_unreadable"
    if region == "610902":  # (610902101 lies outside the township 610902001)
        served = httpx.get(url + "members-own", params=selection, headers=headers, timeout=10)
        assert served.status_code == 200, served.text


@pytest.mark.parametrize("case", COUNTS)
def test_persons_without_id_numbers_count_against_the_limit_per_response(
    region_gateway: RunningGateway, case: str
) -> None:
    """201 persons named by name and mobile under payload.entries, or GraphQL's edges, counted
    as one record and went out to a caseworker whose limit is 200 a response; 66 households of
    three (198 persons) still go out."""
    _, refused = COUNTS[case]
    headers = region_gateway.headers("caseworker-hanbin", **{"X-Purpose-Of-Use": "test"})
    response = httpx.get(f"{region_gateway.url}/api/v1/regions/610902/persons/{case}", headers=headers, timeout=10)
    if not refused:
        assert response.status_code == 200, response.text
        return
    assert response.status_code == 403, response.text
    assert response.json()["error"]["code"] == "too_many_records"

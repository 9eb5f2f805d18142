"""XML and HTML from a real upstream through a real gateway: masked in place, bombs refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from defusedxml.ElementTree import fromstring
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, audit_events, get, wait_for_events
from support.odd_upstream import HTML_BODY, ID_NUMBER, MOBILE, SOAP_BODY, gateway_to_odd_upstream

pytestmark = pytest.mark.opensearch

PERSON = "/api/v1/regions/610902/persons/"


@pytest.fixture(scope="module")
def xml_gateway(tmp_path_factory: pytest.TempPathFactory, index_prefix: str) -> Iterator[RunningGateway]:
    with gateway_to_odd_upstream(tmp_path_factory.mktemp("xml"), index_prefix) as gateway:
        yield gateway


def test_soap_in_gbk_is_masked_in_place(xml_gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str) -> None:
    response = get(xml_gateway, PERSON + "soap")
    assert response.status_code == 200
    text = response.content.decode("gbk")  # still GBK, as its prolog says
    masked_id = ID_NUMBER[:6] + "********" + ID_NUMBER[-4:]
    expected = (
        SOAP_BODY.replace("张伟", "张**")
        .replace(ID_NUMBER, masked_id)
        .replace(f"{MOBILE[:3]}&#8203;{MOBILE[3:]}", "139****5678")
    )
    assert text == expected  # the case number (a business key) and everything else unchanged
    fromstring(text, forbid_dtd=True)  # expat cannot read GBK bytes itself
    request_id = response.headers["x-request-id"]
    assert wait_for_events(opensearch, index_prefix, [request_id]) == {request_id: 1}
    data = audit_events(opensearch, index_prefix, request_id)[0]["minguard"]["data"]
    assert data["level"] == "important"
    assert data["entities"] == {"PERSON_NAME": 1, "RESIDENT_ID": 1, "MOBILE": 1}
    assert data["persons"] == 1


def test_html_table_is_masked_by_its_headers(xml_gateway: RunningGateway) -> None:
    response = get(xml_gateway, PERSON + "html")
    assert response.status_code == 200
    masked_id = ID_NUMBER[:6] + "********" + ID_NUMBER[-4:]
    assert response.text == HTML_BODY.replace("张伟", "张**").replace(ID_NUMBER, masked_id).replace(
        MOBILE, "139****5678"
    )


def test_xml_with_an_entity_bomb_is_withheld(xml_gateway: RunningGateway) -> None:
    response = get(xml_gateway, PERSON + "xmlbomb")
    assert response.status_code == 502
    assert response.json()["error"]["code"] == "uninspectable_unsafe_xml"
    assert ID_NUMBER not in response.text

"""An upstream over TLS, end to end: certified by a private CA (as a bureau's internal systems
are) and, for the second, asking the gateway for a client certificate (mutual TLS). The
gateway reaches it only with the CA and the certificate it is configured with; without them
the caller gets 502, and the request is still audited."""

from __future__ import annotations

import json
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, free_port, start_gateway, stop_gateway, wait_for_events
from support.raw_upstream import answer, raw_upstream
from support.synth_people import make_id
from support.tls import PrivateCA

pytestmark = pytest.mark.opensearch

ID = make_id(birth="19560307", seq="014")
JSON = json.dumps({"items": [{"name": "李秀英", "idNumber": ID}]}, ensure_ascii=False).encode()
ANSWERS = {"persons": answer("200 OK", [("Content-Type", "application/json")], JSON)}


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> PrivateCA:
    return PrivateCA(tmp_path_factory.mktemp("ca"))


def _server_context(ca: PrivateCA, mutual: bool) -> ssl.SSLContext:
    issued = ca.issue("upstream", server=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(issued.cert, issued.key)
    if mutual:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(ca.cert)
    return context


@pytest.fixture(scope="module")
def tls_upstream(ca: PrivateCA) -> Iterator[str]:
    with raw_upstream(free_port(), ANSWERS, tls=_server_context(ca, mutual=False)) as url:
        yield url


@pytest.fixture(scope="module")
def mutual_upstream(ca: PrivateCA) -> Iterator[str]:
    with raw_upstream(free_port(), ANSWERS, tls=_server_context(ca, mutual=True)) as url:
        yield url


def _gateway(directory: Path, upstream: str, prefix: str, **tls: Any) -> RunningGateway:
    return start_gateway(directory, upstream, prefix, overrides={"upstream": {k: str(v) for k, v in tls.items()}})


def _get(gateway: RunningGateway) -> httpx.Response:
    headers = gateway.headers("caseworker-hanbin", **{"X-Purpose-Of-Use": "test"})
    return httpx.get(f"{gateway.url}/api/v1/regions/610902/persons/persons", headers=headers, timeout=10)


def _error_code(response: httpx.Response) -> str:
    return str(response.json()["error"]["code"])


@pytest.mark.parametrize("mutual", [False, True], ids=["private-ca", "mutual-tls"])
def test_an_upstream_certified_by_a_private_ca(
    tmp_path: Path,
    ca: PrivateCA,
    tls_upstream: str,
    mutual_upstream: str,
    index_prefix: str,
    opensearch: OpenSearch,
    mutual: bool,
) -> None:
    upstream = mutual_upstream if mutual else tls_upstream
    client = ca.issue("minguard-gateway", server=False)
    tls: dict[str, Path] = {"ca_file": ca.cert}
    if mutual:
        tls |= {"client_cert_file": client.cert, "client_key_file": client.key}
    gateway = _gateway(tmp_path / "configured", upstream, index_prefix, **tls)
    try:
        response = _get(gateway)
    finally:
        stop_gateway(gateway)
    assert response.status_code == 200
    record = response.json()["items"][0]
    assert record["idNumber"] == ID[:6] + "********" + ID[-4:] and record["name"] != "李秀英"


def test_without_the_ca_the_upstream_is_not_trusted(
    tmp_path: Path, tls_upstream: str, index_prefix: str, opensearch: OpenSearch
) -> None:
    """The system trust store does not know the bureau's CA: 502, audited, nothing sent."""
    gateway = _gateway(tmp_path / "no-ca", tls_upstream, index_prefix)
    try:
        response = _get(gateway)
    finally:
        stop_gateway(gateway)
    assert (response.status_code, _error_code(response)) == (502, "upstream_unreachable")
    request_id = response.headers["x-request-id"]
    assert wait_for_events(opensearch, index_prefix, [request_id]) == {request_id: 1}


def test_without_a_client_certificate_mutual_tls_fails(
    tmp_path: Path, ca: PrivateCA, mutual_upstream: str, index_prefix: str
) -> None:
    gateway = _gateway(tmp_path / "no-client-cert", mutual_upstream, index_prefix, ca_file=ca.cert)
    try:
        response = _get(gateway)
    finally:
        stop_gateway(gateway)
    assert (response.status_code, _error_code(response)) == (502, "upstream_unreachable")

"""Shared fixtures: the real local OpenSearch node, the real demo upstream, real gateways.

The node is started once per session by deploy/opensearch/node.sh (idempotent); each test
session writes into its own index prefix, so runs never see each other's events.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator

import pytest
from opensearchpy import OpenSearch

from support import pure_python

PURE_PYTHON = os.environ.get("MINGUARD_PURE_PYTHON") == "1"
if PURE_PYTHON:  # before anything below imports the project
    pure_python.install()

from support.gateways import (  # noqa: E402
    OPENSEARCH_URL,
    RunningGateway,
    free_port,
    node,
    start_gateway,
    stop_gateway,
    wait_http,
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``pure_python`` replace functions that compiled modules call directly:
    with the compiled build they run in `make test`'s second, pure-Python pass instead."""
    if PURE_PYTHON:
        if pure_python.compiled():
            raise pytest.UsageError("MINGUARD_PURE_PYTHON=1, and yet the compiled inspector was imported")
        return
    if pure_python.compiled():
        skip = pytest.mark.skip(reason="needs the inspector as Python source: `make test` runs it in a second pass")
        for item in items:
            if "pure_python" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def opensearch() -> Iterator[OpenSearch]:
    node("start")
    client = OpenSearch(hosts=[OPENSEARCH_URL], timeout=30)
    yield client
    client.close()


@pytest.fixture(scope="session")
def index_prefix(opensearch: OpenSearch) -> Iterator[str]:
    prefix = f"mgtest-{uuid.uuid4().hex[:8]}"
    yield prefix
    # Its audit indices and those named after it (`.quota-reidentify`, `.alerts` …).
    opensearch.indices.delete(index=f"{prefix}-*,{prefix}.*", ignore_unavailable=True)
    opensearch.indices.delete_index_template(name=prefix, ignore=[404])


@pytest.fixture(scope="session")
def upstream_url() -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "demo", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(command)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{url}/api/v1/health")
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="session")
def gateway(tmp_path_factory: pytest.TempPathFactory, upstream_url: str, index_prefix: str) -> Iterator[RunningGateway]:
    running = start_gateway(tmp_path_factory.mktemp("gateway"), upstream_url, index_prefix)
    yield running
    stop_gateway(running)

"""`/_minguard/metrics` against real gateways: the counters move with requests, and with several
uvicorn workers a scrape adds up every worker (prometheus_client multiprocess mode). The same
multi-worker run checks that `minguard run` writes JSON log lines only, without raw values."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from opensearchpy import OpenSearch
from prometheus_client.parser import text_string_to_metric_families

from gateway.devsetup import init_dev
from gateway.metrics import FLUSH_SECONDS
from gateway.settings import load_settings
from support.gateways import OPENSEARCH_URL, RunningGateway, free_port, stop_gateway, wait_for_events, wait_http

pytestmark = pytest.mark.opensearch

PURPOSE = {"X-Purpose-Of-Use": "e2e"}
SYNTHETIC_ID = "11010519491231002X"  # synthetic: sent in a query, must never reach a log line


def scrape(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = httpx.get(url + "/_minguard/metrics", timeout=10)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(response.text):
        for s in family.samples:
            samples[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return samples


def value(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def total(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str) -> float:
    return sum(v for (n, _), v in samples.items() if n == name)


def test_counters_move_with_requests(gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str) -> None:
    before = scrape(gateway.url)
    ok = httpx.get(
        gateway.url + "/api/v1/regions/610902/persons?size=3",
        headers=gateway.headers("caseworker-hanbin", **PURPOSE),
    )
    assert ok.status_code == 200
    other_county = httpx.get(
        gateway.url + "/api/v1/regions/610921/persons", headers=gateway.headers("caseworker-hanbin")
    )
    assert other_county.status_code == 403
    anonymous = httpx.get(gateway.url + "/api/v1/regions/610902/persons")
    assert anonymous.status_code == 401
    ids = [r.headers["x-request-id"] for r in (ok, other_county, anonymous)]
    assert len(wait_for_events(opensearch, index_prefix, ids)) == 3
    after = scrape(gateway.url)

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    allowed = [k for k in after if k[0] == "minguard_requests_total" and ("decision", "allowed") in k[1]]
    assert sum(after[k] - before.get(k, 0.0) for k in allowed) == 1  # whatever level the 3 persons were
    assert moved("minguard_requests_total", decision="denied", status_class="4xx", level="general") == 2
    assert moved("minguard_refusals_total", code="forbidden") == 1
    assert moved("minguard_refusals_total", code="unauthenticated") == 1
    assert total(after, "minguard_masked_values_total") - total(before, "minguard_masked_values_total") > 0
    assert moved("minguard_upstream_seconds_count") == 1
    assert moved("minguard_audit_shipped_events_total") >= 3  # synced from the shipper at scrape
    assert ("minguard_audit_spool_backlog_bytes", ()) in after


@pytest.fixture(scope="module")
def two_workers(
    tmp_path_factory: pytest.TempPathFactory, upstream_url: str, index_prefix: str
) -> Iterator[RunningGateway]:
    directory = tmp_path_factory.mktemp("two-workers")
    env = init_dev(
        directory,
        gateway_port=free_port(),
        upstream_url=upstream_url,
        opensearch_url=OPENSEARCH_URL,
        index_prefix=index_prefix,
        overrides={"audit": {"spool_dir": "spool", "ship_interval": 0.2}, "server": {"instance": "two-workers"}},
    )
    port = load_settings(env.config).server.port
    log = directory / "gateway.log"
    command = [sys.executable, "-m", "gateway", "run", "--config", str(env.config), "--workers", "2"]
    with open(log, "ab") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=out)
    running = RunningGateway(f"http://127.0.0.1:{port}", env, proc, log)
    try:
        wait_http(running.url + "/_minguard/ready")
        yield running
    finally:
        stop_gateway(running)


def test_a_scrape_adds_up_every_worker(two_workers: RunningGateway) -> None:
    requests = 40
    for _ in range(requests):  # a new connection each time, so both workers take some
        response = httpx.get(
            two_workers.url + "/api/v1/regions/610902/persons?size=1",
            headers=two_workers.headers("reviewer-hanbin", **PURPOSE),
        )
        assert response.status_code == 200
    pids = {line.get("process") for line in json_lines(two_workers.log) if "process" in line}
    assert len(pids) >= 2  # the parent and its workers wrote log lines
    # A worker hands its counts to the shared files within FLUSH_SECONDS; the one scraped
    # flushes its own first.
    time.sleep(FLUSH_SECONDS + 0.5)
    for _ in range(3):  # whichever worker answers the scrape, the sum is the same
        assert total(scrape(two_workers.url), "minguard_requests_total") == requests
    metrics_dir = Path(two_workers.env.directory / "spool" / "_metrics" / "two-workers")
    assert any(metrics_dir.glob("counter_*.db"))


def json_lines(path: Path) -> list[dict[str, object]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    parsed = [json.loads(line) for line in lines]  # raises on any line that is not JSON
    assert all({"@timestamp", "level", "logger", "message"} <= set(p) for p in parsed)
    return parsed


def test_logs_are_json_without_raw_values(two_workers: RunningGateway) -> None:
    response = httpx.get(
        two_workers.url + f"/api/v1/regions/610902/persons?idCard={SYNTHETIC_ID}",
        headers=two_workers.headers("reviewer-hanbin", **PURPOSE),
    )
    assert response.status_code in (200, 400)
    parsed = json_lines(two_workers.log)
    assert any(p["logger"].startswith("uvicorn") for p in parsed)  # type: ignore[union-attr]
    text = two_workers.log.read_text(encoding="utf-8")
    assert SYNTHETIC_ID not in text and two_workers.env.key("reviewer-hanbin") not in text

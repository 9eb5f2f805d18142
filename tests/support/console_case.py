"""A real gateway (own index prefix) with two planted misuse cases and their alerts, for the
console tests: chenjing (statistician) pulls 300 people at once (misuse.bulk_access), and three
officials look up the same person (misuse.person_many_users)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from opensearchpy import OpenSearch

from audit.detection.definitions import load_rules
from audit.detection.runner import run
from support.gateways import RunningGateway, start_gateway, stop_gateway, wait_for_events
from support.planted import DISTRICT, Traffic, wait_clear_of_hour_boundary
from support.signing import SIGNER

RULES = ("misuse.bulk_access", "misuse.person_many_users")


@dataclass
class Case:
    gateway: RunningGateway
    prefix: str
    person: dict[str, Any]  # the one looked up by three officials (synthetic demo data)
    alerts: dict[str, dict[str, Any]]  # rule id -> the alert it raised

    @property
    def console(self) -> str:
        return f"{self.gateway.url}/_minguard/console"


@pytest.fixture(scope="session")
def case(tmp_path_factory: pytest.TempPathFactory, opensearch: OpenSearch, upstream_url: str) -> Iterator[Case]:
    prefix = f"mgconsole-{uuid.uuid4().hex[:6]}"
    gateway = start_gateway(tmp_path_factory.mktemp("console") / "gw", upstream_url, prefix)
    try:
        wait_clear_of_hour_boundary()
        traffic = Traffic(gateway, upstream_url)
        people = traffic.persons()
        began = datetime.now(UTC)
        traffic.call("statistician-city", "GET", "/api/v1/regions/610900/persons?size=300")
        person = people[0]
        for key in ("caseworker-hanbin", "reviewer-hanbin", "district-head-hanbin"):
            traffic.call(key, "GET", f"/api/v1/regions/{DISTRICT}/persons/{person['personId']}")
        ids = [i for i in traffic.sent if i]
        assert len(wait_for_events(opensearch, prefix, ids, seconds=90)) == len(ids)
        rules = [r for r in load_rules() if r.id in RULES]
        window = (began - timedelta(minutes=1), datetime.now(UTC) + timedelta(minutes=1))
        result = run(opensearch, prefix, rules, *window, SIGNER.public_key)
        alerts = {doc["alert"]["rule"]: doc["alert"] for doc in result.alerts}
        assert set(alerts) == set(RULES), alerts
        yield Case(gateway, prefix, person, alerts)
    finally:
        stop_gateway(gateway)
        # Its audit indices and those named after it: alerts, their actions, the quota, sessions.
        opensearch.indices.delete(index=f"{prefix}-*,{prefix}.*", ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=prefix, ignore=[404])


def console_events(opensearch: OpenSearch, prefix: str, route: str, seconds: float = 30.0) -> list[dict[str, Any]]:
    """The audit events of one console route, once at least one has been shipped."""

    deadline = time.monotonic() + seconds
    while True:
        opensearch.indices.refresh(index=f"{prefix}-*", ignore_unavailable=True)
        found = opensearch.search(
            index=f"{prefix}-*",
            body={"query": {"term": {"minguard.route": route}}, "size": 100, "sort": [{"@timestamp": "asc"}]},
            ignore_unavailable=True,
        )
        events = [h["_source"] for h in found["hits"]["hits"]]
        if events or time.monotonic() > deadline:
            return events
        time.sleep(0.5)

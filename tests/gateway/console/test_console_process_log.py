"""The console's page of the gateway's starts and stops (网关运行记录): the lifecycle entries
of the trail, which the search pages leave out, with an interrupted audit process named."""

from __future__ import annotations

import re
import time
import uuid

import pytest
from opensearchpy import OpenSearch

from audit.opensearch import index_for
from support.console_case import Case

from .test_console_http import event_of, login

pytestmark = pytest.mark.opensearch


def starts(opensearch: OpenSearch, prefix: str) -> list[dict[str, object]]:
    for _ in range(60):
        opensearch.indices.refresh(index=f"{prefix}-*", ignore_unavailable=True)
        hits = opensearch.search(
            index=f"{prefix}-*", body={"query": {"term": {"event.action": "gateway.start"}}}, ignore_unavailable=True
        )["hits"]["hits"]
        if hits:
            return [hit["_source"] for hit in hits]
        time.sleep(0.5)
    raise AssertionError("the gateway's start entry never reached the index")


def test_the_gateway_s_starts_are_listed_and_an_interrupted_run_is_named(case: Case, opensearch: OpenSearch) -> None:
    """Before, the console showed accesses only (event.kind: event): an officer could not see
    from it that the audit process had been interrupted (GB/T 22239 8.1.4.3 d)."""
    (start, *_) = starts(opensearch, case.prefix)
    # A start as a gateway writes it after a killed run (the e2e kills a real one for this).
    interrupted = {**start, "event": {**start["event"], "id": uuid.uuid4().hex, "type": ["start", "error"]}}  # type: ignore[dict-item]
    gateway = {**start["minguard"]["gateway"], "first_start": False, "changed_count": 1}  # type: ignore[index]
    gateway["previous_run"] = {"stop_recorded": False, "pid": 4242, "started_at": "2026-11-30T01:02:03Z"}
    gateway["changed_settings"] = ["audit.max_spool_bytes"]
    interrupted["minguard"] = {**start["minguard"], "gateway": gateway}  # type: ignore[dict-item]
    opensearch.create(
        index=index_for(case.prefix, str(start["@timestamp"])),
        id=interrupted["event"]["id"],
        body=interrupted,  # type: ignore[index]
    )
    opensearch.indices.refresh(index=f"{case.prefix}-*")
    with login(case, "audit-admin") as (client, _):
        page = client.get("/gateway")
    assert page.status_code == 200, page.text
    rows = re.findall(r"<tr[^>]*>.*?</tr>", page.text, re.DOTALL)[1:]
    assert len(rows) >= 2 and all("启动" in row for row in rows)
    (named,) = [row for row in rows if "审计进程曾中断" in row]
    assert 'class="denied"' in named and "进程 4242" in named and "1 项:audit.max_spool_bytes" in named
    assert all(str(start["minguard"]["instance"]) in row for row in rows)  # type: ignore[index]
    assert "/_minguard/" not in "".join(rows)  # no access is among them
    event = event_of(opensearch, case, page)
    assert event["minguard"]["route"] == "console.process_log"  # type: ignore[index]
    assert event["minguard"]["decision"]["allowed"] is True  # type: ignore[index]

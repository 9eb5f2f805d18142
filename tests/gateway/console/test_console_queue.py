"""The alert queue's 待处置 (open) tab on the real node: the page holds the newest LIMIT alerts
of the open states, so an old open alert is not hidden behind LIMIT newer closed ones."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from opensearchpy import OpenSearch
from opensearchpy.helpers import bulk

from audit.detection.alerts import alerts_index, ensure_indices, list_alerts
from gateway.console.alert_pages import queue_states
from gateway.console.reading import LIMIT

pytestmark = pytest.mark.opensearch
RAISED = datetime(2026, 11, 1, tzinfo=UTC)


def _alert(prefix: str, n: int, state: str, at: datetime) -> dict[str, Any]:
    alert = {"id": f"{n:032x}", "rule": "misuse.bulk_access", "title_zh": "批量访问", "state": state}
    alert |= {"severity": "high", "subjects": {"user.id": f"u{n}"}, "history": []}
    return {
        "_index": alerts_index(prefix),
        "_id": alert["id"],
        "_source": {"@timestamp": at.isoformat(), "alert": alert},
    }


@pytest.fixture
def busy_queue(opensearch: OpenSearch) -> Iterator[str]:
    """One open alert, then LIMIT closed ones raised after it."""
    prefix = f"mgqueue-{uuid.uuid4().hex[:8]}"
    ensure_indices(opensearch, prefix)
    docs = [_alert(prefix, 0, "new", RAISED)]
    docs += [_alert(prefix, n, "closed", RAISED + timedelta(minutes=n)) for n in range(1, LIMIT + 1)]
    bulk(opensearch, docs, refresh="wait_for")
    yield prefix
    opensearch.indices.delete(index=f"{prefix}*", ignore_unavailable=True)


def test_an_old_open_alert_is_on_the_open_tab(busy_queue: str, opensearch: OpenSearch) -> None:
    newest = list_alerts(opensearch, busy_queue, None, LIMIT)
    assert all(a["state"] == "closed" for a in newest)  # filtering these afterwards found nothing
    shown = list_alerts(opensearch, busy_queue, queue_states("open"), LIMIT)
    assert [a["id"] for a in shown] == [f"{0:032x}"]
    assert len(list_alerts(opensearch, busy_queue, queue_states("closed"), LIMIT)) == LIMIT
    assert len(list_alerts(opensearch, busy_queue, queue_states("all"), LIMIT)) == LIMIT  # newest first


def test_tabs_ask_for_their_states() -> None:
    assert queue_states("open") == ("new", "acknowledged")
    assert queue_states("acknowledged") == ("acknowledged",)
    assert queue_states("all") is None and queue_states("bogus") is None

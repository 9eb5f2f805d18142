"""No subject is dropped at volume (real node): the engine reads every page of groups.

The old engine asked for the top `size` groups of a terms aggregation (1,000 or 10,000): at 10
million events a day, subjects beyond them were never evaluated (docs/benchmarks-detection.md).
Here a rule runs over more groups than one page holds (a small page size set for the test), and
a planted case ranks below more than 1,000 others that also qualify.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from opensearchpy import OpenSearch
from opensearchpy.helpers import bulk

from audit.detection.definitions import load_rules
from audit.detection.integrity import ReferenceCheck
from audit.detection.query import EVIDENCE
from audit.detection.runner import evaluate
from audit.opensearch import index_template
from support.signing import SIGNER

pytestmark = pytest.mark.opensearch
SH = ZoneInfo("Asia/Shanghai")
DAY = datetime(2026, 5, 12, tzinfo=SH)  # a Tuesday; one 1d window
RULES = {r.id: r for r in load_rules()}


@pytest.fixture
def prefix(opensearch: OpenSearch) -> Iterator[str]:
    name = f"mgpage-{uuid.uuid4().hex[:8]}"
    opensearch.indices.put_index_template(name=name, body=index_template(name))
    yield name
    opensearch.indices.delete(index=f"{name}-*", ignore_unavailable=True)
    opensearch.indices.delete_index_template(name=name, ignore=[404])


def _write(opensearch: OpenSearch, prefix: str, events: list[dict[str, Any]]) -> None:
    actions = []
    for n, event in enumerate(events):
        at = DAY + timedelta(hours=9, seconds=n)
        doc = {"@timestamp": at.isoformat(), "event": {"id": f"e{n:06d}", "kind": "event", "type": "allowed"}, **event}
        actions.append({"_op_type": "create", "_index": f"{prefix}-2026.05", "_id": f"e{n:06d}", "_source": doc})
    bulk(opensearch, actions, refresh="wait_for")


def _read(user: str, person: str) -> dict[str, Any]:
    return {"user": {"id": user}, "minguard": {"route": "person.read", "data": {"person_tokens": [person]}}}


def test_every_qualifying_group_is_found_across_pages(opensearch: OpenSearch, prefix: str) -> None:
    # 40 persons; p00…p24 are read by 3 to 5 users (qualify: ≥ 3), p25…p39 by 1 or 2 (do not).
    events = []
    for i in range(40):
        users = 3 + i % 3 if i < 25 else 1 + i % 2
        events += [_read(f"u{(i + k) % 9}", f"p{i:02d}") for k in range(users)]
    # p00 is read 150 times in all: more events than an alert keeps ids of.
    events += [_read(f"u{k % 3}", "p00") for k in range(150 - 3)]
    _write(opensearch, prefix, events)
    rule = dataclasses.replace(RULES["misuse.person_many_users"], page_size=7)

    result = evaluate(
        opensearch, prefix, rule, DAY, DAY + timedelta(days=1), ReferenceCheck(opensearch, prefix, SIGNER.public_key)
    )

    found = {a["alert"]["subjects"]["minguard.data.person_tokens"]: a["alert"] for a in result.alerts}
    assert sorted(found) == [f"p{i:02d}" for i in range(25)]
    assert result.groups == 40 and result.pages == 6  # 7 + 7 + 7 + 7 + 7 + 5: every page read
    capped = found["p00"]
    assert len(capped["evidence"]) == EVIDENCE and capped["evidence_truncated"] is True
    assert capped["evidence_total"] == capped["events"] == 150
    assert found["p01"]["evidence_truncated"] is False and found["p01"]["evidence_total"] == 4


def test_a_case_ranked_beyond_the_old_cap_is_found(opensearch: OpenSearch, prefix: str) -> None:
    # 1,200 users export 600 records each; the planted one exports 500, just at the threshold:
    # ranked 1,201st by the measure, beyond the 1,000 groups the old terms aggregation returned.
    export = {"action": "export"}
    events = [{"user": {"id": f"u{n:04d}"}, "minguard": {**export, "data": {"records": 600}}} for n in range(1200)]
    events.append({"user": {"id": "planted"}, "minguard": {**export, "data": {"records": 500}}})
    _write(opensearch, prefix, events)
    shipped = RULES["misuse.export_volume"]
    for rule in (shipped, dataclasses.replace(shipped, page_size=250)):
        result = evaluate(
            opensearch,
            prefix,
            rule,
            DAY,
            DAY + timedelta(days=1),
            ReferenceCheck(opensearch, prefix, SIGNER.public_key),
        )
        found = {a["alert"]["subjects"]["user.id"] for a in result.alerts}
        assert len(found) == 1201 and "planted" in found, rule.page_size
        assert result.pages == -(-1201 // rule.page_size)

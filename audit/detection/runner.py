"""Evaluate rules over [from, to) and write what they find as alerts."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from opensearchpy import OpenSearch
from opensearchpy.exceptions import TransportError

from .alerts import alert_document, integrity_alert, write_alerts
from .definitions import Rule
from .integrity import ReferenceCheck
from .query import Hit, Window, evidence_body, hits, next_page, search_body, windows
from .reference import join


@dataclass
class RuleResult:
    rule: str
    windows: int = 0
    alerts: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    pages: int = 0  # aggregation requests (composite pages) over all windows
    groups: int = 0  # groups (subjects) evaluated over all windows


@dataclass
class RunResult:
    rules: list[RuleResult]
    created: int
    existing: int

    @property
    def alerts(self) -> list[dict[str, Any]]:
        return [a for r in self.rules for a in r.alerts]


EVIDENCE_BATCH = 200  # evidence searches per msearch request


def collect_evidence(client: OpenSearch, prefix: str, rule: Rule, window: Window, found: list[Hit]) -> list[Hit]:
    """The hits with their evidence (first ids, and the count of all), many searches to a
    request: one request per hit cost ~1.4 ms each and made most of a run's time when a rule
    had thousands of hits (docs/benchmarks-detection.md)."""
    header = {"index": f"{prefix}-*", "ignore_unavailable": True, "allow_no_indices": True, "request_cache": False}
    out: list[Hit] = []
    for first in range(0, len(found), EVIDENCE_BATCH):
        batch = found[first : first + EVIDENCE_BATCH]
        lines: list[dict[str, Any]] = []
        for hit in batch:
            lines += [header, evidence_body(rule, window, hit.subjects, hit.since)]
        replies = client.msearch(body=lines)["responses"]
        for hit, reply in zip(batch, replies, strict=True):
            if "error" in reply:
                raise TransportError(reply.get("status", 500), "evidence search failed", reply["error"])
            ids = [h["_id"] for h in reply["hits"]["hits"]]
            out.append(dataclasses.replace(hit, evidence=ids, evidence_total=reply["hits"]["total"]["value"]))
    return out


PARAMS = {"ignore_unavailable": "true", "allow_no_indices": "true", "request_cache": "false"}


def pages(client: OpenSearch, prefix: str, rule: Rule, window: Window, result: RuleResult) -> Iterator[dict[str, Any]]:
    """Every page of the rule's groups in the window, one request each, until a page is not full."""
    after: dict[str, Any] | None = None
    while True:
        answer = client.search(index=f"{prefix}-*", body=search_body(rule, window, after), params=PARAMS)
        result.pages += 1
        result.groups += len(answer.get("aggregations", {}).get("g", {}).get("buckets", []))
        yield answer
        after = next_page(rule, answer)
        if after is None:
            return


def evaluate(
    client: OpenSearch, prefix: str, rule: Rule, start: datetime, end: datetime, check: ReferenceCheck
) -> RuleResult:
    """The rule's groups, page by page, in each of its windows; the audit indices only (`<prefix>-*`)."""
    began = time.perf_counter()
    now = datetime.now(UTC)
    result = RuleResult(rule.id)
    for window in windows(rule, start, end):
        result.windows += 1
        found = list(hits(rule, pages(client, prefix, rule, window, result)))
        if rule.reference is not None and (problem := check.problem(rule.reference.index)) is not None:
            # Findings joined with altered reference data prove nothing, nor does their absence.
            result.alerts.append(integrity_alert(rule, window, rule.reference.index, problem, now))
            continue
        found = collect_evidence(client, prefix, rule, window, join(client, prefix, rule, found))
        result.alerts.extend(alert_document(rule, window, hit, now) for hit in found)
    result.seconds = time.perf_counter() - began
    return result


def run(
    client: OpenSearch, prefix: str, rules: list[Rule], start: datetime, end: datetime, reference_key: Ed25519PublicKey
) -> RunResult:
    """``reference_key``: the audit signing key's public half, which reference loads are signed with."""
    if end <= start:
        raise ValueError("--to must be after --from")
    check = ReferenceCheck(client, prefix, reference_key)
    results = [evaluate(client, prefix, rule, start, end, check) for rule in rules]
    created, existing = write_alerts(client, prefix, [a for r in results for a in r.alerts])
    return RunResult(results, created, existing)

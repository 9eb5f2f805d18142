"""Evaluate rules over [from, to) and write what they find as alerts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from opensearchpy import OpenSearch
from opensearchpy.exceptions import TransportError

from .alerts import alert_document, write_alerts
from .definitions import Rule
from .query import Hit, Window, evidence_body, hits, search_body, windows
from .reference import join


@dataclass
class RuleResult:
    rule: str
    windows: int = 0
    alerts: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class RunResult:
    rules: list[RuleResult]
    created: int
    existing: int

    @property
    def alerts(self) -> list[dict[str, Any]]:
        return [a for r in self.rules for a in r.alerts]


EVIDENCE_BATCH = 200  # evidence searches per msearch request


def collect_evidence(client: OpenSearch, prefix: str, rule: Rule, window: Window, found: list[Hit]) -> None:
    """The evidence of every hit, many searches to a request: one request per hit cost ~1.4 ms
    each and made most of a run's time when a rule had thousands of hits
    (docs/benchmarks-detection.md)."""
    header = {"index": f"{prefix}-*", "ignore_unavailable": True, "allow_no_indices": True, "request_cache": False}
    for first in range(0, len(found), EVIDENCE_BATCH):
        batch = found[first : first + EVIDENCE_BATCH]
        lines: list[dict[str, Any]] = []
        for hit in batch:
            lines += [header, evidence_body(rule, window, hit.subjects, hit.since)]
        replies = client.msearch(body=lines)["responses"]
        for hit, reply in zip(batch, replies, strict=True):
            if "error" in reply:
                raise TransportError(reply.get("status", 500), "evidence search failed", reply["error"])
            hit.evidence.extend(h["_id"] for h in reply["hits"]["hits"])


def evaluate(client: OpenSearch, prefix: str, rule: Rule, start: datetime, end: datetime) -> RuleResult:
    """One search per window of the rule; the audit indices only (`<prefix>-*`)."""
    import time

    began = time.perf_counter()
    now = datetime.now(UTC)
    result = RuleResult(rule.id)
    params = {"ignore_unavailable": "true", "allow_no_indices": "true", "request_cache": "false"}
    for window in windows(rule, start, end):
        answer = client.search(index=f"{prefix}-*", body=search_body(rule, window), params=params)
        result.windows += 1
        found = join(client, prefix, rule, list(hits(rule, answer)))  # reference data, if the rule uses it
        collect_evidence(client, prefix, rule, window, found)
        result.alerts.extend(alert_document(rule, window, hit, now) for hit in found)
    result.seconds = time.perf_counter() - began
    return result


def run(client: OpenSearch, prefix: str, rules: list[Rule], start: datetime, end: datetime) -> RunResult:
    if end <= start:
        raise ValueError("--to must be after --from")
    results = [evaluate(client, prefix, rule, start, end) for rule in rules]
    created, existing = write_alerts(client, prefix, [a for r in results for a in r.alerts])
    return RunResult(results, created, existing)

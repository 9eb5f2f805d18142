"""Evaluate rules over [from, to) and write what they find as alerts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from opensearchpy import OpenSearch

from .alerts import alert_document, write_alerts
from .definitions import Rule
from .query import evidence_body, hits, search_body, windows


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
        for hit in hits(rule, answer):
            found = client.search(index=f"{prefix}-*", body=evidence_body(rule, window, hit.subjects), params=params)
            hit.evidence.extend(h["_id"] for h in found["hits"]["hits"])
            result.alerts.append(alert_document(rule, window, hit, now))
    result.seconds = time.perf_counter() - began
    return result


def run(client: OpenSearch, prefix: str, rules: list[Rule], start: datetime, end: datetime) -> RunResult:
    if end <= start:
        raise ValueError("--to must be after --from")
    results = [evaluate(client, prefix, rule, start, end) for rule in rules]
    created, existing = write_alerts(client, prefix, [a for r in results for a in r.alerts])
    return RunResult(results, created, existing)

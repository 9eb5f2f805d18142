"""Facts about the running system outside the trail: retention setting, backups, keys, TLS, alerts.

Each function reads one source (the index template, the snapshot repository and the operations
index, keys.dir, the config, the alerts index) and returns plain data for the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from statistics import median
from typing import Any

from opensearchpy import OpenSearch
from opensearchpy.exceptions import NotFoundError, TransportError

from audit.detection.alerts import alerts_index
from audit.lifecycle import OPS_INDEX, REPOSITORY
from gateway.settings import Settings

from .trail import composite

ALERT_MAX_OPEN_DAYS = 7  # an alert left new for longer is not being handled
# The time a new alert may wait for its push (the scheduler's tick, a receiver down a while).
ALARM_GRACE = timedelta(hours=1)
DENIAL_RULES = ("misuse.repeated_denials", "misuse.out_of_region")  # rules that alert on refused access
ALERT_USER = "alert.subjects.user.id.keyword"  # subjects are mapped dynamically: text with a keyword
SCAN_PAGE = 5000  # closed alerts read per request for the closing times


def retention_meta(client: OpenSearch, prefix: str) -> dict[str, Any] | None:
    """The `_meta` of the audit index template (audit/opensearch.py), or None if there is none."""
    try:
        answer = client.indices.get_index_template(name=prefix)
    except NotFoundError:
        return None
    templates = answer.get("index_templates", [])
    if not templates:
        return None
    meta: dict[str, Any] = templates[0]["index_template"].get("_meta") or {}
    return meta


def snapshots(client: OpenSearch, prefix: str) -> list[dict[str, Any]]:
    """Successful snapshots of the audit indices in the backup repository, newest first."""
    try:
        answer = client.snapshot.get(repository=REPOSITORY, snapshot="_all")
    except (NotFoundError, TransportError):
        return []
    found = [
        {"name": s["snapshot"], "state": s.get("state"), "end": s.get("end_time")}
        for s in answer.get("snapshots", [])
        if any(i.startswith(prefix + "-") for i in s.get("indices", []))
    ]
    return sorted(found, key=lambda s: str(s["end"]), reverse=True)


def last_drill(client: OpenSearch, prefix: str) -> dict[str, Any] | None:
    """The newest restore drill of this trail (its snapshot is named after the prefix)."""
    if not client.indices.exists(index=OPS_INDEX):
        return None
    client.indices.refresh(index=OPS_INDEX)
    # The operations index is mapped dynamically (snapshot is text): filter the names here.
    body = {"query": {"term": {"type": "restore_drill"}}, "sort": [{"@timestamp": "desc"}], "size": 200}
    hits = [
        h
        for h in client.search(index=OPS_INDEX, body=body)["hits"]["hits"]
        if str(h["_source"].get("snapshot", "")).startswith(prefix + "-")
    ]
    return dict(hits[0]["_source"]) if hits else None


def key_files(directory: Path, now: datetime) -> list[dict[str, Any]]:
    """Key files in keys.dir with their purpose and age (file modification time = last rotation)."""
    out: list[dict[str, Any]] = []
    if not directory.is_dir():
        return out
    for path in sorted(directory.iterdir()):
        if path.suffix not in (".key", ".pem") or ".private" in path.name or path.name.startswith("."):
            continue
        if ".retired-" in path.name:
            continue  # a rotated-out key's public half, kept to verify old checkpoints: it signs nothing

        modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        out.append(
            {
                "file": path.name,
                "purpose": _purpose(path.name),
                "modified": modified.isoformat(timespec="seconds"),
                "age_days": max(0, (now - modified).days),
            }
        )
    return out


def _purpose(name: str) -> str:
    if name.startswith("audit-signing"):
        return "审计检查点签名 Ed25519"
    if name.startswith("pseudonym-"):
        return "人员假名化 HMAC-SHA-256"
    if name.startswith("encrypt-"):
        return "字段加密(可还原)"
    return "JWT 验签公钥" if name.endswith(".pem") else "其他密钥"


def transport(settings: Settings) -> list[dict[str, Any]]:
    """Which links are encrypted, read from the config. The gateway's own listener has no TLS
    setting: it is meant to sit behind a TLS terminator, which the report cannot see."""
    return [
        {
            "link": "网关 → 上游业务系统 upstream",
            "url": settings.upstream.url,
            "tls": settings.upstream.url.startswith("https://"),
        },
        {
            "link": "网关 → OpenSearch 审计存储",
            "url": settings.opensearch.url,
            "tls": settings.opensearch.url.startswith("https://"),
            "verify_certs": settings.opensearch.verify_certs,
        },
    ]


@dataclass
class AlertFacts:
    """Alerts whose window overlaps the period (audit/detection/alerts.py), counted by OpenSearch
    over all of them: a list of alert documents would be cut off somewhere, and an unhandled
    alert beyond the cut would go unseen."""

    by_rule: dict[str, dict[str, int]] = field(default_factory=dict)  # rule -> state -> alerts
    titles: dict[str, str] = field(default_factory=dict)  # rule -> title_zh
    closing_hours: dict[str, float] = field(default_factory=dict)  # rule -> median hours to close
    stale: int = 0  # still new, raised ALERT_MAX_OPEN_DAYS or more before the report
    severe: int = 0  # of the severities pushed to the duty channel (detection.notify.min_severity and above)
    unalarmed: int = 0  # severe, still new, raised ALARM_GRACE or more before the report, never pushed

    @property
    def total(self) -> int:
        return sum(sum(states.values()) for states in self.by_rule.values())

    def in_state(self, state: str) -> int:
        return sum(states.get(state, 0) for states in self.by_rule.values())


def _overlapping(start: datetime, end: datetime, *filters: dict[str, Any]) -> dict[str, Any]:
    return {
        "bool": {
            "filter": [
                {"range": {"alert.window.start": {"lt": start_iso(end)}}},
                {"range": {"alert.window.end": {"gt": start_iso(start)}}},
                *filters,
            ]
        }
    }


def _alerts_ready(client: OpenSearch, prefix: str) -> bool:
    if not client.indices.exists(index=alerts_index(prefix)):
        return False
    client.indices.refresh(index=alerts_index(prefix))
    return True


def alert_facts(
    client: OpenSearch, prefix: str, start: datetime, end: datetime, now: datetime, pushed: tuple[str, ...]
) -> AlertFacts:
    """Alerts by rule and state, the median time to close them, how many are stale at `now`,
    and how many of the `pushed` severities were never pushed."""
    facts = AlertFacts()
    if not _alerts_ready(client, prefix):
        return facts
    index = alerts_index(prefix)
    aggs = {"title": {"top_hits": {"size": 1, "_source": ["alert.title_zh"]}}}
    by = ("alert.rule", "alert.state")
    for b in composite(client, index, _overlapping(start, end), by, missing=False, aggs=aggs):
        rule, state = str(b["key"]["alert.rule"]), str(b["key"]["alert.state"])
        facts.by_rule.setdefault(rule, {})[state] = int(b["doc_count"])
        hit = b["title"]["hits"]["hits"][0]["_source"]["alert"]
        facts.titles.setdefault(rule, str(hit.get("title_zh") or rule))
    closed = _overlapping(start, end, {"term": {"alert.state": "closed"}}, {"exists": {"field": "alert.history.at"}})
    facts.closing_hours = {rule: median(hours) for rule, hours in _closing_hours(client, index, closed).items()}
    since = {"range": {"@timestamp": {"lte": start_iso(now - timedelta(days=ALERT_MAX_OPEN_DAYS))}}}
    stale = _overlapping(start, end, {"term": {"alert.state": "new"}}, since)
    facts.stale = int(client.count(index=index, body={"query": stale})["count"])
    severe = {"terms": {"alert.severity": list(pushed)}}
    facts.severe = int(client.count(index=index, body={"query": _overlapping(start, end, severe)})["count"])
    waited = {"range": {"@timestamp": {"lte": start_iso(now - ALARM_GRACE)}}}
    unpushed = {"bool": {"must_not": [{"exists": {"field": "alert.notified_at"}}]}}
    unalarmed = _overlapping(start, end, severe, {"term": {"alert.state": "new"}}, waited, unpushed)
    facts.unalarmed = int(client.count(index=index, body={"query": unalarmed})["count"])
    return facts


def _closing_hours(client: OpenSearch, index: str, query: dict[str, Any]) -> dict[str, list[float]]:
    """Hours from raising to closing each alert of `query`, by rule, read page after page
    (search_after) so none is left out. Only dates are read; a percentiles aggregation would need
    a script, and the node may have no scripting (the development node has none).

    An alert's @timestamp is when it was raised; closed is the last state and the history only
    grows, so its latest history.at is when it was closed."""
    dates = [{"field": f, "format": "epoch_millis"} for f in ("@timestamp", "alert.history.at")]
    body: dict[str, Any] = {
        "size": SCAN_PAGE,
        "query": query,
        "_source": False,
        "docvalue_fields": [*dates, "alert.rule"],
        "sort": [{"@timestamp": "asc"}, {"alert.id": "asc"}],
        "track_total_hits": False,
    }
    hours: dict[str, list[float]] = {}
    while True:
        hits = client.search(index=index, body=body)["hits"]["hits"]
        for h in hits:
            f = h["fields"]
            raised, closed = float(f["@timestamp"][0]), max(float(t) for t in f["alert.history.at"])
            hours.setdefault(str(f["alert.rule"][0]), []).append((closed - raised) / 3_600_000)
        if len(hits) < SCAN_PAGE:
            return hours
        body["search_after"] = hits[-1]["sort"]


def alerted_users(client: OpenSearch, prefix: str, start: datetime, end: datetime, rules: tuple[str, ...]) -> set[str]:
    """Every user named in an alert of `rules` whose window overlaps the period."""
    if not _alerts_ready(client, prefix):
        return set()
    query = _overlapping(start, end, {"terms": {"alert.rule": list(rules)}})
    buckets = composite(client, alerts_index(prefix), query, (ALERT_USER,), missing=False)
    return {str(b["key"][ALERT_USER]) for b in buckets}


def start_iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds")

"""Facts about the running system outside the trail: retention setting, backups, keys, TLS, alerts.

Each function reads one source (the index template, the snapshot repository and the operations
index, keys.dir, the config, the alerts index) and returns plain data for the report.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from opensearchpy import OpenSearch
from opensearchpy.exceptions import NotFoundError, TransportError

from audit.detection.alerts import alerts_index
from audit.lifecycle import OPS_INDEX, REPOSITORY
from gateway.settings import Settings


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


def alerts(client: OpenSearch, prefix: str, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Alerts whose window overlaps the period (audit/detection/alerts.py)."""
    query = {
        "bool": {
            "filter": [
                {"range": {"alert.window.start": {"lt": start_iso(end)}}},
                {"range": {"alert.window.end": {"gt": start_iso(start)}}},
            ]
        }
    }
    index = alerts_index(prefix)
    if not client.indices.exists(index=index):
        return []
    client.indices.refresh(index=index)
    hits = client.search(index=index, body={"query": query, "size": 10000})["hits"]["hits"]
    return [dict(h["_source"]["alert"]) | {"created": h["_source"]["@timestamp"]} for h in hits]


def start_iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds")

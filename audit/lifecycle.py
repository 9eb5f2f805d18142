"""Keeping the audit trail for as long as the law asks, backing it up, and proving a restore.

Retention: Cybersecurity Law Art. 23(3) (as amended in 2025, in force 2026-01-01; formerly
Art. 21(3)) asks for network logs to be kept at least six months, so the retention setting
cannot go below 184 days. On a cluster with the Index State Management plugin the ISM policy
in deploy/opensearch/ism-audit-policy.json does the deleting; without it (the local dev node),
`minguard audit retention --apply` does (`minguard audit backup-drill` runs the drill). Neither runs with the gateway's own credentials: the
gateway may only create audit documents, never delete them.

Backups: an `fs` snapshot repository (its location resolves under the node's path.repo), a
snapshot per run, and a restore drill that restores the snapshot into renamed indices, compares
document counts with the originals, records the result in the operations index, and cleans up.
"""

from __future__ import annotations

import calendar
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from opensearchpy import OpenSearch

MIN_RETENTION_DAYS = 184
REPOSITORY = "minguard-audit-backup"
OPS_INDEX = "minguard-ops"


def index_month(index: str, prefix: str) -> date | None:
    """The first day of the month an audit index holds, or None for other indices."""
    suffix = index.removeprefix(prefix + "-")
    if suffix == index or len(suffix) != 7 or suffix[4] != ".":
        return None
    try:
        return date(int(suffix[:4]), int(suffix[5:7]), 1)
    except ValueError:
        return None


def expired_indices(indices: list[str], prefix: str, retention_days: int, today: date) -> list[str]:
    """Monthly indices whose newest possible event is older than the retention period."""
    if retention_days < MIN_RETENTION_DAYS:
        raise ValueError(f"retention of {retention_days} days is below the legal minimum of {MIN_RETENTION_DAYS}")
    cutoff = today - timedelta(days=retention_days)
    expired = []
    for index in indices:
        month = index_month(index, prefix)
        if month is None:
            continue
        last_day = date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])
        if last_day < cutoff:
            expired.append(index)
    return sorted(expired)


def apply_retention(client: OpenSearch, prefix: str, retention_days: int, dry_run: bool = False) -> list[str]:
    indices = list(client.indices.get(index=f"{prefix}-*", ignore_unavailable=True).keys())
    expired = expired_indices(indices, prefix, retention_days, datetime.now(UTC).date())
    if expired and not dry_run:
        client.indices.delete(index=",".join(expired))
    return expired


def ensure_repository(client: OpenSearch, location: str = "minguard") -> None:
    client.snapshot.create_repository(
        repository=REPOSITORY, body={"type": "fs", "settings": {"location": location, "compress": True}}
    )


def create_snapshot(client: OpenSearch, prefix: str, name: str | None = None) -> str:
    ensure_repository(client)
    name = name or f"{prefix}-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}"
    client.snapshot.create(
        repository=REPOSITORY,
        snapshot=name,
        body={"indices": f"{prefix}-*", "include_global_state": False},
        params={"wait_for_completion": "true"},
    )
    return name


@dataclass(frozen=True, slots=True)
class DrillResult:
    snapshot: str
    indices: dict[str, tuple[int, int]]  # index -> (documents now, documents restored)
    ok: bool
    seconds: float

    def as_document(self) -> dict[str, Any]:
        return {
            "@timestamp": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
            "type": "restore_drill",
            "snapshot": self.snapshot,
            "ok": self.ok,
            "seconds": round(self.seconds, 3),
            "indices": [
                {"index": i, "live": live, "restored": restored} for i, (live, restored) in self.indices.items()
            ],
            "summary_zh": ("恢复演练成功" if self.ok else "恢复演练失败:文档数不一致")
            + f",快照 {self.snapshot},{len(self.indices)} 个索引",
        }


def restore_drill(client: OpenSearch, prefix: str) -> DrillResult:
    """Snapshot the audit indices, restore them under new names, compare counts, clean up.

    The trail keeps growing during the drill, so a restored index is sound when its count lies
    between the live count just before the snapshot and the live count after the restore
    (events are only ever added to the audit indices).
    """
    started = time.monotonic()
    before = _counts(client, f"{prefix}-*")
    snapshot = create_snapshot(client, prefix)
    restored_prefix = f"restored-drill-{int(time.time())}-"
    client.snapshot.restore(
        repository=REPOSITORY,
        snapshot=snapshot,
        body={
            "indices": f"{prefix}-*",
            "rename_pattern": "(.+)",
            "rename_replacement": restored_prefix + "$1",
            "include_global_state": False,
        },
        params={"wait_for_completion": "true"},
    )
    try:
        restored = _counts(client, restored_prefix + "*")
        after = _counts(client, f"{prefix}-*")
    finally:
        client.indices.delete(index=restored_prefix + "*", ignore_unavailable=True)
    result = {index: (after.get(index, 0), restored.get(restored_prefix + index, -1)) for index in before}
    ok = bool(before) and all(
        before[index] <= restored.get(restored_prefix + index, -1) <= after.get(index, 0) for index in before
    )
    drill = DrillResult(snapshot, result, ok, time.monotonic() - started)
    client.index(index=OPS_INDEX, body=drill.as_document(), params={"refresh": "true"})
    return drill


def _counts(client: OpenSearch, pattern: str) -> dict[str, int]:
    client.indices.refresh(index=pattern, ignore_unavailable=True)
    stats = client.indices.stats(index=pattern, metric="docs")
    return {name: int(data["primaries"]["docs"]["count"]) for name, data in stats.get("indices", {}).items()}


def last_restore_drill(client: OpenSearch) -> dict[str, Any] | None:
    if not client.indices.exists(index=OPS_INDEX):
        return None
    result = client.search(
        index=OPS_INDEX,
        body={"query": {"term": {"type": "restore_drill"}}, "sort": [{"@timestamp": "desc"}], "size": 1},
    )
    hits = result["hits"]["hits"]
    return hits[0]["_source"] if hits else None

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from opensearchpy import OpenSearch

from audit.lifecycle import (
    MIN_RETENTION_DAYS,
    apply_retention,
    expired_indices,
    index_month,
    last_restore_drill,
    restore_drill,
)

P = "minguard-audit"


@pytest.mark.parametrize(
    ("index", "month"),
    [
        ("minguard-audit-2026.05", date(2026, 5, 1)),
        ("minguard-audit-2026.13", None),
        ("minguard-audit-restored", None),
        ("other-2026.05", None),
    ],
)
def test_index_month(index: str, month: date | None) -> None:
    assert index_month(index, P) == month


def test_expired_indices_keep_at_least_six_months() -> None:
    indices = [f"{P}-2025.{m:02d}" for m in range(1, 13)] + [f"{P}-2026.{m:02d}" for m in range(1, 12)]
    expired = expired_indices(indices, P, MIN_RETENTION_DAYS, today=date(2026, 11, 28))
    # 184 days before 2026-11-28 is 2026-05-28: May 2026 may still hold events to keep.
    assert expired[-1] == f"{P}-2026.04"
    assert f"{P}-2026.05" not in expired
    assert len(expired) == 12 + 4


def test_retention_below_the_legal_minimum_is_refused() -> None:
    with pytest.raises(ValueError, match="legal minimum of 184"):
        expired_indices([], P, 90, today=date(2026, 11, 28))


@pytest.fixture
def scratch_prefix(opensearch: OpenSearch) -> Iterator[str]:
    prefix = f"mglife-{uuid.uuid4().hex[:8]}"
    yield prefix
    opensearch.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)


@pytest.mark.opensearch
def test_retention_deletes_only_expired_months(opensearch: OpenSearch, scratch_prefix: str) -> None:
    for month in ("2024.01", "2024.02", "2099.01"):
        opensearch.indices.create(index=f"{scratch_prefix}-{month}")
    planned = apply_retention(opensearch, scratch_prefix, 184, dry_run=True)
    assert planned == [f"{scratch_prefix}-2024.01", f"{scratch_prefix}-2024.02"]
    assert opensearch.indices.exists(index=f"{scratch_prefix}-2024.01")  # a dry run deletes nothing
    assert apply_retention(opensearch, scratch_prefix, 184) == planned
    assert not opensearch.indices.exists(index=f"{scratch_prefix}-2024.01")
    assert opensearch.indices.exists(index=f"{scratch_prefix}-2099.01")


@pytest.mark.opensearch
def test_snapshot_and_restore_drill(opensearch: OpenSearch, scratch_prefix: str) -> None:
    for month, docs in (("2026.10", 7), ("2026.11", 5)):
        for n in range(docs):
            opensearch.index(index=f"{scratch_prefix}-{month}", body={"n": n})
    drill = restore_drill(opensearch, scratch_prefix)
    assert drill.ok
    assert drill.indices == {f"{scratch_prefix}-2026.10": (7, 7), f"{scratch_prefix}-2026.11": (5, 5)}
    assert opensearch.indices.get(index="restored-drill-*") == {}  # cleaned up
    last = last_restore_drill(opensearch)
    assert last is not None and last["snapshot"] == drill.snapshot and last["ok"] is True

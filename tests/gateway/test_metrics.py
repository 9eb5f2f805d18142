"""GatewayMetrics counts exchanges in plain ints and hands them to prometheus_client in batches:
a scrape still sees every exchange, and another worker's scrape sees them within FLUSH_SECONDS."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest

from classifiers.levels import DataLevel
from gateway import metrics
from gateway.metrics import GatewayMetrics


def _metrics() -> GatewayMetrics:
    spool = SimpleNamespace(backlog_bytes=2048)
    shipper = SimpleNamespace(shipped=7, duplicates=0, rejected=1, failures=0, failing_since=None)
    return GatewayMetrics(spool, shipper, lambda: 0)  # type: ignore[arg-type]


def _exchange(*, failure: str | None = None, masked: int = 0, clear: int = 0) -> Any:
    return SimpleNamespace(
        failure=SimpleNamespace(status=403, code=failure) if failure else None,
        response=SimpleNamespace(status=200),
        decision=SimpleNamespace(allowed=failure is None),
        level=DataLevel.IMPORTANT if failure is None else DataLevel.GENERAL,
        upstream_ms=None if failure else 3.0,
        inspection=None if failure else SimpleNamespace(masked=masked, clear=clear),
        masking_profile=None if failure else "caseworker",
    )


def _observe_all(m: GatewayMetrics, exchanges: list[Any]) -> None:
    async def run() -> None:
        for ex in exchanges:
            m.observe(ex)

    asyncio.run(run())


EXCHANGES = [_exchange(masked=12), _exchange(masked=3, clear=2), _exchange(failure="forbidden")]


def test_a_scrape_counts_every_exchange_observed_before_it() -> None:
    m = _metrics()
    _observe_all(m, EXCHANGES)
    text = m.exposition().decode()
    assert 'minguard_requests_total{decision="allowed",level="important",status_class="2xx"} 2.0' in text
    assert 'minguard_requests_total{decision="denied",level="general",status_class="4xx"} 1.0' in text
    assert 'minguard_refusals_total{code="forbidden"} 1.0' in text
    assert 'minguard_masked_values_total{profile="caseworker"} 15.0' in text
    assert 'minguard_clear_values_total{profile="caseworker"} 2.0' in text
    assert "minguard_upstream_seconds_count 2.0" in text
    assert 'minguard_upstream_seconds_bucket{le="0.005"} 2.0' in text
    assert "minguard_audit_shipped_events_total 7.0" in text
    assert "minguard_audit_spool_backlog_bytes 2048.0" in text


def test_exchanges_reach_the_registry_in_batches() -> None:
    m = _metrics()
    _observe_all(m, EXCHANGES)
    # Nothing handed to prometheus_client per exchange (a lock per increment): only on a flush.
    assert (
        m.registry.get_sample_value(
            "minguard_requests_total", {"decision": "allowed", "level": "important", "status_class": "2xx"}
        )
        is None
    )
    m.flush()
    assert (
        m.registry.get_sample_value(
            "minguard_requests_total", {"decision": "allowed", "level": "important", "status_class": "2xx"}
        )
        == 2.0
    )
    m.flush()  # nothing counted twice
    assert m.registry.get_sample_value("minguard_upstream_seconds_count") == 2.0


def test_counts_are_flushed_within_flush_seconds_without_a_scrape(monkeypatch: pytest.MonkeyPatch) -> None:
    """With several workers a scrape reaches one of them: the others' counts must get to their
    files on their own."""
    monkeypatch.setattr(metrics, "FLUSH_SECONDS", 0.05)
    m = _metrics()

    async def run() -> float | None:
        m.observe(EXCHANGES[0])
        await asyncio.sleep(0.2)
        return m.registry.get_sample_value("minguard_masked_values_total", {"profile": "caseworker"})

    assert asyncio.run(run()) == 12.0

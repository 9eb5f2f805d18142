"""Audit events for the chain and verify tests, and a check of what a verification reports."""

from __future__ import annotations

from typing import Any

from audit.findings import Report


def event(n: int) -> dict[str, Any]:
    return {
        "@timestamp": f"2026-11-28T06:41:{n % 60:02d}.512Z",
        "event": {"id": f"e{n:04d}", "kind": "event"},
        "minguard": {"instance": "gw", "upstream": {"duration_ms": 12.804 + n / 7}, "summary_zh": "张** 查看"},
        "n": n,
    }


def check(report: Report, *expected: tuple[str, int | None, str | None]) -> None:
    """The report holds exactly these findings (kind, seq, event id), in any order."""
    got = sorted((f.kind, f.seq or 0, f.event_id or "") for f in report.findings)
    assert got == sorted((k, s or 0, i or "") for k, s, i in expected), [f.message for f in report.findings]

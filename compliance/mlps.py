"""等保 2.0 (GB/T 22239-2019 第三级) compliance report: evidence from the live system, one
section per control item, a verdict per check. See docs/report-mlps.md.

`collect` is the one entry point (the CLI `minguard report mlps` and the officer console call
it); compliance/render.py turns the result into HTML, PDF or JSON.
"""

from __future__ import annotations

from datetime import datetime

from opensearchpy import OpenSearch

from gateway.settings import Settings

from . import charts, sections_access, sections_audit, sections_data
from .evidence import gather
from .model import FAIL, PARTIAL, PASS, UNDETERMINED, Check, MlpsReport, Section

__all__ = ["FAIL", "PARTIAL", "PASS", "UNDETERMINED", "Check", "MlpsReport", "Section", "collect"]


def collect(
    settings: Settings,
    client: OpenSearch,
    start: datetime,
    end: datetime,
    *,
    requests_counted: int | None = None,
) -> MlpsReport:
    """Gather the evidence for [start, end) and judge every control item from it.

    `requests_counted`: requests the gateway counted over the same period (Prometheus
    minguard_requests_total; compliance.evidence.requests_from_metrics reads it), compared with
    the audit events; None leaves that check 部分符合 (not verifiable).
    """
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("start and end must carry a time zone")
    if end <= start:
        raise ValueError("the period is empty: end must be after start")
    ev = gather(settings, client, start, end, requests_counted)
    sections = [
        sections_audit.security_audit(ev),
        sections_audit.retention(ev),
        sections_access.access_control(ev),
        sections_access.identity(ev),
        sections_data.integrity(ev),
        sections_data.confidentiality(ev),
        sections_data.personal_information(ev),
        sections_data.detection(ev),
    ]
    return MlpsReport(
        start=start.isoformat(timespec="seconds"),
        end=end.isoformat(timespec="seconds"),
        generated=datetime.now(start.tzinfo).isoformat(timespec="seconds"),  # in the period's own zone
        index=ev.index,
        policy_version=ev.policy_version,
        instance=settings.server.instance,
        sections=sections,
        charts=charts.draw(ev),
        notice_zh=sections_audit.empty_trail(ev),
    )

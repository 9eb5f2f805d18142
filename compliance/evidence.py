"""Everything the report needs, gathered once from the live system for one period.

`gather` reads the config, the policy bundle, keys.dir, the audit trail, its tamper evidence,
the backups and the alerts, and returns plain data (`Evidence`). The verdicts
(compliance/sections_*.py) are pure functions of this data, so a test can break one piece of
evidence and see exactly one verdict change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from opensearchpy import OpenSearch

from audit.anchor import Anchor, AnchorError, check_anchors, read_shipped
from audit.detection.notify import notified_severities
from audit.signing import verifying_keys
from audit.trail import read_trail
from audit.verify import verify_trail
from gateway.exchange import account_name
from gateway.settings import Settings

from . import policyfacts, systemfacts
from .trail import ESCALATION_CODES, Trail

USER_ROWS = 1000  # the per-user table lists this many users, the most active first
_COUNTER = re.compile(r"^minguard_requests_total\{[^}]*\}\s+([0-9.eE+]+)\s*$", re.MULTILINE)


def requests_from_metrics(exposition: str) -> int:
    """The gateway's request counter (minguard_requests_total, all label sets) from a
    Prometheus exposition of /_minguard/metrics (gateway/metrics.py)."""
    return int(sum(float(v) for v in _COUNTER.findall(exposition)))


@dataclass
class Evidence:
    start: datetime
    end: datetime
    generated: datetime
    index: str
    policy_version: str
    # Audit trail
    events: int = 0
    proxied_events: int = 0
    requests_counted: int | None = None
    by_user: dict[str, int] = field(default_factory=dict)  # the USER_ROWS most active users only
    users: int = 0  # users with events, all of them
    missing_fields: dict[str, int] = field(default_factory=dict)
    verify: dict[str, Any] = field(default_factory=dict)
    checkpoints: int = 0
    chain_algorithms: dict[str, int] = field(default_factory=dict)
    snapshots: list[dict[str, Any]] = field(default_factory=list)
    last_drill: dict[str, Any] | None = None
    audit_controllers: list[str] = field(default_factory=list)
    audit_attempts: list[tuple[str, str, int]] = field(default_factory=list)  # (user, outcome, n) on audit_log
    policy_changes: list[tuple[str, str, int]] = field(default_factory=list)  # (user, outcome, n) policy.reload
    starts: list[dict[str, Any]] = field(default_factory=list)  # gateway.start entries, newest first
    # Retention
    oldest_event: str | None = None
    template_meta: dict[str, Any] | None = None
    retention_setting: int = 184
    # Access control
    matrix: dict[str, dict[str, bool]] = field(default_factory=dict)
    separation: list[str] = field(default_factory=list)
    admin_role_events: list[tuple[str, str, int]] = field(default_factory=list)  # (user, roles, n)
    masking: dict[str, dict[str, str]] = field(default_factory=dict)
    configured: dict[str, list[str]] = field(default_factory=dict)  # subject -> roles
    configured_events: dict[str, int] = field(default_factory=dict)  # configured subject -> events, if any
    kinds: dict[str, str] = field(default_factory=dict)  # subject -> person | service
    escalations: list[tuple[str, str, int]] = field(default_factory=list)  # (user, code, n)
    # Identity
    credentials: dict[str, int] = field(default_factory=dict)
    unauthenticated: int = 0
    allowed_anonymous: int = 0
    jwt_configured: bool = False
    alarm_channel: str | None = None  # detection.notify.url
    alarm_severities: tuple[str, ...] = ()  # pushed there (min_severity and above)
    # Integrity / confidentiality
    transport: list[dict[str, Any]] = field(default_factory=list)
    masking_algorithms: list[dict[str, Any]] = field(default_factory=list)
    keys: list[dict[str, Any]] = field(default_factory=list)
    # Personal information
    routes: list[dict[str, Any]] = field(default_factory=list)
    declared_routes: list[dict[str, str]] = field(default_factory=list)
    released: dict[str, dict[str, float]] = field(default_factory=dict)  # level -> sums
    masking_by_role: dict[str, dict[str, int]] = field(default_factory=dict)
    clear_releases: list[tuple[str, str, int]] = field(default_factory=list)  # (user, purpose, n)
    clear_without_purpose: int = 0
    uninspected_releases: int = 0
    reidentifications: list[tuple[str, str, int]] = field(default_factory=list)  # (user, outcome, n)
    # Detection
    alerts: systemfacts.AlertFacts = field(default_factory=systemfacts.AlertFacts)
    denial_alerted: set[str] = field(default_factory=set)  # users with a DENIAL_RULES alert
    # Charts: (bucket, {series: n})
    volume: list[tuple[str, dict[str, int]]] = field(default_factory=list)
    denials: list[tuple[str, dict[str, int]]] = field(default_factory=list)


def _interval(start: datetime, end: datetime) -> str:
    """About 48 buckets over the period, in whole minutes."""
    minutes = max(1, int((end - start).total_seconds() // 60 // 48))
    return f"{minutes}m"


def gather(
    settings: Settings,
    client: OpenSearch,
    start: datetime,
    end: datetime,
    requests_counted: int | None = None,
    now: datetime | None = None,
) -> Evidence:
    now = now or datetime.now(UTC)
    prefix = settings.opensearch.index_prefix
    bundle = policyfacts.load_bundle(settings)
    trail = Trail(client, prefix, start, end)
    ev = Evidence(start, end, now, f"{prefix}-*", bundle.version, requests_counted=requests_counted)
    allowed = {"term": {"event.type": "allowed"}}
    denied = {"term": {"event.type": "denied"}}

    ev.events = trail.count()
    ev.proxied_events = trail.proxied_count()
    ev.by_user = trail.terms("user.id", size=USER_ROWS)
    ev.users = trail.distinct("user.id")
    ev.missing_fields = trail.missing_fields()
    ev.verify = _verify(settings, client, start, end)
    ev.checkpoints = trail.checkpoints()
    ev.starts = trail.starts()
    ev.chain_algorithms = trail.chain_algorithms()
    ev.snapshots = systemfacts.snapshots(client, prefix)
    ev.last_drill = systemfacts.last_drill(client, prefix)
    ev.audit_attempts = trail.pairs("user.id", "event.outcome", {"term": {"minguard.resource": "audit_log"}})
    ev.policy_changes = trail.pairs("user.id", "event.outcome", {"term": {"minguard.resource": "policy"}})

    ev.oldest_event = trail.oldest_event()
    ev.template_meta = systemfacts.retention_meta(client, prefix)
    ev.retention_setting = settings.audit.retention_days

    ev.matrix = policyfacts.role_matrix(settings, bundle)
    ev.audit_controllers = policyfacts.audit_controllers(ev.matrix)
    ev.separation = policyfacts.separation_problems(settings, ev.matrix)
    admins = {"terms": {"user.roles": ["system_admin", "security_admin", "audit_admin"]}}
    ev.admin_role_events = trail.pairs("user.id", "user.roles", admins)
    ev.masking = policyfacts.masking_by_role(settings, bundle)
    # Keyed as the trail keys them (user.id is the subject folded: gateway/exchange.py).
    ev.configured = {account_name(k.subject): list(k.roles) for k in settings.identity.api_keys}
    ev.kinds = {account_name(k.subject): k.kind for k in settings.identity.api_keys}
    # Read for exactly these accounts: a busy bureau has more users than by_user lists.
    ev.configured_events = trail.among("user.id", sorted(ev.configured))
    ev.escalations = trail.pairs("user.id", "minguard.error.code", {"terms": {"minguard.error.code": ESCALATION_CODES}})

    ev.credentials = trail.terms("minguard.principal.credential")
    ev.unauthenticated = trail.count({"term": {"event.action": "request.unauthenticated"}})
    anonymous = {"bool": {"must_not": [{"exists": {"field": "minguard.principal.kind"}}]}}
    ev.allowed_anonymous = trail.count(allowed, anonymous)
    ev.jwt_configured = settings.identity.jwt is not None

    ev.transport = systemfacts.transport(settings)
    ev.masking_algorithms = policyfacts.masking_algorithms(bundle)
    ev.keys = systemfacts.key_files(settings.keys.dir, now)

    ev.routes = trail.routes()
    ev.declared_routes = policyfacts.routes(settings)
    sums = {"records": "minguard.data.records", "persons": "minguard.data.persons", "clear": "minguard.masking.clear"}
    for level in ("important", "core"):
        ev.released[level] = trail.sums(sums, allowed, {"term": {"minguard.data.level": level}})
    ev.masking_by_role = trail.masking_by_role()
    clear = {"range": {"minguard.masking.clear": {"gt": 0}}}
    ev.clear_releases = trail.pairs("user.id", "minguard.purpose", allowed, clear)
    no_purpose = {"bool": {"must_not": [{"exists": {"field": "minguard.purpose"}}]}}
    important = {"terms": {"minguard.data.level": ["important", "core"]}}
    ev.clear_without_purpose = trail.count(allowed, clear, no_purpose, important)
    ev.uninspected_releases = trail.count(
        allowed, {"term": {"minguard.data.inspected": False}}, {"exists": {"field": "minguard.upstream.status_code"}}
    )
    ev.reidentifications = trail.pairs(
        "user.id", "event.outcome", {"term": {"event.action": "personal_data.reidentify"}}
    )

    notify = settings.detection.notify
    # Without a channel the report counts what the default (high and above) would push.
    pushed = notified_severities(notify.min_severity if notify else "high")
    ev.alerts = systemfacts.alert_facts(client, prefix, start, end, now, pushed)
    ev.alarm_channel = notify.url if notify else None
    ev.alarm_severities = pushed
    ev.denial_alerted = systemfacts.alerted_users(client, prefix, start, end, systemfacts.DENIAL_RULES)
    interval = _interval(start, end)
    ev.volume = trail.histogram(interval, "minguard.data.level", allowed)
    ev.denials = trail.histogram(interval, "minguard.error.code", denied)
    return ev


def _verify(settings: Settings, client: OpenSearch, start: datetime, end: datetime) -> dict[str, Any]:
    """audit/verify.py over the period, and the trail against the spool's anchors where the
    report runs beside the gateway (as `audit verify --spool`); an unreadable key is reported,
    not raised."""
    try:
        keys = verifying_keys(settings.keys.dir)  # the current key and those rotated out
    except (OSError, ValueError) as exc:
        return {"error": f"无法读取签名公钥:{exc}"}
    prefix = settings.opensearch.index_prefix
    anchors, anchored_zh = _anchors(settings.audit.spool_dir)
    # The chain reader includes the events right before and after the period up to the nearest
    # checkpoints, so every event of the period is checked against a signature.
    # Where each chain ends is judged against the period's end, or now if that is later.
    judged_end = min(end, datetime.now(UTC))
    report = verify_trail(read_trail(client, prefix, start, end), keys, judged_end)
    # A chain's tail deleted (back to a clean shutdown's checkpoint, or the last minutes of a
    # running gateway) leaves a trail that verifies; the spool knows what was shipped.
    report.findings += check_anchors(client, prefix, anchors)
    return {
        **report.to_json(),
        "spool": str(settings.audit.spool_dir),
        "anchors": [{"instance": a.instance, "seq": a.seq, "hash": a.hash} for a in anchors],
        "anchored_zh": anchored_zh,
    }


def _anchors(spool_dir: Path) -> tuple[list[Anchor], str]:
    """The last shipped entry of each slot of the spool on this host, and what the report says
    about them. None when the report does not run beside the gateway: said, not failed."""
    unchecked = ",未与之比对:链尾(最新的事件)被删除无法仅凭 OpenSearch 中的记录发现,请在网关主机上生成报告或运行 minguard audit verify --spool。"
    if not spool_dir.is_dir():
        return [], f"本机没有网关主机的审计缓存(audit.spool_dir {spool_dir})" + unchecked
    try:
        anchors = read_shipped(spool_dir)
    except (AnchorError, OSError, ValueError) as exc:
        return [], f"无法读取网关主机的审计缓存 {spool_dir}:{exc}" + unchecked
    if not anchors:
        return [], f"网关主机的审计缓存 {spool_dir} 中尚无已送达的带链事件" + unchecked
    shipped = "、".join(f"{a.instance} 第 {a.seq} 条" for a in anchors)
    return anchors, f"已与网关主机的审计缓存 {spool_dir} 比对,记录包含其已送达的最新事件({shipped})。"

"""Alert documents: where they live, their id, and their lifecycle (new → acknowledged → closed).

Alerts go to `<index_prefix>.alerts`, not `<index_prefix>-alerts`: the audit indices are
`<index_prefix>-*`, and everything matching that pattern gets the audit template's strict
mapping, is read by `audit search` and is checked by `audit verify`, which would report every
alert as an inserted, unchained event. (The quota index, `<index_prefix>.quota`, is kept out
the same way.)

Each state change is written into the alert (`history`) and, as an event-shaped record with
the officer's id (`event.action: alert.<state>`), into `<index_prefix>.alert-actions`. It does
not go into the audit indices themselves, for the same reason: a document written there by
the CLI has no place in the gateway's hash chain and `audit verify` would rightly call it
inserted. Every action goes through the gateway, from the officers' console (gateway/console)
or its admin API (`minguard detect ack|close`), and is a chained audit event as well
(`console.alert_*`, `admin.alert_*`).

An officer's comment can quote what it is about (an ID number, a phone): it is stored redacted
with the strict masking profile, as paths are in audit events.
"""

from __future__ import annotations

import functools
import hashlib
import re
import uuid
from datetime import UTC, datetime
from typing import Any

from opensearchpy import OpenSearch
from opensearchpy.exceptions import ConflictError, NotFoundError
from opensearchpy.helpers import bulk

from gateway.stages.redact import TEXT, Redactor

from .definitions import Rule
from .query import EVIDENCE, Hit, Window, iso

STATES = ("new", "acknowledged", "closed")
TRANSITIONS = {("new", "acknowledged"), ("new", "closed"), ("acknowledged", "closed")}
STATE_ZH = {"new": "新告警", "acknowledged": "已确认", "closed": "已关闭"}
# What an officer may do to an alert (console form, admin API, CLI) and the state it leads to.
OPERATIONS = {"acknowledge": "acknowledged", "close": "closed"}
ALERT_ID = re.compile(r"^[0-9a-f]{32}$")  # see alert_id


class AlertError(ValueError):
    """str() is the English message; `message_zh` what an officer reads first."""

    def __init__(self, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.message_zh = message_zh

    pass


@functools.cache
def _redactor() -> Redactor:
    from classifiers.inspect import Inspector
    from policies.masking import load_profiles

    return Redactor(Inspector(), load_profiles().get("strict"))


def redact_comment(comment: str | None) -> str | None:
    # The same redaction as the caller's own strings in audit events (gateway/stages/redact.py).
    return _redactor()(comment, TEXT) if comment else comment


def alerts_index(prefix: str) -> str:
    return f"{prefix}.alerts"


def actions_index(prefix: str) -> str:
    return f"{prefix}.alert-actions"


def _kw() -> dict[str, Any]:
    return {"type": "keyword", "ignore_above": 1024}


ALERT_MAPPING: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "@timestamp": {"type": "date"},
        "alert": {
            "properties": {
                **{k: _kw() for k in ("id", "rule", "severity", "state", "subject_key", "evidence", "window_size")},
                "title_zh": {"type": "text"},
                "title_en": {"type": "text"},
                "explanation_zh": {"type": "text", "index": False},
                "window": {"properties": {"start": {"type": "date"}, "end": {"type": "date"}}},
                "subjects": {"type": "object", "dynamic": True},
                "value": {"type": "double"},
                "threshold": {"type": "double"},
                "baseline": {"type": "double"},
                "peer_baseline": {"type": "double"},
                "since": {"type": "date"},
                "notified_at": {"type": "date"},
                "events": {"type": "long"},
                "evidence_total": {"type": "long"},
                "evidence_truncated": {"type": "boolean"},
                "history": {
                    "properties": {
                        "at": {"type": "date"},
                        "state": _kw(),
                        "officer": _kw(),
                        "officer_verified": {"type": "boolean"},
                        "via": _kw(),
                        "comment": {"type": "text"},
                    }
                },
            }
        },
    },
}


def ensure_indices(client: OpenSearch, prefix: str) -> None:
    for index, mapping in ((alerts_index(prefix), ALERT_MAPPING), (actions_index(prefix), None)):
        if client.indices.exists(index=index):
            if mapping is not None:  # an index made by an older version lacks the newer fields
                client.indices.put_mapping(index=index, body=mapping)
        else:
            body: dict[str, Any] = {"settings": {"number_of_shards": 1, "number_of_replicas": 0}}
            if mapping is not None:
                body["mappings"] = mapping
            client.indices.create(index=index, body=body, ignore=[400])  # 400: created meanwhile


def alert_id(rule_id: str, window: Window, subject_key: str) -> str:
    """The same rule, window and subject always give the same id: re-running never duplicates."""
    text = "\x1f".join((rule_id, iso(window.start), iso(window.end), subject_key))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def subject_key(subjects: dict[str, str]) -> str:
    return "|".join(f"{k}={v}" for k, v in sorted(subjects.items()))


def _alert(
    rule_id: str,
    titles: tuple[str, str],
    severity: str,
    window: Window,
    window_size: str,
    subjects: dict[str, str],
    now: datetime,
    *,
    value: Any,
    threshold: Any,
    evidence: list[str],
    events: int,
    evidence_total: int,
    explanation_zh: str,
) -> dict[str, Any]:
    """The fields every alert has (docs/detection.md), in the order an officer reads them."""
    key = subject_key(subjects)
    return {
        "id": alert_id(rule_id, window, key),
        "rule": rule_id,
        "title_zh": titles[0],
        "title_en": titles[1],
        "severity": severity,
        "state": "new",
        "window": {"start": iso(window.start), "end": iso(window.end)},
        "window_size": window_size,
        "subjects": subjects,
        "subject_key": key,
        "value": value,
        "threshold": threshold,
        "events": events,
        "evidence": evidence,
        # The ids are capped (query.EVIDENCE); say so, and how many events there are in all.
        "evidence_total": evidence_total,
        "evidence_truncated": evidence_total > len(evidence),
        "explanation_zh": explanation_zh,
        "history": [{"at": iso(now), "state": "new", "officer": "minguard-detect", "comment": None}],
    }


def alert_document(rule: Rule, window: Window, hit: Hit, now: datetime) -> dict[str, Any]:
    alert = _alert(
        rule.id,
        (rule.title_zh, rule.title_en),
        rule.severity,
        window,
        rule.window_text,
        hit.subjects,
        now,
        value=hit.value,
        threshold=rule.threshold,
        events=hit.events,
        evidence=hit.evidence,
        evidence_total=hit.evidence_total if hit.evidence_total is not None else len(hit.evidence),
        explanation_zh=rule.explanation_zh,
    )
    if hit.baseline is not None:
        alert["baseline"] = hit.baseline
    if hit.peer_baseline is not None:
        alert["peer_baseline"] = hit.peer_baseline
    if hit.since is not None:
        alert["since"] = iso(hit.since)  # evidence and the finding start here (e.g. the day after a death)
    return {"@timestamp": iso(now), "alert": alert}


INTEGRITY_RULE = "reference.integrity"  # raised by the run itself (audit/detection/integrity.py)


def integrity_alert(rule: Rule, window: Window, reference: str, problem: str, now: datetime) -> dict[str, Any]:
    """The alert a rule raises in place of its findings when its reference data is not as loaded."""
    alert = _alert(
        INTEGRITY_RULE,
        ("参考数据完整性校验失败", "Reference data failed its integrity check"),
        "critical",
        window,
        rule.window_text,
        {"reference": reference},
        now,
        value=None,
        threshold=None,
        events=0,
        evidence=[],
        evidence_total=0,
        explanation_zh=(
            f"{problem}。依赖该参考数据的规则(如 {rule.id})在此窗口未作判断,其结果不可信。"
            "处置:查明谁改动了参考数据索引(OpenSearch 审计日志),核对原始登记表后用 "
            "`minguard detect reference load` 重新载入。"
        ),
    )
    return {"@timestamp": iso(now), "alert": alert}


TRAIL_RULE = "audit.trail_tampered"  # raised by the scheduled trail check (audit/detection/trail_check.py)
_SHOWN_FINDINGS = 10


def trail_alert(window: Window, instance: str, findings: list[tuple[str | None, str]], now: datetime) -> dict[str, Any]:
    """One instance's day that failed verification: `findings` are (event id or None, what
    `audit verify` says of it in zh-CN)."""
    ids = [event_id for event_id, _ in findings if event_id]
    shown = ";".join(message for _, message in findings[:_SHOWN_FINDINGS])
    more = f" 等,共 {len(findings)} 处" if len(findings) > _SHOWN_FINDINGS else ""
    alert = _alert(
        TRAIL_RULE,
        ("审计记录被删除、篡改或插入", "Audit trail deleted, altered or inserted"),
        "critical",
        window,
        "1d",
        {"minguard.instance": instance},
        now,
        value=len(findings),
        threshold=0,
        events=len(findings),
        evidence=ids[:EVIDENCE],
        evidence_total=len(ids),
        explanation_zh=(
            f"实例 {instance} 这一天的审计记录未通过哈希链与签名检查点校验:{shown}{more}。"
            "依据 GB/T 22239-2019 8.1.4.3 c(审计记录应受到保护,避免受到未预期的删除、修改或覆盖)。"
            "处置:用 `minguard audit verify --from … --to … --instance …` 复核(在网关主机上加 `--spool`);"
            "查 OpenSearch 自身的审计日志,找出写入或删除审计索引的账户;从快照恢复这一天的记录后再校验。"
        ),
    )
    return {"@timestamp": iso(now), "alert": alert}


def write_alerts(client: OpenSearch, prefix: str, documents: list[dict[str, Any]]) -> tuple[int, int]:
    """(created, already there). `create` with the alert's id: a re-run answers 409 for those."""
    if not documents:
        return 0, 0
    ensure_indices(client, prefix)
    actions = [
        {"_op_type": "create", "_index": alerts_index(prefix), "_id": d["alert"]["id"], "_source": d} for d in documents
    ]
    # One refresh at the end, not one per bulk chunk of 500: with refresh=wait_for on every chunk,
    # writing 60,000 alerts waited ~1 s a chunk (docs/benchmarks-detection.md).
    created, errors = bulk(client, actions, raise_on_error=False, chunk_size=2000)
    client.indices.refresh(index=alerts_index(prefix))
    failures = [e for e in errors if next(iter(e.values())).get("status") != 409]
    if failures:
        raise AlertError(f"alerts not written: {failures[:3]}", f"{len(failures)} 条告警未能写入")
    return created, len(errors)


def list_alerts(
    client: OpenSearch, prefix: str, state: str | tuple[str, ...] | None = None, size: int = 1000
) -> list[dict[str, Any]]:
    """The newest `size` alerts in `state` (one, or any of several; None: every state). The
    states are filtered here, before the cut to `size`: filtering the newest `size` afterwards
    would hide older open alerts behind newer closed ones."""
    states = (state,) if isinstance(state, str) else state
    query: dict[str, Any] = {"terms": {"alert.state": list(states)}} if states else {"match_all": {}}
    body = {"query": query, "size": size, "sort": [{"@timestamp": "desc"}, {"alert.id": "asc"}]}
    answer = client.search(index=alerts_index(prefix), body=body, ignore_unavailable=True, allow_no_indices=True)
    return [h["_source"]["alert"] for h in answer["hits"]["hits"]]


def transition(
    client: OpenSearch,
    prefix: str,
    alert: str,
    state: str,
    officer: str,
    comment: str | None,
    *,
    via: str,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Move an alert to `state`; the history and the action record say who did it and why.

    `via` says how the gateway authenticated the officer: `console` (the console's session) or
    `api` (the admin API's credential, which `minguard detect ack|close` sends). Anything else
    is recorded as unverified (`officer_verified: false`), as the command line's typed
    `--officer` was before it went through the gateway."""
    if state not in STATES:
        raise AlertError(f"unknown state {state!r}", f"未知的告警状态 {state!r}")
    if not officer.strip():
        raise AlertError("an officer id is required", "须填写处置人")
    if state == "closed" and not (comment and comment.strip()):
        raise AlertError("closing an alert needs a comment", "关闭告警须填写处置意见")
    now = now or datetime.now(UTC)
    comment = redact_comment(comment)
    try:
        found = client.get(index=alerts_index(prefix), id=alert)
    except NotFoundError:
        raise AlertError(f"no alert {alert}", f"没有编号为 {alert} 的告警") from None
    doc = found["_source"]
    current = doc["alert"]["state"]
    if (current, state) not in TRANSITIONS:
        raise AlertError(
            f"alert {alert} is {current}; it cannot become {state}",
            f"告警 {alert} 当前为{STATE_ZH.get(current, current)},不能改为{STATE_ZH[state]}",
        )
    verified = via in ("console", "api")
    entry = {
        "at": iso(now),
        "state": state,
        "officer": officer,
        "officer_verified": verified,
        "via": via,
        "comment": comment,
    }
    doc["alert"]["state"] = state
    doc["alert"]["history"] = [*doc["alert"]["history"], entry]
    try:  # optimistic: two officers acting at once cannot both win
        client.index(
            index=alerts_index(prefix),
            id=alert,
            body=doc,
            params={"if_seq_no": found["_seq_no"], "if_primary_term": found["_primary_term"], "refresh": "wait_for"},
        )
    except ConflictError:
        raise AlertError(
            f"alert {alert} was changed meanwhile; read it again", f"告警 {alert} 已被他人同时处置,请重新查看"
        ) from None
    event_id = uuid.uuid4().hex
    record: dict[str, Any] = {
        "@timestamp": iso(now),
        "event": {"id": event_id, "kind": "event", "action": f"alert.{state}", "outcome": "success"},
        "user": {"id": officer, "verified": verified, "via": via},
        "alert": {"id": alert, "rule": doc["alert"]["rule"], "from": current, "to": state, "comment": comment},
        "summary_zh": f"安全员 {officer} 将告警 {alert}({doc['alert']['title_zh']})由{STATE_ZH[current]}改为{STATE_ZH[state]}",
    }
    ensure_indices(client, prefix)
    client.index(
        index=actions_index(prefix),
        id=event_id,
        body=record,
        params={"op_type": "create", "refresh": "wait_for"},
    )
    updated: dict[str, Any] = doc["alert"]
    return updated

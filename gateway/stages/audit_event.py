"""The audit event of one exchange: who asked for what, the decision, the data released, and a
zh-CN summary an officer reads first (docs/audit-events.md has every field)."""

from __future__ import annotations

import functools
import math
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

from ..exchange import SAFE_METHODS, Exchange
from .redact import Redactor
from .release import counted_records

_ACTION_ZH = {
    "read": "查看",
    "list": "列表查询",
    "search": "检索",
    "export": "导出",
    "create": "新建",
    "update": "修改",
    "approve": "审批",
    "pay": "发放",
    "reidentify": "还原",
    # Console actions (gateway/console).
    "login": "登录",
    "logout": "退出",
    "query": "检索",
    "person_history": "查看人员访问记录",
    "user_activity": "查看用户活动",
    "process_log": "查看网关运行记录",
    "alert_list": "查看告警",
    "alert_acknowledge": "确认告警",
    "alert_close": "关闭告警",
    "report": "生成合规报告",
    # Detection reference data (gateway/references.py).
    "reference_load": "载入参考数据",
}


@functools.lru_cache(maxsize=4)
def _second(second: int) -> str:
    return datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _timestamp(epoch: float) -> str:
    """``datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds")``, with Z for
    +00:00: the same rounding, the date and time formatted once per second (isoformat cost as
    much as a fifth of the whole event)."""
    fraction, whole = math.modf(epoch)
    micro = round(fraction * 1e6)  # as fromtimestamp rounds: half to even
    if micro >= 1_000_000:
        micro -= 1_000_000
        whole += 1.0
    elif micro < 0:
        micro += 1_000_000
        whole -= 1.0
    return f"{_second(int(whole))}.{micro // 1000:03d}Z"


class AuditEvent:
    def __init__(self, instance: str, redact: Redactor) -> None:
        self._instance = instance
        self._redact = redact

    def __call__(self, ex: Exchange) -> dict[str, Any]:
        principal = ex.principal
        route = ex.route
        decision = ex.decision
        response = ex.response
        failure = ex.failure
        inspection = ex.inspection
        allowed = bool(decision and decision.allowed)
        outcome = "success" if failure is None else "failure"
        status = failure.status if failure is not None else (response.status if response else 0)
        query = ex.request.query.decode("latin-1")
        path = self._redact(route.path if route else "", "text/plain")
        # Decoded first: %31%31… must not carry an ID number past the redaction.
        original = unquote(ex.request.raw_path, errors="replace")
        original = path if route and original == route.path else self._redact(original, "text/plain")
        minguard: dict[str, Any] = {
            "instance": self._instance,
            "purpose": self._redact(ex.purpose, "text/plain") if ex.purpose else None,
            "route": route.name if route else None,
            "resource": route.resource if route else None,
            "action": route.action if route else None,
            "target_region": route.target_region if route else None,
            "decision": {
                "allowed": allowed,
                "rule": decision.rule if decision else None,
                "policy_version": decision.policy_version if decision else None,
                "reason": decision.reason if decision else (failure.code if failure else None),
            }
            | ({"policy_loaded": ex.policy_loaded} if ex.policy_loaded else {}),
            "data": {
                "level": ex.level.label,
                "level_zh": ex.level.zh,
                "inspected": inspection is not None,
                "entities": dict(inspection.entity_counts) if inspection else {},
                "records": counted_records(inspection) if inspection else 0,
                "persons": len(inspection.persons) if inspection else 0,
                "person_tokens": list(ex.person_tokens),
            },
            "masking": {
                "profile": ex.masking_profile,
                "masked": inspection.masked if inspection else 0,
                "clear": inspection.clear if inspection else 0,
            },
            "conditions": {"checked": list(ex.conditions), "failed": ex.condition_failed},
        }
        if ex.request.proxy_ip:
            minguard["proxy_ip"] = ex.request.proxy_ip
        if principal is not None:
            minguard["principal"] = {
                "subject": principal.subject,  # as presented; user.id is it folded
                "kind": principal.kind,
                "region": principal.region,
                "organisation": principal.organisation,
                "credential": principal.credential,
                "credential_id": principal.credential_id,
            }
        if ex.upstream is not None:
            minguard["upstream"] = {
                "status_code": ex.upstream.status,
                "duration_ms": round(ex.upstream_ms or 0.0, 3),
            }
        if failure is not None:
            minguard["error"] = {
                "code": failure.code,
                "message": failure.message,
                "message_zh": failure.message_zh,
            }
        if ex.business:
            minguard["business"] = dict(ex.business)  # tokens only, see stages/business.py
        if ex.console:
            console = dict(ex.console)
            # Typed by an officer, so either could hold an ID number: the comment, and a filter
            # even once it passed its check (a valid user id can be a mobile number).
            if console.get("comment"):
                console["comment"] = self._redact(str(console["comment"]), "text/plain")
            if console.get("filters"):
                console["filters"] = [self._redact(str(f), "text/plain") for f in console["filters"]]
            minguard["console"] = console
        if ex.reference:
            minguard["reference"] = dict(ex.reference)
        minguard["summary_zh"] = self._summary_zh(ex, status)
        return {
            "@timestamp": _timestamp(ex.started),
            "event": {
                "id": ex.request_id,
                "kind": "event",
                "category": ["web"],
                "type": ["access", "allowed" if allowed and failure is None else "denied"],
                "action": f"{route.resource}.{route.action}"
                if route
                else f"request.{failure.code if failure else 'unrouted'}",
                "outcome": outcome,
                "reason": failure.code if failure else None,
                "duration": int(ex.elapsed_ms() * 1_000_000),
            },
            "user": {
                "id": principal.user_id if principal else None,
                "roles": list(principal.roles) if principal else [],
            },
            "source": {"ip": ex.request.client_ip or None, "port": ex.request.client_port or None},
            "url": {
                "path": path or None,
                "original": original,
                "query": self._redact(query, "application/x-www-form-urlencoded") or None,
            },
            "http": {
                "request": {
                    "id": ex.request_id,
                    "method": ex.request.method,
                    "bytes": len(ex.request.body),
                },
                # The answer to a HEAD carried no body (proxy.send_response).
                "response": {
                    "status_code": status,
                    "bytes": len(response.body) if response and not ex.request.headers_only else 0,
                },
            },
            "minguard": minguard,
        }

    @staticmethod
    def _summary_zh(ex: Exchange, status: int) -> str:
        principal = ex.principal
        who = (
            f"{principal.subject}({'/'.join(principal.roles)},辖区{principal.region})" if principal else "未认证调用方"
        )
        route = ex.route
        what = (
            f"{_ACTION_ZH.get(route.action, route.action)} {route.resource}(区划 {route.target_region or '-'})"
            if route
            else (f"{ex.request.method} 请求" if ex.request.method else "未成形的请求")  # gateway/server.py's refusals
            + ("(未登记接口)" if ex.failure and ex.failure.code == "unknown_route" else "")
        )
        if ex.failure is not None:
            summary = f"{who} {what}:拒绝/失败({ex.failure.message_zh},HTTP {status})"
            upstream = ex.upstream
            if ex.request.method not in SAFE_METHODS and upstream is not None and upstream.status < 400:
                # Refused after the upstream performed the write (records of another region,
                # a daily limit): "refused" alone would read as if nothing had been written.
                summary += f";上游已执行该写操作(上游 HTTP {upstream.status}),仅其响应被拦截"
            return summary
        records = counted_records(ex.inspection) if ex.inspection else 0
        if ex.request.headers_only:
            return f"{who} {what}:允许,HEAD 请求仅返回响应头,未发送正文({ex.level.zh} {records} 条记录)(HTTP {status})"
        return f"{who} {what}:允许,返回{ex.level.zh} {records} 条记录(HTTP {status})"

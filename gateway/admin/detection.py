"""The detection endpoints: alerts acknowledged or closed (`minguard detect ack|close`, as in
the console) and reference feeds loaded (`minguard detect reference load`,
gateway/references.py), each an audited act of the officer whose credential it carries."""

from __future__ import annotations

import json
import logging

from fastapi import FastAPI, Request
from fastapi.responses import Response as HttpResponse
from opensearchpy.exceptions import OpenSearchException

from audit.detection.alerts import ALERT_ID, OPERATIONS, AlertError
from audit.detection.reference import ReferenceError

from ..console.filters import UNCHECKED
from ..console.reading import Reader
from ..exchange import Exchange
from ..references import NAMES, LoadBusy
from ..stages.audit import spool_can_take
from .endpoint import Endpoints, ok

log = logging.getLogger(__name__)


def mount(admin: FastAPI, endpoints: Endpoints, prefix: str, reader: Reader) -> None:
    gateway = endpoints.gateway
    capacity = gateway.settings.audit.max_spool_bytes

    async def alert_operation(request: Request, alert_id: str, op: str) -> HttpResponse:
        """An alert acknowledged or closed by a security or audit administrator, as in the console
        and recorded in the same fields; `minguard detect ack|close` calls this."""
        state = OPERATIONS[op]

        async def work(ex: Exchange) -> None:
            known = bool(ALERT_ID.match(alert_id))
            # The id comes from the URL: recorded only once it is an alert id (see the console).
            ex.console = {"alert_id": alert_id if known else UNCHECKED, "alert_state": state, "comment": ""}
            if not endpoints.permitted(ex, ""):
                return
            try:
                body = json.loads(ex.request.body or b"{}")
                comment = body.get("comment")
                if comment is not None and not isinstance(comment, str):
                    raise TypeError
            except (ValueError, TypeError, AttributeError):
                ex.fail(400, "bad_request", 'body must be {"comment": "…"}', '请求体格式错误,应为 {"comment": "…"}')
                return
            comment = (comment or "")[:2000] or None  # as much as the console's form keeps
            ex.console["comment"] = comment or ""
            if not known:
                ex.fail(400, "bad_request", "not an alert id", "告警编号格式错误")
                return
            officer = ex.principal.user_id if ex.principal else ""  # as user.id keys them in the trail
            try:
                await reader.transition(alert_id, state, officer, comment, via="api")
            except AlertError as exc:
                ex.fail(409, "alert_transition", str(exc), exc.message_zh)
                return
            ok(ex, {"id": alert_id, "state": state})

        return await endpoints.run(request, f"admin.alert_{op}", "alert", f"alert_{op}", work)

    @admin.post(f"{prefix}/alerts/{{alert_id}}/acknowledge")
    async def alert_acknowledge(request: Request, alert_id: str) -> HttpResponse:
        """Acknowledge an alert (being looked into). Body: {"comment"?}."""
        return await alert_operation(request, alert_id, "acknowledge")

    @admin.post(f"{prefix}/alerts/{{alert_id}}/close")
    async def alert_close(request: Request, alert_id: str) -> HttpResponse:
        """Close an alert with the officer's conclusion. Body: {"comment"}, required."""
        return await alert_operation(request, alert_id, "close")

    @admin.post(f"{prefix}/reference/{{name}}")
    async def reference_load(request: Request, name: str) -> HttpResponse:
        """Replace a detection reference feed (`staff` or `deaths`) with the CSV body, tokenised
        and signed by the gateway (gateway/references.py); `minguard detect reference load` calls this."""

        async def work(ex: Exchange) -> None:
            known = name in NAMES
            ex.reference = {"name": name if known else UNCHECKED}
            if not endpoints.permitted(ex, ""):
                return
            if not known:
                ex.fail(
                    400,
                    "bad_request",
                    f"no reference feed {name!r}: staff or deaths",
                    "参考数据名称应为 staff 或 deaths",
                )
                return
            if not spool_can_take(gateway.spool.last_error, gateway.spool.backlog_bytes, capacity):
                # The load could not be undone once made: its event must be recordable first.
                ex.fail(
                    503, "audit_unavailable", "the load cannot be audited right now", "审计记录无法落盘,未载入参考数据"
                )
                return
            try:
                docs = gateway.references.documents(name, ex.request.body)
            except ReferenceError as exc:
                ex.fail(400, "reference_invalid", f"reference data not loaded: {exc}", f"参考数据有误,未载入:{exc}")
                return
            officer = ex.principal.user_id if ex.principal else ""  # as user.id keys them in the trail
            try:
                loaded = await gateway.references.load(name, docs, officer, ex.request_id)
            except LoadBusy as exc:
                ex.fail(
                    409,
                    "reference_load_busy",
                    f"reference data not loaded: {exc}",
                    f"另一次载入正在进行({exc.holder},租约至 {exc.expires_at}),参考数据未载入,请稍后重试",
                )
                return
            except (OpenSearchException, OSError) as exc:
                # Maybe half done: the next detection run finds the index unlike its signed
                # record and raises an integrity alert; loading again mends it.
                log.warning("reference load %s failed for request %s: %s", name, ex.request_id, exc)
                ex.fail(
                    503,
                    "opensearch_unavailable",
                    "reference data not loaded: OpenSearch failed",
                    "OpenSearch 写入失败,参考数据未载入(可重新载入)",
                )
                return
            ex.reference |= {"count": loaded.count, "removed": loaded.removed, "digest": loaded.digest}
            ok(ex, {"name": name, "count": loaded.count, "removed": loaded.removed, "digest": loaded.digest})

        return await endpoints.run(request, "admin.reference_load", "reference", "reference_load", work)

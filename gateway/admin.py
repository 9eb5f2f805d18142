"""The gateway's own endpoints under the admin prefix (FastAPI).

Probes (`/health`, `/ready`) are not audited: they carry no data and would drown the trail.
Every other endpoint authenticates with the identity stage, is decided by the same policy
(policies/policy.csv: resources `personal_data`, `policy`, `audit_log`) and writes one audit
event through the gateway's audit stage, allowed or refused, like any proxied access.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.responses import Response as HttpResponse
from opensearchpy.exceptions import OpenSearchException
from starlette.convertors import Convertor, register_url_convertor
from starlette.routing import Route

from audit.detection.alerts import ALERT_ID, OPERATIONS, AlertError
from audit.detection.reference import ReferenceError
from classifiers.levels import DataLevel
from policies.conditions import Verdict
from policies.crypto import CryptoError, OneWayToken
from policies.keys import Pseudonymizer
from policies.routes import RouteMatch

from .bodies import bounded_body
from .console.reading import Reader
from .console.routes import UNCHECKED
from .console.routes import mount as mount_console
from .exchange import Exchange, Failure, Response, account_name
from .exchange import Request as ExRequest
from .forwarded import PROXY_KEY
from .metrics import CONTENT_TYPE
from .proxy import error_response, run_audit
from .references import NAMES, LoadBusy
from .settings import ServerSettings
from .stages.audit import spool_can_take
from .stages.authorize import decide_action, now_utc, refuse
from .types import Receive, Scope, Send

if TYPE_CHECKING:
    from .app import Gateway

log = logging.getLogger(__name__)
Work = Callable[[Exchange], Awaitable[None]]
PURPOSE_REQUIRED = Verdict(
    "purpose",
    403,
    "purpose_required",
    "re-identification requires a declared purpose of use (X-Purpose-Of-Use)",
    "还原须声明使用目的(X-Purpose-Of-Use)",
)
_JSON = [(b"content-type", b"application/json; charset=utf-8"), (b"cache-control", b"no-store")]
# Refusals, documented in the OpenAPI so that clients (and the schemathesis run in
# tests/fuzz) can rely on them: every one carries the error envelope of proxy.error_response.
_REFUSALS: dict[int | str, dict[str, Any]] = {
    status: {"description": "error: {code, message, message_zh, request_id}", "content": {"application/json": {}}}
    for status in (400, 401, 403, 413, 422, 429, 431, 503)
}


def _ok(ex: Exchange, payload: dict[str, Any], status: int = 200) -> None:
    ex.response = Response(status, list(_JSON), json.dumps(payload, ensure_ascii=False).encode("utf-8"))


async def _read_request(ex: Exchange, request: Request, server: ServerSettings) -> None:
    """The body within the proxy's limits; a refusal is set on the exchange and audited like
    any other."""
    body = await bounded_body(request, server)
    if isinstance(body, Failure):
        ex.fail(body.status, body.code, body.message, body.message_zh)
    else:
        ex.request.body = body


def create_admin(gateway: Gateway, prefix: str) -> FastAPI:
    admin = FastAPI(
        title="minguard admin", openapi_url=f"{prefix}/openapi.json", docs_url=None, redoc_url=None, responses=_REFUSALS
    )

    @admin.get(f"{prefix}/health")
    async def health() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @admin.get(f"{prefix}/ready")
    async def ready() -> JSONResponse:
        """Readiness reflects the audit path: a gateway that cannot make events durable is not
        ready, because it would refuse every request carrying important or core data."""
        status = gateway.audit_status()
        code = 200 if status["spool_writable"] else 503
        return JSONResponse(status, status_code=code)

    @admin.get(f"{prefix}/metrics", response_class=PlainTextResponse)
    async def metrics() -> HttpResponse:
        """Prometheus exposition (gateway/metrics.py): counts only, no personal values."""
        return HttpResponse(gateway.metrics.exposition(), media_type=CONTENT_TYPE)

    async def run(request: Request, name: str, resource: str, action: str, work: Work) -> HttpResponse:
        """identify -> parse/decide -> work -> audit -> respond, as the proxy does."""
        client = request.client
        ex = Exchange(
            ExRequest(
                request.method,
                request.url.path,
                request.url.query.encode("latin-1"),
                list(request.headers.raw),
                client.host if client else "",
                client.port if client else 0,
                request.url.scheme,
                proxy_ip=request.scope.get(PROXY_KEY, ""),
            )
        )
        await _read_request(ex, request, gateway.settings.server)
        try:
            if not ex.done:
                await gateway.identify(ex)
            if not ex.done:
                ex.route = RouteMatch(name, resource, action, {}, request.url.path)
                await work(ex)
        except Exception:
            log.exception("admin endpoint %s failed for request %s", name, ex.request_id)
            ex.response = None
            ex.fail(500, "internal_error", "the gateway failed to process the request", "网关内部错误")
        await run_audit(gateway.audit, ex)
        out = error_response(ex) if ex.failure is not None or ex.response is None else ex.response
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in out.headers}
        headers["x-request-id"] = ex.request_id
        return HttpResponse(out.body, status_code=out.status, headers=headers)

    def revealed(ex: Exchange, clear: str) -> None:
        """Whose value it was, as the tokens reads and writes carry (never the value): the trail
        must answer "whose card did this reviewer reveal?" as it answers who read a person."""
        person = gateway.business.person_token(clear)
        account = None if person else gateway.business.account_token(clear)
        if person:
            ex.person_tokens = (person,)
        ex.business = {"step": "reidentify"} | ({"person_token": person} if person else {})
        if account:
            ex.business["account_token"] = account

    async def within_daily_limit(ex: Exchange) -> bool:
        """The caller's re-identifications today, counted across the workers before anything is
        decrypted (policies/conditions.yaml `max_reidentify_per_day`); a refusal is set on ex."""
        principal = ex.principal
        conditions = gateway.policy.current.conditions
        limit = conditions.reidentify_limit(principal.roles) if principal is not None else None
        if principal is None or limit is None:
            return True
        result = await gateway.quota.consume(
            f"reidentify|{account_name(principal.subject)}|{conditions.day(now_utc())}", 1, limit[0]
        )
        ex.conditions.append(f"max_reidentify_per_day:{limit[1]} {result.used}/{limit[0]}{result.marks}")
        if result.allowed:
            return True
        refuse(
            ex,
            Verdict(
                f"max_reidentify_per_day:{limit[1]}",
                429,
                "daily_quota_contended" if result.contended else "reidentify_quota_exceeded",
                f"role {limit[1]} may re-identify {limit[0]} values a day ({result.used} so far)",
                f"角色 {limit[1]} 每日最多还原 {limit[0]} 个值(今日已还原 {result.used} 个)",
            ),
        )
        return False

    keys = gateway.settings.keys
    capacity = gateway.settings.audit.max_spool_bytes
    # Alerts and audit events as the console and the alert API read and change them.
    reader = Reader(gateway.settings.opensearch, Pseudonymizer.from_dir(keys.dir, keys.generate_missing))

    def permitted(ex: Exchange, target: str) -> bool:
        return decide_action(gateway.policy, ex, target, "无权执行该管理操作")

    @admin.post(f"{prefix}/reidentify")
    async def reidentify(request: Request) -> HttpResponse:
        """Return the clear value of one `enc:`/`sm4:` ciphertext. Body: {"value", "region"?};
        the region defaults to the caller's own and must be the one the value was released for."""

        async def work(ex: Exchange) -> None:
            home = ex.principal.region if ex.principal else ""
            try:
                body = json.loads(ex.request.body)
                value, region = body["value"], body.get("region") or home
                if not isinstance(value, str) or not isinstance(region, str) or not region.isdigit():
                    raise TypeError
            except (ValueError, KeyError, TypeError, AttributeError):
                ex.fail(400, "bad_request", 'body must be {"value": "enc:…", "region": "<code>"}', "请求体格式错误")
                return
            if not permitted(ex, region):
                return
            if not ex.purpose:
                refuse(ex, PURPOSE_REQUIRED)
                return
            if not await within_daily_limit(ex):
                return
            try:
                clear = gateway.crypto.decrypt(value, region)
            except OneWayToken as exc:
                ex.fail(400, "one_way_token", str(exc), "HMAC 假名令牌为单向值,无法还原")
                return
            except CryptoError as exc:
                ex.fail(400, "not_reidentifiable", str(exc), "该值无法还原(格式、密钥或辖区不符)")
                return
            ex.level = DataLevel.IMPORTANT  # a clear personal value leaves: audited as such
            revealed(ex, clear)
            _ok(ex, {"value": clear, "region": region})

        return await run(request, "admin.reidentify", "personal_data", "reidentify", work)

    @admin.post(f"{prefix}/policy/reload")
    async def reload(request: Request) -> HttpResponse:
        """Load every policy file again; a bad file is rejected and the running policy stays."""

        async def work(ex: Exchange) -> None:
            if not permitted(ex, ""):
                return
            previous = gateway.policy.current.version
            try:
                bundle = gateway.policy.reload()
            except Exception as exc:
                ex.fail(422, "policy_invalid", f"policy not reloaded: {exc}", "策略文件有误,未重新加载,原策略继续生效")
                return
            ex.policy_loaded = bundle.version
            _ok(ex, {"version": bundle.version, "previous": previous})

        return await run(request, "admin.policy_reload", "policy", "reload", work)

    @admin.get(f"{prefix}/audit/events")
    async def audit_events(request: Request) -> HttpResponse:
        """The audit events of one request id (审计管理员 only)."""

        async def work(ex: Exchange) -> None:
            if not permitted(ex, ""):
                return
            request_id = request.query_params.get("request_id", "")
            if not request_id.isalnum():
                ex.fail(400, "bad_request", "request_id must be given", "缺少 request_id")
                return
            index = f"{gateway.settings.opensearch.index_prefix}-*"
            found = await gateway.opensearch.search(
                index=index, body={"query": {"term": {"event.id": request_id}}}, params={"ignore_unavailable": "true"}
            )
            _ok(ex, {"events": [hit["_source"] for hit in found["hits"]["hits"]]})

        return await run(request, "admin.audit_events", "audit_log", "query", work)

    async def alert_operation(request: Request, alert_id: str, op: str) -> HttpResponse:
        """An alert acknowledged or closed by a security or audit administrator, as in the console
        and recorded in the same fields; `minguard detect ack|close` calls this."""
        state = OPERATIONS[op]

        async def work(ex: Exchange) -> None:
            known = bool(ALERT_ID.match(alert_id))
            # The id comes from the URL: recorded only once it is an alert id (see the console).
            ex.console = {"alert_id": alert_id if known else UNCHECKED, "alert_state": state, "comment": ""}
            if not permitted(ex, ""):
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
            _ok(ex, {"id": alert_id, "state": state})

        return await run(request, f"admin.alert_{op}", "alert", f"alert_{op}", work)

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
            if not permitted(ex, ""):
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
            _ok(ex, {"name": name, "count": loaded.count, "removed": loaded.removed, "digest": loaded.digest})

        return await run(request, "admin.reference_load", "reference", "reference_load", work)

    mount_console(admin, gateway, prefix, reader)  # the officers' web console: gateway/console

    async def unknown(request: Request) -> HttpResponse:
        """Anything else under the prefix, any method: refused and audited as an unrouted proxied
        request is, so that probing the management API leaves a trace (FastAPI's own 404 and
        405 answers wrote none)."""

        async def work(ex: Exchange) -> None:
            ex.fail(
                403,
                "unknown_route",
                "no management endpoint is configured for this method and path",
                "未登记的管理接口,默认拒绝",
            )

        return await run(request, "admin.unknown", "admin", "unknown", work)

    # Registered last: every endpoint above matches first. As an ASGI app, not a function,
    # so that the route takes every method (Starlette gives a function GET only).
    for path in (prefix, f"{prefix}/{{rest:anything}}"):
        admin.router.routes.append(Route(path, _AnyMethod(unknown), include_in_schema=False))
    return admin


class _Anything(Convertor[str]):
    """A path's rest, line feeds included: Starlette's ``path`` is ``.*``, which stops at one,
    so /_minguard/policy/re%0Aload fell through to FastAPI's own 404, and no event."""

    regex = "[\\s\\S]*"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("anything", _Anything())


class _AnyMethod:
    """A request handler as an ASGI app."""

    def __init__(self, handler: Callable[[Request], Awaitable[HttpResponse]]) -> None:
        self._handler = handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self._handler(Request(scope, receive))
        await response(scope, receive, send)


def readiness(spool_error: str | None, backlog: int, capacity: int, shipper: dict[str, Any]) -> dict[str, Any]:
    # Nearly full counts as not ready: important data and writes would be refused.
    return {
        "spool_writable": spool_can_take(spool_error, backlog, capacity),
        "spool_error": spool_error,
        "spool_backlog_bytes": backlog,
        "spool_capacity_bytes": capacity,
        "opensearch": shipper,
    }

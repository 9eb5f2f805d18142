"""The gateway's own endpoints under the admin prefix (FastAPI).

Probes (`/health`, `/ready`) are not audited: they carry no data and would drown the trail.
Every other endpoint authenticates with the identity stage, is decided by the same policy
(policies/policy.csv: resources `personal_data`, `policy`, `audit_log`, `alert`, `reference`)
and writes one audit event through the gateway's audit stage, allowed or refused, like any
proxied access (endpoint.py). Re-identification is reidentify.py; alerts and reference feeds
detection.py; the officers' console gateway/console.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.responses import Response as HttpResponse
from starlette.convertors import Convertor, register_url_convertor
from starlette.routing import Route

from policies.keys import Pseudonymizer

from ..console.reading import Reader
from ..console.routes import mount as mount_console
from ..exchange import Exchange
from ..metrics import CONTENT_TYPE
from ..stages.audit import spool_can_take
from ..types import Receive, Scope, Send
from . import detection, reidentify
from .endpoint import Endpoints, ok

if TYPE_CHECKING:
    from ..app import Gateway

# Refusals, documented in the OpenAPI so that clients (and the schemathesis run in
# tests/fuzz) can rely on them: every one carries the error envelope of proxy.error_response.
_REFUSALS: dict[int | str, dict[str, Any]] = {
    status: {"description": "error: {code, message, message_zh, request_id}", "content": {"application/json": {}}}
    for status in (400, 401, 403, 413, 422, 429, 431, 503)
}


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

    endpoints = Endpoints(gateway)
    run, permitted = endpoints.run, endpoints.permitted
    keys = gateway.settings.keys
    # Alerts and audit events as the console and the alert API read and change them.
    reader = Reader(gateway.settings.opensearch, Pseudonymizer.from_dir(keys.dir, keys.generate_missing))
    reidentify.mount(admin, endpoints, prefix)
    detection.mount(admin, endpoints, prefix, reader)

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
            ok(ex, {"version": bundle.version, "previous": previous})

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
            ok(ex, {"events": [hit["_source"] for hit in found["hits"]["hits"]]})

        return await run(request, "admin.audit_events", "audit_log", "query", work)

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

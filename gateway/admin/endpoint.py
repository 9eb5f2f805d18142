"""How each management endpoint runs: identify -> parse/decide -> work -> audit -> respond, as
the proxy does (gateway/proxy.py), so that every call is one audit event, allowed or refused."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import Response as HttpResponse

from policies.routes import RouteMatch

from ..bodies import bounded_body
from ..exchange import Exchange, Failure, Response
from ..exchange import Request as ExRequest
from ..forwarded import PROXY_KEY
from ..proxy import error_response, run_audit
from ..settings import ServerSettings
from ..stages.authorize import decide_action

if TYPE_CHECKING:
    from ..app import Gateway

log = logging.getLogger(__name__)
Work = Callable[[Exchange], Awaitable[None]]
# (request, route name, policy resource, policy action, work) -> the answer.
Runner = Callable[[Request, str, str, str, Work], Awaitable[HttpResponse]]
_JSON = [(b"content-type", b"application/json; charset=utf-8"), (b"cache-control", b"no-store")]


def ok(ex: Exchange, payload: dict[str, Any], status: int = 200) -> None:
    ex.response = Response(status, list(_JSON), json.dumps(payload, ensure_ascii=False).encode("utf-8"))


async def _read_request(ex: Exchange, request: Request, server: ServerSettings) -> None:
    """The body within the proxy's limits; a refusal is set on the exchange and audited like
    any other."""
    body = await bounded_body(request, server)
    if isinstance(body, Failure):
        ex.fail(body.status, body.code, body.message, body.message_zh)
    else:
        ex.request.body = body


class Endpoints:
    """What every endpoint module uses: `run` one call, and whether the policy `permits` it."""

    def __init__(self, gateway: Gateway) -> None:
        self.gateway = gateway

    def permitted(self, ex: Exchange, target: str) -> bool:
        return decide_action(self.gateway.policy, ex, target, "无权执行该管理操作")

    async def run(self, request: Request, name: str, resource: str, action: str, work: Work) -> HttpResponse:
        """identify -> parse/decide -> work -> audit -> respond, as the proxy does."""
        gateway = self.gateway
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

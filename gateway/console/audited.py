"""One audited console action: session (or login credential) -> policy -> work -> audit.

The same steps as the admin endpoints' `Endpoints.run` in gateway/admin/endpoint.py, with two differences the
browser imposes: after login the principal comes from the signed session cookie instead of a
header, and the answer is an HTML page. The form body is never handed to the audit stage
(an officer types ID numbers and comments into it); what the event needs from the action is
put in `Exchange.console` explicitly, and the audit stage redacts the comment.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from fastapi import Request
from fastapi.responses import Response as HttpResponse

from policies.routes import RouteMatch

from ..exchange import Exchange, Principal, Response
from ..exchange import Request as ExRequest
from ..forwarded import PROXY_KEY
from ..proxy import run_audit
from ..stages.authorize import decide_action
from .pages import Pages

if TYPE_CHECKING:
    from ..app import Gateway

log = logging.getLogger(__name__)
RESOURCE = "console"
Work = Callable[[Exchange], Awaitable[None]]
# No inline script or style, nothing from elsewhere, not framable, no referrer to leak a path.
_HTML = [
    (b"content-type", b"text/html; charset=utf-8"),
    (b"cache-control", b"no-store"),
    (b"content-security-policy", b"default-src 'self'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
]


def page(body: str) -> HttpResponse:
    """A page answered outside an audited action (an empty form), with the same headers: a form
    page is framable (clickjacking on its buttons) unless it says otherwise like the others."""
    response = HttpResponse(body.encode("utf-8"), status_code=200)
    for key, value in _HTML:
        response.headers[key.decode("latin-1")] = value.decode("latin-1")
    return response


def html(ex: Exchange, body: str, status: int = 200, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    ex.response = Response(status, [*_HTML, *(extra or [])], body.encode("utf-8"))


def new_exchange(request: Request) -> Exchange:
    client = request.client
    return Exchange(
        ExRequest(
            request.method,
            request.url.path,
            request.url.query.encode("latin-1"),
            [],  # the cookie and the login credential stay out of the exchange
            client.host if client else "",
            client.port if client else 0,
            request.url.scheme,
            proxy_ip=request.scope.get(PROXY_KEY, ""),
        )
    )


class Runner:
    def __init__(self, gateway: Gateway, pages: Pages) -> None:
        self._gateway = gateway
        self._pages = pages

    def permitted(self, ex: Exchange) -> bool:
        """casbin decides (resource `console`), as for every other access."""
        return decide_action(self._gateway.policy, ex, "", "无权使用安全审计控制台")

    async def run(
        self,
        ex: Exchange,
        name: str,
        action: str,
        principal: Principal | None,
        work: Work,
        session_user: str = "",
    ) -> HttpResponse:
        """Decide, do the work, audit, answer. `principal` None: the exchange already failed
        (or identification below has set one)."""
        if principal is not None:
            ex.principal = principal
        if ex.route is None:
            ex.route = RouteMatch(name, RESOURCE, action, {}, ex.request.raw_path)
        try:
            if not ex.done and self.permitted(ex):
                await work(ex)
        except Exception:
            log.exception("console action %s failed for request %s", name, ex.request_id)
            ex.response = None
            ex.fail(500, "internal_error", "the gateway failed to process the request", "网关内部错误")
        await run_audit(self._gateway.audit, ex)
        if ex.failure is not None or ex.response is None:
            failure = ex.failure
            status = failure.status if failure else 500
            message = failure.message_zh if failure else "网关内部错误"
            body = self._pages.render(
                "refused.html", status=status, message=message, request_id=ex.request_id, user=session_user
            )
            out = Response(status, list(_HTML), body.encode("utf-8"))
        else:
            out = ex.response
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in out.headers]
        response = HttpResponse(out.body, status_code=out.status)
        for key, value in headers:
            response.headers.append(key, value)
        response.headers["x-request-id"] = ex.request_id
        return response

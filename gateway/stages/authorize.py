"""Stage 2: may this principal do this to this resource? Decided before the upstream is reached."""

from __future__ import annotations

from policies.enforcer import PolicyEnforcer
from policies.routes import PathError, RouteTable, canonical_path

from ..exchange import Exchange

# Headers some frameworks honour to change the method after the gateway decided on it.
METHOD_OVERRIDE_HEADERS = frozenset({b"x-http-method-override", b"x-http-method", b"x-method-override"})


class Authorize:
    def __init__(self, routes: RouteTable, enforcer: PolicyEnforcer) -> None:
        self._routes = routes
        self._enforcer = enforcer

    async def __call__(self, ex: Exchange) -> None:
        principal = ex.principal
        if principal is None:  # identify failed; nothing to authorize
            return
        if any(name in METHOD_OVERRIDE_HEADERS for name, _ in ex.request.headers):
            ex.fail(
                400,
                "method_override",
                "method-override headers are not accepted",
                "不接受改写请求方法的头部",
            )
            return
        try:
            canonical = canonical_path(ex.request.raw_path)
        except PathError as exc:
            ex.fail(400, "bad_path", str(exc), "请求路径无法规范化")
            return
        route = self._routes.match(ex.request.method, canonical)
        if route is None:
            ex.fail(
                403,
                "unknown_route",
                "no route is configured for this method and path",
                "未登记的接口,默认拒绝",
            )
            return
        ex.route = route
        ex.decision = self._enforcer.decide(
            principal.roles, principal.region, route.target_region, route.resource, route.action
        )
        if not ex.decision.allowed:
            ex.fail(
                403,
                "forbidden",
                f"{route.action} on {route.resource} in region {route.target_region or '-'} is not permitted",
                "无权访问该资源(角色或辖区不符)",
            )

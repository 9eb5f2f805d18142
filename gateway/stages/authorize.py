"""Stage 2: may this principal do this to this resource? Decided before the upstream is reached.

Order: a second Host header, method-override refusals, a body on GET/HEAD/OPTIONS, a compressed body, query
refusals, path canonicalisation, route match, then policies.decide.before_upstream
(separation of duties, casbin, time window), then the region parameters of a region route
(scope.py), then the purpose of use for writes, then the self-approval check for approval
routes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import chain

from classifiers.catalog import Catalog
from policies.bundle import PolicyBundle, PolicyStore
from policies.conditions import Verdict
from policies.crypto import RELEASE_REGION
from policies.decide import before_upstream
from policies.routes import PathError, RouteMatch, canonical_path

from ..exchange import SAFE_METHODS, Exchange
from ..media import content_coding, parse_content_type
from ..types import Headers
from .approval import Forwarder, actor_verdict, self_approval_verdict
from .jsonbody import request_json
from .query import QueryError, check_form, check_json, check_multipart, check_query, form_body, json_type
from .redact import FORM
from .scope import header_regions, named_regions, outside_region

# Headers some frameworks honour to change the method after the gateway decided on it.
METHOD_OVERRIDE_HEADERS = frozenset({b"x-http-method-override", b"x-http-method", b"x-method-override"})
Clock = Callable[[], dt.datetime]
_MAX_REMEMBERED_ROUTES = 4096


def _content_types(headers: Headers) -> list[str]:
    """The request's Content-Type lines (a second line may be the one the upstream reads)."""
    return [value.decode("latin-1") for name, value in headers if name == b"content-type"]


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def refuse(ex: Exchange, verdict: Verdict) -> None:
    ex.condition_failed = verdict.condition
    ex.fail(verdict.status, verdict.code, verdict.message, verdict.message_zh)


def decide_action(store: PolicyStore, ex: Exchange, target: str, denied_zh: str) -> bool:
    """casbin and the conditions decide one of the gateway's own actions (admin endpoints, the
    console) named by ex.route, as for every proxied access; `target` is the region acted on
    ("" for none). A refusal is set on the exchange."""
    principal, route = ex.principal, ex.route
    if principal is None or route is None:
        return False
    if target:
        ex.route = route = RouteMatch(route.name, route.resource, route.action, {"region": target}, route.path)
    store.follow()
    ex.decision, verdict = before_upstream(
        store.current, principal.roles, principal.region, target, route.resource, route.action, dt.datetime.now(dt.UTC)
    )
    if verdict is not None:
        refuse(ex, verdict)
        return False
    if not ex.decision.allowed:
        ex.fail(403, "forbidden", f"{route.action} on {route.resource} is not permitted", denied_zh)
        return False
    return True


class Authorize:
    def __init__(
        self,
        store: PolicyStore,
        forward: Forwarder | None = None,
        max_query_bytes: int = 4096,
        clock: Clock = now_utc,
    ) -> None:
        self._store = store
        self._forward = forward  # for the self-approval lookup; None disables that check
        self._max_query = max_query_bytes
        self._clock = clock
        # (method, raw path) -> route, for the bundle they were matched against: the same
        # paths come again and again, and canonicalising and matching cost more than a lookup.
        self._routes: dict[tuple[str, str], RouteMatch | None] = {}
        self._routes_of: PolicyBundle | None = None
        self._catalog = Catalog.load()

    def _region_key(self, name: str) -> bool:
        """Does a parameter of this name name a region? The catalog's region keys, and the
        routes' own parameter name."""
        if name.casefold() == "region":
            return True
        info = self._catalog.lookup(name)
        return info is not None and info.region

    def _code_only_key(self, name: str) -> bool:
        """A key of region words (areaCode): only a GB/T 2260 code there names a region."""
        if name.casefold() == "region":
            return False
        info = self._catalog.lookup(name)
        return info is not None and info.region_code_only

    def _part_of(self, name: str) -> int:
        """The level of the region a parameter of this name names a part of (sheng, city), 0
        for none."""
        info = self._catalog.lookup(name)
        return info.region_part if info is not None else 0

    def _route(self, bundle: PolicyBundle, method: str, raw_path: str) -> RouteMatch | None:
        """The route of a raw path (PathError if it cannot be canonicalised)."""
        if self._routes_of is not bundle:  # a reload may change the routes
            self._routes, self._routes_of = {}, bundle
        key = (method, raw_path)
        try:
            return self._routes[key]
        except KeyError:
            pass
        route = bundle.routes.match(method, canonical_path(raw_path))
        if len(self._routes) >= _MAX_REMEMBERED_ROUTES:
            self._routes.clear()
        self._routes[key] = route
        return route

    async def __call__(self, ex: Exchange) -> None:
        principal = ex.principal
        if principal is None:  # identify failed; nothing to authorize
            return
        # X_HTTP_Method_Override too: CGI and WSGI servers read "_" as "-".
        if sum(name == b"host" for name, _ in ex.request.headers) > 1:
            # RFC 9112 3.2: answered 400. The gateway forwards the last as X-Forwarded-Host; a
            # server or cache in between may read the first, and build links or keys from it.
            ex.fail(400, "duplicate_host", "a request carries one Host header", "请求只能携带一个 Host 头部,已拒绝")
            return
        if any(name.replace(b"_", b"-") in METHOD_OVERRIDE_HEADERS for name, _ in ex.request.headers):
            ex.fail(400, "method_override", "method-override headers are not accepted", "不接受改写请求方法的头部")
            return
        if ex.request.body and ex.request.method in SAFE_METHODS:
            # A GET's content has no defined meaning (RFC 9110 9.3.1), yet some frameworks
            # read it as parameters (a region code the path never named); it also skips the
            # write checks. CloudFront refuses it too.
            ex.fail(
                400,
                "body_not_allowed",
                f"a {ex.request.method} request must not carry a body",
                f"{ex.request.method} 请求不得携带请求体,已拒绝",
            )
            return
        if ex.request.body and content_coding(ex.request.headers):
            # A compressed body hides its parameters (_method, a region code) from the checks
            # below and its business fields (amount, payee) from the audit event, while an
            # upstream that decompresses request bodies reads them all.
            ex.fail(
                415,
                "request_encoding_unsupported",
                "request bodies with a Content-Encoding are not accepted",
                "不接受压缩编码的请求体,请以未压缩形式发送",
            )
            return
        self._store.follow()  # another worker's reload
        bundle = self._store.current
        try:
            check_query(ex.request.query, self._max_query)
            content_types = _content_types(ex.request.headers) if ex.request.body else []
            body_types = {parse_content_type(value)[0] for value in content_types}
            if FORM in body_types:
                check_form(form_body(ex.request.body, content_types))
            if any(t.startswith("multipart/") for t in body_types):
                check_multipart(ex.request.body)
            if ex.request.body and (not content_types or any(json_type(t) for t in body_types)):
                check_json(request_json(ex).doc)
            route = self._route(bundle, ex.request.method, ex.request.raw_path)
        except QueryError as exc:
            ex.fail(exc.status, exc.code, str(exc), exc.message_zh)
            return
        except PathError as exc:
            ex.fail(400, "bad_path", str(exc), "请求路径无法规范化")
            return
        if route is None:
            ex.fail(403, "unknown_route", "no route is configured for this method and path", "未登记的接口,默认拒绝")
            return
        ex.route = route
        ex.decision, verdict = before_upstream(
            bundle, principal.roles, principal.region, route.target_region, route.resource, route.action, self._clock()
        )
        ex.conditions += [f"hours:{role}" for role, _ in bundle.conditions.hour_windows(principal.roles)]
        if verdict is not None:
            refuse(ex, verdict)
            return
        if not ex.decision.allowed:
            ex.fail(
                403,
                "forbidden",
                f"{route.action} on {route.resource} in region {route.target_region or '-'} is not permitted",
                "无权访问该资源(角色或辖区不符)",
            )
            return
        if route.target_region:
            ex.conditions.append("region_scope")
            named = chain(
                header_regions(ex.request.headers, self._region_key),
                named_regions(
                    ex.request.query,
                    ex.request.body,
                    content_types,
                    self._region_key,
                    ex.request_json,
                    self._part_of,
                ),
            )
            verdict = outside_region(route.target_region, named, self._code_only_key)
            if verdict is not None:
                refuse(ex, verdict)
                return
        if ex.request.method not in SAFE_METHODS:
            ex.conditions.append("purpose")
            verdict = bundle.conditions.check_write(principal.roles, ex.purpose)
            if verdict is not None:
                refuse(ex, verdict)
                return
        rule = bundle.conditions.self_approval
        if rule is not None and self._forward is not None:
            if route.name in rule.actor_fields or route.name in rule.routes:
                ex.conditions.append("self_approval")
            verdict = actor_verdict(rule, ex, route, principal.subject) or await self_approval_verdict(
                rule, self._forward, ex, route, principal.subject
            )
            if verdict is not None:
                refuse(ex, verdict)
                return
        # Ciphertexts released by this exchange are bound to this region (policies/crypto.py).
        RELEASE_REGION.set(route.target_region or principal.region)

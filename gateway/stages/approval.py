"""Nobody approves their own application (不得审批本人经办的申请).

Before an approval route is forwarded, the case is read from the upstream through the same
pooled client (the Forward stage, with the caller's identity headers) and its creator is
compared with the caller. Write bodies must also name the caller as the actor (operator /
approver), otherwise a caseworker could file an application under a colleague's name and
approve it later. Anything that cannot be verified is refused: this check fails closed.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from policies.conditions import SelfApproval, Verdict
from policies.routes import RouteMatch

from ..exchange import Exchange, Request, account_name
from .jsonbody import JsonObject, request_json

Forwarder = Callable[[Exchange], Awaitable[None]]


def _verdict(code: str, message: str, message_zh: str) -> Verdict:
    return Verdict("self_approval", 403, code, message, message_zh)


def actor_verdict(rule: SelfApproval, ex: Exchange, route: RouteMatch, subject: str) -> Verdict | None:
    field = rule.actor_fields.get(route.name)
    if field is None:
        return None
    doc = request_json(ex).doc
    # Every occurrence: a field sent twice ({"approver": "wangfang", "approver": "zhangwei"})
    # is read as the first by one parser, the last by another.
    actors = [value for key, value in doc if key == field] if isinstance(doc, JsonObject) else []
    if not actors or any(actor != subject for actor in actors):
        return _verdict(
            "actor_mismatch",
            f"the request body's {field!r} must be the caller ({subject})",
            f"请求中的经办/审批人({field})必须为本人",
        )
    return None


async def self_approval_verdict(
    rule: SelfApproval, forward: Forwarder, ex: Exchange, route: RouteMatch, subject: str
) -> Verdict | None:
    if route.name not in rule.routes:
        return None
    try:
        path = rule.lookup.format(**route.params)
    except KeyError as exc:
        raise RuntimeError(f"self_approval.lookup needs route parameter {exc}") from None
    lookup = Exchange(
        Request("GET", path, b"", [], ex.request.client_ip, ex.request.client_port, ex.request.scheme),
        request_id=ex.request_id,  # the upstream sees the same request id for both calls
        principal=ex.principal,
        route=RouteMatch(f"{route.name}.lookup", route.resource, "read", route.params, path),
    )
    await forward(lookup)
    if lookup.upstream_stream is not None:
        lookup.upstream_stream.close()
    upstream = lookup.upstream
    if lookup.failure is not None or upstream is None or upstream.status != 200:
        return _verdict(
            "self_approval_unverifiable",
            "the case could not be read to check who filed it; approval refused",
            "无法核实申请经办人,审批已拒绝",
        )
    try:
        owner = json.loads(upstream.body).get(rule.owner_field)
    except (ValueError, UnicodeDecodeError, AttributeError):
        owner = None
    if not isinstance(owner, str):
        return _verdict(
            "self_approval_unverifiable",
            f"the case carries no {rule.owner_field!r}; approval refused",
            "无法核实申请经办人,审批已拒绝",
        )
    # Compared as user names: when in doubt the approval is refused, never allowed.
    if account_name(owner) == account_name(subject):
        return _verdict("self_approval", "nobody may approve a case they filed", "不得审批本人经办的申请")
    return None

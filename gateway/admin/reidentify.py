"""POST <prefix>/reidentify: the clear value of one `enc:`/`sm4:` ciphertext, for a caller the
policy allows (resource `personal_data`, action `reidentify`), with a declared purpose, within
the role's daily limit. The clear value leaves as important data; the event names whose it was
by token, never the value."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.responses import Response as HttpResponse

from classifiers.levels import DataLevel
from policies.conditions import Verdict
from policies.crypto import CryptoError, OneWayToken

from ..exchange import Exchange, account_name
from ..stages.authorize import now_utc, refuse
from .endpoint import Endpoints, ok

if TYPE_CHECKING:
    from ..app import Gateway

PURPOSE_REQUIRED = Verdict(
    "purpose",
    403,
    "purpose_required",
    "re-identification requires a declared purpose of use (X-Purpose-Of-Use)",
    "还原须声明使用目的(X-Purpose-Of-Use)",
)


def _revealed(gateway: Gateway, ex: Exchange, clear: str) -> None:
    """Whose value it was, as the tokens reads and writes carry (never the value): the trail
    must answer "whose card did this reviewer reveal?" as it answers who read a person."""
    person = gateway.business.person_token(clear)
    account = None if person else gateway.business.account_token(clear)
    if person:
        ex.person_tokens = (person,)
    ex.business = {"step": "reidentify"} | ({"person_token": person} if person else {})
    if account:
        ex.business["account_token"] = account


async def _within_daily_limit(gateway: Gateway, ex: Exchange) -> bool:
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


def mount(admin: FastAPI, endpoints: Endpoints, prefix: str) -> None:
    gateway = endpoints.gateway

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
            if not endpoints.permitted(ex, region):
                return
            if not ex.purpose:
                refuse(ex, PURPOSE_REQUIRED)
                return
            if not await _within_daily_limit(gateway, ex):
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
            _revealed(gateway, ex, clear)
            ok(ex, {"value": clear, "region": region})

        return await endpoints.run(request, "admin.reidentify", "personal_data", "reidentify", work)

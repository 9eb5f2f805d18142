"""A JSON request body is parsed once, for every check that reads it (gateway/stages/jsonbody.py)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from gateway.exchange import Exchange, Principal, Request, Response
from gateway.stages.approval import actor_verdict
from gateway.stages.authorize import Authorize
from gateway.stages.business import Business
from policies.bundle import PolicyFiles, PolicyStore
from policies.keys import Pseudonymizer
from policies.routes import RouteMatch

CASEWORKER = Principal("zhangwei", "person", ("caseworker",), "610902", "汉滨区民政局", "api_key", "cw")
AUTHORIZE = Authorize(PolicyStore(PolicyFiles()))
BUSINESS = Business(Pseudonymizer(bytes(range(32))))
RULE = PolicyStore(PolicyFiles()).current.conditions.self_approval


def _apply(body: bytes) -> Exchange:
    headers = [(b"content-type", b"application/json"), (b"x-purpose-of-use", "救助审核".encode())]
    ex = Exchange(Request("POST", "/api/v1/regions/610902/cases", b"", headers, "127.0.0.1", 40000, "http", body))
    ex.principal = CASEWORKER
    ex.purpose = "救助审核"
    return ex


def _parses(monkeypatch: pytest.MonkeyPatch, body: bytes) -> tuple[Exchange, int]:
    """The exchange after authorize, the actor check and the business stage, and how often
    the body was parsed."""
    parses = 0
    loads = json.loads

    def counting(text: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal parses
        parses += text == body
        return loads(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", counting)
    ex = _apply(body)
    asyncio.run(AUTHORIZE(ex))  # without a forwarder: the approval checks are not run there
    if ex.failure is None and RULE is not None:
        route = RouteMatch("case.apply", "case", "apply", {"region": "610902"}, ex.request.raw_path)
        verdict = actor_verdict(RULE, ex, route, CASEWORKER.subject)
        if verdict is not None:
            ex.fail(verdict.status, verdict.code, verdict.message, verdict.message_zh)
    if ex.failure is None:
        ex.upstream = Response(201, [(b"content-type", b"application/json")], b'{"regionCode": "610902001"}')
        asyncio.run(BUSINESS(ex))
    monkeypatch.undo()
    return ex, parses


def test_a_json_write_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """check_json (for _method), the region check (with its own pair hook), the actor check
    and the business stage each parsed the body: four parses of a JSON application."""
    body = json.dumps({"personId": "P1", "program": "linshi", "amount": 300, "operator": "zhangwei"}).encode()
    ex, parses = _parses(monkeypatch, body)
    assert ex.failure is None, ex.failure
    assert parses == 1
    assert ex.business is not None and ex.business["amount"] == 300 and ex.business["operator_verified"] is True


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b'{"personId": "P1", "_method": "DELETE"}', "method_override"),
        (b'{"regionCode": "610921", "regionCode": "610902"}', "region_parameter_outside"),  # either may be read
        (b'{"regionCode": "610902", "regionCode": "610921"}', "region_parameter_outside"),
        (b"{'regionCode': '610921'}", "region_parameter_outside"),  # no JSON: cannot be judged
    ],
)
def test_each_check_still_reads_the_one_parse(monkeypatch: pytest.MonkeyPatch, body: bytes, code: str) -> None:
    ex, parses = _parses(monkeypatch, body)
    assert ex.failure is not None and ex.failure.code == code
    assert parses == 1


def test_the_business_fields_are_the_last_of_a_key_sent_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    """As json.loads read them before: the region check sees both, the business stage the last."""
    ex, _ = _parses(monkeypatch, b'{"personId": "P1", "amount": 100, "amount": 300, "operator": "zhangwei"}')
    assert ex.business is not None and ex.business["amount"] == 300


@pytest.mark.parametrize(
    ("body", "refused"),
    [
        (b'{"personId": "P1", "operator": "zhangwei"}', False),
        (b'{"personId": "P1", "operator": "wangfang"}', True),
        # Sent twice: an upstream reading the first files the case under wangfang's name.
        (b'{"personId": "P1", "operator": "wangfang", "operator": "zhangwei"}', True),
        (b'{"personId": "P1", "operator": "zhangwei", "operator": "wangfang"}', True),
        (b'{"personId": "P1"}', True),
        (b"", True),
    ],
)
def test_the_actor_named_in_a_write_is_the_caller_in_every_occurrence(body: bytes, refused: bool) -> None:
    """The actor check read the body with json.loads, where the last of a field sent twice wins:
    {"operator": "wangfang", "operator": "zhangwei"} passed as zhangwei's own application."""
    assert RULE is not None
    ex = _apply(body)
    route = RouteMatch("case.apply", "case", "apply", {"region": "610902"}, ex.request.raw_path)
    verdict = actor_verdict(RULE, ex, route, CASEWORKER.subject)
    assert (verdict.code if verdict is not None else None) == ("actor_mismatch" if refused else None)


@pytest.mark.parametrize("approver", ["wangfang", "ＷａｎｇＦａｎｇ", "Wang\u200bFang", "WangFang ", "\ufeffWangFang"])
def test_the_approver_in_the_body_is_the_callers_id_as_presented(approver: str) -> None:
    """The body is what the upstream records as the approver: only the caller's subject exactly
    as presented is accepted there, so no spelling of it reaches the trail as another person;
    the case's creator is compared as a user name (tests/e2e/test_upstream_behaviour.py)."""
    assert RULE is not None
    reviewer = Principal("WangFang", "person", ("reviewer",), "610902", "汉滨区民政局", "jwt", "idp")
    body = json.dumps({"approver": approver}, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json")]
    path = "/api/v1/regions/610902/cases/C1/approve"
    ex = Exchange(Request("POST", path, b"", headers, "127.0.0.1", 40000, "http", body))
    ex.principal = reviewer
    route = RouteMatch("case.approve", "case", "approve", {"region": "610902", "caseId": "C1"}, path)
    verdict = actor_verdict(RULE, ex, route, reviewer.subject)
    assert (verdict.code if verdict is not None else None) == "actor_mismatch"
    ex.request_json = None
    ex.request = Request("POST", path, b"", headers, "127.0.0.1", 40000, "http", b'{"approver": "WangFang"}')
    assert actor_verdict(RULE, ex, route, reviewer.subject) is None

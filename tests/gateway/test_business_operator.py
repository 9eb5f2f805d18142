"""Whether the acting official in an audit event is the authenticated caller or only a name the
caller sent (`minguard.business.operator_verified`), through the business and audit stages
into the audit index's strict mapping."""

from __future__ import annotations

import asyncio
import gzip
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from opensearchpy import OpenSearch

from audit.detection import reference
from audit.opensearch import index_for, index_template
from audit.spool import Spool
from classifiers.inspect import Inspector
from gateway.exchange import Exchange, Principal, Request, Response
from gateway.stages.audit import Audit
from gateway.stages.business import Business
from policies.enforcer import Decision
from policies.keys import Pseudonymizer
from policies.masking import load_profiles
from policies.routes import RouteMatch
from support.synth_people import make_id

INSPECTOR = Inspector()
STRICT = load_profiles().get("strict")
SERVICE = Principal("svc-payment", "service", ("service_payment",), "6109", "市民政局", "api_key", "payment-service")
REVIEWER = Principal("lina", "person", ("reviewer",), "610902", "汉滨区民政局", "api_key", "rv")


def _write(principal: Principal, route: str, resource: str, action: str, path: str, body: dict[str, Any]) -> Exchange:
    ex = Exchange(Request("POST", path, b"", [], "127.0.0.1", 40000, "http", json.dumps(body).encode()))
    ex.principal = principal
    ex.route = RouteMatch(route, resource, action, {"region": "610902", "caseId": "C1", "personId": "P1"}, path)
    ex.decision = Decision(True, f"{principal.roles[0]}, {resource}, {action}, allow", "test", "allow")
    ex.upstream = Response(201, [(b"content-type", b"application/json")], b"{}")
    ex.response = Response(201, [], b"{}")
    ex.inspection = INSPECTOR.inspect(b"{}", "application/json", None, STRICT)
    return ex


def _audited(tmp_path: Path, exchanges: list[Exchange]) -> list[dict[str, Any]]:
    spool = Spool(tmp_path, "gw", 1 << 20, 1 << 20)
    spool.open()
    business = Business(Pseudonymizer(bytes(range(32))))
    audit = Audit(spool, INSPECTOR, STRICT)

    async def run() -> None:
        for ex in exchanges:
            await business(ex)
            await audit(ex)

    asyncio.run(run())
    lines = [line for path in sorted(spool.directory.glob("*.jsonl")) for line in path.read_text().splitlines()]
    spool.close()
    return [e for e in map(json.loads, lines) if e["event"]["kind"] == "event"]


def _exchanges() -> list[Exchange]:
    return [
        # The payment service names an official: it cannot be checked, only recorded as claimed.
        _write(
            SERVICE,
            "case.pay",
            "payment",
            "pay",
            "/api/v1/regions/610902/cases/C1/payments",
            {"period": "2026-11", "amount": 100, "operator": "wangfang"},
        ),
        _write(
            SERVICE,
            "person.bank_account",
            "person",
            "update",
            "/api/v1/regions/610902/persons/P1/bank-account",
            {"bankCard": "6222020200112233445", "operator": "wangfang"},
        ),
        # An approval names its caller (authorize refuses any other approver).
        _write(
            REVIEWER, "case.approve", "case", "approve", "/api/v1/regions/610902/cases/C1/approve", {"approver": "lina"}
        ),
        # A payment naming nobody: the service itself acted.
        _write(SERVICE, "case.pay", "payment", "pay", "/api/v1/regions/610902/cases/C1/payments", {"amount": 100}),
    ]


def test_an_operator_named_by_the_payment_service_is_recorded_as_unverified(tmp_path: Path) -> None:
    events = _audited(tmp_path, _exchanges())
    recorded = [
        (
            e["minguard"]["business"]["step"],
            e["minguard"]["business"]["operator"],
            e["minguard"]["business"]["operator_verified"],
        )
        for e in events
    ]
    assert recorded == [
        ("pay", "wangfang", False),
        ("bank_account", "wangfang", False),
        ("approve", "lina", True),
        ("pay", "svc-payment", True),
    ]


@pytest.mark.opensearch
def test_the_audit_index_accepts_operator_verified(tmp_path: Path, opensearch: OpenSearch) -> None:
    """The audit mapping is strict: an unmapped field would refuse the whole event."""
    prefix = f"mgtest-operator-{uuid.uuid4().hex[:8]}"
    opensearch.indices.put_index_template(name=prefix, body=index_template(prefix))
    try:
        for event in _audited(tmp_path, _exchanges()[:1]):
            opensearch.index(index=index_for(prefix, event["@timestamp"]), id=event["event"]["id"], body=event)
        opensearch.indices.refresh(index=f"{prefix}-*")
        query = {"query": {"term": {"minguard.business.operator_verified": False}}}
        assert opensearch.count(index=f"{prefix}-*", body=query)["count"] == 1
    finally:
        opensearch.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=prefix, ignore=[404])


def test_a_compressed_answer_still_gives_its_tokens(tmp_path: Path) -> None:
    """An upstream may compress though the gateway asks for identity: the event must not lose
    the person and account tokens that fund-diversion rules join on."""
    answer = {"caseId": "C1", "payeeIdNumber": make_id(), "payeeBankCard": "6222021234567890128"}
    plain = _write(SERVICE, "case.pay", "payment", "pay", "/api/v1/regions/610902/cases/C1/payments", {})
    plain.upstream = Response(201, [(b"content-type", b"application/json")], json.dumps(answer).encode())
    packed = _write(SERVICE, "case.pay", "payment", "pay", "/api/v1/regions/610902/cases/C1/payments", {})
    packed.upstream = Response(
        201,
        [(b"content-type", b"application/json"), (b"content-encoding", b"gzip")],
        gzip.compress(json.dumps(answer).encode()),
    )
    # Content-Encoding on two lines is one list (RFC 9110 5.3): gzip twice.
    twice = _write(SERVICE, "case.pay", "payment", "pay", "/api/v1/regions/610902/cases/C1/payments", {})
    twice.upstream = Response(
        201,
        [(b"content-type", b"application/json"), (b"content-encoding", b"gzip"), (b"content-encoding", b"gzip")],
        gzip.compress(gzip.compress(json.dumps(answer).encode())),
    )
    first, second, third = (e["minguard"]["business"] for e in _audited(tmp_path, [plain, packed, twice]))
    assert first["person_token"] and first["account_token"]
    assert (second["person_token"], second["account_token"]) == (first["person_token"], first["account_token"])
    assert (third["person_token"], third["account_token"]) == (first["person_token"], first["account_token"])


def test_the_account_paid_is_the_upstreams_not_a_card_the_request_names(tmp_path: Path) -> None:
    """A payment body naming a decoy card, to an upstream that ignores unknown fields: the event
    must carry the token of the card the system of record paid."""
    paid, decoy = "6222021234567890128", "6217000010000000007"
    ex = _write(SERVICE, "case.pay", "payment", "pay", "/api/v1/regions/610902/cases/C1/payments", {"bankCard": decoy})
    ex.upstream = Response(201, [(b"content-type", b"application/json")], json.dumps({"payeeBankCard": paid}).encode())
    (event,) = _audited(tmp_path, [ex])
    business = Business(Pseudonymizer(bytes(range(32))))
    assert event["minguard"]["business"]["account_token"] == business.account_token(paid)


# One person, one history: the trail keys a caller by the subject folded as the daily quota
# folds it (user.id), and keeps the subject as presented (minguard.principal.subject).
# The same official, once by an API key and once by a token whose issuer spells the login otherwise.
BY_KEY = Principal("zhangwei", "person", ("caseworker",), "610902", "汉滨区民政局", "api_key", "cw")
BY_TOKEN = Principal("ZhangWei", "person", ("reviewer",), "610902", "汉滨区民政局", "jwt", "idp")
APPLY = ("case.apply", "case", "apply", "/api/v1/regions/610902/cases")
APPROVE = ("case.approve", "case", "approve", "/api/v1/regions/610902/cases/C1/approve")


def _events(tmp_path: Path) -> list[dict[str, object]]:
    return _audited(
        tmp_path,
        [
            _write(BY_KEY, *APPLY, {"operator": "ZhangWei", "program": "dibao", "amount": 300}),
            _write(BY_TOKEN, *APPROVE, {"approver": "zhangwei"}),
        ],
    )


def test_one_official_is_one_user_id_whatever_the_spelling(tmp_path: Path) -> None:
    """ZhangWei and zhangwei were two users to the trail and the detection rules (bulk access,
    repeated denials, the same official applying and approving one case), while the daily
    quota already counted them as one."""
    events = _events(tmp_path)
    assert [e["user"]["id"] for e in events] == ["zhangwei", "zhangwei"]  # type: ignore[index]
    assert [e["minguard"]["principal"]["subject"] for e in events] == ["zhangwei", "ZhangWei"]  # type: ignore[index]
    business = [e["minguard"]["business"] for e in events]  # type: ignore[index]
    assert [(b["operator"], b["operator_verified"]) for b in business] == [("zhangwei", True), ("zhangwei", True)]


def test_the_staff_register_is_keyed_as_operators_are() -> None:
    rows = [{"staff_id": "WangFang", "region": "610902", "household_id": "", "address": "", "bank_card": ""}]
    (doc,) = reference.staff_documents(rows, Business(Pseudonymizer(bytes(range(32))))).values()
    assert doc["staff_id"] == "wangfang"


@pytest.mark.opensearch
def test_the_audit_index_accepts_the_subject_as_presented(tmp_path: Path, opensearch: OpenSearch) -> None:
    """The audit mapping is strict: an unmapped field would refuse the whole event."""
    prefix = f"mgtest-userid-{uuid.uuid4().hex[:8]}"
    opensearch.indices.put_index_template(name=prefix, body=index_template(prefix))
    try:
        for event in _events(tmp_path):
            opensearch.index(index=index_for(prefix, event["@timestamp"]), id=event["event"]["id"], body=event)  # type: ignore[arg-type,index]
        opensearch.indices.refresh(index=f"{prefix}-*")
        assert opensearch.count(index=f"{prefix}-*", body={"query": {"term": {"user.id": "zhangwei"}}})["count"] == 2
        query = {"query": {"term": {"minguard.principal.subject": "ZhangWei"}}}
        assert opensearch.count(index=f"{prefix}-*", body=query)["count"] == 1
    finally:
        opensearch.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=prefix, ignore=[404])

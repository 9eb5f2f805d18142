"""The business fields of write operations: tokens only, never raw identifiers."""

from __future__ import annotations

import asyncio
import json

import pytest

from gateway.exchange import Exchange, Principal, Request, Response
from gateway.stages.business import Business
from policies.keys import Pseudonymizer
from policies.routes import RouteMatch

ID_NUMBER = "11010519491231002X"  # the standard's worked example: synthetic
CARD = "6222021234567890128"
KEY = bytes(range(32))


def _exchange(route: str, params: dict[str, str], body: dict[str, object], answer: dict[str, object]) -> Exchange:
    ex = Exchange(Request("POST", "/x", b"", [], "127.0.0.1", 1, "http", json.dumps(body).encode()))
    ex.principal = Principal("zhangwei", "person", ("caseworker",), "610902", "org", "api_key", "k")
    ex.route = RouteMatch(route, "case", "create", params, "/x")
    ex.upstream = Response(201, [(b"content-type", b"application/json")], json.dumps(answer).encode())
    return ex


def test_apply_yields_program_amount_case_operator_and_person_token() -> None:
    stage = Business(Pseudonymizer(KEY))
    ex = _exchange(
        "case.apply",
        {"region": "610902"},
        {"personId": "P1", "program": "dibao", "amount": 650, "operator": "zhangwei"},
        {"caseId": "C61090200001", "applicantIdNumber": ID_NUMBER, "regionCode": "610902001001", "program": "dibao"},
    )
    asyncio.run(stage(ex))
    assert ex.business == {
        "step": "apply",
        "operator": "zhangwei",
        "operator_verified": True,  # the caller itself (authorize refuses any other operator)
        "case_id": "C61090200001",
        "program": "dibao",
        "amount": 650.0,
        "region": "610902001001",
        "county": "610902",
        "person_token": Pseudonymizer(KEY).token(ID_NUMBER),
        "upstream_status": 201,
    }
    assert ID_NUMBER not in json.dumps(ex.business)


def test_bank_account_change_tokenises_card_apart_from_id_numbers() -> None:
    stage = Business(Pseudonymizer(KEY))
    ex = _exchange(
        "person.bank_account",
        {"region": "610902", "personId": "P1"},
        {"bankCard": CARD, "operator": "wangfang"},
        {"idNumber": ID_NUMBER, "bankCard": CARD},
    )
    fields = stage.extract(ex)
    assert fields is not None
    assert fields["operator"] == "wangfang" and fields["step"] == "bank_account"
    assert fields["operator_verified"] is False  # named by the caller (zhangwei), not the caller
    assert fields["account_token"] == Pseudonymizer(KEY).token("bank_card:" + CARD) != Pseudonymizer(KEY).token(CARD)
    assert CARD not in json.dumps(fields)


def test_pay_reads_case_from_path_and_payee_from_answer() -> None:
    ex = _exchange(
        "case.pay",
        {"region": "610902", "caseId": "C1"},
        {"period": "2026-03", "amount": 600, "operator": "svc-payment"},
        {"paymentId": "PM1", "payeeBankCard": CARD, "amount": 600},
    )
    fields = Business(Pseudonymizer(KEY)).extract(ex)
    assert fields is not None
    assert (fields["case_id"], fields["period"], fields["amount"]) == ("C1", "2026-03", 600.0)
    assert "account_token" in fields and "person_token" not in fields


def test_reads_garbage_and_encoded_bodies_leave_fewer_fields() -> None:
    stage = Business(Pseudonymizer(KEY))
    read = _exchange("person.read", {"region": "610902"}, {}, {})
    assert stage.extract(read) is None
    ex = _exchange("case.approve", {"region": "610902", "caseId": "C1"}, {}, {})
    ex.request.body = b"\xff not json"
    assert ex.upstream is not None
    ex.upstream = Response(200, [(b"content-encoding", b"gzip")], b"\x1f\x8b")
    assert stage.extract(ex) == {
        "step": "approve",
        "operator": "zhangwei",
        "operator_verified": True,
        "case_id": "C1",
        "upstream_status": 200,
    }
    bad_id = _exchange("case.apply", {}, {}, {"applicantIdNumber": "110105194912310021"})
    assert "person_token" not in (stage.extract(bad_id) or {})


def test_household_address_and_payee_id_become_tokens() -> None:
    ex = _exchange(
        "case.pay",
        {"region": "610902", "caseId": "C1"},
        {"period": "2026-03", "amount": 600, "operator": "svc-payment"},
        {"payeeIdNumber": ID_NUMBER, "householdId": "H61090200020", "address": "汉滨区 1 号", "payeeBankCard": CARD},
    )
    fields = Business(Pseudonymizer(KEY)).extract(ex)
    assert fields is not None
    tokens = Business(Pseudonymizer(KEY))
    assert fields["person_token"] == tokens.person_token(ID_NUMBER)
    assert fields["household_token"] == Pseudonymizer(KEY).token("household:H61090200020")
    assert fields["address_token"] == tokens.address_token("汉滨区１号") != tokens.household_token("汉滨区1号")
    assert "H61090200020" not in json.dumps(fields) and "汉滨" not in json.dumps(fields, ensure_ascii=False)


@pytest.mark.parametrize("amount", [b"1e999", b"-1e999", b"Infinity", b"NaN", b"1" + b"0" * 400])
def test_an_amount_that_is_no_finite_number_is_left_out(amount: bytes) -> None:
    # json reads these as inf, nan or an integer too large for a float; none is an amount,
    # and a non-finite one would make the audit event unencodable.
    ex = _exchange("case.pay", {"region": "610902", "caseId": "C1"}, {}, {"monthlyAmount": 650})
    ex.request.body = b'{"period": "2026-03", "amount": ' + amount + b"}"
    fields = Business(Pseudonymizer(KEY)).extract(ex)
    assert fields is not None and fields["period"] == "2026-03"
    assert fields["amount"] == 650.0  # the upstream's answer, as for a body without an amount
    ex.upstream = Response(201, [], b'{"monthlyAmount": ' + amount + b"}")
    assert "amount" not in (Business(Pseudonymizer(KEY)).extract(ex) or {})


@pytest.mark.parametrize(
    ("region", "county"),
    [("610921100201", "610921"), ("610921", "610921"), ("６１０９２１100201", None), ("6109", None), ("安康市", None)],
)
def test_county_is_the_regions_first_six_ascii_digits(region: str, county: str | None) -> None:
    ex = _exchange("case.approve", {"caseId": "C1"}, {"approver": "zhangwei"}, {"regionCode": region})
    fields = Business(Pseudonymizer(KEY)).extract(ex)
    assert fields is not None and fields.get("county") == county and fields["region"] == region

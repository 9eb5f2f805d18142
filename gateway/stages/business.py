"""The business fields of write operations (apply, approve, pay, change bank account).

Fund-diversion rules (audit/detection) need to know who did what to which case and where the
money goes. The gateway sees the request body (what the caller asked for) and the upstream's
JSON answer (what the system of record did); this stage reads both for the write routes below
and leaves `ex.business`, which the audit stage writes as `minguard.business`.

Identifiers of people and bank accounts are recorded only as keyed tokens (the Pseudonymizer
the inspect stage uses), never in clear: a person's token here equals the one in
`minguard.data.person_tokens`, so writes join with reads. Bank cards are tokenised with the
prefix `bank_card:` so that no card number can ever share a token with an ID number.

The acting official is whatever the body names; `operator_verified` says whether that is the
authenticated caller. For case.apply and case.approve authorize refuses any other name
(`self_approval.actor_fields` in policies/conditions.yaml), so there it is always true. A
payment or an account change is sent by the payment service on an official's behalf: the
official it names is only claimed, and detection rules must not take it for proven.

Runs after inspect (it needs the upstream's answer), for every caller; it never fails the
exchange: a body that is not what is expected just leaves fewer fields.
"""

from __future__ import annotations

import json
import math
from typing import Any

from classifiers.entities import resident_id
from classifiers.normalise import fold
from policies.keys import Pseudonymizer

from ..exchange import Exchange, account_name
from ..media import DecodeError, content_coding, decode_content
from ..types import Headers
from .jsonbody import JsonObject, request_json

# route name -> step, and the body field that names the acting official.
STEPS: dict[str, tuple[str, str]] = {
    "case.apply": ("apply", "operator"),
    "case.approve": ("approve", "approver"),
    "case.pay": ("pay", "operator"),
    "person.bank_account": ("bank_account", "operator"),
}
MAX_BODY = 1 << 20  # larger write bodies are not business forms; left unread


def _json(body: bytes) -> dict[str, Any]:
    if not body or len(body) > MAX_BODY:
        return {}
    try:
        value = json.loads(body)
    except ValueError:  # includes UnicodeDecodeError
        return {}
    return value if isinstance(value, dict) else {}


def _request_fields(ex: Exchange) -> dict[str, Any]:
    """The request body's top-level members (the last of a key sent twice, as json.loads
    reads it), from the parse authorize made (jsonbody.py)."""
    body = ex.request.body
    if not body or len(body) > MAX_BODY:
        return {}
    parsed = request_json(ex)
    return dict(parsed.doc) if isinstance(parsed.doc, JsonObject) else {}


def _decoded(body: bytes, headers: Headers) -> bytes:
    """The answer without its Content-Encoding (the gateway asks for identity, but an upstream
    may compress anyway): a compressed answer must not leave the event without its tokens."""
    encoding = content_coding(headers)
    if not encoding:
        return body
    try:
        return decode_content(body, encoding, MAX_BODY)
    except DecodeError:
        return b""


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _county(region: str | None) -> str | None:
    """The county (区县) of a region code, for rules that compare counties: one person approved
    or paid in two is on two registers (异地重复享受)."""
    head = region[:6] if region else ""
    return head if len(head) == 6 and head.isascii() and head.isdigit() else None


def _amount(value: object) -> float | None:
    # JSON reads 1e999 as infinity and a 400-digit integer exactly: neither is an amount, and
    # an infinite or NaN float cannot be sealed into the audit event at all.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        amount = float(value)
    except OverflowError:
        return None
    return amount if math.isfinite(amount) else None


class Business:
    def __init__(self, pseudonymizer: Pseudonymizer) -> None:
        self._pseudonymizer = pseudonymizer

    def person_token(self, id_number: object) -> str | None:
        if not isinstance(id_number, str):
            return None
        number = resident_id.canonical(id_number)
        return self._pseudonymizer.token(number) if resident_id.validate(number) is True else None

    def account_token(self, card: object) -> str | None:
        if not isinstance(card, str):
            return None
        digits = "".join(c for c in fold(card).text if c.isdigit())
        return self._pseudonymizer.token("bank_card:" + digits) if 12 <= len(digits) <= 19 else None

    def household_token(self, household_id: object) -> str | None:
        # Prefixed like bank cards: a household number can never share a token with anything else.
        text = _text(household_id)
        return self._pseudonymizer.token("household:" + fold(text).text.strip()) if text else None

    def address_token(self, address: object) -> str | None:
        # Folded (full-width → ASCII) and without spaces, so the staff register's spelling matches.
        text = _text(address)
        return self._pseudonymizer.token("address:" + "".join(fold(text).text.split())) if text else None

    async def __call__(self, ex: Exchange) -> None:
        ex.business = self.extract(ex)

    def extract(self, ex: Exchange) -> dict[str, Any] | None:
        route = ex.route
        if route is None or route.name not in STEPS:
            return None
        step, actor_field = STEPS[route.name]
        body = _request_fields(ex)
        upstream = ex.upstream
        answer = _json(_decoded(upstream.body, upstream.headers)) if upstream is not None else {}
        region = _text(answer.get("regionCode"))
        # Keyed as user.id is (folded): detection rules join the operators of one case's steps.
        subject = ex.principal.user_id if ex.principal else None
        claimed = _text(body.get(actor_field))
        operator = (account_name(claimed) if claimed else None) or subject
        fields: dict[str, Any] = {
            "step": step,
            "operator": operator,
            # Verified only when it is the authenticated caller, not a name the caller sent.
            "operator_verified": operator is not None and operator == subject,
            "case_id": _text(route.params.get("caseId")) or _text(answer.get("caseId")),
            "program": _text(body.get("program")) or _text(answer.get("program")),
            "amount": _amount(body.get("amount")) or _amount(answer.get("monthlyAmount")),
            "period": _text(body.get("period")),
            "region": region,
            "county": _county(region),
            "person_token": self.person_token(
                answer.get("applicantIdNumber") or answer.get("idNumber") or answer.get("payeeIdNumber")
            ),
            # The system of record's answer first: a card only the request names may be a decoy
            # an upstream that ignores unknown fields never used.
            "account_token": self.account_token(
                answer.get("payeeBankCard") or answer.get("bankCard") or body.get("bankCard")
            ),
            # The beneficiary's household and address, to compare with the staff register.
            "household_token": self.household_token(answer.get("householdId")),
            "address_token": self.address_token(answer.get("address")),
            "upstream_status": upstream.status if upstream is not None else None,
        }
        return {k: v for k, v in fields.items() if v is not None}

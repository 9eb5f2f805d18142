"""Write routes of the demo upstream: apply, approve, pay, change bank account.

State lives in the app's in-memory Dataset. Handlers are ``async`` on purpose: they run
on the event loop one at a time, so concurrent writes cannot interleave mid-update.
Self-approval is deliberately allowed: spotting it is the gateway's audit job.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.alias_generators import to_camel

from demo import names
from demo.ids import is_luhn_valid, wrong_check_char
from demo.models import PROGRAM_NAMES, Case, Dataset, Payment, to_json
from demo.programs import CASE_PREFIX
from demo.views import Scope, json_response, not_found

CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")  # no DST, so a fixed offset is exact

# [0-9], not \d: pydantic's regex engine treats full-width digits as \d.
Operator = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
Amount = Annotated[float, Field(gt=0, le=100_000)]


class _Body(BaseModel):
    # camelCase on the wire like the responses; unknown fields are an error, not ignored.
    model_config = ConfigDict(alias_generator=to_camel, extra="forbid")


class CaseApplication(_Body):
    person_id: Annotated[str, Field(min_length=1, max_length=32)]
    program: Literal["dibao", "tekun", "linshi"]
    amount: Amount
    operator: Operator


class Approval(_Body):
    approver: Operator


class PaymentOrder(_Body):
    period: Annotated[str, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]
    amount: Amount
    operator: Operator


class BankAccountChange(_Body):
    bank_card: Annotated[str, Field(pattern=r"^[0-9]{16,19}$")]
    bank_name: Annotated[str | None, Field(min_length=2, max_length=40)] = None
    operator: Operator

    @field_validator("bank_card")
    @classmethod
    def _luhn(cls, card: str) -> str:
        if not is_luhn_valid(card):
            raise ValueError("bank card number fails the Luhn check")
        return card


def _bank_of(card: str) -> str:
    return next((bank for bin_, bank, _, _ in names.BANKS if card.startswith(bin_)), "其他银行")


def _serial(district: str, day: dt.date, seq: int) -> str:
    """Same near-miss shape as the seeded serials (see Factory.near_miss_serial)."""
    first17 = f"{district}{day:%Y%m%d}{seq % 1000:03d}"
    return first17 + wrong_check_char(first17, seq)


def write_router(ds: Dataset) -> APIRouter:
    router = APIRouter()
    base = "/regions/{region}"

    def case_in(scope: str, case_id: str) -> Case:
        case = ds.cases.get(case_id)
        if case is None or not case.region_code.startswith(scope):
            raise not_found("case", case_id)
        return case

    @router.post(base + "/cases", status_code=201)
    async def apply(scope: Scope, body: CaseApplication) -> JSONResponse:
        person = ds.persons.get(body.person_id)
        if person is None or not person.region_code.startswith(scope):
            raise not_found("person", body.person_id)
        now = dt.datetime.now(CHINA_TZ)
        district = person.region_code[:6]
        seq = sum(1 for c in ds.cases if c.startswith("C" + district)) + 1
        case = Case(
            case_id=f"C{district}{seq:05d}",
            case_no=f"{CASE_PREFIX[body.program]}{district}{now.year}{seq:05d}",
            serial_no=_serial(district, now.date(), seq),
            program=body.program,
            program_name=PROGRAM_NAMES[body.program],
            status="pending",
            region_code=person.region_code,
            household_id=person.household_id,
            applicant_person_id=person.person_id,
            applicant_name=person.name,
            applicant_id_number=person.id_number,
            monthly_amount=round(body.amount, 2),
            created_by=body.operator,
            created_at=now.date().isoformat(),
            approved_by=None,
            approved_at=None,
        )
        ds.cases[case.case_id] = case
        return json_response(to_json(case), status_code=201)

    @router.post(base + "/cases/{case_id}/approve")
    async def approve(scope: Scope, case_id: str, body: Approval) -> JSONResponse:
        case = case_in(scope, case_id)
        if case.status != "pending":
            raise HTTPException(status_code=409, detail=f"case {case_id} is {case.status}")
        case.status = "approved"
        case.approved_by = body.approver
        case.approved_at = dt.datetime.now(CHINA_TZ).date().isoformat()
        return json_response(to_json(case))

    @router.post(base + "/cases/{case_id}/payments", status_code=201)
    async def pay(scope: Scope, case_id: str, body: PaymentOrder) -> JSONResponse:
        case = case_in(scope, case_id)
        if case.status != "approved":
            raise HTTPException(status_code=409, detail=f"case {case_id} is {case.status}")
        if any(p.case_id == case_id and p.period == body.period for p in ds.payments.values()):
            raise HTTPException(status_code=409, detail=f"case {case_id} already paid for {body.period}")
        payee = ds.persons[case.applicant_person_id]  # the card on file today is paid
        now = dt.datetime.now(CHINA_TZ).replace(microsecond=0)
        district = case.region_code[:6]
        seq = sum(1 for p in ds.payments if p.startswith("PM" + district)) + 1
        payment = Payment(
            payment_id=f"PM{district}{seq:06d}",
            case_id=case_id,
            program=case.program,
            region_code=case.region_code,
            period=body.period,
            amount=round(body.amount, 2),
            payee_name=payee.name,
            payee_id_number=payee.id_number,
            payee_bank_card=payee.bank_card,
            bank_name=payee.bank_name,
            paid_at=now.isoformat(),
            serial_no=_serial(district, now.date(), seq),
            operator=body.operator,
        )
        ds.payments[payment.payment_id] = payment
        return json_response(to_json(payment), status_code=201)

    @router.put(base + "/persons/{person_id}/bank-account")
    async def change_bank_account(scope: Scope, person_id: str, body: BankAccountChange) -> JSONResponse:
        person = ds.persons.get(person_id)
        if person is None or not person.region_code.startswith(scope):
            raise not_found("person", person_id)
        person.bank_card = body.bank_card
        person.bank_name = body.bank_name or _bank_of(body.bank_card)
        return json_response(to_json(person))

    return router

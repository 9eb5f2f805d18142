"""Record types of the demo upstream and their JSON shape (camelCase keys).

Plain dataclasses rather than pydantic models: generating tens of thousands of records
for benchmarks stays cheap, and the app serialises them with :func:`to_json`. Dates are
kept as ISO strings because that is exactly how they travel on the wire.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

PROGRAM_NAMES = {"dibao": "最低生活保障", "tekun": "特困人员救助供养", "linshi": "临时救助"}


@dataclass(slots=True)
class Person:
    person_id: str
    name: str
    gender: str  # "男" / "女"
    birth_date: str  # YYYY-MM-DD
    age: int  # on Dataset.as_of, not today, so the data stays deterministic
    id_number: str  # 18-character resident ID, valid GB 11643 check character
    mobile: str  # minors carry the household head's number, as real registers do
    address: str
    household_id: str
    relation: str  # relation to the household head: 户主, 配偶, 子女, 父母, 孙子女
    region_code: str  # 12-digit village / community code
    disabled: bool
    disability_grade: int | None  # 1 (most severe) .. 4
    disability_type: str | None
    monthly_income: float
    health_condition: str
    bank_card: str  # Luhn-valid, real BIN
    bank_name: str


@dataclass(slots=True)
class Household:
    household_id: str
    region_code: str
    address: str
    area_type: str  # "城镇" for communities, "农村" for villages
    head_person_id: str
    member_ids: list[str]
    per_capita_income: float


@dataclass(slots=True)
class Case:
    """An assistance case (救助案件) of one of the three programs."""

    case_id: str
    case_no: str  # business number, e.g. DB610902202500017: 15 digits, not an old ID
    serial_no: str  # 18 digits that look like an ID number but fail its checksum
    program: str  # dibao / tekun / linshi
    program_name: str
    status: str  # pending / approved / rejected / terminated
    region_code: str
    household_id: str
    applicant_person_id: str
    applicant_name: str
    applicant_id_number: str
    monthly_amount: float  # for linshi: the one-off amount
    created_by: str
    created_at: str
    approved_by: str | None
    approved_at: str | None


@dataclass(slots=True)
class Payment:
    payment_id: str
    case_id: str
    program: str  # the case's: payment rolls (一卡通发放名册) name the 救助类别
    region_code: str
    period: str  # YYYY-MM
    amount: float
    payee_name: str
    payee_id_number: str  # payment files name the payee by ID number (一卡通发放名册)
    payee_bank_card: str
    bank_name: str
    paid_at: str  # ISO date-time, +08:00
    serial_no: str  # bank transaction serial: a near-miss ID number, see Case.serial_no
    operator: str


@dataclass(slots=True)
class Institution:
    uscc: str  # unified social credit code, valid GB 32100 check character
    name: str
    kind: str
    region_code: str


@dataclass(slots=True)
class ElderlyCare:
    record_id: str
    person_id: str
    name: str
    id_number: str
    age: int
    region_code: str
    care_level: str  # GB/T 42195 ability level: 能力完好 .. 完全失能
    care_type: str  # 居家养老 / 社区养老 / 机构养老
    institution_name: str | None
    institution_uscc: str | None
    monthly_subsidy: float
    assessed_at: str


@dataclass(slots=True)
class ChildWelfare:
    record_id: str
    child_person_id: str
    child_name: str
    child_id_number: str
    age: int
    region_code: str
    category: str  # orphan / de_facto_unattended / left_behind / in_difficulty
    category_name: str
    guardian_person_id: str
    guardian_name: str
    guardian_phone: str
    guardian_relation: str
    monthly_subsidy: float
    registered_at: str


@dataclass
class Dataset:
    """Everything the demo upstream serves; dicts keep generation order (= id order)."""

    seed: int
    persons_per_district: int
    as_of: dt.date
    persons: dict[str, Person] = field(default_factory=dict)
    households: dict[str, Household] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    payments: dict[str, Payment] = field(default_factory=dict)
    institutions: list[Institution] = field(default_factory=list)
    elderly_care: list[ElderlyCare] = field(default_factory=list)
    child_welfare: list[ChildWelfare] = field(default_factory=list)


def camel(name: str) -> str:
    """snake_case -> camelCase: ``applicant_id_number`` -> ``applicantIdNumber``."""
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


@functools.cache
def _json_keys(cls: type) -> tuple[tuple[str, str], ...]:
    return tuple((f.name, camel(f.name)) for f in dataclasses.fields(cls))


def to_json(record: DataclassInstance) -> dict[str, Any]:
    """A record as a JSON object with camelCase keys (values are already JSON types)."""
    value = {key: getattr(record, name) for name, key in _json_keys(type(record))}
    # Lists are copied so a caller can't mutate the record through the response.
    return {k: list(v) if isinstance(v, list) else v for k, v in value.items()}

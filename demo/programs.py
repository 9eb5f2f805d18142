"""Programme records derived from the generated households.

Eligibility follows the real rules loosely so that records look plausible together:
特困 for single elderly or severely disabled people without income, 低保 when the
household's per-capita income is under the local standard (the benefit tops it up),
临时救助 now and then for anyone; elderly-care records for people of 60 and over;
child-welfare records for children raised by grandparents or living in 低保 families.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from demo import regions
from demo.ids import org_code_check_char, uscc_check_char
from demo.models import (
    PROGRAM_NAMES,
    Case,
    ChildWelfare,
    Dataset,
    ElderlyCare,
    Household,
    Institution,
    Payment,
    Person,
)

if TYPE_CHECKING:  # generate imports this module, so only import its types for checking
    from demo.generate import Factory

# Monthly 低保 standard per person (yuan); 特困 basic support is 1.3x of it by regulation.
DIBAO_STANDARD = {"城镇": 780.0, "农村": 560.0}
CASE_PREFIX = {"dibao": "DB", "tekun": "TK", "linshi": "LS"}
CARE_LEVELS = ("能力完好", "轻度失能", "中度失能", "重度失能", "完全失能")
CHILD_CATEGORIES = {
    "orphan": ("孤儿", 1500.0),
    "de_facto_unattended": ("事实无人抚养儿童", 1500.0),
    "left_behind": ("农村留守儿童", 0.0),
    "in_difficulty": ("困境儿童", 300.0),
}
MAX_PAYMENT_MONTHS = 6  # seeded payment history per case, ending at the as-of month


def add_programs(factory: Factory, ds: Dataset) -> None:
    """Add institutions, cases, payments, elderly-care and child-welfare records."""
    for district in regions.DISTRICTS:
        ds.institutions.extend(_institutions(factory, district))
    seq: dict[str, int] = {}  # per-district id counters, keyed by id prefix

    def next_id(prefix: str, district: str, width: int = 5) -> str:
        key = prefix + district
        seq[key] = seq.get(key, 0) + 1
        return f"{key}{seq[key]:0{width}d}"

    for household in ds.households.values():
        members = [ds.persons[pid] for pid in household.member_ids]
        programs = _programs_for(factory, household, members)
        for program in programs:
            case = _case(factory, ds, next_id("C", household.region_code[:6]), program, members)
            ds.cases[case.case_id] = case
        _child_welfare(factory, ds, members, "dibao" in programs, next_id)
    for case in ds.cases.values():
        for payment in _payments(factory, ds.as_of, case, ds.persons[case.applicant_person_id]):
            payment.payment_id = next_id("PM", case.region_code[:6], 6)
            ds.payments[payment.payment_id] = payment
    for person in ds.persons.values():
        if person.age >= 60 and factory.rng.random() < 0.4:
            record = _elderly_care(factory, ds, person)
            record.record_id = next_id("E", person.region_code[:6])
            ds.elderly_care.append(record)


def _institutions(factory: Factory, district: str) -> list[Institution]:
    name = regions.DISTRICTS[district]
    # USCC heads: 12 = 事业单位 (public welfare homes), 52 = 民办非企业单位 registered
    # by civil affairs (their org part starts "MJ"), 91 = company ("MA").
    specs = (
        ("12", "", f"{name}社会福利院", "社会福利院"),
        ("12", "", f"{name}中心敬老院", "敬老院"),
        ("52", "MJ", f"{name}颐养养老服务中心", "养老服务中心"),
        ("91", "MA", f"安康{name[:2]}康养服务有限公司", "养老服务中心"),
    )
    rng = factory.rng
    result = []
    for head, org_prefix, inst_name, kind in specs:

        def make(head: str = head, org_prefix: str = org_prefix) -> str:
            body = "".join(rng.choice("0123456789") for _ in range(8 - len(org_prefix)))
            first17 = f"{head}{district}{org_prefix}{body}{org_code_check_char(org_prefix + body)}"
            return first17 + uscc_check_char(first17)

        result.append(Institution(factory.unique(make), inst_name, kind, district))
    return result


def _programs_for(factory: Factory, household: Household, members: list[Person]) -> list[str]:
    rng = factory.rng
    head = members[0]
    standard = DIBAO_STANDARD[household.area_type]
    programs = []
    severely_disabled = head.disability_grade is not None and head.disability_grade <= 2
    if len(members) == 1 and (head.age >= 60 or severely_disabled) and head.monthly_income < 600:
        if rng.random() < 0.75:
            programs.append("tekun")
    elif household.per_capita_income < standard and rng.random() < 0.8:
        programs.append("dibao")
    if rng.random() < 0.06:
        programs.append("linshi")
    return programs


def _case(factory: Factory, ds: Dataset, case_id: str, program: str, members: list[Person]) -> Case:
    rng = factory.rng
    applicant = members[0]
    household = ds.households[applicant.household_id]
    district, township = household.region_code[:6], household.region_code[:9]
    standard = DIBAO_STANDARD[household.area_type]
    if program == "dibao":
        gap = (standard - household.per_capita_income) * len(members)
        amount = max(100.0, float(round(gap, -1)))
    elif program == "tekun":
        amount = float(round(standard * 1.3, -1))
    else:
        amount = float(rng.randrange(500, 5001, 100))
    status = rng.choices(("approved", "pending", "rejected", "terminated"), (76, 10, 7, 7))[0]
    if status == "pending":
        created = factory.date_between(ds.as_of - dt.timedelta(days=60), ds.as_of)
    else:
        created = factory.date_between(dt.date(2023, 1, 1), ds.as_of - dt.timedelta(days=45))
    decided = created + dt.timedelta(days=rng.randint(10, 40))
    approved = status in ("approved", "terminated")
    return Case(
        case_id=case_id,
        case_no=f"{CASE_PREFIX[program]}{district}{created.year}{case_id[-5:]}",
        serial_no=factory.near_miss_serial(district, created),
        program=program,
        program_name=PROGRAM_NAMES[program],
        status=status,
        region_code=household.region_code,
        household_id=household.household_id,
        applicant_person_id=applicant.person_id,
        applicant_name=applicant.name,
        applicant_id_number=applicant.id_number,
        monthly_amount=amount,
        created_by=f"op-{township}-{rng.randint(1, 3):02d}",
        created_at=created.isoformat(),
        approved_by=f"op-{district}-A{rng.randint(1, 2)}" if approved else None,
        approved_at=decided.isoformat() if approved else None,
    )


def _payments(factory: Factory, as_of: dt.date, case: Case, payee: Person) -> list[Payment]:
    """Seeded payment history of an approved case (ids are filled in by the caller)."""
    if case.status != "approved" or case.approved_at is None or case.approved_by is None:
        return []
    rng = factory.rng
    approved = dt.date.fromisoformat(case.approved_at)
    if case.program == "linshi":  # a one-off payment a few days after approval
        days = [min(as_of, approved + dt.timedelta(days=rng.randint(3, 10)))]
    else:  # monthly, from the month after approval, paid between the 10th and 15th
        first = (approved.year * 12 + approved.month) + 1
        last = as_of.year * 12 + as_of.month - 1 if as_of.day < 16 else as_of.year * 12 + as_of.month
        months = range(max(first, last - MAX_PAYMENT_MONTHS + 1), last + 1)
        days = [dt.date((m - 1) // 12, (m - 1) % 12 + 1, rng.randint(10, 15)) for m in months]
    payments = []
    for day in days:
        paid_at = dt.datetime(day.year, day.month, day.day, rng.randint(9, 16), rng.randrange(60))
        payments.append(
            Payment(
                payment_id="",
                case_id=case.case_id,
                program=case.program,
                region_code=case.region_code,
                period=f"{day:%Y-%m}",
                amount=case.monthly_amount,
                payee_name=payee.name,
                payee_id_number=payee.id_number,
                payee_bank_card=payee.bank_card,
                bank_name=payee.bank_name,
                paid_at=paid_at.isoformat() + "+08:00",
                serial_no=factory.near_miss_serial(case.region_code[:6], day),
                operator=case.approved_by,
            )
        )
    return payments


def _elderly_care(factory: Factory, ds: Dataset, person: Person) -> ElderlyCare:
    rng = factory.rng
    if person.age < 75:
        weights = (55, 25, 12, 5, 3)
    elif person.age < 85:
        weights = (30, 30, 20, 12, 8)
    else:
        weights = (12, 25, 25, 20, 18)
    level = rng.choices(CARE_LEVELS, weights)[0]
    severe = level in ("重度失能", "完全失能")
    care_type = rng.choices(("居家养老", "社区养老", "机构养老"), (40, 15, 45) if severe else (75, 15, 10))[0]
    district = person.region_code[:6]
    institution = None
    if care_type != "居家养老":
        kinds = ("养老服务中心",) if care_type == "社区养老" else ("社会福利院", "敬老院")
        options = [i for i in ds.institutions if i.region_code == district and i.kind in kinds]
        institution = rng.choice(options)
    # 高龄津贴 by age band plus a 失能 care allowance.
    subsidy = 300.0 if person.age >= 100 else 200.0 if person.age >= 90 else 100.0 if person.age >= 80 else 0.0
    subsidy += 200.0 if severe else 100.0 if level == "中度失能" else 0.0
    return ElderlyCare(
        record_id="",
        person_id=person.person_id,
        name=person.name,
        id_number=person.id_number,
        age=person.age,
        region_code=person.region_code,
        care_level=level,
        care_type=care_type,
        institution_name=institution.name if institution else None,
        institution_uscc=institution.uscc if institution else None,
        monthly_subsidy=subsidy,
        assessed_at=factory.date_between(ds.as_of - dt.timedelta(days=700), ds.as_of).isoformat(),
    )


def _child_welfare(
    factory: Factory,
    ds: Dataset,
    members: list[Person],
    on_dibao: bool,
    next_id: Callable[[str, str], str],
) -> None:
    rng = factory.rng
    head = members[0]
    grandchildren = [p for p in members if p.relation == "孙子女" and p.age < 18]
    if grandchildren:
        # Siblings share their situation, so draw the category once per household.
        category = rng.choices(("orphan", "de_facto_unattended", "left_behind"), (30, 35, 35))[0]
        children = grandchildren
    else:
        children = [p for p in members if p.relation == "子女" and p.age < 18]
        if not (children and (on_dibao or head.disabled) and rng.random() < 0.5):
            return
        category = "in_difficulty"
    name, subsidy = CHILD_CATEGORIES[category]
    for child in children:
        if category == "in_difficulty":
            relation = "父亲" if head.gender == "男" else "母亲"
        else:
            paternal = child.name.startswith(head.name[:1])
            relation = (
                ("祖父" if head.gender == "男" else "祖母")
                if paternal
                else ("外祖父" if head.gender == "男" else "外祖母")
            )
        born = dt.date.fromisoformat(child.birth_date)
        ds.child_welfare.append(
            ChildWelfare(
                record_id=next_id("CW", head.region_code[:6]),
                child_person_id=child.person_id,
                child_name=child.name,
                child_id_number=child.id_number,
                age=child.age,
                region_code=child.region_code,
                category=category,
                category_name=name,
                guardian_person_id=head.person_id,
                guardian_name=head.name,
                guardian_phone=head.mobile,
                guardian_relation=relation,
                monthly_subsidy=subsidy,
                registered_at=factory.date_between(max(born, dt.date(2020, 1, 1)), ds.as_of).isoformat(),
            )
        )

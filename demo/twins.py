"""One person on two counties' registers: the data set's deliberate defect, for the detection
rule fund.cross_region_duplicate (异地重复享受).

A person of 汉滨区 moved to 汉阴县 and was registered there again without being struck off at
home: a second person record (a person id, household and address of
汉阴县; the same ID number, name, birth date, phone and bank card) with an approved 低保 case of
its own. Registers hold such pairs where counties do not compare ID numbers; the rule finds them
in the audit trail once both counties approve or pay.

Added after everything else is generated, from fixed choices (no random draws), so the rest of
the data set is the same with or without it. The person is chosen clear of those the demo
traffic and the reference feeds work with (tests/support/planted.py, demo/reference.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from demo import reference, regions
from demo.ids import wrong_check_char
from demo.models import PROGRAM_NAMES, Case, Dataset, Household, Person

HOME = reference.DISTRICT  # 汉滨区
MOVED_TO = "610921"  # 汉阴县
VILLAGE = "610921100201"  # 汉阴县城关镇三元村
FIRST_CANDIDATE = 52  # persons of 汉滨区 before this position are the demo traffic's


def _original(ds: Dataset) -> Person | None:
    home = [p for p in ds.persons.values() if p.region_code.startswith(HOME)]
    if len(home) <= FIRST_CANDIDATE:  # a small data set (tests) has room for no twin
        return None
    dead = {row["id_number"] for row in reference.death_rows(ds)}
    related = reference.relatives_household(ds)
    candidates = (p for p in home[FIRST_CANDIDATE:] if p.age >= 18 and p.id_number not in dead)
    return next((p for p in candidates if p.household_id != related), None)


def register_twice(ds: Dataset) -> Person | None:
    """Add the second registration and its approved 低保 case; returns the new record."""
    original = _original(ds)
    if original is None:
        return None
    number = 1 + sum(1 for p in ds.persons if p.startswith("P" + MOVED_TO))
    household_id = f"H{MOVED_TO}{1 + sum(1 for h in ds.households if h.startswith('H' + MOVED_TO)):05d}"
    address = f"{regions.full_name(VILLAGE)}7组26号"
    twin = dataclasses.replace(
        original,
        person_id=f"P{MOVED_TO}{number:05d}",
        address=address,
        household_id=household_id,
        relation="户主",
        region_code=VILLAGE,
    )
    ds.persons[twin.person_id] = twin
    ds.households[household_id] = Household(
        household_id=household_id,
        region_code=VILLAGE,
        address=address,
        area_type="农村",
        head_person_id=twin.person_id,
        member_ids=[twin.person_id],
        per_capita_income=twin.monthly_income,
    )
    seq = 1 + sum(1 for c in ds.cases if c.startswith("C" + MOVED_TO))
    created, approved = ds.as_of - dt.timedelta(days=70), ds.as_of - dt.timedelta(days=55)
    first17 = f"{MOVED_TO}{created:%Y%m%d}{seq % 1000:03d}"
    case = Case(
        case_id=f"C{MOVED_TO}{seq:05d}",
        case_no=f"DB{MOVED_TO}{created.year}{seq:05d}",
        serial_no=first17 + wrong_check_char(first17, 0),
        program="dibao",
        program_name=PROGRAM_NAMES["dibao"],
        status="approved",
        region_code=VILLAGE,
        household_id=household_id,
        applicant_person_id=twin.person_id,
        applicant_name=twin.name,
        applicant_id_number=twin.id_number,
        monthly_amount=420.0,
        created_by=f"op-{VILLAGE[:9]}-01",
        created_at=created.isoformat(),
        approved_by=f"op-{MOVED_TO}-A1",
        approved_at=approved.isoformat(),
    )
    ds.cases[case.case_id] = case
    return twin

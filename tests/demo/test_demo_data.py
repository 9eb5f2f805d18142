"""The synthetic data set: valid identifiers, consistent records, determinism."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest

from demo import names, reference, regions
from demo.generate import AS_OF, age_on, generate
from demo.ids import (
    USCC_CHARS,
    id_check_char,
    is_luhn_valid,
    is_valid_id_number,
    luhn_check_digit,
    org_code_check_char,
    uscc_check_char,
    wrong_check_char,
)
from demo.models import Dataset, Person


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return generate()


# --- check-digit helpers ----------------------------------------------------------------


def test_id_check_char_matches_known_example() -> None:
    assert id_check_char("11010519491231002") == "X"
    assert is_valid_id_number("11010519491231002X")
    assert not is_valid_id_number("110105194912310021")  # wrong check character
    assert not is_valid_id_number("11010519490231002X")  # 31 February
    assert not is_valid_id_number("１１010519491231002X")  # full-width is not canonical


def test_luhn_helpers() -> None:
    assert luhn_check_digit("7992739871") == "3"  # the textbook example
    assert is_luhn_valid("79927398713")
    assert not is_luhn_valid("79927398710")
    assert not is_luhn_valid("7")


def test_uscc_check_char_matches_known_example() -> None:
    assert uscc_check_char("91350100M000100Y4") == "3"


def test_org_code_check_char_matches_known_examples() -> None:
    # GB 32100's example and two codes of the register; the check 10 is written X
    assert [org_code_check_char(body) for body in ("M000100Y", "19220382", "71526726")] == ["4", "1", "X"]


def test_wrong_check_char_is_never_right() -> None:
    first17 = "61090220261128001"
    assert {wrong_check_char(first17, pick) for pick in range(20)}.isdisjoint({id_check_char(first17)})


# --- region table -------------------------------------------------------------------------


def test_region_table_hierarchy() -> None:
    assert all(len(code) == 6 and code.startswith("6109") for code in regions.DISTRICTS)
    for code in regions.TOWNSHIPS:
        assert len(code) == 9 and code[:6] in regions.DISTRICTS
    for code in regions.VILLAGES:
        assert len(code) == 12 and code[:9] in regions.TOWNSHIPS
    for district in regions.DISTRICTS:
        townships = [t for t in regions.TOWNSHIPS if t.startswith(district)]
        assert 2 <= len(townships) <= 4
        assert all(any(v.startswith(t) for v in regions.VILLAGES) for t in townships)
        assert district in regions.ROADS


def test_region_coverage() -> None:
    assert regions.scope_prefix("610900") == "6109"
    assert regions.covers("610900", "610981101201")
    assert regions.covers("610902", "610902001001")
    assert not regions.covers("610902", "610921100001")
    assert regions.covers("610902001", "610902001003")
    assert not regions.covers("610902001", "610902002001")
    assert regions.covers("610902001001", "610902001001")
    assert regions.full_name("610902001001") == "陕西省安康市汉滨区新城街道育才路社区"


# --- persons --------------------------------------------------------------------------------


def test_every_id_number_is_valid_and_consistent(ds: Dataset) -> None:
    assert len(ds.persons) == 601  # 600 and one second registration (demo/twins.py)
    twin = ds.persons["P61092100061"]
    for p in ds.persons.values():
        if p is twin:
            continue
        assert is_valid_id_number(p.id_number), p
        assert p.id_number[:6] in regions.DISTRICTS
        assert p.id_number[:6] == p.region_code[:6] == p.person_id[1:7]
        birth = dt.date.fromisoformat(p.birth_date)
        assert p.id_number[6:14] == f"{birth:%Y%m%d}"
        assert birth <= AS_OF and age_on(birth, AS_OF) == p.age
        assert int(p.id_number[16]) % 2 == (1 if p.gender == "男" else 0)
    assert len({p.id_number for p in ds.persons.values()}) == len(ds.persons) - 1


def test_one_person_is_registered_in_two_counties(ds: Dataset) -> None:
    """The deliberate defect fund.cross_region_duplicate finds: the same ID number in 汉滨区
    and 汉阴县, each with its own person record, household and approved 低保 case."""
    by_number: dict[str, list[Person]] = {}
    for p in ds.persons.values():
        by_number.setdefault(p.id_number, []).append(p)
    [pair] = [group for group in by_number.values() if len(group) > 1]
    home, moved = pair
    assert home.region_code[:6] == "610902" == home.id_number[:6]
    assert moved.region_code[:6] == "610921" and moved.person_id == "P61092100061"
    assert (moved.name, moved.birth_date, moved.bank_card) == (home.name, home.birth_date, home.bank_card)
    assert ds.households[moved.household_id].member_ids == [moved.person_id]
    [case] = [c for c in ds.cases.values() if c.applicant_person_id == moved.person_id]
    assert (case.program, case.status, case.region_code[:6]) == ("dibao", "approved", "610921")
    dead = {row["id_number"] for row in reference.death_rows(ds)}
    assert home.id_number not in dead and home.household_id != reference.relatives_household(ds)


def test_small_data_sets_have_no_twin() -> None:
    small = generate(persons_per_district=5)
    assert len({p.id_number for p in small.persons.values()}) == len(small.persons) == 50


def test_every_bank_card_is_luhn_valid_on_a_known_bin(ds: Dataset) -> None:
    bins = {bin_: (bank, length) for bin_, bank, length, _ in names.BANKS}
    for p in ds.persons.values():
        assert is_luhn_valid(p.bank_card), p
        assert bins[p.bank_card[:6]] == (p.bank_name, len(p.bank_card))
    for payment in ds.payments.values():
        assert is_luhn_valid(payment.payee_bank_card)


def test_person_fields_look_real(ds: Dataset) -> None:
    for p in ds.persons.values():
        assert re.fullmatch(r"1[3-9][0-9]{9}", p.mobile)
        assert p.address.startswith(regions.full_name(p.region_code))
        assert re.search(r"(室|号)$", p.address)
        assert 2 <= len(p.name) <= 4
        assert (p.disability_grade is not None) == p.disabled
        household = ds.households[p.household_id]
        assert p.person_id in household.member_ids and p.address == household.address
    assert any(p.age < 14 for p in ds.persons.values())
    assert any(p.name[:2] in names.COMPOUND_SURNAMES for p in ds.persons.values())


def test_households_are_families(ds: Dataset) -> None:
    for household in ds.households.values():
        members = [ds.persons[pid] for pid in household.member_ids]
        assert members[0].person_id == household.head_person_id
        assert members[0].relation == "户主"
        assert all(m.region_code == household.region_code for m in members)


# --- programmes and near-miss business values ---------------------------------------------


def test_cases_payments_and_records_refer_to_existing_people(ds: Dataset) -> None:
    assert {c.program for c in ds.cases.values()} == {"dibao", "tekun", "linshi"}
    for case in ds.cases.values():
        applicant = ds.persons[case.applicant_person_id]
        assert case.applicant_id_number == applicant.id_number
        assert case.region_code == applicant.region_code
        assert (case.approved_by is None) == (case.status in ("pending", "rejected"))
    for payment in ds.payments.values():
        case = ds.cases[payment.case_id]
        assert case.status == "approved" and payment.region_code == case.region_code
        assert payment.paid_at[:7] == payment.period <= f"{AS_OF:%Y-%m}"
    for care in ds.elderly_care:
        assert ds.persons[care.person_id].age >= 60
        assert (care.institution_name is None) == (care.care_type == "居家养老")
    assert ds.child_welfare
    for child in ds.child_welfare:
        assert child.age < 18
        assert ds.persons[child.guardian_person_id].mobile == child.guardian_phone


def test_serial_numbers_look_like_ids_but_fail_the_checksum(ds: Dataset) -> None:
    serials = [c.serial_no for c in ds.cases.values()] + [p.serial_no for p in ds.payments.values()]
    assert serials
    for serial in serials:
        assert re.fullmatch(r"[0-9]{18}", serial)
        assert serial[:6] in regions.DISTRICTS
        dt.date(int(serial[6:10]), int(serial[10:12]), int(serial[12:14]))  # a real date
        assert not is_valid_id_number(serial)


def test_case_numbers_and_institution_codes(ds: Dataset) -> None:
    for case in ds.cases.values():
        assert re.fullmatch(r"(DB|TK|LS)[0-9]{15}", case.case_no)
    assert ds.institutions
    for inst in ds.institutions:
        assert len(inst.uscc) == 18 and all(c in USCC_CHARS for c in inst.uscc)
        assert org_code_check_char(inst.uscc[8:16]) == inst.uscc[16]
        assert uscc_check_char(inst.uscc[:17]) == inst.uscc[17]
        assert inst.uscc[2:8] == inst.region_code


# --- determinism and speed ------------------------------------------------------------------


def test_same_seed_gives_identical_data(ds: Dataset) -> None:
    assert generate() == ds
    assert generate(seed=7, persons_per_district=5) == generate(seed=7, persons_per_district=5)
    assert generate(seed=7).persons != ds.persons


def test_size_parameter_and_speed() -> None:
    started = time.perf_counter()
    small = generate(persons_per_district=3)
    assert len(small.persons) == 30
    generate()
    assert time.perf_counter() - started < 1.0
    with pytest.raises(ValueError):
        generate(persons_per_district=0)

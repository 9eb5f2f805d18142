"""Deterministic generator of the synthetic civil-affairs data set.

One ``random.Random(seed)`` drives everything, districts are visited in a fixed order
and dicts keep insertion order, so the same seed always yields an identical data set.
People are generated household by household (a head, then spouse, children, parents
or grandchildren) so that surnames, addresses, ages and phone numbers are consistent
within a family; the programme records (cases, payments, care, child welfare) are then
derived from those households in :mod:`demo.programs`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from demo import names, regions
from demo.ids import id_check_char, luhn_check_digit, wrong_check_char
from demo.models import Dataset, Household, Person
from demo.programs import add_programs
from demo.twins import register_twice

DEFAULT_SEED = 20261128
# The data set's "today": ages, case dates and payment periods are relative to it.
AS_OF = dt.date(2026, 11, 28)

# (relation to head, age, male)
MemberPlan = tuple[str, int, bool]

_HOUSEHOLD_KINDS = ("single_elder", "single_adult", "elder_couple", "family", "grandchildren")
_HOUSEHOLD_WEIGHTS = (12, 6, 14, 52, 16)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


class Factory:
    """Random building blocks shared by the person and programme generators.

    It remembers every identifier handed out so ID numbers, phones and cards are unique
    across the whole data set, which keeps joins in tests and benchmarks unambiguous.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._used: set[str] = set()

    def unique(self, make: Callable[[], str]) -> str:
        while True:
            value = make()
            if value not in self._used:
                self._used.add(value)
                return value

    def date_between(self, first: dt.date, last: dt.date) -> dt.date:
        return dt.date.fromordinal(self.rng.randint(first.toordinal(), last.toordinal()))

    def birth_date(self, age: int) -> dt.date:
        """A birth date giving exactly ``age`` on AS_OF."""
        first = AS_OF.replace(year=AS_OF.year - age - 1) + dt.timedelta(days=1)
        return self.date_between(first, AS_OF.replace(year=AS_OF.year - age))

    def id_number(self, district: str, birth: dt.date, male: bool) -> str:
        # The sequence number is odd for men and even for women (GB 11643).
        def make() -> str:
            seq = self.rng.randrange(1 if male else 2, 1000, 2)
            first17 = f"{district}{birth:%Y%m%d}{seq:03d}"
            return first17 + id_check_char(first17)

        return self.unique(make)

    def near_miss_serial(self, district: str, day: dt.date) -> str:
        """18 digits shaped like an ID number (region + date + sequence) whose last digit
        is deliberately NOT the GB 11643 check character: a business serial that a
        checksum-aware masking engine must leave alone."""

        def make() -> str:
            first17 = f"{district}{day:%Y%m%d}{self.rng.randrange(1000):03d}"
            return first17 + wrong_check_char(first17, self.rng.randrange(9))

        return self.unique(make)

    def mobile(self) -> str:
        def make() -> str:
            return self.rng.choice(names.MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

        return self.unique(make)

    def bank_card(self) -> tuple[str, str]:
        """A Luhn-valid card number on a real BIN, and the issuing bank's name."""
        bins = names.BANKS
        bin_, bank, length, _ = self.rng.choices(bins, weights=[b[3] for b in bins])[0]

        def make() -> str:
            body = "".join(str(self.rng.randrange(10)) for _ in range(length - len(bin_) - 1))
            return bin_ + body + luhn_check_digit(bin_ + body)

        return self.unique(make), bank

    def surname(self) -> str:
        return self.rng.choices(names.SURNAMES, weights=names.SURNAME_WEIGHTS)[0]

    def given_name(self, birth_year: int, male: bool) -> str:
        return self.rng.choice(names.given_names(birth_year, male))


def generate(seed: int = DEFAULT_SEED, persons_per_district: int = 60) -> Dataset:
    """Build the whole data set: the same ``seed`` always gives an identical result."""
    if persons_per_district < 1:
        raise ValueError("persons_per_district must be at least 1")
    factory = Factory(random.Random(seed))
    dataset = Dataset(seed=seed, persons_per_district=persons_per_district, as_of=AS_OF)
    for district in regions.DISTRICTS:
        _populate_district(factory, dataset, district, persons_per_district)
    add_programs(factory, dataset)
    register_twice(dataset)
    return dataset


def _populate_district(factory: Factory, ds: Dataset, district: str, count: int) -> None:
    rng = factory.rng
    villages = regions.villages_of(district)
    made = households = 0
    while made < count:
        plan = _household_plan(rng)[: count - made]
        village = rng.choice(villages)
        households += 1
        household_id = f"H{district}{households:05d}"
        address = _address(rng, village)
        members = _make_members(factory, ds, (district, made + 1), household_id, village, address, plan)
        rural = not regions.is_community(village)
        income = sum(p.monthly_income for p in members) / len(members)
        ds.households[household_id] = Household(
            household_id=household_id,
            region_code=village,
            address=address,
            area_type="农村" if rural else "城镇",
            head_person_id=members[0].person_id,
            member_ids=[p.person_id for p in members],
            per_capita_income=round(income, 2),
        )
        made += len(members)


def _household_plan(rng: random.Random) -> list[MemberPlan]:
    """Who lives in a new household; the head always comes first."""
    kind = rng.choices(_HOUSEHOLD_KINDS, weights=_HOUSEHOLD_WEIGHTS)[0]

    def spouse_age(age: int) -> int:
        return max(20, age - rng.randint(-2, 5))

    if kind == "single_elder":
        return [("户主", rng.randint(62, 93), rng.random() < 0.45)]
    if kind == "single_adult":
        return [("户主", rng.randint(24, 59), rng.random() < 0.6)]
    if kind == "elder_couple":
        age = rng.randint(60, 88)
        return [("户主", age, True), ("配偶", spouse_age(age), False)]
    if kind == "grandchildren":
        # 隔代家庭: grandparents raising children whose parents are absent or dead, the
        # households that child-welfare records are about.
        age, male = rng.randint(56, 80), rng.random() < 0.5
        plan = [("户主", age, male)]
        if rng.random() < 0.5:
            plan.append(("配偶", spouse_age(age) if male else age + rng.randint(0, 4), not male))
        plan += [("孙子女", rng.randint(1, 15), rng.random() < 0.5) for _ in range(rng.randint(1, 2))]
        return plan
    age, male = rng.randint(27, 56), rng.random() < 0.85
    plan = [("户主", age, male), ("配偶", spouse_age(age) if male else age + 2, not male)]
    for _ in range(rng.choices((1, 2, 3), weights=(50, 38, 12))[0]):
        plan.append(("子女", rng.randint(0, min(age - 21, 28)), rng.random() < 0.52))
    if rng.random() < 0.3 and age + 24 <= 92:
        plan.append(("父母", rng.randint(age + 24, min(age + 34, 95)), rng.random() < 0.4))
    return plan


def _address(rng: random.Random, village: str) -> str:
    prefix = regions.full_name(village)
    if regions.is_community(village):
        road = rng.choice(regions.ROADS[village[:6]])
        floor, room = rng.randint(1, 18), rng.randint(1, 4)
        return f"{prefix}{road}{rng.randint(1, 260)}号{rng.randint(1, 12)}栋{rng.randint(1, 4)}单元{floor}{room:02d}室"
    return f"{prefix}{rng.randint(1, 12)}组{rng.randint(1, 99)}号"


def _make_members(
    factory: Factory,
    ds: Dataset,
    first: tuple[str, int],  # (district, sequence number of the first member)
    household_id: str,
    village: str,
    address: str,
    plan: list[MemberPlan],
) -> list[Person]:
    rng = factory.rng
    rural = not regions.is_community(village)
    head_surname = factory.surname()
    # Children take the father's surname; with no man in the plan, the head's.
    father_surname = head_surname if plan[0][2] or len(plan) == 1 else factory.surname()
    district, first_seq = first  # person ids number on within the district
    members: list[Person] = []
    for index, (relation, age, male) in enumerate(plan):
        if relation == "户主" or (relation == "父母" and male):
            surname = head_surname
        elif relation in ("子女", "孙子女") or (relation == "配偶" and male):
            surname = father_surname
        else:  # wives keep their own surname in China
            surname = factory.surname()
        birth = factory.birth_date(age)
        disabled = rng.random() < (0.12 if age >= 60 else 0.05 if age >= 18 else 0.03)
        card, bank = factory.bank_card()
        person = Person(
            person_id=f"P{district}{first_seq + index:05d}",
            name=surname + factory.given_name(birth.year, male),
            gender="男" if male else "女",
            birth_date=birth.isoformat(),
            age=age,
            id_number=factory.id_number(district, birth, male),
            # Young children have no phone of their own: registers list the head's.
            mobile=factory.mobile() if age >= 16 or not members else members[0].mobile,
            address=address,
            household_id=household_id,
            relation=relation,
            region_code=village,
            disabled=disabled,
            disability_grade=rng.randint(1, 4) if disabled else None,
            disability_type=rng.choice(names.DISABILITY_TYPES) if disabled else None,
            monthly_income=_income(rng, age, rural, disabled),
            health_condition=_health(rng, age),
            bank_card=card,
            bank_name=bank,
        )
        ds.persons[person.person_id] = person
        members.append(person)
    return members


def _income(rng: random.Random, age: int, rural: bool, disabled: bool) -> float:
    if age < 18:
        return 0.0
    if age >= 60:
        # Retired employees draw a real pension; everyone else the small 城乡居民 one.
        if not rural and rng.random() < 0.4:
            return float(rng.randrange(2200, 4500, 10))
        return float(rng.randrange(120, 400, 10))
    if rng.random() < 0.1:
        return 0.0
    income = rng.randrange(500, 3200, 10) if rural else rng.randrange(1200, 6500, 10)
    return float(round(income * 0.4, -1) if disabled else income)


def _health(rng: random.Random, age: int) -> str:
    weights = (35, 50, 15) if age >= 60 else (80, 15, 5) if age >= 18 else (93, 5, 2)
    return rng.choices(("健康", "慢性病", "重大疾病"), weights=weights)[0]

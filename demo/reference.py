"""Reference feeds a deployment provides next to the business system, made from the demo data:
a staff register (工作人员登记表) and death records (死亡登记).

Consistent with the data set: the staff are the demo gateway's officials; one of them (the
汉滨 reviewer) lives in a beneficiary household, so is a relative of its members; a few
beneficiaries have died shortly before the data's as-of date. The chosen households are the
last ones of 汉滨区 (610902), apart from the first persons the demo traffic works with.
Everything is synthetic: staff households, addresses and cards are made up (Luhn-valid cards
with a real BIN), and the dead are demo persons with checksum-valid ID numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from demo.ids import luhn_check_digit
from demo.models import Dataset, Person

DISTRICT = "610902"
# staff id, jurisdiction, own card (BIN 622848 农业银行) — ids as the demo gateway's keys name them.
STAFF = (
    ("zhangwei", "610902", "62284800000000101"),
    ("wangfang", "610902", "62284800000000102"),
    ("zhaomin", "610902", "62284800000000103"),
    ("liuyang", "610902", "62284800000000104"),
    ("liqiang", "610921", "62284800000000105"),
    ("chenjing", "610900", "62284800000000106"),
)
RELATIVE_OF = "wangfang"  # lives in a beneficiary household (优亲厚友 cases in tests)
DEATHS = 2  # beneficiaries who died, 20 and 45 days before the data's as-of date


def _card(payload: str) -> str:
    return payload + luhn_check_digit(payload)


def _district(ds: Dataset) -> list[Person]:
    return [p for p in ds.persons.values() if p.region_code.startswith(DISTRICT)]


def relatives_household(ds: Dataset) -> str:
    return _district(ds)[-1].household_id


def staff_rows(ds: Dataset) -> list[dict[str, str]]:
    related = ds.households[relatives_household(ds)]
    rows = []
    for n, (staff_id, region, card) in enumerate(STAFF, start=1):
        if staff_id == RELATIVE_OF:
            household, address = related.household_id, related.address
        else:  # the official's own household, not a beneficiary one
            household, address = f"S{region}{n:05d}", f"陕西省安康市{n}号职工住宅{n}单元"
        rows.append(
            {
                "staff_id": staff_id,
                "region": region,
                "household_id": household,
                "address": address,
                "bank_card": _card(card),
            }
        )
    return rows


def death_rows(ds: Dataset) -> list[dict[str, str]]:
    related = relatives_household(ds)
    seen: set[str] = {related}
    dead: list[Person] = []
    for person in reversed(_district(ds)):  # one person per household, never the relatives'
        if person.household_id not in seen:
            seen.add(person.household_id)
            dead.append(person)
        if len(dead) == DEATHS:
            break
    days = (20, 45)
    return [
        {"id_number": p.id_number, "date_of_death": (ds.as_of - dt.timedelta(days=d)).isoformat()}
        for p, d in zip(dead, days, strict=True)
    ]


def to_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()

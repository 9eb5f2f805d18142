"""Who is a minor by the birth date an ID number spells (Run._persons, Run._person)."""

from __future__ import annotations

import datetime as _dt
import operator
from functools import lru_cache

from .entities import resident_id

_BIRTH = operator.itemgetter(slice(6, 14))  # YYYYMMDD of an 18-character number


@lru_cache(maxsize=2)
def _minor_birth_dates(today: _dt.date) -> frozenset[str]:
    """Every real date after this day 18 years ago, up to ``today``, as YYYYMMDD."""
    cutoff = f"{today.year - 18:04d}{today.month:02d}{today.day:02d}"
    dates: list[str] = []
    day = today
    while (text := day.strftime("%Y%m%d")) > cutoff:
        dates.append(text)
        day -= _dt.timedelta(days=1)
    return frozenset(dates)


def _age(born: _dt.date, today: _dt.date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def minor_records(numbers: list[str], records: list[int], today: _dt.date) -> list[int]:
    """The records of clean 18-character numbers (upper case) whose persons are minors: born
    after this day 18 years ago (compared as YYYYMMDD text), if the date is a real one."""
    cutoff = f"{today.year - 18:04d}{today.month:02d}{today.day:02d}"
    recent = _minor_birth_dates(today)  # a set lookup instead of building a date per minor
    return [
        record
        for number, born, record in zip(numbers, map(_BIRTH, numbers), records, strict=True)
        if born > cutoff and (born in recent or resident_id.birth_date(number) is not None)
    ]

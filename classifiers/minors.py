"""Who is a minor by the birth date an ID number spells (Run._persons, Run._person)."""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache


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

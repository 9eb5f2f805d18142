"""The `generalise` masking operator: keep a coarser truth instead of hiding everything.

Addresses are cut to the district (区/县) or township (街道/镇/乡); dates, and the birth date
inside a resident ID number, to the year; ages to a band. A value that cannot be generalised
is redacted, never passed through: the operator must not become a way out in clear.
"""

from __future__ import annotations

import re

from classifiers.entities import address, resident_id
from classifiers.normalise import fold

LEVELS = frozenset({"district", "township", "year", "band"})
REDACTED = "[已屏蔽]"
_YEAR = re.compile(r"(?<![0-9])((?:18|19|20)[0-9]{2})(?:[-/.年]?[0-9]{1,2})?")
_AGE = re.compile(r"^\s*([0-9]{1,3})\s*(?:岁|周岁)?\s*$")


def generalise(entity: str, value: str, to: str, width: int = 10) -> str:
    if to == "district":
        return _address(value, ("county", "city", "province"))
    if to == "township":
        return _address(value, ("township", "county", "city", "province"))
    if to == "year":
        return _year(entity, value)
    if to == "band":
        return _band(value, width)
    raise ValueError(f"unknown generalisation {to!r}; use one of {sorted(LEVELS)}")


def _address(value: str, levels: tuple[str, ...]) -> str:
    text = value.strip()
    parsed = address.parse_at(text, 0)
    if parsed is not None:
        for level in levels:
            if level in parsed.components:
                return text[: parsed.components[level][1]]
    return REDACTED


def _year(entity: str, value: str) -> str:
    text = fold(value).text.strip()
    if entity == resident_id.ENTITY:
        born = resident_id.birth_date(resident_id.to18(text))
        return f"{born.year}年" if born else REDACTED
    found = _YEAR.search(text)
    return f"{found.group(1)}年" if found else REDACTED


def _band(value: str, width: int) -> str:
    found = _AGE.match(fold(value).text)
    if found is None or width < 1:
        return REDACTED
    low = int(found.group(1)) // width * width
    return f"{low}-{low + width - 1}岁"

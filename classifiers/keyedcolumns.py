"""A keyed column's values: what they are found as, which of them a name column holds that are
no name whole, and the findings derived when read (``Run.keyed_column``).

A column of clean values under a key naming their entity (18-character ID numbers under
``idNumber``, bare mobiles under ``lxdh``) is found as that entity without a scan, so ``Run``
counts, grades and masks it at once; these are the pieces of that shortcut that hold no state
of the inspection.
"""

from __future__ import annotations

from collections.abc import Callable

from .catalog import PHONE, KeyInfo
from .columns import SEPARATOR, names_may_be_odd
from .detect import BIRTH_DATE, Plan, keyed_name
from .entities import address, bank_card, email, mobile, person_name, resident_id

# What a clean value under a key naming these entities is found as (see Detector.keyed).
KEYED_ENTITY = {
    resident_id.ENTITY: resident_id.ENTITY,
    PHONE: mobile.ENTITY,
    bank_card.ENTITY: bank_card.ENTITY,
    person_name.ENTITY: person_name.ENTITY,
    address.ENTITY: address.ENTITY,
    BIRTH_DATE: BIRTH_DATE,
    email.ENTITY: email.ENTITY,
}


class KeyedColumn:
    """The findings of a keyed column, derived when read: one whole-value match per value. A
    plain class: mypyc builds it by a C call, where a named tuple's ``__new__`` is Python code
    run by the interpreter (some 3,000 instructions a column)."""

    __slots__ = ("indices", "plan", "values", "where")

    def __init__(
        self,
        # The values, or a whole column's values joined by NUL (which none of them holds): one
        # string instead of one per cell, so that an export's cells are freed block by block.
        values: list[str] | str,
        plan: Plan,
        where: Callable[[int], str],  # the path of the value at a position
        indices: list[int],  # the position of each value
    ) -> None:
        self.values = values
        self.plan = plan
        self.where = where
        self.indices = indices


def unchanged_masks(new: list[str | None], values: list[str]) -> int:
    """How many of ``new`` leave their value as it is (None, or equal to it). A loop, which
    mypyc compiles to identity and string tests: ``new.count(None)`` and
    ``sum(map(operator.eq, new, values))`` went through the generic comparison for each
    value (a mask with None: both types' methods tried), some 450 instructions a value."""
    same = 0
    for k in range(len(new)):
        mask = new[k]
        if mask is None or mask == values[k]:
            same += 1
    return same


NOT_NAMES = person_name.GROUP_WORDS | person_name.STATUSES


def odd_names(values: list[str], info: KeyInfo | None, joined: str | None = None) -> list[int]:
    """Positions of clean CJK values under a name key that are not a name whole
    (``keyed_name``): one search over the column rules out context words and placeholders for
    all. ``joined``: the values joined by NUL, when the caller has them (a column matched whole)."""
    if names_may_be_odd(SEPARATOR.join(values) if joined is None else joined, values):
        return [k for k, v in enumerate(values) if not keyed_name(v, info)]
    if info is None or not info.weak:
        return []
    # (a group of persons or a status under a weak key is none: {"老人": "高龄"}, keyed_name)
    return [k for k, v in enumerate(values) if not person_name.surname_length(v) or v in NOT_NAMES]

"""The keys of JSON objects: clean ones remembered (``clean``), masked ones (``masked``), those
shaped like a person's name (``name_shaped``), and whether the value under one is a record only a
person has (``personal_record``), which makes a full name's key over it that person's name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .jsonshapes import PlanOf
from .name_headings import PERSONAL_FIELDS, name_shaped
from .valuepaths import ValueVisitor


class ObjectKeys:
    """The object keys of one walk (``ColumnWalker``)."""

    def __init__(self, visit: ValueVisitor, plan_of: PlanOf, finds: Callable[[str], bool], clean: set[str]) -> None:
        self.visit = visit
        self.plan_of = plan_of
        self.finds = finds  # does scanning this key find anything? (no side effects)
        # Keys in which scanning found nothing; shared by the inspections of one process
        # (responses of a route repeat their keys), bounded by the owner.
        self._clean = clean

    def masked(self, key: str, path: str, record: int) -> str | None:
        """The masked form of an object key, or None (keys repeat: clean ones are remembered)."""
        if self.clean(key):
            return None
        return self.visit(key, self.plan_of(None), record, f"{path}{{key}}", True)

    def clean(self, key: str) -> bool:
        """Does this key hold nothing? Decided without recording findings, so that the
        caller can still choose the path that visits the key for real. Only a key in which
        detection finds nothing is remembered: one that a profile let out in clear may
        hold a name that the next caller's profile masks."""
        if key in self._clean:
            return True
        if self.finds(key):
            return False
        self._clean.add(key)
        return True

    def name_shaped(self, key: str) -> bool:
        """Could this object key be a person's name, for what it holds to decide? Shaped like
        one (``name_shaped``) and clean of findings."""
        return name_shaped(key, self.plan_of) and self.clean(key)


def personal_record(value: Any) -> bool:
    """Is ``value`` a record only a person has: an object holding an age, a gender, a birth
    date or a relation (``PERSONAL_FIELDS``)? A full name's key over it is that person's name
    ({"data": {"张伟": {"age": 80, "lxdh": …}}}), where a place's or a unit's record has a
    phone and an address too ({"王府井": {"lxdh": …}})."""
    return type(value) is dict and not PERSONAL_FIELDS.isdisjoint(value)

"""Values under a key naming two fields or more, for the JSON walk (``fastjson.ColumnWalker``):
``{"姓名/性别": "张伟/男"}``, each part of the value judged under its own field's key
(``compound_keys``), in an object and in a column of a list of objects alike.

Which keys name such fields is asked once per key: the detector remembers the answers across
walks (``Detector.compound_keys``), bounded, since keys come from responses.
"""

from __future__ import annotations

from typing import Any, Final

from .compound_keys import fields as compound_fields
from .compound_keys import parts as compound_parts
from .entities.person_name import ENTITY as NAME_ENTITY
from .jsonshapes import PlanOf
from .name_headings import full_name
from .valuepaths import Ref, ValueVisitor

_COMPOUND_KEYS_MAX: Final = 4096  # keys remembered


class CompoundValues:
    """The values under compound keys of one walk."""

    def __init__(
        self, visit: ValueVisitor, plan_of: PlanOf, known: dict[str, tuple[str, tuple[str, ...]] | None]
    ) -> None:
        self.visit = visit
        self.plan_of = plan_of
        self._known = known  # key -> (separator, field names), or None: no compound key

    def fields(self, key: str) -> tuple[str, tuple[str, ...]] | None:
        """``compound_keys.fields`` of ``key``, remembered."""
        known = self._known
        if key in known:
            return known[key]
        if len(known) >= _COMPOUND_KEYS_MAX:
            known.clear()
        named = known[key] = compound_fields(key, self.plan_of)
        return named

    def masked(self, value: str, key: str, record: int, path: Ref) -> tuple[Any, bool] | None:
        """``value`` under a key naming two fields or more, each of its parts judged under its own
        field's key; None when the key names no such fields or the value does not cut into as
        many parts (then it is judged whole, as any value)."""
        named = self.fields(key)
        if named is None:
            return None
        separator, names = named
        pieces = compound_parts(value, separator, len(names))
        if pieces is None:
            return self._whole_name(value, names, record, path)
        changed = False
        for i, name in enumerate(names):
            new = self.visit(pieces[2 * i], self.plan_of(name), record, path, True)
            if new is not None:
                pieces[2 * i] = new
                changed = True
        return ("".join(pieces), True) if changed else (value, False)

    def _whole_name(self, value: str, names: tuple[str, ...], record: int, path: Ref) -> tuple[Any, bool] | None:
        """A value that does not cut, shaped like a full name (``{"姓名/性别": "张伟"}``, the gender
        left empty), judged under the name's field when the key names one; None otherwise (then
        it is judged whole under the key, as any value)."""
        if not 1 < len(value) < 5 or not full_name(value):
            return None
        for name in names:
            plan = self.plan_of(name)
            if plan.info is not None and plan.info.entity == NAME_ENTITY:
                new = self.visit(value, plan, record, path, True)
                return (new, True) if new is not None else (value, False)
        return None

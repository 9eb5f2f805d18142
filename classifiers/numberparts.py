"""One number written in parts (``{"sfzh1": "610902", "sfzh2": "199001011234"}``, ``{"sfzh":
["610902", "19900101", "1234"]}``): judged whole under the key the catalog knows, and its mask
cut back into parts as long as the values were. Which objects may hold such parts
(``partkeys.may_split``) is remembered by their keys.
"""

from __future__ import annotations

from typing import Any

from .jsonshapes import PlanOf
from .partkeys import may_split, split_numbers
from .structured import _child
from .valuepaths import Ref, ValueVisitor

_SPLIT_KEYS_MAX = 4096


class NumberParts:
    """The numbers in parts of one walk (``ColumnWalker``)."""

    def __init__(self, visit: ValueVisitor, plan_of: PlanOf, split_keys: dict[tuple[str, ...], bool]) -> None:
        self.visit = visit
        self.plan_of = plan_of
        self._split_keys = split_keys  # keys of an object -> may it hold a number in parts?

    def may_split(self, node: dict[str, Any]) -> bool:
        """``partkeys.may_split`` for the object's keys, remembered by them: objects of a
        response share their keys, and a test per key cost more than a record's walk."""
        keys = tuple(node)
        known = self._split_keys.get(keys)
        if known is None:
            if len(self._split_keys) >= _SPLIT_KEYS_MAX:
                self._split_keys.clear()
            known = self._split_keys[keys] = may_split(keys, self.plan_of)
        return known

    def masks(self, node: dict[str, Any], path: str, record: int) -> dict[str, Any] | None:
        """The masks of members holding the parts of one number (``partkeys.split_numbers``),
        by key: the number is judged whole under the key the catalog knows, and its mask cut
        into parts as long as the values were (a mask of another length goes into each)."""
        masks: dict[str, Any] = {}  # Any: the walk assigns its masks to a variable of JSON values
        for base, keys in split_numbers(node, self.plan_of):
            parts = self.parts([str(node[k]) for k in keys], base, record, _child(path, keys[0]))
            if parts is not None:
                masks.update(zip(keys, parts, strict=True))
        return masks or None

    def parts(self, texts: list[str], key: str, record: int, path: Ref) -> list[Any] | None:
        """The masks of the parts of one number (None: unchanged): the number is judged whole
        under ``key``, and its mask cut into parts as long as the texts were (a mask of
        another length goes into each)."""
        joined = "".join(texts)
        new = self.visit(joined, self.plan_of(key), record, path, True)
        if new is None:
            return None
        out: list[Any] = []  # Any: the walk assigns its masks to a variable of JSON values
        at = 0
        for text in texts:
            out.append(new[at : at + len(text)] if len(new) == len(joined) else new)
            at += len(text)
        return out

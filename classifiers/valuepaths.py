"""A value's path, formatted only when the value produces a finding.

Most values produce none, and formatting every path cost more than the walk: the JSON walk
hands the run a reference (``Ref``) that ``path_of`` makes a path of when it is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from .detect import Plan
from .structured import _child

# A value's path, formatted only when it produces a finding: the path itself, or
# (parent path, list index or map key of the object, key inside the object).
Ref: TypeAlias = "str | tuple[str, int | str, str]"
# What the JSON walker hands a value to: (value text, plan, record index, path reference, scan?)
ValueVisitor = Callable[[str, Plan, int, Ref, bool], "str | None"]


def path_of(ref: Ref) -> str:
    if isinstance(ref, str):
        return ref
    base, index, key = ref
    return _child(f"{base}[{index}]" if type(index) is int else _child(base, str(index)), key)

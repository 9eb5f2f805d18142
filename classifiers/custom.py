"""Entity types a deployment declares in its config (``inspection.custom_entities``).

A bureau's systems carry numbers of their own that name a person as surely as an ID number:
the 低保证号 on a household's minimum-living-allowance card, a 特困供养证号, a case file number.
Their shapes differ from city to city, so they are declared, not built in:

    inspection:
      custom_entities:
        DIBAO_CERT:
          description: 低保证号
          level: important
          patterns: [{name: dibao, regex: "DB[0-9]{10}", score: 0.6}]
          context: [低保证, 低保]
          pinyin: [dbzh]
          chinese: [低保证号]

Each becomes an entity like the built-in ones: its patterns are searched in every scanned text
(folded first, so full-width and spaced forms are found too), a score under the threshold
counts only with a context word before the match or under one of its keys, its keys are field
names of the catalog (``english``, ``pinyin``, ``chinese``, matched as catalog.yaml's are), and
its level is its grade (``general``, ``important`` or ``core``). Masking profiles name it like
any entity; a profile that does not applies its default operator.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .entities import (
    address,
    bank_card,
    email,
    embedded_file,
    landline,
    licence_plate,
    mobile,
    passport,
    person_name,
    register_number,
    resident_id,
    social_security_card,
    uscc,
)
from .entities.base import EntitySpec, PatternSpec
from .levels import DataLevel

# Names the inspector gives itself: a declared entity must not take one. Beside the entities'
# modules: PHONE, the catalog's (a mobile or a landline), and BIRTH_DATE, detect.py's (a date
# under a birth-date key).
BUILT_IN = frozenset(
    {
        *(m.ENTITY for m in (address, bank_card, email, embedded_file, landline, licence_plate, mobile, passport)),
        *(m.ENTITY for m in (person_name, register_number, resident_id, social_security_card, uscc)),
        "PHONE",
        "BIRTH_DATE",
    }
)
_NAME = re.compile(r"[A-Z][A-Z0-9_]{2,39}")
_FIELDS = frozenset({"description", "level", "patterns", "context", "english", "pinyin", "chinese"})
KEY_STYLES = ("english", "pinyin", "chinese")


@dataclass(frozen=True, slots=True)
class CustomEntity:
    spec: EntitySpec
    level: DataLevel
    description: str
    keys: dict[str, list[str]]  # catalog style (english, pinyin, chinese) -> field names


def _unvalidated(text: str) -> bool | None:
    """Declared entities have no check digit the inspector knows: the pattern is the rule."""
    return None


def parse(declared: Mapping[str, Any]) -> tuple[CustomEntity, ...]:
    """The declared entities, each checked; a ValueError names the first that is wrong."""
    return tuple(_entity(str(name), spec) for name, spec in declared.items())


def _entity(name: str, spec: Any) -> CustomEntity:
    where = f"inspection.custom_entities.{name}"
    if _NAME.fullmatch(name) is None:
        raise ValueError(f"{where}: 实体名须为大写字母、数字和下划线 / the name must be UPPER_SNAKE_CASE (3-40)")
    if name in BUILT_IN:
        raise ValueError(f"{where}: 与内置实体同名 / {name} is a built-in entity")
    if not isinstance(spec, Mapping):
        raise ValueError(f"{where}: 须为映射 / must be a mapping")
    unknown = sorted(set(spec) - _FIELDS)
    if unknown:
        raise ValueError(f"{where}: 未知字段 / unknown fields {unknown}")
    patterns = tuple(_pattern(f"{where}.patterns[{i}]", p) for i, p in enumerate(spec.get("patterns") or ()))
    if not patterns:
        raise ValueError(f"{where}.patterns: 至少一个正则 / at least one pattern is needed")
    context = tuple(_strings(f"{where}.context", spec.get("context")))
    keys = {style: _strings(f"{where}.{style}", spec.get(style)) for style in KEY_STYLES}
    try:
        level = DataLevel.parse(str(spec.get("level", "important")))
    except ValueError as exc:
        raise ValueError(f"{where}.level: {exc}") from None
    return CustomEntity(
        EntitySpec(name, patterns, context, _unvalidated), level, str(spec.get("description") or name), keys
    )


def _pattern(where: str, spec: Any) -> PatternSpec:
    if not isinstance(spec, Mapping) or not isinstance(spec.get("regex"), str):
        raise ValueError(f"{where}: 须含 regex / needs a regex")
    regex = spec["regex"]
    try:
        compiled = re.compile(regex)
    except re.error as exc:
        raise ValueError(f"{where}.regex: 正则无效 / invalid regular expression: {exc}") from None
    if compiled.match("") is not None:
        raise ValueError(f"{where}.regex: 不得匹配空串 / must not match the empty string")
    score = spec.get("score", 0.6)
    if not isinstance(score, int | float) or not 0 < score <= 1:
        raise ValueError(f"{where}.score: 须在 (0, 1] 之间 / must lie in (0, 1]")
    return PatternSpec(str(spec.get("name") or "custom"), regex, float(score))


def _strings(where: str, values: Any) -> list[str]:
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise ValueError(f"{where}: 须为非空字符串列表 / must be a list of non-empty strings")
    return [str(v) for v in values]

"""Conditions beyond roles (ABAC): data level ceilings, purpose of use, time windows and
record limits per role, read from conditions.yaml.

Pure decisions only: the clock, the response's level and record count and the daily count
are passed in, so the same code serves the gateway, `minguard policy explain` and the tests.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from classifiers.levels import DataLevel

DEFAULT_PATH = Path(__file__).with_name("conditions.yaml")
_HOURS = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-4]):([0-5][0-9])$")
_ROLE_KEYS = {
    "max_level",
    "max_level_masked",
    "hours",
    "max_records_per_response",
    "max_records_per_day",
    "max_reidentify_per_day",
}
_PURPOSE_KEYS = {"required_from", "exempt_roles"}
_SELF_APPROVAL_KEYS = {"routes", "lookup", "owner_field", "actor_fields"}


@dataclass(frozen=True, slots=True)
class Verdict:
    """A condition that failed: the request is refused with this answer."""

    condition: str  # e.g. "hours:outsourced", "purpose", "max_level:statistician"
    status: int
    code: str
    message: str
    message_zh: str


@dataclass(frozen=True, slots=True)
class RoleLimits:
    max_level: DataLevel | None = None
    max_level_masked: DataLevel | None = None
    hours: tuple[dt.time, dt.time] | None = None
    per_response: int | None = None
    per_day: int | None = None
    reidentify_per_day: int | None = None


@dataclass(frozen=True, slots=True)
class SelfApproval:
    routes: frozenset[str]
    lookup: str
    owner_field: str
    actor_fields: dict[str, str] = field(default_factory=dict)


def _hours(text: str, where: str) -> tuple[dt.time, dt.time]:
    found = _HOURS.match(text.strip())
    if found is None:
        raise ValueError(f"{where}: hours must be 'HH:MM-HH:MM', got {text!r}")
    h1, m1, h2, m2 = (int(g) for g in found.groups())
    end = dt.time.max if h2 == 24 else dt.time(h2, m2)
    return dt.time(h1, m1), end


def _limit(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{where}: must be a whole number >= 0")
    return value


def _role(name: str, spec: Mapping[str, Any]) -> RoleLimits:
    unknown = set(spec) - _ROLE_KEYS
    if unknown:
        raise ValueError(f"conditions: role {name}: unknown key(s) {sorted(unknown)}")
    level = DataLevel.parse(spec["max_level"]) if "max_level" in spec else None
    masked = DataLevel.parse(spec["max_level_masked"]) if "max_level_masked" in spec else level
    return RoleLimits(
        max_level=level,
        max_level_masked=masked,
        hours=_hours(str(spec["hours"]), f"conditions: role {name}") if "hours" in spec else None,
        per_response=_limit(spec.get("max_records_per_response"), f"conditions: role {name}"),
        per_day=_limit(spec.get("max_records_per_day"), f"conditions: role {name}"),
        reidentify_per_day=_limit(spec.get("max_reidentify_per_day"), f"conditions: role {name}"),
    )


def _section(data: Mapping[str, Any], name: str, known: set[str]) -> Mapping[str, Any]:
    """A section's mapping, refused if it names a key the code does not read: a misspelt key
    would otherwise switch its check off without a word (`required_form` and no purpose is
    ever asked for; `route` and self-approval is never checked)."""
    section = data.get(name) or {}
    if not isinstance(section, Mapping):
        raise ValueError(f"conditions: {name}: 须为映射 / must be a mapping")
    unknown = set(section) - known
    if unknown:
        raise ValueError(f"conditions: {name}: 未知的键 / unknown key(s) {sorted(unknown)}")
    return section


def _within(now: dt.time, window: tuple[dt.time, dt.time]) -> bool:
    start, end = window
    return start <= now < end if start <= end else now >= start or now < end  # windows may span midnight


class Conditions:
    def __init__(self, data: Mapping[str, Any]) -> None:
        unknown = set(data) - {"timezone", "purpose", "roles", "self_approval"}
        if unknown:
            raise ValueError(f"conditions: unknown key(s) {sorted(unknown)}")
        self.timezone = ZoneInfo(str(data.get("timezone", "Asia/Shanghai")))
        purpose = _section(data, "purpose", _PURPOSE_KEYS)
        required = purpose.get("required_from")
        self.purpose_from = DataLevel.parse(required) if required else None
        self.purpose_exempt = frozenset(str(r) for r in purpose.get("exempt_roles") or ())
        self.roles = {str(n): _role(str(n), spec or {}) for n, spec in (data.get("roles") or {}).items()}
        sa = _section(data, "self_approval", _SELF_APPROVAL_KEYS)
        self.self_approval = (
            SelfApproval(
                frozenset(str(r) for r in sa.get("routes") or ()),
                str(sa["lookup"]),
                str(sa.get("owner_field", "createdBy")),
                {str(k): str(v) for k, v in (sa.get("actor_fields") or {}).items()},
            )
            if sa
            else None
        )

    def _strictest(self, roles: Iterable[str], attr: str) -> tuple[Any, str] | None:
        found: list[tuple[Any, str]] = [
            (getattr(self.roles[r], attr), r)
            for r in roles
            if r in self.roles and getattr(self.roles[r], attr) is not None
        ]
        return min(found, key=lambda item: item[0]) if found else None

    def hour_windows(self, roles: Iterable[str]) -> list[tuple[str, tuple[dt.time, dt.time]]]:
        return [(r, lim.hours) for r in roles if (lim := self.roles.get(r)) and lim.hours]

    def check_time(self, roles: tuple[str, ...], now: dt.datetime) -> Verdict | None:
        """Before the upstream is asked: every role's time window must hold."""
        local = now.astimezone(self.timezone).time()
        for role, window in self.hour_windows(roles):
            if not _within(local, window):
                span = f"{window[0]:%H:%M}-{'24:00' if window[1] == dt.time.max else f'{window[1]:%H:%M}'}"
                return Verdict(
                    f"hours:{role}",
                    403,
                    "outside_hours",
                    f"role {role} may access data only {span} ({self.timezone.key})",
                    f"角色 {role} 仅可在 {span}(北京时间)访问数据",
                )
        return None

    def check_release(
        self, roles: tuple[str, ...], level: DataLevel, masked: bool, purpose: str | None, records: int
    ) -> Verdict | None:
        """After inspection: level ceiling, purpose of use, records per response."""
        ceiling = self._strictest(roles, "max_level_masked" if masked else "max_level")
        if ceiling is not None and level > ceiling[0]:
            return Verdict(
                f"max_level:{ceiling[1]}",
                403,
                "level_not_permitted",
                f"role {ceiling[1]} may not receive {level.label} data"
                + ("" if masked else " in clear")
                + f" (highest: {ceiling[0].label})",
                f"角色 {ceiling[1]} 无权获取{level.zh}(上限:{ceiling[0].zh})",
            )
        if self.needs_purpose(roles, level) and not purpose:
            return Verdict(
                "purpose",
                403,
                "purpose_required",
                f"{level.label} data requires a declared purpose of use (X-Purpose-Of-Use)",
                f"获取{level.zh}须声明使用目的(X-Purpose-Of-Use)",
            )
        limit = self._strictest(roles, "per_response")
        if limit is not None and records > limit[0]:
            return Verdict(
                f"max_records_per_response:{limit[1]}",
                403,
                "too_many_records",
                f"{records} records in one response exceed the limit of {limit[0]} for role {limit[1]}",
                f"单次返回 {records} 条记录,超过角色 {limit[1]} 的上限 {limit[0]} 条",
            )
        return None

    def check_write(self, roles: tuple[str, ...], purpose: str | None) -> Verdict | None:
        """Before a write is forwarded: the purpose of use, wherever one is required at all. A
        write's answer names the person written about; refused for want of a purpose only once
        the upstream had performed the write, the caller would be told "refused" and send it
        again (a second application, a second payment)."""
        if purpose or self.purpose_from is None or not self.needs_purpose(roles, self.purpose_from):
            return None
        return Verdict(
            "purpose",
            403,
            "purpose_required",
            "a write requires a declared purpose of use (X-Purpose-Of-Use); it was not sent to the upstream",
            "写操作须声明使用目的(X-Purpose-Of-Use),未转发上游",
        )

    def needs_purpose(self, roles: tuple[str, ...], level: DataLevel) -> bool:
        if self.purpose_from is None or level < self.purpose_from:
            return False
        # Exempt only when every role is: the strictest role binds, as for every condition
        # (a caseworker's key that also carries the payment service's role still declares why).
        return not roles or not all(r in self.purpose_exempt for r in roles)

    def daily_limit(self, roles: tuple[str, ...]) -> tuple[int, str] | None:
        found = self._strictest(roles, "per_day")
        return (int(found[0]), str(found[1])) if found else None

    def reidentify_limit(self, roles: tuple[str, ...]) -> tuple[int, str] | None:
        """Re-identifications per subject and day: each reveals one clear value, so without a
        bound a reviewer could decrypt every card of a district one call at a time."""
        found = self._strictest(roles, "reidentify_per_day")
        return (int(found[0]), str(found[1])) if found else None

    def day(self, now: dt.datetime) -> str:
        return now.astimezone(self.timezone).date().isoformat()


def load_conditions(path: Path | None = None) -> Conditions:
    data = yaml.safe_load((path or DEFAULT_PATH).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path or DEFAULT_PATH}: expected a mapping")
    return Conditions(data)

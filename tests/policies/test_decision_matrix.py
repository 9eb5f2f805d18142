"""The decision matrix of docs/policies.md §3, checked cell by cell against the running code.

The tables are read from the document, so the documentation is the specification: a policy
change that alters a decision fails here until the document says so too. Expected outcomes
are derived from the tables (role × region × operation, level ceilings, purpose, hours and
record limits), never from the policy files themselves.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from classifiers.levels import DataLevel
from policies.bundle import PolicyBundle, PolicyFiles
from policies.decide import evaluate

DOC = Path(__file__).resolve().parents[2] / "docs" / "policies.md"
BUNDLE = PolicyBundle.load(PolicyFiles())
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOON = dt.datetime(2026, 11, 30, 12, 0, tzinfo=SHANGHAI)
HOME = "610902"
REGIONS = {"own": "610902", "below": "610902001", "foreign": "610921"}
UNREGIONAL = {"health", "policy", "audit_log"}


def table(name: str) -> list[dict[str, str]]:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(rf"<!-- matrix:{name} -->\n(.*?)<!-- /matrix -->", text, re.S)
    if found is None:
        raise LookupError(f"docs/policies.md has no matrix {name!r}")
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in found.group(1).strip().splitlines()]
    header, body = rows[0], rows[2:]
    return [dict(zip(header, row, strict=True)) for row in body]


OPERATIONS = table("operations")
CONDITIONS = {row["role"]: row for row in table("conditions")}


def _grid_cases() -> list[tuple[str, str, str, bool]]:
    out = []
    for row in OPERATIONS:
        for op, cell in row.items():
            if op == "role":
                continue
            for region in REGIONS:
                regional = op.split(".")[0] not in UNREGIONAL
                out.append((row["role"], op, region, cell == "A" and (region != "foreign" or not regional)))
    return out


@pytest.mark.parametrize(("role", "op", "region", "allowed"), _grid_cases())
def test_role_region_operation(role: str, op: str, region: str, allowed: bool) -> None:
    resource, action = op.split(".")
    target = "" if resource in UNREGIONAL else REGIONS[region]
    outcome = evaluate(BUNDLE, (role,), HOME, target, resource, action, now=NOON)
    assert outcome.allowed is allowed, outcome
    assert outcome.policy_version == BUNDLE.version
    if allowed:
        assert outcome.rule.startswith(role) or outcome.rule.startswith("*")  # the allowing rule is named


def _allowed_op(role: str) -> str | None:
    row = next(r for r in OPERATIONS if r["role"] == role)
    regional = [op for op, cell in row.items() if cell == "A" and op.split(".")[0] not in UNREGIONAL]
    return regional[0] if regional else next((op for op, cell in row.items() if cell == "A"), None)


def _expected_release(role: str, level: DataLevel, masked: bool, purpose: bool) -> str:
    spec = CONDITIONS[role]
    ceiling = DataLevel.parse(spec["ceiling masked" if masked else "ceiling in clear"])
    if level > ceiling:
        return "level_not_permitted"
    if level >= DataLevel.IMPORTANT and spec["purpose exempt"] == "no" and not purpose:
        return "purpose_required"
    return "allow"


@pytest.mark.parametrize(
    ("role", "level", "masked", "purpose"),
    list(itertools.product(sorted(CONDITIONS), list(DataLevel), [True, False], [True, False])),
)
def test_level_and_purpose(role: str, level: DataLevel, masked: bool, purpose: bool) -> None:
    op = _allowed_op(role)
    assert op is not None
    resource, action = op.split(".")
    outcome = evaluate(
        BUNDLE,
        (role,),
        HOME,
        HOME,
        resource,
        action,
        now=NOON,
        level=level,
        masked=masked,
        purpose="低保复核" if purpose else None,
    )
    assert outcome.code == _expected_release(role, level, masked, purpose)


TIMES = ["00:30", "07:59", "08:00", "12:00", "17:59", "18:00", "23:30"]


def _within(hours: str, at: str) -> bool:
    if hours == "-":
        return True
    start, end = hours.split("-")
    return start <= at < end


@pytest.mark.parametrize(
    ("role", "at"),
    [(r["role"], t) for r in OPERATIONS for t in TIMES if _allowed_op(r["role"]) is not None],
)
def test_time_windows(role: str, at: str) -> None:
    op = _allowed_op(role)
    assert op is not None
    resource, action = op.split(".")
    hour, minute = (int(x) for x in at.split(":"))
    now = NOON.replace(hour=hour, minute=minute).astimezone(dt.UTC)  # the clock is UTC; windows are local
    outcome = evaluate(BUNDLE, (role,), HOME, HOME, resource, action, now=now)
    hours = CONDITIONS.get(role, {}).get("hours", "-")
    assert outcome.code == ("allow" if _within(hours, at) else "outside_hours")
    if outcome.code == "outside_hours":
        assert outcome.condition == f"hours:{role}"


@pytest.mark.parametrize(
    ("role", "extra"),
    [(r, e) for r, spec in sorted(CONDITIONS.items()) if spec["per response"] != "-" for e in (0, 1)],
)
def test_records_per_response(role: str, extra: int) -> None:
    op = _allowed_op(role)
    assert op is not None
    resource, action = op.split(".")
    limit = int(CONDITIONS[role]["per response"])
    outcome = evaluate(BUNDLE, (role,), HOME, HOME, resource, action, now=NOON, records=limit + extra, purpose="x")
    assert outcome.code == ("allow" if extra == 0 else "too_many_records")


@pytest.mark.parametrize(
    ("roles", "level", "masked", "code"),
    [
        # Several roles: casbin allows if any role allows; conditions bind with the strictest value.
        (("outsourced", "district_head"), DataLevel.CORE, True, "level_not_permitted"),
        (("statistician", "caseworker"), DataLevel.IMPORTANT, False, "level_not_permitted"),
        (("caseworker", "service_payment"), DataLevel.CORE, False, "purpose_required"),  # the strictest binds
        (("caseworker", "system_admin"), DataLevel.GENERAL, True, "forbidden"),  # an admin deny overrides
        (("system_admin", "audit_admin"), DataLevel.GENERAL, True, "separation_of_duties"),
        (("security_admin", "audit_admin"), DataLevel.GENERAL, True, "separation_of_duties"),
    ],
)
def test_multiple_roles(roles: tuple[str, ...], level: DataLevel, masked: bool, code: str) -> None:
    outcome = evaluate(BUNDLE, roles, HOME, HOME, "person", "list", now=NOON, level=level, masked=masked)
    assert outcome.code == code


def test_the_matrix_is_large_enough() -> None:
    assert len(_grid_cases()) >= 200

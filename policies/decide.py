"""The whole access decision in one place, in the order the gateway applies it:

    separation of duties -> casbin (role x jurisdiction x resource x action)
      -> time window (before the upstream) -> level, purpose, records (after inspection)

The gateway runs the first three in the authorize stage and the last in the release stage;
`evaluate` chains them for `minguard policy explain` and the decision-matrix tests, so what
is explained and tested is the code that runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from classifiers.levels import DataLevel

from .bundle import PolicyBundle
from .conditions import Verdict
from .enforcer import Decision
from .separation import violation


@dataclass(frozen=True, slots=True)
class Outcome:
    allowed: bool
    code: str  # "allow", or why not: forbidden, separation_of_duties, outside_hours, ...
    rule: str
    policy_version: str
    condition: str | None
    profile: str


def separation_verdict(roles: tuple[str, ...]) -> Verdict | None:
    why = violation(roles)
    if why is None:
        return None
    return Verdict("separation_of_duties", 403, "separation_of_duties", why, "三员分立:同一主体不得兼任两个管理员角色")


def before_upstream(
    bundle: PolicyBundle,
    roles: tuple[str, ...],
    home: str,
    target: str,
    resource: str,
    action: str,
    now: dt.datetime,
) -> tuple[Decision, Verdict | None]:
    """casbin's decision, and the condition (if any) that refuses the request anyway."""
    decision = bundle.enforcer.decide(roles, home, target, resource, action)
    sod = separation_verdict(roles)
    if sod is not None:
        return Decision(False, "separation_of_duties", bundle.version, "separation_of_duties"), sod
    if not decision.allowed:
        return decision, None
    return decision, bundle.conditions.check_time(roles, now)


def evaluate(
    bundle: PolicyBundle,
    roles: tuple[str, ...],
    home: str,
    target: str,
    resource: str,
    action: str,
    *,
    now: dt.datetime,
    level: DataLevel = DataLevel.GENERAL,
    masked: bool = True,
    purpose: str | None = None,
    records: int = 0,
) -> Outcome:
    profile = bundle.profiles.for_roles(roles).name
    decision, verdict = before_upstream(bundle, roles, home, target, resource, action, now)
    if verdict is None and decision.allowed:
        verdict = bundle.conditions.check_release(roles, level, masked, purpose, records)
    if verdict is not None:
        return Outcome(False, verdict.code, decision.rule, bundle.version, verdict.condition, profile)
    if not decision.allowed:
        return Outcome(False, "forbidden", decision.rule, bundle.version, None, profile)
    return Outcome(True, "allow", decision.rule, bundle.version, None, profile)

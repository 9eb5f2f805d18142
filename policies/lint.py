"""`minguard policy lint`: findings about the policy files and the configured identities.

- conflict: an allow and a deny for the same role, overlapping scope and resource, and an
  action both match (deny wins, so the allow is dead or the deny is a mistake);
- unreachable: a rule for a role no configured principal holds, or for a resource/action no
  route or admin endpoint offers;
- unmentioned: a route whose resource no rule names (only `*` rules can ever reach it);
- separation_of_duties: a configured identity holding two of the three administrator roles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .separation import check_identities

# The gateway's own endpoints (gateway/admin/) decided by policy.csv: (resource, action).
ADMIN_OPERATIONS = frozenset(
    {("personal_data", "reidentify"), ("policy", "reload"), ("policy", "explain"), ("audit_log", "query")}
    | {("alert", "alert_acknowledge"), ("alert", "alert_close"), ("reference", "reference_load")}
    # The console (gateway/console): one action per page or form.
    | {
        ("console", action)
        for action in (
            "login",
            "logout",
            "query",
            "person_history",
            "user_activity",
            "process_log",
            "alert_list",
            "alert_acknowledge",
            "alert_close",
            "report",
        )
    }
)


@dataclass(frozen=True, slots=True)
class Rule:
    line: int
    role: str
    scope: str
    obj: str
    act: str
    eft: str

    def __str__(self) -> str:
        return f"line {self.line} ({self.role}, {self.scope}, {self.obj}, {self.act}, {self.eft})"

    def covers(self, resource: str, action: str) -> bool:
        return self.obj in ("*", resource) and re.search(self.act, action) is not None


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    severity: str  # "error" | "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.kind}: {self.message}"


def parse_rules(path: Path) -> list[Rule]:
    rules = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = [p.strip() for p in line.split(",")]
        if parts[0] == "p" and len(parts) >= 6:
            # The action regex may itself contain commas only inside (...); rejoin the middle.
            rules.append(Rule(number, parts[1], parts[2], parts[3], ",".join(parts[4:-1]), parts[-1]))
    return rules


def route_operations(path: Path) -> set[tuple[str, str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {(str(r["name"]), str(r["resource"]), str(r["action"])) for r in data.get("routes") or []}


def _overlap(a: str, b: str) -> bool:
    return a == b or "*" in (a, b)


def lint(
    policy: Path,
    routes: Path,
    identities: Iterable[tuple[str, Iterable[str]]] | None = None,
    jwt_enabled: bool = False,
) -> list[Finding]:
    rules = parse_rules(policy)
    ops = {(res, act) for _, res, act in route_operations(routes)} | ADMIN_OPERATIONS
    findings = []
    for allow in (r for r in rules if r.eft == "allow"):
        for deny in (r for r in rules if r.eft == "deny"):
            if deny.role in (allow.role, "*") and _overlap(allow.scope, deny.scope) and _overlap(allow.obj, deny.obj):
                both = sorted(f"{res}.{act}" for res, act in ops if allow.covers(res, act) and deny.covers(res, act))
                if both:
                    findings.append(Finding("conflict", "error", f"{allow} is overridden by {deny} for {both}"))
    idents = [(i, list(roles)) for i, roles in identities] if identities is not None else None
    held = {role for _, roles in idents or [] for role in roles}
    for rule in rules:
        if not any(rule.covers(res, act) for res, act in ops):
            findings.append(Finding("unreachable", "warning", f"{rule}: no route or admin endpoint has this action"))
        elif idents is not None and rule.role != "*" and rule.role not in held:
            via = " (only a JWT could carry it)" if jwt_enabled else ""
            findings.append(
                Finding("unreachable", "warning", f"{rule}: no configured principal holds {rule.role!r}{via}")
            )
    named = {r.obj for r in rules}
    for name, resource, action in sorted(route_operations(routes)):
        if resource not in named:
            findings.append(
                Finding("unmentioned", "warning", f"route {name} ({resource}.{action}): no rule names {resource!r}")
            )
    for problem in check_identities(idents or []):
        findings.append(Finding("separation_of_duties", "error", problem))
    return findings

"""Facts read from the policy bundle and the configured identities: the role matrix, 三员分立,
masking per role and field.

The matrix is computed by the same enforcer the gateway runs (policies/enforcer.py), for a
caller asking about its own region, so what the report shows is what the gateway decides.
"""

from __future__ import annotations

from typing import Any

import yaml

from gateway.settings import Settings
from policies.bundle import PolicyBundle, PolicyFiles
from policies.separation import ADMIN_ROLES, check_identities

from .trail import ENTITIES

HOME = "610902"  # any region: the matrix asks about the caller's own jurisdiction
ADMIN_OPERATIONS = (("personal_data", "reidentify"), ("policy", "reload"), ("audit_log", "query"))
# What each administrator may do, and nothing else (三员分立, docs/policies.md §2).
OWN_DUTY = {"system_admin": set(), "security_admin": {"policy.reload"}, "audit_admin": {"audit_log.query"}}
ROLE_ZH = {
    "caseworker": "救助经办人",
    "reviewer": "审核人",
    "district_head": "区县负责人",
    "statistician": "统计人员",
    "outsourced": "外包人员",
    "service_payment": "资金发放服务账号",
    "system_admin": "系统管理员",
    "security_admin": "安全管理员",
    "audit_admin": "审计管理员",
}


def load_bundle(settings: Settings) -> PolicyBundle:
    p = settings.policy
    return PolicyBundle.load(PolicyFiles(p.model, p.policy, p.routes, p.masking, p.conditions))


def roles_of(settings: Settings, bundle: PolicyBundle) -> list[str]:
    named = set(bundle.profiles.roles) | {r for k in settings.identity.api_keys for r in k.roles}
    known = [r for r in ROLE_ZH if r in named]
    return known + sorted(named - set(known))


def routes(settings: Settings) -> list[dict[str, str]]:
    """The route inventory as declared in routes.yaml (name, method, path, resource, action)."""
    data = yaml.safe_load(settings.policy.routes.read_text(encoding="utf-8")) or {}
    return [{k: str(v) for k, v in r.items()} for r in data.get("routes") or []]


def operations(settings: Settings) -> list[str]:
    ops = {f"{r['resource']}.{r['action']}" for r in routes(settings)}
    return sorted(ops) + [f"{res}.{act}" for res, act in ADMIN_OPERATIONS]


def role_matrix(settings: Settings, bundle: PolicyBundle) -> dict[str, dict[str, bool]]:
    matrix: dict[str, dict[str, bool]] = {}
    for role in roles_of(settings, bundle):
        row = {}
        for op in operations(settings):
            resource, action = op.split(".", 1)
            row[op] = bundle.enforcer.decide((role,), HOME, HOME, resource, action).allowed
        matrix[role] = row
    return matrix


def separation_problems(settings: Settings, matrix: dict[str, dict[str, bool]]) -> list[str]:
    """Identities holding two administrator roles, and administrators allowed beyond their duty."""
    problems = check_identities((k.id, k.roles) for k in settings.identity.api_keys)
    for role in ADMIN_ROLES:
        extra = sorted(op for op, allowed in matrix.get(role, {}).items() if allowed and op not in OWN_DUTY[role])
        if extra:
            problems.append(f"{ROLE_ZH[role]} {role} 可执行其职责之外的操作:{', '.join(extra)}")
    return problems


def audit_controllers(matrix: dict[str, dict[str, bool]]) -> list[str]:
    """Roles the policy lets act on the audit trail (resource audit_log)."""
    return sorted(
        role for role, row in matrix.items() if any(ok for op, ok in row.items() if op.startswith("audit_log."))
    )


def masking_by_role(settings: Settings, bundle: PolicyBundle) -> dict[str, dict[str, str]]:
    """Per role, the operator applied to each entity type (field-level least privilege)."""
    out: dict[str, dict[str, str]] = {}
    for role in roles_of(settings, bundle):
        profile = bundle.profiles.for_roles([role])
        row = {"_profile": profile.name}
        for entity in ENTITIES:
            op = profile.operator(entity)
            row[entity] = op.op + (f"({op.alg})" if op.alg else "")
        out[role] = row
    return out


def masking_algorithms(bundle: PolicyBundle) -> list[dict[str, Any]]:
    """Cryptographic operators configured in masking profiles (HMAC/AES/SM3/SM4)."""
    found = []
    for name in bundle.profiles.names:
        profile = bundle.profiles.get(name)
        for entity, op in sorted(profile.operators.items()):
            if op.op in ("pseudonymise", "encrypt"):
                found.append({"profile": name, "entity": entity, "op": op.op, "alg": op.alg, "key": op.key})
    return found

"""三员分立: separation of duties between the system, security and audit administrators.

No principal may hold two of the three roles. A configured identity that does is refused
when the gateway is built; a token that carries two is denied at every request (tokens are
issued elsewhere, so config checks alone cannot catch them).
"""

from __future__ import annotations

from collections.abc import Iterable

ADMIN_ROLES = ("system_admin", "security_admin", "audit_admin")


def admin_roles(roles: Iterable[str]) -> list[str]:
    held = set(roles)
    return [r for r in ADMIN_ROLES if r in held]


def violation(roles: Iterable[str]) -> str | None:
    """Why these roles break separation of duties, or None."""
    held = admin_roles(roles)
    if len(held) > 1:
        return f"roles {' and '.join(held)} must not be held by one principal (三员分立)"
    return None


def check_identities(identities: Iterable[tuple[str, Iterable[str]]]) -> list[str]:
    """Problems among configured (id, roles) pairs; empty when none."""
    problems = []
    for ident, roles in identities:
        why = violation(roles)
        if why:
            problems.append(f"identity {ident!r}: {why}")
    return problems

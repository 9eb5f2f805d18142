from __future__ import annotations

from pathlib import Path

import pytest

from policies.enforcer import PolicyEnforcer, in_scope, region_prefix

POLICIES = Path(__file__).resolve().parents[2] / "policies"
ENFORCER = PolicyEnforcer(POLICIES / "model.conf", POLICIES / "policy.csv")


@pytest.mark.parametrize(
    ("code", "prefix"),
    [("610900", "6109"), ("610902", "610902"), ("610000", "61"), ("610902001", "610902001")],
)
def test_region_prefix(code: str, prefix: str) -> None:
    assert region_prefix(code) == prefix


@pytest.mark.parametrize(
    ("home", "target", "scope", "expected"),
    [
        ("610902", "610902", "own", True),
        ("610902", "610902001", "own", True),  # a township under the district
        ("610902", "610902001001", "own", True),
        ("610902", "610921", "own", False),  # the neighbouring county
        ("610900", "610921", "own", True),  # the city covers its counties
        ("610902001", "610902", "own", False),  # a township does not cover its district
        ("610902001", "610902002", "own", False),
        ("610902", "610921", "610900", True),
        ("610902", "620102", "*", True),
        # A route without a region answers for every region: only "*" rules reach it.
        ("610902", "", "own", False),
        ("610902", "", "610900", False),
        ("610902", "", "*", True),
    ],
)
def test_in_scope(home: str, target: str, scope: str, expected: bool) -> None:
    assert in_scope(home, target, scope) is expected


@pytest.mark.parametrize(
    ("roles", "home", "target", "resource", "action", "allowed", "rule"),
    [
        (("caseworker",), "610902", "610902", "person", "read", True, "caseworker, own, person"),
        (("caseworker",), "610902", "610921", "person", "read", False, ""),
        (("caseworker",), "610902", "610902", "person", "export", False, ""),
        (("caseworker",), "610902", "610902", "case", "approve", False, ""),
        (("reviewer",), "610902", "610902001", "case", "approve", True, "reviewer, own, case"),
        (("district_head",), "610902", "610902", "export", "export", True, "district_head, own, *"),
        (("outsourced",), "610902", "610902", "person", "list", True, "outsourced, own, person"),
        (("outsourced",), "610902", "610902", "payment", "list", False, "outsourced, *, payment"),
        (("outsourced", "district_head"), "610902", "610902", "export", "export", False, "outsourced, *, export"),
        (("audit_admin",), "610900", "610902", "person", "read", False, "audit_admin, *, *"),
        (("caseworker", "system_admin"), "610902", "610902", "person", "read", False, "system_admin"),
        (("nobody",), "610902", "610902", "person", "read", False, ""),
        (("nobody",), "610902", "", "health", "read", True, "*, *, health"),
    ],
)
def test_decisions(
    roles: tuple[str, ...], home: str, target: str, resource: str, action: str, allowed: bool, rule: str
) -> None:
    decision = ENFORCER.decide(roles, home, target, resource, action)
    assert decision.allowed is allowed
    assert decision.rule.startswith(rule)
    assert decision.policy_version == ENFORCER.version
    if not allowed and not rule:
        assert decision.reason == "no_matching_rule"


def test_an_enforcer_failure_is_a_deny(monkeypatch: pytest.MonkeyPatch) -> None:
    enforcer = PolicyEnforcer(POLICIES / "model.conf", POLICIES / "policy.csv")

    def broken(*args: object) -> object:
        raise RuntimeError("adapter lost")

    monkeypatch.setattr(enforcer._decide, "enforce_ex", broken)
    decision = enforcer.decide(("caseworker",), "610902", "610902", "person", "read")
    assert decision.allowed is False
    assert decision.reason == "enforcer_error: RuntimeError"


def test_policy_version_changes_with_the_policy(tmp_path: Path) -> None:
    policy = tmp_path / "policy.csv"
    policy.write_text((POLICIES / "policy.csv").read_text() + "p, caseworker, own, export, ^export$, allow\n")
    changed = PolicyEnforcer(POLICIES / "model.conf", policy)
    assert changed.version != ENFORCER.version
    assert changed.decide(("caseworker",), "610902", "610902", "export", "export").allowed

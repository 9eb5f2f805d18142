"""The casbin enforcer, wrapped so that any failure is a deny.

casbin's own "disabled" state allows everything, so this wrapper never exposes it: it owns
its enforcers, never disables them, and turns every exception into a denial that names the
error. Every decision names the rule that made it and the policy version (a digest of the
model and policy files), for the audit event.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

import casbin
from casbin.persist.adapters import FileAdapter

log = logging.getLogger(__name__)

ALLOW_EXPLAIN_EFFECT = "some(where (p.eft == allow))"
_MAX_REMEMBERED = 65536


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    rule: str  # the policy line that decided, or "" when no rule matched (default deny)
    policy_version: str
    reason: str  # "allow", "deny_rule", "no_matching_rule", "enforcer_error: ..."


def region_prefix(code: str) -> str:
    """The prefix every region under `code` starts with: 610900 -> 6109, 610000 -> 61."""
    if len(code) == 6:
        while code.endswith("00") and len(code) > 2:
            code = code[:-2]
    return code


def in_scope(home: str, target: str, scope: str) -> bool:
    """A route without a region (target "") is in scope only of "*" rules: an `own` or
    region rule on such a route would let one district's caller read every district."""
    if scope == "*":
        return True
    if target == "":
        return False
    base = home if scope == "own" else scope
    if not base:
        return False
    return target.startswith(region_prefix(base))


def has_role(roles: str, role: str) -> bool:
    return role == "*" or role in roles.split(",")


def _build(model_text: str, policy_path: Path) -> casbin.Enforcer:
    model = casbin.Enforcer.new_model(text=model_text)
    enforcer = casbin.Enforcer(model, FileAdapter(str(policy_path)))
    enforcer.add_function("in_scope", in_scope)
    enforcer.add_function("has_role", has_role)
    # casbin logs every denial at WARNING; the audit trail records decisions, not the log.
    logging.getLogger("casbin").setLevel(logging.ERROR)
    return enforcer


class PolicyEnforcer:
    def __init__(self, model_path: Path, policy_path: Path, version: str | None = None) -> None:
        model_text = model_path.read_text(encoding="utf-8")
        digest = hashlib.sha256(model_text.encode())
        digest.update(policy_path.read_bytes())
        # A bundle of several policy files passes its own version (a digest over all of them).
        self.version = version or digest.hexdigest()[:12]
        self._decide = _build(model_text, policy_path)
        # casbin reports the deciding rule only when the effect stops early; with
        # deny-override that is only for denials, so a second enforcer whose effect stops
        # at the first allow names the allowing rule.
        explain_text = model_text.replace(
            "some(where (p.eft == allow)) && !some(where (p.eft == deny))", ALLOW_EXPLAIN_EFFECT
        )
        if explain_text == model_text:
            raise ValueError(f"{model_path}: policy_effect must be allow-and-deny (deny overrides)")
        self._explain = _build(explain_text, policy_path)
        # casbin parses its matcher expression on every call (about a quarter of a request's
        # CPU). A decision depends only on the request tuple and this enforcer's fixed policy
        # (a reload builds a new enforcer), so decisions are remembered, within a bound.
        self._decisions: dict[tuple[str, str, str, str, str], Decision] = {}

    def decide(self, roles: tuple[str, ...], home: str, target: str, resource: str, action: str) -> Decision:
        request = (",".join(roles), home, target, resource, action)
        known = self._decisions.get(request)
        if known is not None:
            return known
        try:
            allowed, explain = self._decide.enforce_ex(*request)
            if allowed:
                _, explain = self._explain.enforce_ex(*request)
                decision = Decision(True, ", ".join(explain), self.version, "allow")
            else:
                reason = "deny_rule" if explain else "no_matching_rule"
                decision = Decision(False, ", ".join(explain), self.version, reason)
        except Exception as exc:  # any enforcer failure is a deny, never an allow (and not remembered)
            log.exception("policy enforcer failed; denying")
            return Decision(False, "", self.version, f"enforcer_error: {type(exc).__name__}")
        if len(self._decisions) >= _MAX_REMEMBERED:
            self._decisions.clear()
        self._decisions[request] = decision
        return decision

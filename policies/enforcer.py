"""The casbin enforcer, wrapped so that any failure is a deny.

casbin's own "disabled" state allows everything, so this wrapper never exposes it: it owns
its enforcers, never disables them, and turns every exception into a denial that names the
error. Every decision names the rule that made it and the policy version (a digest of the
model and policy files), for the audit event.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import casbin
from casbin.persist.adapters import FileAdapter

log = logging.getLogger(__name__)

ALLOW_EXPLAIN_EFFECT = "some(where (p.eft == allow))"
_MAX_REMEMBERED = 65536
_SCOPE = re.compile(r"^(own|\*|[0-9]{6}(?:[0-9]{3}){0,2})$")
_EFFECTS = ("allow", "deny")


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


def _rule_problem(rule: list[str]) -> str | None:
    """What is wrong with one parsed rule, or None. casbin itself takes any of these and then
    either ignores the rule (an effect that is neither allow nor deny: a deny spelt `Deny`
    silently stops denying) or fails every decision (a short row, a bad regex: every request
    denied), so a reload must refuse them instead."""
    if len(rule) != 5:
        return f"应有 5 个字段 / needs 5 fields (role, scope, obj, act, eft), has {len(rule)}"
    role, scope, obj, act, eft = rule
    if not role or not obj:
        return "角色和资源不得为空 / role and obj must not be empty"
    if not _SCOPE.match(scope):
        return f"范围须为 own、* 或行政区划代码 / scope must be own, * or a region code, not {scope!r}"
    if eft not in _EFFECTS:
        return f"效果须为 allow 或 deny / eft must be allow or deny, not {eft!r}"
    try:
        re.compile(act)
    except re.error as exc:
        return f"动作不是有效的正则表达式 / act is not a valid regular expression: {exc}"
    return None


def check_rules(policy_path: Path, rules: list[list[str]]) -> None:
    """Refuse a policy file casbin would read differently from what it says (ValueError)."""
    # Split as casbin's FileAdapter reads it: by "\n", each line stripped.
    lines = [(n, text.strip()) for n, text in enumerate(policy_path.read_text(encoding="utf-8").split("\n"), 1)]
    numbers = []
    for number, text in lines:
        if not text or text.startswith("#"):
            continue
        if text.split(",", 1)[0].strip() != "p":  # casbin drops a line of any other type unread
            raise ValueError(f"{policy_path}:{number}: 规则行须以 p, 开头 / a rule line must start with 'p,'")
        numbers.append(number)
    for number, rule in zip(numbers, rules, strict=True):
        problem = _rule_problem(rule)
        if problem is not None:
            raise ValueError(f"{policy_path}:{number}: {problem}")


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
        check_rules(policy_path, self._decide.get_policy())
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

"""All policy files as one versioned unit, and the holder that swaps it on reload.

A reload builds a complete new bundle first; only if every file loads is it swapped in.
A bad file leaves the running policy untouched and reports the error. The version recorded
in every decision is a digest over all the files, so any change shows in the audit trail.
"""

from __future__ import annotations

import hashlib
import logging
import os
import string
from dataclasses import dataclass
from pathlib import Path

from .conditions import Conditions, load_conditions
from .crypto import FieldCrypto
from .enforcer import PolicyEnforcer
from .masking import MaskingProfiles, load_profiles
from .routes import RouteTable

POLICY_DIR = Path(__file__).resolve().parent
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PolicyFiles:
    model: Path = POLICY_DIR / "model.conf"
    policy: Path = POLICY_DIR / "policy.csv"
    routes: Path = POLICY_DIR / "routes.yaml"
    masking: Path = POLICY_DIR / "masking.yaml"
    conditions: Path = POLICY_DIR / "conditions.yaml"

    def all(self) -> tuple[Path, ...]:
        return (self.model, self.policy, self.routes, self.masking, self.conditions)

    def digest(self) -> str:
        h = hashlib.sha256()
        for path in self.all():
            data = path.read_bytes()
            h.update(len(data).to_bytes(8, "big"))  # file boundaries count: no two splits collide
            h.update(data)
        return h.hexdigest()[:12]

    def mtimes(self) -> tuple[int, ...]:
        return tuple(p.stat().st_mtime_ns for p in self.all())


def check_self_approval(conditions: Conditions, routes: RouteTable) -> None:
    """The self-approval rule must name routes that exist, and its lookup only their parameters:
    a misspelt route name would leave approvals unchecked, silently (ValueError)."""
    rule = conditions.self_approval
    if rule is None:
        return
    known = routes.params()
    for name in sorted(rule.routes | set(rule.actor_fields)):
        if name not in known:
            raise ValueError(f"conditions: self_approval: 路由不存在 / no route named {name!r} in routes.yaml")
    fields = {field for _, field, _, _ in string.Formatter().parse(rule.lookup) if field is not None}
    for name in sorted(rule.routes):
        missing = fields - known[name]
        if missing:
            raise ValueError(
                f"conditions: self_approval.lookup: 路由 {name} 无参数 / route {name} has no parameter(s) {sorted(missing)}"
            )


@dataclass(frozen=True, slots=True)
class PolicyBundle:
    version: str
    enforcer: PolicyEnforcer
    routes: RouteTable
    profiles: MaskingProfiles
    conditions: Conditions

    @classmethod
    def load(cls, files: PolicyFiles, crypto: FieldCrypto | None = None) -> PolicyBundle:
        version = files.digest()
        routes = RouteTable.load(files.routes)
        conditions = load_conditions(files.conditions)
        check_self_approval(conditions, routes)
        return cls(
            version=version,
            enforcer=PolicyEnforcer(files.model, files.policy, version),
            routes=routes,
            profiles=load_profiles(files.masking, crypto),
            conditions=conditions,
        )


class PolicyStore:
    """The running bundle. `profiles` is one long-lived object (held by the inspect stage)
    whose contents are swapped on reload; everything else is read from `current`.

    `marker` is a file shared by the worker processes of one gateway (`minguard run --workers`):
    a reload reaches one worker only, so it writes the new version there and every other worker
    loads the same files before its next decision (`follow`). Without it a revoked permission
    stayed in force on every worker but the one that answered the reload.
    """

    def __init__(self, files: PolicyFiles, crypto: FieldCrypto | None = None, marker: Path | None = None) -> None:
        self.files = files
        self._crypto = crypto
        self.current = PolicyBundle.load(files, crypto)
        self.profiles = self.current.profiles
        self.last_error: str | None = None
        self._mtimes = files.mtimes()
        self._marker = marker
        # A marker left by an earlier run names a reload this process started after.
        self._marker_seen = self._marker_mtime()

    def reload(self) -> PolicyBundle:
        """Load every file again; raises (and keeps the running policy) if any is bad. The new
        version is published to the other workers."""
        bundle = self._load()
        self._publish(bundle.version)
        return bundle

    def follow(self) -> None:
        """Load the policy again if another worker reloaded it since; cheap otherwise (one stat)."""
        mtime = self._marker_mtime()
        if mtime == self._marker_seen or self._marker is None:
            return
        self._marker_seen = mtime
        try:
            wanted = self._marker.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return
        if wanted == self.current.version:
            return
        try:
            bundle = self._load()
        except Exception:
            log.exception(
                "策略未能随其他工作进程重新加载,原策略继续生效 / policy not reloaded after another worker did"
            )
            return
        if bundle.version != wanted:
            # The files changed again after that reload: this worker now runs files no reload named.
            log.error(
                "策略版本与重新加载时不同 / policy version %s differs from the reloaded %s: the files changed since",
                bundle.version,
                wanted,
            )

    def _load(self) -> PolicyBundle:
        try:
            fresh = PolicyBundle.load(self.files, self._crypto)
        except Exception as exc:
            self.last_error = f"{type(exc).__name__}: {exc}"
            raise
        self.profiles.swap(fresh.profiles)
        self.current = PolicyBundle(fresh.version, fresh.enforcer, fresh.routes, self.profiles, fresh.conditions)
        self.last_error = None
        self._mtimes = self.files.mtimes()
        return self.current

    def _publish(self, version: str) -> None:
        if self._marker is None:
            return
        # Written whole under a private name, then renamed: a worker never reads half a version.
        tmp = self._marker.with_name(f".{self._marker.name}.{os.getpid()}.tmp")
        tmp.write_text(version + "\n", encoding="ascii")
        os.replace(tmp, self._marker)
        self._marker_seen = self._marker_mtime()

    def _marker_mtime(self) -> int | None:
        if self._marker is None:
            return None
        try:
            return os.stat(self._marker).st_mtime_ns
        except OSError:
            return None

    def changed_on_disk(self) -> bool:
        try:
            return self.files.mtimes() != self._mtimes
        except OSError:
            return True  # a file went away: let the reload report it

"""The gateway process's own start and clean stop, as entries of the trail (网关启动/停止).

GB/T 22239 8.1.4.3 d asks that the audit process be protected from unauthorised interruption,
and the audit administrator must be able to tell when the settings it runs with changed: a
gateway started with `audit.max_spool_bytes` lowered, a new API key with an administrator's
role, another signing key or other policy files. Settings are read once, at start, so a
change is a restart; each worker therefore writes one `gateway.start` entry when its spool slot
opens, naming a digest of the settings it runs with and, against the settings the slot's
previous process ran with (kept in the slot directory), which of them changed. A clean
shutdown writes `gateway.stop` before the closing checkpoint. Both are chained and shipped like
any event; `event.kind: lifecycle` keeps them out of the counts of accesses.

A process that is killed, crashes or loses its host writes no stop entry, and its silence is
what an interruption of the audit process looks like. So the slot's snapshot also says whether
the process that wrote it is still running (`running`, set once the start entry is on disk,
cleared once the stop entry is): the next start that finds it set names the previous run, and
that its stop is missing from the trail (`previous_run.stop_recorded: false`).

Only names of settings go into the trail, never their values (a value may be a path, a URL or
an API key's hash; the digest tells equal from different).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from audit.chain import now_timestamp

from .settings import Settings

SNAPSHOT_FILE = "settings.json"
MAX_NAMED = 100  # changed settings named in one entry; `changed_count` has them all


def flat_settings(settings: Settings, extra: dict[str, str]) -> dict[str, str]:
    """Every setting as `section.key` -> its value's canonical JSON; entries of a list that have
    an `id` (API keys) as `section.key[id]`, so that a key added or removed is named."""
    flat: dict[str, str] = {}

    def walk(value: Any, name: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{name}.{key}" if name else str(key))
        elif isinstance(value, list) and value and all(isinstance(i, dict) and "id" in i for i in value):
            for item in value:
                flat[f"{name}[{item['id']}]"] = json.dumps(item, sort_keys=True, ensure_ascii=False)
        else:
            flat[name] = json.dumps(value, sort_keys=True, ensure_ascii=False)

    walk(settings.model_dump(mode="json"), "")
    flat.update(extra)
    return flat


def digest(flat: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(flat, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def changed(previous: dict[str, str], current: dict[str, str]) -> list[str]:
    """Settings added, removed or given another value, by name."""
    return sorted(name for name in previous.keys() | current.keys() if previous.get(name) != current.get(name))


@dataclass(frozen=True)
class PreviousRun:
    """What the slot's previous process left in its snapshot."""

    settings: dict[str, str]
    # Whether its stop entry reached the trail; None for a snapshot that predates the record.
    stop_recorded: bool | None
    pid: int | None = None
    started_at: str | None = None


def read_snapshot(directory: Path) -> PreviousRun | None:
    """The slot's previous process: the settings it started with and whether it stopped cleanly;
    None if there was none, or the file cannot be read (then the entry says so rather than
    claiming nothing changed)."""
    try:
        data = json.loads((directory / SNAPSHOT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    settings = data.get("settings") if isinstance(data, dict) else None
    if not isinstance(settings, dict) or not all(isinstance(v, str) for v in settings.values()):
        return None
    flat = {str(k): v for k, v in settings.items()}
    if "running" not in data:
        return PreviousRun(flat, stop_recorded=None)
    running = data["running"]
    if not isinstance(running, dict):
        return PreviousRun(flat, stop_recorded=True)
    pid, started_at = running.get("pid"), running.get("started_at")
    return PreviousRun(
        flat,
        stop_recorded=False,
        pid=pid if isinstance(pid, int) else None,
        started_at=started_at if isinstance(started_at, str) else None,
    )


def write_snapshot(directory: Path, flat: dict[str, str], running: dict[str, Any] | None) -> None:
    """`running` names this process ({"pid", "started_at"}) from its recorded start until its
    recorded stop, when it is written again as None."""
    temporary = directory / f".{SNAPSHOT_FILE}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(
            {"sha256": digest(flat), "settings": flat, "running": running},
            handle,
            ensure_ascii=False,
            sort_keys=True,
        )
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, directory / SNAPSHOT_FILE)


def _package_version() -> str:
    try:
        return version("minguard")
    except PackageNotFoundError:
        return "unknown"


def _entry(action: str, types: list[str], instance: str, gateway: dict[str, Any], summary: str) -> dict[str, Any]:
    return {
        "@timestamp": now_timestamp(),
        "event": {
            "id": uuid.uuid4().hex,
            "kind": "lifecycle",
            "category": ["process", "configuration"],
            "type": types,
            "action": action,
            "outcome": "success",
        },
        "minguard": {"instance": instance, "gateway": gateway, "summary_zh": summary},
    }


def start_entry(instance: str, flat: dict[str, str], previous: PreviousRun | None) -> dict[str, Any]:
    current = digest(flat)
    gateway: dict[str, Any] = {
        "version": _package_version(),
        "pid": os.getpid(),
        "config_sha256": current,
        "first_start": previous is None,
    }
    head = f"网关启动:实例 {instance}(minguard {gateway['version']},进程 {gateway['pid']}),配置摘要 {current[:16]}"
    if previous is None:
        return _entry("gateway.start", ["start"], instance, gateway, head + ";本实例无上次启动记录")
    types = ["start"]
    if previous.stop_recorded is False:
        gateway["previous_run"] = {"stop_recorded": False, "pid": previous.pid, "started_at": previous.started_at}
        types.append("error")
        head += (
            f";上次运行(进程 {previous.pid if previous.pid is not None else '未知'},"
            f"启动于 {previous.started_at or '未知'})没有停止记录:进程被终止、崩溃或主机断电,审计进程曾中断"
        )
    elif previous.stop_recorded:
        gateway["previous_run"] = {"stop_recorded": True}
    names = changed(previous.settings, flat)
    gateway |= {"previous_config_sha256": digest(previous.settings), "changed_count": len(names)}
    if not names:
        return _entry("gateway.start", types, instance, gateway, head + ";配置与上次启动相同")
    gateway["changed_settings"] = names[:MAX_NAMED]
    shown = "、".join(names[:10]) + (f" 等 {len(names)} 项" if len(names) > 10 else "")
    return _entry("gateway.start", [*types, "change"], instance, gateway, head + f";与上次启动相比配置有变更:{shown}")


def stop_entry(instance: str, flat: dict[str, str], started: float) -> dict[str, Any]:
    uptime = round(time.monotonic() - started, 3)
    gateway = {
        "version": _package_version(),
        "pid": os.getpid(),
        "config_sha256": digest(flat),
        "uptime_seconds": uptime,
    }
    return _entry(
        "gateway.stop",
        ["end"],
        instance,
        gateway,
        f"网关正常停止:实例 {instance}(进程 {os.getpid()}),运行 {uptime:.0f} 秒",
    )

"""`minguard detect …`: run the detection rules over the audit trail and work the alerts.

For security officers (安全管理员/安全员). See docs/detection.md. Exit codes: 0 done, 2 the
rules, the config or OpenSearch could not be used.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .cli_common import fail, opensearch_client, parse_time, settings_or_fail
from .settings import ConfigError, Settings, load_settings

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from opensearchpy import OpenSearch

detect_app = typer.Typer(
    help="Detection rules over the audit trail, and their alerts (异常行为检测).", no_args_is_help=True
)
ConfigOption = Annotated[Path | None, typer.Option("--config", "-c", help="The gateway's YAML config file.")]


def _open(config: Path | None) -> tuple[Settings, OpenSearch]:
    settings = settings_or_fail(config)
    return settings, opensearch_client(settings.opensearch)


@detect_app.command("run")
def run(
    from_: Annotated[str, typer.Option("--from", help="Start, ISO 8601 (no offset = UTC).")],
    to: Annotated[str, typer.Option("--to", help="End (exclusive), ISO 8601.")],
    config: ConfigOption = None,
    rule: Annotated[str | None, typer.Option("--rule", help="Only this rule id.")] = None,
    rules_dir: Annotated[
        Path | None, typer.Option("--rules", help="Directory of rule files (default: shipped).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Evaluate the rules over [from, to) and write new alerts (re-running never duplicates)."""
    from opensearchpy.exceptions import OpenSearchException

    from audit.detection.alerts import AlertError
    from audit.detection.definitions import RULES_DIR, RuleError, load_rules
    from audit.detection.runner import run as run_rules

    start, end = parse_time(from_), parse_time(to)
    if start is None or end is None or end <= start:
        fail("--to must be after --from")
    try:
        rules = load_rules(rules_dir or RULES_DIR, rule)
    except (RuleError, OSError) as exc:
        fail(f"规则文件有误 / bad rule files: {exc}")
    settings, client = _open(config)
    try:
        reference_key = _reference_key(settings)
        result = run_rules(client, settings.opensearch.index_prefix, rules, start, end, reference_key)
    except (OpenSearchException, AlertError, OSError) as exc:
        fail(f"无法执行检测 / detection failed against {settings.opensearch.url}: {exc}")
    finally:
        client.close()
    if as_json:
        summary = {
            "created": result.created,
            "existing": result.existing,
            "rules": [
                {"rule": r.rule, "windows": r.windows, "hits": len(r.alerts), "seconds": round(r.seconds, 3)}
                for r in result.rules
            ],
            "alerts": [a["alert"] for a in result.alerts],
        }
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    for r in result.rules:
        typer.echo(f"{r.rule}: 窗口 {r.windows} 个,命中 {len(r.alerts)} 条({r.seconds:.2f} s)")
    typer.echo(
        f"新告警 {result.created} 条,已存在 {result.existing} 条 / new alerts: {result.created}, already there: {result.existing}"
    )


@detect_app.command("alerts")
def alerts(
    state: Annotated[str | None, typer.Option("--state", help="new, acknowledged or closed.")] = None,
    config: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List alerts, newest first."""
    from audit.detection.alerts import STATE_ZH, list_alerts

    if state is not None and state not in STATE_ZH:
        fail(
            f"未知的告警状态 {state!r},可用 new、acknowledged、closed / unknown state {state!r}: new, acknowledged, closed"
        )
    settings, client = _open(config)
    try:
        found = list_alerts(client, settings.opensearch.index_prefix, state)
    finally:
        client.close()
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    for a in found:
        typer.echo(alert_line(a))
    typer.echo(f"共 {len(found)} 条 ({len(found)} alerts)")


def alert_line(a: dict[str, Any]) -> str:
    """One alert as `detect alerts` lists it."""
    from audit.detection.alerts import STATE_ZH

    who = ", ".join(f"{k}={v}" for k, v in a["subjects"].items())
    # An integrity alert (reference data altered) has no value or threshold.
    measured = (
        f"数值 {a['value']:g} ≥ 阈值 {a['threshold']:g}"
        if a.get("value") is not None and a.get("threshold") is not None
        else "参考数据完整性"
    )
    return (
        f"{a['id']}  [{STATE_ZH[a['state']]}] [{a['severity']}] {a['title_zh']}  {who}  "
        f"{measured}  窗口 {a['window']['start']}  证据 {len(a['evidence'])} 条"
    )


def _cli_account() -> str:
    """Who ran the command, as the operating system knows them: `--officer` is only typed."""
    import getpass
    import socket

    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER (a bare container)
        user = str(os.getuid())
    return f"cli:{user}@{socket.gethostname()}"


def _transition(alert: str, state: str, officer: str, comment: str | None, config: Path | None) -> None:
    from opensearchpy.exceptions import OpenSearchException

    from audit.detection.alerts import STATE_ZH, AlertError, transition

    settings, client = _open(config)
    try:
        transition(client, settings.opensearch.index_prefix, alert, state, officer, comment, via=_cli_account())
    except AlertError as exc:
        fail(f"{exc.message_zh} / {exc}")
    except OpenSearchException as exc:
        fail(f"无法处置告警 / cannot change the alert at {settings.opensearch.url}: {exc}")
    finally:
        client.close()
    typer.echo(f"告警 {alert} 已{STATE_ZH[state].removeprefix('已')} / alert {alert} is now {state}")


Officer = Annotated[str, typer.Option("--officer", help="The security officer's id (recorded).")]
Comment = Annotated[str | None, typer.Option("--comment", help="处置意见; required to close.")]


@detect_app.command("ack")
def ack(alert_id: str, officer: Officer, comment: Comment = None, config: ConfigOption = None) -> None:
    """Acknowledge an alert (being looked into)."""
    _transition(alert_id, "acknowledged", officer, comment, config)


@detect_app.command("close")
def close(alert_id: str, officer: Officer, comment: Comment = None, config: ConfigOption = None) -> None:
    """Close an alert with the officer's conclusion."""
    _transition(alert_id, "closed", officer, comment, config)


def _reference_key(settings: Settings) -> Ed25519PublicKey:
    """The audit signing key's public half, exported by the gateway beside the key: reference
    loads are signed with that key, and detection trusts reference data only as signed. In
    development (`keys.generate_missing`) a missing key is made, as the gateway's first start would."""
    from audit.chain import PUBLIC_KEY_FILE, CheckpointSigner
    from gateway.cli_audit import load_public_key
    from policies.keys import KeyFileError

    path = settings.keys.dir / PUBLIC_KEY_FILE
    if not path.exists() and not settings.keys.generate_missing:
        fail(
            f"审计签名公钥缺失 / audit signing public key missing: {path}(keys.generate_missing 为 false,"
            "须由网关或 `minguard keys init` 预先生成 / keys.generate_missing is false: provision it first)"
        )
    try:
        if not path.exists():
            return CheckpointSigner.from_dir(settings.keys.dir, generate=True).public_key
        return load_public_key(path)
    except (OSError, ValueError, KeyFileError) as exc:
        fail(f"审计签名公钥不可用 / cannot read the audit signing public key {path}: {exc}")


reference_app = typer.Typer(help="Reference data for the fund rules (参考数据).", no_args_is_help=True)
detect_app.add_typer(reference_app, name="reference")


@reference_app.command("load")
def reference_load(
    staff: Annotated[Path | None, typer.Option("--staff", help="Staff register CSV (工作人员登记表).")] = None,
    deaths: Annotated[Path | None, typer.Option("--deaths", help="Death records CSV (死亡登记).")] = None,
    config: ConfigOption = None,
) -> None:
    """Tokenise the feeds with the gateway's key and replace `<prefix>.ref-staff` / `.ref-deaths`."""
    from opensearchpy.exceptions import OpenSearchException

    from audit.chain import CheckpointSigner
    from audit.detection import integrity, reference
    from gateway.stages.business import Business
    from policies.keys import KeyFileError, Pseudonymizer

    if staff is None and deaths is None:
        fail("--staff 和/或 --deaths / give --staff and/or --deaths")
    settings, client = _open(config)
    try:
        tokens = Business(Pseudonymizer.from_dir(settings.keys.dir, generate=False))
        signer = CheckpointSigner.from_dir(settings.keys.dir, generate=False)  # signs what was loaded
        for name, path, make in (
            ("staff", staff, reference.staff_documents),
            ("deaths", deaths, reference.death_documents),
        ):
            if path is not None:
                docs = make(reference.read_rows(path, name), tokens)
                written, removed = reference.load(client, settings.opensearch.index_prefix, name, docs)
                record = integrity.record_load(client, settings.opensearch.index_prefix, name, docs, signer)
                typer.echo(
                    f"{record['index']}: {written} 条,移除 {removed} 条;已签名载入记录 / signed load record "
                    f"sha256 {record['digest'][:16]}…"
                )
    except (reference.ReferenceError, KeyFileError, OpenSearchException, OSError) as exc:
        fail(f"参考数据未载入 / reference data not loaded: {exc}")
    finally:
        client.close()


@detect_app.command("notify")
def notify_command(config: ConfigOption = None) -> None:
    """Send the new alerts not yet delivered to `detection.notify.url` (one round, oldest first)."""
    from opensearchpy.exceptions import OpenSearchException

    from audit.detection.notify import Notifier

    settings, client = _open(config)
    if settings.detection.notify is None:
        fail("detection.notify 未配置 / no detection.notify in the config")
    try:
        delivery = Notifier(settings.detection.notify).deliver(client, settings.opensearch.index_prefix)
    except (OpenSearchException, OSError) as exc:
        fail(f"无法读取告警 / cannot read the alerts at {settings.opensearch.url}: {exc}")
    finally:
        client.close()
    typer.echo(f"已推送 {delivery.sent} 条告警 / {delivery.sent} alerts delivered")
    if delivery.failed:
        fail(f"推送中断,下次重试 / delivery stopped, retried next time: {delivery.failed}")


@detect_app.command("schedule")
def schedule_command(
    config: ConfigOption = None,
    once: Annotated[
        bool, typer.Option("--once", help="Evaluate the due slots and exit (systemd timer, CronJob).")
    ] = False,
) -> None:
    """Evaluate the rules every `detection.every_minutes` over the slot just ended (one replica per slot)."""
    import asyncio

    from opensearchpy.exceptions import OpenSearchException

    from audit.detection import schedule
    from audit.detection.definitions import RuleError

    try:
        settings = load_settings(config)
        scheduler = schedule.from_settings(settings.detection, settings.opensearch, _reference_key(settings))
    except (ConfigError, RuleError, OSError) as exc:
        fail(str(exc))
    d = settings.detection
    typer.echo(
        f"检测调度:每 {d.every_minutes} 分钟,延迟 {d.delay_seconds} s,租约 {d.lease_seconds} s({scheduler.holder})"
    )
    if once:
        try:
            ran = scheduler.tick()
        except (OpenSearchException, OSError) as exc:
            fail(f"无法执行检测 / detection failed against {settings.opensearch.url}: {exc}")
        finally:
            scheduler.client.close()
        for r in ran:
            typer.echo(f"{r.slot.key}: 新告警 {r.created} 条,已存在 {r.existing} 条(第 {r.attempt} 次)")
        typer.echo(f"本次评估 {len(ran)} 个时段 / evaluated {len(ran)} slots")
        return

    async def forever() -> None:
        import signal

        stop = asyncio.Event()
        # systemd and k8s stop with SIGTERM: finish the slot at hand instead of dying in it.
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        background = schedule.Background(scheduler)
        background.start()
        try:
            await stop.wait()  # SIGINT interrupts this wait; the finally still runs
        finally:
            await background.stop()

    asyncio.run(forever())

"""`minguard detect …`: run the detection rules over the audit trail and work the alerts.

For security officers (安全管理员/安全员). See docs/detection.md. Exit codes: 0 done, 2 the
rules, the config or OpenSearch could not be used.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .cli_common import fail, opensearch_client, parse_time, settings_or_fail
from .legible import legible, legible_json
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
        typer.echo(legible_json(found))
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
    # For a terminal: the subjects are user ids, what callers sent (gateway/legible.py).
    return legible(
        f"{a['id']}  [{STATE_ZH[a['state']]}] [{a['severity']}] {a['title_zh']}  {who}  "
        f"{measured}  窗口 {a['window']['start']}  证据 {len(a['evidence'])} 条"
    )


def _gateway_url(settings: Settings, given: str | None) -> str:
    """Where the gateway's admin API is: `--gateway`, else the address the config serves on."""
    if given:
        return given.rstrip("/")
    host = "127.0.0.1" if settings.server.host in ("0.0.0.0", "::", "") else settings.server.host
    return f"http://{host}:{settings.server.port}"


def _credential_headers(path: Path) -> dict[str, str]:
    """The officer's own credential, read from a file (never typed on the command line, where
    `ps` and the shell's history would show it): a JWT as a bearer token, else an API key."""
    try:
        credential = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        fail(f"无法读取凭据文件 / cannot read the credential file {path}: {exc}")
    if not credential:
        fail(f"凭据文件为空 / the credential file {path} is empty")
    if credential.count(".") == 2 and credential.startswith("eyJ"):
        return {"Authorization": f"Bearer {credential}"}
    return {"X-API-Key": credential}


def _post(url: str, body: bytes, content_type: str, credential: Path) -> tuple[dict[str, Any], str]:
    """POST to the gateway's admin API with the officer's credential: (its JSON answer, the
    request id of the audit event). The gateway authenticates the officer, checks the policy
    and writes the action into the hash-chained audit trail; a refusal ends the command."""
    import urllib.error
    import urllib.request

    headers = {**_credential_headers(credential), "Content-Type": content_type}
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        # No proxy from the environment: the officer's credential goes to the gateway only.
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(request, timeout=600) as answer:
            return json.loads(answer.read()), answer.headers.get("x-request-id", "")
    except urllib.error.HTTPError as exc:
        try:
            error = json.loads(exc.read())["error"]
            fail(f"{error['message_zh']} / {error['message']} (HTTP {exc.code}, {error['request_id']})")
        except (ValueError, KeyError, TypeError):
            fail(f"网关拒绝了该操作 / the gateway refused: HTTP {exc.code}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        fail(f"无法连接网关 / cannot reach the gateway at {url}: {exc}")


def _transition(
    alert: str, op: str, comment: str | None, credential: Path, gateway: str | None, config: Path | None
) -> None:
    """Through the gateway's admin API, as the console does."""
    from audit.detection.alerts import OPERATIONS, STATE_ZH

    settings = settings_or_fail(config)
    url = f"{_gateway_url(settings, gateway)}{settings.server.admin_prefix}/alerts/{alert}/{op}"
    body = json.dumps({"comment": comment}, ensure_ascii=False).encode("utf-8")
    _, request_id = _post(url, body, "application/json; charset=utf-8", credential)
    state = OPERATIONS[op]
    typer.echo(
        f"告警 {alert} 已{STATE_ZH[state].removeprefix('已')} / alert {alert} is now {state}"
        f"(审计请求编号 audit request id: {request_id})"
    )


Credential = Annotated[
    Path,
    typer.Option(
        "--credential-file",
        help="A file holding the officer's own API key or JWT (security or audit administrator).",
    ),
]
Comment = Annotated[str | None, typer.Option("--comment", help="处置意见; required to close.")]
GatewayOption = Annotated[
    str | None,
    typer.Option("--gateway", help="The gateway's base URL (default: the address in the config, on this host)."),
]


@detect_app.command("ack")
def ack(
    alert_id: str,
    credential: Credential,
    comment: Comment = None,
    gateway: GatewayOption = None,
    config: ConfigOption = None,
) -> None:
    """Acknowledge an alert (being looked into), through the gateway's admin API."""
    _transition(alert_id, "acknowledge", comment, credential, gateway, config)


@detect_app.command("close")
def close(
    alert_id: str,
    credential: Credential,
    comment: Comment = None,
    gateway: GatewayOption = None,
    config: ConfigOption = None,
) -> None:
    """Close an alert with the officer's conclusion, through the gateway's admin API."""
    _transition(alert_id, "close", comment, credential, gateway, config)


def _reference_key(settings: Settings) -> Ed25519PublicKey:
    """The audit signing key's public half, exported by the gateway beside the key: reference
    loads are signed with that key, and detection trusts reference data only as signed. In
    development (`keys.generate_missing`) a missing key is made, as the gateway's first start would."""
    from audit.signing import PUBLIC_KEY_FILE, CheckpointSigner, load_public_key
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
    credential: Credential,
    staff: Annotated[Path | None, typer.Option("--staff", help="Staff register CSV (工作人员登记表).")] = None,
    deaths: Annotated[Path | None, typer.Option("--deaths", help="Death records CSV (死亡登记).")] = None,
    gateway: GatewayOption = None,
    config: ConfigOption = None,
) -> None:
    """Replace `<prefix>.ref-staff` / `.ref-deaths` with the feeds, through the gateway's admin
    API: it tokenises them with its key, signs the load and records it in the audit trail."""
    if staff is None and deaths is None:
        fail("--staff 和/或 --deaths / give --staff and/or --deaths")
    settings = settings_or_fail(config)
    base = f"{_gateway_url(settings, gateway)}{settings.server.admin_prefix}/reference"
    for name, path in (("staff", staff), ("deaths", deaths)):
        if path is None:
            continue
        try:
            body = path.read_bytes()
        except OSError as exc:
            fail(f"无法读取 {path} / cannot read {path}: {exc}")
        loaded, request_id = _post(f"{base}/{name}", body, "text/csv; charset=utf-8", credential)
        typer.echo(
            f"{name}: {loaded['count']} 条,移除 {loaded['removed']} 条;已签名载入记录 / signed load record "
            f"sha256 {str(loaded['digest'])[:16]}…(审计请求编号 audit request id: {request_id})"
        )


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
    from audit.signing import retired_keys

    try:
        settings = load_settings(config)
        reference_key = _reference_key(settings)
        chain_keys = [reference_key, *retired_keys(settings.keys.dir)]  # the daily trail check's
        scheduler = schedule.from_settings(
            settings.detection, settings.opensearch, reference_key, chain_keys, settings.audit.retention_days
        )
    except (ConfigError, RuleError, OSError, ValueError) as exc:
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

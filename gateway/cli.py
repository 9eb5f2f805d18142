"""The `minguard` command."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from .cli_common import fail, settings_or_fail
from .cli_scan import scan
from .logs import log_config, scrub
from .settings import PACKAGE_ROOT, Settings

app = typer.Typer(
    help="minguard: data-security and audit gateway for civil-affairs systems.",
    no_args_is_help=True,
)
config_app = typer.Typer(help="Check configuration files.", no_args_is_help=True)
dev_app = typer.Typer(help="Development helpers: local OpenSearch node, demo setup.", no_args_is_help=True)
opensearch_app = typer.Typer(help="The local OpenSearch node (fetched from Maven Central).", no_args_is_help=True)
demo_app = typer.Typer(help="The synthetic civil-affairs upstream (not part of the product).", no_args_is_help=True)
keys_app = typer.Typer(help="Credentials and keys.", no_args_is_help=True)
app.add_typer(config_app, name="config")
app.add_typer(dev_app, name="dev")
dev_app.add_typer(opensearch_app, name="opensearch")
app.add_typer(demo_app, name="demo")
app.add_typer(keys_app, name="keys")
app.add_typer(__import__("gateway.cli_policy", fromlist=["policy_app"]).policy_app, name="policy")
app.add_typer(__import__("gateway.cli_audit", fromlist=["audit_app"]).audit_app, name="audit")
app.add_typer(__import__("gateway.cli_detect", fromlist=["detect_app"]).detect_app, name="detect")
app.add_typer(__import__("gateway.cli_report", fromlist=["report_app"]).report_app, name="report")
app.command("scan")(scan)

NODE_SCRIPT = PACKAGE_ROOT / "deploy" / "opensearch" / "node.sh"
DEV_DIR = Path("var/dev")

ConfigOption = Annotated[Path | None, typer.Option("--config", "-c", help="YAML config file (default: demo defaults).")]


def _keys_or_fail(settings: Settings) -> None:
    """Before any worker starts: every worker would otherwise die on the same missing key, each
    with its own traceback."""
    from .keyset import missing_keys, missing_message

    if not settings.keys.generate_missing and (absent := missing_keys(settings.keys, settings.policy.masking)):
        fail(missing_message(settings.keys, absent))


@app.command()
def run(
    config: ConfigOption = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Run the gateway."""
    import uvicorn

    from .server import HEADER_TIMEOUT_ENV, GuardedHttpToolsProtocol

    settings = settings_or_fail(config)
    _keys_or_fail(settings)
    # Workers read the config path from the environment; never one inherited by accident.
    os.environ.pop("MINGUARD_CONFIG", None)
    if config is not None:
        os.environ["MINGUARD_CONFIG"] = str(config.resolve())
    os.environ.pop("PROMETHEUS_MULTIPROC_DIR", None)
    os.environ[HEADER_TIMEOUT_ENV] = str(settings.server.header_timeout)  # read by every worker's protocol
    if workers > 1:  # one port, several workers: metrics are summed from files (gateway/metrics.py)
        from .metrics import prepare_multiprocess_dir

        prepare_multiprocess_dir(settings.audit.spool_dir, settings.server.instance)
    uvicorn.run(
        "gateway.app:app_from_env",
        factory=True,
        host=settings.server.host,
        port=settings.server.port,
        workers=workers,
        loop="uvloop",
        http=GuardedHttpToolsProtocol,
        log_config=log_config(os.environ.get("MINGUARD_LOG_LEVEL", "INFO")),
        access_log=False,  # the audit trail is the access log; uvicorn's would hold raw queries
        server_header=False,
        proxy_headers=False,
    )


@config_app.command("check")
def config_check(path: Path) -> None:
    """Validate a config file and everything it points at; every problem is named. Writes nothing."""
    from policies.enforcer import PolicyEnforcer
    from policies.masking import load_profiles
    from policies.routes import RouteTable

    from .keyset import missing_keys, missing_message
    from .stages.identify import Identify
    from .upstream import upstream_tls

    settings = settings_or_fail(path)
    checks: dict[str, Callable[[], object]] = {
        "policy.routes": lambda: RouteTable.load(settings.policy.routes),
        "policy.model/policy": lambda: PolicyEnforcer(settings.policy.model, settings.policy.policy),
        "policy.masking": lambda: load_profiles(settings.policy.masking).get("strict"),
        "identity": lambda: Identify(settings.identity),
        "upstream (TLS files)": lambda: upstream_tls(settings.upstream),
    }
    if (notify := settings.detection.notify) is not None:
        from audit.detection.notify import Notifier

        checks["detection.notify (files)"] = lambda: Notifier(notify)
    problems = []
    for name, check in checks.items():
        try:
            check()
        except Exception as exc:  # report every broken file, not just the first
            problems.append(f"{name}: {type(exc).__name__}: {exc}")
    if not settings.keys.generate_missing and (absent := missing_keys(settings.keys, settings.policy.masking)):
        problems.append(f"keys.dir: {missing_message(settings.keys, absent)}")
    if problems:
        fail(f"{path}: 配置有误 / invalid\n  " + "\n  ".join(problems))
    typer.echo(f"{path}: OK")


def _node(action: str) -> int:
    return subprocess.call(["bash", str(NODE_SCRIPT), action])


@opensearch_app.command("start")
def opensearch_start() -> None:
    """Fetch (once) and start the local node on 127.0.0.1; waits until it is healthy."""
    raise typer.Exit(_node("start"))


@opensearch_app.command("stop")
def opensearch_stop() -> None:
    """Stop the node this script started (and nothing else)."""
    raise typer.Exit(_node("stop"))


@opensearch_app.command("status")
def opensearch_status() -> None:
    raise typer.Exit(_node("status"))


@dev_app.command("init")
def dev_init(directory: Annotated[Path, typer.Option("--dir")] = DEV_DIR) -> None:
    """Create the dev config, demo API keys and keys (once)."""
    from .devsetup import init_dev

    env = init_dev(directory)
    typer.echo(f"config: {env.config}\ncredentials: {env.directory / 'credentials.json'}")


@dev_app.command("token")
def dev_token_cmd(
    subject: str,
    roles: Annotated[str, typer.Option(help="Comma-separated roles.")],
    region: Annotated[str, typer.Option(help="行政区划代码 of the caller's jurisdiction.")],
    directory: Annotated[Path, typer.Option("--dir")] = DEV_DIR,
) -> None:
    """Mint a bearer token signed with the dev key."""
    from .devsetup import dev_token

    typer.echo(dev_token(directory, subject, roles.split(","), region))


def _wait_http(url: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.2)
    return False


@dev_app.command("up")
def dev_up(
    directory: Annotated[Path, typer.Option("--dir")] = DEV_DIR,
    port: int = 8080,
    upstream_port: int = 8081,
) -> None:
    """Start OpenSearch, the demo upstream and the gateway on 127.0.0.1, with demo credentials."""
    from .devsetup import init_dev

    if _node("start") != 0:
        fail("the local OpenSearch node did not start; see the messages above")
    # The port node.sh started the node on: another one may answer on 9200 (its own hint).
    os_port = os.environ.get("MINGUARD_OS_PORT", "9200")
    env = init_dev(
        directory,
        gateway_port=port,
        upstream_url=f"http://127.0.0.1:{upstream_port}",
        opensearch_url=f"http://127.0.0.1:{os_port}",
    )
    upstream = subprocess.Popen([sys.executable, "-m", "demo", "--host", "127.0.0.1", "--port", str(upstream_port)])
    try:
        if not _wait_http(f"http://127.0.0.1:{upstream_port}/api/v1/health", 30):
            fail("the demo upstream did not start")
        key = env.key("caseworker-hanbin")
        credentials = env.directory / "credentials.json"
        typer.echo(
            f"\nminguard is starting on http://127.0.0.1:{port} (demo upstream on :{upstream_port}, OpenSearch on :{os_port})\n"
            "Try, as a caseworker of 汉滨区 (610902):\n\n"
            f"  curl -s -H 'X-API-Key: {key}' -H 'X-Purpose-Of-Use: 低保复核' \\\n"
            f"    'http://127.0.0.1:{port}/api/v1/regions/610902/persons?size=2'\n\n"
            f"Officers' console: http://127.0.0.1:{port}/_minguard/console/ "
            f"(log in with the audit administrator's key: {env.key('audit-admin')})\n"
            f"Other demo credentials: {credentials}\n"
        )
        run(config=env.config, workers=1)
    finally:
        upstream.terminate()
        upstream.wait(10)


@demo_app.command("upstream")
def demo_upstream(host: str = "127.0.0.1", port: int = 8081, seed: int = 20261128) -> None:
    """Serve the synthetic civil-affairs API."""
    from demo.app import serve

    serve(host, port, seed)


@keys_app.command("init")
def keys_init(directory: Path) -> None:
    """Create the key set every replica shares (pseudonym, field-encryption, checkpoint signing,
    console session keys) in DIRECTORY; keys already there are kept. Mount it read-only."""
    from .keyset import provision

    for path in provision(directory):
        typer.echo(str(path))


@keys_app.command("rotate-signing")
def keys_rotate_signing(directory: Path) -> None:
    """Replace the audit signing key in DIRECTORY (the key set of `keys init`) with a new one.
    The old public key is kept as audit-signing.retired-<key_id>.pub.pem so the trail verifies across the
    rotation; the old seed is overwritten. Then restart every gateway with the new set."""
    from audit.signing import RETIRED_PUBLIC_KEY, rotate_signing_key
    from policies.keys import KeyFileError

    try:
        old, new = rotate_signing_key(directory)
    except (KeyFileError, OSError) as exc:
        fail(f"签名密钥轮换失败 / cannot rotate the signing key: {exc}")
    typer.echo(
        f"审计签名密钥已轮换 signing key rotated: {old} -> {new}\n"
        f"旧公钥保留于 old public key kept in {directory / RETIRED_PUBLIC_KEY.format(key_id=old)}\n"
        "下一步 next: 重启所有网关;把新公钥交给测评机构;重新载入参考数据(其签名记录用旧密钥)\n"
        "restart every gateway; give the new public key to the assessor; reload the reference data"
        " (its signed records name the old key)"
    )


@keys_app.command("new-api-key")
def new_api_key() -> None:
    """Print a new random API key and the SHA-256 to put in the config (the key itself never goes there)."""
    import secrets

    from .stages.identify import hash_api_key

    key = "mg_" + secrets.token_urlsafe(24)
    typer.echo(f"api key (give to the caller): {key}\nsha256 (put in identity.api_keys): {hash_api_key(key)}")


def main() -> None:
    """The `minguard` command. An error no command handled (OpenSearch unreachable, a file
    missing or unreadable, a bad key file) is one line on stderr and exit code 2, as `fail`
    gives, not a traceback: officers and assessors read this output. MINGUARD_TRACEBACK=1
    shows the traceback."""
    from opensearchpy.exceptions import OpenSearchException

    from policies.keys import KeyFileError

    try:
        app(prog_name="minguard")
    except (OpenSearchException, KeyFileError, OSError) as exc:
        if os.environ.get("MINGUARD_TRACEBACK"):
            raise
        # Scrubbed as the logs are: an error's text can quote a value (an ID number).
        typer.echo(f"命令未能完成 / the command failed: {type(exc).__name__}: {scrub(str(exc))}", err=True)
        sys.exit(2)

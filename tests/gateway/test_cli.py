from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gateway.cli import app
from gateway.devsetup import init_dev
from gateway.settings import load_settings
from gateway.stages.identify import hash_api_key
from support.gateways import free_port

runner = CliRunner()


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "config", "dev", "demo", "keys"):
        assert re.search(rf"\b{command}\b", result.output)
    dev = runner.invoke(app, ["dev", "opensearch", "--help"])
    assert all(word in dev.output for word in ("start", "stop", "status"))


def test_config_check_accepts_the_dev_config(tmp_path: Path) -> None:
    env = init_dev(tmp_path)
    result = runner.invoke(app, ["config", "check", str(env.config)])
    assert result.exit_code == 0, result.output
    assert "OK" in result.output


def test_config_check_names_the_bad_key(tmp_path: Path) -> None:
    config = tmp_path / "bad.yaml"
    config.write_text("upstream:\n  url: 'not a url'\n  timeot: 3\n", encoding="utf-8")
    result = runner.invoke(app, ["config", "check", str(config)])
    assert result.exit_code == 2
    assert "upstream.url" in result.output
    assert "upstream.timeot: Extra inputs are not permitted" in result.output


def test_new_api_key_prints_its_hash() -> None:
    result = runner.invoke(app, ["keys", "new-api-key"])
    assert result.exit_code == 0
    key = re.search(r"api key \(give to the caller\): (\S+)", result.output)
    digest = re.search(r"sha256 \(put in identity.api_keys\): ([0-9a-f]{64})", result.output)
    assert key and digest
    assert hash_api_key(key.group(1)) == digest.group(1)


def test_dev_init_keeps_secrets_out_of_the_config(tmp_path: Path) -> None:
    env = init_dev(tmp_path)
    text = env.config.read_text(encoding="utf-8")
    assert all(key not in text for key in env.credentials.values())
    assert all(hash_api_key(key) in text for key in env.credentials.values())
    assert oct((tmp_path / "credentials.json").stat().st_mode & 0o777) == "0o600"
    assert init_dev(tmp_path).credentials == env.credentials  # a second run reuses them


def test_dev_init_makes_an_existing_credentials_file_private(tmp_path: Path) -> None:
    (tmp_path / "credentials.json").write_text("{}", encoding="utf-8")
    (tmp_path / "credentials.json").chmod(0o644)
    init_dev(tmp_path)
    assert oct((tmp_path / "credentials.json").stat().st_mode & 0o777) == "0o600"


def test_config_check_reports_broken_policy_files_without_writing(tmp_path: Path) -> None:
    (tmp_path / "routes.yaml").write_text("routes: [{name: x}]\n", encoding="utf-8")
    (tmp_path / "masking.yaml").write_text("order: [lenient]\nprofiles: {lenient: {default: {op: keep}}}\n")
    config = tmp_path / "minguard.yaml"
    config.write_text(
        "policy: {routes: routes.yaml, masking: masking.yaml}\nkeys: {dir: keys, generate_missing: false}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["config", "check", str(config)])
    assert result.exit_code == 2
    assert result.output.startswith(f"{config}: 配置有误 / invalid")
    assert "policy.routes:" in result.output and "missing 'path'" in result.output
    assert "policy.masking:" in result.output
    assert "keys.dir:" in result.output
    assert not (tmp_path / "keys").exists()


def test_config_check_reads_the_upstream_tls_files(tmp_path: Path) -> None:
    """A CA file that is not a certificate is named at check time, not at the first request."""
    (tmp_path / "ca.pem").write_text("not a certificate\n", encoding="utf-8")
    config = tmp_path / "minguard.yaml"
    config.write_text("upstream: {url: 'https://dibao.internal:8443', ca_file: ca.pem}\n", encoding="utf-8")
    result = runner.invoke(app, ["config", "check", str(config)])
    assert result.exit_code == 2
    assert "upstream (TLS files): SSLError" in result.output


def test_config_check_reads_the_alert_channel_files(tmp_path: Path) -> None:
    config = tmp_path / "minguard.yaml"
    config.write_text(
        "detection: {notify: {url: 'https://duty.mz.example/hook', secret_file: missing.key}}\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["config", "check", str(config)])
    assert result.exit_code == 2
    assert "detection.notify (files): FileNotFoundError" in result.output


def test_keys_init_makes_the_shared_key_set_and_keeps_what_exists(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    first = runner.invoke(app, ["keys", "init", str(keys)])
    assert first.exit_code == 0, first.output
    names = {p.name for p in keys.iterdir()}
    assert names == {
        "pseudonym-p1.key",
        "encrypt-k1.key",
        "audit-signing.key",
        "audit-signing.pub.pem",
        "console-session.key",
    }
    before = {p.name: p.read_bytes() for p in keys.iterdir()}
    again = runner.invoke(app, ["keys", "init", str(keys)])
    assert again.exit_code == 0, again.output
    assert {p.name: p.read_bytes() for p in keys.iterdir()} == before  # never replaced: data depends on them
    assert all((p.stat().st_mode & 0o077) == 0 for p in keys.iterdir() if p.suffix == ".key")


def test_an_unreachable_opensearch_is_one_line_and_exit_code_2(tmp_path: Path) -> None:
    """Through the installed entry point: no traceback for an ordinary failure."""
    config = tmp_path / "minguard.yaml"
    config.write_text("opensearch:\n  url: http://127.0.0.1:1\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "MINGUARD_TRACEBACK"}
    done = subprocess.run(
        [sys.executable, "-m", "gateway", "audit", "retention", "--config", str(config)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert "the command failed: ConnectionError" in done.stderr and "Traceback" not in done.stderr


# -- keys.generate_missing is off unless asked for ----------------------------------------------
KEY_FILES = ("pseudonym-p1.key", "audit-signing.key", "console-session.key", "encrypt-k1.key")


def _production_config(tmp_path: Path) -> Path:
    """A config that leaves out `keys:`, as a production one written by hand may."""
    config = tmp_path / "minguard.yaml"
    config.write_text("opensearch:\n  url: http://127.0.0.1:1\naudit:\n  spool_dir: spool\n", encoding="utf-8")
    return config


def _one_line_naming_every_key(output: str, keys: Path) -> None:
    line = next(x for x in output.splitlines() if "密钥文件缺失" in x)
    assert line.index("密钥文件缺失") < line.index("key files missing")  # zh-CN first
    assert "keys.generate_missing" in line and all(str(keys / name) in line for name in KEY_FILES)


def test_without_a_keys_section_config_check_names_every_missing_key(tmp_path: Path) -> None:
    result = runner.invoke(app, ["config", "check", str(_production_config(tmp_path))])
    assert result.exit_code == 2, result.output
    _one_line_naming_every_key(result.output, tmp_path / "var" / "keys")
    assert not (tmp_path / "var").exists()  # nothing generated


def test_without_a_keys_section_run_refuses_to_start_and_makes_no_key(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gateway", "run", "--config", str(_production_config(tmp_path))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    _one_line_naming_every_key(done.stderr, tmp_path / "var" / "keys")
    assert not (tmp_path / "var").exists()


def test_without_a_keys_section_detect_run_makes_no_signing_key(tmp_path: Path) -> None:
    config = _production_config(tmp_path)
    result = runner.invoke(
        app, ["detect", "run", "--from", "2026-01-01", "--to", "2026-01-02", "--config", str(config)]
    )
    assert result.exit_code == 2, result.output
    assert "audit-signing.pub.pem" in result.output and "keys.generate_missing" in result.output
    assert not (tmp_path / "var").exists()


def test_provisioned_keys_satisfy_config_check(tmp_path: Path) -> None:
    config = _production_config(tmp_path)
    assert runner.invoke(app, ["keys", "init", str(tmp_path / "var" / "keys")]).exit_code == 0
    result = runner.invoke(app, ["config", "check", str(config)])
    assert result.exit_code == 0, result.output


def test_the_dev_config_still_generates_its_keys(tmp_path: Path) -> None:
    from gateway.settings import load_settings

    assert load_settings(init_dev(tmp_path).config).keys.generate_missing is True


def test_dev_up_points_the_gateway_at_the_node_it_started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """node.sh starts the node on MINGUARD_OS_PORT (its own hint when 9200 is taken): the dev
    config and the printed summary must name that port, not ship the demo's events to whatever
    answers on 9200."""
    import gateway.cli as cli

    ran: list[Path] = []
    monkeypatch.setenv("MINGUARD_OS_PORT", "9299")
    monkeypatch.setattr(cli, "_node", lambda action: 0)
    monkeypatch.setattr(cli, "run", lambda config, workers: ran.append(config))
    upstream = str(free_port())
    result = runner.invoke(
        app, ["dev", "up", "--dir", str(tmp_path), "--port", str(free_port()), "--upstream-port", upstream]
    )
    assert result.exit_code == 0, result.output
    assert load_settings(ran[0]).opensearch.url == "http://127.0.0.1:9299"
    assert "OpenSearch on :9299" in result.output


def test_policy_explain_speaks_to_the_security_administrator_in_zh_cn_first() -> None:
    args = ["--subject", "zhangwei", "--roles", "caseworker", "--region", "610902", "--level", "important"]
    denied = runner.invoke(app, ["policy", "explain", *args, "--path", "/api/v1/regions/610902/persons"])
    assert denied.exit_code == 1
    lines = denied.output.splitlines()
    assert "判定 decision: 拒绝 deny (purpose_required)" in lines
    assert "条件 condition: purpose" in lines and "脱敏策略 masking profile: caseworker" in lines
    other = runner.invoke(app, ["policy", "explain", *args, "--path", "/api/v1/regions/610921/persons"])
    assert "规则 rule: (无匹配规则,默认拒绝 none: default deny)" in other.output.splitlines()
    allowed = runner.invoke(
        app, ["policy", "explain", *args, "--purpose", "低保复核", "--path", "/api/v1/regions/610902/persons"]
    )
    assert allowed.exit_code == 0 and "判定 decision: 允许 allow (allow)" in allowed.output.splitlines()


def test_an_unreadable_config_is_named_zh_cn_first(tmp_path: Path) -> None:
    """Assessors and officers run audit verify and report with --config: the refusal is theirs to read."""
    missing = tmp_path / "minguard.yaml"
    for command in (["config", "check", str(missing)], ["audit", "verify", "--config", str(missing)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2
        assert result.output.startswith("配置文件无法使用 / ") and f"cannot read config file {missing}" in result.output
    (tmp_path / "bad.yaml").write_text("upstream:\n  url: 'not a url'\n", encoding="utf-8")
    invalid = runner.invoke(app, ["config", "check", str(tmp_path / "bad.yaml")])
    assert invalid.exit_code == 2 and invalid.output.startswith("配置文件无法使用 / ")

"""deploy/compose: checked structurally with PyYAML (there is no docker compose plugin on the
test machines; `docker compose config` is the check to run where there is one), its nginx
config with `nginx -t` on certificates made by its own certs.sh, and its gateway config with
the gateway's own settings schema."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from audit.detection.alerts import actions_index, alerts_index
from gateway.settings import parse_settings

COMPOSE = Path(__file__).resolve().parents[2] / "deploy" / "compose"


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((COMPOSE / "compose.yaml").read_text(encoding="utf-8"))
    return data


def test_services_and_their_dependencies_exist() -> None:
    services = compose()["services"]
    opensearch = [n for n, s in services.items() if str(s.get("image", "")).startswith("opensearchproject/opensearch:")]
    assert {"os01", "os02", "os03"} <= set(opensearch)
    gateways = [n for n, s in services.items() if "minguard" in s.get("command", [])[:1]]
    assert len(gateways) >= 2
    assert "dashboards" in services and services["lb"]["image"].startswith("nginx:")
    for name, service in services.items():
        for dependency in service.get("depends_on", {}):
            assert dependency in services, f"{name} depends on unknown {dependency}"


def test_volumes_and_mounted_files_exist() -> None:
    data = compose()
    named = set(data["volumes"])
    for name, service in data["services"].items():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if source.startswith("."):
                if "/secrets" in source:
                    continue  # made by certs.sh
                assert (COMPOSE / source).exists(), f"{name}: {source} missing"
            else:
                assert source in named, f"{name}: volume {source} not declared"


def test_each_gateway_has_its_own_spool_and_name() -> None:
    services = compose()["services"]
    gateways = {n: s for n, s in services.items() if "minguard" in s.get("command", [])[:1]}
    spools = [next(v for v in s["volumes"] if v.endswith("/var/lib/minguard/spool")) for s in gateways.values()]
    assert len(set(spools)) == len(gateways)
    assert len({s["hostname"] for s in gateways.values()}) == len(gateways)


def test_gateway_config_is_valid() -> None:
    raw = yaml.safe_load((COMPOSE / "gateway" / "minguard.yaml").read_text(encoding="utf-8"))
    settings = parse_settings(raw, COMPOSE / "gateway")
    assert settings.opensearch.url.startswith("https://") and settings.keys.generate_missing is False


@pytest.mark.skipif(shutil.which("nginx") is None or shutil.which("openssl") is None, reason="nginx/openssl absent")
def test_nginx_config_passes_nginx_t_with_mutual_tls(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets"
    subprocess.run(["bash", str(COMPOSE / "certs.sh"), str(secrets)], check=True, capture_output=True)
    text = (COMPOSE / "nginx" / "nginx.conf").read_text(encoding="utf-8")
    assert "ssl_verify_client       on;" in text
    # The compose host names do not resolve here; the certificates are real.
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        text.replace("/etc/nginx/certs", str(secrets / "certs"))
        .replace("gw1:", "127.0.0.1:")
        .replace("gw2:", "[::1]:"),
        encoding="utf-8",
    )
    result = subprocess.run(
        ["nginx", "-t", "-c", str(conf), "-p", str(tmp_path), "-g", f"pid {tmp_path}/nginx.pid;"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    caller = subprocess.run(
        [
            "openssl",
            "verify",
            "-CAfile",
            str(secrets / "certs" / "client-ca.pem"),
            str(secrets / "certs" / "caller-example.pem"),
        ],
        capture_output=True,
        text=True,
    )
    assert caller.returncode == 0, caller.stderr


def test_direct_reads_of_the_trail_are_audited_by_opensearch() -> None:
    """The CLI's searches, verifications and reports read OpenSearch with the officer's own
    account: the security plugin's audit log must watch the indices the gateway writes, under
    the cluster's prefix, and leave out only the gateway's own account."""
    audit = yaml.safe_load((COMPOSE / "opensearch" / "audit.yml").read_text(encoding="utf-8"))
    raw = yaml.safe_load((COMPOSE / "gateway" / "minguard.yaml").read_text(encoding="utf-8"))
    settings = parse_settings(raw, COMPOSE / "gateway")
    prefix = settings.opensearch.index_prefix
    config = audit["config"]
    assert audit["_meta"] == {"type": "audit", "config_version": 2} and config["enabled"] is True
    assert "GRANTED_PRIVILEGES" not in config["audit"]["disabled_rest_categories"]
    watched = config["compliance"]["read_watched_fields"]
    assert {f"{prefix}-*", alerts_index(prefix), actions_index(prefix)} <= set(watched)
    mapping = yaml.safe_load((COMPOSE / "opensearch" / "roles_mapping.yml").read_text(encoding="utf-8"))
    gateway_users = set(mapping["minguard_gateway"]["users"])
    officers = set(mapping["minguard_auditor"]["users"]) | set(mapping["minguard_audit_admin"]["users"])
    for ignored in (config["audit"]["ignore_users"], config["compliance"]["read_ignore_users"]):
        assert gateway_users <= set(ignored) and not officers & set(ignored)
    assert "/security/audit.yml" in (COMPOSE / "opensearch" / "security-init.sh").read_text(encoding="utf-8")

"""A development environment made at first run: a config file, demo credentials and keys.

Nothing here is committed: the API keys and the token-signing key are random per machine.
The config lists only the SHA-256 of each API key, as a production config would.
"""

from __future__ import annotations

import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .stages.identify import hash_api_key

JWT_KID = "dev-ed25519"
JWT_ISSUER = "minguard-dev"
JWT_AUDIENCE = "minguard"

# (id, subject, kind, roles, region, organisation): one principal per demo role.
DEMO_PRINCIPALS: list[tuple[str, str, str, list[str], str, str]] = [
    ("caseworker-hanbin", "zhangwei", "person", ["caseworker"], "610902", "汉滨区民政局社会救助股"),
    ("caseworker-hanyin", "liqiang", "person", ["caseworker"], "610921", "汉阴县民政局社会救助股"),
    ("reviewer-hanbin", "wangfang", "person", ["reviewer"], "610902", "汉滨区民政局"),
    ("district-head-hanbin", "zhaomin", "person", ["district_head"], "610902", "汉滨区民政局"),
    (
        "statistician-city",
        "chenjing",
        "person",
        ["statistician"],
        "610900",
        "安康市民政局规划财务科",
    ),
    (
        "outsourced-hanbin",
        "liuyang",
        "person",
        ["outsourced"],
        "610902",
        "某信息技术服务公司(外包)",
    ),
    (
        "payment-service",
        "svc-payment",
        "service",
        ["service_payment"],
        "610900",
        "安康市社会救助资金发放系统",
    ),
    ("audit-admin", "sunli", "person", ["audit_admin"], "610900", "安康市民政局审计管理员"),
    ("security-admin", "zhoujie", "person", ["security_admin"], "610900", "安康市民政局安全管理员"),
    ("system-admin", "wuhao", "person", ["system_admin"], "610900", "安康市民政局系统管理员"),
]


@dataclass(frozen=True, slots=True)
class DevEnvironment:
    directory: Path
    config: Path
    credentials: dict[str, str]  # api key id -> api key

    def key(self, key_id: str) -> str:
        return self.credentials[key_id]


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # the mode of open() applies only to a file it creates
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def init_dev(
    directory: Path,
    *,
    gateway_port: int = 8080,
    upstream_url: str = "http://127.0.0.1:8081",
    opensearch_url: str = "http://127.0.0.1:9200",
    index_prefix: str = "minguard-audit",
    overrides: dict[str, Any] | None = None,
) -> DevEnvironment:
    """Create (or reuse) the dev config in `directory`; returns where things are."""
    directory.mkdir(parents=True, exist_ok=True)
    config = directory / "minguard.yaml"
    cred_file = directory / "credentials.json"
    if config.exists() and cred_file.exists():
        return DevEnvironment(directory, config, json.loads(cred_file.read_text(encoding="utf-8")))

    keys_dir = directory / "keys"
    keys_dir.mkdir(exist_ok=True, mode=0o700)
    signing = Ed25519PrivateKey.generate()
    _write_private(
        keys_dir / f"{JWT_KID}.private.pem",
        signing.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )
    (keys_dir / f"{JWT_KID}.pem").write_bytes(
        signing.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    credentials: dict[str, str] = {}
    api_keys = []
    for key_id, subject, kind, roles, region, org in DEMO_PRINCIPALS:
        key = "mg_" + secrets.token_urlsafe(24)
        credentials[key_id] = key
        api_keys.append(
            {
                "id": key_id,
                "sha256": hash_api_key(key),
                "subject": subject,
                "kind": kind,
                "roles": roles,
                "region": region,
                "organisation": org,
            }
        )
    settings: dict[str, Any] = {
        "server": {"host": "127.0.0.1", "port": gateway_port, "instance": f"dev-{gateway_port}"},
        "upstream": {"url": upstream_url},
        "identity": {
            "api_keys": api_keys,
            "jwt": {
                "public_keys": [f"keys/{JWT_KID}.pem"],
                "issuer": JWT_ISSUER,
                "audience": JWT_AUDIENCE,
            },
        },
        "audit": {"spool_dir": "spool"},
        "opensearch": {"url": opensearch_url, "index_prefix": index_prefix},
        "keys": {"dir": "keys", "generate_missing": True},
    }
    for section, values in (overrides or {}).items():
        settings.setdefault(section, {}).update(values)
    header = "# Development config made by `minguard dev init`; API keys are in credentials.json.\n"
    config.write_text(header + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _write_private(cred_file, json.dumps(credentials, indent=2).encode("utf-8"))
    return DevEnvironment(directory, config, credentials)


def dev_token(
    directory: Path,
    subject: str,
    roles: list[str],
    region: str,
    kind: str = "person",
    ttl: int = 3600,
) -> str:
    """A bearer token signed with the dev key (for trying JWT authentication)."""
    key = serialization.load_pem_private_key((directory / "keys" / f"{JWT_KID}.private.pem").read_bytes(), None)
    now = int(time.time())
    claims = {
        "sub": subject,
        "roles": roles,
        "region": region,
        "kind": kind,
        "iss": JWT_ISSUER,
        "aud": JWT_AUDIENCE,
        "iat": now,
        "exp": now + ttl,
    }
    return jwt.encode(claims, key, algorithm="EdDSA", headers={"kid": JWT_KID})  # type: ignore[arg-type]

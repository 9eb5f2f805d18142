"""The gateway's one configuration file: parsed and validated once, at start.

Every key is documented in docs/config.md. Unknown keys are errors (a typo in a security
setting must not silently fall back to a default). Relative paths are resolved against the
directory of the config file.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, IPvAnyNetwork, ValidationError, field_validator, model_validator

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
POLICY_DIR = PACKAGE_ROOT / "policies"

RegionCode = Annotated[str, Field(pattern=r"^[0-9]{6}([0-9]{3}([0-9]{3})?)?$")]
Sha256Hex = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
# As a token's roles claim must be (gateway/stages/identify.py). casbin reads a caller's roles
# joined with commas, so "outsourced,caseworker" would be two roles to casbin but one unknown
# role to the conditions, the masking profiles and the 三员分立 check at start-up.
RoleName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]


# Hosts to which a secret (a password, an alert naming staff) may travel over plain http.
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ServerSettings(Section):
    host: str = "127.0.0.1"
    port: int = Field(8080, ge=1, le=65535)
    # Names this gateway in every audit event and its audit spool; unique per replica.
    instance: str = Field(default_factory=lambda: socket.gethostname())
    max_request_bytes: int = Field(10 * 1024 * 1024, ge=0)
    max_header_bytes: int = Field(32 * 1024, ge=1024)
    # Seconds a client has to send a request's whole header block (slowloris): gateway/server.py.
    header_timeout: float = Field(10.0, gt=0, le=300)
    admin_prefix: str = Field("/_minguard", pattern=r"^/[A-Za-z0-9_-]+$")
    # Load balancers in front of the gateway whose X-Forwarded-For names the client in the
    # audit trail (gateway/forwarded.py). Empty: the TCP peer is the client.
    trusted_proxies: list[IPvAnyNetwork] = []


class UpstreamSettings(Section):
    # An origin: no path, and no user:password@ (the upstream client sends no credentials).
    url: str = Field("http://127.0.0.1:8081", pattern=r"^https?://[^/?#@]+$")
    connect_timeout: float = Field(5.0, gt=0)
    timeout: float = Field(30.0, gt=0)
    max_connections: int = Field(100, ge=1)
    # An https upstream's certificate is checked against this CA bundle instead of the system
    # trust store (internal systems are certified by the bureau's own CA), and the gateway
    # presents this certificate where the upstream requires mutual TLS.
    ca_file: Path | None = None
    client_cert_file: Path | None = None
    client_key_file: Path | None = None

    @model_validator(mode="after")
    def _tls_files(self) -> UpstreamSettings:
        if (self.client_cert_file is None) != (self.client_key_file is None):
            raise ValueError("client_cert_file and client_key_file go together")
        if not self.url.startswith("https://") and (self.ca_file or self.client_cert_file):
            raise ValueError("ca_file and client certificates apply to an https:// url only")
        return self


class ApiKey(Section):
    id: str = Field(min_length=1)
    sha256: Sha256Hex
    subject: str = Field(min_length=1)
    kind: Literal["person", "service"]
    roles: list[RoleName] = Field(min_length=1)
    region: RegionCode
    organisation: str = ""


class JwtSettings(Section):
    # PEM public keys (RSA, EC P-256, Ed25519) or one JWKS file; private keys never live here.
    public_keys: list[Path] = []
    jwks_file: Path | None = None
    issuer: str
    audience: str
    algorithms: list[Literal["RS256", "ES256", "EdDSA"]] = ["RS256", "ES256", "EdDSA"]
    leeway_seconds: int = Field(30, ge=0, le=300)


class IdentitySettings(Section):
    api_keys: list[ApiKey] = []
    jwt: JwtSettings | None = None
    purpose_header: str = "X-Purpose-Of-Use"

    @field_validator("api_keys")
    @classmethod
    def _unique_ids(cls, keys: list[ApiKey]) -> list[ApiKey]:
        seen: set[str] = set()
        for key in keys:
            if key.id in seen or key.sha256 in seen:
                raise ValueError(f"api key {key.id!r} is listed twice (same id or same hash)")
            seen.update((key.id, key.sha256))
        return keys


class PolicySettings(Section):
    model: Path = POLICY_DIR / "model.conf"
    policy: Path = POLICY_DIR / "policy.csv"
    routes: Path = POLICY_DIR / "routes.yaml"
    masking: Path = POLICY_DIR / "masking.yaml"
    # ABAC conditions: level ceilings, purpose, hours, record limits (docs/policies.md).
    conditions: Path = POLICY_DIR / "conditions.yaml"
    # OpenSearch index of the per-subject daily record counters; default "<index_prefix>.quota".
    quota_index: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9_.-]*$")


class InspectionSettings(Section):
    # Upstream bodies larger than this (as received, and again after decoding gzip/deflate/br)
    # are not inspected: a textual body over the limit is refused to every caller (502
    # response_too_large); a compressed one that decodes past it is refused to callers who
    # would see masked data. Raise it for large exports.
    max_body_bytes: int = Field(8 * 1024 * 1024, ge=1024)
    # Entity types of the bureau's own (a 低保证号, a 特困供养证号): name -> patterns, context
    # words, field names, level; the format and its checks are classifiers/custom.py's.
    custom_entities: dict[str, Any] = {}

    @field_validator("custom_entities")
    @classmethod
    def _declared(cls, value: dict[str, Any]) -> dict[str, Any]:
        from classifiers.custom import parse

        parse(value)  # a ValueError names the entity and the field that is wrong
        return value


class AuditSettings(Section):
    spool_dir: Path = Path("var/spool")
    segment_bytes: int = Field(16 * 1024 * 1024, ge=4096)
    max_spool_bytes: int = Field(1024 * 1024 * 1024, ge=65536)
    ship_batch: int = Field(500, ge=1, le=10000)
    ship_interval: float = Field(1.0, gt=0)
    # The hash chain's algorithm (docs/audit-chain.md): sm3 (GB/T 32905) where the bureau's
    # cryptography assessment (商用密码应用安全性评估) asks for national algorithms.
    chain_alg: Literal["sha256", "sm3"] = "sha256"
    # Cybersecurity Law Art. 23(3) (2025 amendment; formerly Art. 21(3)): logs are kept for at
    # least six months. Enforced by audit.lifecycle.apply_retention and, on clusters with ISM,
    # by deploy/opensearch/ism-audit-policy.json.
    retention_days: int = 184

    @field_validator("retention_days")
    @classmethod
    def _legal_minimum(cls, days: int) -> int:
        if days < 184:
            raise ValueError(
                f"{days} days is below the legal minimum of 184 (网络安全法第二十三条: 网络日志留存不少于六个月)"
            )
        return days


class OpenSearchSettings(Section):
    url: str = "http://127.0.0.1:9200"
    username: str | None = None
    # The password comes from this file, or from MINGUARD_OPENSEARCH_PASSWORD.
    password_file: Path | None = None
    ca_file: Path | None = None
    verify_certs: bool = True
    index_prefix: str = Field("minguard-audit", pattern=r"^[a-z0-9][a-z0-9_-]*$")
    # Replicas of each audit index: 0 suits the single dev node; a cluster wants at least 1.
    number_of_replicas: int = Field(0, ge=0, le=5)

    @model_validator(mode="after")
    def _credentials_complete(self) -> OpenSearchSettings:
        if self.username and self.password_file is None and "MINGUARD_OPENSEARCH_PASSWORD" not in os.environ:
            raise ValueError("username is set but there is no password_file (or MINGUARD_OPENSEARCH_PASSWORD)")
        # Basic auth over plain HTTP hands the password to anyone on the path: only to this host.
        parsed = urlsplit(self.url)
        if self.username and parsed.scheme != "https" and parsed.hostname not in _LOOPBACK:
            raise ValueError("a username over plain http sends the password in clear: use an https:// url")
        return self

    def password(self) -> str | None:
        if self.password_file is not None:
            return self.password_file.read_text(encoding="utf-8").strip()
        return os.environ.get("MINGUARD_OPENSEARCH_PASSWORD")


class NotifySettings(Section):
    # Where alerts are POSTed as they are raised (audit/detection/notify.py).
    url: str = Field(pattern=r"^https?://[^\s/?#]+(/[^\s#]*)?$")
    min_severity: Literal["medium", "high", "critical"] = "high"
    # Key of the HMAC-SHA256 signature in X-Minguard-Signature; absent: unsigned.
    secret_file: Path | None = None
    ca_file: Path | None = None  # the receiver's CA, for an https url certified by a private CA
    timeout: float = Field(5.0, gt=0, le=60)

    @model_validator(mode="after")
    def _private_over_tls(self) -> NotifySettings:
        # An alert names the staff it is about: over plain http only to this host.
        parsed = urlsplit(self.url)
        if parsed.scheme != "https" and parsed.hostname not in _LOOPBACK:
            raise ValueError("alerts name staff members: use an https:// url (plain http only to this host)")
        if self.ca_file is not None and parsed.scheme != "https":
            raise ValueError("ca_file applies to an https:// url only")
        return self


class DetectionSettings(Section):
    # Scheduled detection (docs/detection.md §5): every `every_minutes`, the gateway evaluates
    # the rules over the slot that ended `delay_seconds` ago. Off unless asked for; with several
    # replicas one of them evaluates each slot (a lease in OpenSearch).
    schedule: bool = False
    every_minutes: int = Field(15, ge=1, le=1440)
    # Time for the shippers to bring a slot's events into OpenSearch before it is evaluated.
    delay_seconds: int = Field(120, ge=0, le=3600)
    # A replica that dies mid-slot holds it this long; then another takes it over. Must exceed
    # the time one run takes (docs/benchmarks-detection.md).
    lease_seconds: int = Field(900, ge=60, le=86400)
    # Slots looked back at on each tick: ones missed while no replica ran, or whose lease expired.
    catch_up: int = Field(8, ge=1, le=1000)
    rules_dir: Path | None = None  # default: the shipped rules (audit/detection/rules)
    # Alerts pushed to the duty channel as they are raised; absent: seen in the console only.
    notify: NotifySettings | None = None

    @field_validator("every_minutes")
    @classmethod
    def _divides_a_day(cls, minutes: int) -> int:
        if 1440 % minutes:
            raise ValueError("must divide a day (1440 minutes): e.g. 5, 10, 15, 30, 60")
        return minutes


class KeySettings(Section):
    dir: Path = Path("var/keys")
    # Development only (`minguard dev init` writes true): create missing keys at first start.
    # Off by default, so a production config that leaves out `keys:` fails closed: keys are
    # provisioned beforehand (`minguard keys init`) and a missing key stops the gateway, rather
    # than each host silently making keys of its own (pseudonyms that do not join, ciphertexts
    # no other replica can open, checkpoints signed by a key nobody holds).
    generate_missing: bool = False


class Settings(Section):
    server: ServerSettings = ServerSettings()
    upstream: UpstreamSettings = UpstreamSettings()
    identity: IdentitySettings = IdentitySettings()
    policy: PolicySettings = PolicySettings()
    inspection: InspectionSettings = InspectionSettings()
    audit: AuditSettings = AuditSettings()
    opensearch: OpenSearchSettings = OpenSearchSettings()
    keys: KeySettings = KeySettings()
    detection: DetectionSettings = DetectionSettings()


class ConfigError(Exception):
    """A config file that cannot be used; the message names every bad key."""


def _resolve_paths(value: Any, base: Path) -> Any:
    if isinstance(value, BaseModel):
        updates = {name: _resolve_paths(getattr(value, name), base) for name in type(value).model_fields}
        return value.model_copy(update=updates)
    if isinstance(value, Path) and not value.is_absolute():
        return base / value
    if isinstance(value, list):
        return [_resolve_paths(item, base) for item in value]
    return value


def parse_settings(data: Any, base_dir: Path) -> Settings:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("the config file must be a YAML mapping of sections (server, upstream, ...)")
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            key = ".".join(str(part) for part in error["loc"]) or "(top level)"
            lines.append(f"{key}: {error['msg']}")
        raise ConfigError("invalid config:\n  " + "\n  ".join(lines)) from None
    resolved: Settings = _resolve_paths(settings, base_dir)
    return resolved


def load_settings(path: Path | None) -> Settings:
    """Read and validate one YAML file; no file means the demo defaults."""
    if path is None:
        return parse_settings({}, Path.cwd())
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}") from None
    return parse_settings(data, path.resolve().parent)

"""The one object that carries a request through the pipeline.

Each stage reads what earlier stages left and adds its own part; the audit stage turns the
whole exchange into one event. Nothing else travels between stages.
"""

from __future__ import annotations

import os
import time
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from classifiers.levels import DataLevel
from policies.legibility import acting

if TYPE_CHECKING:
    from classifiers.inspect import Inspection
    from policies.enforcer import Decision
    from policies.routes import RouteMatch

    from .stages.forward import UpstreamStream
    from .stages.jsonbody import ParsedBody
    from .types import Headers


# Methods that change nothing upstream; every other one may perform a write there.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def account_name(name: str) -> str:
    """A user name as directories compare it: case, width and surrounding spaces do not make
    another person (an identity provider may spell "ZhangWei" the login a key names
    "zhangwei"). Whatever is counted or checked per person is keyed by this. Format
    characters (zero-width spaces, BOMs, soft hyphens, word joiners: Unicode Cf) show as
    nothing and survive NFKC, so "wang\u200bfang" would be another person to the self-approval
    check and the daily quota: they are dropped, as is all else `acting` names (controls, line
    separators): a payment service's claimed operator "wang\x1bfang" would otherwise be no one
    the staff register names to the detection rules that join by it."""
    text = unicodedata.normalize("NFKC", name)
    if not text.isprintable():
        text = "".join(ch for ch in text if not acting(ch))
    return text.strip().casefold()


@dataclass(frozen=True, slots=True)
class Principal:
    subject: str
    kind: str  # "person" | "service"
    roles: tuple[str, ...]
    region: str  # 行政区划代码 of the caller's jurisdiction
    organisation: str
    credential: str  # "api_key" | "jwt"
    credential_id: str  # api key id, or the JWT's key id / issuer

    @property
    def user_id(self) -> str:
        """The subject as the trail keys it (``user.id``): folded as ``account_name`` folds it,
        so that "ZhangWei" and "zhangwei" are one history for the officer and the detection
        rules, as they are one daily quota. ``subject`` stays as presented."""
        return account_name(self.subject)


@dataclass(slots=True)
class Request:
    method: str
    raw_path: str  # as the client sent it (before normalisation), without the query
    query: bytes
    headers: Headers
    client_ip: str
    client_port: int
    scheme: str
    body: bytes = b""
    proxy_ip: str = ""  # the load balancer, when client_ip was read from X-Forwarded-For

    @property
    def headers_only(self) -> bool:
        """HEAD (RFC 9110 §9.3.2): answered as the GET it stands for, with the body left out."""
        return self.method == "HEAD"


@dataclass(slots=True)
class Response:
    status: int
    headers: Headers
    body: bytes = b""


@dataclass(slots=True)
class Failure:
    """Why the gateway itself answered instead of the upstream."""

    status: int
    code: str  # machine-readable, e.g. "unauthenticated", "forbidden", "upstream_timeout"
    message: str  # English
    message_zh: str


def new_request_id() -> str:
    """What uuid.uuid4().hex gives (random, version 4, RFC 4122 variant), without building a
    UUID object: a third of the cost, paid by every request."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    return raw.hex()


@dataclass(slots=True)
class Exchange:
    request: Request
    request_id: str = field(default_factory=new_request_id)
    started: float = field(default_factory=time.time)
    started_mono: float = field(default_factory=time.perf_counter)
    purpose: str | None = None
    principal: Principal | None = None
    # The request body as JSON, once a stage has read it so (gateway/stages/jsonbody.py).
    request_json: ParsedBody | None = None
    route: RouteMatch | None = None
    decision: Decision | None = None
    upstream: Response | None = None
    upstream_ms: float | None = None
    # A body not read yet (non-textual types); streamed to the client or closed unread.
    upstream_stream: UpstreamStream | None = None
    # Set when a body labelled binary turned out to be text (see media.sniff).
    sniffed_media_type: str | None = None
    inspection: Inspection | None = None
    masking_profile: str | None = None
    # What the client receives; set by forward/inspect or by a failure.
    response: Response | None = None
    failure: Failure | None = None
    # The most sensitive level this exchange released or could have released: the
    # inspection's level; core when a body went out without inspection.
    level: DataLevel = DataLevel.GENERAL
    person_tokens: tuple[str, ...] = ()
    audit_error: str | None = None
    # ABAC conditions (policies/conditions.yaml) checked for this exchange, and the one that
    # refused it, if any (set by authorize and release).
    conditions: list[str] = field(default_factory=list)
    condition_failed: str | None = None
    # (counter, records, limit): what the release stage counted against the caller's daily
    # quota; given back if the response is withheld after all (gateway/stages/audit.py).
    quota_charge: tuple[str, int, int] | None = None
    # Business fields of a write (program, amount, case, actor, tokens): gateway/stages/business.py.
    business: dict[str, Any] | None = None
    # What a console action did (gateway/console): filters, alert id, new state, comment.
    console: dict[str, Any] | None = None
    # A reference load (gateway/references.py): the feed, its rows, the rows it removed, the
    # SHA-256 its signed record names. Counts and a digest only, never a value of the feed.
    reference: dict[str, Any] | None = None
    # A policy reload's outcome: the version it put in force (the decision names the one that
    # allowed the reload).
    policy_loaded: str | None = None

    def fail(self, status: int, code: str, message: str, message_zh: str) -> None:
        self.failure = Failure(status, code, message, message_zh)

    @property
    def done(self) -> bool:
        """A failed exchange skips the remaining stages (except audit)."""
        return self.failure is not None

    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.started_mono) * 1000.0

"""The console's session cookie and its CSRF token.

The cookie carries the principal the identity stage found at login, an expiry and a random
session id, signed with HMAC-SHA-256 under a key of its own (`console-session.key` in
keys.dir, made at first start in development like the other keys, never committed). It is not
encrypted: nothing in it is secret (subject, roles, region), and the credential itself is never
put in it. The CSRF token of every form is derived from the session id with the same key, so a
token is valid for one session only and a page from another session cannot post.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policies.keys import load_or_create_key

from ..exchange import Principal

COOKIE = "minguard_console"
# Set with the login form: a login POSTed from another site (login CSRF, which would put the
# officer into someone else's session) carries neither this cookie nor the form's token.
LOGIN_COOKIE = "minguard_console_login"
# Over HTTPS the cookies carry the __Host- prefix: the browser then takes them only Secure,
# for this host alone (no Domain) and Path=/, so a sibling subdomain cannot plant or shadow
# a session. Path=/ sends them with every request to the gateway: the forward stage strips
# them (CONSOLE_COOKIES) so that no upstream receives an officer's session.
HOST_PREFIX = "__Host-"
CONSOLE_COOKIES = frozenset(name.casefold() for base in (COOKIE, LOGIN_COOKIE) for name in (base, HOST_PREFIX + base))
LOGIN_LIFETIME_SECONDS = 10 * 60
LIFETIME_SECONDS = 15 * 60  # short: an unattended console times out within a quarter hour
KEY_NAME = "console-session"


class SessionError(Exception):
    """A cookie that is malformed, forged or expired; `code` says which, for the audit event."""

    def __init__(self, code: str, message_zh: str) -> None:
        super().__init__(code)
        self.code = code
        self.message_zh = message_zh


@dataclass(frozen=True, slots=True)
class Session:
    principal: Principal
    sid: str
    expires: int


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class SessionSigner:
    def __init__(self, key: bytes, lifetime: int = LIFETIME_SECONDS) -> None:
        self._key = key
        self.lifetime = lifetime

    @classmethod
    def from_dir(cls, directory: Path, generate: bool) -> SessionSigner:
        return cls(load_or_create_key(directory, KEY_NAME, generate))

    def _mac(self, purpose: str, text: str) -> str:
        return hmac.new(self._key, f"{purpose}\x1f{text}".encode(), hashlib.sha256).hexdigest()

    def issue(self, principal: Principal, now: float | None = None) -> tuple[Session, str]:
        """A new session and its cookie value."""
        expires = int(now if now is not None else time.time()) + self.lifetime
        session = Session(principal, secrets.token_hex(16), expires)
        return session, self.encode(session)

    def encode(self, session: Session) -> str:
        p = session.principal
        payload: dict[str, Any] = {
            "sub": p.subject,
            "kind": p.kind,
            "roles": list(p.roles),
            "region": p.region,
            "org": p.organisation,
            "cred": p.credential,
            "cred_id": p.credential_id,
            "sid": session.sid,
            "exp": session.expires,
        }
        body = _b64(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        return f"{body}.{self._mac('session', body)}"

    def decode(self, cookie: str, now: float | None = None) -> Session:
        body, _, mac = cookie.partition(".")
        if not body or not hmac.compare_digest(mac, self._mac("session", body)):
            raise SessionError("session_invalid", "会话凭据无效,请重新登录")
        try:
            data = json.loads(_unb64(body))
            principal = Principal(
                subject=str(data["sub"]),
                kind=str(data["kind"]),
                roles=tuple(str(r) for r in data["roles"]),
                region=str(data["region"]),
                organisation=str(data["org"]),
                credential=str(data["cred"]),
                credential_id=str(data["cred_id"]),
            )
            session = Session(principal, str(data["sid"]), int(data["exp"]))
        except (ValueError, KeyError, TypeError):  # signed by us but unreadable: treat as forged
            raise SessionError("session_invalid", "会话凭据无效,请重新登录") from None
        if session.expires <= (now if now is not None else time.time()):
            raise SessionError("session_expired", "会话已过期,请重新登录")
        return session

    def csrf(self, session: Session) -> str:
        return self._mac("csrf", session.sid)[:40]

    def csrf_ok(self, session: Session, token: str) -> bool:
        return hmac.compare_digest(self.csrf(session), token)

    def login_nonce(self) -> tuple[str, str]:
        """A nonce for the login form's cookie, and the form token that goes with it."""
        nonce = secrets.token_hex(16)
        return nonce, self._mac("login", nonce)[:40]

    def login_ok(self, nonce: str, token: str) -> bool:
        return bool(nonce) and hmac.compare_digest(self._mac("login", nonce)[:40], token)

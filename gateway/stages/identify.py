"""Stage 1: who is calling. API keys (stored as SHA-256 hashes) or JWT bearer tokens."""

from __future__ import annotations

import hashlib
import re
from typing import Any
from urllib.parse import unquote

import jwt
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from policies.legibility import illegible

from ..exchange import Exchange, Principal
from ..settings import ApiKey, IdentitySettings, JwtSettings

_REGION = re.compile(r"^[0-9]{6}([0-9]{3}([0-9]{3})?)?$")
_ROLE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_MAX_PURPOSE = 200
_MAX_ORGANISATION = 200


def _declared_purpose(text: str) -> str | None:
    """The purpose of use the caller declared, or None. It is free text, but it must be legible
    to the officer who reads the trail: bounded, and not `illegible` (a lone zero-width space
    would satisfy the purpose requirement while the event shows nothing)."""
    purpose = text.strip()
    if not 0 < len(purpose) <= _MAX_PURPOSE or illegible(purpose):
        return None
    return purpose


def hash_api_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class CredentialError(Exception):
    def __init__(self, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.message_zh = message_zh


class JwtVerifier:
    """Verifies RS256/ES256/EdDSA tokens against configured public keys (never a secret)."""

    def __init__(self, settings: JwtSettings) -> None:
        self._settings = settings
        self._keys: dict[str, Any] = {}
        for path in settings.public_keys:
            self._keys[path.stem] = load_pem_public_key(path.read_bytes())
        if settings.jwks_file is not None:
            jwks = jwt.PyJWKSet.from_json(settings.jwks_file.read_text(encoding="utf-8"))
            for jwk in jwks.keys:
                if jwk.key_id is None:
                    raise ValueError(f"{settings.jwks_file}: every JWKS key needs a 'kid'")
                self._keys[jwk.key_id] = jwk.key
        if not self._keys:
            raise ValueError("identity.jwt: configure public_keys or jwks_file")

    def verify(self, token: str) -> Principal:
        try:
            kid = jwt.get_unverified_header(token).get("kid")
        except jwt.PyJWTError:
            raise CredentialError("malformed bearer token", "令牌格式错误") from None
        key = self._keys.get(kid) if isinstance(kid, str) else None
        if key is None:
            raise CredentialError("bearer token signed with an unknown key", "令牌签名密钥未知")
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=list(self._settings.algorithms),
                audience=self._settings.audience,
                issuer=self._settings.issuer,
                leeway=self._settings.leeway_seconds,
                options={"require": ["exp", "iat", "sub", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError:
            raise CredentialError("bearer token has expired", "令牌已过期") from None
        except (jwt.PyJWTError, TypeError, ValueError) as exc:
            # TypeError/ValueError: the token's alg does not fit the key its kid names (an
            # RS256 token against an Ed25519 key); PyJWT raises them, not its own errors.
            raise CredentialError(f"bearer token rejected: {exc}", "令牌校验失败") from None
        roles = claims.get("roles")
        region = claims.get("region")
        kind = claims.get("kind", "person")
        if (
            not isinstance(roles, list)
            or not roles
            or not all(isinstance(r, str) and _ROLE.fullmatch(r) for r in roles)
        ):
            raise CredentialError("token claim 'roles' must be a list of role names", "令牌角色声明无效")
        if not isinstance(region, str) or not _REGION.fullmatch(region):
            raise CredentialError("token claim 'region' must be a 行政区划代码", "令牌行政区划声明无效")
        if kind not in ("person", "service"):
            raise CredentialError("token claim 'kind' must be person or service", "令牌主体类型无效")
        subject = claims["sub"]
        if not isinstance(subject, str) or not subject.strip() or illegible(subject):
            # An empty user.id in the trail: no officer could look the caller up; a subject with
            # a bidi override or a zero-width space reads as another in the trail.
            raise CredentialError("token claim 'sub' must name the caller", "令牌主体声明无效")
        organisation = claims.get("org", "")
        if not isinstance(organisation, str) or len(organisation) > _MAX_ORGANISATION or illegible(organisation):
            # It is written to the trail as the caller's 所属单位 and shown to officers: before,
            # an object became its Python repr and any length or character went through.
            raise CredentialError("token claim 'org' must be the caller's organisation as text", "令牌所属单位声明无效")
        return Principal(
            subject=subject,
            kind=kind,
            roles=tuple(roles),
            region=region,
            organisation=organisation,
            credential="jwt",
            credential_id=str(kid),
        )


def _principal_from_key(key: ApiKey) -> Principal:
    return Principal(
        subject=key.subject,
        kind=key.kind,
        roles=tuple(key.roles),
        region=key.region,
        organisation=key.organisation,
        credential="api_key",
        credential_id=key.id,
    )


class Identify:
    def __init__(self, settings: IdentitySettings) -> None:
        self._keys = {key.sha256: _principal_from_key(key) for key in settings.api_keys}
        self._jwt = JwtVerifier(settings.jwt) if settings.jwt is not None else None
        self._purpose_header = settings.purpose_header.lower().encode("latin-1")

    async def __call__(self, ex: Exchange) -> None:
        api_keys: list[bytes] = []
        bearers: list[bytes] = []
        for name, value in ex.request.headers:
            if name == b"x-api-key":
                api_keys.append(value)
            elif name == b"authorization":
                bearers.append(value)
            elif name == self._purpose_header:
                # UTF-8, raw or percent-encoded (header values are ASCII for most clients).
                purpose = _declared_purpose(unquote(value.decode("utf-8", "replace")))
                if purpose is not None:
                    ex.purpose = purpose
        try:
            ex.principal = self._authenticate(api_keys, bearers)
        except CredentialError as exc:
            ex.fail(401, "unauthenticated", str(exc), exc.message_zh)

    def _authenticate(self, api_keys: list[bytes], bearers: list[bytes]) -> Principal:
        # Exactly one credential: two could be resolved differently by different parsers.
        if len(api_keys) + len(bearers) == 0:
            raise CredentialError("missing credential: send X-API-Key or a Bearer token", "缺少身份凭证")
        if len(api_keys) + len(bearers) > 1:
            raise CredentialError("send exactly one credential", "只能提供一个身份凭证")
        if api_keys:
            principal = self._keys.get(hash_api_key(api_keys[0].decode("latin-1").strip()))
            if principal is None:
                raise CredentialError("unknown API key", "API 密钥无效")
            return principal
        scheme, _, token = bearers[0].decode("latin-1").strip().partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise CredentialError("Authorization must be 'Bearer <token>'", "认证头格式错误")
        if self._jwt is None:
            raise CredentialError("bearer tokens are not accepted here", "本网关未启用令牌认证")
        return self._jwt.verify(token.strip())

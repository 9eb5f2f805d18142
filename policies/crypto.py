"""Keyed field crypto for masking: one-way tokens and reversible ciphertexts.

Tokens   `tok:<kid>:<32 hex>` (HMAC-SHA-256) and `sm3:<kid>:<32 hex>` (HMAC-SM3): the same
         value gives the same token under the same key, so records still join; nobody can
         reverse them, not even the gateway.
Ciphers  `enc:<kid>:<base64url(nonce|ct|tag)>` (AES-256-GCM) and `sm4:<kid>:<…>` (SM4-GCM,
         supported by the installed OpenSSL, so no CBC+HMAC fallback is needed). Reversible
         by `POST /_minguard/reidentify` only.

Every ciphertext is bound (as GCM associated data) to the region the response was released
for, so a value released for one district cannot be re-identified by claiming another one.
The region comes from a context variable set by the authorize stage: the masking call path
(classifiers -> MaskingProfile.apply) has no other way to learn it.
"""

from __future__ import annotations

import base64
import binascii
import contextvars
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hmac as chmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from classifiers.normalise import fold

from .keys import KeyRing

RELEASE_REGION: contextvars.ContextVar[str] = contextvars.ContextVar("minguard_release_region", default="")

TOKEN_PREFIX = {"hmac-sha256": "tok", "hmac-sm3": "sm3"}
CIPHER_PREFIX = {"aes-256-gcm": "enc", "sm4-gcm": "sm4"}
_CIPHER_BY_PREFIX = {v: k for k, v in CIPHER_PREFIX.items()}
_NONCE = 12
_TAG = 16


class CryptoError(ValueError):
    """A value that cannot be re-identified: malformed, unknown key, wrong region, or tampered."""


class OneWayToken(CryptoError):
    """A keyed token (HMAC) was sent for re-identification; tokens are one-way by design."""


def _subkey(key: bytes, label: str, length: int) -> bytes:
    # One key file may serve several algorithms; each gets its own derived key so no two
    # algorithms ever use the same key bytes (and masking tokens never equal audit tokens).
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=f"minguard/{label}".encode()).derive(key)


def _canonical(value: str) -> str:
    # Full-width digits, zero-width characters and spacing are noise: same value, same token.
    return "".join(fold(value).text.split())


def _aad(alg: str, key_id: str, region: str) -> bytes:
    return f"minguard|{alg}|{key_id}|{region}".encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise CryptoError("ciphertext is not base64url") from None


class FieldCrypto:
    def __init__(self, ring: KeyRing) -> None:
        self._ring = ring

    def token(self, value: str, alg: str = "hmac-sha256", key_id: str = "p1") -> str:
        if alg not in TOKEN_PREFIX:
            raise ValueError(f"unknown token algorithm {alg!r}; use one of {sorted(TOKEN_PREFIX)}")
        data = _canonical(value).encode("utf-8")
        if alg == "hmac-sha256":
            key = _subkey(self._ring.key("pseudonym", key_id), "mask-token/sha256", 32)
            digest = hmac.new(key, data, hashlib.sha256).hexdigest()
        else:
            key = _subkey(self._ring.key("pseudonym", key_id), "mask-token/sm3", 32)
            mac = chmac.HMAC(key, hashes.SM3())
            mac.update(data)
            digest = mac.finalize().hex()
        return f"{TOKEN_PREFIX[alg]}:{key_id}:{digest[:32]}"

    def encrypt(self, value: str, alg: str = "aes-256-gcm", key_id: str = "k1", region: str | None = None) -> str:
        if alg not in CIPHER_PREFIX:
            raise ValueError(f"unknown cipher {alg!r}; use one of {sorted(CIPHER_PREFIX)}")
        key = self._cipher_key(alg, self._ring.key("encrypt", key_id))
        nonce = os.urandom(_NONCE)
        aad = _aad(alg, key_id, RELEASE_REGION.get() if region is None else region)
        enc = Cipher(self._algorithm(alg, key), modes.GCM(nonce)).encryptor()
        enc.authenticate_additional_data(aad)
        ct = enc.update(value.encode("utf-8")) + enc.finalize()
        return f"{CIPHER_PREFIX[alg]}:{key_id}:{_b64(nonce + ct + enc.tag)}"

    def decrypt(self, token: str, region: str) -> str:
        prefix, _, rest = token.strip().partition(":")
        if prefix in TOKEN_PREFIX.values():
            raise OneWayToken("keyed tokens (tok:/sm3:) are one-way HMAC values and cannot be re-identified")
        alg = _CIPHER_BY_PREFIX.get(prefix)
        key_id, _, payload = rest.partition(":")
        if alg is None or not payload:
            raise CryptoError("not a ciphertext of the form enc:<kid>:<base64url>")
        raw_key = self._ring.known("encrypt", key_id)
        if raw_key is None:
            raise CryptoError(f"unknown key id {key_id!r}")
        data = _unb64(payload)
        if len(data) < _NONCE + _TAG:
            raise CryptoError("ciphertext too short")
        nonce, ct, tag = data[:_NONCE], data[_NONCE:-_TAG], data[-_TAG:]
        dec = Cipher(self._algorithm(alg, self._cipher_key(alg, raw_key)), modes.GCM(nonce, tag)).decryptor()
        dec.authenticate_additional_data(_aad(alg, key_id, region))
        try:
            return (dec.update(ct) + dec.finalize()).decode("utf-8")
        except (InvalidTag, UnicodeDecodeError):
            raise CryptoError("the value does not decrypt for this region (wrong region or tampered)") from None

    @staticmethod
    def _cipher_key(alg: str, key: bytes) -> bytes:
        return _subkey(key, alg, 32 if alg == "aes-256-gcm" else 16)

    @staticmethod
    def _algorithm(alg: str, key: bytes) -> algorithms.AES | algorithms.SM4:
        return algorithms.AES(key) if alg == "aes-256-gcm" else algorithms.SM4(key)

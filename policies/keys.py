"""Keys held by the gateway, and the keyed pseudonyms it writes into the audit trail.

Keys live in files (mode 0600) under keys.dir, never in the repository. In development a
missing key is generated at first start; in production (keys.generate_missing: false) a
missing key stops the gateway, because a new random key would make old tokens unjoinable.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

PSEUDONYM_KEY_ID = "p1"


class KeyFileError(Exception):
    """A key file that is missing or unusable."""


def load_or_create_key(directory: Path, name: str, generate: bool, size: int = 32) -> bytes:
    path = directory / f"{name}.key"
    if path.exists():
        data = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(data) < 32:
            raise KeyFileError(f"{path}: a key must hold at least 32 bytes (64 hex digits)")
        return data
    if not generate:
        raise KeyFileError(f"{path}: key file missing (keys.generate_missing is off)")
    directory.mkdir(parents=True, exist_ok=True)
    data = secrets.token_bytes(size)
    # O_EXCL: two replicas starting at once must not overwrite each other's key.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(data.hex() + "\n")
    return data


class Pseudonymizer:
    """Deterministic keyed tokens (HMAC-SHA-256): the same person gives the same token, so
    events join, but the token cannot be reversed without the key. The key id is part of the
    token so a rotated key never silently matches tokens of the old one."""

    def __init__(self, key: bytes, key_id: str = PSEUDONYM_KEY_ID) -> None:
        self._key = key
        self.key_id = key_id

    @classmethod
    def from_dir(cls, directory: Path, generate: bool) -> Pseudonymizer:
        return cls(load_or_create_key(directory, f"pseudonym-{PSEUDONYM_KEY_ID}", generate))

    def token(self, value: str) -> str:
        digest = hmac.new(self._key, value.encode("utf-8"), hashlib.sha256).hexdigest()
        return f"{self.key_id}:{digest[:32]}"

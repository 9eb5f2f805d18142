"""Keys held by the gateway, and the keyed pseudonyms it writes into the audit trail.

Keys live in files (mode 0600) under keys.dir, never in the repository. In development a
missing key is generated at first start; in production (keys.generate_missing: false) a
missing key stops the gateway, because a new random key would make old tokens unjoinable.

Names: `pseudonym-<id>.key` for keyed tokens (one-way), `encrypt-<id>.key` for reversible
encryption. Rotation = a new file with a new id; old files stay so that old ciphertexts can
still be decrypted (the key id travels inside every token and ciphertext).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
from pathlib import Path

PSEUDONYM_KEY_ID = "p1"
KEY_ID = re.compile(r"^[a-z][a-z0-9]{0,15}$")


class KeyFileError(Exception):
    """A key file that is missing or unusable."""


def _read_key(path: Path) -> bytes:
    # Whoever can write a key file can forge checkpoints or swap the pseudonym key: refused.
    # (Group-readable is allowed: the systemd unit uses 0640 root:minguard.)
    if path.stat().st_mode & 0o022:
        raise KeyFileError(f"{path}: a key file must not be writable by group or others (chmod 0600)")
    try:
        data = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except ValueError:
        raise KeyFileError(f"{path}: a key file holds hex digits only") from None
    if len(data) < 32:
        raise KeyFileError(f"{path}: a key must hold at least 32 bytes (64 hex digits)")
    return data


def load_or_create_key(directory: Path, name: str, generate: bool, size: int = 32) -> bytes:
    path = directory / f"{name}.key"
    if path.exists():
        return _read_key(path)
    if not generate:
        raise KeyFileError(
            f"密钥文件缺失 / key file missing: {path} (keys.generate_missing 为 false / is false;"
            " 用 `minguard keys init` 预置密钥 / provision it with `minguard keys init`)"
        )
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Written whole under a private name, then linked into place: link() fails if the name
    # exists, so when workers start at once exactly one key wins, and nobody can read a
    # half-written file.
    tmp = directory / f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(secrets.token_bytes(size).hex() + "\n")
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(FileExistsError):  # another process was first: its key is the key
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return _read_key(path)


class KeyRing:
    """Every key of one purpose (`pseudonym` or `encrypt`) found in keys.dir, by key id."""

    def __init__(self, directory: Path, generate: bool) -> None:
        self.directory = directory
        self.generate = generate
        self._keys: dict[tuple[str, str], bytes] = {}
        if directory.is_dir():
            for path in sorted(directory.glob("*.key")):
                purpose, _, key_id = path.stem.partition("-")
                if purpose in ("pseudonym", "encrypt") and KEY_ID.match(key_id):
                    self._keys[(purpose, key_id)] = _read_key(path)

    def key(self, purpose: str, key_id: str) -> bytes:
        """The key; created first if missing and generation is allowed (development)."""
        if not KEY_ID.match(key_id):
            raise KeyFileError(f"bad key id {key_id!r}: lowercase letters and digits, starting with a letter")
        found = self._keys.get((purpose, key_id))
        if found is None:
            found = load_or_create_key(self.directory, f"{purpose}-{key_id}", self.generate)
            self._keys[(purpose, key_id)] = found
        return found

    def known(self, purpose: str, key_id: str) -> bytes | None:
        """An existing key only (decryption never creates keys). A key another worker or
        replica created after this one started (a rotation) is read from its file."""
        found = self._keys.get((purpose, key_id))
        if found is None and KEY_ID.match(key_id):
            path = self.directory / f"{purpose}-{key_id}.key"
            if path.is_file():
                found = self._keys[(purpose, key_id)] = _read_key(path)
        return found

    def ids(self, purpose: str) -> list[str]:
        return sorted(k for p, k in self._keys if p == purpose)


class Pseudonymizer:
    """Deterministic keyed tokens (HMAC-SHA-256): the same person gives the same token, so
    events join, but the token cannot be reversed without the key. The key id is part of the
    token so a rotated key never silently matches tokens of the old one."""

    def __init__(self, key: bytes, key_id: str = PSEUDONYM_KEY_ID) -> None:
        self.key_id = key_id
        # HMAC (RFC 2104) with its two keyed hash states prepared once: a token is then two
        # state copies and two short updates, less than half of hmac.new's time per token
        # (every response is tokenised person by person on the request path).
        block = hashlib.sha256().block_size
        padded = (hashlib.sha256(key).digest() if len(key) > block else key).ljust(block, b"\0")
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))

    @classmethod
    def from_dir(cls, directory: Path, generate: bool) -> Pseudonymizer:
        return cls(load_or_create_key(directory, f"pseudonym-{PSEUDONYM_KEY_ID}", generate))

    def token(self, value: str) -> str:
        inner = self._inner.copy()
        inner.update(value.encode("utf-8"))
        outer = self._outer.copy()
        outer.update(inner.digest())
        return f"{self.key_id}:{outer.hexdigest()[:32]}"

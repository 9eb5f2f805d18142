"""The audit signing key (Ed25519) that signs the chains' checkpoints (audit/chain.py): loading it,
exporting its public half for verifiers, rotating it, and the public keys a trail may be verified
with (the current one and those rotated out). docs/audit-chain.md §2.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from policies.keys import KeyFileError, load_or_create_key

SIGNING_KEY = "audit-signing"  # keys.dir/audit-signing.key: the 32-byte Ed25519 seed, hex
PUBLIC_KEY_FILE = "audit-signing.pub.pem"  # exported next to it, for verifiers
# keys.dir/audit-signing.retired-<key_id>.pub.pem: the public keys of signing keys rotated out
# (`minguard keys rotate-signing`), so that a trail spanning a rotation verifies as one. Beside
# the others, not in a subdirectory: a key set mounted from a Kubernetes secret is one level.
RETIRED_PUBLIC_KEY = "audit-signing.retired-{key_id}.pub.pem"


def key_id(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


class CheckpointSigner:
    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._key = private_key
        self.public_key = private_key.public_key()
        self.key_id = key_id(self.public_key)

    @classmethod
    def from_dir(cls, directory: Path, generate: bool) -> CheckpointSigner:
        """Load (in development: create) the signing key and export its public key beside it."""
        seed = load_or_create_key(directory, SIGNING_KEY, generate)
        if len(seed) != 32:
            raise KeyFileError(f"{directory / SIGNING_KEY}.key: an Ed25519 seed is exactly 32 bytes (64 hex digits)")
        signer = cls(Ed25519PrivateKey.from_private_bytes(seed))
        signer._export_public_key(directory / PUBLIC_KEY_FILE)
        return signer

    def _export_public_key(self, path: Path) -> None:
        pem = self.public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        if path.exists():
            if path.read_bytes() != pem:
                # Verifiers trust this file: a stale one would make every checkpoint look forged.
                raise KeyFileError(f"{path} is not the public key of {SIGNING_KEY}.key")
            return
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        tmp.write_bytes(pem)
        os.replace(tmp, path)

    def sign(self, data: bytes) -> str:
        return self._key.sign(data).hex()


def rotate_signing_key(directory: Path) -> tuple[str, str]:
    """Replace the signing key with a new one, keeping the old public key among the retired:
    (old key_id, new key_id). The old seed is overwritten: checkpoints it signed stay
    verifiable, and nobody can sign more with it."""
    old = CheckpointSigner.from_dir(directory, generate=False)
    retired = directory / RETIRED_PUBLIC_KEY.format(key_id=old.key_id)
    retired.write_bytes((directory / PUBLIC_KEY_FILE).read_bytes())
    seed = directory / f"{SIGNING_KEY}.key"
    tmp = seed.with_name(f".{SIGNING_KEY}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(secrets.token_bytes(32).hex() + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, seed)
    (directory / PUBLIC_KEY_FILE).unlink()  # the old one: from_dir exports the new key's
    return old.key_id, CheckpointSigner.from_dir(directory, generate=False).key_id


def verifying_keys(directory: Path) -> list[Ed25519PublicKey]:
    """The public keys a trail's checkpoints may be signed with: keys.dir's current one, then
    the retired ones. OSError or ValueError if one cannot be read."""
    return [load_public_key(directory / PUBLIC_KEY_FILE), *retired_keys(directory)]


def retired_keys(directory: Path) -> list[Ed25519PublicKey]:
    """The retired public keys of keys.dir (`minguard keys rotate-signing`), by file name."""
    return [load_public_key(path) for path in sorted(directory.glob(RETIRED_PUBLIC_KEY.format(key_id="*")))]


def load_public_key(path: Path) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(path.read_bytes())
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError(f"{path}: not an Ed25519 public key")
    return key

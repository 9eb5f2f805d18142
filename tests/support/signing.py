"""A fixed audit signing key for tests that sign reference loads and check them (test data only)."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from audit.signing import CheckpointSigner

SIGNER = CheckpointSigner(Ed25519PrivateKey.from_private_bytes(bytes(range(32))))

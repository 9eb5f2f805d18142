"""The key set a deployment provisions once and mounts, read-only, into every replica.

Every replica must hold the same keys: pseudonyms (`p1:…`) must be equal so that a person's
accesses join across replicas, a ciphertext released by one replica must be re-identifiable on
another, one public key verifies every chain, and a console session opened on one replica must
be honoured by the next one behind the load balancer. Replicas creating missing keys at start
would race and disagree, so production runs with `keys.generate_missing: false` and this set
is made beforehand by `minguard keys init DIR`.
"""

from __future__ import annotations

from pathlib import Path

from audit.chain import CheckpointSigner
from policies.keys import KeyRing, Pseudonymizer

from .console.session import SessionSigner

FIELD_KEY = ("encrypt", "k1")  # the field-encryption key the shipped masking profiles name


def provision(directory: Path) -> list[Path]:
    """Create whatever of the set is missing (existing keys are kept); the files of the set."""
    Pseudonymizer.from_dir(directory, True)
    KeyRing(directory, True).key(*FIELD_KEY)
    CheckpointSigner.from_dir(directory, True)
    SessionSigner.from_dir(directory, True)
    return sorted(p for p in directory.iterdir() if p.is_file())

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

from audit.signing import SIGNING_KEY, CheckpointSigner
from policies.keys import PSEUDONYM_KEY_ID, KeyRing, Pseudonymizer
from policies.masking import load_profiles

from .console.session import KEY_NAME as SESSION_KEY
from .console.session import SessionSigner
from .settings import KeySettings

FIELD_KEY = ("encrypt", "k1")  # the field-encryption key the shipped masking profiles name
# Loaded when the gateway starts (Pseudonymizer, CheckpointSigner, the console's SessionSigner).
START_KEYS = (f"pseudonym-{PSEUDONYM_KEY_ID}", SIGNING_KEY, SESSION_KEY)
_KEY_PURPOSE = {"pseudonymise": "pseudonym", "encrypt": "encrypt"}


def provision(directory: Path) -> list[Path]:
    """Create whatever of the set is missing (existing keys are kept); the files of the set."""
    Pseudonymizer.from_dir(directory, True)
    KeyRing(directory, True).key(*FIELD_KEY)
    CheckpointSigner.from_dir(directory, True)
    SessionSigner.from_dir(directory, True)
    return sorted(p for p in directory.iterdir() if p.is_file())


def masking_keys(masking: Path) -> set[str]:
    """Key files the masking profiles name (`pseudonymise`/`encrypt` operators): read only when
    a response first needs them, so without this check a missing one shows as a 500 later."""
    profiles = load_profiles(masking)
    names: set[str] = set()
    for name in profiles.names:
        profile = profiles.get(name)
        for op in (profile.default, *profile.operators.values()):
            if op.op in _KEY_PURPOSE and op.key:
                names.add(f"{_KEY_PURPOSE[op.op]}-{op.key}")
    return names


def missing_keys(keys: KeySettings, masking: Path) -> list[Path]:
    """The key files the gateway needs that keys.dir lacks. A masking file that does not load
    is reported by its own check; then only the keys loaded at start are looked for."""
    try:
        named = masking_keys(masking)
    except Exception:  # any error of the file: `config check` names it, the gateway refuses it
        named = set()
    return [keys.dir / f"{n}.key" for n in sorted({*START_KEYS, *named}) if not (keys.dir / f"{n}.key").exists()]


def missing_message(keys: KeySettings, absent: list[Path]) -> str:
    """One line, zh-CN first: which files, which setting, how to provision them."""
    files = ", ".join(str(p) for p in absent)
    return (
        f"密钥文件缺失 / key files missing: {files}(keys.generate_missing 为 false,须预先用 "
        f"`minguard keys init {keys.dir}` 生成 / keys.generate_missing is false: provision them with "
        f"`minguard keys init {keys.dir}`)"
    )

"""compliance/systemfacts.key_files: the keys whose age the report judges."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import audit.chain
import audit.signing
from audit.signing import CheckpointSigner
from compliance.systemfacts import key_files


def test_a_rotated_out_public_key_is_not_a_key_in_use(tmp_path: Path) -> None:
    """Kept to verify old checkpoints, it only grows older: counted, it marked the report's
    key age check 部分符合 forever after the first rotation."""
    CheckpointSigner.from_dir(tmp_path, generate=True)
    old_id, _ = audit.signing.rotate_signing_key(tmp_path)
    retired = tmp_path / f"audit-signing.retired-{old_id}.pub.pem"
    year_ago = (datetime.now(UTC) - timedelta(days=400)).timestamp()
    os.utime(retired, (year_ago, year_ago))
    files = key_files(tmp_path, datetime.now(UTC))
    assert sorted(f["file"] for f in files) == ["audit-signing.key", "audit-signing.pub.pem"]
    assert all(f["age_days"] == 0 for f in files)

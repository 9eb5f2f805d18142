from __future__ import annotations

import uuid

from gateway.exchange import new_request_id


def test_request_ids_are_uuid4_hex() -> None:
    seen = set()
    for _ in range(2000):
        rid = new_request_id()
        parsed = uuid.UUID(hex=rid)
        assert parsed.hex == rid and parsed.version == 4 and parsed.variant == uuid.RFC_4122
        seen.add(rid)
    assert len(seen) == 2000

"""The daily trail check: each day's audit trail verified against its hash chains and signed
checkpoints by the scheduled detection (audit/detection/schedule.py), so that a deletion or an
edit of the day's records is an alert the morning after, not a finding the next time someone
runs `minguard audit verify`. GB/T 22239-2019 8.1.4.3 c: 审计记录应受到保护,避免受到未预期的
删除、修改或覆盖.

It reads what `audit verify --from <day> --to <next day>` reads (audit/trail.py: each chain from
the checkpoint before the day to the one after it) and raises one alert per instance whose day
fails (`audit.trail_tampered`, critical). Where chains end is not judged: a chain a killed
gateway left open is `audit.process_interrupted`'s, and a running gateway's goes on.

An edit made later to an older day would not be seen by a check of the day just ended, so each
night also verifies the days 30, 60, 90 … before it (`days_to_check`): every day of the trail is
verified again every 30 days for as long as it is kept. An alert's id names its day, so a day
found altered again 30 days later does not raise a second alert.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from opensearchpy import OpenSearch

from audit.trail import read_trail
from audit.verify import verify_trail

from .alerts import trail_alert
from .query import Window

UNCHAINED = "(无链)"  # events that claim no chain: inserted from outside the gateway
RECHECK_EVERY = 30  # days between two checks of the same older day
# Days this close to the retention limit are not checked again: the month's index that holds the
# checkpoint before them may already be gone (audit/lifecycle.py deletes whole months), which
# would read as records deleted.
RETENTION_MARGIN = 31
_DAY = timedelta(days=1)


def days_to_check(day_end: datetime, retention_days: int) -> list[Window]:
    """The day that ends at `day_end`, then the days 30, 60, 90 … before it that retention keeps
    at least a month away from deletion."""
    back = range(0, retention_days - RETENTION_MARGIN, RECHECK_EVERY)
    return [Window(day_end - _DAY * (k + 1), day_end - _DAY * k) for k in back]


def trail_alerts(
    client: OpenSearch, prefix: str, keys: Sequence[Ed25519PublicKey], window: Window, now: datetime
) -> list[dict[str, Any]]:
    report = verify_trail(read_trail(client, prefix, window.start, window.end), keys)
    by_instance: dict[str, list[tuple[str | None, str]]] = defaultdict(list)
    for finding in report.findings:
        by_instance[finding.instance or UNCHAINED].append((finding.event_id, finding.message_zh))
    return [trail_alert(window, instance, by_instance[instance], now) for instance in sorted(by_instance)]

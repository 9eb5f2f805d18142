"""Stage 5 (between inspect and audit): conditions that need the response.

Once the body is inspected its data level and record count are known; the caller's roles
may still forbid that level (in clear or at all), demand a declared purpose of use, or cap
the records per response and per day (policies/conditions.yaml). A failed condition
withholds the body: the caller gets 403 (or 429 for the daily quota) and the audit event
names the condition. A body released with personal data, or graded above general, goes
out marked not to be stored by caches.
"""

from __future__ import annotations

import logging

from classifiers.inspect import Inspection
from classifiers.levels import DataLevel
from classifiers.regionfields import UNREAD_KEPT
from classifiers.regionnames import below_county, code_of_name
from policies.bundle import PolicyStore
from policies.conditions import Verdict
from policies.enforcer import region_prefix
from policies.quota import QuotaStore

from ..exchange import Exchange, account_name
from ..types import Headers
from .authorize import Clock, now_utc, refuse

log = logging.getLogger(__name__)


def counted_records(inspection: Inspection) -> int:
    """The records a response counts for, per response and per day: its records, the persons it
    names by ID number, or the objects outside its record list that hold a person's name or ID
    number, whichever are most. The records are what the inspector read as the answer's list;
    500 records under a key it does not know as one (`persons`, `payload.entries`, GraphQL's
    edges, OData's `value`), inside a JSON string or a page nested deeper counted as one, and
    went past both limits: by their ID numbers, or by the objects when they carry none. The
    audit event's `minguard.data.records` is this count too, so the export-volume rule sums what
    the limits counted."""
    return max(inspection.records + inspection.persons_beside, len(inspection.persons), inspection.persons_apart)


class Release:
    def __init__(self, store: PolicyStore, quota: QuotaStore, clock: Clock = now_utc) -> None:
        self._store = store
        self._quota = quota
        self._clock = clock

    async def __call__(self, ex: Exchange) -> None:
        principal = ex.principal
        if ex.response is None or principal is None:
            return
        conditions = self._store.current.conditions
        roles = principal.roles
        inspection = ex.inspection
        # "Masked" means inspected and nothing let out in clear; uninspected bodies never are.
        masked = inspection is not None and inspection.clear == 0
        records = counted_records(inspection) if inspection is not None else 0
        ex.conditions += ["max_level", "purpose", "max_records_per_response"]
        verdict = conditions.check_release(roles, ex.level, masked, ex.purpose, records)
        if verdict is None:
            verdict = _outside_region(ex)
        if verdict is None:
            verdict = await self._daily(ex, roles, principal.subject, records)
        if verdict is not None:
            self._withhold(ex, verdict)
            return
        if ex.level > DataLevel.GENERAL or (inspection is not None and inspection.masked + inspection.clear):
            ex.response.headers = _not_stored(ex.response.headers)

    async def _daily(self, ex: Exchange, roles: tuple[str, ...], subject: str, records: int) -> Verdict | None:
        conditions = self._store.current.conditions
        limit = conditions.daily_limit(roles)
        if limit is None:
            return None
        day = conditions.day(self._clock())
        counter = f"{account_name(subject)}|{day}"
        result = await self._quota.consume(counter, records, limit[0])
        ex.conditions.append(f"max_records_per_day:{limit[1]} {result.used}/{limit[0]}{result.marks}")
        if result.allowed:
            if records:
                ex.quota_charge = (counter, records, limit[0])
            return None
        if result.contended:
            # Fail closed: the count could not be settled with the other processes in time.
            # Only this subject's own concurrent requests share the counter, hence 429.
            return Verdict(
                f"max_records_per_day:{limit[1]}",
                429,
                "daily_quota_contended",
                f"today's record count for role {limit[1]} could not be updated in time "
                "(too many concurrent requests by this caller); retry later",
                f"今日数据量计数正被本用户的其他并发请求占用,未能及时更新(角色 {limit[1]}),请稍后重试",
            )
        return Verdict(
            f"max_records_per_day:{limit[1]}",
            429,
            "daily_quota_exceeded",
            f"{records} more records would exceed today's limit of {limit[0]} for role {limit[1]} "
            f"({result.used} released so far)",
            f"今日已获取 {result.used} 条记录,再返回 {records} 条将超过角色 {limit[1]} 的每日上限 {limit[0]} 条",
        )

    async def give_back(self, ex: Exchange) -> None:
        """The response was withheld after all (its audit event could not be made durable):
        the records counted against the caller's daily quota were never released. Without
        this, retries during an audit outage would use up the day's quota for nothing."""
        charge, ex.quota_charge = ex.quota_charge, None
        if charge is None:
            return
        counter, records, limit = charge
        try:
            result = await self._quota.consume(counter, -records, limit)
        except Exception:  # the refusal stands either way; the count stays a little high
            log.exception("daily quota: %d records not given back to %s", records, counter)
            return
        ex.conditions.append(f"max_records_per_day: {records} given back, {result.used}/{limit}")

    @staticmethod
    def _withhold(ex: Exchange, verdict: Verdict) -> None:
        if ex.upstream_stream is not None:
            ex.upstream_stream.close()
            ex.upstream_stream = None
        ex.response = None
        refuse(ex, verdict)


_CACHING = frozenset({b"cache-control", b"expires", b"pragma"})


def _not_stored(headers: Headers) -> Headers:
    """The headers with caching forbidden (RFC 9111 ``no-store``), whatever the upstream
    allowed. A cache between the gateway and its callers would otherwise hand one caller's
    response, masked for their roles, to another caller, and serve accesses that no audit
    event records."""
    return [(name, value) for name, value in headers if name not in _CACHING] + [(b"cache-control", b"no-store")]


def _outside_region(ex: Exchange) -> Verdict | None:
    """On a route scoped to a region (authorize checked it against the caller's
    jurisdiction), the records must be of that region too: an upstream that answers a
    汉滨区 list with persons of another district has a fault the caller must not profit
    from. Region codes are read from the keys the catalog names (``regions``); a code
    inside the region starts with the route's, as authorize reads it (610902 holds
    610902002001, the city 610900 holds 610921101001; a district does not hold its city)."""
    target = ex.route.target_region if ex.route is not None else None
    if not target:
        return None
    ex.conditions.append("region_scope")
    if ex.inspection is None:
        # Let out uninspected (a binary type, or a body the inspector could not read, to a
        # profile that masks nothing): no one knows whose records it holds. It counts as core
        # data, and a county's service must not receive another county's.
        return Verdict(
            "region_scope",
            502,
            "records_region_unknown",
            f"the upstream's answer for region {target} could not be inspected, so the region of its records "
            "is unknown; the response is withheld",
            f"上游对区划 {target} 的响应无法检查,无法判断记录所属区划,已拦截",
        )
    named, unread, townships = _codes_of_names(ex.inspection.unread_regions, target)
    placed = ex.inspection.regions | named
    if townships:
        # A township's name alone (江北街道, 城关镇): GB/T 2260 stops at counties, and such
        # names repeat across them. Beside the codes that systems write with it in its record
        # (xzqhdm 610902001, xzqhmc 江北街道) those codes are judged; with nothing of its own
        # record to place it, the record is as unreadable as one naming 全部. The codes of the
        # records beside it say nothing about it: it may be of any county with a 城关镇.
        unread += _unplaced_townships(ex.inspection.unread_records, target)
    if unread:
        # A region field holding what is no code nor a region's name (全部, a name found in
        # two places, a number): whose records these are cannot be judged, and the gateway
        # does not guess. The values are not shown: what an upstream put there may be
        # anything (an address), and the caller and the event must not receive it unmasked.
        return Verdict(
            "region_scope",
            502,
            "records_region_unreadable",
            f"the upstream answered for region {target} with {unread} region field value(s) that are no region "
            "code; the response is withheld",
            f"上游对区划 {target} 的响应中有 {unread} 个区划字段的值无法识别为行政区划代码,无法判断记录所属区划,已拦截",
        )
    prefix = region_prefix(target)
    outside = sorted(code for code in placed if not code.startswith(prefix))
    if not outside:
        return None
    shown = _shown(outside)
    return Verdict(
        "region_scope",
        502,
        "records_outside_region",
        f"the upstream answered for region {target} with records of {shown}; the response is withheld",
        f"上游对区划 {target} 的请求返回了其他区划({shown})的记录,已拦截",
    )


def _codes_of_names(values: frozenset[str], target: str) -> tuple[frozenset[str], int, int]:
    """The codes of the region names among `values` (所属区划: 陕西省安康市汉阴县, read in
    the province of `target`: classifiers/regionnames.py), how many values are none, and how many of
    those are a township's name alone (江北街道)."""
    codes: set[str] = set()
    unread = townships = 0
    for value in values:
        # A value as long as what the inspector keeps may have been cut short, and what was
        # cut (、紫阳县) is not there to be judged.
        whole = len(value) < UNREAD_KEPT
        code = code_of_name(value, target[:2]) if whole else ""
        if code:
            codes.add(code)
        elif whole and below_county(value):
            townships += 1
        else:
            unread += 1
    return frozenset(codes), unread, townships


def _unplaced_townships(answers: tuple[dict[str, frozenset[int]], ...], target: str) -> int:
    """How many records hold a township's name (江北街道) and nothing of their own to place it:
    no code, no county's name (汉滨区, 汉滨区江北街道) under a region key. ``answers``: per text
    inspected, each region value that is no code and the records without a code that hold it."""
    province = target[:2]
    unplaced = 0
    for held in answers:
        townships: set[int] = set()
        named: set[int] = set()
        for value, records in held.items():
            if len(value) >= UNREAD_KEPT:  # may have been cut short: counted as unreadable already
                continue
            if code_of_name(value, province):
                named |= records
            elif below_county(value):
                townships |= records
        unplaced += len(townships - named)
    return unplaced


def _shown(values: list[str]) -> str:
    return ", ".join(values[:3]) + (f" and {len(values) - 3} more" if len(values) > 3 else "")

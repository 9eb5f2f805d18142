"""Synthetic audit events for the detection benchmark: one day of a city's gateway traffic.

The shape follows docs/audit-events.md field by field (the index mapping is strict, so a
wrong field is refused), and the population is made so that every rule's query touches real
values: ~12,000 officials over the ten districts of a city (安康市 6109xx) in six roles, 40
service accounts, 400,000 persons (`p1:` tokens) in caseloads of 60, villages with 12-digit
codes, reads/lists/searches/exports, denials, re-identifications, and write operations
(apply/approve/pay/bank account) with `minguard.business` fields.

Normal behaviour is made to stay under the shipped thresholds (officials read their own
caseload, work office hours, rarely miss a purpose), and a few users in a thousand have a
"trait" (bulk lister, night worker, prober, snoop, shared account, exporter, one-person
case handling) so that each rule has some hits and the evidence and alert paths are timed
too. All values are random; nothing here is real data.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import orjson

TZ = ZoneInfo("Asia/Shanghai")
DISTRICTS = {  # code -> relative population
    "610902": 10, "610921": 3, "610922": 2, "610923": 1, "610924": 3,
    "610925": 2, "610926": 2, "610927": 1, "610981": 4, "610929": 2,
}  # fmt: skip
ROLES = (
    ("caseworker", 0.55),
    ("reviewer", 0.15),
    ("district_head", 0.02),
    ("statistician", 0.05),
    ("outsourced", 0.23),
)
TRAITS = ("bulk", "night", "prober", "snoop", "shared", "exporter", "fraud")
PERSONS, CASELOAD, USERS, SERVICES = 400_000, 60, 12_000, 40
ORG = "民政局社会救助股"
PROGRAMS = (("dibao", 300, 6000), ("tekun", 500, 1000), ("linshi", 300, 4800))
READS = (("person.read", "person", "read", "persons"), ("household.read", "household", "read", "households"),
         ("case.read", "case", "read", "cases"))  # fmt: skip


@dataclass
class User:
    id: str
    kind: str
    role: str
    region: str
    ips: list[str]
    caseload: list[int]
    trait: str | None


def _token(i: int) -> str:
    # Deterministic per person index, so that a person's token is the same in every worker.
    return f"p1:{(i * 2654435761 + 0x9E3779B97F4A7C15) % (1 << 128):032x}"


def _village(i: int) -> str:
    return f"{district_of(i)}{100 + i % 17:03d}{200 + i % 13:03d}"


_CODES = [c for c, w in DISTRICTS.items() for _ in range(w)]


def district_of(person: int) -> str:
    return _CODES[person % len(_CODES)]


def population(seed: int = 6) -> list[User]:
    """The same users for every worker and every run (seeded)."""
    rnd = random.Random(seed)
    by_district: dict[str, list[int]] = {c: [] for c in DISTRICTS}
    for i in range(PERSONS):
        by_district[district_of(i)].append(i)
    groups = {c: [p[k : k + CASELOAD] for k in range(0, len(p), CASELOAD)] for c, p in by_district.items()}
    users: list[User] = []
    for n in range(USERS):
        role = rnd.choices([r for r, _ in ROLES], [w for _, w in ROLES])[0]
        region = rnd.choice(_CODES)
        trait = rnd.choice(TRAITS) if rnd.random() < 0.003 else None
        ips = [f"10.{n % 200}.{n // 200 % 250}.{10 + n % 7}"]
        if trait == "shared":
            ips += [f"10.250.{n % 250}.{k}" for k in (1, 2, 3)]
        elif rnd.random() < 0.02:
            ips.append(f"10.251.{n % 250}.{n % 240 + 1}")
        # A caseload group is worked by one caseworker and one reviewer: nobody else reads it.
        caseload = (
            rnd.choice(groups[region]) if role in ("caseworker", "reviewer") else rnd.sample(by_district[region], 30)
        )
        users.append(User(f"u{n:05d}", "person", role, region, ips, caseload, trait))
    for n in range(SERVICES):
        role = "service_payment" if n < 10 else "service_exchange"
        users.append(User(f"svc-{role}-{n:02d}", "service", role, "610900", [f"10.99.0.{n + 1}"], [], None))
    return users


def _hexid(rnd: random.Random) -> str:
    return f"{rnd.getrandbits(128):032x}"


def event(rnd: random.Random, user: User, at: datetime, all_persons: int = PERSONS) -> dict[str, Any]:
    """One audit event as the gateway would ship it."""
    region = user.region if user.region != "610900" else district_of(rnd.randrange(all_persons))
    status, persons, action = 200, [], ""
    business: dict[str, Any] | None = None
    r = rnd.random()
    denial = 0.2 if user.trait == "prober" else 0.01
    if user.kind == "service":
        if user.role == "service_payment":
            route, resource, action, method = "case.pay", "payment", "pay", "POST"
        else:
            route, resource, action, method = "person.list", "person", "list", "GET"
            persons = [rnd.randrange(all_persons) for _ in range(rnd.randint(20, 50))]
    elif r < denial:
        status = 429 if rnd.random() < 0.2 else 403
        route, resource, action, method = "person.list", "person", "list", "GET"
        if status == 403 and rnd.random() < (0.8 if user.trait == "prober" else 0.1):
            region = rnd.choice([c for c in DISTRICTS if c != user.region])
    elif r < 0.015 and user.role in ("caseworker", "reviewer"):
        step = "approve" if user.role == "reviewer" else rnd.choice(("apply", "bank_account"))
        if user.trait == "fraud":
            step = rnd.choice(("apply", "approve", "bank_account"))
        route, resource, action, method = {
            "apply": ("case.apply", "case", "create", "POST"),
            "approve": ("case.approve", "case", "approve", "POST"),
            "bank_account": ("person.bank_account", "person", "update", "PUT"),
        }[step]
        persons = [rnd.choice(user.caseload)]
    elif r < 0.0025 + 0.015 or (user.trait == "exporter" and r < 0.05):
        route, resource, action, method = "export.persons_csv", "export", "export", "GET"
        persons = rnd.sample(user.caseload, min(len(user.caseload), 30)) + [
            rnd.randrange(all_persons) for _ in range(rnd.randint(20, 170))
        ]
    elif r < 0.45 and user.role in ("caseworker", "reviewer", "district_head"):
        route, resource, action, _ = rnd.choice(READS)
        method = "GET"
        snoop = user.trait == "snoop" and rnd.random() < 0.3
        persons = [rnd.randrange(all_persons) if snoop else rnd.choice(user.caseload)]
    else:
        route, resource, action, method = "person.list", "person", "list", "GET"
        pool = range(all_persons) if user.trait == "bulk" else user.caseload
        persons = (
            rnd.sample(pool, 10) if user.trait == "bulk" else [rnd.choice(pool) for _ in range(rnd.randint(3, 10))]
        )
    if (persons and action in ("create", "approve", "update", "pay")) or user.role == "service_payment":
        p = persons[0] if persons else rnd.randrange(all_persons)
        persons = [p]
        program, low, high = PROGRAMS[p % 3]
        step = {"create": "apply", "approve": "approve", "update": "bank_account", "pay": "pay"}[action]
        over = user.trait == "fraud" and rnd.random() < 0.3
        business = {
            "step": step, "operator": user.id, "case_id": f"C{p:07d}", "program": program,
            "amount": None if step == "bank_account" else round(rnd.uniform(low, high) * (3 if over else 1), 2),
            "period": at.astimezone(TZ).strftime("%Y-%m"), "region": _village(p), "county": _village(p)[:6],
            "person_token": _token(p), "account_token": f"a1:{(p * 40503 + (7 if user.trait == 'fraud' else 0)) % (1 << 96):024x}"
            if step in ("bank_account", "pay") else None, "upstream_status": 200,
        }  # fmt: skip
        business["household_token"] = f"p1:{(p // 3 * 2246822519 + 1) % (1 << 128):032x}"  # three to a household
        business["address_token"] = f"p1:{(p // 3 * 3266489917 + 2) % (1 << 128):032x}"
        business = {k: v for k, v in business.items() if v is not None}  # as gateway/stages/business.py
        if user.trait == "fraud" and step == "bank_account":
            business["account_token"] = f"a1:{int(user.id[1:]):024x}"  # the official's own account
    allowed = status == 200
    level = (
        "general"
        if user.role == "outsourced" and rnd.random() < 0.995
        else rnd.choice(("important",) * 5 + ("general",) * 3 + ("core",))
    )
    if not allowed:
        persons, level = [], "general"
    tokens = sorted({_token(p) for p in persons})
    clear = 1 if user.role == "district_head" and rnd.random() < 0.3 else 0
    purpose = (
        None if (clear and rnd.random() < 0.005) or (user.kind == "person" and rnd.random() < 0.002) else "低保年度复核"
    )
    ident = _hexid(rnd)
    path = f"/api/v1/regions/{region}/{resource}s" if method == "GET" else f"/api/v1/regions/{region}/{resource}s/x"
    ts = at.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    doc: dict[str, Any] = {
        "@timestamp": ts,
        "event": {"id": ident, "kind": "event", "category": ["web"], "type": ["access", "allowed" if allowed else "denied"],
                  "action": route, "outcome": "success" if allowed else "failure",
                  "reason": None if allowed else ("forbidden" if status == 403 else "rate_limited"), "duration": rnd.randint(2, 60) * 1_000_000},
        "user": {"id": user.id, "roles": [user.role]},
        "source": {"ip": rnd.choice(user.ips), "port": rnd.randint(20000, 65000)},
        "url": {"path": path, "original": path, "query": "size=10" if action == "list" else None},
        "http": {"request": {"id": ident, "method": method, "bytes": 300 if method != "GET" else 0},
                 "response": {"status_code": status, "bytes": 400 * max(1, len(tokens)) if allowed else 0}},
        "minguard": {
            "instance": f"mg-gw-0{1 if ident[0] in '01234567' else 2}", "purpose": purpose, "route": route,
            "resource": resource, "action": action, "target_region": region,
            "principal": {"kind": user.kind, "region": user.region, "organisation": ORG, "credential": "api_key", "credential_id": user.id},
            "decision": {"allowed": status != 403, "rule": "" if status == 403 else f"{user.role}, own, {resource}, allow",
                         "policy_version": "d3b87edea1e3", "reason": "no_matching_rule" if status == 403 else "allow"},
            "conditions": {"checked": ["max_level", "purpose"], "failed": None},
            "data": {"level": level, "level_zh": {"general": "一般数据", "important": "重要数据", "core": "核心数据"}[level],
                     "inspected": True, "entities": {"RESIDENT_ID": len(tokens), "PERSON_NAME": len(tokens)} if tokens else {},
                     "records": len(tokens), "persons": len(tokens), "person_tokens": tokens},
            "masking": {"profile": user.role, "masked": 2 * len(tokens), "clear": clear},
            "summary_zh": f"{user.id}({user.role},辖区{user.region}) {route}(区划 {region}):{'允许' if allowed else '拒绝'}(HTTP {status})",
            "chain": {"alg": "sha256", "instance": "mg-gw-01", "seq": rnd.getrandbits(32), "prev": _hexid(rnd) * 2, "hash": _hexid(rnd) * 2},
        },
    }  # fmt: skip
    if allowed:
        doc["minguard"]["upstream"] = {"status_code": status, "duration_ms": round(rnd.uniform(2, 40), 3)}
    if business is not None:
        doc["minguard"]["business"] = business
    return doc


def minute_weights(day: datetime, users: list[User]) -> list[tuple[float, float]]:
    """(service weight, official weight) per minute of the local day: services run round the
    clock; officials work 08:30–17:30 with a lunch dip, a trickle before and after."""
    out = []
    for m in range(1440):
        hour = m / 60
        office = 1.0 if 8.5 <= hour < 12 or 13.5 <= hour < 17.5 else 0.3 if 12 <= hour < 13.5 else 0.0
        out.append((0.25, office * 2.2 + 0.002))
    return out


def batches(day: datetime, total: int, worker: int, workers: int, seed: int, size: int = 5000) -> Any:
    """NDJSON bulk bodies for this worker's minutes of the day (minutes w, w+workers, …),
    each minute's events in time order, so the index fills roughly in time order as in
    production."""
    users = population()
    officials = [u for u in users if u.kind == "person"]
    night = [u for u in officials if u.trait == "night"]
    services = [u for u in users if u.kind == "service"]
    weights = minute_weights(day, users)
    cumulative = [0.0]
    for s, o in weights:
        cumulative.append(cumulative[-1] + s + o)
    scale = total / cumulative[-1]
    rnd = random.Random(seed * 1000 + worker)
    lines: list[bytes] = []
    header = b'{"create":{"_id":"%s"}}'
    for minute in range(worker, 1440, workers):
        service_w, office_w = weights[minute]
        start = day + timedelta(minutes=minute)
        # Rounded on the running sum, so the day holds exactly `total` events.
        count = round(cumulative[minute + 1] * scale) - round(cumulative[minute] * scale)
        for _ in range(count):
            at = start + timedelta(microseconds=rnd.randrange(60_000_000))
            if rnd.random() < service_w / (service_w + office_w):
                user = rnd.choice(services)
            elif office_w < 0.01 and night and rnd.random() < 0.5:
                user = rnd.choice(night)
            else:
                user = rnd.choice(officials)
            doc = event(rnd, user, at)
            lines.append(header % doc["event"]["id"].encode())
            lines.append(orjson.dumps(doc))
            if len(lines) >= 2 * size:
                yield b"\n".join(lines) + b"\n"
                lines = []
    if lines:
        yield b"\n".join(lines) + b"\n"


def worker_main(url: str, index: str, day_iso: str, total: int, worker: int, workers: int, seed: int) -> int:
    """Generate and send this worker's share; returns the number of events the node accepted."""
    import urllib3

    pool = urllib3.PoolManager(maxsize=1, timeout=urllib3.Timeout(connect=5, read=300))
    day = datetime.fromisoformat(day_iso)
    sent = 0
    for body in batches(day, total, worker, workers, seed):
        reply = pool.request(
            "POST", f"{url}/{index}/_bulk", body=body, headers={"Content-Type": "application/x-ndjson"}
        )
        answer = orjson.loads(reply.data)
        if reply.status != 200:
            raise RuntimeError(f"bulk refused: {reply.status} {reply.data[:300]!r}")
        bad = [i for i in answer["items"] if i["create"].get("status", 500) >= 300]
        if bad:
            raise RuntimeError(f"{len(bad)} events refused, first: {bad[0]}")
        sent += len(answer["items"])
    return sent


if __name__ == "__main__":  # a quick look at one event
    print(orjson.dumps(event(random.Random(1), population()[5], datetime.now(TZ)), option=orjson.OPT_INDENT_2).decode())
    print(os.getloadavg())


def reference_documents() -> dict[str, dict[str, dict[str, Any]]]:
    """The staff register and death records a deployment would load (audit/detection/reference.py),
    already as tokens, made the way `event` makes the business fields' tokens."""
    staff: dict[str, dict[str, Any]] = {}
    for n, user in enumerate(population()):
        if user.kind != "person":
            continue
        doc = {
            "staff_id": user.id,
            "region": user.region,
            "household_token": f"p1:staff-household-{n:08d}",
            "address_token": f"p1:staff-address-{n:08d}",
            "account_token": f"a1:{n:024x}",  # what a "fraud" official redirects payments to
        }
        if user.trait == "fraud" and user.caseload:  # related to a beneficiary in their caseload
            doc["household_token"] = f"p1:{(user.caseload[0] // 3 * 2246822519 + 1) % (1 << 128):032x}"
        staff[user.id] = doc
    # About 1 % of persons died on 2026-10-15: payments to them after that day are findings.
    deaths = {_token(p): {"person_token": _token(p), "date_of_death": "2026-10-15"} for p in range(0, PERSONS, 97)}
    return {"staff": staff, "deaths": deaths}

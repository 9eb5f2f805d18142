"""Ordinary traffic and planted cases of every detection rule, sent through a real gateway.

Everything goes through the gateway (and so into the audit trail) except reading the demo's
person list, which is done against the upstream directly to pick people. Events carry the
gateway's real clock, so every case is planted "now": the caller keeps clear of hour
boundaries (`wait_clear_of_hour_boundary`) so a 1-hour window holds a whole case.

`Planted.expected` maps each rule id to the alerts it must raise: the subjects of each alert
and the request ids (= audit event ids) that must be among its evidence.
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from policies.keys import Pseudonymizer
from support.gateways import RunningGateway

PURPOSE = "dibao-review"  # ASCII: http.client sends headers as latin-1
DISTRICT = "610902"
MOVED_TO = "610921"  # 汉阴县: where demo/twins.py registers a 汉滨区 person again


@dataclass
class Expected:
    subjects: dict[str, str]
    request_ids: list[str]


@dataclass
class Planted:
    expected: dict[str, list[Expected]] = field(default_factory=dict)
    ordinary_ids: list[str] = field(default_factory=list)
    all_ids: list[str] = field(default_factory=list)

    def add(self, rule: str, subjects: dict[str, str], ids: list[str]) -> None:
        self.expected.setdefault(rule, []).append(Expected(subjects, ids))


def luhn_card(prefix: str, length: int = 19) -> str:
    body = prefix.ljust(length - 1, "0")
    total = 0
    for i, digit in enumerate(reversed(body)):
        d = int(digit) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def wait_clear_of_hour_boundary(margin: float = 120.0) -> None:
    """Sleep past the next full hour if it is closer than `margin` seconds."""
    now = time.time()
    left = 3600 - now % 3600
    if left < margin:
        time.sleep(left + 1)


class Traffic:
    def __init__(self, gateway: RunningGateway, upstream: str) -> None:
        self.gateway = gateway
        self.upstream = upstream
        self.sent: list[str] = []
        parts = urlsplit(gateway.url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.pseudonymizer = Pseudonymizer.from_dir(gateway.env.directory / "keys", False)

    def call(
        self,
        key_id: str,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        purpose: str | None = PURPOSE,
        source: str = "127.0.0.1",
    ) -> tuple[int, Any, str]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30, source_address=(source, 0))
        headers = {"X-API-Key": self.gateway.env.key(key_id), "Content-Type": "application/json"}
        if purpose:
            headers["X-Purpose-Of-Use"] = purpose
        try:
            conn.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=headers)
            response = conn.getresponse()
            raw = response.read()
            request_id = response.getheader("x-request-id") or ""
        finally:
            conn.close()
        self.sent.append(request_id)
        try:
            data = json.loads(raw)
        except ValueError:
            data = None
        return response.status, data, request_id

    def persons(self, region: str = DISTRICT) -> list[dict[str, Any]]:
        return self._list(region, "persons")

    def cases(self, region: str) -> list[dict[str, Any]]:
        return self._list(region, "cases")

    def unpaid_period(self, region: str, case_id: str) -> str:
        """A month no payment of the case covers yet: a case of the demo data (not one the
        scenario made) is the upstream's, shared by every scenario run against it."""
        paid = {p["period"] for p in self._list(region, "payments", caseId=case_id)}
        return next(
            f"{year}-{month:02d}"
            for year in range(2027, 2100)
            for month in range(1, 13)
            if f"{year}-{month:02d}" not in paid
        )

    def _list(self, region: str, what: str, **params: str) -> list[dict[str, Any]]:
        url = f"{self.upstream}/api/v1/regions/{region}/{what}?{urlencode({**params, 'size': 500})}"
        with urllib.request.urlopen(url, timeout=10) as response:
            items: list[dict[str, Any]] = json.loads(response.read())["items"]
        return items

    def token(self, id_number: str) -> str:
        return self.pseudonymizer.token(id_number)

    def apply(self, person: dict[str, Any], program: str, amount: float) -> tuple[str, str]:
        status, data, rid = self.call(
            "caseworker-hanbin",
            "POST",
            f"/api/v1/regions/{DISTRICT}/cases",
            {"personId": person["personId"], "program": program, "amount": amount, "operator": "zhangwei"},
        )
        if status != 201:
            raise RuntimeError(f"apply failed: {status} {data}")
        return str(data["caseId"]), rid

    def approve(self, case_id: str) -> str:
        status, data, rid = self.call(
            "reviewer-hanbin", "POST", f"/api/v1/regions/{DISTRICT}/cases/{case_id}/approve", {"approver": "wangfang"}
        )
        if status != 200:
            raise RuntimeError(f"approve failed: {status} {data}")
        return rid

    def pay(self, case_id: str, operator: str, period: str = "2026-01", region: str = DISTRICT) -> str:
        body = {"period": period, "amount": 500, "operator": operator}
        status, data, rid = self.call(
            "payment-service", "POST", f"/api/v1/regions/{region}/cases/{case_id}/payments", body
        )
        if status != 201:
            raise RuntimeError(f"pay failed: {status} {data}")
        return rid

    def change_account(self, person: dict[str, Any], card: str, operator: str) -> str:
        path = f"/api/v1/regions/{DISTRICT}/persons/{person['personId']}/bank-account"
        status, data, rid = self.call("payment-service", "PUT", path, {"bankCard": card, "operator": operator})
        if status != 200:
            raise RuntimeError(f"bank account change failed: {status} {data}")
        return rid


def ordinary(t: Traffic, people: list[dict[str, Any]]) -> list[str]:
    """A little everyday work by every demo role; no rule may fire on it (docs/detection.md)."""
    start = len(t.sent)
    a = people[40:48]
    t.call("caseworker-hanbin", "GET", f"/api/v1/regions/{DISTRICT}/persons?size=10")
    for p in a[0:2]:
        t.call("caseworker-hanbin", "GET", f"/api/v1/regions/{DISTRICT}/persons/{p['personId']}")
    t.call("caseworker-hanbin", "GET", "/api/v1/regions/610921/persons?size=5")  # one denial: a slip
    t.call("reviewer-hanbin", "GET", f"/api/v1/regions/{DISTRICT}/cases?size=10")
    t.call("reviewer-hanbin", "GET", f"/api/v1/regions/{DISTRICT}/persons/{a[2]['personId']}")
    t.call("district-head-hanbin", "GET", f"/api/v1/regions/{DISTRICT}/persons/{a[3]['personId']}")
    t.call("district-head-hanbin", "GET", f"/api/v1/regions/{DISTRICT}/export/persons.json")
    t.call("outsourced-hanbin", "GET", f"/api/v1/regions/{DISTRICT}/cases?size=5")
    t.call("statistician-city", "GET", "/api/v1/regions/610900/cases?size=20")
    case1, _ = t.apply(a[4], "dibao", 600)
    t.approve(case1)
    t.pay(case1, "svc-payment")
    case2, _ = t.apply(a[5], "tekun", 1000)
    t.approve(case2)
    t.change_account(a[6], luhn_card("6217000000000001"), "svc-payment")
    return t.sent[start:]


def plant(t: Traffic, people: list[dict[str, Any]], result: Planted) -> None:
    """One case per rule, on people and accounts the ordinary traffic does not touch."""
    mark = len(t.sent)

    def since() -> list[str]:
        nonlocal mark
        ids, mark = t.sent[mark:], len(t.sent)
        return ids

    # misuse.bulk_access: the city statistician pulls 300 people in one go.
    t.call("statistician-city", "GET", "/api/v1/regions/610900/persons?size=300")
    result.add("misuse.bulk_access", {"user.id": "chenjing"}, since())
    # misuse.export_volume: nine exports of the district's persons in a day.
    for _ in range(9):
        t.call("district-head-hanbin", "GET", f"/api/v1/regions/{DISTRICT}/export/persons.json")
    result.add("misuse.export_volume", {"user.id": "zhaomin"}, since())
    # misuse.off_hours_sensitive (hours made "now" by the test's copy of the rule).
    for _ in range(15):
        t.call("caseworker-hanbin", "GET", f"/api/v1/regions/{DISTRICT}/persons?size=1")
    result.add("misuse.off_hours_sensitive", {"user.id": "zhangwei"}, since())
    # misuse.repeated_denials and misuse.out_of_region: 汉阴 caseworker probing 汉滨.
    for _ in range(10):
        t.call("caseworker-hanyin", "GET", f"/api/v1/regions/{DISTRICT}/persons?size=5")
    ids = since()
    result.add("misuse.repeated_denials", {"user.id": "liqiang"}, ids)
    regions = {"minguard.principal.region": "610921", "minguard.target_region": DISTRICT}
    result.add("misuse.out_of_region", {"user.id": "liqiang", **regions}, ids)
    # misuse.person_many_users: three officials look up the same neighbour.
    target = people[0]
    for key in ("caseworker-hanbin", "reviewer-hanbin", "district-head-hanbin"):
        t.call(key, "GET", f"/api/v1/regions/{DISTRICT}/persons/{target['personId']}")
    result.add("misuse.person_many_users", {"minguard.data.person_tokens": t.token(target["idNumber"])}, since())
    # misuse.shared_credential: one account from three more addresses.
    for source in ("127.0.0.2", "127.0.0.3", "127.0.0.4"):
        t.call("statistician-city", "GET", "/api/v1/regions/610900/cases?size=1", source=source)
    result.add("misuse.shared_credential", {"user.id": "chenjing"}, since())
    # misuse.outsourced_important: ten case lists (applicants' ID numbers: important data).
    for i in range(10):
        t.call("outsourced-hanbin", "GET", f"/api/v1/regions/{DISTRICT}/cases?size=2&page={1 + i % 4}")
    result.add("misuse.outsourced_important", {"user.id": "liuyang"}, since())
    # misuse.clear_without_purpose: three re-identification attempts without a purpose.
    for _ in range(3):
        t.call(
            "reviewer-hanbin",
            "POST",
            "/_minguard/reidentify",
            {"value": "enc:k1:AAAA", "region": DISTRICT},
            purpose=None,
        )
    result.add("misuse.clear_without_purpose", {"user.id": "wangfang"}, since())
    # fund.same_actor_multiple_steps: the caseworker applies and then appears as the payer.
    case, applied = t.apply(people[1], "linshi", 2000)
    t.approve(case)  # by the reviewer: not part of the evidence against zhangwei
    paid = t.pay(case, "zhangwei")
    since()
    subjects = {"minguard.business.case_id": case, "minguard.business.operator": "zhangwei"}
    result.add("fund.same_actor_multiple_steps", subjects, [applied, paid])
    # fund.shared_payee_account: two beneficiaries given one card.
    card = luhn_card("6228480000000077")
    t.change_account(people[2], card, "svc-payment")
    t.change_account(people[3], card, "svc-payment")
    account = t.pseudonymizer.token("bank_card:" + card)
    result.add("fund.shared_payee_account", {"minguard.business.account_token": account}, since())
    # fund.bank_change_then_approve: the reviewer has the card changed, then approves.
    person = people[4]
    case, _ = t.apply(person, "dibao", 500)
    since()
    t.change_account(person, luhn_card("6222020000000099"), "wangfang")
    t.approve(case)
    subjects = {"minguard.business.person_token": t.token(person["idNumber"]), "minguard.business.operator": "wangfang"}
    result.add("fund.bank_change_then_approve", subjects, since())
    # fund.amount_above_standard: a 临时救助 of 20 000 yuan (standard: 5 000).
    case, rid = t.apply(people[5], "linshi", 20000)
    since()
    result.add("fund.amount_above_standard", {"minguard.business.case_id": case}, [rid])
    # fund.approval_growth: ten approvals in one village in a day, none in the week before.
    village = people[6]["regionCode"]
    villagers = [p for p in people[6:40] if p["regionCode"] == village]
    approvals = []
    for i in range(10):
        case, _ = t.apply(villagers[i % len(villagers)], "dibao", 400)
        approvals.append(t.approve(case))
    since()
    result.add("fund.approval_growth", {"minguard.business.region": village}, approvals)
    plant_reference_cases(t, people, result)


def fetch_feed(upstream: str, name: str) -> list[dict[str, str]]:
    with urllib.request.urlopen(f"{upstream}/api/v1/reference/{name}.csv", timeout=10) as response:
        return list(csv.DictReader(io.StringIO(response.read().decode("utf-8"))))


def load_reference(gateway: RunningGateway, upstream: str, directory: Path) -> None:
    """The demo's feeds, loaded with the command a deployment uses: through the gateway, by its
    security administrator (tokenised and signed there, and audited)."""
    for name in ("staff", "deaths"):
        with urllib.request.urlopen(f"{upstream}/api/v1/reference/{name}.csv", timeout=10) as response:
            (directory / f"{name}.csv").write_bytes(response.read())
    credential = directory / "security-admin.key"
    credential.write_text(gateway.env.key("security-admin"), encoding="utf-8")
    command = [sys.executable, "-m", "gateway", "detect", "reference", "load", "--config", str(gateway.env.config)]
    command += ["--credential-file", str(credential), "--gateway", gateway.url]
    files = ["--staff", str(directory / "staff.csv"), "--deaths", str(directory / "deaths.csv")]
    done = subprocess.run([*command, *files], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"reference load failed: {done.stderr}")


def plant_reference_cases(t: Traffic, people: list[dict[str, Any]], result: Planted) -> None:
    """Cases of the rules joined with the staff register and death records (demo/reference.py
    picks the last households of the district; the traffic above uses the first 48 persons)."""
    staff = {row["staff_id"]: row for row in fetch_feed(t.upstream, "staff")}
    dead = {row["id_number"] for row in fetch_feed(t.upstream, "deaths")}
    related = next(p for p in people if p["householdId"] == staff["wangfang"]["household_id"])
    deceased = next(p for p in people if p["idNumber"] in dead)
    moved = {p["idNumber"]: p for p in t.persons(MOVED_TO)}  # 汉阴县's register
    spare = [
        p
        for p in people[48:]
        if p["householdId"] != related["householdId"] and p["idNumber"] not in dead and p["idNumber"] not in moved
    ]
    # fund.approver_related: the reviewer approves a relative's 低保 (same household).
    case, _ = t.apply(related, "dibao", 500)
    approved = t.approve(case)
    subjects = {
        "minguard.business.operator": "wangfang",
        "minguard.business.person_token": t.token(related["idNumber"]),
    }
    result.add("fund.approver_related", subjects, [approved])
    # fund.payee_staff_account: a beneficiary's card replaced by the caseworker's own.
    card = staff["zhangwei"]["bank_card"]
    changed = t.change_account(spare[0], card, "svc-payment")
    result.add("fund.payee_staff_account", {"minguard.business.account_token": t.token("bank_card:" + card)}, [changed])
    # fund.paid_after_death: 特困 paid to a person the death records list 20+ days ago.
    case, _ = t.apply(deceased, "tekun", 900)
    t.approve(case)
    paid = t.pay(case, "svc-payment")
    result.add("fund.paid_after_death", {"minguard.business.person_token": t.token(deceased["idNumber"])}, [paid])
    # fund.duplicate_benefits: one person approved for 低保 and for 特困.
    both = []
    for program, amount in (("dibao", 500), ("tekun", 900)):
        case, _ = t.apply(spare[1], program, amount)
        both.append(t.approve(case))
    result.add("fund.duplicate_benefits", {"minguard.business.person_token": t.token(spare[1]["idNumber"])}, both)
    # fund.cross_region_duplicate: the person on both 汉滨区's and 汉阴县's registers
    # (demo/twins.py) is granted 低保 in 汉滨区 while 汉阴县's own 低保 case is paid.
    home = next(p for p in people if p["idNumber"] in moved)
    twin = moved[home["idNumber"]]
    case, _ = t.apply(home, "dibao", 500)
    granted = t.approve(case)
    [twin_case] = [c for c in t.cases(MOVED_TO) if c["applicantPersonId"] == twin["personId"]]
    period = t.unpaid_period(MOVED_TO, twin_case["caseId"])
    paid = t.pay(twin_case["caseId"], "svc-payment", period=period, region=MOVED_TO)
    result.add(
        "fund.cross_region_duplicate", {"minguard.business.person_token": t.token(home["idNumber"])}, [granted, paid]
    )
    # misuse.bulk_above_baseline: the caseworker lists 70 persons in a day (no history, no
    # active peer: the threshold decides). The statistician's bulk case above is one too.
    start = len(t.sent)
    t.call("caseworker-hanbin", "GET", f"/api/v1/regions/{DISTRICT}/persons?size=70")
    result.add("misuse.bulk_above_baseline", {"user.id": "zhangwei"}, t.sent[start:])
    bulk = result.expected["misuse.bulk_access"][0]
    result.add("misuse.bulk_above_baseline", bulk.subjects, bulk.request_ids)


def run_scenario(
    gateway: RunningGateway, upstream: str, with_planted: bool = True
) -> tuple[Planted, datetime, datetime]:
    """Send the traffic; returns what must be found and the time span it was sent in."""
    wait_clear_of_hour_boundary()
    traffic = Traffic(gateway, upstream)
    people = traffic.persons()
    result = Planted()
    began = datetime.now(UTC)
    result.ordinary_ids = ordinary(traffic, people)
    if with_planted:
        plant(traffic, people, result)
    result.all_ids = list(traffic.sent)
    return result, began, datetime.now(UTC)

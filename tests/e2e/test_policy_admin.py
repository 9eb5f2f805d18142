"""Admin side of the policy against real gateways: re-identification, reload, 三员分立 at
runtime, self-approval, and the daily quota shared by two gateway processes."""

from __future__ import annotations

import json
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from opensearchpy import OpenSearch

from gateway.devsetup import dev_token
from gateway.settings import load_settings
from gateway.stages.business import Business
from policies.keys import Pseudonymizer
from support.gateways import RunningGateway, audit_events, start_gateway, stop_gateway, wait_for_events

pytestmark = pytest.mark.opensearch

POLICIES = Path(__file__).resolve().parents[2] / "policies"
PURPOSE = {"X-Purpose-Of-Use": "e2e"}


def upstream_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def copy_policies(directory: Path) -> dict[str, str]:
    directory.mkdir(parents=True, exist_ok=True)
    names = {"model": "model.conf", "policy": "policy.csv", "routes": "routes.yaml"}
    names |= {"masking": "masking.yaml", "conditions": "conditions.yaml"}
    for name in names.values():
        shutil.copy(POLICIES / name, directory / name)
    return {key: str(directory / name) for key, name in names.items()}


def event_of(opensearch: OpenSearch, prefix: str, response: httpx.Response) -> dict[str, Any]:
    request_id = response.headers["x-request-id"]
    assert wait_for_events(opensearch, prefix, [request_id]) == {request_id: 1}
    (event,) = audit_events(opensearch, prefix, request_id)
    return event


@pytest.fixture(scope="module")
def own_gateway(
    tmp_path_factory: pytest.TempPathFactory, upstream_url: str, index_prefix: str
) -> Iterator[RunningGateway]:
    base = tmp_path_factory.mktemp("policy-admin")
    files = copy_policies(base / "policies")
    running = start_gateway(base / "gw", upstream_url, index_prefix, overrides={"policy": files})
    yield running
    stop_gateway(running)


def test_reidentify_for_the_authorised_role_only(
    gateway: RunningGateway, upstream_url: str, opensearch: OpenSearch, index_prefix: str
) -> None:
    raw = upstream_json(upstream_url + "/api/v1/regions/610902/payments?size=2")["items"]
    listed = httpx.get(
        gateway.url + "/api/v1/regions/610902/payments?size=2", headers=gateway.headers("reviewer-hanbin", **PURPOSE)
    )
    assert listed.status_code == 200
    card = listed.json()["items"][0]["payeeBankCard"]
    assert card.startswith("enc:k1:") and raw[0]["payeeBankCard"] not in listed.text
    url = gateway.url + "/_minguard/reidentify"
    body = {"value": card, "region": "610902"}

    allowed = httpx.post(url, json=body, headers=gateway.headers("reviewer-hanbin", **PURPOSE))
    assert allowed.status_code == 200
    assert allowed.json()["value"] == raw[0]["payeeBankCard"]
    refused = httpx.post(url, json=body, headers=gateway.headers("caseworker-hanbin", **PURPOSE))
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    no_purpose = httpx.post(url, json=body, headers=gateway.headers("reviewer-hanbin"))
    assert no_purpose.json()["error"]["code"] == "purpose_required"
    other_region = httpx.post(
        url, json={**body, "region": "610921"}, headers=gateway.headers("district-head-hanbin", **PURPOSE)
    )
    assert other_region.status_code == 403
    admin = httpx.post(url, json=body, headers=gateway.headers("audit-admin", **PURPOSE))
    assert admin.status_code == 403
    token = httpx.post(
        url,
        json={"value": "tok:p1:0123456789abcdef0123456789abcdef"},
        headers=gateway.headers("reviewer-hanbin", **PURPOSE),
    )
    assert token.status_code == 400 and "one-way" in token.json()["error"]["message"]

    ok_event = event_of(opensearch, index_prefix, allowed)
    assert ok_event["event"]["action"] == "personal_data.reidentify"
    assert ok_event["minguard"]["action"] == "reidentify"
    assert ok_event["event"]["outcome"] == "success" and ok_event["minguard"]["decision"]["allowed"] is True
    assert raw[0]["payeeBankCard"] not in json.dumps(ok_event)
    # Whose card it was, as the token a payment to it carries: the trail answers whose value was revealed.
    keys = load_settings(gateway.env.config).keys.dir
    account = Business(Pseudonymizer.from_dir(keys, False)).account_token(raw[0]["payeeBankCard"])
    assert ok_event["minguard"]["business"] == {"step": "reidentify", "account_token": account}
    for response in (refused, no_purpose, other_region, admin):
        event = event_of(opensearch, index_prefix, response)
        assert event["minguard"]["action"] == "reidentify"
        assert event["event"]["outcome"] == "failure"
    assert event_of(opensearch, index_prefix, no_purpose)["minguard"]["conditions"]["failed"] == "purpose"


def test_reidentify_has_a_daily_limit_per_caller(
    tmp_path: Path, upstream_url: str, opensearch: OpenSearch, index_prefix: str
) -> None:
    """Each call reveals one clear value: without a bound a reviewer could decrypt every card
    of a district one call at a time."""
    files = copy_policies(tmp_path / "policies")
    conditions = Path(files["conditions"])
    text = conditions.read_text(encoding="utf-8")
    assert "max_reidentify_per_day: 20" in text
    conditions.write_text(text.replace("max_reidentify_per_day: 20", "max_reidentify_per_day: 2"), encoding="utf-8")
    # A count of its own: the other tests' re-identifications today share the prefix's counter.
    policy = {**files, "quota_index": f"{index_prefix}.quota-reidentify"}
    running = start_gateway(tmp_path / "gw", upstream_url, index_prefix, overrides={"policy": policy})
    try:
        headers = running.headers("reviewer-hanbin", **PURPOSE)
        listed = httpx.get(running.url + "/api/v1/regions/610902/payments?size=1", headers=headers)
        body = {"value": listed.json()["items"][0]["payeeBankCard"], "region": "610902"}
        answers = [httpx.post(running.url + "/_minguard/reidentify", json=body, headers=headers) for _ in range(3)]
        assert [a.status_code for a in answers] == [200, 200, 429]
        assert answers[2].json()["error"]["code"] == "reidentify_quota_exceeded" and "value" not in answers[2].json()
        other = httpx.post(
            running.url + "/_minguard/reidentify", json=body, headers=running.headers("district-head-hanbin", **PURPOSE)
        )
        assert other.status_code == 200  # counted per caller
        last = event_of(opensearch, index_prefix, answers[2])
        assert last["minguard"]["conditions"]["failed"] == "max_reidentify_per_day:reviewer"
        assert last["minguard"]["conditions"]["checked"][-1].startswith("max_reidentify_per_day:reviewer 2/2")
        assert "business" not in last["minguard"]  # nothing was revealed
    finally:
        stop_gateway(running)


def test_three_administrators_are_separated_at_runtime(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    token = dev_token(gateway.env.directory, "mallory", ["system_admin", "audit_admin"], "610900")
    bearer = {"Authorization": f"Bearer {token}", **PURPOSE}
    proxied = httpx.get(gateway.url + "/api/v1/health", headers=bearer)
    assert proxied.status_code == 403 and proxied.json()["error"]["code"] == "separation_of_duties"
    events = httpx.get(gateway.url + "/_minguard/audit/events?request_id=abc", headers=bearer)
    assert events.status_code == 403 and events.json()["error"]["code"] == "separation_of_duties"
    assert event_of(opensearch, index_prefix, proxied)["minguard"]["conditions"]["failed"] == "separation_of_duties"

    probe = httpx.get(gateway.url + "/api/v1/health", headers=gateway.headers("caseworker-hanbin"))
    assert wait_for_events(opensearch, index_prefix, [probe.headers["x-request-id"]])
    query = f"/_minguard/audit/events?request_id={probe.headers['x-request-id']}"
    # The system administrator cannot read the audit trail; the audit administrator can.
    system = httpx.get(gateway.url + query, headers=gateway.headers("system-admin"))
    assert system.status_code == 403
    auditor = httpx.get(gateway.url + query, headers=gateway.headers("audit-admin"))
    assert auditor.status_code == 200 and len(auditor.json()["events"]) == 1
    # The audit administrator cannot change policy; the security administrator can.
    reload_url = gateway.url + "/_minguard/policy/reload"
    assert httpx.post(reload_url, headers=gateway.headers("audit-admin")).status_code == 403
    assert httpx.post(reload_url, headers=gateway.headers("system-admin")).status_code == 403
    # ... and no administrator reads business data.
    for admin in ("system-admin", "security-admin", "audit-admin"):
        response = httpx.get(gateway.url + "/api/v1/regions/610902/persons", headers=gateway.headers(admin, **PURPOSE))
        assert response.status_code == 403


def test_policy_reload_keeps_the_old_policy_when_a_file_is_bad(
    own_gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    gw = own_gateway
    url = gw.url + "/_minguard/policy/reload"
    policy_dir = gw.env.directory.parent / "policies"
    masking = policy_dir / "masking.yaml"
    good = masking.read_text(encoding="utf-8")
    before = httpx.get(gw.url + "/api/v1/health", headers=gw.headers("caseworker-hanbin"))
    version = event_of(opensearch, index_prefix, before)["minguard"]["decision"]["policy_version"]

    masking.write_text(good.replace("{op: redact}", "{op: shred}", 1), encoding="utf-8")
    bad = httpx.post(url, headers=gw.headers("security-admin"))
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "policy_invalid"
    still = httpx.get(
        gw.url + "/api/v1/regions/610902/persons?size=1", headers=gw.headers("caseworker-hanbin", **PURPOSE)
    )
    assert still.status_code == 200
    assert event_of(opensearch, index_prefix, still)["minguard"]["decision"]["policy_version"] == version

    masking.write_text(good, encoding="utf-8")
    policy = policy_dir / "policy.csv"
    policy.write_text(policy.read_text(encoding="utf-8") + "p, caseworker, own, export, ^export$, allow\n")
    done = httpx.post(url, headers=gw.headers("security-admin"))
    assert done.status_code == 200 and done.json()["previous"] == version
    new_version = done.json()["version"]
    assert new_version != version
    export = httpx.get(
        gw.url + "/api/v1/regions/610902/export/persons.json", headers=gw.headers("caseworker-hanbin", **PURPOSE)
    )
    assert export.status_code == 200  # the new rule is in force without a restart
    reloaded = event_of(opensearch, index_prefix, done)["minguard"]
    assert reloaded["action"] == "reload"
    # The version that allowed the reload, and the one it put in force.
    assert reloaded["decision"]["policy_version"] == version and reloaded["decision"]["policy_loaded"] == new_version
    assert event_of(opensearch, index_prefix, export)["minguard"]["decision"]["policy_version"] == new_version


SYSTEM_ADMIN_DENY = "p, system_admin, *, *, ^(read|list|search|export|create|update|approve|pay|reidentify)$, deny"


@pytest.mark.parametrize(
    "broken",
    [
        SYSTEM_ADMIN_DENY.replace(", deny", ", Deny"),  # casbin ignored it: the deny stopped denying
        SYSTEM_ADMIN_DENY.replace(", deny", ""),  # casbin failed every decision: everyone denied
        SYSTEM_ADMIN_DENY.replace("reidentify)$", "reidentify$"),  # the open bracket swallows the effect
        SYSTEM_ADMIN_DENY.replace("p,", "P,", 1),  # casbin dropped the line unread
    ],
)
def test_policy_reload_refuses_a_rule_casbin_would_misread(own_gateway: RunningGateway, broken: str) -> None:
    gw = own_gateway
    policy = gw.env.directory.parent / "policies" / "policy.csv"
    good = policy.read_text(encoding="utf-8")
    assert SYSTEM_ADMIN_DENY in good
    token = dev_token(gw.env.directory, "mallory", ["district_head", "system_admin"], "610902")
    persons = gw.url + "/api/v1/regions/610902/persons?size=1"
    try:
        policy.write_text(good.replace(SYSTEM_ADMIN_DENY, broken), encoding="utf-8")
        reload = httpx.post(gw.url + "/_minguard/policy/reload", headers=gw.headers("security-admin"))
        assert reload.status_code == 422 and reload.json()["error"]["code"] == "policy_invalid"
        # The running policy stays: the system administrator still reads nothing, others still work.
        admin = httpx.get(persons, headers={"Authorization": f"Bearer {token}", **PURPOSE})
        assert admin.status_code == 403
        assert httpx.get(persons, headers=gw.headers("caseworker-hanbin", **PURPOSE)).status_code == 200
    finally:
        policy.write_text(good, encoding="utf-8")
        httpx.post(gw.url + "/_minguard/policy/reload", headers=gw.headers("security-admin"))


@pytest.mark.parametrize(
    ("good", "broken"),
    [
        ("required_from: important", "required_form: important"),  # no purpose asked for, ever
        ("  routes: [case.approve]", "  route: [case.approve]"),  # self-approval never checked
        ("  routes: [case.approve]", "  routes: [case.aprove]"),  # the same, by a route name
        ("    case.apply: operator", "    case.aply: operator"),  # anyone's name on an application
        ("{region}/cases/{caseId}", "{region}/cases/{case}"),  # every approval fails with 500
    ],
)
def test_policy_reload_refuses_conditions_that_switch_a_check_off(
    own_gateway: RunningGateway, good: str, broken: str
) -> None:
    gw = own_gateway
    conditions = gw.env.directory.parent / "policies" / "conditions.yaml"
    text = conditions.read_text(encoding="utf-8")
    assert good in text
    try:
        conditions.write_text(text.replace(good, broken, 1), encoding="utf-8")
        reload = httpx.post(gw.url + "/_minguard/policy/reload", headers=gw.headers("security-admin"))
        assert reload.status_code == 422 and reload.json()["error"]["code"] == "policy_invalid"
        # The running conditions stay: important data still needs a declared purpose.
        persons = httpx.get(gw.url + "/api/v1/regions/610902/persons?size=1", headers=gw.headers("caseworker-hanbin"))
        assert persons.status_code == 403 and persons.json()["error"]["code"] == "purpose_required"
    finally:
        conditions.write_text(text, encoding="utf-8")
        httpx.post(gw.url + "/_minguard/policy/reload", headers=gw.headers("security-admin"))


def test_a_reload_is_in_force_on_every_worker(tmp_path: Path, upstream_url: str, index_prefix: str) -> None:
    """The reload reaches one worker of `--workers 2`; the other must not keep the old policy:
    here a caseworker's right to list persons is revoked, and no worker may still grant it."""
    files = copy_policies(tmp_path / "policies")
    gw = start_gateway(tmp_path / "gw", upstream_url, index_prefix, overrides={"policy": files}, workers=2)
    persons = gw.url + "/api/v1/regions/610902/persons?size=1"
    caseworker = gw.headers("caseworker-hanbin", **PURPOSE, Connection="close")  # each call may reach either worker
    try:
        assert {httpx.get(persons, headers=caseworker).status_code for _ in range(10)} == {200}
        policy = Path(files["policy"])
        rule = "p, caseworker, own, person, ^(read|list|search)$, allow"
        policy.write_text(policy.read_text(encoding="utf-8").replace(rule, rule.replace("list|", "")), encoding="utf-8")
        reload = httpx.post(gw.url + "/_minguard/policy/reload", headers=gw.headers("security-admin"))
        assert reload.status_code == 200
        assert {httpx.get(persons, headers=caseworker).status_code for _ in range(30)} == {403}
    finally:
        stop_gateway(gw)


def test_nobody_approves_their_own_application(gateway: RunningGateway, upstream_url: str) -> None:
    person = upstream_json(upstream_url + "/api/v1/regions/610902/persons?size=1")["items"][0]["personId"]
    token = dev_token(gateway.env.directory, "zhangwei", ["caseworker", "reviewer"], "610902")
    both = {"Authorization": f"Bearer {token}", **PURPOSE}
    cases = gateway.url + "/api/v1/regions/610902/cases"
    application = {"personId": person, "program": "linshi", "amount": 300, "operator": "zhangwei"}
    spoofed = httpx.post(cases, json={**application, "operator": "wangfang"}, headers=both)
    assert spoofed.status_code == 403 and spoofed.json()["error"]["code"] == "actor_mismatch"
    # The operator sent twice: an upstream reading the first files the case under wangfang's name.
    twice = json.dumps({**application, "operator": "wangfang"})[:-1] + ', "operator": "zhangwei"}'
    doubled = httpx.post(cases, content=twice, headers={**both, "Content-Type": "application/json"})
    assert doubled.status_code == 403 and doubled.json()["error"]["code"] == "actor_mismatch"
    created = httpx.post(cases, json=application, headers=both)
    assert created.status_code == 201, created.text
    case_id = created.json()["caseId"]
    approve = f"{cases}/{case_id}/approve"
    own = httpx.post(approve, json={"approver": "zhangwei"}, headers=both)
    assert own.status_code == 403 and own.json()["error"]["code"] == "self_approval"
    reviewer = gateway.headers("reviewer-hanbin", **PURPOSE)
    assert httpx.post(approve, json={"approver": "zhangwei"}, headers=reviewer).status_code == 403
    approved = httpx.post(approve, json={"approver": "wangfang"}, headers=reviewer)
    assert approved.status_code == 200 and approved.json()["approvedBy"] == "wangfang"


def test_a_login_spelt_another_way_is_the_same_approver(gateway: RunningGateway, upstream_url: str) -> None:
    """zhangwei files with his key, then approves with a token whose subject his identity
    provider spells "ZhangWei": the same account to any directory, so his own application."""
    person = upstream_json(upstream_url + "/api/v1/regions/610902/persons?size=1")["items"][0]["personId"]
    cases = gateway.url + "/api/v1/regions/610902/cases"
    application = {"personId": person, "program": "linshi", "amount": 300, "operator": "zhangwei"}
    created = httpx.post(cases, json=application, headers=gateway.headers("caseworker-hanbin", **PURPOSE))
    assert created.status_code == 201, created.text
    token = dev_token(gateway.env.directory, "ZhangWei", ["reviewer"], "610902")
    approve = f"{cases}/{created.json()['caseId']}/approve"
    own = httpx.post(approve, json={"approver": "ZhangWei"}, headers={"Authorization": f"Bearer {token}", **PURPOSE})
    assert own.status_code == 403 and own.json()["error"]["code"] == "self_approval"


def test_daily_quota_is_shared_by_two_gateway_processes(
    tmp_path: Path, upstream_url: str, opensearch: OpenSearch, index_prefix: str
) -> None:
    files = copy_policies(tmp_path / "policies")
    conditions = Path(files["conditions"])
    text = conditions.read_text(encoding="utf-8")
    conditions.write_text(
        text.replace("  caseworker:\n", "  caseworker:\n    max_records_per_day: 12\n"), encoding="utf-8"
    )
    quota_index = f"{index_prefix}.quota-shared"
    overrides: dict[str, dict[str, Any]] = {"policy": {**files, "quota_index": quota_index}}
    first = start_gateway(tmp_path / "a", upstream_url, index_prefix, overrides=overrides)
    second = start_gateway(tmp_path / "b", upstream_url, index_prefix, overrides=overrides)
    try:
        statuses = []
        for i in range(4):
            gw = (first, second)[i % 2]
            response = httpx.get(
                gw.url + "/api/v1/regions/610902/persons?size=5", headers=gw.headers("caseworker-hanbin", **PURPOSE)
            )
            statuses.append(response.status_code)
        assert statuses == [200, 200, 429, 429]
        refused = event_of(opensearch, index_prefix, response)
        assert refused["minguard"]["conditions"]["failed"] == "max_records_per_day:caseworker"
        assert refused["minguard"]["error"]["code"] == "daily_quota_exceeded"
    finally:
        stop_gateway(first)
        stop_gateway(second)
        opensearch.indices.delete(index=quota_index, ignore_unavailable=True)

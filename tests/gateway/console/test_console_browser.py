"""The console in headless Chromium (Debian's /usr/bin/chromium driven by playwright): an
auditor logs in, finds the planted bulk-access case, closes its alert with a comment, and the
close is in the hash-chained audit trail; a caseworker is refused.

With MINGUARD_SCREENSHOTS=<dir> the pages are also saved there as PNGs (docs/console.md says
how docs/img is refreshed); otherwise into the test's temporary directory.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from opensearchpy import OpenSearch
from playwright.sync_api import Browser, Page, expect, sync_playwright

from audit.detection.alerts import alerts_index
from support.console_case import Case, console_events

pytestmark = pytest.mark.opensearch

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run `make setup` (deploy/dev/system-packages.sh)")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    directory = Path(os.environ.get("MINGUARD_SCREENSHOTS") or tmp_path)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def log_in(page: Page, case: Case, key_id: str) -> None:
    page.goto(f"{case.console}/login")
    page.fill("#credential", case.gateway.env.key(key_id))
    page.click("button[type=submit]")


def test_auditor_finds_the_case_and_closes_its_alert(
    browser: Browser, case: Case, opensearch: OpenSearch, shots: Path
) -> None:
    page = browser.new_page(viewport={"width": 1360, "height": 900}, locale="zh-CN")
    page.goto(f"{case.console}/login")
    page.screenshot(path=str(shots / "console-login.png"))
    log_in(page, case, "audit-admin")
    expect(page.locator("h1")).to_have_text("审计检索")
    # The planted case by its user: chenjing's 300-person list.
    page.fill("input[name=user]", "chenjing")
    page.click("form.filters button[type=submit]")
    rows = page.locator("table.events tbody tr")
    expect(rows.first).to_contain_text("chenjing")
    expect(page.locator("table.events")).to_contain_text("person.list")
    page.screenshot(path=str(shots / "console-search.png"), full_page=True)
    # The other planted case by the person's ID number: three officials looked them up.
    page.click("nav >> text=人员访问记录")
    page.fill("input[name=id_number]", case.person["idNumber"])
    page.click("form.filters button[type=submit]")
    for official in ("zhangwei", "wangfang", "zhaomin"):
        expect(page.locator("table.events")).to_contain_text(official)
    assert case.person["idNumber"] not in page.url and case.person["idNumber"] not in page.content()
    page.screenshot(path=str(shots / "console-person.png"), full_page=True)
    # The alert queue: close the bulk-access alert with a comment.
    page.click("nav >> text=告警处置")
    alert = case.alerts["misuse.bulk_access"]["id"]
    card = page.locator(f"#alert-{alert}")
    expect(card).to_contain_text("批量查询个人信息")
    page.screenshot(path=str(shots / "console-alerts.png"), full_page=True)
    card.locator("textarea[name=comment]").fill("已核实:统计任务误用全量查询,已约谈并收回权限")
    card.locator("button[value=close]").click()
    expect(page.locator("h1")).to_have_text("告警处置")
    expect(page.locator(f"#alert-{alert}")).to_have_count(0)  # no longer open
    page.goto(f"{case.console}/alerts?state=closed")
    expect(page.locator(f"#alert-{alert}")).to_contain_text("已约谈")
    page.close()

    stored = opensearch.get(index=alerts_index(case.prefix), id=alert)["_source"]["alert"]
    assert stored["state"] == "closed" and stored["history"][-1]["officer"] == "sunli"
    assert stored["history"][-1]["officer_verified"] is True and stored["history"][-1]["via"] == "console"
    (event,) = console_events(opensearch, case.prefix, "console.alert_close")
    assert event["user"]["id"] == "sunli" and event["event"]["outcome"] == "success"
    assert event["minguard"]["console"] == {
        "alert_id": alert,
        "alert_state": "closed",
        "comment": "已核实:统计任务误用全量查询,已约谈并收回权限",
    }
    assert event["minguard"]["chain"]["hash"]  # sealed into the hash chain like every access


def test_a_caseworker_is_refused_the_console(browser: Browser, case: Case, opensearch: OpenSearch, shots: Path) -> None:
    page = browser.new_page(locale="zh-CN")
    log_in(page, case, "caseworker-hanbin")
    expect(page.locator("h1")).to_have_text("访问被拒绝")
    expect(page.locator(".message")).to_contain_text("无权使用安全审计控制台")
    page.screenshot(path=str(shots / "console-refused.png"))
    page.goto(f"{case.console}/alerts")
    expect(page.locator("h1")).to_have_text("安全审计控制台登录")  # no session was given
    page.close()
    # Other tests' logins may be shipped already: wait for this one's refusal itself.
    deadline = time.monotonic() + 30
    while True:
        refused = [
            e
            for e in console_events(opensearch, case.prefix, "console.login")
            if e["user"]["id"] == "zhangwei" and not e["minguard"]["decision"]["allowed"]
        ]
        if refused or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert refused and refused[0]["http"]["response"]["status_code"] == 403

"""The console over plain HTTP against a real gateway: login and refusal, the session cookie
(flags, tampering, expiry), CSRF, and that a typed ID number never reaches an event or a URL."""

from __future__ import annotations

import contextlib
import html
import json
import re
import time
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
from opensearchpy import OpenSearch

from gateway.console.filters import UNCHECKED
from gateway.console.session import COOKIE, Session, SessionSigner
from gateway.exchange import Principal
from support.console_case import Case, console_events

pytestmark = pytest.mark.opensearch


def post_login(client: httpx.Client, credential: str) -> httpx.Response:
    """Log in as the form does: GET it (cookie + token), then POST the credential with the token."""
    form = client.get("/login")
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', form.text)
    assert found is not None
    return client.post("/login", data={"credential": credential, "csrf": found.group(1)})


@contextlib.contextmanager
def login(case: Case, key_id: str) -> Iterator[tuple[httpx.Client, str]]:
    """A logged-in client and the CSRF token of its session (read from a form)."""
    with httpx.Client(base_url=case.console, timeout=30) as client:
        answer = post_login(client, case.gateway.env.key(key_id))
        assert answer.status_code == 303, answer.text
        page = client.get("/search")
        assert page.status_code == 200
        found = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
        assert found is not None
        yield client, found.group(1)


def event_of(opensearch: OpenSearch, case: Case, response: httpx.Response) -> dict[str, object]:
    request_id = response.headers["x-request-id"]
    for _ in range(60):
        opensearch.indices.refresh(index=f"{case.prefix}-*", ignore_unavailable=True)
        hits = opensearch.search(
            index=f"{case.prefix}-*", body={"query": {"term": {"event.id": request_id}}}, ignore_unavailable=True
        )["hits"]["hits"]
        if hits:
            event: dict[str, object] = hits[0]["_source"]
            return event
        time.sleep(0.5)
    raise AssertionError(f"no audit event for {request_id}")


def test_login_sets_a_strict_short_cookie_and_is_audited(case: Case, opensearch: OpenSearch) -> None:
    with httpx.Client(base_url=case.console, timeout=30) as client:
        answer = post_login(client, case.gateway.env.key("audit-admin"))
    assert answer.status_code == 303 and answer.headers["location"].endswith("/console/search")
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Max-Age=900" in cookie
    assert "Path=/_minguard/console" in cookie and "Secure" not in cookie  # plain HTTP here
    assert case.gateway.env.key("audit-admin") not in cookie
    event = event_of(opensearch, case, answer)
    assert event["user"] == {"id": "sunli", "roles": ["audit_admin"]}
    assert event["minguard"]["route"] == "console.login" and event["minguard"]["decision"]["allowed"] is True  # type: ignore[index]


@pytest.mark.parametrize(("key_id", "subject"), [("caseworker-hanbin", "zhangwei"), ("system-admin", "wuhao")])
def test_other_roles_are_refused_and_the_refusal_is_audited(
    case: Case, opensearch: OpenSearch, key_id: str, subject: str
) -> None:
    with httpx.Client(base_url=case.console, timeout=30) as client:
        answer = post_login(client, case.gateway.env.key(key_id))
        assert answer.status_code == 403 and "set-cookie" not in answer.headers
        assert "访问被拒绝" in answer.text
        assert client.get("/search").status_code == 303  # no session: back to the login form
    event = event_of(opensearch, case, answer)
    assert event["user"]["id"] == subject  # type: ignore[index]
    assert event["minguard"]["route"] == "console.login"  # type: ignore[index]
    assert event["minguard"]["decision"]["allowed"] is False and event["event"]["outcome"] == "failure"  # type: ignore[index]


def test_an_unknown_credential_is_refused_and_audited(case: Case, opensearch: OpenSearch) -> None:
    with httpx.Client(base_url=case.console, timeout=30) as client:
        answer = post_login(client, "mg_not-a-key")
    assert answer.status_code == 401
    event = event_of(opensearch, case, answer)
    assert event["event"]["reason"] == "unauthenticated" and event["user"]["id"] is None  # type: ignore[index]


def test_csrf_token_is_required_and_tied_to_the_session(case: Case, opensearch: OpenSearch) -> None:
    with login(case, "audit-admin") as (client, token), login(case, "security-admin") as (other, other_token):
        missing = client.post("/search", data={"user": "chenjing"})
        foreign = client.post("/search", data={"user": "chenjing", "csrf": other_token})
        good = client.post("/search", data={"user": "chenjing", "csrf": token})
        assert token != other_token
        assert missing.status_code == 403 and foreign.status_code == 403
        assert good.status_code == 200 and "chenjing" in good.text and "共 0 条" not in good.text
        assert other.post("/search", data={"user": "chenjing", "csrf": other_token}).status_code == 200
    event = event_of(opensearch, case, foreign)
    assert event["event"]["reason"] == "csrf_invalid" and event["user"]["id"] == "sunli"  # type: ignore[index]


def test_tampered_and_expired_cookies_are_refused_and_audited(case: Case, opensearch: OpenSearch) -> None:
    with login(case, "audit-admin") as (client, _):
        value = client.cookies[COOKIE]
    body, mac = value.split(".")
    # The same session claiming the system administrator's roles, with the old signature.
    forged = body[:-4] + ("AAAA" if body[-4:] != "AAAA" else "BBBB")
    signer = SessionSigner.from_dir(case.gateway.env.directory / "keys", False)
    sunli = Principal("sunli", "person", ("audit_admin",), "610900", "x", "api_key", "audit-admin")
    expired = signer.encode(Session(sunli, "0" * 32, int(time.time()) - 1))
    fresh = signer.encode(Session(sunli, "1" * 32, int(time.time()) + 60))  # proves the key is the gateway's
    codes = {}
    for name, cookie in (("tampered", f"{forged}.{mac}"), ("expired", expired), ("fresh", fresh)):
        with httpx.Client(base_url=case.console, timeout=30, cookies={COOKIE: cookie}) as c:
            codes[name] = c.get("/user/chenjing")
    assert codes["tampered"].status_code == 401 and codes["expired"].status_code == 401
    assert codes["fresh"].status_code == 200
    assert event_of(opensearch, case, codes["tampered"])["event"]["reason"] == "session_invalid"  # type: ignore[index]
    assert event_of(opensearch, case, codes["expired"])["event"]["reason"] == "session_expired"  # type: ignore[index]
    assert f"{COOKIE}=;" in codes["expired"].headers["set-cookie"]  # the bad cookie is dropped
    with httpx.Client(base_url=case.console, timeout=30, cookies={COOKIE: f"{forged}.{mac}"}) as c:
        form = c.get("/search")  # a page without audit data: refused and audited all the same
    assert form.status_code == 401 and f"{COOKIE}=;" in form.headers["set-cookie"]
    assert event_of(opensearch, case, form)["event"]["reason"] == "session_invalid"  # type: ignore[index]


def test_a_typed_id_number_is_tokenised_and_never_stored(case: Case, opensearch: OpenSearch) -> None:
    number = case.person["idNumber"]
    with login(case, "security-admin") as (client, token):
        by_search = client.post("/search", data={"id_number": number, "csrf": token})
        history = client.post("/person", data={"id_number": number, "csrf": token})
    for answer in (by_search, history):
        assert answer.status_code == 200
        assert number not in str(answer.url) and number not in answer.text  # not echoed back either
        for official in ("zhangwei", "wangfang", "zhaomin"):
            assert official in answer.text
    event = event_of(opensearch, case, history)
    assert event["minguard"]["route"] == "console.person_history"  # type: ignore[index]
    assert event["minguard"]["data"]["person_tokens"] == [_token(case, number)]  # type: ignore[index]
    event_of(opensearch, case, by_search)
    everything = opensearch.search(
        index=f"{case.prefix}-*", body={"query": {"prefix": {"minguard.route": "console."}}, "size": 1000}
    )["hits"]["hits"]
    assert len(everything) >= 2
    assert number not in json.dumps([h["_source"] for h in everything], ensure_ascii=False)


def test_filter_values_reach_the_event_only_checked_and_redacted(case: Case, opensearch: OpenSearch) -> None:
    """An ID number or a mobile typed into a filter is never stored in clear: a value that fails
    its check is not recorded at all, one that passes is redacted like the alert comment."""
    number, mobile = case.person["idNumber"], "13912345678"
    with login(case, "security-admin") as (client, token):
        answers = [
            client.post("/search", data={"user": mobile, "csrf": token}),  # a valid user id, and a mobile
            client.post("/search", data={"start": number, "level": mobile, "csrf": token}),
            client.get("/alerts", params={"state": number}),
        ]
    with login(case, "audit-admin") as (client, token):
        # Python's own message for a bad time quotes the value: it must not reach the event's error.
        period = {"start": f"{number} 之后", "end": mobile}
        answers.append(client.post("/report", data={**period, "format": "json", "csrf": token}))
    assert [a.status_code for a in answers] == [200, 400, 200, 400]
    events = [event_of(opensearch, case, a) for a in answers]
    text = json.dumps(events, ensure_ascii=False)
    assert number not in text and mobile not in text
    assert [e["minguard"]["console"]["filters"] for e in events] == [  # type: ignore[index]
        ["user=[已屏蔽]"],
        [f"start={UNCHECKED}", f"level={UNCHECKED}"],
        [f"state={UNCHECKED}"],
        [f"from={UNCHECKED}", f"to={UNCHECKED}", "format=json"],
    ]


def _token(case: Case, number: str) -> str:
    from policies.keys import Pseudonymizer

    return Pseudonymizer.from_dir(case.gateway.env.directory / "keys", False).token(number)


def test_an_alert_comment_is_redacted_in_the_event(case: Case, opensearch: OpenSearch) -> None:
    alert = case.alerts["misuse.person_many_users"]["id"]
    number = case.person["idNumber"]
    with login(case, "security-admin") as (client, token):
        answer = client.post(
            f"/alerts/{alert}", data={"op": "acknowledge", "comment": f"核实 {number} 的查询", "csrf": token}
        )
        assert answer.status_code == 303
        listed = client.get("/alerts")
        assert listed.status_code == 200 and "已确认" in listed.text
    (event,) = [e for e in console_events(opensearch, case.prefix, "console.alert_acknowledge")]
    console = event["minguard"]["console"]
    assert console["alert_id"] == alert and console["alert_state"] == "acknowledged"
    assert "核实" in console["comment"] and number not in console["comment"]


def test_the_report_downloads_and_is_audited(case: Case, opensearch: OpenSearch) -> None:
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    now = datetime.now(ZoneInfo("Asia/Shanghai"))
    period = {"start": (now - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"), "end": now.strftime("%Y-%m-%dT%H:%M")}
    with login(case, "audit-admin") as (client, token):
        answer = client.post("/report", data={**period, "format": "json", "csrf": token}, timeout=300)
        refused = client.post("/report", data={**period, "format": "json"})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-disposition"].startswith('attachment; filename="mlps-')
    assert answer.json()["sections"] and refused.status_code == 403
    event = event_of(opensearch, case, answer)
    assert event["minguard"]["route"] == "console.report"  # type: ignore[index]
    assert "format=json" in event["minguard"]["console"]["filters"]  # type: ignore[index]


def test_a_login_not_posted_from_our_own_form_is_refused_and_audited(case: Case, opensearch: OpenSearch) -> None:
    key = case.gateway.env.key("audit-admin")
    with httpx.Client(base_url=case.console, timeout=30) as client:
        # Another site's page posting a login: neither the form's cookie nor its token.
        forged = client.post("/login", data={"credential": key})
        assert forged.status_code == 403 and "minguard_console=" not in forged.headers.get("set-cookie", "")
        # The form's token without its cookie (or the reverse) does not do either.
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/login").text)
        assert token is not None
        client.cookies.clear()
        assert client.post("/login", data={"credential": key, "csrf": token.group(1)}).status_code == 403
    event = event_of(opensearch, case, forged)
    assert event["event"]["reason"] == "csrf_invalid"  # type: ignore[index]
    assert event["user"]["id"] is None  # type: ignore[index]  # refused before the credential was looked at


def test_logout_ends_the_session_on_the_server_too(case: Case, opensearch: OpenSearch) -> None:
    """A copy of the cookie (a shared machine, a proxy's log) is refused after the logout,
    though its signature and expiry are still good; the refusal is audited."""
    with login(case, "audit-admin") as (client, token):
        copied = client.cookies[COOKIE]
        assert client.get("/user/chenjing").status_code == 200
        ended = client.post("/logout", data={"csrf": token})
        assert ended.status_code == 303 and f"{COOKIE}=;" in ended.headers["set-cookie"]
    with httpx.Client(base_url=case.console, timeout=30, cookies={COOKIE: copied}) as replay:
        refused = replay.get("/user/chenjing")
        root = replay.get("/")
        forms = [replay.get(path) for path in ("/search", "/person", "/report")]
    assert refused.status_code == 401 and "会话已退出" in refused.text
    # Nor are the officer's empty forms (name, CSRF token) shown again, and each try is audited.
    assert root.status_code == 303 and root.headers["location"] == "/_minguard/console/search"
    for form, route in zip(forms, ("console.search_form", "console.person_form", "console.report_form"), strict=True):
        assert form.status_code == 401 and "会话已退出" in form.text and token not in form.text
        event = event_of(opensearch, case, form)
        assert event["event"]["reason"] == "session_ended" and event["minguard"]["route"] == route  # type: ignore[index]
    assert event_of(opensearch, case, refused)["event"]["reason"] == "session_ended"  # type: ignore[index]
    assert event_of(opensearch, case, ended)["minguard"]["route"] == "console.logout"  # type: ignore[index]


def _big_form() -> Iterator[bytes]:
    """11 MiB of small fields (each under Starlette's 1 MiB per field), sent without a
    Content-Length: only a limit on the whole body, counted while it is read, stops it."""
    field = b"a=" + b"x" * (1024 * 1024 - 4) + b"&"
    for _ in range(11):
        yield field


def test_a_large_form_is_refused_before_anyone_is_identified_and_audited(case: Case, opensearch: OpenSearch) -> None:
    """Console forms are read before the caller is known (the login form carries the credential):
    they get the proxy's server.max_request_bytes, or anyone could make the gateway hold a
    gigabyte per request."""
    form = {"content-type": "application/x-www-form-urlencoded"}
    with httpx.Client(base_url=case.console, timeout=60) as anonymous:
        login_streamed = anonymous.post("/login", content=_big_form(), headers=form)
        login_declared = anonymous.post("/login", content=b"".join(_big_form()), headers=form)
        search_without_session = anonymous.post("/search", content=_big_form(), headers=form)
    with login(case, "audit-admin") as (client, _):
        search_in_session = client.post("/search", content=_big_form(), headers=form)
    answers = [login_streamed, login_declared, search_without_session, search_in_session]
    assert [a.status_code for a in answers] == [413] * 4
    assert "请求体过大" in login_streamed.text
    events = [event_of(opensearch, case, a) for a in answers]
    assert {e["event"]["reason"] for e in events} == {"request_too_large"}  # type: ignore[index]
    assert [e["minguard"]["route"] for e in events] == ["console.login"] * 2 + ["console.query"] * 2  # type: ignore[index]
    assert [e["user"]["id"] for e in events] == [None, None, None, "sunli"]  # type: ignore[index]


def test_every_page_forbids_framing_sniffing_and_caching(case: Case) -> None:
    """The empty forms too (login, search, person, report): their buttons (退出, 检索) could
    otherwise be framed by another page and clicked through (clickjacking)."""
    with login(case, "audit-admin") as (client, _):
        pages = {path: client.get(path) for path in ("/search", "/person", "/report", "/alerts", "/user/chenjing")}
    with httpx.Client(base_url=case.console, timeout=30) as anonymous:
        pages["/login"] = anonymous.get("/login")
        css = anonymous.get("/static/console.css")
    for path, answer in pages.items():
        headers = answer.headers
        assert answer.status_code == 200, path
        assert "frame-ancestors 'none'" in headers.get("content-security-policy", ""), path
        assert "default-src 'self'" in headers["content-security-policy"], path
        assert headers.get("x-frame-options") == "DENY", path
        assert headers.get("x-content-type-options") == "nosniff", path
        assert headers.get("cache-control") == "no-store", path
        assert headers.get("referrer-policy") == "no-referrer", path
        assert headers["content-type"] == "text/html; charset=utf-8", path
    assert css.headers.get("x-content-type-options") == "nosniff"


def test_an_alert_id_that_is_not_one_is_not_recorded(case: Case, opensearch: OpenSearch) -> None:
    """The alert id is part of the URL: an ID number pasted there is redacted in url.path and
    must not reach minguard.console.alert_id in clear."""
    number = case.person["idNumber"]
    with login(case, "security-admin") as (client, token):
        answer = client.post(f"/alerts/{number}", data={"op": "close", "comment": "误操作", "csrf": token})
    assert answer.status_code == 400
    event = event_of(opensearch, case, answer)
    assert number not in json.dumps(event, ensure_ascii=False)
    assert event["minguard"]["console"]["alert_id"] == UNCHECKED  # type: ignore[index]


def test_cookies_are_secure_behind_the_tls_terminator(case: Case) -> None:
    """The gateway sees plain HTTP from the TLS terminator in front of it (nginx, an ingress),
    with the public name in Host: the cookies must still be Secure there, and __Host- cookies
    (this host only, Path=/), which a sibling subdomain cannot plant or shadow."""
    behind = {"host": "console.mz.example", "x-forwarded-proto": "https"}
    login_cookie = "__Host-minguard_console_login"
    with httpx.Client(base_url=case.console, timeout=30) as client:
        form = client.get("/login", headers=behind)
        assert form.headers["set-cookie"].startswith(f"{login_cookie}=")
        nonce = form.cookies[login_cookie]
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', form.text)
        assert token is not None
        data = {"credential": case.gateway.env.key("audit-admin"), "csrf": token.group(1)}
        # The bare name, as a sibling host could set it, is not the login cookie over HTTPS.
        planted = client.post("/login", data=data, headers={**behind, "cookie": f"minguard_console_login={nonce}"})
        answer = client.post("/login", data=data, headers={**behind, "cookie": f"{login_cookie}={nonce}"})
    assert planted.status_code == 403
    assert answer.status_code == 303
    assert "; Secure" in form.headers["set-cookie"] and "; Path=/;" in form.headers["set-cookie"]
    session = [c for c in answer.headers.get_list("set-cookie") if c.startswith(f"__Host-{COOKIE}=")]
    assert len(session) == 1 and "; Secure" in session[0] and "HttpOnly" in session[0]
    assert "; Path=/;" in session[0] and "Domain" not in session[0]
    value = session[0].split(";", 1)[0].split("=", 1)[1]
    with httpx.Client(base_url=case.console, timeout=30) as client:
        page = client.get("/search", headers={**behind, "cookie": f"__Host-{COOKIE}={value}"})
        bare = client.get("/search", headers={**behind, "cookie": f"{COOKIE}={value}"})
    assert page.status_code == 200 and bare.status_code == 303  # the bare name: to login


def test_a_user_id_with_a_slash_has_its_page(case: Case, opensearch: OpenSearch) -> None:
    """A subject "org/zhangwei" (a directory's path-like name) is linked as one encoded segment;
    the user page took neither the link (no such route) nor the id (refused as malformed)."""
    with login(case, "audit-admin") as (client, _):
        answer = client.get("/user/org%2Fzhangwei")
    assert answer.status_code == 200, answer.text
    assert "org/zhangwei" in answer.text
    event = event_of(opensearch, case, answer)
    assert event["minguard"]["route"] == "console.user_activity"  # type: ignore[index]


@pytest.mark.parametrize("subject", ["张伟", "auth0|5f3a9c", "urn:minzheng:hanbin:zhangwei"])
def test_a_user_id_with_chinese_characters_or_separators_has_its_page(
    case: Case, opensearch: OpenSearch, subject: str
) -> None:
    """A token's subject may be a Chinese name or an identity provider's id ("auth0|…",
    "urn:…:…"): the trail holds it as user.id and the console links it, yet the user page and
    the search form refused it as malformed (400), so that user's activity could not be
    reviewed."""
    with login(case, "audit-admin") as (client, token):
        page = client.get("/user/" + quote(subject, safe=""))
        found = client.post("/search", data={"user": subject, "csrf": token})
    assert page.status_code == 200, page.text
    assert found.status_code == 200, found.text
    assert f"用户活动:{html.escape(subject)}" in page.text
    for answer, route in ((page, "console.user_activity"), (found, "console.query")):
        event = event_of(opensearch, case, answer)
        minguard = event["minguard"]
        assert minguard["route"] == route  # type: ignore[index]
        (recorded,) = minguard["console"]["filters"]  # type: ignore[index]
        assert recorded.startswith("user=") and UNCHECKED not in recorded


@pytest.mark.parametrize("subject", ["zhang\twei", "zhang\x7fwei", "a" * 129])
def test_a_user_id_with_control_characters_or_too_long_is_refused(case: Case, subject: str) -> None:
    with login(case, "audit-admin") as (client, _):
        page = client.get("/user/" + quote(subject, safe=""))
    assert page.status_code == 400

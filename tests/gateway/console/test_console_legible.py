"""What a caller sent, as the console shows it: escaped, and with the characters that act
instead of reading (a bidi override, a zero-width space) shown by their code point."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

import httpx
import pytest
from opensearchpy import OpenSearch

from gateway.devsetup import dev_token
from support.console_case import Case
from support.gateways import wait_for_events

from .test_console_http import login

pytestmark = pytest.mark.opensearch


def test_a_token_subject_cannot_turn_the_summary_around(case: Case, opensearch: OpenSearch) -> None:
    """A token's subject is kept as presented in the summary the gateway writes of each access
    ("<subject>(caseworker,辖区610902) …"). With a right-to-left override (U+202E) in it, the
    console showed the rest of that summary reversed, and a zero-width space hid inside the
    name: escaping stops markup, not these. The event keeps the subject exactly."""
    subject = "li\u200bna\u202e<b>gnp.exe</b>"
    token = dev_token(case.gateway.env.directory, subject, ["caseworker"], "610902")
    answer = httpx.get(
        f"{case.gateway.url}/api/v1/regions/610902/persons?size=1",
        headers={"authorization": f"Bearer {token}", "x-purpose-of-use": quote("救助审核")},
        timeout=30,
    )
    request_id = answer.headers["x-request-id"]
    wait_for_events(opensearch, case.prefix, [request_id])
    with login(case, "audit-admin") as (client, csrf):
        page = client.post("/search", data={"user": "lina<b>gnp.exe</b>", "csrf": csrf})
    assert page.status_code == 200, page.text
    row = next(r for r in re.findall(r"<tr[^>]*>.*?</tr>", page.text, re.DOTALL) if "gnp.exe" in r)
    assert "\u202e" not in row and "\u200b" not in row and "<b>" not in row
    assert html.escape("li<U+200B>na<U+202E><b>gnp.exe</b>(caseworker") in row
    hits = opensearch.search(index=f"{case.prefix}-*", body={"query": {"term": {"event.id": request_id}}})
    (event,) = [hit["_source"] for hit in hits["hits"]["hits"]]
    assert event["minguard"]["principal"]["subject"] == subject and subject in event["minguard"]["summary_zh"]

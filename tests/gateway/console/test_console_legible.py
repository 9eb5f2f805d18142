"""What a caller sent, as the console shows it: escaped, and with the characters that act
instead of reading (a bidi override, a zero-width space) shown by their code point."""

from __future__ import annotations

import html
import re
import uuid
from urllib.parse import quote

import httpx
import pytest
from opensearchpy import OpenSearch

from audit.opensearch import index_for
from gateway.devsetup import dev_token
from support.console_case import Case
from support.gateways import wait_for_events

from .test_console_http import login

pytestmark = pytest.mark.opensearch


def test_a_subject_that_would_turn_the_summary_around_is_refused_and_an_older_one_is_shown_by_code_point(
    case: Case, opensearch: OpenSearch
) -> None:
    """A token's subject is kept as presented in the summary the gateway writes of each access
    ("<subject>(caseworker,辖区610902) …"). With a right-to-left override (U+202E) in it, the
    console showed the rest of that summary reversed, and a zero-width space hid inside the
    name: escaping stops markup, not these. Such a token is now refused (401), so only events
    written before that can hold one; the console shows them by code point."""
    subject = "li\u200bna\u202e<b>gnp.exe</b>"
    token = dev_token(case.gateway.env.directory, subject, ["caseworker"], "610902")
    headers = {"authorization": f"Bearer {token}", "x-purpose-of-use": quote("救助审核")}
    url = f"{case.gateway.url}/api/v1/regions/610902/persons?size=1"
    assert httpx.get(url, headers=headers, timeout=30).status_code == 401
    # An event as a gateway of before wrote it: a real one, its subject swapped in.
    plain = dev_token(case.gateway.env.directory, "lina", ["caseworker"], "610902")
    answer = httpx.get(url, headers=headers | {"authorization": f"Bearer {plain}"}, timeout=30)
    request_id = answer.headers["x-request-id"]
    wait_for_events(opensearch, case.prefix, [request_id])
    hits = opensearch.search(index=f"{case.prefix}-*", body={"query": {"term": {"event.id": request_id}}})
    (event,) = [hit["_source"] for hit in hits["hits"]["hits"]]
    event["event"]["id"] = uuid.uuid4().hex
    event["user"]["id"] = "lina<b>gnp.exe</b>"
    event["minguard"]["principal"]["subject"] = subject
    event["minguard"]["summary_zh"] = event["minguard"]["summary_zh"].replace("lina", subject, 1)
    opensearch.create(index=index_for(case.prefix, event["@timestamp"]), id=event["event"]["id"], body=event)
    opensearch.indices.refresh(index=f"{case.prefix}-*")
    with login(case, "audit-admin") as (client, csrf):
        page = client.post("/search", data={"user": "lina<b>gnp.exe</b>", "csrf": csrf})
    assert page.status_code == 200, page.text
    row = next(r for r in re.findall(r"<tr[^>]*>.*?</tr>", page.text, re.DOTALL) if "gnp.exe" in r)
    assert "\u202e" not in row and "\u200b" not in row and "<b>" not in row
    assert html.escape("li<U+200B>na<U+202E><b>gnp.exe</b>(caseworker") in row

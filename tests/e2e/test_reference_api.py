"""Detection reference data loaded through the gateway's admin API, and `minguard detect reference
load`, which calls it: the security administrator is the credential's subject, the policy decides,
the gateway tokenises and signs the feeds, and every attempt is an audit event
(gateway/references.py, gateway/admin/detection.py)."""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from opensearchpy import OpenSearch
from typer.testing import CliRunner

from audit.detection import integrity, reference
from audit.signing import PUBLIC_KEY_FILE, load_public_key
from gateway.cli import app
from support.gateways import RunningGateway, audit_events, serving, wait_for_events

pytestmark = pytest.mark.opensearch


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, opensearch: OpenSearch, upstream_url: str
) -> Iterator[tuple[RunningGateway, str]]:
    prefix = f"mgrefapi-{uuid.uuid4().hex[:6]}"
    with serving(
        tmp_path_factory.mktemp("refapi") / "gw", upstream_url, prefix, opensearch, f"{prefix}.ref-*"
    ) as gateway:
        yield gateway, prefix


@pytest.fixture(scope="module")
def feeds(upstream_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo upstream's synthetic feeds, as the HR and funeral/hukou systems hand them over."""
    directory = tmp_path_factory.mktemp("feeds")
    for name in ("staff", "deaths"):
        with urllib.request.urlopen(f"{upstream_url}/api/v1/reference/{name}.csv", timeout=10) as response:
            (directory / f"{name}.csv").write_bytes(response.read())
    return {name: directory / f"{name}.csv" for name in ("staff", "deaths")}


def cli(gateway: RunningGateway, tmp_path: Path, key_id: str, *args: str) -> Any:
    credential = tmp_path / f"{key_id}.key"
    credential.write_text(gateway.env.key(key_id), encoding="utf-8")
    options = ["--credential-file", str(credential), "--config", str(gateway.env.config), "--gateway", gateway.url]
    return CliRunner().invoke(app, ["detect", "reference", "load", *args, *options])


def the_event(opensearch: OpenSearch, prefix: str, request_id: str) -> dict[str, Any]:
    assert wait_for_events(opensearch, prefix, [request_id]) == {request_id: 1}
    (event,) = audit_events(opensearch, prefix, request_id)
    return event


def clear_values(feeds: dict[str, Path]) -> list[str]:
    """Every value of the feeds that must never reach the trail: ID numbers, cards, households."""
    values = []
    for path in feeds.values():
        for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
            values += [row.get(k) or "" for k in ("id_number", "bank_card", "household_id")]
    return [v for v in values if len(v) >= 8]


def count(opensearch: OpenSearch, prefix: str, name: str) -> int:
    index = reference.reference_index(prefix, name)
    if not opensearch.indices.exists(index=index):
        return 0
    opensearch.indices.refresh(index=index)
    return int(opensearch.count(index=index)["count"])


def test_the_security_administrator_loads_both_feeds_signed_and_audited(
    served: tuple[RunningGateway, str], feeds: dict[str, Path], opensearch: OpenSearch, tmp_path: Path
) -> None:
    gateway, prefix = served
    done = cli(gateway, tmp_path, "security-admin", "--staff", str(feeds["staff"]), "--deaths", str(feeds["deaths"]))
    assert done.exit_code == 0, done.output
    request_ids = re.findall(r"audit request id: ([0-9a-f]+)", done.output)
    assert len(request_ids) == 2 and done.output.startswith("staff: ")
    rows = {
        name: len(list(csv.DictReader(io.StringIO(p.read_text(encoding="utf-8-sig"))))) for name, p in feeds.items()
    }
    assert {name: count(opensearch, prefix, name) for name in feeds} == rows
    # The signed records name the officer and the load's audit event, and check clean.
    loads = integrity.loads_index(prefix)
    opensearch.indices.refresh(index=loads)
    records = [h["_source"] for h in opensearch.search(index=loads, body={"size": 10})["hits"]["hits"]]
    assert sorted((r["name"], r["loaded_by"], r["request_id"]) for r in records) == sorted(
        zip(("staff", "deaths"), ("zhoujie", "zhoujie"), request_ids, strict=True)
    )
    key = load_public_key(gateway.env.directory / "keys" / PUBLIC_KEY_FILE)
    check = integrity.ReferenceCheck(opensearch, prefix, key)
    assert (check.problem("staff"), check.problem("deaths")) == (None, None)
    # One event per load, in the trail, with counts and the digest but no value of the feeds.
    for name, request_id in zip(("staff", "deaths"), request_ids, strict=True):
        event = the_event(opensearch, prefix, request_id)
        assert (event["event"]["action"], event["event"]["outcome"]) == ("reference.reference_load", "success")
        assert event["user"]["id"] == "zhoujie"
        (record,) = [r for r in records if r["name"] == name]
        assert event["minguard"]["reference"] == {
            "name": name,
            "count": rows[name],
            "removed": 0,
            "digest": record["digest"],
        }
        assert "载入参考数据" in event["minguard"]["summary_zh"]
        text = json.dumps(event, ensure_ascii=False)
        assert not [v for v in clear_values(feeds) if v in text]


def test_refusals_are_zh_cn_first_audited_and_change_nothing(
    served: tuple[RunningGateway, str], feeds: dict[str, Path], opensearch: OpenSearch, tmp_path: Path
) -> None:
    gateway, prefix = served
    before = count(opensearch, prefix, "deaths")
    # Neither a caseworker nor the audit administrator changes what detection trusts.
    for key_id, user in (("caseworker-hanbin", "zhangwei"), ("audit-admin", "sunli")):
        refused = cli(gateway, tmp_path, key_id, "--deaths", str(feeds["deaths"]))
        assert refused.exit_code == 2 and refused.output.startswith("无权执行该管理操作"), refused.output
        request_id = refused.output.rstrip().removesuffix(")").rsplit(" ", 1)[-1]
        event = the_event(opensearch, prefix, request_id)
        assert (event["event"]["outcome"], event["user"]["id"]) == ("failure", user)
    headers = gateway.headers("security-admin") | {"content-type": "text/csv; charset=utf-8"}
    url = f"{gateway.url}/_minguard/reference"
    died = "id_number,date_of_death\n61090219490101001X,2025-01-01\n"  # a checksum that fails
    cases = {
        # Feed names are checked before they are recorded.
        "persons": (b"a,b\n", 400, "参考数据名称应为 staff 或 deaths"),
        "deaths": (b"id,when\n1,2\n", 400, "参考数据有误,未载入:deaths: missing columns"),
        "staff": ("staff_id,region,household_id,address,bank_card\n".encode("gbk") + "李四".encode("gbk"), 400, ""),
    }
    for name, (body, status, message) in cases.items():
        answer = httpx.post(f"{url}/{name}", headers=headers, content=body, timeout=30)
        assert answer.status_code == status, answer.text
        assert answer.json()["error"]["message_zh"].startswith(message or "参考数据有误,未载入:not UTF-8")
    empty = httpx.post(f"{url}/deaths", headers=headers, content=b"id_number,date_of_death\n", timeout=30)
    assert empty.json()["error"]["message_zh"] == "参考数据有误,未载入:deaths: no rows"
    bad_row = httpx.post(f"{url}/deaths", headers=headers, content=died.encode(), timeout=30)
    assert bad_row.status_code == 400 and "line 2" in bad_row.json()["error"]["message"]
    event = the_event(opensearch, prefix, bad_row.headers["x-request-id"])
    assert "61090219490101001X" not in json.dumps(event, ensure_ascii=False) + bad_row.text
    unknown = the_event(
        opensearch, prefix, httpx.post(f"{url}/persons", headers=headers, timeout=30).headers["x-request-id"]
    )
    assert unknown["minguard"]["reference"] == {"name": "[未通过校验,未记录]"}
    assert count(opensearch, prefix, "deaths") == before

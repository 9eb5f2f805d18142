"""`minguard audit …`: checks on the audit trail in OpenSearch, for assessors (测评) and the
audit administrator (审计管理员). See docs/audit-chain.md.

Exit codes of `verify`: 0 clean, 1 something was found, 2 the trail could not be checked
(config, key, OpenSearch unreachable).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .cli_common import fail, opensearch_client, parse_time, settings_or_fail

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from opensearchpy import OpenSearch

    from audit.verify import Report

audit_app = typer.Typer(help="The audit trail: tamper evidence (审计记录完整性).", no_args_is_help=True)

SEQ = "minguard.chain.seq"
INSTANCE = "minguard.chain.instance"


def _checkpoint_seq(client: OpenSearch, index: str, instance: str, seq: int, before: bool) -> int | None:
    """The nearest checkpoint at or before (after) `seq`: reading from one checkpoint to the next
    lets every event in the range be checked against a signature."""
    body = {
        "size": 1,
        "query": {
            "bool": {
                "filter": [
                    {"term": {INSTANCE: instance}},
                    {"term": {"event.kind": "checkpoint"}},
                    {"range": {SEQ: {"lte" if before else "gte": seq}}},
                ]
            }
        },
        "sort": [{SEQ: {"order": "desc" if before else "asc", "unmapped_type": "long"}}],
    }
    hits = client.search(index=index, body=body, ignore_unavailable=True, allow_no_indices=True)["hits"]["hits"]
    return int(hits[0]["_source"]["minguard"]["chain"]["seq"]) if hits else None


def read_trail(
    client: OpenSearch, prefix: str, start: datetime | None, end: datetime | None, instance: str | None = None
) -> Iterator[dict[str, Any]]:
    """Every event of the range, by instance and seq (scroll, so no 10 000 limit).

    The time range selects seq ranges, not events: `@timestamp` is when a request arrived and
    the chain is in write order, so events near the edges interleave. Each instance is read
    from the checkpoint before its first seq in the range to the checkpoint after its last.
    Events without a chain in the time range are read too: they are reported as inserted.
    """
    from opensearchpy.helpers import scan

    index = f"{prefix}-*"
    bounds = {k: v.isoformat(timespec="milliseconds") for k, v in (("gte", start), ("lte", end)) if v is not None}
    in_time = [{"range": {"@timestamp": bounds}}] if bounds else []
    only = [{"term": {INSTANCE: instance}}] if instance else []
    body = {
        "size": 0,
        "query": {"bool": {"filter": [*in_time, *only, {"exists": {"field": SEQ}}]}},
        "aggs": {
            "instances": {
                "terms": {"field": INSTANCE, "size": 10000},
                "aggs": {"lo": {"min": {"field": SEQ}}, "hi": {"max": {"field": SEQ}}},
            }
        },
    }
    result = client.search(index=index, body=body, ignore_unavailable=True, allow_no_indices=True)
    for bucket in result.get("aggregations", {}).get("instances", {}).get("buckets", []):
        name, lo, hi = bucket["key"], int(bucket["lo"]["value"]), int(bucket["hi"]["value"])
        lo = _checkpoint_seq(client, index, name, lo, before=True) or 1
        hi = _checkpoint_seq(client, index, name, hi, before=False) or hi
        query = {
            "query": {"bool": {"filter": [{"term": {INSTANCE: name}}, {"range": {SEQ: {"gte": lo, "lte": hi}}}]}},
            "sort": [{SEQ: {"order": "asc", "unmapped_type": "long"}}],
        }
        for hit in scan(client, query=query, index=index, preserve_order=True, ignore_unavailable=True):
            yield hit["_source"]
    unchained: dict[str, Any] = {"filter": in_time, "must_not": [{"exists": {"field": SEQ}}]}
    if instance:
        unchained["filter"] = [*in_time, {"term": {"minguard.instance": instance}}]
    for hit in scan(client, query={"query": {"bool": unchained}}, index=index, ignore_unavailable=True):
        yield hit["_source"]


def load_public_key(path: Path) -> Ed25519PublicKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    key = load_pem_public_key(path.read_bytes())
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError(f"{path}: not an Ed25519 public key")
    return key


def render(report: Report, header: list[str]) -> str:
    from audit.verify import KINDS_ZH

    out = ["审计记录完整性校验 / Audit trail verification", *header, ""]
    if not report.instances:
        out.append("范围内没有带哈希链的记录 / no chained entries in this range")
    for s in report.instances:
        last = s.last_checkpoint_seq or "-"
        out.append(
            f"实例 {s.instance}:第 {s.first_seq}–{s.last_seq} 条;记录 {s.entries} 条;检查点 {s.checkpoints} 个,"
            f"最后一个为第 {last} 条;其后尚未签名 {s.unsigned} 条\n"
            f"  instance {s.instance}: seq {s.first_seq}–{s.last_seq}; entries: {s.entries}; checkpoints: {s.checkpoints},"
            f" the last at seq {last}; not yet signed after it: {s.unsigned}"
        )
    if any(s.unsigned for s in report.instances):
        out.append(
            "注意:最后一个检查点之后的记录只受哈希链保护,整段截去无法发现。\n"
            "  note: entries after the last checkpoint are protected by the hash chain only; cutting them off entirely is not detectable."
        )
    if not report.signatures_checked:
        out.append("注意:未校验检查点签名 / note: checkpoint signatures were not checked")
    out.append("")
    for f in report.findings:
        out.append(f"[{KINDS_ZH[f.kind]} {f.kind}] {f.message_zh}\n  {f.message}")
    if report.clean:
        out.append(
            "结论:通过,未发现删除、篡改、调序或插入。/ Result: clean, no deletion, modification, reordering or insertion."
        )
    else:
        out.append(
            f"结论:未通过,发现 {len(report.findings)} 处问题。/ Result: FAILED, {len(report.findings)} findings."
        )
    return "\n".join(out)


@audit_app.command("verify")
def verify(
    from_: Annotated[
        str | None, typer.Option("--from", help="Start, ISO 8601 (no offset = UTC). Default: the beginning.")
    ] = None,
    to: Annotated[str | None, typer.Option("--to", help="End, ISO 8601 (no offset = UTC). Default: no limit.")] = None,
    instance: Annotated[str | None, typer.Option("--instance", help="Only this instance (spool slot).")] = None,
    config: Annotated[Path | None, typer.Option("--config", "-c", help="The gateway's YAML config file.")] = None,
    public_key: Annotated[
        Path | None,
        typer.Option("--public-key", help="Checkpoint public key (PEM). Default: keys.dir/audit-signing.pub.pem."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Check the trail in OpenSearch against its hash chains and signed checkpoints.

    Reports deleted, altered, reordered and inserted events. Exit 0 clean, 1 findings, 2 cannot check.
    """
    from opensearchpy.exceptions import OpenSearchException

    from audit.chain import PUBLIC_KEY_FILE, key_id
    from audit.verify import verify_trail

    start, end = parse_time(from_), parse_time(to)
    settings = settings_or_fail(config)
    key_path = public_key or settings.keys.dir / PUBLIC_KEY_FILE
    try:
        key = load_public_key(key_path)
    except (OSError, ValueError) as exc:
        fail(f"无法读取签名公钥 / cannot read the checkpoint public key: {exc}")
    prefix = settings.opensearch.index_prefix
    client = opensearch_client(settings.opensearch)
    try:
        report = verify_trail(read_trail(client, prefix, start, end, instance), key)
    except (OpenSearchException, OSError) as exc:
        fail(f"无法读取审计记录 / cannot read the audit trail from {settings.opensearch.url}: {exc}")
    finally:
        client.close()
    span = (start.isoformat() if start else "最早 earliest", end.isoformat() if end else "最新 latest")
    if as_json:
        meta = {
            "index": f"{prefix}-*",
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None,
            "instance": instance,
            "key_id": key_id(key),
        }
        typer.echo(json.dumps({**meta, **report.to_json()}, ensure_ascii=False, indent=2))
    else:
        header = [
            f"索引 index: {prefix}-*  时间 range: {span[0]} – {span[1]}"
            + (f"  实例 instance: {instance}" if instance else ""),
            f"签名公钥 checkpoint key: {key_id(key)} ({key_path})",
        ]
        typer.echo(render(report, header))
    raise typer.Exit(0 if report.clean else 1)


ConfigArg = Annotated[Path | None, typer.Option("--config", "-c", help="The gateway's YAML config file.")]


@audit_app.command("retention")
def retention(
    config: ConfigArg = None,
    apply: Annotated[
        bool, typer.Option("--apply", help="Delete the expired months (default: only list them).")
    ] = False,
) -> None:
    """List (or, with --apply, delete) monthly audit indices older than audit.retention_days (≥ 184).

    Run with the audit administrator's credentials; the gateway's own account cannot delete.
    """
    from audit.lifecycle import apply_retention

    settings = settings_or_fail(config)
    client = opensearch_client(settings.opensearch)
    try:
        expired = apply_retention(
            client, settings.opensearch.index_prefix, settings.audit.retention_days, dry_run=not apply
        )
    finally:
        client.close()
    verb = "已删除 deleted" if apply else "到期 expired (dry run; --apply to delete)"
    typer.echo(f"保留期 retention: {settings.audit.retention_days} 天 days")
    typer.echo(f"{verb}: {', '.join(expired) if expired else '无 none'}")


@audit_app.command("backup-drill")
def backup_drill(config: ConfigArg = None) -> None:
    """Snapshot the audit indices, restore them into scratch indices, compare counts, record the result."""
    from audit.lifecycle import restore_drill

    settings = settings_or_fail(config)
    client = opensearch_client(settings.opensearch)
    try:
        drill = restore_drill(client, settings.opensearch.index_prefix)
    finally:
        client.close()
    document = drill.as_document()
    typer.echo(document["summary_zh"] + f"(用时 {document['seconds']} 秒)")
    for index, (live, restored) in drill.indices.items():
        typer.echo(f"  {index}: 在线 live {live} / 恢复 restored {restored}")
    raise typer.Exit(0 if drill.ok else 1)


@audit_app.command("search")
def search_cmd(
    config: ConfigArg = None,
    from_: Annotated[str | None, typer.Option("--from", help="Start, ISO 8601.")] = None,
    to: Annotated[str | None, typer.Option("--to", help="End, ISO 8601.")] = None,
    person: Annotated[
        str | None, typer.Option("--person", help="Resident ID number; tokenised here, never stored or sent.")
    ] = None,
    user: Annotated[str | None, typer.Option("--user", help="Subject (user.id).")] = None,
    region: Annotated[str | None, typer.Option("--region", help="行政区划代码 (prefix match).")] = None,
    denied: Annotated[bool, typer.Option("--denied", help="Only denied or failed attempts.")] = False,
    clear: Annotated[bool, typer.Option("--clear-text", help="Only accesses that let data out in clear.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    limit: Annotated[int, typer.Option(min=1, max=100_000)] = 1000,
) -> None:
    """Review the trail: who accessed a person, what a user accessed, denials, clear-text accesses."""
    from audit.search import Query, SearchError, render, search
    from policies.keys import Pseudonymizer

    settings = settings_or_fail(config)
    query = Query(
        start=from_, end=to, person_id_number=person, user=user, region=region, denied=denied, clear_text=clear
    )
    client = opensearch_client(settings.opensearch)
    try:
        pseudonymizer = Pseudonymizer.from_dir(settings.keys.dir, generate=False)
        events = list(search(client, settings.opensearch.index_prefix, query, pseudonymizer, limit))
        typer.echo(render(events, fmt))
    except (SearchError, OSError) as exc:
        fail(str(exc))
    finally:
        client.close()

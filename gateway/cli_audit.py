"""`minguard audit …`: checks on the audit trail in OpenSearch, for assessors (测评) and the
audit administrator (审计管理员). See docs/audit-chain.md.

Exit codes of `verify`: 0 clean, 1 something was found, 2 the trail could not be checked
(config, key, OpenSearch unreachable).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .cli_common import fail, opensearch_client, parse_time, settings_or_fail

if TYPE_CHECKING:
    from opensearchpy import OpenSearch

    from audit.verify import Report

audit_app = typer.Typer(help="The audit trail: tamper evidence (审计记录完整性).", no_args_is_help=True)

SEQ = "minguard.chain.seq"
INSTANCE = "minguard.chain.instance"


def _checkpoint(client: OpenSearch, index: str, instance: str, bound: dict[str, Any], before: bool) -> dict[str, Any]:
    """The instance's nearest checkpoint at or before (after) a bound on seq or @timestamp;
    empty if there is none."""
    body = {
        "size": 1,
        "query": {
            "bool": {
                "filter": [{"term": {INSTANCE: instance}}, {"term": {"event.kind": "checkpoint"}}, {"range": bound}]
            }
        },
        "sort": [{SEQ: {"order": "desc" if before else "asc", "unmapped_type": "long"}}],
    }
    hits = client.search(index=index, body=body, ignore_unavailable=True, allow_no_indices=True)["hits"]["hits"]
    source: dict[str, Any] = hits[0]["_source"] if hits else {}
    return source


def _seq(checkpoint: dict[str, Any]) -> int:
    return int(checkpoint["minguard"]["chain"]["seq"])


def _at_seq(seq: int, before: bool) -> dict[str, Any]:
    return {SEQ: {"lte" if before else "gte": seq}}


def _at_time(time: datetime, before: bool) -> dict[str, Any]:
    return {"@timestamp": {"lte" if before else "gte": time.isoformat(timespec="milliseconds")}}


def _in_time(start: datetime | None, end: datetime | None) -> list[dict[str, Any]]:
    bounds = {k: v.isoformat(timespec="milliseconds") for k, v in (("gte", start), ("lte", end)) if v is not None}
    return [{"range": {"@timestamp": bounds}}] if bounds else []


def _running_at(checkpoint: dict[str, Any], time: datetime) -> bool:
    """Whether the instance that wrote this checkpoint (its last before `time`) should have
    written more since: not closed, and recent enough that a heartbeat was due by `time`."""
    from audit.verify import checkpoint_interval, parse_at, quiet_limit

    signed = checkpoint.get("minguard", {}).get("checkpoint", {})
    if not checkpoint or signed.get("final") is True:
        return False
    at = parse_at(signed.get("at")) or parse_at(checkpoint.get("@timestamp"))
    return at is not None and at >= time - quiet_limit(checkpoint_interval(signed))


def _seq_ranges(
    client: OpenSearch, index: str, start: datetime | None, end: datetime | None, instance: str | None
) -> Iterator[tuple[str, int, int | None]]:
    """Per instance, the seq range to read (None: to the chain's end).

    Two sources, because either can be emptied by deleting documents: the chained entries whose
    @timestamp is in the range (widened to the checkpoints around them by seq), and the
    instance's last checkpoint at or before `start` and first at or after `end` by @timestamp
    (a checkpoint's @timestamp is when it was written, so it follows seq). With heartbeats a
    running instance has one every interval, so a period whose entries were all deleted still
    lies between two checkpoints, and the seqs missing between them are reported.
    """
    in_time = _in_time(start, end)
    only = [{"term": {INSTANCE: instance}}] if instance else []
    by_seq = {"lo": {"min": {"field": SEQ}}, "hi": {"max": {"field": SEQ}}}
    body = {
        "size": 0,
        "query": {"bool": {"filter": [*in_time, *only, {"exists": {"field": SEQ}}]}},
        "aggs": {"instances": {"terms": {"field": INSTANCE, "size": 10000}, "aggs": by_seq}},
    }
    result = client.search(index=index, body=body, ignore_unavailable=True, allow_no_indices=True)
    in_period = {
        b["key"]: (int(b["lo"]["value"]), int(b["hi"]["value"]))
        for b in result.get("aggregations", {}).get("instances", {}).get("buckets", [])
    }
    names = set(in_period)
    if start is not None:
        # Instances known from their checkpoints before the period, whatever survives in it.
        checkpoints = [{"term": {"event.kind": "checkpoint"}}, {"range": _at_time(start, before=True)}, *only]
        body = {
            "size": 0,
            "query": {"bool": {"filter": checkpoints}},
            "aggs": {"instances": {"terms": {"field": INSTANCE, "size": 10000}}},
        }
        result = client.search(index=index, body=body, ignore_unavailable=True, allow_no_indices=True)
        names |= {b["key"] for b in result.get("aggregations", {}).get("instances", {}).get("buckets", [])}
    for name in sorted(names):
        before = _checkpoint(client, index, name, _at_time(start, True), before=True) if start else {}
        after = _checkpoint(client, index, name, _at_time(end, False), before=False) if end else {}
        running = start is not None and _running_at(before, start)
        if name not in in_period and not (before and after) and not running:
            continue  # it ended before the period: verifying the period it ended in judges that end
        lows = [_seq(before)] if before else []
        highs = [_seq(after)] if after else []
        if name in in_period:
            lo, hi = in_period[name]
            first = _checkpoint(client, index, name, _at_seq(lo, True), before=True)
            last = _checkpoint(client, index, name, _at_seq(hi, False), before=False)
            lows.append(_seq(first) if first else 1)
            highs.append(_seq(last) if last else hi)
        yield name, min(lows), max(highs) if highs else None


def read_trail(
    client: OpenSearch, prefix: str, start: datetime | None, end: datetime | None, instance: str | None = None
) -> Iterator[dict[str, Any]]:
    """Every event of the range, by instance and seq (scroll, so no 10 000 limit).

    The time range selects seq ranges, not events: `@timestamp` is when a request arrived and
    the chain is in write order, so events near the edges interleave. Each instance is read
    from the checkpoint before the period to the checkpoint after it (_seq_ranges), so every
    event in the range is checked against a signature, and deleting the events of the period
    leaves a gap between the two. Events without a chain in the time range are read too: they
    are reported as inserted.
    """
    from opensearchpy.helpers import scan

    index = f"{prefix}-*"
    for name, lo, hi in _seq_ranges(client, index, start, end, instance):
        seqs = {"gte": lo, "lte": hi} if hi is not None else {"gte": lo}
        query = {
            "query": {"bool": {"filter": [{"term": {INSTANCE: name}}, {"range": {SEQ: seqs}}]}},
            "sort": [{SEQ: {"order": "asc", "unmapped_type": "long"}}],
        }
        for hit in scan(client, query=query, index=index, preserve_order=True, ignore_unavailable=True):
            yield hit["_source"]
    in_time = _in_time(start, end)
    unchained: dict[str, Any] = {"filter": in_time, "must_not": [{"exists": {"field": SEQ}}]}
    if instance:
        unchained["filter"] = [*in_time, {"term": {"minguard.instance": instance}}]
    for hit in scan(client, query={"query": {"bool": unchained}}, index=index, ignore_unavailable=True):
        yield hit["_source"]


def render(report: Report, header: list[str], anchored: frozenset[str] = frozenset()) -> str:
    """The report for a terminal; ``anchored``: the instances whose chain end was held against
    the gateway host's spool (`--spool`), for which a cut-off end is no longer undetectable."""
    from audit.verify import KINDS_ZH

    out = ["审计记录完整性校验 / Audit trail verification", *header, ""]
    if not report.instances:
        out.append("范围内没有带哈希链的记录 / no chained entries in this range")
    for s in report.instances:
        last = s.last_checkpoint_seq or "-"
        when_zh = f"({s.last_checkpoint_at}{',正常关闭' if s.closed else ''})" if s.last_checkpoint_at else ""
        when = (
            f" ({s.last_checkpoint_at}{', final: clean shutdown' if s.closed else ''})" if s.last_checkpoint_at else ""
        )
        out.append(
            f"实例 {s.instance}:第 {s.first_seq}–{s.last_seq} 条;记录 {s.entries} 条;检查点 {s.checkpoints} 个,"
            f"最后一个为第 {last} 条{when_zh};其后尚未签名 {s.unsigned} 条\n"
            f"  instance {s.instance}: seq {s.first_seq}–{s.last_seq}; entries: {s.entries}; checkpoints: {s.checkpoints},"
            f" the last at seq {last}{when}; not yet signed after it: {s.unsigned}"
        )
    if any(s.unsigned for s in report.instances):
        out.append(
            "注意:最后一个检查点之后的记录只受哈希链保护,可被改写而不被发现。\n"
            "  note: entries after the last checkpoint are protected by the hash chain only; rewriting them is not detectable."
        )
    if report.ends_judged_at is None:
        out.append("注意:未判断记录是否在末尾被截去。\n  note: whether a chain was cut off at its end was not judged.")
    elif unanchored := [s.instance for s in report.instances if s.instance not in anchored]:
        which = "" if len(unanchored) == len(report.instances) else f"(实例 instances: {', '.join(unanchored)})"
        out.append(
            f"注意{which}:截去最近约两个检查点间隔(默认约 2.5 分钟)的记录,或截回到某个正常关闭的检查点(该实例其后又曾重启),"
            "无法从记录本身发现;在网关主机上加 --spool 可与其审计缓存比对(docs/audit-chain.md §4)。\n"
            "  note: cutting off about the last two checkpoint intervals (about 2.5 minutes by default), or cutting back to"
            " a final checkpoint of an instance that was restarted later, cannot be detected from the trail itself;"
            " on the gateway host, --spool holds it against the spool (docs/audit-chain.md §4)."
        )
    elif report.instances:
        out.append(
            "链尾已与网关主机的审计缓存比对:记录包含其已送达的最新事件之前的全部记录。\n"
            "  the chain ends were held against the gateway host's spool: the trail holds everything up to what it shipped."
        )
    if not report.signatures_checked:
        out.append("注意:未校验检查点签名 / note: checkpoint signatures were not checked")
    out.append("")
    for f in report.findings:
        out.append(f"[{KINDS_ZH[f.kind]} {f.kind}] {f.message_zh}\n  {f.message}")
    if _nothing_checked(report):
        out.append(
            "结论:未校验,该索引与时间范围内没有审计记录(索引前缀或时间范围是否有误?)。"
            "/ Result: nothing checked, no audit entries in this index and range (wrong prefix or range?)."
        )
    elif report.clean:
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
    public_keys: Annotated[
        list[Path] | None,
        typer.Option(
            "--public-key",
            help="Checkpoint public key (PEM); repeat it for the keys of a rotation. Default: keys.dir's"
            " audit-signing.pub.pem and the retired audit-signing.retired-*.pub.pem.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    spool: Annotated[
        Path | None,
        typer.Option(
            "--spool",
            help="The gateway host's spool directory (audit.spool_dir): the trail must reach what it shipped.",
        ),
    ] = None,
) -> None:
    """Check the trail in OpenSearch against its hash chains and signed checkpoints.

    Reports deleted, altered, reordered and inserted events. Exit 0 clean, 1 findings, 2 cannot
    check (also when the index and range hold no audit entries at all). With --spool, run on the
    gateway host, also a chain cut back or rewritten after what the spool shipped.
    """
    from opensearchpy.exceptions import OpenSearchException

    from audit.anchor import AnchorError, check_anchors, read_shipped
    from audit.chain import key_id, load_public_key, verifying_keys
    from audit.verify import verify_trail

    start, end = parse_time(from_), parse_time(to)
    if spool is not None and end is not None:
        fail("--spool 只能与截至当前的检查同用 / --spool checks the trail up to now: not with --to")
    anchors = []
    if spool is not None:
        try:
            anchors = [a for a in read_shipped(spool) if instance is None or a.instance == instance]
        except (AnchorError, OSError, ValueError) as exc:
            fail(f"无法读取审计缓存 / cannot read the spool: {exc}")
    # Where each chain ends is judged against the end of the range, or now: a running gateway
    # has signed a checkpoint within the last two intervals.
    now = datetime.now(UTC)
    judged_end = min(end, now) if end is not None else now
    settings = settings_or_fail(config)
    try:
        if public_keys:
            keys = [load_public_key(path) for path in public_keys]
            source = ", ".join(str(path) for path in public_keys)
        else:
            keys = verifying_keys(settings.keys.dir)
            source = f"{settings.keys.dir}: audit-signing.pub.pem, audit-signing.retired-*.pub.pem"
    except (OSError, ValueError) as exc:
        fail(f"无法读取签名公钥 / cannot read the checkpoint public key: {exc}")
    key_ids = [key_id(key) for key in keys]
    prefix = settings.opensearch.index_prefix
    client = opensearch_client(settings.opensearch)
    try:
        report = verify_trail(read_trail(client, prefix, start, end, instance), keys, judged_end)
        report.findings += check_anchors(client, prefix, anchors)
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
            "key_id": key_ids[0],
            "key_ids": key_ids,
            "spool": str(spool) if spool is not None else None,
            "anchors": [{"instance": a.instance, "seq": a.seq, "hash": a.hash} for a in anchors],
        }
        checked = {"checked": not _nothing_checked(report)}
        typer.echo(json.dumps({**meta, **checked, **report.to_json()}, ensure_ascii=False, indent=2))
    else:
        header = [
            f"索引 index: {prefix}-*  时间 range: {span[0]} – {span[1]}"
            + (f"  实例 instance: {instance}" if instance else ""),
            f"签名公钥 checkpoint keys: {', '.join(key_ids)} ({source})",
            f"链尾判断时间 chain ends judged against: {report.ends_judged_at}",
        ]
        if spool is not None:
            shipped = ", ".join(f"{a.instance} #{a.seq}" for a in anchors) or "无 none"
            header.append(f"网关主机审计缓存 spool anchors ({spool}): {shipped}")
        typer.echo(render(report, header, frozenset(a.instance for a in anchors)))
    raise typer.Exit(2 if _nothing_checked(report) else 0 if report.clean else 1)


def _nothing_checked(report: Report) -> bool:
    """No chain at all: a misspelt prefix or an empty range must not read as a clean trail."""
    return not report.instances and not report.findings


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
    lifecycle: Annotated[
        bool,
        typer.Option(
            "--lifecycle", help="The gateway's starts and stops instead of accesses (an interrupted audit process)."
        ),
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    limit: Annotated[int, typer.Option(min=1, max=100_000)] = 1000,
) -> None:
    """Review the trail: who accessed a person, what a user accessed, denials, clear-text accesses;
    with --lifecycle, the gateway's starts and stops."""
    from audit.search import COLUMNS, LIFECYCLE_COLUMNS, Query, SearchError, render, search
    from policies.keys import KeyFileError, Pseudonymizer

    settings = settings_or_fail(config)
    start, end = parse_time(from_), parse_time(to)  # refused here, not by OpenSearch
    query = Query(
        start=start.isoformat() if start else None,
        end=end.isoformat() if end else None,
        person_id_number=person,
        user=user,
        region=region,
        denied=denied,
        clear_text=clear,
        kind="lifecycle" if lifecycle else "event",
    )
    if lifecycle and (person or user or region or denied or clear):
        # Starts and stops name no caller, person or region: such a filter would find nothing.
        fail("--lifecycle 只能与 --from/--to 同用 / --lifecycle takes only --from and --to")
    client = opensearch_client(settings.opensearch)
    try:
        # The key only turns a typed ID number into the token events carry: other searches
        # run wherever the trail can be read (an auditor's workstation holds no gateway keys).
        pseudonymizer = Pseudonymizer.from_dir(settings.keys.dir, generate=False) if person is not None else None
        events = list(search(client, settings.opensearch.index_prefix, query, pseudonymizer, limit))
        typer.echo(render(events, fmt, LIFECYCLE_COLUMNS if lifecycle else COLUMNS))
    except (SearchError, KeyFileError, OSError) as exc:
        fail(str(exc))
    finally:
        client.close()

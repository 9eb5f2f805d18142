"""`minguard audit …`: checks on the audit trail in OpenSearch, for assessors (测评) and the
audit administrator (审计管理员). See docs/audit-chain.md.

Exit codes of `verify`: 0 clean, 1 something was found, 2 the trail could not be checked
(config, key, OpenSearch unreachable).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from audit.trail import read_trail

from .cli_common import fail, opensearch_client, parse_time, settings_or_fail

if TYPE_CHECKING:
    from audit.findings import Report

audit_app = typer.Typer(help="The audit trail: tamper evidence (审计记录完整性).", no_args_is_help=True)


def render(report: Report, header: list[str], anchored: frozenset[str] = frozenset()) -> str:
    """The report for a terminal; ``anchored``: the instances whose chain end was held against
    the gateway host's spool (`--spool`), for which a cut-off end is no longer undetectable."""
    from audit.findings import KINDS_ZH

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
    from audit.signing import key_id, load_public_key, verifying_keys
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

"""`minguard report mlps`: the 等保 2.0 (GB/T 22239-2019 第三级) compliance report as HTML, PDF
or JSON (docs/report-mlps.md). Run with a read-only OpenSearch account (minguard_auditor).

Exit codes: 0 written, 2 the report could not be made (config, OpenSearch, metrics).
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Annotated

import typer

from .cli_common import fail, opensearch_client, parse_time, settings_or_fail

report_app = typer.Typer(help="Compliance reports (合规报告).", no_args_is_help=True)
FORMATS = ("html", "pdf", "json")


def _format(out: Path, fmt: str | None) -> str:
    chosen = (fmt or out.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise typer.BadParameter(f"format {chosen!r}: use --format html, pdf or json (or an .html/.pdf/.json file)")
    return chosen


def _counted(metrics_url: str | None, requests: int | None) -> int | None:
    if requests is not None or metrics_url is None:
        return requests
    from compliance.evidence import requests_from_metrics

    with urllib.request.urlopen(metrics_url, timeout=10) as answer:
        return requests_from_metrics(answer.read().decode("utf-8"))


@report_app.command("mlps")
def mlps(
    from_: Annotated[str, typer.Option("--from", help="Start, ISO 8601 (no offset = UTC).")],
    to: Annotated[str, typer.Option("--to", help="End, ISO 8601 (no offset = UTC).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file (.html, .pdf or .json).")],
    fmt: Annotated[str | None, typer.Option("--format", help="html, pdf or json; default: the file's suffix.")] = None,
    config: Annotated[Path | None, typer.Option("--config", "-c", help="The gateway's YAML config file.")] = None,
    metrics_url: Annotated[
        str | None,
        typer.Option("--metrics-url", help="Gateway metrics (…/_minguard/metrics) to compare requests with events."),
    ] = None,
    requests: Annotated[
        int | None, typer.Option("--requests", min=0, help="Requests the gateway counted in the period.")
    ] = None,
) -> None:
    """等保第三级合规证据报告:每个控制项的要求、自动采集的证据和结论(符合/部分符合/不符合)。"""
    from opensearchpy.exceptions import OpenSearchException

    from compliance.mlps import collect
    from compliance.render import to_html, to_json, to_pdf

    chosen = _format(out, fmt)
    start, end = parse_time(from_), parse_time(to)
    if start is None or end is None:
        raise typer.BadParameter("--from and --to are required")
    settings = settings_or_fail(config)
    try:
        counted = _counted(metrics_url, requests)
    except OSError as exc:
        fail(f"无法读取网关计数器 / cannot read the gateway metrics: {exc}")
    client = opensearch_client(settings.opensearch)
    try:
        report = collect(settings, client, start, end, requests_counted=counted)
    except (OpenSearchException, OSError, ValueError) as exc:
        fail(f"无法生成报告 / cannot make the report: {exc}")
    finally:
        client.close()
    if chosen == "pdf":
        out.write_bytes(to_pdf(report))
    elif chosen == "html":
        out.write_text(to_html(report), encoding="utf-8")
    else:
        out.write_text(json.dumps(to_json(report), ensure_ascii=False, indent=2), encoding="utf-8")
    counts = report.counts()
    if report.notice_zh:
        typer.echo(report.notice_zh)
    typer.echo(
        f"已写入 written: {out}  总体结论 overall: {report.verdict}  "
        f"(符合 {counts['符合']} / 部分符合 {counts['部分符合']} / 无法判定 {counts['无法判定']} / 不符合 {counts['不符合']})"
    )

"""What every `minguard` command group shares: failing with exit code 2, reading the config and
times, the OpenSearch client."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from .settings import ConfigError, OpenSearchSettings, Settings, load_settings

if TYPE_CHECKING:
    from opensearchpy import OpenSearch


def fail(message: str) -> NoReturn:
    """The message on stderr and exit code 2: the command could not do its work."""
    typer.echo(message, err=True)
    raise typer.Exit(2)


def settings_or_fail(config: Path | None) -> Settings:
    try:
        return load_settings(config)
    except ConfigError as exc:
        fail(f"配置文件无法使用 / {exc}")  # zh-CN first: assessors and officers run these commands


def parse_time(text: str | None) -> datetime | None:
    """ISO 8601; a time without an offset is taken as UTC (write +08:00 for Beijing time)."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"not an ISO 8601 time: {text!r} (e.g. 2026-11-01T00:00:00+08:00)") from None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def opensearch_client(settings: OpenSearchSettings) -> OpenSearch:
    # Imported here: `minguard --help` and the commands without OpenSearch start faster.
    from audit.opensearch import make_sync_client

    return make_sync_client(settings)

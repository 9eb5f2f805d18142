"""Structured logs for `minguard run`: one JSON object per line on stderr (stdlib logging).

The audit trail, not this log, records who saw what: the gateway's own messages name request
ids, instances and counts, never a body, a header value or a query string. Two guards keep it
so when a message or a library does not:

- exceptions are written as their type and stack frames only; an exception's text can quote
  the data that broke it (a KeyError with a value, a parser error with a snippet);
- runs of 11-19 digits (mobile, bank card, resident ID numbers) and OpenSearch's
  "Preview of field's value" are replaced before the line is written.

uvicorn's access log is switched off: it would write every path and query string, and the
audit trail already has each request, redacted.
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

# Set by the proxy for the task that runs one exchange; logging calls in that task inherit it.
REQUEST_ID: ContextVar[str | None] = ContextVar("minguard_request_id", default=None)

_DIGIT_RUN = re.compile(r"(?<![0-9A-Za-z])\d{11,19}[0-9Xx]?(?![0-9A-Za-z])")
_PREVIEW = re.compile(r"(Preview of field's value: )'.*?'(?=[\]\s,}\"]|$)", re.DOTALL)
REDACTED = "[已脱敏]"


def scrub(text: str) -> str:
    return _DIGIT_RUN.sub(REDACTED, _PREVIEW.sub(r"\1" + REDACTED, text))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "@timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
            "process": record.process,
        }
        request_id = getattr(record, "request_id", None) or REQUEST_ID.get()
        if request_id:
            entry["request_id"] = request_id
        if record.exc_info and record.exc_info[0] is not None:
            kind, _, tb = record.exc_info
            entry["error"] = {
                "type": kind.__name__,
                "stack": [f"{f.filename}:{f.lineno} {f.name}" for f in traceback.extract_tb(tb)],
            }
        return json.dumps(entry, ensure_ascii=False)


def log_config(level: str = "INFO") -> dict[str, Any]:
    """A logging.dictConfig for uvicorn (`log_config=`); each worker process applies it."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    quiet = {"handlers": ["json"], "level": "WARNING", "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "gateway.logs.JsonFormatter"}},
        "handlers": {"json": handler},
        "root": {"handlers": ["json"], "level": level},
        "loggers": {
            "uvicorn": {"handlers": ["json"], "level": level, "propagate": False},
            "uvicorn.error": {"handlers": ["json"], "level": level, "propagate": False},
            "uvicorn.access": {**quiet, "level": "CRITICAL"},
            "opensearch": quiet,  # logs every request URL at INFO
            "casbin": quiet,  # the whole policy at start, each enforce call's request at INFO
            "aiohttp.access": {**quiet, "level": "CRITICAL"},
        },
    }

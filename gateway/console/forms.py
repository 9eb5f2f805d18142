"""The console's form bodies, read within the proxy's limits before anything else looks at them.

Starlette's `request.form()` reads a whole body before the route can tell who is asking: up to
1000 fields of 1 MiB each, and multipart files of any size spooled to disk. The login form is
posted without a session, so that would let anyone make the gateway hold a gigabyte per request.
Here the body is read no further than server.max_request_bytes (and the headers measured against
server.max_header_bytes), as for proxied requests and the management endpoints; a refusal is
audited by the caller like any other console refusal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from fastapi import Request

from ..bodies import bounded_body
from ..exchange import Exchange, Failure
from ..settings import ServerSettings

URLENCODED = "application/x-www-form-urlencoded"


@dataclass(frozen=True, slots=True)
class Form:
    fields: dict[str, str] = field(default_factory=dict)
    refusal: Failure | None = None  # the body was not read: too large, or the client went away


def _parse(request: Request, body: bytes) -> dict[str, str]:
    """The fields of an urlencoded body (what every console form sends); any other type holds
    no fields, as with Starlette. A repeated name keeps its last value, as Starlette's does."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != URLENCODED:
        return {}
    return dict(parse_qsl(body.decode("latin-1"), keep_blank_values=True, encoding="utf-8", errors="replace"))


async def _read(request: Request, server: ServerSettings) -> Form:
    body = await bounded_body(request, server)
    return Form(refusal=body) if isinstance(body, Failure) else Form(_parse(request, body))


async def read_form(request: Request, server: ServerSettings) -> Form:
    """The request's form, read once: a route may look at a field (which alert, which region)
    before the guard reads the same form for the session's action."""
    known = getattr(request.state, "console_form", None)
    if isinstance(known, Form):
        return known
    form = await _read(request, server)
    request.state.console_form = form
    return form


def refused(ex: Exchange, form: Form) -> bool:
    """Put the form's refusal (if any) on the exchange, to be audited."""
    if form.refusal is None:
        return False
    r = form.refusal
    ex.fail(r.status, r.code, r.message, r.message_zh)
    return True

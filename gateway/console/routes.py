"""The console's pages under `<admin prefix>/console/`.

Empty forms and the stylesheet show no audit data and are not audited (like the probes); every
action that reads or changes something — login, search, a person's history, a user's
activity, the gateway's starts and stops, the alert queue, acknowledging or closing an alert,
the report, logout — is one audited exchange (route `console.<action>`), allowed or refused.
The search form's filters are filters.py; the alert queue's pages alert_pages.py.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse
from fastapi.responses import Response as HttpResponse

from audit.search import Query
from classifiers.entities import resident_id
from classifiers.levels import DataLevel

from ..exchange import Exchange, Response
from . import alert_pages
from .audited import html, new_exchange, page
from .filters import REGION, USER, form_time, narrow, recorded
from .forms import read_form, refused
from .guard import Guard, field, nothing
from .pages import Pages
from .reading import TOKEN, Reader, shown_time
from .session import LOGIN_COOKIE, LOGIN_LIFETIME_SECONDS, Session

if TYPE_CHECKING:
    from ..app import Gateway


def mount(admin: FastAPI, gateway: Gateway, prefix: str, reader: Reader) -> None:
    pages = Pages(prefix)
    base = pages.base
    g = Guard(gateway, pages, reader)
    signer, runner = g.signer, g.runner

    def table(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{**e, "shown_time": shown_time(str(e.get("@timestamp", "")))} for e in events]

    @admin.get(f"{base}/static/console.css", include_in_schema=False)
    async def css() -> HttpResponse:
        headers = {"cache-control": "max-age=3600", "x-content-type-options": "nosniff"}
        return HttpResponse(pages.css, media_type="text/css", headers=headers)

    @admin.get(f"{base}/", include_in_schema=False)
    async def root(request: Request) -> HttpResponse:
        # Any cookie goes on to the search form, which judges it (and audits a bad one).
        return RedirectResponse(f"{base}/search" if g.current(request) is not None else f"{base}/login", 303)

    @admin.get(f"{base}/login", include_in_schema=False)
    async def login_form(request: Request) -> HttpResponse:
        nonce, token = signer.login_nonce()
        response = page(pages.render("login.html", csrf=token))
        name, value = g.cookie(request, nonce, LOGIN_LIFETIME_SECONDS, LOGIN_COOKIE)
        response.headers.append(name.decode("latin-1"), value.decode("latin-1"))
        return response

    @admin.post(f"{base}/login", include_in_schema=False)
    async def login(request: Request) -> HttpResponse:
        """The credential goes through the gateway's identity stage, then the policy decides."""
        ex = new_exchange(request)
        form = await read_form(request, gateway.settings.server)
        if refused(ex, form):  # too large: refused before the credential or the token is read
            return await runner.run(ex, "console.login", "login", None, nothing)
        credential = field(form.fields, "credential")
        if not signer.login_ok(g.cookie_value(request, LOGIN_COOKIE), field(form.fields, "csrf")):
            # Not from our own login form (or that form is older than its cookie): refused and
            # audited before the credential is even looked at.
            ex.fail(403, "csrf_invalid", "the login form's token does not match", "登录表单校验失败,请刷新页面后重试")
            return await runner.run(ex, "console.login", "login", None, nothing)
        raw = credential.encode("utf-8")
        # A JWT is three base64url parts; anything else is taken as an API key.
        header = (b"authorization", b"Bearer " + raw) if credential.count(".") == 2 else (b"x-api-key", raw)
        ex.request.headers = [header] if raw else []
        await gateway.identify(ex)
        ex.request.headers = []

        async def work(ex: Exchange) -> None:
            if ex.principal is None:
                raise RuntimeError("identified exchange without a principal")
            _, value = signer.issue(ex.principal)
            g.redirect(
                ex, "search", [g.cookie(request, value, signer.lifetime), g.cookie(request, "", 0, LOGIN_COOKIE)]
            )

        return await runner.run(ex, "console.login", "login", None, work)

    @admin.post(f"{base}/logout", include_in_schema=False)
    async def logout(request: Request) -> HttpResponse:
        async def work(ex: Exchange, session: Session, form: Any) -> None:
            # Ended on the server too: a copy of the cookie (a shared machine, a proxy log)
            # must not outlive the logout by up to 15 minutes.
            await reader.end_session(session.sid, session.expires)
            g.redirect(ex, "login", [g.cookie(request, "", 0)])

        return await g.guarded(request, "console.logout", "logout", work, csrf=True)

    @admin.get(f"{base}/search", include_in_schema=False)
    async def search_form(request: Request) -> HttpResponse:
        return await g.form_page(
            request,
            "console.search_form",
            lambda state: g.page(state, "search.html", form={}, levels=list(DataLevel), events=None, title=""),
        )

    @admin.post(f"{base}/search", include_in_schema=False)
    async def search(request: Request) -> HttpResponse:
        region = field((await read_form(request, gateway.settings.server)).fields, "region")

        async def work(ex: Exchange, session: Session, form: Any) -> None:
            values = {k: field(form, k) for k in ("user", "region", "start", "end", "level", "decision")}
            query = Query()
            accepted: dict[str, str | None] = {}
            try:
                for name, value in values.items():
                    if value:
                        accepted[name] = narrow(query, name, value)
                number = field(form, "id_number")
                if number:
                    token = person_token(number)
                    query.extra.append({"term": {"minguard.data.person_tokens": token}})
                    ex.person_tokens = (token,)
            except ValueError as exc:
                ex.console = {"filters": recorded(values, accepted)}
                ex.fail(400, "bad_query", "invalid search form", f"检索条件有误:{exc}")
                return
            ex.console = {"filters": recorded(values, accepted) + (["person=token"] if ex.person_tokens else [])}
            events = await reader.events(query)  # the form shown again never holds the ID number
            html(
                ex,
                g.page(
                    session, "search.html", form=values, levels=list(DataLevel), events=table(events), title="检索结果"
                ),
            )

        target = region if REGION.match(region) else ""
        return await g.guarded(request, "console.query", "query", work, csrf=True, target=target)

    def person_token(number: str) -> str:
        canonical = resident_id.canonical(number)
        if resident_id.validate(canonical) is not True:
            raise ValueError("身份证号码校验失败")
        return reader.pseudonymizer.token(canonical)

    @admin.get(f"{base}/person", include_in_schema=False)
    async def person_form(request: Request) -> HttpResponse:
        return await g.form_page(
            request, "console.person_form", lambda state: g.page(state, "person.html", events=None)
        )

    @admin.post(f"{base}/person", include_in_schema=False)
    async def person(request: Request) -> HttpResponse:
        """By ID number typed in the form, or by a token (links from the alert queue)."""

        async def work(ex: Exchange, session: Session, form: Any) -> None:
            token = field(form, "token")
            try:
                token = token or person_token(field(form, "id_number"))
                if not TOKEN.match(token):
                    raise ValueError("人员令牌格式错误")
            except ValueError as exc:
                ex.fail(400, "bad_query", "invalid person", f"检索条件有误:{exc}")
                return
            ex.person_tokens = (token,)
            events = await reader.events(Query(extra=[{"term": {"minguard.data.person_tokens": token}}]))
            html(ex, g.page(session, "person.html", events=table(events), token=token))

        return await g.guarded(request, "console.person_history", "person_history", work, csrf=True)

    # :path, since the server decodes %2F before routing: "org%2Fzhangwei" arrives as two segments.
    @admin.get(f"{base}/user/{{user_id:path}}", include_in_schema=False)
    async def user(request: Request, user_id: str) -> HttpResponse:
        async def work(ex: Exchange, session: Session, form: Any) -> None:
            if not USER.match(user_id):
                ex.fail(400, "bad_query", "invalid user id", "用户标识格式错误")
                return
            ex.console = {"filters": [f"user={user_id}"]}
            events = await reader.events(Query(user=user_id))
            html(ex, g.page(session, "user.html", events=table(events), subject=user_id))

        return await g.guarded(request, "console.user_activity", "user_activity", work, csrf=False)

    @admin.get(f"{base}/gateway", include_in_schema=False)
    async def process_log(request: Request) -> HttpResponse:
        """The gateway's starts and stops: a start whose previous run left no stop entry says the
        audit process was interrupted (GB/T 22239 8.1.4.3 d), one with changed settings names them."""

        async def work(ex: Exchange, session: Session, form: Any) -> None:
            entries = await reader.events(Query(kind="lifecycle"))
            html(ex, g.page(session, "gateway.html", entries=table(entries)))

        return await g.guarded(request, "console.process_log", "process_log", work, csrf=False)

    alert_pages.mount(admin, g, base, reader)

    @admin.get(f"{base}/report", include_in_schema=False)
    async def report_form(request: Request) -> HttpResponse:
        return await g.form_page(request, "console.report_form", lambda state: g.page(state, "report.html"))

    @admin.post(f"{base}/report", include_in_schema=False)
    async def report(request: Request) -> HttpResponse:
        """The 等保 report over a period, as a download (compliance.mlps, docs/report-mlps.md)."""

        async def work(ex: Exchange, session: Session, form: Any) -> None:
            fmt = field(form, "format") or "html"
            values = {"from": field(form, "start"), "to": field(form, "end"), "format": fmt}
            start, end = form_time(values["from"]), form_time(values["to"])
            accepted = {"from": start, "to": end, "format": fmt if fmt in REPORT_TYPES else None}
            ex.console = {"filters": recorded(values, accepted)}
            try:
                if start is None or end is None or fmt not in REPORT_TYPES:
                    raise ValueError("请填写起止时间并选择格式")
                body = await reader.report(
                    gateway.settings, datetime.fromisoformat(start), datetime.fromisoformat(end), fmt
                )
            except ValueError as exc:
                ex.fail(400, "bad_query", "invalid report period", f"报告参数有误:{exc}")
                return
            name = f"mlps-{values['from'][:10]}-{values['to'][:10]}.{fmt}".encode("latin-1")
            headers = [
                (b"content-type", REPORT_TYPES[fmt].encode("latin-1")),
                (b"content-disposition", b'attachment; filename="' + name + b'"'),
                (b"cache-control", b"no-store"),
                (b"x-content-type-options", b"nosniff"),
            ]
            ex.response = Response(200, headers, body)

        return await g.guarded(request, "console.report", "report", work, csrf=True)


REPORT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "json": "application/json; charset=utf-8",
}

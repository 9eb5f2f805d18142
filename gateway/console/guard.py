"""What every console action needs around its work: the session cookie read, checked and
set; an audited refusal for a bad one (forged, expired, ended by logout); the CSRF check;
and the page rendered for the session's officer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import RedirectResponse
from fastapi.responses import Response as HttpResponse
from opensearchpy.exceptions import OpenSearchException

from policies.routes import RouteMatch

from ..exchange import Exchange
from .audited import RESOURCE, Runner, html, new_exchange, page
from .forms import Form, read_form, refused
from .pages import Pages
from .reading import Reader
from .session import COOKIE, HOST_PREFIX, Session, SessionError, SessionSigner

if TYPE_CHECKING:
    from ..app import Gateway


LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def field(form: Any, name: str) -> str:
    """A form field, stripped; "" when absent or not text."""
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def secure_cookie(request: Request) -> bool:
    """Whether the console's cookies get `Secure`. The gateway listens on plain HTTP behind a TLS
    terminator (docs/config.md, no trusted-proxy setting), so the scheme it sees is "http" even
    when the officer's browser used https: judged by the scheme alone, the session cookie was
    never Secure in production. Only a browser talking to this machine itself (development,
    kubectl port-forward) is taken to be on plain HTTP."""
    return request.url.scheme == "https" or request.url.hostname not in LOOPBACK_HOSTS


async def nothing(ex: Exchange) -> None:
    """The work of an action refused before it starts."""


class Guard:
    def __init__(self, gateway: Gateway, pages: Pages, reader: Reader) -> None:
        keys = gateway.settings.keys
        self.pages = pages
        self.base = pages.base
        self.signer = SessionSigner.from_dir(keys.dir, keys.generate_missing)
        self.reader = reader
        self.runner = Runner(gateway, pages)
        self.server = gateway.settings.server

    def cookie(self, request: Request, value: str, max_age: int, name: str = COOKIE) -> tuple[bytes, bytes]:
        # A __Host- cookie must be Secure with Path=/: on plain HTTP (a browser on this
        # machine) the cookie keeps its bare name and the console's path.
        if secure_cookie(request):
            text = f"{HOST_PREFIX}{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Strict; Secure"
        else:
            text = f"{name}={value}; Path={self.base}; Max-Age={max_age}; HttpOnly; SameSite=Strict"
        return b"set-cookie", text.encode("latin-1")

    @staticmethod
    def cookie_value(request: Request, name: str = COOKIE) -> str:
        """The value of one of the console's cookies, under the name it is set with for this
        request (over HTTPS only the __Host- one: a bare one may come from a sibling host)."""
        return request.cookies.get(HOST_PREFIX + name if secure_cookie(request) else name, "")

    def redirect(self, ex: Exchange, to: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
        html(ex, "", 303, [(b"location", f"{self.base}/{to}".encode("latin-1")), *(extra or [])])

    def current(self, request: Request) -> Session | SessionError | None:
        value = self.cookie_value(request)
        if not value:
            return None
        try:
            return self.signer.decode(value)
        except SessionError as exc:
            return exc

    async def still_open(self, session: Session) -> Session | SessionError:
        """The session, unless a logout ended it; fail closed when that cannot be checked."""
        try:
            ended = await self.reader.session_ended(session.sid)
        except (OpenSearchException, OSError):
            return SessionError("session_unverifiable", "暂时无法核验会话状态,请稍后重试")
        return SessionError("session_ended", "会话已退出,请重新登录") if ended else session

    async def form_page(self, request: Request, name: str, render: Callable[[Session], str]) -> HttpResponse:
        """A page without audit data (an empty form), `render(session)`: not audited when the
        session is good; no cookie goes to login; a cookie that is forged, expired or ended
        by logout is an audited refusal, as for every action (someone tried), so a copy of the
        cookie kept after logout does not get the officer's pages (with a CSRF token) back."""
        state = self.current(request)
        if state is None:
            return RedirectResponse(f"{self.base}/login", 303)
        if isinstance(state, Session):
            state = await self.still_open(state)
        if isinstance(state, Session):
            return page(render(state))
        return await self._refuse_session(request, self.exchange(request, name, "view", ""), name, "view", state)

    async def _refuse_session(
        self, request: Request, ex: Exchange, name: str, action: str, error: SessionError
    ) -> HttpResponse:
        ex.fail(401, error.code, f"console session refused: {error.code}", error.message_zh)
        response = await self.runner.run(ex, name, action, None, nothing)
        response.headers.append(*[v.decode("latin-1") for v in self.cookie(request, "", 0)])
        return response

    async def guarded(
        self, request: Request, name: str, action: str, work: Any, csrf: bool, target: str = ""
    ) -> HttpResponse:
        """An action needing a session; `work(ex, session, form)`. A cookie that is forged,
        expired or ended is an audited refusal (someone tried); no cookie just goes to login."""
        state = self.current(request)
        form = await read_form(request, self.server)
        if form.refusal is not None:
            return await self.refuse_form(self.exchange(request, name, action, target), name, action, state, form)
        if state is None:
            return RedirectResponse(f"{self.base}/login", 303)
        if isinstance(state, Session):
            state = await self.still_open(state)
        ex = self.exchange(request, name, action, target)
        if isinstance(state, SessionError):
            return await self._refuse_session(request, ex, name, action, state)
        session = state
        if csrf and not self.signer.csrf_ok(session, field(form.fields, "csrf")):
            ex.fail(
                403, "csrf_invalid", "the form's CSRF token does not match the session", "表单校验失败,请刷新页面后重试"
            )

        async def bound(ex: Exchange) -> None:
            await work(ex, session, form.fields)

        return await self.runner.run(ex, name, action, session.principal, bound, session.principal.subject)

    def exchange(self, request: Request, name: str, action: str, target: str) -> Exchange:
        ex = new_exchange(request)
        ex.route = RouteMatch(name, RESOURCE, action, {"region": target} if target else {}, ex.request.raw_path)
        return ex

    async def refuse_form(
        self, ex: Exchange, name: str, action: str, state: Session | SessionError | None, form: Form
    ) -> HttpResponse:
        """A body too large (or headers): refused and audited, with whoever the cookie names if
        it names anyone, before the session is looked up or the CSRF token read."""
        refused(ex, form)
        principal = state.principal if isinstance(state, Session) else None
        return await self.runner.run(ex, name, action, principal, nothing, principal.subject if principal else "")

    def page(self, session: Session, template: str, **values: Any) -> str:
        return self.pages.render(template, user=session.principal.subject, csrf=self.signer.csrf(session), **values)

"""The alert queue (告警处置): its tabs, and acknowledging or closing an alert."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response as HttpResponse

from audit.detection.alerts import ALERT_ID, OPERATIONS, STATE_ZH, AlertError

from ..exchange import Exchange
from .audited import html
from .filters import UNCHECKED, recorded
from .forms import read_form
from .guard import Guard, field
from .reading import Reader, shown_time
from .session import Session

OPEN_STATES = ("new", "acknowledged")  # the 待处置 tab: everything not closed


def queue_states(state: str) -> tuple[str, ...] | None:
    """The alert states a tab of the queue shows (None: all), asked of OpenSearch: the page holds
    the newest LIMIT alerts of these states, so none is hidden behind newer ones of other states."""
    if state == "open":
        return OPEN_STATES
    return (state,) if state in STATE_ZH else None


def mount(admin: FastAPI, g: Guard, base: str, reader: Reader) -> None:

    @admin.get(f"{base}/alerts", include_in_schema=False)
    async def alerts(request: Request) -> HttpResponse:
        state = request.query_params.get("state", "open")

        async def work(ex: Exchange, session: Session, form: Any) -> None:
            found = await reader.alerts(queue_states(state))
            known = state in STATE_ZH or state in ("open", "all")
            ex.console = {"filters": recorded({"state": state}, {"state": state if known else None})}
            for alert in found:
                alert["shown_time"] = shown_time(str(alert.get("window", {}).get("start", "")))
            html(ex, g.page(session, "alerts.html", alerts=found, state=state, states=STATE_ZH))

        return await g.guarded(request, "console.alert_list", "alert_list", work, csrf=False)

    @admin.post(f"{base}/alerts/{{alert_id}}", include_in_schema=False)
    async def alert_action(request: Request, alert_id: str) -> HttpResponse:
        op = field((await read_form(request, g.server)).fields, "op")
        op = op if op in OPERATIONS else "close"  # an unknown op is refused below, as a close

        async def work(ex: Exchange, session: Session, form: Any) -> None:
            comment = field(form, "comment")[:2000] or None
            state = OPERATIONS.get(field(form, "op"))
            known = bool(ALERT_ID.match(alert_id))
            # The id comes from the URL: one that is not an alert id could be anything an officer
            # pasted there (an ID number), so like a filter it is recorded only once it passed.
            recorded = alert_id if known else UNCHECKED
            ex.console = {"alert_id": recorded, "alert_state": state or "", "comment": comment or ""}
            if state is None or not known:
                ex.fail(400, "bad_request", "unknown alert or operation", "告警编号或操作无效")
                return
            try:
                await reader.transition(alert_id, state, session.principal.user_id, comment)
            except AlertError as exc:
                zh = (
                    "关闭告警须填写处置意见"
                    if state == "closed" and not comment
                    else "告警状态已变化或不存在,请刷新后重试"
                )
                ex.fail(409, "alert_transition", str(exc), zh)
                return
            g.redirect(ex, "alerts")

        return await g.guarded(request, f"console.alert_{op}", f"alert_{op}", work, csrf=True)

"""The search form's filters: each value checked before it narrows the query, and recorded in the
event (`minguard.console.filters`) only once it passed its check."""

from __future__ import annotations

import re

from audit.search import ALLOWED, Query
from classifiers.levels import DataLevel

from .reading import local_time

# A user id is whatever the trail holds as user.id: a token's subject may be "org/zhangwei"
# (its link encodes it as %2F), a Chinese name, or an identity provider's "auth0|5f3a" or
# "urn:minzheng:zhangwei". Only control characters (no subject an officer could type or
# follow) and lengths beyond any subject are refused.
USER = re.compile(r"^[^\x00-\x1f\x7f-\x9f]{1,128}$")
REGION = re.compile(r"^[0-9]{2,12}$")
# In `minguard.console.filters`, for a value that did not pass its check: typed by an officer,
# it could be anything, an ID number or a mobile included, so it is not recorded.
UNCHECKED = "[未通过校验,未记录]"


def recorded(typed: dict[str, str], accepted: dict[str, str | None]) -> list[str]:
    """The filters as the event records them, `name=value`: a value only once it passed its
    check (the audit stage redacts even those: a valid user id can be a mobile number)."""
    return [f"{name}={accepted.get(name) or UNCHECKED}" for name, value in typed.items() if value]


def form_time(text: str) -> str | None:
    """A form's time (Beijing) as ISO 8601; None when empty or not a time."""
    try:
        return local_time(text)
    except ValueError:
        return None


def narrow(query: Query, name: str, value: str) -> str | None:
    """Apply one filter of the search form to the query; returns the value as checked, None
    for one without effect. The errors name the field, never the value (they go into the event)."""
    if name == "user":
        if not USER.match(value):
            raise ValueError("用户标识格式错误")
        query.user = value
        return value
    if name == "region":
        if not REGION.match(value):
            raise ValueError("区划代码应为数字")
        query.region = value
        return value
    if name in ("start", "end"):
        moment = form_time(value)
        if moment is None:
            raise ValueError("时间格式错误")
        if name == "start":
            query.start = moment
        else:
            query.end = moment
        return moment
    if name == "level":
        try:
            query.level = DataLevel.parse(value).label
        except ValueError:
            raise ValueError("数据级别应为 general、important 或 core") from None
        return query.level
    if name == "decision":
        if value == "denied":
            query.denied = True
        elif value == "allowed":  # went out: allowed by the policy and refused by no later stage
            query.extra.append({"term": {"event.type": ALLOWED}})
        else:
            return None  # as before: an unknown choice narrows nothing
        return value
    return None

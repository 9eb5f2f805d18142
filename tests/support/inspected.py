"""Bodies through ``Inspector.inspect`` as the leak tests drive it: the strict profile and one that
keeps parts of values, a text as a plain-text body and as a JSON string value."""

from __future__ import annotations

import json

from classifiers.inspect import Inspection, Inspector
from policies.masking import load_profiles

PROFILES = load_profiles()
INSPECTOR = Inspector()
ROLES = ("outsourced", "caseworker")  # the strict profile, and one that keeps parts of values


def out(body: str, media_type: str, role: str) -> str:
    return INSPECTOR.inspect(body.encode(), media_type, "utf-8", PROFILES.for_roles([role])).body.decode()


def inspected_json(doc: object, role: str) -> Inspection:
    """``doc`` as a JSON body (its non-ASCII characters as they are) through the inspector."""
    return INSPECTOR.inspect(
        json.dumps(doc, ensure_ascii=False).encode(), "application/json", "utf-8", PROFILES.for_roles([role])
    )


def as_bodies(text: str) -> list[tuple[str, str]]:
    """``text`` as a plain-text body and as a JSON string value, each with its media type."""
    return [(text, "text/plain"), (json.dumps({"bz": text}, ensure_ascii=False), "application/json")]


def leaks(text: str, secrets: list[str]) -> None:
    """No secret comes out of ``text``, in either body, for either role."""
    for role in ROLES:
        for body, media_type in as_bodies(text):
            masked = out(body, media_type, role)
            for secret in secrets:
                assert secret not in masked, (role, media_type, secret, masked)


def unchanged_json(doc: object) -> None:
    """``doc`` as a JSON body comes out as the same document, for either role."""
    body = json.dumps(doc, ensure_ascii=False)
    for role in ROLES:
        assert json.loads(out(body, "application/json", role)) == doc, role


def unchanged(text: str, *, also_json: bool = True) -> None:
    """``text`` comes out as it went in, as a plain-text body (and as a JSON string value)."""
    for role in ROLES:
        for body, media_type in as_bodies(text)[: 2 if also_json else 1]:
            assert out(body, media_type, role) == body, (role, media_type, text)


def kept_in_both(text: str, value: str) -> None:
    """``value`` comes out of ``text`` in clear, in either body, for either role."""
    for role in ROLES:
        for body, media_type in as_bodies(text):
            assert value in out(body, media_type, role), (role, media_type, text)


def in_clear(text: str, value: str) -> None:
    """``value`` comes out of ``text``, a plain-text body, in clear for every role."""
    for role in ROLES:
        assert value in out(text, "text/plain", role), (role, text)


def body_leaks(body: str, media_type: str, secrets: list[str]) -> None:
    """No secret comes out of ``body`` sent as ``media_type``, for either role."""
    for role in ROLES:
        masked = out(body, media_type, role)
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)


def json_leaks(doc: object, secrets: list[str]) -> None:
    """No secret comes out of ``doc`` as a JSON body, for either role."""
    body = json.dumps(doc, ensure_ascii=False)
    for role in ROLES:
        masked = out(body, "application/json", role)
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)

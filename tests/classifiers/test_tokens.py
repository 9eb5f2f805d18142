"""Text wrapped inside a longer value (classifiers/tokens.py): a JWT's claims and a data URI of
text, in JSON, HTML and a header."""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

import pytest

from classifiers.inspect import Inspector
from policies.masking import load_profiles
from support.synth_people import make_id

INSPECTOR = Inspector()
PROFILES = load_profiles()
CASEWORKER = PROFILES.get("caseworker")
ID = make_id(seq="123")
MASKED_ID = ID[:6] + "********" + ID[-4:]


def _b64url(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _jwt(claims: dict[str, object]) -> str:
    header = _b64url('{"alg":"HS256","typ":"JWT"}')
    return f"{header}.{_b64url(json.dumps(claims, ensure_ascii=False))}.c2lnbmF0dXJlLW9mLXRoZS1pc3N1ZXI"


def _inspect(body: str, media_type: str = "application/json", role: str = "caseworker") -> tuple[str, dict[str, int]]:
    found = INSPECTOR.inspect(body.encode(), media_type, "utf-8", PROFILES.for_roles([role]))
    return found.body.decode(), found.entity_counts


@pytest.mark.parametrize(
    ("body", "media_type"),
    [
        (json.dumps({"token": _jwt({"sfzh": ID, "xm": "张伟"})}), "application/json"),
        (json.dumps({"Set-Cookie": f"token={_jwt({'sfzh': ID, 'xm': '张伟'})}; Path=/; HttpOnly"}), "application/json"),
        (f"Bearer {_jwt({'sfzh': ID, 'xm': '张伟'})}", "text/plain"),
        (f'<input type="hidden" name="t" value="{_jwt({"sfzh": ID, "xm": "张伟"})}">', "text/html"),
    ],
)
def test_a_jwt_whose_claims_name_a_person_is_redacted_whole(body: str, media_type: str) -> None:
    token = _jwt({"sfzh": ID, "xm": "张伟"})
    out, counts = _inspect(body, media_type)
    assert token not in out and token.split(".")[1] not in out
    assert "[已屏蔽]" in out
    assert counts == {"RESIDENT_ID": 1, "PERSON_NAME": 1}


def test_a_jwt_without_a_person_or_for_a_caller_who_sees_all_stays() -> None:
    token = _jwt({"sub": "caseworker-7", "exp": 1893456000, "scope": "read"})
    body = json.dumps({"token": token})
    assert _inspect(body) == (body, {})
    named = json.dumps({"token": _jwt({"sfzh": ID})})
    out, counts = _inspect(named, role="service_payment")  # the clear profile
    assert out == named and counts == {"RESIDENT_ID": 1}


@pytest.mark.parametrize(
    ("uri", "masked"),
    [
        (
            "data:text/plain;base64," + base64.b64encode(f"身份证号 {ID}".encode()).decode(),
            "data:text/plain;base64," + base64.b64encode(f"身份证号 {MASKED_ID}".encode()).decode(),
        ),
        (
            "data:application/json;base64," + base64.b64encode(json.dumps({"xm": "张伟"}).encode()).decode(),
            "data:application/json;base64," + base64.b64encode('{"xm":"张**"}'.encode()).decode(),
        ),
        (
            "data:text/csv;charset=utf-8," + quote(f"姓名,身份证号\n张伟,{ID}\n"),
            "data:text/csv;charset=utf-8," + quote(f"姓名,身份证号\n张**,{MASKED_ID}\n", safe="*"),
        ),
        # A URI's scheme is case-insensitive (RFC 3986): browsers open Data: and DaTa: alike.
        (
            "Data:text/plain;charset=utf-8," + quote("姓名：张伟"),
            "Data:text/plain;charset=utf-8," + quote("姓名：张**", safe="*"),
        ),
        (
            "DaTa:text/plain;base64," + base64.b64encode(f"身份证号 {ID}".encode()).decode(),
            "DaTa:text/plain;base64," + base64.b64encode(f"身份证号 {MASKED_ID}".encode()).decode(),
        ),
    ],
)
def test_a_data_uri_of_text_is_masked_inside(uri: str, masked: str) -> None:
    out, counts = _inspect(json.dumps({"download": uri}))
    assert json.loads(out)["download"] == masked
    assert counts


def test_a_column_of_tokens_is_read() -> None:
    """The column's pre-check would skip a list of records whose tokens carry persons."""
    items = [{"id": i, "token": _jwt({"sfzh": make_id(seq=f"{i:03d}")})} for i in range(3)]
    out, counts = _inspect(json.dumps({"items": items}))
    assert [item["token"] for item in json.loads(out)["items"]] == ["[已屏蔽]"] * 3
    assert counts == {"RESIDENT_ID": 3}


@pytest.mark.pure_python
def test_a_value_is_asked_once_whether_it_is_base64(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run.edits asks whether a value is text in base64; Detections.detected asked it again before
    remembering the value as clean."""
    from classifiers import base64text

    asked: list[str] = []
    decoded = base64text.decoded

    def counting(value: str) -> base64text.Decoded | None:
        asked.append(value)
        return decoded(value)

    monkeypatch.setattr(base64text, "decoded", counting)
    value = "reference-2024-000123-abcdefgh"  # ASCII, long enough, and no base64 of text
    found = Inspector().inspect(json.dumps({"remark": value}).encode(), "application/json", "utf-8", CASEWORKER)
    assert not found.entity_counts
    assert asked.count(value) == 1

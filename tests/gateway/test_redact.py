"""The audit event's redaction of paths, queries and purposes (gateway/stages/redact.py): its
shortcuts must give exactly what running the inspector gives."""

from __future__ import annotations

import base64
import json
import re
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.inspect import Inspection, Inspector
from gateway.stages import redact as redact_module
from gateway.stages.redact import FORM, TEXT, UNREDACTABLE, Redactor
from policies.masking import MaskingProfile, load_profiles

INSPECTOR = Inspector()
STRICT = load_profiles().get("strict")


def inspected(text: str, media_type: str) -> str:
    return INSPECTOR.inspect(text.encode("utf-8"), media_type, "utf-8", STRICT).body.decode("utf-8")


# An ID number as base64's letters: JSON (standard alphabet, padded) and the number alone (URL-safe).
WRAPPED = base64.b64encode(json.dumps({"sfzh": "61090219760101123X"}).encode()).decode()
WRAPPED_URL = base64.urlsafe_b64encode(b"61090219760101123X").decode().rstrip("=")

SENSITIVE = [
    ("/api/v1/persons/61090219760101123X", TEXT),
    ("/api/v1/persons/by-mobile/13912345678", TEXT),
    ("/api/v1/persons/139 1234 5678", TEXT),
    ("/api/v1/persons/6222 0212 3456 7890 128", TEXT),
    ("/api/v1/contact/zhang.wei@example.com", TEXT),
    ("/api/v1/persons/６１０９０２１９７６０１０１１２３Ｘ", TEXT),
    ("低保年审 张三 61090219760101123X", TEXT),
    ("sfzh=61090219760101123X&page=1", FORM),
    ("birthDate=1976-01-01", FORM),
    ("q=%E5%BC%A0%E4%B8%89&mobile=139%201234%205678", FORM),
    (WRAPPED, TEXT),
    (f"/api/v1/persons/{WRAPPED}", TEXT),
    (f"/api/v1/persons/{WRAPPED_URL}/detail", TEXT),
    (f"q={WRAPPED_URL}&page=1", FORM),
]


@pytest.mark.parametrize(("text", "media_type"), SENSITIVE)
def test_sensitive_strings_are_redacted_as_the_inspector_does(text: str, media_type: str) -> None:
    redact = Redactor(INSPECTOR, STRICT)
    expected = inspected(text, media_type)
    assert expected != text  # the cases hold something to redact
    for _ in range(3):  # and stay redacted once seen
        assert redact(text, media_type) == expected


def test_an_id_number_in_base64_is_no_longer_there() -> None:
    """A path or query carrying an ID number in base64 (``/persons/eyJzZnpoIjoi…``): the
    pre-check saw letters only, and the path was no value wholly in base64."""
    redact = Redactor(INSPECTOR, STRICT)
    for text, media_type in SENSITIVE[-4:]:
        redacted = unquote(redact(text, media_type))
        for part in re.split(r"[/?&=]", redacted.rstrip("=")):
            try:
                decoded = base64.b64decode(part.replace("-", "+").replace("_", "/") + "=" * (-len(part) % 4))
            except ValueError:
                continue
            assert b"61090219760101123X" not in decoded, redacted


def test_only_clean_strings_are_remembered() -> None:
    redact = Redactor(INSPECTOR, STRICT, remember=2)
    for text, media_type in SENSITIVE:
        redact(text, media_type)
    assert all(not clean for clean in redact._clean.values())
    for query in ("page=1&size=20", "page=2&size=20", "page=3&size=20"):
        assert redact(query, FORM) == query
    assert len(redact._clean[FORM]) <= 2  # bounded


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("/abcdefgz-_.~%@ 0123456789年张区号：１"), max_size=40),
    st.sampled_from([TEXT, FORM]),
)
def test_any_string_gets_what_the_inspector_gives(text: str, media_type: str) -> None:
    redact = Redactor(INSPECTOR, STRICT)
    assert redact(text, media_type) == redact(text, media_type) == (inspected(text, media_type) if text else text)


def test_a_failing_inspector_lets_nothing_through() -> None:
    class Broken:  # a stand-in: the compiled Inspector (setup.py) cannot be subclassed here
        def inspect(self, body: bytes, media_type: str, charset: str | None, profile: MaskingProfile) -> Inspection:
            raise RuntimeError("boom")

    redact = Redactor(Broken(), STRICT)
    assert redact("/api/v1/persons/61090219760101123X", TEXT) == UNREDACTABLE
    assert redact("page=1", FORM) == UNREDACTABLE


def test_a_path_seen_before_skips_the_pre_check(monkeypatch: pytest.MonkeyPatch) -> None:
    # The pre-check on a path costs ten times the lookup; paths repeat on every request.
    checked: list[str] = []
    real = redact_module.may_hold

    def may_hold(text: str) -> bool:
        checked.append(text)
        return real(text)

    monkeypatch.setattr(redact_module, "may_hold", may_hold)
    redact = Redactor(INSPECTOR, STRICT)
    for _ in range(3):
        assert redact("/api/v1/static/doc4k", TEXT) == "/api/v1/static/doc4k"
    assert checked == ["/api/v1/static/doc4k"]

"""A phone a spreadsheet or a column of doubles wrote as a float, sent as text under a phone key
(``{"lxdh": "1.3800138E10"}``, a CSV cell ``1.3800138E+10``): the key's claim read digits and the
characters that group them only, and the value went out in clear. Read now as the whole number
it stands for (detect.py ``_FLOAT_TEXT``); the JSON number was masked already."""

from __future__ import annotations

import json

import pytest

from support.inspected import ROLES, out

# What the mantissa shows of 13800138000 that the caseworker's mask (138****8000) hides.
HIDDEN = ("800138", "00138")


@pytest.mark.parametrize("value", ["1.3800138E10", "1.3800138e10", "1.3800138E+10", "1.38001380E10"])
@pytest.mark.parametrize("key", ["lxdh", "phone", "联系电话"])
def test_a_phone_written_as_a_float_under_a_phone_key_is_masked(key: str, value: str) -> None:
    for role in ROLES:
        for body, media_type in (
            (json.dumps({"xm": "张伟", key: value}, ensure_ascii=False), "application/json"),
            (f"xm,{key}\n张伟,{value}\n", "text/csv"),
        ):
            masked = out(body, media_type, role)
            assert all(part not in masked for part in HIDDEN), (role, media_type, masked)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("je", "1.3800138E10"),  # an amount: no phone key
        ("lxdh", "1.5E3"),  # 1500: too short for a phone
        ("lxdh", "1.38001385E5"),  # not a whole number
        ("lxdh", "无"),
    ],
)
def test_floats_that_are_no_phone_stay(key: str, value: str) -> None:
    body = json.dumps({key: value}, ensure_ascii=False)
    for role in ROLES:
        assert out(body, "application/json", role) == body, role

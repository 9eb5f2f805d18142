"""Numbers round eight: numbers and addresses that still came out in clear, or half in clear,
checked through ``Inspector.inspect`` for the strict and the caseworker profile, each beside
look-alikes that must stay (docs/classifiers.md, the eighteenth round)."""

from __future__ import annotations

import pytest

from support.inspected import leaks


# 1. An address spaced a character at a time whose house number is two digits: the spaced run
# stopped at the number's first digit, and its last digit and 号 went out (家住 ***2 号).
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("家住 陕 西 省 安 康 市 汉 滨 区 育 才 路 12 号", ["2 号", "育 才"]),
        ("住址：汉 滨 区 育 才 路 128 号 3 栋，已核实", ["128", "8 号", "3 栋"]),
    ],
)
def test_a_spaced_address_is_masked_to_its_end(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)

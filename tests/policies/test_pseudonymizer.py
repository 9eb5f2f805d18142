"""Pseudonymous tokens: HMAC-SHA-256 of the value under the key, with prepared hash states."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from policies.keys import Pseudonymizer

VALUES = ["61090219740805078X", "", "bank_card:6228480402564890018", "张三", "a" * 300]


@pytest.mark.parametrize("key_length", [0, 1, 32, 63, 64, 65, 200])
def test_token_is_hmac_sha256_of_the_value(key_length: int) -> None:
    key = bytes(range(256))[:key_length]
    tokens = Pseudonymizer(key, "p9")
    for value in VALUES:
        expected = hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:32]
        assert tokens.token(value) == f"p9:{expected}"
        assert tokens.token(value) == tokens.token(value)  # the prepared states are not consumed


def test_other_key_other_token() -> None:
    assert Pseudonymizer(b"k" * 32).token(VALUES[0]) != Pseudonymizer(b"j" * 32).token(VALUES[0])

from __future__ import annotations

import uuid

import pytest

from gateway.exchange import account_name, new_request_id


def test_request_ids_are_uuid4_hex() -> None:
    seen = set()
    for _ in range(2000):
        rid = new_request_id()
        parsed = uuid.UUID(hex=rid)
        assert parsed.hex == rid and parsed.version == 4 and parsed.variant == uuid.RFC_4122
        seen.add(rid)
    assert len(seen) == 2000


@pytest.mark.parametrize(
    "spelling",
    [
        "WangFang",
        "ｗａｎｇｆａｎｇ",
        " wangfang\u3000",
        "wang\u200bfang",
        "\ufeffwangfang",
        "wang\u00adfang",
        "wangfang\u2060",
        "wang\x1bfang",
        "wang\nfang\r",
        "wang\x9bfang",
        "wang\u2028fang",
        "wang\ue000fang",
    ],
)
def test_a_user_name_is_one_account_however_it_is_spelt(spelling: str) -> None:
    """Zero-width and other format characters (a BOM, a soft hyphen, a word joiner) show as
    nothing and survive NFKC: "wang\u200bfang" was another person to the self-approval check,
    the daily quota and user.id."""
    assert account_name(spelling) == "wangfang"


def test_other_names_stay_apart() -> None:
    assert account_name("wangfang2") != account_name("wangfang")
    assert account_name("wang fang") != account_name("wangfang")  # a space inside is a character

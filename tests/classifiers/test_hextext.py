"""Text sent as hexadecimal (hextext.py): a value that is the UTF-8 of a text written two hex digits
each is inspected decoded and written again in hex, in its case; hashes, UUIDs, keys and short
or odd runs of hex digits stay as they came."""

from __future__ import annotations

import json

import pytest

from classifiers import hextext
from support.inspected import ROLES, out
from support.synth_people import make_card, make_id

ID = make_id()
CARD = make_card(serial=7)


def _hex(text: str, upper: bool = False) -> str:
    out = text.encode("utf-8").hex()
    return out.upper() if upper else out


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (_hex(ID), hextext.Decoded(ID, False)),
        (_hex("13912345678"), hextext.Decoded("13912345678", False)),
        (_hex("户主张伟", upper=True), hextext.Decoded("户主张伟", True)),
        (_hex(ID)[:-1], None),  # an odd count
        (_hex("1391234567"), None),  # ten bytes: under MIN_LENGTH
        ("d41d8cd98f00b204e9800998ecf8427e", None),  # an MD5
        ("550e8400e29b41d4a716446655440000", None),  # a UUID without its hyphens
        ("00000000000000000000000000", None),  # NULs: control characters
        (_hex("  \n  \n  \n  \n  \n  "), None),  # white space alone
        ("31 32 33 34 35 36 37 38 39 30 31", None),  # bytes.fromhex would skip the spaces
        ("3g3130393032313939303031303131323335", None),
        ("ｆｆ" * 12, None),  # full-width letters are no hex digits here
    ],
)
def test_decoded(value: str, expected: hextext.Decoded | None) -> None:
    assert hextext.decoded(value) == expected


def test_a_long_value_is_given_up_after_its_first_bytes_when_they_are_no_text() -> None:
    """A file in hex (bytes no text holds from the first on) is probed, not decoded whole; a long
    text in hex, a character cut at the probe's end, is decoded whole."""
    binary = bytes(range(256)) * 4096  # 1 MiB
    assert hextext.decoded(binary.hex()) is None
    assert hextext.decoded(binary.hex()[:-1] + "g") is None
    long_text = "户主张伟，" * 60 + ID  # 900 bytes: the probe's 256th byte cuts a character
    decoded = hextext.decoded(_hex(long_text))
    assert decoded is not None and decoded.text == long_text
    assert hextext.decoded(_hex(long_text)[:600] + "zz" + _hex(long_text)[602:]) is None


@pytest.mark.parametrize("text", [ID, "13912345678", "户主：张伟", "张伟，男，45岁，电话13912345678"])
@pytest.mark.parametrize("upper", [False, True])
def test_encoded_gives_back_what_was_decoded(text: str, upper: bool) -> None:
    value = _hex(text, upper)
    decoded = hextext.decoded(value)
    assert decoded is not None
    assert hextext.encoded(decoded.text, decoded.upper) == value


@pytest.mark.parametrize(
    ("joined", "expected"),
    [
        (f"a\x00{_hex(ID)}\x00b", True),
        (_hex("13912345678"), True),
        (f"{_hex('1391234567')}\x00{_hex('1391234567')}", False),
        (f"{_hex('13912345678')[:-1]}\x00x", False),
        ("张伟\x00李娜", False),
        ("d41d8cd98f00b204e9800998ecf8427e", True),  # the shape: decoding tells a hash apart
    ],
)
def test_may_contain_reads_value_by_value(joined: str, expected: bool) -> None:
    assert hextext.may_contain(joined) is expected


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (ID, ID[6:14]),
        ("13912345678", "1234"),
        (f"户主张伟，身份证号{ID}", "张伟"),
        (f"户主张伟，身份证号{ID}", ID[6:14]),
        (f"卡号{CARD}", CARD[6:-4]),
    ],
)
@pytest.mark.parametrize("key", ["data", "sfzh", "token", "备注"])
@pytest.mark.parametrize("upper", [False, True])
def test_text_in_hex_is_masked_and_written_in_hex_again(text: str, secret: str, key: str, upper: bool) -> None:
    value = _hex(text, upper)
    for role in ROLES:
        masked = json.loads(out(json.dumps({key: value, "n": 1}, ensure_ascii=False), "application/json", role))[key]
        decoded = hextext.decoded(masked)
        assert decoded is not None, (role, masked)
        assert decoded.upper is (value != value.lower())  # digits alone (an ID number's) have no case
        assert secret not in decoded.text, (role, decoded.text)


def test_text_in_hex_in_a_csv_column_and_as_a_whole_body() -> None:
    value = _hex(ID)
    for role in ROLES:
        csv_out = out(f"id,data\n1,{value}\n2,{value}\n", "text/csv", role)
        cells = [line.split(",")[1] for line in csv_out.splitlines()[1:]]
        texts = [hextext.decoded(cell) for cell in cells]
        assert len(texts) == 2 and all(t is not None and ID not in t.text for t in texts), (role, csv_out)
        whole = hextext.decoded(out(value, "text/plain", role))
        assert whole is not None and ID not in whole.text, role


def test_a_column_of_mobiles_in_hex_is_no_business_serial() -> None:
    """22 hex digits are under base64's length: the column's own hint reads them."""
    rows = "\n".join(f"{i},{_hex(f'1391234{i:04d}')}" for i in range(20))
    for role in ROLES:
        masked = out(f"lsh,data\n{rows}\n", "text/csv", role)
        assert _hex("13912340000") not in masked, (role, masked)


@pytest.mark.parametrize(
    "value",
    [
        "d41d8cd98f00b204e9800998ecf8427e",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "550e8400e29b41d4a716446655440000",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        _hex("办理完成，已审核"),  # text in hex holding nothing personal
        "0123456789abcdef0123456789",
    ],
)
def test_hex_of_nothing_personal_stays(value: str) -> None:
    doc = {"hash": value, "data": value}
    for role in ROLES:
        assert json.loads(out(json.dumps(doc), "application/json", role)) == doc, role

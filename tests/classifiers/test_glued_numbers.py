"""An ID number with a mobile glued after its check character (two fields of a form pasted
together): ``身份证11010519491231002X13800138000``, and with a digit there 29 digits in a row. The ID
pattern wanted no digit after the check character, and the mobile's no digit before its first:
the ID went out in clear, and with a digit check character the mobile too. The same with the
mobile first. Checked through ``Inspector.inspect`` (``GLUED_END`` of entities/resident_id.py and
entities/mobile.py, scanner.py)."""

from __future__ import annotations

import json

import pytest

from support.inspected import leaks, out, unchanged
from support.synth_people import bad_check, make_id

X_ID = make_id(region="110105", birth="19491231", seq="002")  # its check character is X
DIGIT_ID = make_id(region="110105", birth="19491231", seq="001")  # its check character is a digit
MOBILE = "13912345678"


def test_the_ids_are_what_the_tests_say() -> None:
    assert X_ID.endswith("X") and DIGIT_ID[-1].isdigit()


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        (f"身份证{X_ID}13800138000", [X_ID[6:14], "13800138000"]),
        (f"身份证{DIGIT_ID}{MOBILE}", [DIGIT_ID[6:14], MOBILE[3:7]]),
        (f"{DIGIT_ID}{MOBILE}", [DIGIT_ID[6:14], MOBILE[3:7]]),  # no label: both pieces validate
        (f"联系人张伟 {X_ID}{MOBILE} 已核实", [X_ID[6:14], MOBILE[3:7]]),
        # The mobile first: its pattern wanted no digit after it, the ID's none before it.
        (f"{MOBILE}{DIGIT_ID}", [MOBILE[3:7], DIGIT_ID[6:14]]),
        (f"电话{MOBILE}{X_ID}", [MOBILE[3:7], X_ID[6:14]]),
        (f"+86{MOBILE}{DIGIT_ID}", [MOBILE[3:7], DIGIT_ID[6:14]]),
    ],
)
def test_an_id_with_a_mobile_glued_after_it_is_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


def test_both_are_masked_as_what_they_are() -> None:
    """The caseworker's profile keeps the ID's ends and the mobile's ends, each its own way."""
    masked = out(f"{DIGIT_ID}{MOBILE}", "text/plain", "caseworker")
    assert masked == f"{DIGIT_ID[:6]}********{DIGIT_ID[14:]}{MOBILE[:3]}****{MOBILE[7:]}", masked


@pytest.mark.parametrize(
    "text",
    [
        "12345678901234567890123456789",  # a 29-digit serial
        "流水号20241201093015123456789012345",
        f"{bad_check(DIGIT_ID)}{MOBILE}",  # no valid ID at its start
        f"{DIGIT_ID[:17]}{MOBILE}",  # 28 digits: no ID and mobile back to back
        f"{DIGIT_ID}{MOBILE}0",  # 30 digits
        f"{MOBILE}123456789012345678",  # no valid ID after the mobile: neither is read
        f"{MOBILE}{bad_check(DIGIT_ID)}",
        f"{MOBILE}{DIGIT_ID}9",
    ],
)
def test_long_digit_runs_without_valid_pieces_stay(text: str) -> None:
    unchanged(text)


def test_a_business_serial_of_29_digits_stays() -> None:
    body = json.dumps({"ywbh": "20241201093015123456789012345"})
    assert out(body, "application/json", "outsourced") == body


def test_under_a_business_key_the_id_is_masked_as_an_id_alone_is() -> None:
    """A business key trusts a checksummed ID only (a column of them is checked run by run,
    columns._valid_serial): the glued ID's birth date does not go out there either."""
    for role in ("outsourced", "caseworker"):
        for body, media_type in (
            (json.dumps({"ywbh": f"{DIGIT_ID}{MOBILE}"}), "application/json"),
            (
                json.dumps([{"ywbh": f"{DIGIT_ID}{MOBILE}"}, {"ywbh": "20241201093015123456789012345"}]),
                "application/json",
            ),
            (f"ywbh,je\n{DIGIT_ID}{MOBILE},12\n20241201093015123456789012345,30\n", "text/csv"),
        ):
            assert DIGIT_ID[6:14] not in out(body, media_type, role), (role, media_type)

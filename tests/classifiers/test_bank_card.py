import pytest

from classifiers.entities import bank_card
from classifiers.scanner import Scanner
from support.synth_people import make_card, make_id

CARD19 = make_card()
CARD16 = make_card("436742", 16, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CARD19, True),
        (CARD16, True),
        (CARD19[:-1] + str((int(CARD19[-1]) + 1) % 10), False),
        ("6" * 16, False),
        ("622202123456789", False),  # 15 digits
    ],
)
def test_validate(text: str, expected: bool) -> None:
    assert bank_card.validate(text) is expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (f"卡号{CARD19}", [CARD19]),
        (f"卡号{CARD16}", [CARD16]),
        (f"1{CARD16}1234", []),  # 21-digit run
        (CARD19[:-1] + str((int(CARD19[-1]) + 1) % 10), []),
    ],
)
def test_scan(text: str, found: list[str]) -> None:
    matches = [m for m in Scanner().scan(text) if m.entity == "BANK_CARD"]
    assert [text[m.start : m.end] for m in matches] == found


def test_valid_id_wins_over_luhn() -> None:
    # An 18-digit valid ID that happens to pass Luhn is still an ID.
    number = next(
        make_id(seq=f"{i:03d}")
        for i in range(1000)
        if make_id(seq=f"{i:03d}")[-1].isdigit() and bank_card.luhn_ok(make_id(seq=f"{i:03d}"))
    )
    assert [m.entity for m in Scanner().scan(number)] == ["RESIDENT_ID"]

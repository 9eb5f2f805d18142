"""Synthetic, checksum-valid test data. Never real personal data."""

from __future__ import annotations

from classifiers.entities.resident_id import check_char
from classifiers.entities.uscc import check_char as uscc_check
from classifiers.entities.uscc import org_check_char

SURNAMES = "张王李赵刘陈杨黄周吴"
GIVEN = "伟芳娜敏静丽强磊军洋"


def make_id(region: str = "610902", birth: str = "19900101", seq: str = "123") -> str:
    body = region + birth + seq
    return body + check_char(body)


def bad_check(number: str) -> str:
    """The same number with a wrong check character."""
    right = number[-1]
    return number[:-1] + ("0" if right != "0" else "1")


def make_card(prefix: str = "622202", length: int = 19, serial: int = 1) -> str:
    body = prefix + str(serial).zfill(length - len(prefix) - 1)
    for check in "0123456789":
        candidate = body + check
        total = 0
        for i, char in enumerate(reversed(candidate)):
            d = int(char) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable")


def make_mobile(i: int) -> str:
    return f"139{i:08d}"


def make_uscc(body16: str = "91610900MA700000") -> str:
    """A credit code from its first 16 characters: the organisation code's check, then the code's."""
    body17 = body16 + org_check_char(body16[8:])
    return body17 + uscc_check(body17)


def make_person(i: int) -> dict[str, object]:
    """One synthetic benefit recipient; births spread over 1950-1989."""
    return {
        "caseNo": f"AK2024{i:06d}",
        "name": SURNAMES[i % 10] + GIVEN[(i * 3) % 10] + GIVEN[(i * 7 + 1) % 10],
        "idNumber": make_id(birth=f"{1950 + i % 40}0{1 + i % 9}1{i % 10}", seq=f"{i % 1000:03d}"),
        "mobile": make_mobile(1000 + i),
        "homeAddress": f"陕西省安康市汉滨区新城街道育才路{i + 1}号",
        "payeeBankCard": make_card(serial=i + 1),
        "amount": 580 + i,
        "status": "approved",
    }

import random
import re

import pytest

from classifiers.entities import uscc
from classifiers.scanner import Scanner
from support.synth_people import make_uscc


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("邮箱zhang.san@example.com。", ["zhang.san@example.com"]),
        ("a+b@mail.example.com.cn", ["a+b@mail.example.com.cn"]),
        ("x..y@example.com", []),
        ("user@example", []),  # no top-level domain
        ("@example.com", []),
        # The ideographic full stop a Chinese input method types for the domain's dots.
        ("邮箱：zhangwei@example。com", ["zhangwei@example。com"]),
        ("zhang.wei@mail。example.com.cn，电话", ["zhang.wei@mail。example.com.cn"]),
        ("联系邮箱zhangwei@example｡com。", ["zhangwei@example｡com"]),
        ("zhangwei@example。com。", ["zhangwei@example。com"]),
        ("发送至zhangwei@example。完成", []),
        ("x@a。-b.com", []),
    ],
)
def test_email(text: str, found: list[str]) -> None:
    matches = [m for m in Scanner().scan(text) if m.entity == "EMAIL"]
    assert [text[m.start : m.end] for m in matches] == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("91350100M000100Y43", True),
        ("91350100m000100y43", True),
        ("91350100M000100Y44", False),
        ("91350100M000100I43", False),  # I is not in the alphabet
        (make_uscc(), True),
        ("914403001922038216", True),  # the organisation code 19220382-1 (GB 11714)
        ("9144030071526726XG", True),  # its check X
        # the code's own checksum right, its organisation code's wrong (a serial of 18 digits)
        ("91610900MA70000013", False),
        ("114245019965351810", False),
        ("521230894604954853", False),
    ],
)
def test_uscc_validate(text: str, expected: bool) -> None:
    assert uscc.validate(text) is expected


def test_uscc_scan_boundaries() -> None:
    assert [m.entity for m in Scanner().scan("信用代码91350100M000100Y43")] == ["USCC"]
    assert Scanner().scan("A91350100M000100Y43") == []


def test_uscc_validate_equals_the_checks_in_their_first_order() -> None:
    """``validate`` asks the cheapest tests first (an ASCII text's length and characters 3-4: a
    business column's 18-digit serials reach it one by one) and reads a body of digits without
    translating it. Same verdict as the checks in their first order (upper case, the pattern, the
    authority, the region as a number, the organisation code's check, the checksum by the table) on
    seeded random texts: serials,
    valid codes, lower case, letters outside the alphabet, characters that upper case lengthens
    (``ß``, ``ﬀ``) and other scripts' digits."""

    def before(text: str) -> bool | None:
        code = text.upper()
        if re.fullmatch("[" + uscc.ALPHABET + "]{18}", code) is None:
            return False
        if code[0] not in "123456789ANY" or not code[2:4].isdigit() or int(code[2:4]) not in uscc._REGIONS:
            return False
        weights = (3, 7, 9, 10, 5, 8, 4, 2)
        org = sum("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".index(c) * w for c, w in zip(code[8:16], weights, strict=True))
        if {10: "X", 11: "0"}.get(11 - org % 11, str(11 - org % 11)) != code[16]:
            return False
        total = sum(uscc.ALPHABET.index(c) * w for c, w in zip(code[:17], uscc._WEIGHTS, strict=True))
        return uscc.ALPHABET[(31 - total % 31) % 31] == code[17] or False

    r = random.Random(26)
    chars = [*"0123456789", *uscc.ALPHABET, *"anyzIOSVZ", "ß", "ﬀ", "٣", "１", "-"]
    texts = [make_uscc() for _ in range(2000)]
    texts += [t.lower() for t in texts[:500]] + [t[:17] for t in texts[:200]] + [t + "1" for t in texts[:200]]
    for _ in range(20000):
        body = "".join(r.choice("0123456789") if r.random() < 0.7 else r.choice(chars) for _ in range(17))
        valid = r.random() < 0.5 and all(c in uscc.ALPHABET for c in body)
        if valid and r.random() < 0.8:
            body = body[:16] + uscc.org_check_char(body[8:16])
        texts.append(body + (uscc.check_char(body) if valid else r.choice(chars)))
        texts.append("".join(r.choice(chars) for _ in range(r.randint(15, 19))))
    for body in ("916109020000FF123", "9FF109020000A0123", "Y1610902ABCDEFF12"):
        texts.append((body + uscc.check_char(body)).replace("FF", "ﬀ"))  # 17 characters, valid in upper case
    assert sum(1 for text in texts if before(text)) > 2000  # valid ones among them
    for text in texts:
        assert uscc.validate(text) is before(text), repr(text)

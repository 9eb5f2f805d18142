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
    ],
)
def test_uscc_validate(text: str, expected: bool) -> None:
    assert uscc.validate(text) is expected


def test_uscc_scan_boundaries() -> None:
    assert [m.entity for m in Scanner().scan("信用代码91350100M000100Y43")] == ["USCC"]
    assert Scanner().scan("A91350100M000100Y43") == []

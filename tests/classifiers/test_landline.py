import pytest

from classifiers.scanner import Scanner


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("电话029-88886666", ["029-88886666"]),
        ("(0915)3216666", ["(0915)3216666"]),
        ("010-62345678转8001", ["010-62345678转8001"]),
        ("0915 3216666", ["0915 3216666"]),
        ("02988886666", []),  # no separator, no context: too weak
        ("座机：02988886666", ["02988886666"]),  # context lifts it
        ("029-11111111", []),  # subscriber cannot start with 1
        ("029-22222222", []),  # all the same digit
    ],
)
def test_scan(text: str, found: list[str]) -> None:
    matches = [m for m in Scanner().scan(text) if m.entity == "LANDLINE"]
    assert [text[m.start : m.end] for m in matches] == found

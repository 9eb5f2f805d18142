"""Names beside a bank card's number, as a payment roster pasted into a remark or a fund's audit
writes them (代发明细：张伟 6222…8 800元；李娜 6217…2 600元, 张伟,6222…8, 6222…8（李娜）), and beside a
card's or an ID number's groups (张伟 6222 0212 3456 7890 128: grouped_numbers.py): the number's
Luhn check and a card's first digit are the context, as an ID number's checksum is for the names
beside it (``person_name``). A Luhn check passes one number in ten, so the run beside the number
is read as strictly as a field beside an ID number is, glued or parted by a space too: a name
whole, no label, unit or place (卡号6222…, 农商行6222…, 王家庄 6222…), no pseudonym and no word
of prose (请回电 6222…8 谢谢)."""

from __future__ import annotations

from typing import Final

from . import address, bank_card
from .grouped_numbers import CARD_FIRST
from .name_runs import beside_number_apart, field_is_name
from .name_tests import cjk_end, cjk_start, is_prose_word, is_pseudonym

EVIDENCE: Final = "surname+beside-card"
# What may part a name from the number on its side, besides name_runs' field separators (张伟 6222…,
# 张伟_6222…, 张伟(6222…), 6222…(李娜): full-width brackets and spaces are ASCII once folded).
_BEFORE: Final = frozenset(" _-(")
_AFTER: Final = frozenset(" _-(")


def _cards(text: str, runs: list[tuple[int, int]], ids: set[int]) -> list[tuple[int, int]]:
    """The runs of digits (``runs``) that are a bank card's number: 16 to 19 digits opening as a card
    does and passing the Luhn check, and no resident ID number (``ids``: where valid ones begin; a
    check character X ends a run of 17)."""
    return [
        (start, end)
        for start, end in runs
        if 16 <= end - start <= 19
        and text[start] in CARD_FIRST
        and start not in ids
        and text[end : end + 1] not in ("X", "x")
        and bank_card.validate(text[start:end]) is True
    ]


def _a_name(run: str) -> bool:
    return field_is_name(run) and not is_pseudonym(run) and not address.is_place_name(run) and not is_prose_word(run)


def beside_cards(
    text: str, runs: list[tuple[int, int]], ids: set[int], starts: set[int]
) -> list[tuple[int, int, float, str]]:
    """The names right before or after a bank card's number in ``text`` (``runs``: its runs of 11
    digits or more; ``ids``: where its valid ID numbers begin; ``starts``: where names were found
    already)."""
    cards = _cards(text, runs, ids)
    return beside_numbers(text, cards, starts, EVIDENCE) if cards else []


def beside_numbers(
    text: str, numbers: list[tuple[int, int]], starts: set[int], evidence: str
) -> list[tuple[int, int, float, str]]:
    """The names right before or after ``numbers`` (valid ones: a card's, an ID number's, written
    whole or in groups): a field separator between (name_runs'), or glued, or parted by a space,
    an underscore, a hyphen or a bracket."""
    found = beside_number_apart(text, numbers, starts, evidence)
    for at, after in numbers:
        end = at - 1 if at > 0 and text[at - 1] in _BEFORE else at
        start = cjk_start(text, end)
        if start < end and start not in starts and _a_name(text[start:end]):
            found.append((start, end, 0.85, evidence))
        start = after + 1 if after < len(text) and text[after] in _AFTER else after
        end = cjk_end(text, start)
        if start < end and start not in starts and _a_name(text[start:end]):
            found.append((start, end, 0.85, evidence))
    return found

"""Numbers written in groups whose digits together pass a check: a bank card's (6222 0212 3456 7890
128), an ID number's (110105 19491231 002X) and a mobile's (139-1234-5678). The scanner masks them by
reading the groups joined; the names beside them were looked for only beside runs of digits
(person_name, name_cards), and went out in clear (张伟 6222 0212 3456 7890 128)."""

from __future__ import annotations

from typing import Final

from ..digit_runs import grouped
from . import bank_card, mobile, resident_id

# The first digits bank_card's pattern reads (JCB, Visa, Mastercard, UnionPay, old domestic debit).
CARD_FIRST: Final = frozenset("34569")


def checked(text: str, runs: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], ...]:
    """(cards, ID numbers, mobiles): the spans of the numbers in groups in ``text`` (``runs``: its
    runs of digits), each a chain of groups or the chain's first or last groups (张伟 6222 0212 3456
    7890 128 800元: an amount after it). Groups inside a chain have no name beside them."""
    cards: list[tuple[int, int]] = []
    ids: list[tuple[int, int]] = []
    mobiles: list[tuple[int, int]] = []
    # Counted before any string is made: many texts with digits hold a date or an amount alone,
    # fewer than a mobile's eleven (each chain's parts joined and checked cost the corpus
    # document 5 %; now a part is joined only when its count of digits is a number's).
    if sum([end - start for start, end in runs]) < 11:
        return cards, ids, mobiles
    for chain in grouped(text, runs):
        # The digits before each group (read off the spans: ``sum`` over a part's groups was a
        # call of Python's builtin for each part)
        before = [0]
        for start, end in chain:
            before.append(before[-1] + end - start)
        last = len(chain) - 1
        # (first group, last group): the whole chain and its first groups, then its last groups
        for first, final in [(0, k) for k in range(last, 0, -1)] + [(k, last) for k in range(1, last)]:
            size = before[final + 1] - before[first]
            if size != 11 and not 16 <= size <= 19:
                continue
            start, end = chain[first][0], chain[final][1]
            digits = "".join([text[a:b] for a, b in chain[first : final + 1]])
            if size == 17 and text[end : end + 1] in ("X", "x"):  # an ID number's check character
                if resident_id.validate(digits + "X") is True:
                    ids.append((start, end + 1))
            elif size == 18 and resident_id.validate(digits) is True:
                ids.append((start, end))
            elif size >= 16 and digits[0] in CARD_FIRST and bank_card.validate(digits) is True:
                cards.append((start, end))
            elif size == 11 and mobile.validate(digits) is None:
                mobiles.append((start, end))
    return cards, ids, mobiles

"""Keys of one number written in parts, in members of their own or as a list's items.

Forms that take an ID number or a phone in boxes write each box in a member (``{"sfzh1": "610902",
"sfzh2": "199001011234"}``, ``phone_prefix``/``phone_suffix``, ``sfzhq``/``sfzhh``) or in a list under the
number's key (``{"sfzh": ["610902", "19900101", "1234"]}``); neither part alone is a number. Here
the runs of such members are found by their keys; ``numberparts.NumberParts`` judges each number
whole under the key the catalog knows, and cuts its mask back into the parts.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from .jsonshapes import PlanOf, entity_of

# The lengths of the numbers whose parts may stand in members of their own (split_numbers).
_ID = "RESIDENT_ID"
_NUMBER_LENGTHS = {_ID: (18,), "PHONE": (11,), "BANK_CARD": (16, 17, 18, 19)}
# Keys of an ID number's check character kept in a member of its own (校验码 jym, 校验位 jyw):
# one character says nothing alone, but right after the number's 17 digits it is the number's
# last (and, under a mask keeping the last four, shown as such).
CHECK_KEYS = frozenset({"jym", "jyw", "校验码", "校验位", "checkDigit", "checkChar"})
_CHECK_CHARS = "0123456789Xx"


def split_numbers(node: dict[str, Any], plan_of: PlanOf) -> list[tuple[str, list[str]]]:
    """Runs of adjacent members that hold the parts of one number (``{"sfzh1": "610902",
    "sfzh2": "199001011234"}``: forms that take an ID number or a phone in boxes), as (the key
    the catalog knows, the members' keys): each key is one naming an ID number, a phone or a
    bank card with a part index after it, each value digits, and the parts together as long
    as such a number, none of them alone (a second phone, ``phone2``, is a number of its own)."""
    out: list[tuple[str, list[str]]] = []
    base = ""
    keys: list[str] = []
    length = 0
    for key, value in [*node.items(), ("", None)]:  # a sentinel closes the last run
        part = str(value) if type(value) is int else value if type(value) is str else ""
        if (
            key in CHECK_KEYS
            and length == 17
            and len(part) == 1
            and part in _CHECK_CHARS
            and entity_of(base, plan_of) == _ID
        ):
            keys.append(key)  # {"sfzh17": …, "jym": "5"}: the check character ends the number
            length += 1
            continue
        # A key naming a part (``_stem``), or an ID number's key holding its 17 digits alone,
        # which a check character's member may follow ({"sfzh": …, "校验码": "X"}).
        stem = _stem(key, node) or (key if len(part) == 17 else "")
        if stem and stem == base and part and _digits(part):
            keys.append(key)
            length += len(part)
            continue
        if len(keys) > 1 and length in _lengths(base, keys[0], plan_of):
            out.append((base, keys))
        base, keys, length = stem, [key], len(part)
        if not (stem and part and _digits(part)):
            base = ""
    return out


def in_parts(values: Collection[Any], key: str | None, plan_of: PlanOf) -> bool:
    """Do ``values`` (a list's items or an object's members, under ``key``) hold the parts of
    one number, as ``split_numbers`` members do: ``{"sfzh": ["610902", "19900101", "1234"]}``,
    ``{"sfzh": {"part1": "610902", …}}``? Under a key naming an ID number, a phone or a bank
    card, two parts at least, each digits, together as long as such a number (a list of two
    whole phones is no phone)."""
    if key is None or len(values) < 2:
        return False
    lengths = _NUMBER_LENGTHS.get(entity_of(key, plan_of))
    if lengths is None:
        return False
    texts = [str(value) if type(value) is int else value if type(value) is str else "" for value in values]
    return all(text and _digits(text) for text in texts) and sum(map(len, texts)) in lengths


def may_split(keys: tuple[str, ...], plan_of: PlanOf) -> bool:
    """Could an object with these keys hold a number in parts (``split_numbers``)? A key that
    is a number's key the catalog knows with a part index after it (``sfzh1``), or a check
    character's key beside an ID number's (``sfzh``, ``jym``)."""
    return any(_lengths(_stem(key, keys), key, plan_of) for key in keys) or (
        not CHECK_KEYS.isdisjoint(keys) and any(entity_of(key, plan_of) == _ID for key in keys)
    )


# A part's word after a number's key: {"phone_prefix": "139", "phone_suffix": "12345678"} went out
# whole, eleven digits in two members (only an index after the key was read so); and "part" before
# an index ({"idPart1": "610902", "idPart2": …}, sfzh_part1).
_PART_WORD = re.compile(r"[_-]?(?:prefix|suffix|head|tail|front|back|part)$", re.IGNORECASE)
_INDEX = "0123456789_-"
# Keys that name no number alone (a record's id, as often), whose members name themselves parts
# with a part's word (idPart1, id_part2): together an ID number's 18 characters, judged under the
# key, which masks an ID number its checksum proves (a record's id in parts stays).
_PARTED_IDS = frozenset({"id", "ID", "Id"})


def _stem(key: str, keys: Collection[str]) -> str:
    """The key of the number ``key`` names a part of ("" when none): a part index after it
    (sfzh1), a part's word (phone_prefix, mobileHead, idPart1) or a part's pinyin initial with
    the pair's other key beside it (sfzhq beside sfzhh), the latter two maybe before an index or
    the part's length (sfzh_q6 beside sfzh_h12)."""
    if key[-1:].isdigit():
        bare = key.rstrip(_INDEX)
        return _pinyin_stem(bare, keys) or _part_stem(bare) or bare
    return _part_stem(key) or _pinyin_stem(key, keys)


def _lengths(stem: str, key: str, plan_of: PlanOf) -> tuple[int, ...]:
    """The lengths of the number whose part ``key`` is, under ``stem`` (``_stem``): those of the
    entity the catalog knows the stem as, or an ID number's for an id in parts (``_PARTED_IDS``)."""
    lengths = _NUMBER_LENGTHS.get(entity_of(stem, plan_of))
    if lengths is not None:
        return lengths
    return (18,) if stem in _PARTED_IDS and _PART_WORD.search(key.rstrip(_INDEX)) is not None else ()


def _part_stem(key: str) -> str:
    """``key`` without a part's word after it (phone_prefix: phone); "" when it has none."""
    m = _PART_WORD.search(key)
    return key[: m.start()] if m is not None and m.start() > 0 else ""


# A part's pinyin initials after a number's key, in pairs: q and h (前, 后), qb and hb (前半, 后半), qd
# and hd (前段, 后段): {"sfzhq": "610902", "sfzhh": "199001011235"} went out, neither part alone a
# number. Only with the pair's other key beside it: one q or h ends many a key (sfzh, lxdh).
_PINYIN_PARTS = {"q": "h", "h": "q", "qb": "hb", "hb": "qb", "qd": "hd", "hd": "qd"}


def _pinyin_stem(key: str, keys: Collection[str]) -> str:
    """``key`` (less an index or a length after it) without a part's pinyin initials after it
    when the pair's other key stands in ``keys`` (sfzhq beside sfzhh, sfzh_q6 beside sfzh_h12:
    sfzh); "" when it has none."""
    for length in (2, 1):
        other = _PINYIN_PARTS.get(key[-length:])
        if other is None or len(key) <= length + 1:
            continue
        pair = key[:-length] + other
        if pair in keys or any(k[-1:].isdigit() and k.rstrip(_INDEX) == pair for k in keys):
            return key[:-length].rstrip("_-")
    return ""


def _digits(part: str) -> bool:
    """Digits, the last maybe an ID number's check character X."""
    return part.isascii() and (part.isdigit() or (part[:-1].isdigit() and part[-1:] in "Xx"))

"""Region names read as codes: a record may write its region out (所属区划: 陕西省安康市汉阴县)
rather than code it (610921).

The names are those of GB/T 2260 (classifiers/entities/gb2260.txt: provinces, prefectures
and counties). A name is read as a chain from the top down, each name under the one before
it: 陕西省安康市汉阴县, 安康市汉阴县, 汉阴县. County names repeat across the country (鼓楼区 is
in four cities), so a chain that does not start with a province is read within the province
of the region being judged, and it must name one division there. What follows the chain
may name a township or village below it (汉阴县城关镇, 汉阴县涧池镇五一村): the list has no
names at that level, so such a value is read as the county's. Anything else (an unknown
name, a name found twice, two counties in one value, a name cut short) is no code: the
caller refuses it as unreadable, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .normalise import fold

_DIVISIONS_PATH = Path(__file__).parent / "entities" / "gb2260.txt"


def region_prefix(code: str) -> str:
    """The prefix every region under `code` starts with: 610900 -> 6109 (as policies.enforcer
    reads a scope; the inspector does not import the casbin enforcer)."""
    if len(code) == 6:
        while code.endswith("00") and len(code) > 2:
            code = code[:-2]
    return code


def _names() -> dict[str, tuple[str, ...]]:
    """name -> the codes of that name (北京市: the municipality and its city level)."""
    names: dict[str, list[str]] = {}
    with _DIVISIONS_PATH.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                code, name = line.split()[:2]
                names.setdefault(name, []).append(code)
    return {name: tuple(codes) for name, codes in names.items()}


def _under(code: str, parent: str) -> bool:
    return code != parent and code.startswith(region_prefix(parent))


_NAMES = _names()
_LONGEST = max(len(name) for name in _NAMES)
# The words of a level a name ends in, that real systems leave out (汉滨 for 汉滨区, 安康 for
# 安康市, 陕西 for 陕西省). Not 自治县 and the like: the ethnic names before them have no one end.
_LEVEL_WORDS = ("地区", "林区", "省", "市", "区", "县", "旗", "盟")


def _short_names(names: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """A name without its level's word -> the codes of the one name it stands for: only when one
    division alone has that name once the word is stripped (长安 is 西安's and 石家庄's 长安区,
    吉林 a province and a city: neither is read), it is two characters or more (洋 for 洋县 is a
    word), and no division's full name."""
    full: dict[str, set[str]] = {}
    for name in names:
        for word in _LEVEL_WORDS:
            if name.endswith(word) and len(name) - len(word) >= 2:
                full.setdefault(name[: -len(word)], set()).add(name)
                break
    short: dict[str, tuple[str, ...]] = {}
    for stem, of in full.items():
        if len(of) != 1 or stem in names:
            continue
        codes = names[of.pop()]
        broadest = min(codes, key=lambda code: len(region_prefix(code)))
        if all(code == broadest or _under(code, broadest) for code in codes):
            short[stem] = codes
    return short


_SHORT = _short_names(_NAMES)


# What a township's or village's name ends in: a short county name before one of them is the
# start of a township's name (安康镇, 高阳镇东坝村 may lie in any county), not the county.
_TOWNSHIP_WORDS = ("街道", "办事处", "镇", "乡", "村", "居民委员会", "居委会", "社区", "组")


def _named(text: str, start: int, end: int) -> tuple[str, ...]:
    """The codes of the division named by ``text[start:end]``, written whole or without its
    level's word."""
    name = text[start:end]
    codes = _NAMES.get(name)
    if codes is not None:
        return codes
    return _SHORT.get(name, ()) if not text.startswith(_TOWNSHIP_WORDS, end) else ()


# A township or village below a county, written after it: one or more names, each ending in
# the word for its level, and nothing else (no separator: 汉阴县、紫阳县 names two counties).
_BELOW = re.compile(
    r"(?:[\u4e00-\u9fff0-9]+?(?:街道办事处|办事处|街道|镇|乡|村民委员会|居民委员会|村委会|居委会|社区|村|组))+"
)


def _chains(text: str, start: int, parent: str) -> Iterator[tuple[str, int]]:
    """(code, end) of each chain of names from `start`, every name under `parent` ("": any)."""
    for end in range(start + 1, min(len(text), start + _LONGEST) + 1):
        for code in _named(text, start, end):
            if parent and not _under(code, parent):
                continue
            yield code, end
            yield from _chains(text, end, code)


def _names_a_division(text: str) -> bool:
    return any(text[i:j] in _NAMES for i in range(len(text)) for j in range(i + 2, min(len(text), i + _LONGEST) + 1))


# What systems write between the levels of a chain of names (陕西省/安康市/汉滨区, 陕西省-安康市-汉滨区,
# 陕西省 > 安康市 > 汉滨区), after NFKC: dropped, and the chain read as written whole. Not 、, which
# lists (汉滨区、汉阴县); two divisions side by side name no region either way.
_CHAIN_SEPARATORS = str.maketrans("", "", "/\\|-_,>·→")


def _compact(value: str) -> str:
    """A region value's text as its names are read: folded, without spaces or separators."""
    return "".join(fold(value).text.split()).translate(_CHAIN_SEPARATORS)


def below_county(value: str) -> bool:
    """Is a value only the name of a township or village (江北街道, 五里镇东坝村), with no county
    or anything else in it? GB/T 2260 stops at counties and such names repeat across them
    (城关镇): only what else names the region can place it."""
    text = _compact(value)
    return bool(_BELOW.fullmatch(text)) and not _names_a_division(text)


def code_of_name(value: str, province: str) -> str:
    """The GB/T 2260 code a region name stands for, "" when it names none or more than one.
    `province`: the two digits of the province a name that does not start with its province
    is read in ("": the whole list)."""
    text = _compact(value)
    found: dict[int, set[str]] = {}
    for end in range(1, min(len(text), _LONGEST) + 1):
        for root in _named(text, 0, end):
            if province and root[:2] != province and not root.endswith("0000"):
                continue  # 鼓楼区 alone is read in this province only
            found.setdefault(end, set()).add(root)
            for code, last in _chains(text, end, root):
                found.setdefault(last, set()).add(code)
    if not found:
        return ""
    end = max(found)
    rest = text[end:]
    if rest and (not _BELOW.fullmatch(rest) or _names_a_division(rest)):
        return ""
    codes = found[end]
    # One name may stand for a division and its own city level (北京市: 110000 and 110100):
    # the broader one, which holds the other. Two divisions side by side are ambiguous.
    broadest = min(codes, key=lambda code: len(region_prefix(code)))
    return broadest if all(code == broadest or _under(code, broadest) for code in codes) else ""


def nests(code: str, other: str) -> bool:
    """Does one of two codes lie inside the other (610902001 in 610902, 610902 in 610900)?"""
    return code.startswith(region_prefix(other[:6])) or other.startswith(region_prefix(code[:6]))


def code_under(value: str, code: str) -> str:
    """The code of a region name written beside ``code`` (its record's 区划代码, or the codes of
    the levels above it), read in that code's province: "" when it names no division there, or
    more than one."""
    return code_of_name(value, code[:2])


def names_one_division(value: object) -> bool:
    """Under a key that may hold other things (地区, 辖区, area, a township's xiang): is ``value`` a
    region's name that names one division of the whole list, its first name written whole and of
    three characters or more (汉阴县, 陕西省安康市汉滨区, 汉阴县城关镇)? Such a value is read as a region
    key's is. A township alone (城关镇), a name found twice (城区, 朝阳区), a short or two-character
    name (东区, 郊区, 汉阴: also words of a compound or a town) and any other text say nothing there."""
    if type(value) is not str or not "\u4e00" <= value[:1] <= "\u9fff":
        return False
    text = _compact(value)
    return any(text[:end] in _NAMES for end in range(3, min(len(text), _LONGEST) + 1)) and bool(code_of_name(text, ""))

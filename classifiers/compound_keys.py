"""A key naming two fields and a value holding both: ``{"姓名/性别": "张伟/男"}``, ``{"xm_xb": "张伟_男"}``.

A form or an export that joins two columns under one heading writes their values joined the same
way. The catalog knows no such key, and the value is no name whole, so the name went out for both
profiles (the ID number or the phone beside it in the same value was masked by its shape). Here
the key is cut at its separators into the fields it names; when one of them is an entity's key the
catalog knows and the value cuts into as many parts, each part is judged under its own field's
key, and the value written back with its separators as they came (``fastjson.ColumnWalker``).

A key the catalog knows whole as an entity's is cut only when two of its words are keys it knows
(``姓名、电话`` is known by its last word as a phone's; ``user_name`` and ``jtcy_xm`` name one name),
and only a value of as many parts is read so: ``{"xm_py": "zhangwei"}`` stays a value under an
unknown key. ``{"性别/年龄": "男/80"}`` names no entity and stays."""

from __future__ import annotations

import re
from typing import Final

from .jsonshapes import PlanOf

# What joins two fields' names in one key: a slash, a comma, an enumeration comma, a bar, a plus,
# an ampersand, an underscore (pinyin keys: xm_xb), or 及, 和, 与 between Chinese words (联系人及电话).
_KEY_SEPARATORS: Final = re.compile(r"\s*(?:[/／、,，|｜+＋&＆_]|(?<=[\u4e00-\u9fff])[及和与](?=[\u4e00-\u9fff]))\s*")
# The same characters in a value, each with its full- or half-width twin (a key written 姓名/性别
# over 张伟／男); a connector word is no separator in a value, where whitespace stands for it.
_TWINS: Final = {"/": "/／", "／": "/／", ",": ",，", "，": ",，", "|": "|｜", "｜": "|｜", "+": "+＋", "＋": "+＋"}
_MAX_FIELDS = 4  # 姓名/性别/年龄/电话 at most: a longer list is a sentence, not a heading
_LONGEST_KEY = 64


def fields(key: str, plan_of: PlanOf) -> tuple[str, tuple[str, ...]] | None:
    """(the separator, the field names) when ``key`` names two to four fields, one of them an
    entity's key the catalog knows, and the key whole is none (asked once per key and walk)."""
    if len(key) > _LONGEST_KEY or _KEY_SEPARATORS.search(key) is None:
        return None
    separators = _KEY_SEPARATORS.findall(key)
    names = tuple(_KEY_SEPARATORS.split(key))
    if not 1 < len(names) <= _MAX_FIELDS or not all(names):
        return None
    known = [plan_of(name).info for name in names]
    if not any(info is not None and info.entity is not None for info in known):
        return None
    # A key the catalog knows whole as an entity's (user_name; 姓名、电话 by its last word) is cut
    # only when two of its words are keys it knows: jtcy_xm is one member's name.
    whole = plan_of(key).info
    if whole is not None and whole.entity is not None and sum(info is not None for info in known) < 2:
        return None
    return separators[0].strip(), names


def parts(value: str, separator: str, count: int) -> list[str] | None:
    """``value`` cut into ``count`` parts at the key's separator (or its twin), else at runs of
    whitespace, the separators kept between them: [part, separator, part, …]; None when it does
    not cut so (``张伟`` under 姓名/性别: one part, judged whole as before)."""
    chars = _TWINS.get(separator, separator if len(separator) == 1 and separator not in "及和与" else "")
    pattern = rf"(\s*[{re.escape(chars)}]\s*)" if chars and any(c in value for c in chars) else r"(\s+)"
    pieces = re.split(pattern, value.strip())
    if len(pieces) != 2 * count - 1 or not all(pieces[::2]):
        return None
    if value != value.strip():  # whitespace about the value stays where it was
        start = len(value) - len(value.lstrip())
        pieces[0] = value[:start] + pieces[0]
        pieces[-1] = pieces[-1] + value[len(value.rstrip()) :]
    return pieces

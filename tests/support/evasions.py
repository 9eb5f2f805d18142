"""Numbers spelled with evasions for the seeded fuzz tests (tests/fuzz/test_fuzz_*_evasions.py):
resident IDs, mobiles and bank cards, full-width, with invisible characters, in digit groups,
after a label or not, between a caseworker's words; and the reader's view of what came out.
Synthetic numbers only."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable

from support.synth_people import make_card, make_id

REGIONS = ("610902", "610921", "110105", "440305", "320102", "510104")
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_FULL = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
SEPARATORS = (" ", "-", "\u3000", "－", ".", "·", "\u00a0", "  ")
# One per gap: spaces around a separator, the dashes people type for a hyphen.
GAP_SEPARATORS = (" - ", " ", "-", " . ", "\u3000", "–", "—", " · ", "\u2212")
LABELS = {
    "id": ("身份证号", "身份证号码", "公民身份号码", "证件号码", "ID", "sfzh", "身份证："),
    "mobile": ("手机", "联系电话", "电话", "手机号", "联系方式", "tel", "Tel:"),
    "card": ("银行卡号", "卡号", "银行账号", "社保卡号", "开户账号", "收款账号"),
}
PROSE = (
    "经入户核查，",
    "申请人",
    "备注：",
    "该户",
    "已于2024年3月审核通过，",
    "情况属实。",
    "其子",
    "月收入1200元，",
    "共3人，",
    "低保金每月560元，",
    "（已核实）",
    "【复核】",
    "编号AK2024000123，",
)
_CUTS = {
    "mobile": ([3, 7], [3], [4, 8]),
    "id": ([6, 14], [6, 10, 14], [4, 8, 12, 16], [6]),
    "card": ([4, 8, 12, 16], [6, 12]),
}
# What a reader skips when reading a number: the separators, invisible characters, line breaks,
# brackets and the plus of +86.
_SKIPPED = re.compile(
    "[" + re.escape("".join(SEPARATORS) + "".join(GAP_SEPARATORS) + INVISIBLE + "\n\t()+（）【】–—") + "]"
)


def number(rng: random.Random) -> tuple[str, str]:
    """(kind, number): a checksum-valid resident ID, a mobile or a Luhn-valid bank card."""
    kind = rng.choice(sorted(LABELS))
    if kind == "id":
        birth = f"{rng.randint(1935, 2015)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        return kind, make_id(rng.choice(REGIONS), birth, f"{rng.randrange(1000):03d}")
    if kind == "mobile":
        return kind, rng.choice(("139", "138", "151", "177", "186", "199")) + f"{rng.randrange(1, 10**8 - 1):08d}"
    return kind, make_card(
        rng.choice(("622202", "622848", "621700", "623668")), rng.choice((16, 19)), rng.randint(1, 10**9)
    )


def spelled(rng: random.Random, kind: str, digits: str, *, mixed_gaps: bool = False) -> str:
    """``digits`` written with up to three evasions: full-width digits, invisible characters,
    digit groups (one separator for all gaps, or with ``mixed_gaps`` sometimes one per gap),
    full-width digits mixed in."""
    ways = rng.sample(["full", "invisible", "groups", "mixed"], rng.randint(0, 3))
    text = digits
    if "groups" in ways:
        cuts = [*rng.choice(_CUTS[kind]), len(digits)]
        pieces = [digits[a:b] for a, b in zip([0, *cuts], cuts, strict=False)]
        if mixed_gaps and rng.random() < 0.5:
            text = pieces[0] + "".join(rng.choice(GAP_SEPARATORS) + piece for piece in pieces[1:])
        else:
            text = rng.choice(SEPARATORS).join(pieces)
    if "invisible" in ways:
        chars = list(text)
        for _ in range(rng.randint(1, 3)):
            chars.insert(rng.randint(1, len(chars) - 1), rng.choice(INVISIBLE))
        text = "".join(chars)
    if "full" in ways:
        text = text.translate(_FULL)
    elif "mixed" in ways:
        text = "".join(c.translate(_FULL) if rng.random() < 0.5 else c for c in text)
    return text


def remark(rng: random.Random, numbered: Callable[[random.Random], tuple[str, str]]) -> tuple[str, list[str]]:
    """Prose and numbers in a row (two parts at least, one number at least) and the numbers'
    digits: ``numbered`` writes one number as the test spells it, with its label and what ends it."""
    parts: list[str] = []
    numbers: list[str] = []
    while not numbers or len(parts) < 2:
        if rng.random() < 0.5:
            text, digits = numbered(rng)
            parts.append(text)
            numbers.append(digits)
        else:
            parts.append(rng.choice(PROSE))
    return "".join(parts), numbers


def read(text: str) -> str:
    """``text`` as a reader reads numbers in it: NFKC-folded, without separators, invisible
    characters and brackets, upper case (an ID's check character x is X)."""
    return _SKIPPED.sub("", unicodedata.normalize("NFKC", text)).upper()

"""Remarks with resident IDs, mobiles and bank cards spelled with evasions, cut into pieces that
inline elements wrap, some digits written as character references, comments between pieces, in a
paragraph, a block or a table cell (docs/classifiers-rounds.md, "Twenty-sixth round, HTML with
evasions").

The promise: what comes out, read as a browser shows it (tags and comments dropped, references
decoded) and folded (NFKC, invisible characters and separators dropped), holds none of the
numbers, for either profile. Seeded: the same documents on every run. Shapes found and left
(a line break or a bracket inside a number) are not generated."""

from __future__ import annotations

import html
import random
import re
import unicodedata

import pytest

from support.inspected import out
from support.synth_people import make_card, make_id

_REGIONS = ("610902", "610921", "110105", "440305", "320102", "510104")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_FULL = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
_SEPARATORS = (" ", "-", "\u3000", "－", ".", "·", "\u00a0", "  ")
_LABELS = {
    "id": ("身份证号", "身份证号码", "公民身份号码", "证件号码", "ID", "sfzh", "身份证："),
    "mobile": ("手机", "联系电话", "电话", "手机号", "联系方式", "tel", "Tel:"),
    "card": ("银行卡号", "卡号", "银行账号", "社保卡号", "开户账号", "收款账号"),
}
_PROSE = (
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
_INLINE = ("b", "i", "span", "em", "strong", "font", "a", "u", "small")
_WRAPS = ("<p>{}</p>", "<div>{}</div>", "<table><tr><td>{}</td></tr></table>", "<html><body><p>{}</p></body></html>")
_CUTS = {
    "mobile": ([3, 7], [3], [4, 8]),
    "id": ([6, 14], [6, 10, 14], [4, 8, 12, 16], [6]),
    "card": ([4, 8, 12, 16], [6, 12]),
}
_TO_DROP = re.compile("[" + re.escape("".join(_SEPARATORS) + _INVISIBLE + "\n\t()+（）【】–—") + "]")


def _number(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(sorted(_LABELS))
    if kind == "id":
        birth = f"{rng.randint(1935, 2015)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        return kind, make_id(rng.choice(_REGIONS), birth, f"{rng.randrange(1000):03d}")
    if kind == "mobile":
        return kind, rng.choice(("139", "138", "151", "177", "186", "199")) + f"{rng.randrange(1, 10**8 - 1):08d}"
    return kind, make_card(
        rng.choice(("622202", "622848", "621700", "623668")), rng.choice((16, 19)), rng.randint(1, 10**9)
    )


def _spelled(rng: random.Random, kind: str, number: str) -> str:
    ways = rng.sample(["full", "invisible", "groups", "mixed"], rng.randint(0, 3))
    text = number
    if "groups" in ways:
        cuts = [*rng.choice(_CUTS[kind]), len(number)]
        pieces = [number[a:b] for a, b in zip([0, *cuts], cuts, strict=False)]
        text = rng.choice(_SEPARATORS).join(pieces)
    if "invisible" in ways:
        chars = list(text)
        for _ in range(rng.randint(1, 3)):
            chars.insert(rng.randint(1, len(chars) - 1), rng.choice(_INVISIBLE))
        text = "".join(chars)
    if "full" in ways:
        text = text.translate(_FULL)
    elif "mixed" in ways:
        text = "".join(c.translate(_FULL) if rng.random() < 0.5 else c for c in text)
    return text


def _markup(rng: random.Random, text: str) -> str:
    """``text`` cut into pieces, some wrapped in an inline element, some digits as references."""
    out: list[str] = []
    at = 0
    while at < len(text):
        size = rng.randint(1, 5)
        piece, at = text[at : at + size], at + size
        escaped = "".join(
            f"&#{ord(c)};" if c.isdigit() and rng.random() < 0.2 else html.escape(c, quote=False) for c in piece
        )
        roll = rng.random()
        if roll < 0.3:
            name = rng.choice(_INLINE)
            out.append(f"<{name}>{escaped}</{name}>")
        elif roll < 0.35:
            out.append(escaped + "<!-- x -->")
        else:
            out.append(escaped)
    return rng.choice(_WRAPS).format("".join(out))


def _document(seed: int) -> tuple[str, list[str]]:
    rng = random.Random(seed)
    parts: list[str] = []
    numbers: list[str] = []
    while not numbers or len(parts) < 2:
        if rng.random() < 0.5:
            kind, number = _number(rng)
            label = rng.choice(_LABELS[kind]) if rng.random() < 0.7 else ""
            parts.append(label + rng.choice(("", "：", ":", " ")) + _spelled(rng, kind, number) + rng.choice("，。； "))
            numbers.append(number)
        else:
            parts.append(rng.choice(_PROSE))
    return _markup(rng, "".join(parts)), numbers


def _shown(body: str) -> str:
    """What a browser shows of ``body``, folded: tags and comments dropped, references decoded,
    NFKC, invisible characters and separators dropped."""
    text = html.unescape(re.sub(r"<[^>]*>", "", re.sub(r"<!--.*?-->", "", body, flags=re.S)))
    return _TO_DROP.sub("", unicodedata.normalize("NFKC", text)).upper()


def test_the_oracle_sees_the_numbers_in_the_documents_as_generated() -> None:
    """The documents hold their numbers where a reader sees them: a leak would be found."""
    for seed in range(50):
        body, numbers = _document(seed)
        for number in numbers:
            assert number.upper() in _shown(body), (seed, body)


@pytest.mark.parametrize("role", ["outsourced", "caseworker"])
def test_no_number_is_shown_once_masked(role: str) -> None:
    for seed in range(300):
        body, numbers = _document(seed)
        shown = _shown(out(body, "text/html", role))
        for number in numbers:
            assert number.upper() not in shown, (seed, role, body)

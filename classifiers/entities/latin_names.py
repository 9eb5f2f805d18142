"""Names in Latin letters under a name key: pinyin (``{"xm": "Zhang Wei"}``, ``ZHANG Wei``, ``Wei
Zhang``, ``Zhāng Wěi``, ``Ouyang Nana``, ``Zhangwei``), a minority name transliterated (``Tashi
Dorje``) or a foreigner's (``Maria Garcia``). Systems keep them beside the characters (a bank's
account name, a passport's spelling, an English interface); the name tests read CJK only, so such a
value went out in clear under ``xm`` and ``姓名``.

Under a key that names a person (``xm``, ``姓名``, ``applicantName``) two to four words of letters
are a name, and one word that starts with a pinyin surname (``Zhangwei``). Under a weak key
(``name``, which also names products, plans and units: ``Basic Allowance``, ``Huawei``) a name is
two or three words, the first or last a pinyin surname, as a CJK value under it must start with a
surname.
"""

from __future__ import annotations

import re
import unicodedata

# A word of a name: letters (accented ones too: Zhāng, Müller), inner hyphens and apostrophes
# (Xiao-ming, O'Neil), an initial's dot (J.).
_WORD = r"[A-Za-z\u00c0-\u024f](?:[A-Za-z\u00c0-\u024f'’\-]*[A-Za-z\u00c0-\u024f])?\.?"
_NAME = re.compile(rf"{_WORD}(?:[ \u00b7\u30fb,]{{1,2}}{_WORD}){{0,3}}")
_PARTS = re.compile(r"[ \u00b7\u30fb,]+")


def _words(text: str) -> list[str]:
    return text.split()


# Mainland pinyin of the common surnames (GB/T 28039 spelling), the compound ones written as one
# word, and the Hong Kong and Taiwan spellings of the commonest.
PINYIN_SURNAMES = frozenset(
    _words(
        """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang
    xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai jia ding wei xue
    ye yan lu du dai fu zhong ren qian shen yao jin fan shi liao tan zou xiong meng qin bai cui kang
    mao qiu hao gu hou shao wan duan lei yin yi chang qiao lai gong wen pang fang kong zhan niu
    lyu lv ni tao ji ou mo zhai an chu hua le ling mu nie qi rao sang shang shu si tong xiang xing
    yue zang zha zhen zuo bao bi bian bo cen chai che cheng dang di diao dou geng gou guan hang
    hong ju kou kuang lan lang leng lian long man miao ning nong pu rong ruan sheng su tu xi xin
    yong you zhuang zi
    ouyang sima zhuge shangguan situ dongfang huangfu murong xiahou zhangsun yuwen gongsun
    chan wong cheung leung lau chow tsang kwok yeung tse ng lam lee ho lo tsai hsu chiang
    """
    )
)

# What follows the surname in one word: a syllable or more, each with a vowel.
_SYLLABLES = re.compile(r"(?:[bcdfghjklmnpqrstwxyz]{0,2}[aeiouv]+(?:ng|n|r)?){1,3}")

# Words that fill a name field when there is no name: no one's.
_NO_ONE = frozenset(_words("unknown none null nil test user admin system anonymous"))


def _plain(word: str) -> str:
    """The word lower-cased, accents dropped (Zhāng -> zhang, Lǚ -> lu)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip(".")


def _starts_with_surname(word: str) -> bool:
    """One word that is a surname and a syllable or more (zhangwei, ouyangnana), as a login spells
    a name; not a surname alone (zhang, which reads as zha + ng)."""
    if word in PINYIN_SURNAMES:
        return False
    return any(word[:k] in PINYIN_SURNAMES and _SYLLABLES.fullmatch(word[k:]) for k in range(2, 8))


def is_latin_name(value: str, *, require_surname: bool) -> bool:
    """Is ``value`` (a whole value under a name key) a name written in Latin letters?"""
    if _NAME.fullmatch(value) is None:
        return False
    words = [_plain(w) for w in _PARTS.split(value)]
    if any(w in _NO_ONE for w in words):
        return False
    if not require_surname:
        return len(words) > 1 or _starts_with_surname(words[0])
    # A product's or a plan's name is one word or several more often than a person's two or three.
    return len(words) in (2, 3) and (words[0] in PINYIN_SURNAMES or words[-1] in PINYIN_SURNAMES)

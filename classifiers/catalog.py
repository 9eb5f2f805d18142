"""Field-name evidence: what a JSON key, CSV header or form field says about its value."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import yaml

from .custom import CustomEntity

DEFAULT_PATH = Path(__file__).with_name("catalog.yaml")
# libyaml's parser where PyYAML was built with it: the pure-Python one parsed catalog.yaml's 17 KB
# in ~241 M instructions, most of an import of classifiers.inspect's set-up. Both build the same
# objects (the constructor and resolver are the same Python classes; tests/classifiers/
# test_speed_round_twenty_nine.py compares the catalog both parse).
LOADER: Final = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PHONE = "PHONE"  # catalog-only kind: the value decides between MOBILE and LANDLINE
_YIELDING = "REGISTER_NUMBER"  # its field names yield to a declared entity's (see load)
_WORDS_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[^\x00-\x7f]+")
# Pinyin abbreviations shorter than this only match whole keys: "zz" must not claim "pizz".
_MIN_PINYIN_SUFFIX = 3
# Longer keys are looked up without being remembered (see Catalog.lookup).
_CACHED_KEY = 256
# Business words that only say "an identifier of": what precedes them names what it identifies.
_ID_WORDS = frozenset({"no", "id", "code", "num", "number", "编号", "序号"})
# The identifier words no business term is made of (pageNum, totalNumber count).
_COUNT_WORDS = frozenset({"num", "number"})
# What an identifier word after them identifies: a person's or an account's login (userId,
# loginNo, memberCode, accountId, 用户编号), which is a mobile's or a card's number as often as a
# serial. Such a key is read as none the catalog knows: what the value is decides (loginId
# 13912345678 goes, userId 10086 stays); as a business key a mobile or a card went out in clear.
_LOGIN_HEADS = ("user", "login", "member", "person", "account", "customer", "operator", "card", "用户", "会员", "登录")
# What may follow the region words of a key (``regions.words``): areaCode, qx_dm, areaName.
_REGION_ID_WORDS = frozenset({"no", "id", "code", "num", "number", "dm", "bm", "name"})
# The last word of a key naming a list of what the words before it name: regionCodeList.
_LIST_WORDS = frozenset({"list", "array", "arr", "set"})
_LIST_CHINESE = ("列表", "集合")
# An index inside a key, between the words of a member's field (jtcy1xm, cy1_xm, jtcy_2_xm: the
# first member's name): one to three digits, the separators beside them, letters or CJK on both sides.
_INNER_INDEX_RE = re.compile(r"([A-Za-z\u4e00-\u9fff]+?)[_-]?[0-9]{1,3}[_-]?([A-Za-z\u4e00-\u9fff]+)")


# What a heading is decorated with (``Catalog._decorated``), read after NFKC (【】 and 「」 stay
# themselves; （）： become ()：): brackets, a required mark, a colon, quotes, spaces.
_DECORATION = "【】[]()<>《》「」〔〕*:\"' "
# A note in brackets after a heading: 姓名（必填）, 身份证号(18位).
_NOTE_RE = re.compile(r"\([^()]{1,8}\)$")


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """What the catalog knows about one key. ``term`` is the catalog entry that matched."""

    term: str
    entity: str | None = None
    weak: bool = False
    business: bool = False
    category: str | None = None
    region: bool = False  # holds the 行政区划代码 of the record it is in (see ``regions`` in the YAML)
    # A key of region words (areaCode): only a value that is a GB/T 2260 code says the region.
    region_code_only: bool = False
    # A part of the record's region written apart (``region_parts``): 1 a province, 2 a city,
    # 3 a county (classifiers/regionparts.py); 0 none.
    region_part: int = 0

    @property
    def evidence(self) -> str:
        return f"key:{self.term}"


def fold_key(key: str) -> str:
    """Case-insensitive, ``_``/``-``/space-insensitive form of a key."""
    return key.lower().replace("_", "").replace("-", "").replace(" ", "")


class Catalog:
    def __init__(self, data: dict[str, Any]) -> None:
        # folded term -> info, per matching style
        self._english: dict[str, KeyInfo] = {}
        self._suffixed: dict[str, KeyInfo] = {}  # pinyin and Chinese: plain-suffix matching
        self._exact: dict[str, KeyInfo] = {}
        # Region keys match whole only: "hukouRegionCode" names where someone is registered,
        # which may lie anywhere; it stays an ordinary business key through "code".
        regions = data.get("regions") or {}
        for style in ("english", "pinyin", "chinese"):
            for term in regions.get(style) or []:
                folded = fold_key(str(term))
                self._exact.setdefault(folded, KeyInfo(folded, business=True, region=True))
        self._region_words = frozenset(fold_key(str(word)) for word in regions.get("words") or [])
        # Keys where only a GB/T 2260 code, or a name of one division, says the record's region.
        for term in [
            *(regions.get("township_codes") or []),
            *(regions.get("areas") or []),
            *(regions.get("township_names") or []),
        ]:
            folded = fold_key(str(term))
            self._exact.setdefault(folded, KeyInfo(folded, business=True, region=True, region_code_only=True))
        parts = data.get("region_parts") or {}
        self._parts = {
            fold_key(str(term)): level
            for level, name in enumerate(("province", "city", "county"), 1)
            for term in parts.get(name) or []
        }
        for entity, spec in (data.get("entities") or {}).items():
            for style in ("english", "pinyin", "chinese"):
                for term in spec.get(style) or []:
                    self._add(style, term, KeyInfo(fold_key(str(term)), entity=entity))
            for term in spec.get("weak") or []:
                self._add("english", term, KeyInfo(fold_key(str(term)), entity=entity, weak=True))
        business = data.get("business") or {}
        for style in ("english", "pinyin", "chinese"):
            for term in business.get(style) or []:
                self._add(style, term, KeyInfo(fold_key(str(term)), business=True))
        for category, spec in (data.get("categories") or {}).items():
            for style in ("english", "pinyin", "chinese"):
                for term in spec.get(style) or []:
                    self._add(style, term, KeyInfo(fold_key(str(term)), category=category))
        self._suffix_terms = sorted(self._suffixed, key=len, reverse=True)
        self._longest_english = max((len(term) for term in self._english), default=0)
        self._cached = lru_cache(maxsize=8192)(self._lookup)

    @classmethod
    def load(cls, path: Path | None = None, custom: tuple[CustomEntity, ...] = ()) -> Catalog:
        """The catalog, with the field names of the entities a deployment declares (custom.py)
        after the shipped ones (a shipped field name keeps its meaning)."""
        with (path or DEFAULT_PATH).open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=LOADER) or {}
        if custom:
            shipped = dict(data.get("entities") or {})
            # A register's or a certificate's number (低保证号, dbzh) is what a deployment declares
            # an entity for (its certificate's shape, its level): its field names yield to the
            # declared ones, where every other shipped name keeps its meaning.
            yielding = {_YIELDING: shipped.pop(_YIELDING)} if _YIELDING in shipped else {}
            data["entities"] = {**shipped, **{c.spec.entity: c.keys for c in custom}, **yielding}
        return cls(data)

    def _add(self, style: str, term: str, info: KeyInfo) -> None:
        folded = fold_key(str(term))
        self._exact.setdefault(folded, info)  # first section wins: entities before business
        if style == "english":
            self._english.setdefault(folded, info)
        elif style == "chinese" or len(folded) >= _MIN_PINYIN_SUFFIX:
            self._suffixed.setdefault(folded, info)

    def lookup(self, key: str) -> KeyInfo | None:
        """What ``key`` says about its value; keys of a key's length are remembered. Element
        texts are asked about too (a label?): kept, 8192 photos' base64 would hold gigabytes."""
        return self._cached(key) if len(key) <= _CACHED_KEY else self._lookup(key)

    def _lookup(self, key: str) -> KeyInfo | None:
        """``_looked_up``, with the level of a part of the region written apart (``region_parts``):
        xiandm stays a region key, city stays no key of anything else."""
        info = self._looked_up(key)
        level = self._parts.get(fold_key(key), 0)
        if not level:
            return info
        return replace(info, region_part=level) if info is not None else KeyInfo(fold_key(key), region_part=level)

    def _looked_up(self, key: str) -> KeyInfo | None:
        """Exact match, else the longest trailing-words match, else the longest suffix."""
        folded = fold_key(key)
        if not folded:
            return None
        exact = self._exact.get(folded)
        if exact is not None:
            return exact
        words = _WORDS_RE.findall(key)
        region = self._of_region_words(folded, words) or self._listed_region(key, words)
        if region is not None:
            return region
        for i in range(self._first_tail(words), len(words)):
            hit = self._english.get("".join(words[i:]).lower())
            if hit is not None:
                last_alone = i == len(words) - 1 and hit.term in _ID_WORDS
                return self._named_before(hit, "".join(words[:i]) if last_alone else "")
        if len(words) > 1 and words[-1].lower() in _COUNT_WORDS:
            # phoneNum, mobile_number: "num" ends counts too (pageNum), so it is no business term,
            # and the words before it alone say what the number is
            named = self._entity_named("".join(words[:-1]))
            if named is not None:
                return named
        for term in self._suffix_terms:
            if folded.endswith(term):
                hit = self._suffixed[term]
                return self._named_before(hit, folded[: -len(term)] if term in _ID_WORDS else "")
        return self._indexed(key) or self._indexed_inside(key) or self._dotted(key) or self._decorated(key)

    def _decorated(self, key: str) -> KeyInfo | None:
        """A key written as a form's or a template's heading (姓名*, 姓名：, 【姓名】, [姓名], （姓名）,
        姓名（必填）, ｘｍ in full-width letters) names what it names bare: the required mark and
        the colon after it, the brackets about it and a note in brackets after it are no part of
        the name (a mark before it, *姓名, was matched as a suffix). Only entity keys, as for
        ``_indexed``."""
        bare = unicodedata.normalize("NFKC", key) if not key.isascii() else key
        noted = _NOTE_RE.search(bare)
        if noted is not None and noted.start() > 0:
            bare = bare[: noted.start()]
        bare = bare.strip(_DECORATION)
        if not bare or bare == key:
            return None
        info = self.lookup(bare)
        return info if info is not None and info.entity is not None else None

    def _indexed_inside(self, key: str) -> KeyInfo | None:
        """A key with an index between its words (jtcy1xm, cy1_xm: the first member's 姓名, as
        jtcyxm and cyxm name one) names what the key without it names. xm is matched whole only (it
        ends 救助项目's jzxm too), so the words after the index were read as no key. Only entity
        keys, as for ``_indexed`` (page2xm, md5sum stay)."""
        match = _INNER_INDEX_RE.fullmatch(key)
        if match is None:
            return None
        info = self.lookup(match.group(1) + match.group(2))
        return info if info is not None and info.entity is not None else None

    def _dotted(self, key: str) -> KeyInfo | None:
        """A field's path written with dots (applicant.xm, members.0.xm: OpenSearch's ``fields``
        and ``highlight`` name a nested field so, as a flattened document does) names what its
        last part names (before ``.keyword``, the default sub-field of a text field: xm.keyword).
        Only entity keys, as for ``_indexed``."""
        path = key[: -len(".keyword")] if key.endswith(".keyword") else key
        last = path[path.rfind(".") + 1 :]
        if not last or last == key:
            return None
        info = self.lookup(last)
        return info if info is not None and info.entity is not None else None

    def _indexed(self, key: str) -> KeyInfo | None:
        """A key naming an entity with an index after it (xm1, xm_2, name2, 姓名1, lxr1: the
        second member of a household, the first contact) names the same entity. Only entity
        keys: elsewhere a number after a word changes what it says (md5, page2, v1)."""
        stem = key.rstrip("0123456789").rstrip("_-")
        if not stem or len(stem) == len(key) or not key[-1].isdigit():
            return None
        info = self.lookup(stem)
        return info if info is not None and info.entity is not None else None

    def _of_region_words(self, folded: str, words: list[str]) -> KeyInfo | None:
        """A key made only of region words and identifier words (areaCode, COUNTY_CODE,
        regionId): it may hold the record's region, or a telephone area code, a row id. A
        word of anything else (hukouAreaCode: where someone is registered) is no such key."""
        lowered = [word.lower() for word in words]
        if not any(word in self._region_words for word in lowered):
            return None
        if all(word in self._region_words or word in _REGION_ID_WORDS for word in lowered):
            # Not a business key: what is no code there (an address under "area") is scanned
            # as under a key the catalog does not know.
            return KeyInfo(folded, region=True, region_code_only=True)
        return None

    def _listed_region(self, key: str, words: list[str]) -> KeyInfo | None:
        """A list of regions (regionCodes, region_code_list, xzqhdms, 区划代码列表) is judged as
        one region key is: an upstream filtering by ?regionCodes=610921 answers for 汉阴县.
        Only region keys are read so (statuses is no list of a "statu")."""
        stem = ""
        if key.endswith(_LIST_CHINESE):
            stem = key[:-2]
        elif len(words) > 1 and words[-1].lower() in _LIST_WORDS:
            stem = "_".join(words[:-1])
        elif words and len(words[-1]) > 1 and words[-1][-1] in "sS":
            stem = "_".join([*words[:-1], words[-1][:-1]])
        if not stem:
            return None
        info = self.lookup(stem)
        return info if info is not None and info.region else None

    def _first_tail(self, words: list[str]) -> int:
        """Where the longest trailing words that could still spell an English term start (at
        least 1): a long text read as a label candidate (a photo's base64 in an XML element,
        thousands of camelCase "words") made joining every tail quadratic, minutes for 5 MB."""
        first, tail = len(words), 0
        while first > 1 and tail + len(words[first - 1]) <= self._longest_english:
            first -= 1
            tail += len(words[first])
        return first

    def _named_before(self, hit: KeyInfo, head: str) -> KeyInfo | None:
        """A business match on an identifier word yields to the entity the words before it
        name: "telephoneNo", "mobileId" and "银行卡编号" hold a phone and a card, not serials
        (a business key takes only checksummed IDs, so they went out in clear); after a login's
        words (``_LOGIN_HEADS``: userId) it is no key the catalog knows."""
        if hit.business and head:
            named = self._entity_named(head)
            if named is not None:
                return named
            if head.lower().endswith(_LOGIN_HEADS):
                return None
        return hit

    def _entity_named(self, words: str) -> KeyInfo | None:
        """What ``words``, the head of a key before an identifier word, name when it is an entity
        and not weakly (contactId: "contact" is only a name's hint)."""
        named = self.lookup(words)
        return named if named is not None and named.entity is not None and not named.weak else None

"""Combine field-name evidence with content detection for one value."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Final

from . import float_text
from .catalog import PHONE, Catalog, KeyInfo
from .entities import (
    address,
    bank_card,
    birth_date,
    email,
    embedded_file,
    landline,
    licence_plate,
    mobile,
    name_keys,
    passport,
    permits,
    person_name,
    register_number,
    resident_id,
    social_security_card,
    uscc,
)
from .entities.base import CONTEXT_BOOST
from .entities.latin_names import is_latin_name
from .entities.name_tests import cjk_start
from .fold_tables import FORMAT_CHARACTERS, class_of
from .masked_in_part import as_stars, masked_in_part
from .normalise import fold
from .scanner import Match, Scanner

_HINTS: dict[str, frozenset[str]] = {
    PHONE: frozenset({"MOBILE", "LANDLINE"}),
}
# Entities trusted under a business key (serial numbers, amounts) in a value of ASCII, an
# identifier's shape: only those whose checksum makes a coincidence unlikely, or an '@' address.
_CHECKSUMMED = frozenset({resident_id.ENTITY, uscc.ENTITY})
# Found under a business key too: an e-mail, and a photo or scan (a file is one whatever its key).
_ANY_KEY = frozenset({email.ENTITY, embedded_file.ENTITY})
_KEY_SCORE = 0.95
_PHONE_CHARS = frozenset("0123456789+-() ")
# What a phone's digits may be grouped with under a phone key: the characters of
# _LOOSE_SEPARATORS except the list separators (",", ";", ":"), which part several numbers,
# and the full-width brackets and hyphen.
_PHONE_GROUPED = _PHONE_CHARS | frozenset("－（）\u3000/_\t|\\·")
_PHONE_MASKED = _PHONE_GROUPED | frozenset("*＊×#＃Xx")
# Letters typed for digits (O for 0, l and I for 1: "61O9O2…", "l39…", by hand or by a scan's
# text recognition): a reader reads the number. Under an ID number's or a phone's key the
# key's claim reads them as those digits.
_LETTER_DIGITS: Final = str.maketrans("OoIl", "0011")
# Under a key that names the entity, digits grouped by any punctuation still make the value:
# "610902/19470415/8177", "139_1234_5678", "610902(19470415)8177", "“610902”+“194704158177”"
# (folding joins only spaces, hyphens and dots, and NFKC made the brackets and commas ASCII).
_LOOSE_SEPARATORS = re.compile(r"[\s/_\\|,;:·()\[\]【】<>《》\"'“”‘’+、\-]+")
# Spaces between the characters of a name, as rosters pad a two-character name to the width of
# three (张  伟, 张　伟, 张&nbsp;伟 in a table); and a hyphen, dot or underscore typed between them
# to slip past a check ({"xm": "张-伟"} went out in clear).
_NAME_GAPS = re.compile(r"(?<=[\u3400-\u4dbf\u4e00-\u9fff])[\s\-._]+(?=[\u3400-\u4dbf\u4e00-\u9fff])")
BIRTH_DATE = birth_date.ENTITY
# Date shapes under a birth-date key, after folding (which drops separators inside digit runs,
# so 1976-10-01 arrives as 19761001): 19761001, 197610, 1976/10/1, 1976年10月1日, 1976年10月.
_DATE = re.compile(
    r"(?:18|19|20)[0-9]{2}(?:[-/.年](?:0?[1-9]|1[0-2])月?(?:[-/.]?(?:0?[1-9]|[12][0-9]|3[01])日?)?"
    r"|(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])?)"
)
_NO_MATCHES: list[Match] = []
# A name written under a field name in a text: ``xm=张伟``, ``name: 张伟``, ``"name": "张伟"``,
# ``{name: '张伟'}``, or in a cell of its own after it (``| xm | 张伟 | jhrxm | 李芳 |``, a Markdown
# row of pairs on one line); the key is looked up in the catalog. (Chinese labels, 姓名：张伟,
# are context words already; a Chinese key in quotes, ``"姓名"="王芳"``, ``'联系人':'巴特尔'``, is
# read as a JSON key is: the quote stood between the label and its value.)
_LABELLED: Final = re.compile(
    r"""(?:(?<![\w$])([A-Za-z_][\w$]*)["']?|["']([\u3400-\u4dbf\u4e00-\u9fff]{2,12})["'])[ \t]*[:=：|｜][ \t]*["']?"""
    r"([\u3400-\u4dbf\u4e00-\u9fff][\u3400-\u4dbf\u4e00-\u9fff·•]{1,19})"
)
# What every text holding such a name holds (a superset, one C-level search): a separator
# with a CJK character after it. Not a raw string: columns.py hands the pattern to RE2 too,
# which reads no \u escapes.
LABEL_HINT: Final = re.compile("[:=：|｜][ \t]*[\"']?[\u3400-\u4dbf\u4e00-\u9fff]")
# A name in Latin letters after a Chinese label, and its characters in brackets after it
# (姓名：Zhang Wei, 联系人：zhangwei（张伟）): read by neither the name tests (CJK only) nor
# _LABELLED (a Latin key), they went out in clear. The label is looked up in the catalog, the
# value judged as under that key (latin_names.is_latin_name). Every name label holds a context
# word (姓名, 人, 户主), so the scanner's pre-check passes such a text already.
# Full-width letters and U+3000 (姓名：Ｚｈａｎｇ Ｗｅｉ) and invisible characters inside a word
# (Zhang\u200bWei) read too: the value is folded before it is judged.
_LATIN_LETTER = "A-Za-z\u00c0-\u024f\uff21-\uff3a\uff41-\uff5a"
_LATIN_INNER = _LATIN_LETTER + "'’\\-" + class_of(frozenset(FORMAT_CHARACTERS))[1:-1]
_LATIN_NAME = rf"[{_LATIN_LETTER}][{_LATIN_INNER}]*(?:[ \u3000·][{_LATIN_LETTER}][{_LATIN_INNER}]*){{0,3}}"
_LATIN_LABELLED = re.compile(
    r"([\u3400-\u4dbf\u4e00-\u9fff]{2,12})[ \t\u3000]*[:：][ \t\u3000]*"
    rf"({_LATIN_NAME})"
    r"(?:[ \t\u3000]*[(（]([\u3400-\u4dbf\u4e00-\u9fff][\u3400-\u4dbf\u4e00-\u9fff·•]{1,19})[)）])?"
)
# And after a Latin key, in an English interface's text or a log line (``name: Zhang Wei``,
# ``xm=Zhang Wei&sfzh=…``): the key's catalog entry and is_latin_name decide, as in JSON.
_LATIN_KEYED = re.compile(rf"""(?<![\w$])([A-Za-z_][\w$]*)["']?[ \t]*[:=][ \t]*["']?({_LATIN_NAME})""")
_LATIN_LABEL_HINT: Final = re.compile(f"[:：=][ \t\u3000]*[\"']?[{_LATIN_LETTER}]")
# A name label and spaces only before the name (姓名 Li Na，性别 女: a form pasted as text, its colons
# lost): found from the spaces before a letter, the label the whole CJK run before them, and the
# name one with a pinyin surname (is_latin_name's test for a weak key: 姓名 English Name stays).
# (A space first, so that ``re`` skips to one in C, and a CJK character before it: found at every
# space before a letter, an English remark's words went through the loop. labelled_names asks
# _may_be_spaced_label and searches once before the loop, whose iterator and search cost every
# value holding a space: the corpus document's count rose ~130,000 instructions an inspection.)
_SPACES_BEFORE_LETTER: Final = re.compile(
    f"[ \u3000](?<=[\u3400-\u4dbf\u4e00-\u9fff][ \u3000])[ \u3000]*(?=[{_LATIN_LETTER}])"
)
_LATIN_NAME_RE: Final = re.compile(_LATIN_NAME)


def _may_be_spaced_label(text: str) -> bool:
    """Could ``text`` hold a name label and spaces before a name (``_latin_spaced``)? The labels a
    form pasted as text writes so (姓名, 户主, 配偶, and those ending in 人: 申请人 Zhang Wei), by
    substring tests: most values hold a space, and the search cost each some 500 instructions."""
    return "姓名" in text or "户主" in text or "人 " in text or "配偶" in text


def holds_label_mark(text: str) -> bool:
    """Whether ``text`` holds a character that opens either hint above (``:=：|｜``). Five
    C-level finds: ``re`` tests its class at each character, some 8,000 instructions the two
    hints over a remark of 80 characters, and most remarks hold none of them."""
    return ":" in text or "：" in text or "=" in text or "|" in text or "｜" in text


# What marks a key of a log line that names a person (``user=张伟``, ``审核人=李娜``:
# entities/name_keys.py) where ``labelled_names`` hands it on: its value is visited as a name
# key's (see ``key_info``), and the catalog never sees it (in JSON such keys hold anything).
_LOGGED_PERSON = "\x00person:"
_PLANS_MAX = 4096

# Clean values under a key that names their entity, for which the outcome of the full scan
# is known in advance (see ``Detector._keyed``). Anything else takes the full path.
_CANONICAL = {
    resident_id.ENTITY: r"[1-9][0-9]{16}[0-9Xx]",
    PHONE: r"1[3-9][0-9]{9}",
    bank_card.ENTITY: r"[0-9]{16,19}",
    person_name.ENTITY: "[\u3400-\u4dbf\u4e00-\u9fff]{2,4}",  # the characters, not \u escapes, which RE2 does not read
    address.ENTITY: r"\S(?:.*\S)?",
    # ISO dates: no digit run the scan could take (8 digits, none of 6 in a row), so the key's claim.
    BIRTH_DATE: r"(?:18|19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])",
    # The e-mail pattern matches such a value whole and validates it (no dots or hyphens to
    # misplace), and nothing else can start at its first character: no 10 digits in a row
    # (phone, ID, card), no 18 letters and digits (credit code), no '+', '(' or separator;
    # labels after the first start with a letter, so no digits are grouped around a dot.
    email.ENTITY: r"(?![0-9]{10})(?![0-9A-Za-z]{18})[A-Za-z0-9_]{1,64}@[A-Za-z0-9]{1,63}"
    r"(?:\.[A-Za-z][A-Za-z0-9]{0,62})*\.[A-Za-z]{2,24}",
}
_ADDRESS_VALUE = r"[^\s\x00](?:[^\n\x00]*[^\s\x00])?"
# The address shape over a NUL-joined column (every address plan's ``column``: one object, which
# columns.whole_column knows by identity and mostly decides without it).
ADDRESS_COLUMN = re.compile(f"(?:{_ADDRESS_VALUE})(?:\x00(?:{_ADDRESS_VALUE}))*")
# A landline under a phone key written the common way, area code and subscriber apart. The
# scan would find it three times (grouped, and joined as a whole and as a window, lifted by
# the key to 0.4 + 0.35) and keep the 0.75; a placeholder subscriber leaves the key's claim.
_LANDLINE_CLEAN = re.compile(landline.AREA + r"[- ][2-9][0-9]{6,7}")
_LANDLINE_JOINED = landline.PATTERNS[1].score + CONTEXT_BOOST


@dataclass(frozen=True, slots=True)
class Plan:
    """What to do with every value under one key; computed once per key."""

    info: KeyInfo | None
    hints: frozenset[str]
    canonical: re.Pattern[str] | None  # value-level fast path, see _CANONICAL
    column: re.Pattern[str] | None  # the same over a "\\x00"-joined column of values
    evidence: str
    strong_evidence: str
    # Could a NUL-joined column hold an entity a deployment declared (custom.py)? None when
    # none is: then the pre-check (columns.maybe) alone decides whether a column is skipped.
    declared: Callable[[str], bool] | None = None


class Detector:
    def __init__(self, catalog: Catalog, scanner: Scanner) -> None:
        self.catalog = catalog
        self.scanner = scanner
        # One plan per catalog entry (and one for keys it does not know), never dropped:
        # clean_values is keyed by id(plan), which must not be reused while an entry names it.
        self._plan_of_info: dict[KeyInfo | None, Plan] = {}
        # Key -> plan, bounded (emptied when full): keys come from responses and may be
        # anything, ID numbers included (a map keyed by them).
        self._plans: dict[str | None, Plan] = {}
        # Shared by the inspections of one process (see detections.Detections.detected and the JSON
        # walker): (plan id or 0, value) and object keys in which nothing was found.
        self.clean_values: set[tuple[int, str]] = set()
        self.clean_keys: set[str] = set()
        # Keys of a JSON object -> may it hold a number in parts (numberparts.NumberParts.may_split).
        self.split_keys: dict[tuple[str, ...], bool] = {}
        # A key -> the fields it names (compound_keys.fields: 姓名/性别), remembered across walks:
        # asked of every key of every walk, it cost 1.3 % of the corpus document's instructions.
        self.compound_keys: dict[str, tuple[str, tuple[str, ...]] | None] = {}
        # An object key read as a person's name because of what it holds ({"张三": {...}},
        # fastjson): visited as a name key's value, with evidence of its own.
        self.member_name_plan = self._make_plan(KeyInfo("member-name", person_name.ENTITY))

    def key_info(self, key: str | None) -> KeyInfo | None:
        if key and key.startswith(_LOGGED_PERSON):  # a log line's user=张伟, vetted as a name already
            return KeyInfo(key[len(_LOGGED_PERSON) :], person_name.ENTITY)
        return self.catalog.lookup(key) if key else None

    def labelled_names(self, text: str) -> list[tuple[str, int, int]]:
        """(key, start, end) of each name written under a name key in ``text``, and under a key
        of a log line that names a person (``user=张伟``, ``members=李娜,王强``: name_keys.py)."""
        found: list[tuple[str, int, int]] = []
        if not text.isascii() and _may_be_spaced_label(text) and _SPACES_BEFORE_LETTER.search(text):
            found += self._latin_spaced(text)
        if not holds_label_mark(text):  # every other shape holds a mark
            return found
        # Two searches, each from its class of separators: joined in one pattern, neither
        # class led the search (the corpus document +0.6 %).
        latin = _LATIN_LABEL_HINT.search(text) is not None
        if latin:
            found += self._latin_labelled(text)
        if text.isascii():  # the other shapes hold CJK
            return sorted(found, key=lambda item: item[1])
        if not latin and LABEL_HINT.search(text) is None:
            return found
        logged = latin
        for m in _LABELLED.finditer(text):
            key = m.group(1) or m.group(2)
            info = self.key_info(key)
            if info is not None and info.entity == person_name.ENTITY:
                found.append((key, m.start(3), m.end(3)))
                # a list of names (xm=张伟,李娜): each item a name
                found += [(key, a, b) for a, b in name_keys.listed_after(text, m.end(3))]
            elif (
                info is None
                and m.group(1) is not None
                and name_keys.is_person_key(key)
                and name_keys.is_name_value(m.group(3))
            ):
                found += _logged(text, key, m.start(3), m.end(3))
                logged = True
        if "=" in text:
            for m in name_keys.CHINESE_KEYED_RE.finditer(text):
                if name_keys.is_name_value(m.group(2)):
                    found += _logged(text, m.group(1), m.start(2), m.end(2))
                    logged = True
        if logged:  # in order and apart, as the walkers cut the text
            found.sort(key=lambda item: item[1])
            found = [item for i, item in enumerate(found) if i == 0 or item[1] >= found[i - 1][2]]
        return found

    def _latin_spaced(self, text: str) -> list[tuple[str, int, int]]:
        """(key, start, end) of each name in Latin letters after a Chinese name label and spaces
        (``姓名 Li Na``, ``户主 Wang Xiuying 男``)."""
        found: list[tuple[str, int, int]] = []
        for spaces in _SPACES_BEFORE_LETTER.finditer(text):
            end = spaces.start()
            start = cjk_start(text, end)
            if not 2 <= end - start <= 12:
                continue
            info = self.key_info(text[start:end])
            name = _LATIN_NAME_RE.match(text, spaces.end())
            if (
                info is not None
                and info.entity == person_name.ENTITY
                and name is not None
                and is_latin_name(name.group().rstrip(), require_surname=True)
            ):
                found.append((text[start:end], name.start(), name.end()))
        return found

    def _latin_labelled(self, text: str) -> list[tuple[str, int, int]]:
        """(key, start, end) of each name in Latin letters after a Chinese name label, and of
        its characters in brackets after it (``联系人：zhangwei（张伟）``); and after a Latin
        name key (``name: Zhang Wei``)."""
        found: list[tuple[str, int, int]] = []
        if not text.isascii():
            for m in _LATIN_LABELLED.finditer(text):
                key = m.group(1)
                info = self.key_info(key)
                if info is None or info.entity != person_name.ENTITY:
                    continue
                if m.end(2) - m.start(2) <= 4 and text[m.end(2) : m.end(2) + 1].isdigit():
                    continue  # 操作员：A1024 李娜: a staff number's letters, no name (name_staff.py reads it)
                found.append((key, m.start(2), m.end(2)))
                if m.group(3) is not None:
                    found.append((key, m.start(3), m.end(3)))
        for m in _LATIN_KEYED.finditer(text):
            key = m.group(1)
            info = self.key_info(key)
            if info is not None and info.entity == person_name.ENTITY:
                found.append((key, m.start(2), m.end(2)))
        return found

    def plan(self, key: str | None) -> Plan:
        plan = self._plans.get(key)
        if plan is None:
            info = self.key_info(key)
            plan = self._plan_of_info.get(info)
            if plan is None:
                plan = self._plan_of_info[info] = self._make_plan(info)
            if len(self._plans) >= _PLANS_MAX:
                self._plans.clear()
            self._plans[key] = plan
        return plan

    def _make_plan(self, info: KeyInfo | None) -> Plan:
        entity = info.entity if info is not None else None
        hints = (_HINTS.get(entity, frozenset({entity})) if entity else frozenset()) if info else frozenset()
        weak = info is not None and info.weak
        regex = _CANONICAL.get(entity) if entity and (not weak or entity == person_name.ENTITY) else None
        strong = {resident_id.ENTITY: resident_id.SPEC, bank_card.ENTITY: bank_card.SPEC}.get(entity or "")
        evidence = info.evidence if info is not None else ""
        # The same over a NUL-joined column; the address shape's "." and "\S" would cross
        # a NUL, so there the separator is excluded (a value holding one fails the column).
        column = re.compile(f"(?:{regex})(?:\x00(?:{regex}))*") if regex else None
        if entity == address.ENTITY and regex:
            column = ADDRESS_COLUMN
        return Plan(
            info,
            hints,
            re.compile(regex) if regex else None,
            column,
            evidence,
            f"{strong.strong_evidence}+{evidence}" if strong else "",
            self.scanner.may_hold_custom if self.scanner.custom_entities else None,
        )

    def detect(self, value: str, info: KeyInfo | None, plan: Plan | None = None) -> list[Match]:
        """Findings in ``value`` (a string, or a JSON integer's text) under a key."""
        if info is None:
            return self.scanner.scan(value)
        plan = plan or self._make_plan(info)
        if info.entity == PHONE and _LANDLINE_CLEAN.fullmatch(value) is not None:
            if landline.validate(value) is False:
                return [Match(landline.ENTITY, 0, len(value), _KEY_SCORE, info.evidence)]
            return [Match(landline.ENTITY, 0, len(value), _LANDLINE_JOINED, f"pattern+{info.evidence}")]
        if plan.canonical is not None:
            if plan.canonical.fullmatch(value) is not None:
                return self.keyed(value, plan)
            # A disguised keyed value (full-width or zero-width characters, grouped digits)
            # that folds to a clean one: the same outcome as for the clean value, mapped back.
            # The scan would fold it anyway, then try three passes and the windows.
            folded = fold(value)
            if (
                folded.text != value
                and info.entity != email.ENTITY  # a folded e-mail can lose a separator the scan sees
                and plan.canonical.fullmatch(folded.text) is not None
            ):
                return [
                    Match(m.entity, *folded.span(m.start, m.end), m.score, m.evidence)
                    for m in self.keyed(folded.text, plan)
                ]
        return self.scanned(value, info, plan)

    def scanned(self, value: str, info: KeyInfo, plan: Plan) -> list[Match]:
        """:meth:`detect` without its shortcuts: the scan, then the key's evidence and claim
        (the reference the shortcuts are tested against)."""
        entity = info.entity
        hints = plan.hints
        found = self.scanner.scan(value, hints=hints, hint_evidence=info.evidence)
        if info.business and value.isascii():
            return [m for m in found if m.entity in _ANY_KEY or (m.entity in _CHECKSUMMED and m.score >= 1.0)]
        # A value beyond ASCII under a business key (电话139…, 申请人张伟…: found by fuzzing) is
        # text, no identifier: what the scan finds is kept, as under no key.
        if entity is None:
            return found
        found = [
            Match(m.entity, m.start, m.end, m.score, f"{m.evidence}+{info.evidence}")
            if m.entity in hints and info.evidence not in m.evidence
            else m
            for m in found
        ]
        whole = self._whole_value(value, info, found)
        if whole is not None:
            return [m for m in found if m.end <= whole.start or m.start >= whole.end] + [whole]
        if entity == person_name.ENTITY:  # several names in the value, the key's claim on each
            listed = [Match(entity, a, b, _KEY_SCORE, info.evidence) for a, b in name_keys.names_listed(value)]
            if listed:
                return [m for m in found if not any(m.start < n.end and n.start < m.end for n in listed)] + listed
        return found

    def keyed(self, value: str, plan: Plan) -> list[Match]:
        """The outcome of :meth:`detect` for a value matching ``plan.canonical``, without a scan.

        Each branch spells out what the full path would conclude for such a value: the
        content match when it validates (it covers the whole value and wins ties), else
        the key's claim on the whole value. Values the full path could decide otherwise
        (a context word inside a name, a weak key) never get here.
        """
        info = plan.info
        entity = info.entity if info is not None else None
        n = len(value)
        if entity == resident_id.ENTITY:
            if resident_id.validate(value):
                return [Match(entity, 0, n, 1.0, plan.strong_evidence)]
            return [Match(entity, 0, n, _KEY_SCORE, plan.evidence)]
        if entity == PHONE:
            if mobile.validate(value) is None:
                return [Match(mobile.ENTITY, 0, n, mobile.PATTERNS[0].score, f"pattern+{plan.evidence}")]
            return [Match(mobile.ENTITY, 0, n, _KEY_SCORE, plan.evidence)]
        if entity == bank_card.ENTITY:
            if value[0] in "34569" and bank_card.validate(value):
                return [Match(entity, 0, n, 1.0, plan.strong_evidence)]
            return [Match(entity, 0, n, _KEY_SCORE, plan.evidence)]
        if entity == person_name.ENTITY and keyed_name(value, info):
            return [Match(entity, 0, n, _KEY_SCORE, plan.evidence)]
        if entity == email.ENTITY:
            return [Match(entity, 0, n, email.PATTERNS[0].score, f"pattern+{plan.evidence}")]
        if entity == BIRTH_DATE:
            return [Match(entity, 0, n, _KEY_SCORE, plan.evidence)]
        if entity == address.ENTITY and n >= 2:
            return [Match(entity, 0, n, _KEY_SCORE, plan.evidence)]
        return self.detect(value, info, replace(plan, canonical=None)) if info is not None else _NO_MATCHES

    def _whole_value(self, value: str, info: KeyInfo, found: list[Match]) -> Match | None:
        """The key's own claim on the whole value when content detection did not confirm it."""
        start = len(value) - len(value.lstrip())
        core = value.strip()
        end = start + len(core)
        if not core:
            return None
        entity = info.entity
        # Content detection already confirmed the key (an address key keeps its whole value:
        # a region-anchored match may cover only part of it).
        if entity != "ADDRESS" and any(
            m.entity == entity or (entity == PHONE and m.entity in _HINTS[PHONE]) for m in found
        ):
            return None
        folded = fold(core).text
        if (entity == resident_id.ENTITY or entity == PHONE) and not folded.isdigit():
            core, folded = core.translate(_LETTER_DIGITS), folded.translate(_LETTER_DIGITS)
        compact = _LOOSE_SEPARATORS.sub("", folded)  # the number alone, for number entities
        claim: str | None = None
        phone_chars = _PHONE_GROUPED
        if entity in _MASKED_IN_PART and masked_in_part(compact):
            # Masked upstream in part (6109021990****1235, 6222****1234567890, 1380013****): still
            # the number the key names, whose digits in clear may be more than the caller's
            # profile shows (Run._masked asks the profile: masked_in_part.as_came).
            compact = as_stars(compact).replace("*", "0")
            phone_chars = _PHONE_MASKED
        if entity == resident_id.ENTITY and resident_id.looks_like(compact):
            claim = entity  # masked even with a bad check digit: the key says what it is
        elif entity == resident_id.ENTITY and permits.residence_2017(compact):
            claim = passport.ENTITY  # a foreigner's permanent residence ID of the 2017 series
        elif entity == passport.ENTITY and len(compact) == 18 and resident_id.looks_like(_unmasked(compact)):
            # One of the 2023 series (永居证号), an ID number's shape, maybe masked in part upstream
            # (9118401985****0016: the mask's characters stand for digits).
            claim = resident_id.ENTITY
        elif entity == social_security_card.ENTITY and social_security_card.labelled_id(compact):
            # A legacy, mistyped or cut ID number under 医保号 or 社保卡号 (the holder's, in some provinces).
            claim = resident_id.ENTITY
        elif entity == resident_id.ENTITY and _spreadsheet_id(core):
            claim = entity
        elif entity == PHONE and set(core) <= phone_chars and 7 <= _digits(compact) <= 15:
            digits = "".join(c for c in compact if c.isdigit())
            claim = "MOBILE" if digits[-11:-10] == "1" and len(digits) >= 11 else "LANDLINE"
        elif entity == PHONE and (digits := float_text.whole_digits(core)):
            # Written as a float ("1.3800138E10"); in 13800138000.0 the scan finds the mobile already.
            if not 7 <= len(digits) <= 15:
                return None
            claim = "MOBILE" if digits[0] == "1" and len(digits) == 11 else "LANDLINE"
        elif (
            (
                entity == bank_card.ENTITY
                # (under a weak key, bankNo, a bank's clearing code as often: what the scan found decides)
                and not info.weak
                and (
                    (compact.isdigit() and 12 <= len(compact) <= 19)
                    or 12 <= len(float_text.whole_digits(core)) <= 19  # 6.22202123456789E+18
                )
            )
            or (
                entity == person_name.ENTITY
                and (
                    person_name.is_keyed_name(_NAME_GAPS.sub("", folded), require_surname=info.weak)
                    or is_latin_name(folded, require_surname=info.weak)  # full-width letters read too
                    or _name_masked_in_part(folded, require_surname=info.weak)
                )
            )
            # Digits not joined: a building, unit and room written 3-2-501 join into one number.
            or (
                entity == "ADDRESS"
                and len(core) >= 2
                and (not info.weak or address.looks_like(fold(core, join_digits=False).text))
            )
            or (entity == "EMAIL" and "@" in core)
            or (entity == uscc.ENTITY and len(folded) == 18 and folded.isalnum())
            or (entity == passport.ENTITY and passport.looks_like(compact))
            or (entity == social_security_card.ENTITY and social_security_card.looks_like(compact))
            or (entity == register_number.ENTITY and register_number.looks_like(compact))
            or (entity == licence_plate.ENTITY and licence_plate.looks_like(compact))
            # A declared entity's number (custom.py) whatever its shape: the key says what it is.
            or (entity in self.scanner.custom_entities and any(c.isdigit() for c in compact))
            or (entity == BIRTH_DATE and _is_date(core, folded))
        ):
            claim = entity
        if claim is None:
            return None
        return Match(claim, start, end, _KEY_SCORE, info.evidence)


def _logged(text: str, key: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """A name under a log line's key of a person, and the names of a list after it, each
    under that key marked (``_LOGGED_PERSON``)."""
    marked = _LOGGED_PERSON + key
    return [(marked, start, end), *((marked, a, b) for a, b in name_keys.listed_after(text, end))]


def _unmasked(compact: str) -> str:
    """``compact`` with the characters of a mask an upstream left in it as zeros (as_stars)."""
    return as_stars(compact).replace("*", "0") if masked_in_part(compact) else compact


def _is_date(core: str, folded: str) -> bool:
    """A date shape, read joined (19761001) or, where joining lost the parts (1976-10-1 joins
    into 1976101), with its separators."""
    return _DATE.fullmatch(folded) is not None or _DATE.fullmatch(fold(core, join_digits=False).text) is not None


def keyed_name(value: str, info: KeyInfo | None) -> bool:
    """Is a clean CJK value under a name key a name whole, with nothing else for the scan
    to find? Not when it holds a context word (户主张三) or is a form's placeholder (不详,
    未填写); under a weak key (``name``, which also names products and places) only when it
    starts with a surname and is no group of persons or status (``{"老人": "高龄"}``)."""
    if person_name.may_contain(value) or value in person_name.PLACEHOLDERS:  # {"xm": "不详"}
        return False
    return info is None or not info.weak or person_name.is_keyed_name(value, require_surname=True)


def _spreadsheet_id(text: str) -> bool:
    """An ID number a spreadsheet wrote as a float ("6.10902199001011E+17": its first 15 digits,
    the province and the date of birth among them, and three zeros for the rest)."""
    digits = float_text.whole_digits(text)
    return len(digits) == 18 and resident_id.truncated(digits[:17])


# Number entities an upstream may hand over masked in part (masked_in_part.py).
_MASKED_IN_PART: Final = frozenset({resident_id.ENTITY, bank_card.ENTITY, PHONE})


# A name the upstream masked in part (张*伟, 欧阳*娜, *伟, 张**): a character left in clear may be more
# than the caller's profile shows (Run._masked asks the profile: masked_in_part.as_came).
_NAME_MASKED = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff*]{2,5}")


def _name_masked_in_part(value: str, *, require_surname: bool) -> bool:
    if "*" not in value or _NAME_MASKED.fullmatch(value) is None or value.count("*") == len(value):
        return False
    return not require_surname or person_name.surname_length(value) > 0


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)

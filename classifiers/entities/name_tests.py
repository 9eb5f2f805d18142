"""What passes for a person's name: a surname and given-name characters, and what a candidate
found beside a label, a number or a role must not be (a placeholder, a unit, a title, a place).
The judgements person_name.py's passes share."""

from __future__ import annotations

from . import address
from .name_patterns import (
    _AFTER_NAME_IN_PROSE,
    _CALLED,
    _HEADING_ENDS,
    _KEYED_RE,
    _NOT_IN_NAMES,
    _NUMBER_LABEL_ENDS,
    _PHONE_LABEL_ENDS,
    _TITLE_ENDS,
    _TRAILERS,
    _UNIT_ENDS,
    CONTEXT,
    HONORIFIC_TITLES,
    HONORIFICS,
    LABELLED_RUN_MAX,
    NEXT_LABELS,
    TITLE_TAILS,
)
from .name_words import (
    AFTER_NAME_WORDS,
    COMPOUND_SURNAMES,
    GROUP_WORDS,
    PLACEHOLDERS,
    PROSE_WORDS,
    RELATIONS,
    ROLES,
    STATUSES,
    STATUSES_AFTER_NAME,
    SURNAMES,
    TRANSLITERATED,
    TRANSLITERATED_ENDINGS,
    TRANSLITERATED_WORDS,
)

# Single characters that follow a name in prose (户主张伟持残疾证, 特困人员张伟于3月入住) and end
# few given names: after a name's second character they end it. 称, 说 and 讲 say what someone
# reported (举报人张伟称其母生病: 张伟称 was masked, one character too many); 张伟明 keeps its third.
_VERBS_AFTER_NAME = frozenset("持在于已因等系将被称说讲")


def cjk_at(text: str, at: int) -> bool:
    """Is ``text[at]`` a CJK ideograph (``name_patterns._CJK``'s ranges)? Read as ``ord(text[at])``,
    which mypyc compiles to the code point without a string of one character; compared as
    strings, each test cost ~540 instructions. The passes that walk a run of CJK characters
    share it."""
    code = ord(text[at])
    return 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF


def cjk_start(text: str, end: int, lowest: int = 0) -> int:
    """Where the run of CJK ideographs (``cjk_at``) that ends at ``end`` begins, reading back no
    further than ``lowest``; ``end`` when none ends there."""
    while end > lowest and cjk_at(text, end - 1):
        end -= 1
    return end


def after_spaces(text: str, at: int) -> int:
    """``at`` past the spaces and tabs there."""
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def before_spaces(text: str, at: int) -> int:
    """``at`` back over the spaces and tabs before it."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at


def cjk_end(text: str, start: int) -> int:
    """Where the run of CJK ideographs (``cjk_at``) that begins at ``start`` ends; ``start`` when
    none begins there."""
    end = start
    while end < len(text) and cjk_at(text, end):
        end += 1
    return end


def surname_length(name: str) -> int:
    """2 for a compound surname, 1 for a known single surname, 0 otherwise."""
    if name[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if name[:1] in SURNAMES else 0


def is_name(candidate: str) -> bool:
    """A surname and one to three given-name characters (two for a compound surname)."""
    surname = surname_length(candidate)
    return surname > 0 and surname < len(candidate) <= surname + 2


# A bank's or a credit union's short name, under a weak key ending in Name ({"bankName": "农商行"}):
# 农 and 秦 are surnames, and the value was masked as a name. A name ending in 行 (张行) stays one.
_BANK_ENDS = ("银行", "商行", "合行", "信社", "用社")
_BANK_SHORT = frozenset({"农行", "农商", "农信"})


def is_keyed_name(value: str, *, require_surname: bool) -> bool:
    """Is a value under a name key a name? (2-4 CJK, or a dotted minority-language name). Under
    a weak key (``name``, ``spouse``) a surname is required, or transliterating characters
    (扎西多吉, 卓玛: ``is_transliterated``), which spell no product's or unit's name. A form's
    placeholder (不详, 未填写, 同上: ``PLACEHOLDERS``, a closed list) is no name, and under a weak
    key neither is a group of persons or a status (``{"老人": "高龄"}``, a table of categories) nor
    a case file's pseudonym (``{"user": "王某"}``: no one, as ``user=王某`` in a log's text)."""
    if _KEYED_RE.fullmatch(value) is None or value in PLACEHOLDERS:  # {"xm": "不详"}: no one
        return False
    if not require_surname:
        return True
    return (
        (surname_length(value) > 0 or is_transliterated(value))
        and value not in GROUP_WORDS
        and value not in STATUSES
        and not value.endswith(_BANK_ENDS)
        and value not in _BANK_SHORT
        and not is_pseudonym(value)
    )


def trim(candidate: str) -> str:
    """A candidate after a context word, cut to a name's length, less the words that may follow
    a name (_TRAILERS)."""
    limit = 4 if surname_length(candidate) == 2 else 3
    candidate = before_prose(candidate)[:limit]
    while len(candidate) > 2 and candidate[-1] in _TRAILERS:
        candidate = candidate[:-1]
    return candidate


def before_prose(candidate: str) -> str:
    """``candidate`` less the prose glued after a name of two characters (张伟持有 -> 张伟, 张伟于
    -> 张伟, 欧阳娜持 -> 欧阳娜): a verb or a word that follows a name (``AFTER_NAME_WORDS``) right
    after its first given-name character. 张伟强持有 stays 张伟强持 for :func:`trim`."""
    surname = surname_length(candidate)
    cut = surname + 1
    if (
        surname
        and len(candidate) > cut
        and (
            candidate[cut] in _VERBS_AFTER_NAME
            or candidate[cut : cut + 2] in AFTER_NAME_WORDS
            or candidate[cut : cut + 2] in STATUSES_AFTER_NAME  # 配偶李娜无业
        )
    ):
        return candidate[:cut]
    return candidate


def ends_before_prose(text: str, at: int) -> bool:
    """Does prose that follows a name begin at ``at`` (张伟称, 张伟已, 张伟的, 张伟签字, 张伟患有)?"""
    return text[at] in _VERBS_AFTER_NAME or text[at] in _AFTER_NAME_IN_PROSE or text[at : at + 2] in AFTER_NAME_WORDS


def is_prose_word(candidate: str) -> bool:
    """Does a candidate after a label open with a word of prose (平时, 和配偶, 于今年: ``PROSE_WORDS``)?"""
    return candidate[:2] in PROSE_WORDS


def plausible(candidate: str) -> bool:
    """A name, and no group of persons, no word that calls for one (车, 全家), no place, no
    occupation or state (农民, 成年), no pseudonym (王某, 李某某), no household (张家)."""
    return (
        is_name(candidate)
        and not is_pseudonym(candidate)
        and candidate[surname_length(candidate) :] != "家"  # 张家（电话略）: a household, no one's name
        and candidate not in GROUP_WORDS
        and candidate not in STATUSES
        and not candidate.startswith(_CALLED)
        and not address.is_place_name(candidate)
    )


def is_pseudonym(candidate: str) -> bool:
    """Is ``candidate`` a surname and 某 (王某, 李某某, 欧阳某): a case file's anonymised reference,
    which names no one (残疾人王某、李某)?"""
    given = candidate[surname_length(candidate) :]
    return bool(given) and given.strip("某") == ""


def before_honorific(run: str) -> str:
    """``run`` less an honorific after a name (张伟同志 of 经办人：张伟同志, 王秀英老人): the honorific
    is no part of the name, and masked with it told who was meant as well as the name did not."""
    for word in HONORIFICS:
        if run.endswith(word) and len(run) - len(word) >= 2:
            if word in HONORIFIC_TITLES and len(run) - len(word) <= surname_length(run):
                return run  # 欧阳主任: a surname and a title, no name (TITLE_TAILS tells)
            return run[: -len(word)]
    return run


def beside_number(candidate: str) -> bool:
    """Is a run beside a number without a checksum a name, and no unit, label or word of prose
    (请回电 139… 谢谢)?"""
    return (
        plausible(candidate)
        and not is_prose_word(candidate)
        and candidate[-1] not in _UNIT_ENDS
        and candidate[-1] not in _NUMBER_LABEL_ENDS
        and candidate[-1] not in _PHONE_LABEL_ENDS
    )


def may_be_labelled_name(run: str) -> bool:
    """Can the run after a name field's label be a name that has no listed surname?"""
    return (
        run not in PLACEHOLDERS
        and run not in NEXT_LABELS  # a blank form: 姓名：性别：
        and run not in RELATIONS
        and run not in ROLES
        and run not in GROUP_WORDS
        and run not in STATUSES  # 配偶：无业
        and run[-1] not in _UNIT_ENDS
        and run[-1] not in _TITLE_ENDS
        and not run.endswith(TITLE_TAILS)
        and not any(char in _NOT_IN_NAMES for char in run)
        and not address.is_place_name(run)
    )


def before_next_label(run: str) -> str:
    """``run`` less the label of the next field that ends it (卓玛性别 of 姓名：卓玛性别：女)."""
    for cut in range(2, len(run) - 1):
        if run[cut:] in NEXT_LABELS:
            return run[:cut]
    return run


def is_heading(word: str) -> bool:
    """Is ``word`` a column's heading (性别, 身份证号, 配偶, 家庭人口, 签字) rather than a value?"""
    return (
        word in NEXT_LABELS
        or word in CONTEXT
        or word in RELATIONS
        or word[-1] in _NUMBER_LABEL_ENDS
        or word[-1] in _HEADING_ENDS
    )


def is_transliterated(run: str) -> bool:
    """Is ``run`` a name of transliterating characters (次仁, 阿依古丽, 巴特尔: name_words.TRANSLITERATED),
    two to six, the last maybe an ending (买买提江: ``TRANSLITERATED_ENDINGS``), and no prose word of them (多次) nor anything a name after a label is not?"""
    # (an ending, 买买提江, 古丽汗, only after two of them)
    body = run[:-1] if len(run) > 2 and run[-1] in TRANSLITERATED_ENDINGS else run
    return (
        2 <= len(run) <= LABELLED_RUN_MAX
        and all(char in TRANSLITERATED for char in body)
        and run not in TRANSLITERATED_WORDS
        and may_be_labelled_name(run)
    )

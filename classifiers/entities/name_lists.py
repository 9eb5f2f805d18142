"""Names in prose with no label before them: a list of names whose head or tail says they are
persons (本月走访张伟、李娜、王强三户, 慰问张伟、李娜等5名老人, 其子女张伟、李娜均在外务工), and a
full name before an honorific (王秀英老人独居, 张伟同志, 李娜女士, 扎西老人).

A list of words of a surname's shape is common in prose (周一、周三, 金额、单价), so each item
must be a name and the list must have a head (a visit, 其子女) or a tail (a count of
households or persons, 等人, 夫妇) that says so. A surname and an address (张大爷, 王女士) is
no full name and stays.
"""

from __future__ import annotations

import re

from . import address
from .name_patterns import (
    _AFTER_NAME_IN_PROSE,
    _NUMBER_LABEL_ENDS,
    _UNIT_ENDS,
    AFTER_AND,
    CONTEXT,
    HONORIFIC_TITLES,
    LIST_AFTER_COMMA,
    LIST_BEFORE_COMMA,
    LIST_COUNT,
    LIST_HEADS,
    LIST_JOINED,
    LIST_TAILS,
    VISIT_FIELD,
    VISITS,
)
from .name_patterns import HONORIFICS as HONORIFICS
from .name_patterns import LIST_HINT as LIST_HINT
from .name_tests import (
    _VERBS_AFTER_NAME,
    before_honorific,
    before_next_label,
    before_prose,
    cjk_start,
    ends_before_prose,
    is_prose_word,
    is_transliterated,
    may_be_labelled_name,
    plausible,
    surname_length,
)
from .name_words import AFTER_NAME_WORDS, CATEGORIES, COMPOUND_SURNAMES, RELATIONS, ROLES, SURNAMES, TRANSLITERATED

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"

# CJK runs joined by 、 (or /: 张伟/李娜夫妇): a list, its first item glued to what comes before
# and its last to what follows (本月走访张伟、李娜、王强三户).
_LIST_RE = re.compile(f"[{_CJK}]+(?:[、/][{_CJK}]+)+")
_ITEM_SEPARATOR_RE = re.compile("[、/]")
# LIST_HINT, its two halves: what ends at a 、 (tried over a window before it) and what
# begins at one (tried there).
_BEFORE_COMMA_RE = re.compile(LIST_BEFORE_COMMA)
_AFTER_COMMA_RE = re.compile(LIST_AFTER_COMMA)
_JOINED_RE = re.compile(LIST_JOINED)
# The joints of two names before a tail (走访了刘洋和陈静两户, 张伟与李娜夫妇).
_JOINTS = "和与"
# The most characters of what follows a joint that _joined_at reads: a name of six, a space, and
# the longest tail.
_AFTER_JOINT_SPAN = 24
# The most characters a match of _BEFORE_COMMA_RE spans before its 、: the longest head (a
# category; the other heads have three at most) and ten (a name of six, or words for persons
# and a name: 慰问困难党员王秀英、).
_BEFORE_COMMA_SPAN = max(len(word) for word in CATEGORIES) + 10
_HONORIFIC_RE = re.compile("|".join(HONORIFICS))

# What says a list's items are persons (name_patterns.LIST_HEADS, LIST_TAILS): a head right
# before its first name, or a tail right after its last (the count may stand after a space).
_HEAD_RE = re.compile(f"(?:{LIST_HEADS})$")
# A visit's head with words for persons between it and the first name (慰问困难党员张伟、李娜,
# 走访低保户家庭张伟、李娜): the words must end as a word for persons does.
_PERSON_WORDS = "党员|家庭|群众|村民|居民|职工|军属|烈属|军人|老人|儿童|对象|人员|户"
_HEAD_WORDS_RE = re.compile(f"(?:{VISITS})[{_CJK}]{{0,6}}(?:{_PERSON_WORDS})$")
_TAIL_RE = re.compile(f"[ \t]?(?:{LIST_TAILS})")
# A visit's word and a colon right before a list's first name (慰问：张伟、李娜): a field of visits.
_VISIT_FIELD_RE = re.compile(f"{VISIT_FIELD}$")
# A list whose every name stands before a count of persons in brackets (张伟(3人)、李娜(2人)),
# and one item of it.
_COUNTED_LIST_RE = re.compile(f"[{_CJK}]+{LIST_COUNT}(?:、[{_CJK}]+{LIST_COUNT})+")
_COUNTED_ITEM_RE = re.compile(f"([{_CJK}]+){LIST_COUNT}")
# What may stand between a list's last name and its tail (张伟、李娜系夫妻, 张伟、李娜均2人).
_BEFORE_TAIL = frozenset("系均")
# What follows the last name of a list after a head (其子女张伟、李娜均在外务工).
_AFTER_LIST = frozenset("均都分")

# The last character of what is no person's name: a household or a pseudonym (张家、李家两户,
# 王某), an address by surname (王老, 李小), a place (城关镇) or a count (万名).
# (爷叔婶妈娘: a surname and an address, 张大爷, 李大妈, 王大婶, before 的 and a relation too)
_NOT_NAME_ENDS = frozenset("家某氏姓老小省市区县镇乡村街路巷组名位户个爷叔婶妈娘") | _UNIT_ENDS | _NUMBER_LABEL_ENDS
# Surnames that are also conjunctions and prepositions (和张伟, 向李娜): read as the word.
_CONJUNCTIONS = frozenset("和与及同向对从于为")
# Characters of a category of persons, not of a given name, before 老人 (全失能老人, 万余老人,
# 周岁以上老人, 高寿老人, 全民养老人口): 老人 follows categories in prose more often than names. And
# what is done to the old (其子张强对老人不尽赡养义务: 张强对 was masked, one character too many).
_CATEGORY_CHARS = frozenset("失龄岁寿困残疾病贫孤寡独居留守巢瘫痪卧床智障余以上下类等些边婚养敬对给帮")


def may_contain(text: str) -> bool:
    """``LIST_HINT.search(text) is not None``, asked only at each 、: could ``text`` hold a list
    of names with its head or tail? Searched whole, its alternatives were tried at every
    character of every value the pre-check reached."""
    at = text.find("、")
    while at >= 0:
        if _AFTER_COMMA_RE.match(text, at) is not None:
            return True
        if _BEFORE_COMMA_RE.search(text, max(0, at - _BEFORE_COMMA_SPAN), at + 1) is not None:
            return True
        at = text.find("、", at + 1)
    # After a / only a tail says so (张伟/李娜夫妇): a / before a head's names is a path's or a date's.
    at = text.find("/")
    while at >= 0:
        if _AFTER_COMMA_RE.match(text, at) is not None:
            return True
        at = text.find("/", at + 1)
    # Nor after 和 or 与 (走访了刘洋和陈静两户): they join far more than names.
    for joint in _JOINTS:
        at = text.find(joint)
        while at >= 0:
            if _JOINED_RE.match(text, at) is not None:
                return True
            at = text.find(joint, at + 1)
    return False


def _words(text: str) -> list[str]:
    """The words of ``text``, split at spaces."""
    return text.split()


# What care or a visit does to the old, after an adverb that ends with a surname's character (经常照顾
# 老人, 及时看望老人, 按时护理老人: 常照顾, 时看望 were masked): a name of three does not end with one.
_CARE_ACTS = frozenset(
    _words(
        "照顾 照料 照看 照护 看护 陪护 护理 看望 探望 探视 慰问 问候 走访 关心 关爱 陪伴 帮助 帮扶 服务 接送 救助 赡养 扶养 抚养"
    )
)


# A surname's character and a numeral is a day (周一, 周日, 周末) or a placeholder (张三), no name.
_DAYS = frozenset("一二三四五六七八九十日天末")


def is_day_or_place(word: str) -> bool:
    """Is ``word``, of a surname's shape, a weekday (周一, 周末) or a county-level city's short name
    (张家港), where a label's or a role's name would stand (老人周一、周三值班, 低保户张家港)? Not
    张三 or 李四: after a label a placeholder is written as a name is."""
    return (len(word) == 2 and word[0] == "周" and word[1] in _DAYS) or address.is_region_stem(word)


# What follows a weekday in a roster or a remark (老人周一值班, 周末上午入户): a weekday before one of
# them is a day, where a run cut to a name's length took the word's first character with it (周一值).
_AFTER_DAY = frozenset(
    _words("值班 上班 下班 休息 轮休 值守 执勤 在岗 到岗 坐班 全天 上午 下午 中午 晚上 早上 开会 入户 回访 走访 上门")
)


def day_before_word(run: str) -> bool:
    """Does ``run`` (a run of CJK characters, read from a label's or a role's end) open with a
    weekday before a word that follows one (周一值班, 周末上午)? 周一鸣值班 does not: 鸣值 is no such
    word, and 周一鸣 stays a name."""
    return run[:1] == "周" and run[1:2] in _DAYS and run[2:4] in _AFTER_DAY


# The context words, relations and roles, which no name is: one set (CONTEXT and ROLES are tuples,
# and ``in`` of them compared a word with each of theirs).
LABEL_WORDS = frozenset((*CONTEXT, *RELATIONS, *ROLES))


def whole_run_name(word: str, not_names: frozenset[str] = frozenset()) -> bool:
    """Is a whole CJK run cut before a word that follows a name (签字, 家庭成员表, a greeting) a
    person's full name: a name as a list's item is (``_name``), and no context word, relation,
    role, nor one of ``not_names`` (the words of a name's shape that stand before that word)."""
    return _name(word) and word not in LABEL_WORDS and word not in not_names


def _name(word: str) -> bool:
    """Is ``word`` (cut from a run) a person's full name, and none of the look-alikes?"""
    if is_transliterated(word):
        return True
    return (
        plausible(word)
        and not (len(word) == 2 and word[1] in _DAYS)
        and word[0] not in _CONJUNCTIONS
        and (word[-1] not in _NOT_NAME_ENDS or is_married_name(word))
        and not is_prose_word(word)
        and may_be_labelled_name(word)
        and not address.is_region_stem(word)  # 现将张家港列为试点, 由张家港照顾
    )


def is_married_name(word: str) -> bool:
    """Is ``word`` a married woman's old name: her husband's surname, her own and 氏 (孙王氏, 张李氏),
    as older records of the rural elderly write it? 王氏 alone is a clan's as often (王氏宗祠)."""
    return len(word) == 3 and word[2] == "氏" and word[0] in SURNAMES and word[1] in SURNAMES


def tail_whole(run: str, rest: int = 0) -> int:
    """How many characters at the end of ``run`` are a name whole (``_name``; four only with a
    compound surname or transliterating characters), the longest first, with ``rest`` characters
    of the run or more before it (欧阳娜娜, 王秀英 of 核实王秀英, 李娜 of 用户李娜); 0 if none. No label,
    relation or role is one (申请人, 母亲, 低保户). The words glued before a name (用户, 村民, 居民,
    核实) end in no surname, so a tail that starts inside one is none (户李娜, 民王强)."""
    for size in (4, 3, 2):
        word = run[-size:]
        if (
            size + rest <= len(run)
            and (size < 4 or word[:2] in COMPOUND_SURNAMES or is_transliterated(word))
            and _name(word)
            and word not in LABEL_WORDS
        ):
            return size
    return 0


def _tail_name(run: str) -> int:
    """How many characters of ``run`` (an item's run, read from its end) are a name: the whole
    run, else its last four (a compound surname), three or two; 0 if none is. Transliterating
    characters at the end (卓玛, 扎西多吉) are a name of their own unless a longer Han name ends
    with them (欧阳娜娜, 王卓玛: 娜娜 alone left 欧阳 in clear)."""
    cut = len(run)
    while cut > 0 and run[cut - 1] in TRANSLITERATED:
        cut -= 1
    spelled = len(run) - cut if is_transliterated(run[cut:]) else 0
    for size in (len(run), 4, 3, 2):
        word = run[-size:]
        if spelled < size <= min(len(run), 4) and (size < 4 or word[:2] in COMPOUND_SURNAMES) and _name(word):
            return size
    return spelled


def _head_name(run: str, ends: re.Pattern[str] | None) -> int:
    """How many characters at the head of ``run`` (the last item's run) are a name followed by
    the list's tail (``ends``), or, where ``ends`` is None, by the run's end or a word that
    follows a name; 0 if none."""
    for size in (2, 3, 4, 5, 6):
        if size > len(run):
            break
        word = run[:size]
        if (size == 4 and word[:2] not in COMPOUND_SURNAMES and not is_transliterated(word)) or (
            size > 4 and not is_transliterated(word)
        ):
            continue
        if not _name(word):
            continue
        rest = run[size:]
        if ends is not None:
            # (系 or 均 may stand before the tail: 张伟、李娜系夫妻, where 李娜系 was masked)
            if ends.match(rest) is not None or (rest[:1] in _BEFORE_TAIL and ends.match(rest, 1) is not None):
                return size
        elif (
            not rest
            or rest[0] in _AFTER_LIST
            or rest[0] in _AFTER_NAME_IN_PROSE
            or rest[0] in _VERBS_AFTER_NAME
            or rest[:2] in AFTER_NAME_WORDS
        ):
            return size
    return 0


def listed_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names of a list in prose (``走访了扎西、卓玛两户``): every item a name, the first at the
    end of its run, the last at the head of its run, with a head or a tail that says they are
    persons. A list with an item that is no name (高龄、失能, 汉滨区、汉阴县, 张家、李家) is none."""
    found: list[tuple[int, int, float, str]] = []
    if "、" not in text and "/" not in text:
        return found
    for match in _LIST_RE.finditer(text):
        runs = _ITEM_SEPARATOR_RE.split(match.group())
        first = runs[0]
        size = _tail_name(first)
        if size == 0:
            continue
        headed = (
            _HEAD_RE.search(first, 0, len(first) - size) is not None
            or _HEAD_WORDS_RE.search(first, 0, len(first) - size) is not None
            or (
                size == len(first)
                and _VISIT_FIELD_RE.search(text, max(0, match.start() - 8), match.start()) is not None
            )
        )
        # The tail may stand after the run (张伟、李娜 2户): read from the last item's start on.
        last_start = match.end() - len(runs[-1])
        last = text[last_start:]
        last_size = _head_name(last, _TAIL_RE)
        if last_size == 0 and headed:
            last_size = _head_name(runs[-1], None)
        if last_size == 0 or not all(2 <= len(run) <= 6 and _name(run) for run in runs[1:-1]):
            continue
        start = match.start()
        found.append((start + len(first) - size, start + len(first), 0.85, "surname+list"))
        at = start + len(first) + 1
        for run in runs[1:-1]:
            found.append((at, at + len(run), 0.85, "surname+list"))
            at += len(run) + 1
        found.append((last_start, last_start + last_size, 0.85, "surname+list"))
    return found


def joined_names(text: str) -> list[tuple[int, int, float, str]]:
    """Two names joined by 和 or 与 before a list's tail (``走访了刘洋和陈静两户``, ``张伟和李娜夫妇``,
    ``王强与李娜二人均无劳动能力``): the first at the end of its run's part before the joint, after a
    head (a visit, a category) or whole; the second at the head of what follows, before the tail.
    Either no name (党员和群众两户, 张家和李家两户, 父亲和母亲二人) is none."""
    found: list[tuple[int, int, float, str]] = []
    for joint in _JOINTS:
        at = text.find(joint)
        while at >= 0:
            found += _joined_at(text, at)
            at = text.find(joint, at + 1)
    return found


def _joined_at(text: str, at: int) -> list[tuple[int, int, float, str]]:
    """The two names around the joint at ``at``, or none."""
    second = _head_name(text[at + 1 : at + 1 + _AFTER_JOINT_SPAN], _TAIL_RE)
    if second == 0:
        return []
    run = text[cjk_start(text, at) : at]
    first = _tail_name(run) if len(run) >= 2 else 0
    if first == 0:
        return []
    head = len(run) - first
    if head and _HEAD_RE.search(run, 0, head) is None and _HEAD_WORDS_RE.search(run, 0, head) is None:
        return []
    return [(at - first, at, 0.85, "surname+list"), (at + 1, at + 1 + second, 0.85, "surname+list")]


def counted_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names of a list whose every item stands before a count of persons in brackets, as a
    notice names households (``公示如下：张伟（3人）、李娜（2人）``): the first at the end of its
    run, the others whole, every one a name (应到（3人）、实到（2人） is none)."""
    found: list[tuple[int, int, float, str]] = []
    for match in _COUNTED_LIST_RE.finditer(text):
        items = list(_COUNTED_ITEM_RE.finditer(text, match.start(), match.end()))
        size = _tail_name(items[0].group(1))
        if size == 0 or not all(2 <= len(item.group(1)) <= 6 and _name(item.group(1)) for item in items[1:]):
            continue
        found.append((items[0].end(1) - size, items[0].end(1), 0.85, "surname+list"))
        found += [(item.start(1), item.end(1), 0.85, "surname+list") for item in items[1:]]
    return found


# What stands between a name and the person an act is for or with (李娜为老人喂药, 张伟给老人送药, 王强
# 陪老人就医): after a name of two characters, it is no third character of the name.
_BEFORE_AN_OBJECT = frozenset("为给向对帮替与和跟陪及把被让由")


# A school's honorifics, and what ends a class's or a grade's word before them, of a name's shape
# (全班同学, 高年级同学, 毕业班同学, 幼儿园小朋友).
_SCHOOL_HONORIFICS = frozenset(["同学", "小朋友"])
_CLASS_ENDS = frozenset("班级校园组")
# An officer's titles among the honorifics, and what may stand between the name and them (张伟副主任;
# 常务副主任, 党委副书记 name no one).
_TITLES = frozenset(HONORIFIC_TITLES)
_DEPUTY = "副"


def before_honorifics(text: str) -> list[tuple[int, int, float, str]]:
    """A full name right before an honorific (``王秀英老人``, ``张伟同志``, ``走访扎西老人``): the
    CJK run before it, whole or its last characters. Before 老人, which categories precede as
    well (空巢老人, 全失能老人), a Han name of two characters only as the whole run, and none
    with a category's character."""
    found: list[tuple[int, int, float, str]] = []
    if _HONORIFIC_RE.search(text) is None:  # one pass in C, where a find per word cost eight
        return found
    for word in HONORIFICS:
        at = text.find(word)
        while at >= 0:
            # (张伟副主任: the name ends before a deputy's 副)
            end = at - 1 if word in _TITLES and text[at - 1 : at] == _DEPUTY else at
            run = text[cjk_start(text, end) : end]
            size = _tail_name(run) if len(run) >= 2 else 0
            if size == 3 and run[-1] in _BEFORE_AN_OBJECT and _name(run[-3:-1]):
                # 护理员李娜为老人喂药: the honorific's person is another, the name ends before 为
                found.append((end - 3, end - 1, 0.85, "surname+honorific"))
                size = 0
            if size and word == "老人":
                name = run[-size:]
                if (
                    any(char in _CATEGORY_CHARS for char in name)
                    or (size == 2 and size < len(run) and not is_transliterated(name))
                    or (size == 3 and name[1:] in _CARE_ACTS)
                ):
                    size = 0
            elif size and word in _SCHOOL_HONORIFICS and run[-1] in _CLASS_ENDS:
                size = 0  # 全班同学, 高年级同学, 毕业班同学
            elif size and word in _TITLES and surname_length(run[-size:]) == size:
                size = 0  # 欧阳主任: a compound surname and a title, as 王主任 is a surname's
            if size:
                found.append((end - size, end, 0.85, "surname+honorific"))
            at = text.find(word, at + len(word))
    return found


def _before_said(run: str) -> str:
    """``run`` less what was said after a name in it (``before_prose``: 李娜说明情况 -> 李娜), also
    after a name of three characters (王秀英说 -> 王秀英), where ``before_prose`` cuts after two only:
    at a list's end the run holds nothing else."""
    cut = before_prose(run)
    end = surname_length(run) + 2
    if len(cut) == len(run) and end > 2 and len(run) > end and ends_before_prose(run, end):
        return run[:end]
    return cut


# The next item of a list after a labelled name (户主：张伟/李娜, 联系人：张伟|李娜, 姓名：张伟、李娜): a
# separator, then a CJK run that ends there and no label (经办人：张伟/审核人：李娜 is the next field's).
# An age in brackets may stand after each name (慰问名单：张伟（80岁）、李娜（75岁）: folded, ASCII).
_NEXT_LISTED_RE = re.compile(f"(?:[(][0-9]{{1,3}}岁[)])?[ \t]*[、/|][ \t]*([{_CJK}]{{2,16}})(?![{_CJK}:=])")
# A next name after spaces alone (领取人：张伟 王秀英): spaces part a name from its gender, its
# nationality or the next field as often (户主：张伟 汉族), so the item must be a name as a list's is.
_NEXT_SPACED_RE = re.compile(f"[ \t]+([{_CJK}]{{2,4}})(?![{_CJK}:=])")
# The evidence of a name after a field's label or a relation's (person_name.find, name_runs).
_LABELLED = frozenset(["surname+context", "run+context", "run+relation", "surname+colon-benefit"])


def after_labelled(text: str, found: list[tuple[int, int, float, str]]) -> list[tuple[int, int, float, str]]:
    """The names listed after a labelled name in ``found``, parted by 、, / or | (户主：张伟/李娜,
    申请人：张伟/李娜/王强): each a whole run with a listed surname (``plausible``) or of transliterating
    characters, as a relation's list is read (name_runs._relation_runs); the list stops at the first
    item that is none (姓名：张伟/男/45岁, 户主：张伟/汉滨区, 姓名：张伟/无, 值班：张伟/周一)."""
    more: list[tuple[int, int, float, str]] = []
    for _, end, _, evidence in found:
        if evidence not in _LABELLED:
            continue
        while (item := _NEXT_LISTED_RE.match(text, end)) is not None:
            if joined := _joined(item.group(1)):  # 公示：张伟、李娜及王秀英: the list's last two
                more += [(item.start(1), item.start(1) + joined, 0.85, "run+listed")]
                more += [(item.start(1) + joined + 1, item.end(1), 0.85, "run+listed")]
                break
            if before := _before_and(item.group(1)):  # 领取人：张伟、李娜及其家属: the last name
                more.append((item.start(1), item.start(1) + before, 0.85, "run+listed"))
                break
            run = before_honorific(before_next_label(item.group(1)))
            # What was said after the list's last name ends it (户主：张伟、李娜说明情况, 民警张伟、李娜说).
            said = _before_said(run) if len(run) == len(item.group(1)) else run
            if len(run) != len(item.group(1)) or not (
                may_be_labelled_name(said)
                and (plausible(said) or is_transliterated(said))
                and not is_day_or_place(said)
            ):
                break
            more.append((item.start(1), item.start(1) + len(said), 0.85, "run+listed"))
            if len(said) != len(run):
                break
            end = item.end(1)
        # (after a relation's or a list's label only, 领取人, 签到, 家庭成员: a field's name, 户主：张伟,
        # is followed by its nationality, its schooling or its illness as often: 汉族, 文盲, 高血压)
        while (
            evidence == "run+relation"
            and (item := _NEXT_SPACED_RE.match(text, end)) is not None
            and _spaced_name(item.group(1))
        ):
            more.append((item.start(1), item.end(1), 0.85, "run+listed"))
            end = item.end(1)
    return more


def _joined(run: str) -> int:
    """Where 及, 和 or 与 joins two names that make up ``run`` (李娜及王秀英, a list's last two
    items), each one as a list's item is (``_name``, no day or place) and no word of 及 (及时领取:
    ``AFTER_AND``); 0 if it does not."""
    for cut in range(2, len(run) - 2):
        if (
            run[cut] in "及和与"
            and run[cut + 1] not in AFTER_AND
            and all(_name(part) and not is_day_or_place(part) for part in (run[:cut], run[cut + 1 :]))
        ):
            return cut
    return 0


def _before_and(run: str) -> int:
    """How many characters open ``run`` as a name before 及 and what is no name (李娜及其家属,
    李娜及家属, 李娜及时领取: the list's last name, and the persons or the act it ends with); 0 if
    none. A list's item before 及 is the list's, as one before 等 is (张伟、李娜等), so the name
    need only be one as a list's item is (``_name``, no day or place)."""
    for cut in (2, 3, 4):
        if (
            run[cut : cut + 1] == "及"
            and (cut < 4 or run[:2] in COMPOUND_SURNAMES)
            and _name(run[:cut])
            and not is_day_or_place(run[:cut])
        ):
            return cut
    return 0


def _spaced_name(run: str) -> bool:
    """Is ``run``, after a labelled name and spaces, the list's next name (a name as a list's item
    is, ``_name``; no next label, day or place)?"""
    return (
        _name(run)
        and run[-1] not in _NOT_SPACED_ENDS
        and before_next_label(run) == run
        and not is_day_or_place(run)
        and not address.is_place_name(run + "省")  # 江苏, 陕西
        and run not in CONTEXT
    )


# What ends a nationality, a colour or a state of health after a name (白族, 黄色, 文盲, 高血压).
_NOT_SPACED_ENDS = frozenset("族色盲压症病")

"""Names glued into a case file's prose with no label's colon: after a staff title (网格员李娜入户走访,
社工王强回访), after a relation that a preposition or 其 opens (由祖母王秀英抚养, 由其侄子张强照顾,
与祖父王强共同生活), before 之 and a relation (系张伟之女), and a visit's one name before a count
(走访张伟一户, 慰问王秀英一人).

What follows a staff title or a relation is prose as often (网格员入户走访, 由祖母抚养, 社工站,
网格员张家湾组), so the name must be one as a list's item is (``name_lists._name``: a listed surname,
no place, household, pseudonym or prose word) and end its run or stand before a word that follows
a name. The pre-check is :func:`may_contain` (``person_name.may_follow_role`` asks it; RE2's column
pattern reads the same words in ``ROLE_HINT``).
"""

from __future__ import annotations

import re

from . import address
from .name_heads import _NOT_HEADS
from .name_lists import _NOT_NAME_ENDS, _name, tail_whole
from .name_patterns import (
    _AFTER_NAME_IN_PROSE,
    _APPROVALS,
    _GRANTS,
    CALL_FIRST,
    CALL_NAME,
    CALL_OUTCOMES,
    CALL_WORDS,
    CALLS,
    CARE_VERBS,
    LABELLED_RUN_MAX,
    OFFICERS_RE,
    ONE_COUNT,
    PROSE_FROM,
    PROSE_HINT_RE,
    PROSE_KIN,
    STAFF_TITLES,
    TITLE_OR_KIN,
    VISIT_COLON,
    VISITS,
)
from .name_runs import _transliterated_end
from .name_tests import _VERBS_AFTER_NAME, cjk_at, cjk_start, is_transliterated
from .name_words import AFTER_NAME_WORDS, COMPOUND_SURNAMES, KIN_WORDS, STATUSES_AFTER_NAME, SURNAMES

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"


def _words(text: str) -> list[str]:
    """The words of ``text``, split at spaces."""
    return text.split()


# What says a staff member went with the person named after it (社工与张伟一起入户).
_WITH = frozenset("与和同跟")
# What joins a name to its relative named after it (王秀英和儿子张强, 刘思琪随祖母王秀英生活, 刘思琪由其
# 外婆王秀英抚养, 张伟及其子张强).
_WITH_KIN = _WITH | frozenset("随由及")
_WITH_KIN_CLASS = "".join(sorted(_WITH_KIN))
# A staff title, or a relation after one of _WITH_KIN or 其, and the CJK run glued to it (the run in
# a look-ahead: a relation inside it opens a match of its own); _with_kin reads the name before it.
_GLUED_RE = re.compile(
    rf"(?:{'|'.join(STAFF_TITLES)}|(?:[{_WITH_KIN_CLASS}]其?|其)(?:{'|'.join(PROSE_KIN)}))(?=([{_CJK}]{{2,16}}))"
)
# An item of a list after a glued name (网格员李娜、王强入户走访), or after a comma (网格员李娜，王强陪同
# 入户: full-width commas are ASCII once folded), where prose goes on as often: the name must
# stand before a word that follows a name, not end its run.
_NEXT_ITEM_RE = re.compile(rf"([、,和与及])([{_CJK}]{{2,16}})")
# A verb after the last name of a list and a comma, and the run after it (社工王强、李娜到场，
# 张伟陪同: the next person named does something else): a name at that run's head, before a verb.
# The verb may go on with what was done (社工王强到场核实情况，张伟陪同: up to eight characters), and
# a staff title with no name may stand before it (民警到场调查，李娜陪同).
_AFTER_VERB_RE = re.compile(rf"[{_CJK}]{{1,8}},([{_CJK}]{{2,16}})")
# What joins two names after a staff title (网格员李娜和王强入户, 村医王强与张伟入户, 李娜及王强陪同): a
# name at a run's head ends before one of them, and the name after it is the list's next item.
_JOINED = frozenset("和与及")
# A name before 之 or 的 and a relation, after a verb that says whose it is (系张伟之女, 是李娜之孙女,
# 我是张伟的妻子); not 关系, 联系, 体系 (系 there is no verb).
_KIN_OF = f"[之的](?:{'|'.join(PROSE_KIN)}|[子女妻夫父母孙侄])"
_BEFORE_KIN_RE = re.compile(rf"(?<![关联体派维])[系是为]([{_CJK}]{{2,4}}){_KIN_OF}")
# A relation glued between two names with no 的 or 之, as a visit's note writes a household (张伟妻子
# 李娜无业, 户主张伟母亲王秀英瘫痪在床): both names, the one before the tail of its run and the one
# after at its run's head. Opened by the relations' words, so that ``re`` skips to them in C.
_BARE_KIN_RE = re.compile(rf"(?:{'|'.join(KIN_WORDS)})(?=([{_CJK}]{{2,16}}))")
# What stands before a relation when the name before it is joined or owns it (王强与妻子李娜, 张伟之
# 母亲王秀英, 其妻子李娜): _with_kin's, _BETWEEN_KIN_RE's or no name's, not _BARE_KIN_RE's.
_JOINED_OR_OF = _WITH_KIN | frozenset("之的其")
# A relation in brackets after a name, whose it is (王秀英（张伟之母）, 李娜(张伟的妻子): full-width brackets
# are ASCII once folded): both names, each its whole run (the one before the bracket read apart, so
# that ``re`` skips to a bracket in C).
_BRACKETED_KIN_RE = re.compile(rf"[(]([{_CJK}]{{2,4}}){_KIN_OF}[)]")
# A name before 的 or 之 and a relation, and the run after the relation (张伟的母亲王秀英长期患病,
# 李娜之子王强): both names, when the run after it holds a name at its head. The first is the
# tail of its run (经核实张伟的母亲王秀英: name_lists.tail_whole), or a name the upstream masked in
# part (张*伟的母亲王秀英: the relative went out in clear; person_name masks 张*伟 itself).
_BETWEEN_KIN_RE = re.compile(
    rf"([{_CJK}]{{2,4}}|[{_CJK}]{{1,2}}\*+[{_CJK}]{{0,2}})(?:的(?:{'|'.join(PROSE_KIN)})|之(?:{'|'.join(PROSE_KIN)}|[子女妻夫父母]))(?=([{_CJK}]{{2,16}}))"
)
# A surname and an address (张大爷, 李大妈, 王女士), or a pseudonym (王某, 王某某): someone the file names
# no further, whose relative after 的 and a relation is named (张大爷的儿子张强在外务工).
_ADDRESSES: tuple[str, ...] = (
    "大爷",
    "大妈",
    "大娘",
    "大婶",
    "大叔",
    "大伯",
    "奶奶",
    "爷爷",
    "阿姨",
    "女士",
    "先生",
    "老人",
    "老汉",
    "师傅",
    "某某",  # before 某: 王某某's surname is 王
    "某",
)
# A visit's one name before 家, the household visited (入户走访了王秀英家, 慰问李娜家).
_VISITED_HOME_RE = re.compile(rf"(?:{VISITS})([{_CJK}]{{2,4}}?)家")
# A visit's or a call's one name at the end of its run, or before what came of it (看望张伟, 走访李娜。,
# 看望张伟并送去慰问金, 联系张伟未果, 电话联系李娜无人接听): the run after the verb holds the name and no
# more. 联系 is no visit's word elsewhere (联系电话: the pre-check is :func:`may_call`).
_VISITED_LAST_RE = re.compile(
    rf"(?:{VISITS}{VISIT_COLON}|{CALL_WORDS})({CALL_NAME}?)(?:{CALL_OUTCOMES}|并|(?![{_CJK}]))"
)
# Two names joined by 和 or 与 there, or before the household visited (走访了张伟和李娜。, 联系张伟与李娜
# 未果, 走访了张伟和李娜家): with no count after the second, name_lists.joined_names reads none. Or a
# name joined to a title or a relation, the second group unmatched (约谈了王强和会计, 走访了张伟和其母亲).
_VISITED_PAIR_RE = re.compile(
    rf"(?:{VISITS}{VISIT_COLON}|{CALL_WORDS})({CALL_NAME}?)[和与]"
    rf"(?:({CALL_NAME}?)(?:{CALL_OUTCOMES}|并|家|(?![{_CJK}]))|{TITLE_OR_KIN})"
)
# The first after a call's word alone (CALLS: 联系, 通知 …), for may_call: opening with the word,
# ``re`` finds where to try it.
_CALLED_RE = re.compile(rf"{CALL_WORDS}{CALL_NAME}(?:{CALL_OUTCOMES}|并|[和与]|(?![{_CJK}]))")
# Words of a name's shape that end a visit's or a call's run (走访时段, 联系成功, 联系施工方), beside
# those that open a remark (name_heads' _NOT_HEADS: 联系房东, 联系项目, 走访时间).
# A visit's field holds what was given as often (慰问：米面油), and 慰问金 and 慰问品 are given
# (慰问金发放: 金发放 was masked).
_NOT_VISITED = frozenset(_words("时段 时长 成功 成效 左右 施工方 施工队 单位 包片 包户 包村 米面油 金发放 品发放 张贴"))
# One name between a notice's approval and what it grants (经研究，同意张伟纳入低保, 拟将王秀英列为特困
# 供养对象); a list there is name_lists'.
_APPROVED_RE = re.compile(rf"(?:{_APPROVALS})([{_CJK}]{{2,4}}?)(?:{_GRANTS})")
# A visit's one name before a count of households or persons (走访张伟一户, 慰问王秀英一人, 走访张伟等3户).
_COUNTED_RE = re.compile(rf"(?:{VISITS})([{_CJK}]{{2,4}}?)[ \t]?(?:{ONE_COUNT})")
# A name whole before care or illness, at a run's start or after 由 (张伟患病住院, 李娜监护,
# 由李娜照顾, 由李娜负责照顾, 李娜、王强照顾): glued to more prose (长期患病, 由村委会监护) it must
# still be a name.
_BEFORE_CARE_RE = re.compile(rf"(?:(?<![{_CJK}])(?!由)|(?<=由))([{_CJK}]{{2,4}}?)(?:负责)?(?:{'|'.join(CARE_VERBS)})")
# Characters that begin a verb after a name (到场, 前往, 陪同, 一同, 出面, 参加, 说明) and seldom end
# a given name: a list's item after a staff member's name ends before one (民警张伟、李娜到场: 李娜,
# not 李娜到), and a name after a comma there stands before one (社工王强，李娜到场核实). Not 来, 同
# or 在: 张春来, 王同, and 在 is _VERBS_AFTER_NAME's already. 办 and 处 (办理, 处理) end an office's
# name, so the longest head of 李娜办理 (李娜办) is none and the list stopped before 李娜.
# The prepositions before whom an act is for (社工李娜为其办理, 护理员李娜给王桂英喂药, 网格员王强向
# 群众宣传, 社工李娜对其进行疏导) too, and what staff followed up or told (社工王强跟进服务, 工作人员
# 吴敏告知).
_VERB_HEADS = frozenset("到去前陪协参出一共都也又再说称反要办处为给向帮替对跟告")
# Verbs a staff member's name goes before (网格员李娜入户走访, 社工王强回访), beside the words that
# follow any name (AFTER_NAME_WORDS: 照顾, 抚养, 共同 …).
_STAFF_VERBS = frozenset(
    [
        "入户",
        "回访",
        "走访",
        "上门",
        "核实",
        "陪同",
        "前往",
        "到户",
        "联系",
        "生活",
        "一起",
        "同住",
        "住在",
        "每日",
        "每天",
        "每周",
        "每月",
        # what an officer did with a case (科长王强签批, 副主任李娜审核, 信息员李娜录入)
        *("审核", "审批", "签批", "批示", "录入", "核查", "发现", "负责"),
    ]
)


def may_contain(text: str, at: int = 0) -> bool:
    """Could ``text`` (from ``at`` on) hold one of these shapes? ``PROSE_HINT_RE``, searched from one
    character before the first of its characters (``PROSE_FROM``), which names, addresses and labels
    seldom hold."""
    hit = PROSE_FROM.search(text, at)
    return hit is not None and PROSE_HINT_RE.search(text, max(0, hit.start() - 1)) is not None


def may_bracket_kin(text: str) -> bool:
    """Does ``text`` hold a relation in brackets after a name, whose it is, by 的 (王秀英(张伟的孙女)),
    which ``PROSE_FROM`` and ``ROLE_HINT`` cannot reach (孙 stands in too many columns of names to be
    their hint; 之 is ROLE_HINT's)? A substring test for the bracket, then one search that ``re``
    opens at a bracket in C."""
    return "(" in text and _BRACKETED_KIN_RE.search(text) is not None


def may_name_officer(text: str) -> bool:
    """Does ``text`` hold an officer's title and a surname's character glued to it (村会计刘洋虚报
    低保户, 村主任王强冒领补贴), which ``PROSE_FROM`` cannot reach (``OFFICERS_RE``)? The titles'
    last characters by substring tests first: the search alone, asked of every value the role
    passes reach, cost the corpus document 2.2 % more instructions."""
    return ("任" in text or "计" in text or "长" in text or "员" in text) and OFFICERS_RE.search(text) is not None


def may_care(text: str) -> bool:
    """Does ``text`` hold 监护 that is no label (监护人), which ``PROSE_HINT_RE`` reads and
    ``PROSE_FROM`` cannot reach? With 监 in that class, every remark about a guardian
    (监护人张伟，身份证号…) searched twice for the hints' alternatives: +3.9 % on the corpus document."""
    at = text.find("监护")
    while at >= 0:
        if text[at + 2 : at + 3] != "人":
            return True
        at = text.find("监护", at + 2)
    return False


def may_call(text: str) -> bool:
    """Does ``text`` hold a call's or a notice's one name (联系张伟未果, 联系李娜。, 通知张伟来社区签字,
    约谈王秀英: ``CALLS``), which ``PROSE_FROM`` cannot reach? 联系 stands in every remark with a phone
    number's label (联系电话, 联系人), so the character after the word (or after its 了) must open a
    name (``CALL_FIRST``) before ``_CALLED_RE`` is
    searched: a search of ``_VISITED_LAST_RE`` over each such remark cost the corpus document 2.9 %
    of its instructions (twenty-fifth session). A visit's name (看望张伟) is no call:
    ``PROSE_HINT_RE`` holds it, and ``person_name.may_follow_role`` asks that first (a visit's
    words hold ``_ROLE_FROM``'s 访, 慰, 望 or 扶)."""
    for word in CALLS:
        at = text.find(word)
        while at >= 0:
            after = text[at + 2 : at + 3]
            if after == "了":
                after = text[at + 3 : at + 4]
            if after in CALL_FIRST and _CALLED_RE.match(text, at) is not None:
                return True
            at = text.find(word, at + 2)
    return False


def _ends_name(run: str, cut: int) -> bool:
    """Does a name end ``run`` at ``cut``: the run's end, or a word that follows a name?"""
    return (
        cut == len(run)
        or run[cut] in _AFTER_NAME_IN_PROSE
        or run[cut] in _VERBS_AFTER_NAME
        or run[cut : cut + 2] in AFTER_NAME_WORDS
        or run[cut : cut + 2] in _STAFF_VERBS
        or run[cut : cut + 2] in STATUSES_AFTER_NAME  # 张伟之妻李娜无业, 张伟的儿子张强在读
    )


def _head_name(run: str) -> int:
    """How many characters at the head of ``run`` are a name that ends there; 0 if none."""
    cut = _transliterated_end(run, 0, LABELLED_RUN_MAX)
    if cut >= 2 and _ends_name(run, cut) and is_transliterated(run[:cut]):
        return cut
    for size in (2, 3, 4) if run[:2] in COMPOUND_SURNAMES else (2, 3):
        if size <= len(run) and (_ends_name(run, size) or run[size : size + 1] in _JOINED) and _name(run[:size]):
            return size
    return 0


def _before_verb(run: str) -> int:
    """How many characters at the head of ``run`` are a name before a verb's first character
    (``_VERB_HEADS``: 李娜 of 李娜到场, 王秀英 of 王秀英到场), the longest first; 0 if none."""
    for size in (4, 3, 2) if run[:2] in COMPOUND_SURNAMES else (3, 2):
        if run[size : size + 1] in _VERB_HEADS and _name(run[:size]):
            return size
    return 0


def _next_head(run: str) -> int:
    """How many characters at the head of ``run``, a list's item after a name (民警张伟、李娜到场,
    村医王强与张伟一同入户), are a name, before a word no list holds: a name before a verb's first
    character (``_before_verb``), else the longest that is one (``_name``: a name of three must not
    leak its last, so 李娜签 of 李娜签字 is masked whole, one character too many); none when the
    longest is a place, a household or an address (王府井社区, 张家港来电, 张大爷到场), whose head is
    no name either."""
    if size := _before_verb(run):
        return size
    for size in (4, 3, 2) if run[:2] in COMPOUND_SURNAMES else (3, 2):
        word = run[:size]
        if size > len(run):
            continue
        if _name(word):
            return size
        if word[-1] in _NOT_NAME_ENDS or address.is_place_name(word) or address.is_region_stem(word):
            return 0
    return 0


def _whole_name(word: str) -> bool:
    """Is ``word`` a name whole (four characters only with a compound surname)?"""
    return (len(word) < 4 or word[:2] in COMPOUND_SURNAMES or is_transliterated(word)) and _name(word)


def _addressed(run: str) -> bool:
    """Does ``run`` end in a surname and an address (张大爷, 和王女士, 欧阳奶奶)?"""
    for word in _ADDRESSES:
        if run.endswith(word):
            head = run[: -len(word)]
            return head[-1:] in SURNAMES or head[-2:] in COMPOUND_SURNAMES
    return False


def _masked(run: str) -> bool:
    """Does ``run`` end with a name the upstream masked in part: a surname, stars, and at most two
    characters after them (张*伟, 欧阳**, 李**)?"""
    star = run.find("*")
    if star < 1:
        return False
    head = run[:star]
    given = run[star:].lstrip("*")
    return (head[-2:] in COMPOUND_SURNAMES or head[-1] in SURNAMES) and "*" not in given and len(given) <= 2


def _listed_after(text: str, end: int) -> list[tuple[int, int, float, str]]:
    """The names that go on a list after a glued name ending at ``end`` (网格员李娜、王强), each a
    name at the head of its run as the first is; the list stops at the first item that is none."""
    found: list[tuple[int, int, float, str]] = []
    while (item := _NEXT_ITEM_RE.match(text, end)) is not None:
        size = _head_name(item.group(2))
        if item.group(1) == "," and size == len(item.group(2)):
            break  # 网格员李娜，王强: a comma's run must go on after the name (王强陪同入户)
        if size == 0:
            # 民警张伟、李娜到场: after 、 or 和 a name is an item; after a comma only before a verb
            # (社工王强，李娜到场; 社工王强，今天到场 stays)
            size = _next_head(item.group(2)) if item.group(1) != "," else _before_verb(item.group(2))
        if size == 0:
            break
        found.append((item.start(2), item.start(2) + size, 0.85, "surname+context"))
        end = item.start(2) + size
    return found + _after_verb(text, end)


def _after_verb(text: str, end: int) -> list[tuple[int, int, float, str]]:
    """The name after a staff member's verb and a comma, the verb beginning at ``end``
    (社工王强、李娜到场，张伟陪同, 民警到场调查，李娜陪同): at the head of the run after the comma, going on
    with a verb of its own (the run is more than the name: 社工王强到场，张伟 alone may be the start
    of prose as well; 张伟到场 goes on with a verb's first character, ``_before_verb``)."""
    after = _AFTER_VERB_RE.match(text, end)
    if after is None:
        return []
    run = after.group(1)
    size = _head_name(run) or _before_verb(run)
    if 0 < size < len(run):
        return [(after.start(1), after.start(1) + size, 0.85, "surname+context")]
    return []


def _with_staff(text: str, at: int) -> list[tuple[int, int, float, str]]:
    """The name after a staff title and 与, 和, 同 or 跟 (社工与张伟一起入户, 民警和李娜一同前往), the
    preposition at ``at``: at the head of the run after it, as a glued name is read."""
    if text[at : at + 1] not in _WITH:
        return []
    run = text[at + 1 : at + 17]
    size = _head_name(run) or _before_verb(run)
    return [(at + 1, at + 1 + size, 0.85, "surname+context")] if size else []


# One of _WITH_KIN before 其 and a relation of one character, named or not (张伟与其子张强共同生活,
# 张伟及其子女, 王秀英与其子): _GLUED_RE's relations are PROSE_KIN's, and 其子 alone is a category's
# (name_runs).
_JOINED_KIN_RE = re.compile(f"[{_WITH_KIN_CLASS}]其[子女夫妻父母配]")


def _with_kin(text: str, at: int) -> list[tuple[int, int, float, str]]:
    """The name whose relative is named after 与, 和, 同, 跟, 随 or 由 at ``at`` (王秀英和儿子张强共同生活,
    张伟同其母亲王秀英共同生活, 刘思琪随祖母王秀英生活): the whole CJK run before it, a name whole."""
    return _name_before(text, at) if text[at : at + 1] in _WITH_KIN else []


def _name_before(text: str, at: int) -> list[tuple[int, int, float, str]]:
    """The whole CJK run that ends at ``at``, when it is a name whole (户主张伟同其母亲 is a longer run,
    a label's: name_runs reads it)."""
    start = cjk_start(text, at, max(0, at - 7))
    if start > 0 and cjk_at(text, start - 1):
        return []
    return [(start, at, 0.85, "surname+context")] if at - start >= 2 and _whole_name(text[start:at]) else []


def glued_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names glued after a staff title or a relation (``社工王强回访``, ``由祖母王秀英抚养``),
    before 之 and a relation (``系张伟之女``), a visit's one name before a count (``走访张伟一户``)
    and a name before care or illness (``张伟患病住院``)."""
    found: list[tuple[int, int, float, str]] = []
    for match in _GLUED_RE.finditer(text):
        run = match.group(1)
        # (or before a verb's first character: 社工王强到场, whose 到场 no list of words holds; no
        # word that opens a remark, which follows a title as often: 所长严格要求, 书记高兴地说)
        size = 0 if run[:2] in _NOT_HEADS else _head_name(run) or _before_verb(run)
        if size:
            found.append((match.start(1), match.start(1) + size, 0.85, "surname+context"))
            found += _listed_after(text, match.start(1) + size)  # 网格员李娜、王强入户
            found += _with_kin(text, match.start())  # 王秀英和儿子张强共同生活
        elif match.group(0) in STAFF_TITLES:
            found += _with_staff(text, match.start(1))  # 社工与张伟一起入户
            found += _after_verb(text, match.start(1))  # 民警到场调查，李娜陪同: the title's verb, no name
    if "其" in text:  # (a test in C, where the search's call was asked of every text read here)
        for match in _JOINED_KIN_RE.finditer(text):
            found += _name_before(text, match.start())  # 张伟及其子张强在外务工
    for match in _BARE_KIN_RE.finditer(text):
        if match.start() > 0 and text[match.start() - 1] in _JOINED_OR_OF:
            continue  # 王强与妻子李娜, 张伟之母亲王秀英: _with_kin's and _BETWEEN_KIN_RE's
        after = _head_name(match.group(1))
        start = cjk_start(text, match.start(), max(0, match.start() - 7))
        before = tail_whole(text[start : match.start()]) if after else 0
        if before:
            found.append((match.start() - before, match.start(), 0.85, "surname+context"))
            found.append((match.end(), match.end() + after, 0.85, "surname+context"))
    for match in _BETWEEN_KIN_RE.finditer(text):
        after = _head_name(match.group(2))
        # 张大爷的儿子张强, 王女士的女儿李娜: the relative named, the surname and address left
        addressed = after > 0 and (_addressed(match.group(1)) or _masked(match.group(1)))
        before = tail_whole(match.group(1)) if after and not addressed else 0
        if before:
            found.append((match.end(1) - before, match.end(1), 0.85, "surname+context"))
        if before or addressed:
            found.append((match.start(2), match.start(2) + after, 0.85, "surname+context"))
    for pattern in (_BEFORE_KIN_RE, _COUNTED_RE, _BEFORE_CARE_RE, _APPROVED_RE, _VISITED_HOME_RE):
        for match in pattern.finditer(text):
            if _whole_name(match.group(1)):
                found.append((match.start(1), match.end(1), 0.85, "surname+context"))
    for match in _BRACKETED_KIN_RE.finditer(text):
        if _whole_name(match.group(1)):
            found.append((match.start(1), match.end(1), 0.85, "surname+context"))
            found += _name_before(text, match.start())  # 王秀英（张伟之母）
    for match in _VISITED_LAST_RE.finditer(text):
        if _visited(match.group(1)):
            found.append((match.start(1), match.end(1), 0.85, "surname+context"))
    for match in _VISITED_PAIR_RE.finditer(text):
        second = match.group(2)
        if _visited(match.group(1)) and (second is None or _visited(second)):
            found += [(match.start(g), match.end(g), 0.85, "surname+context") for g in (1, 2) if match.group(g)]
    return found


def _visited(word: str) -> bool:
    """Is ``word``, the whole run after a visit's or a call's word, a name?"""
    return _whole_name(word) and word not in _NOT_VISITED and word not in _NOT_HEADS

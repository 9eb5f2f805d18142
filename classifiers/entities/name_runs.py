"""Names whatever their first character: the whole CJK run after a name field's label or a
person of a case (扎西多吉, 买买提江, 次仁), bounded by the next label, punctuation or prose.
A listed surname is not needed here; the label is the evidence.
"""

from __future__ import annotations

import re

from .name_lists import LABEL_WORDS, tail_whole
from .name_lists import _name as _listed_name
from .name_patterns import (
    _AFTER_NAME_IN_PROSE,
    _CATEGORY_RUN_RE,
    _FIELD_LABEL_RE,
    _GAP_TO_MOBILE_RE,
    _GLUED_LABEL_RE,
    _LABEL_BRACKETED_RE,
    _LABELLED_RUN_RE,
    _NUMBER_LABEL_ENDS,
    _PHONE_KINDS,
    _PHONE_LABEL_ENDS,
    _PHONE_LABEL_TAILS,
    _RELATION_ITEM_RE,
    _RELATION_RE,
    _RELATION_SEPARATORS,
    _ROLE_RUN_RE,
    _SPACED_LABEL_RE,
    _TITLE_ENDS,
    _WORD_BEFORE_RE,
    BED,
    KIN_CHARS,
    KIN_GLUED,
    LABELLED_RUN_MAX,
    NEXT_LABELS,
    SERVED_ACTS,
)
from .name_tests import (
    _VERBS_AFTER_NAME,
    before_honorific,
    before_next_label,
    beside_number,
    cjk_at,
    cjk_end,
    cjk_start,
    is_heading,
    is_prose_word,
    is_transliterated,
    may_be_labelled_name,
    plausible,
)
from .name_words import (
    ADVERB_ENDS,
    AFTER_NAME_WORDS,
    CATEGORIES,
    COMPOUND_SURNAMES,
    EARNINGS,
    KIN_LABEL_MAX,
    KIN_LABELS,
    PARTIES,
    RELATIONS,
    ROLES,
    STATUSES_AFTER_NAME,
    TRANSLITERATED,
    TRANSLITERATED_ENDINGS,
)

_SEPARATOR_RE = re.compile(f"[{re.escape(_RELATION_SEPARATORS)}]")
_COUNT_DIGITS = frozenset("0123456789一二三四五六七八九十")


def _labelled_runs(text: str, labels: list[int]) -> list[tuple[int, int, float, str]]:
    """The whole CJK run after a name field's label and a separator (``姓名：扎西多吉``), tried
    where ``_FREE_RE`` found a label (``labels``): a name whatever its first character, unless
    it is a placeholder, a unit, a place, a title or prose."""
    found: list[tuple[int, int, float, str]] = []
    for at in labels:
        match = _LABELLED_RUN_RE.match(text, at)
        if match is None or _FIELD_LABEL_RE.search(text, at, match.start(1)) is None:
            continue
        run = match.group(1)
        if text[match.end() : match.end() + 1] in (":", "=", "|"):
            run = before_next_label(run)
        run = before_honorific(run)  # 经办人：张伟同志
        if 2 <= len(run) <= LABELLED_RUN_MAX and may_be_labelled_name(run):
            found.append((match.start(1), match.start(1) + len(run), 0.85, "run+context"))
    return found


def _spaced_runs(text: str, labels: list[int]) -> list[tuple[int, int, float, str]]:
    """The whole CJK run after a name field's label and spaces only (``姓名 扎西多吉``), as
    :func:`_labelled_runs` reads it after a separator; not in a header row (``姓名 性别 年龄``:
    the run or the word before the label is a heading) nor a label itself (``户主 签字：``)."""
    found: list[tuple[int, int, float, str]] = []
    for at in labels:
        match = _SPACED_LABEL_RE.match(text, at)
        if match is None or match.group(2) or _FIELD_LABEL_RE.search(text, at, match.start(1)) is None:
            continue
        run = before_honorific(match.group(1))  # 经办人 张伟同志
        if not 2 <= len(run) <= LABELLED_RUN_MAX or is_heading(run) or not may_be_labelled_name(run):
            continue
        before = _WORD_BEFORE_RE.search(text, max(0, at - 16), at)
        if before is None or not is_heading(before.group(1)):
            found.append((match.start(1), match.start(1) + len(run), 0.85, "run+context"))
    return found


# What may stand between a label and its name in prose (监护人为扎西, 户主是次仁), as in _LABEL_TAIL.
_VERBS_BEFORE_NAME = frozenset("是为")


def _transliterated_end(run: str, first: int, most: int) -> int:
    """Where the characters of a transliterated name from ``run[first]`` end: at most ``most`` of
    them, then an ending (买买提江: ``TRANSLITERATED_ENDINGS``) after two or more."""
    cut = first
    while cut < len(run) and cut - first < most and run[cut] in TRANSLITERATED:
        cut += 1
    if cut - first >= 2 and run[cut : cut + 1] in TRANSLITERATED_ENDINGS:
        cut += 1
    return cut


def _glued_runs(text: str, labels: list[int]) -> list[tuple[int, int, float, str]]:
    """A name without a listed surname glued to a field's label in prose (``户主次仁已核实``,
    ``申请人扎西多吉于…``): the characters of transliterated names (``TRANSLITERATED``) right after
    the label, two to six of them, ending the run or before a word that follows a name in prose
    (已, 于, 因 …). Prose after a label (户主长期卧病, 申请人因病致贫) is made of other characters."""
    found: list[tuple[int, int, float, str]] = []
    for at in labels:
        match = _GLUED_LABEL_RE.match(text, at)
        if match is None or _FIELD_LABEL_RE.search(text, at, match.start(1)) is None:
            continue
        run = match.group(1)
        first = 1 if run[0] in _VERBS_BEFORE_NAME else 0  # 监护人为扎西, 户主是次仁
        cut = _transliterated_end(run, first, LABELLED_RUN_MAX + 1)
        if (cut == len(run) or run[cut] in _AFTER_NAME_IN_PROSE) and is_transliterated(run[first:cut]):
            found.append((match.start(1) + first, match.start(1) + cut, 0.85, "run+context"))
    return found


def _bracketed_after_labels(text: str, labels: list[int]) -> list[tuple[int, int, float, str]]:
    """A name of transliterating characters in brackets after a field's label (``监护人（扎西）``,
    ``联系人【巴特尔】``; a name with a listed surname there is ``_FREE_RE``'s)."""
    found: list[tuple[int, int, float, str]] = []
    for at in labels:
        match = _LABEL_BRACKETED_RE.match(text, at)
        if (
            match is not None
            and _FIELD_LABEL_RE.search(text, at, match.start(1)) is not None
            and is_transliterated(match.group(1))
        ):
            found.append((match.start(1), match.end(1), 0.85, "run+context"))
    return found


def _role_runs(text: str) -> list[tuple[int, int, float, str]]:
    """The whole CJK run after a person of a case and a separator or a bracket (``受助人：次仁``,
    ``当事人【扎西多吉】``), bounded as after a field's label; not a party that is no person
    (当事人：甲方), a placeholder, a unit, a title, a place or prose."""
    found: list[tuple[int, int, float, str]] = []
    for match in _ROLE_RUN_RE.finditer(text):
        run = match.group(1)
        if match.group(2):
            run = before_next_label(run)
        run = before_honorific(run)  # 受助人：王秀英老人
        if 2 <= len(run) <= LABELLED_RUN_MAX and run not in PARTIES and may_be_labelled_name(run):
            found.append((match.start(1), match.start(1) + len(run), 0.85, "run+context"))
    return found


# Surnames that are also conjunctions and prepositions (孤儿和弃婴, 其子与儿媳): after a category
# glued to them, a word of prose far more often than a name.
_CONJUNCTIONS = frozenset("和与及同向对从于为")


# A relation between a category and a name (留守儿童父亲张伟长期服刑): the name is the relative's.
_RELATIVES = frozenset(KIN_GLUED)


def _category_runs(text: str) -> list[tuple[int, int, float, str]]:
    """A name glued after a category of persons or a relation in prose (``低保对象扎西，男``,
    ``孤儿李娜在校就读``, ``其子扎西在外务工``): the characters of transliterated names at the run's
    head, or a Han name of two or three characters, either ending the run or before a word that
    follows a name (已, 于, 在, 持有, 今年 …), a Han name also before its household's word
    (``_household_ends``: 军属张伟家). Prose after a category (低保对象共计12户, 其子女均在外,
    孤儿院) is neither."""
    found: list[tuple[int, int, float, str]] = []
    for match in _CATEGORY_RUN_RE.finditer(text):
        run, start = match.group(1), match.start(1)
        if run[:2] in _RELATIVES:
            run, start = run[2:], start + 2  # 留守儿童父亲张伟长期服刑, 孤儿母亲李娜改嫁: the relative's
        cut = _transliterated_end(run, 0, LABELLED_RUN_MAX)
        if _ends_name(run, cut) and is_transliterated(run[:cut]) and not is_prose_word(run):
            found.append((start, start + cut, 0.85, "run+context"))
            continue
        for cut in (2, 3, 4) if run[:2] in COMPOUND_SURNAMES else (2, 3):
            name = run[:cut]
            # (name_lists._name: no conjunction, prose word, household, day or place: 村民张家港,
            # 低保户张家、李家, 老人周一、周三值班; no adverb: 长子高兴地说)
            if (
                (_ends_name(run, cut) or _household_ends(run, cut))
                and name[-1] not in ADVERB_ENDS
                and _listed_name(name)
            ):
                found.append((start, start + cut, 0.85, "surname+context"))
                break
    return found


# A household's word after its head's name (军属张伟家, 低保户李娜户, 烈属王秀英家中, 孤儿李娜家人): the
# household is the name's, and the category's name went out in clear before 家 (or with it, a name of
# three).
_HOUSEHOLD_WORDS = ("家庭", "一家", "家中", "家里", "家人", "家属", "家", "户")


def _household_ends(run: str, cut: int) -> bool:
    """Does a household's word follow a name at ``cut`` and end ``run``, or stand before a word
    that follows a name in prose (军属张伟家已领取)? A word of two characters may stand before
    anything (低保户马德福家庭人均收入不足, 烈属王秀英家中无劳动力): no given name goes on so."""
    for word in _HOUSEHOLD_WORDS:
        if run.startswith(word, cut):
            return len(word) == 2 or _ends_name(run, cut + len(word))
    return False


def _ends_name(run: str, cut: int) -> bool:
    """Does a name end ``run`` at ``cut``: the run's end, a word that follows a name in prose, an
    act the person asked for or was given (``SERVED_ACTS``: 其子张强申请低保, 孤儿李娜办理入学;
    after a category or a relation only, as 张伟办理业务 at a run's head is too weak), what the
    person earns (``EARNINGS``: 低保户张伟月收入3000元), or 与 or 和 and the next party's category
    (男方张伟与女方李娜)?"""
    if cut > len(run):
        return False
    return (
        cut == len(run)
        or run[cut] in _AFTER_NAME_IN_PROSE
        or run[cut] in _VERBS_AFTER_NAME
        or (run[cut : cut + 2] in AFTER_NAME_WORDS)
        or (run[cut : cut + 2] in STATUSES_AFTER_NAME)  # 之子张伟退休
        or run.startswith(SERVED_ACTS, cut)
        or run.startswith(EARNINGS, cut)
        or (run[cut] in "与和" and run.startswith(CATEGORIES, cut + 1))
    )


def may_follow_relation(text: str) -> bool:
    """Could ``text`` hold a name after a relation or a household's member and a colon or a
    bracket (``子女：扎西``)? ``ROLE_HINT``'s last alternative, by ``str.find`` from each
    separator back over spaces to a label (``KIN_LABELS``)."""
    # Most texts hold none of the separators: one search says so, where a find per separator
    # cost every value seven calls (+1.6 % on the demo document, asked up to three times a value).
    if _SEPARATOR_RE.search(text) is None:
        return False
    for separator in _SEPARATOR_RE.finditer(text):
        end = separator.start()
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        if text[end - 1 : end] in (")", "）"):  # 申请人（签字）：, 来访人（2人）：
            end -= 1
        if text[end - 1 : end] == "人":  # a count of persons (家庭成员3人：): _PERSON_COUNT
            count = end - 1
            while count > 0 and text[count - 1] in _COUNT_DIGITS:
                count -= 1
            if 1 <= end - 1 - count <= 3:
                end = count - 1 if text[count - 1 : count] in ("(", "（") else count
        if any(text[end - size : end] in KIN_LABELS for size in range(2, KIN_LABEL_MAX + 1) if size <= end):
            return True
        if end > 0 and _kin_char_label(text, end - 1, separator.start()):
            return True
    return False


def _kin_char_label(text: str, at: int, colon: int) -> bool:
    """Is the character at ``at`` a register's relation of one character (``KIN_CHARS``) that
    labels a field (子:张强): at a field's start, the character at ``colon`` a colon?"""
    return text[at] in KIN_CHARS and (at == 0 or not cjk_at(text, at - 1)) and text[colon] in ":："


def _relation_runs(text: str) -> list[tuple[int, int, float, str]]:
    """The names after a relation or a household's member and a colon or a bracket (``子女：扎西``,
    ``父亲：次仁多吉``, ``家庭成员：张伟、李娜、王强``), one after another while a 、 parts them, or a
    comma after a name (``家属：张伟，李娜``): a
    whole CJK run with a listed surname (``plausible``) or of transliterating characters, not
    what such a field holds besides a name (``子女：无``, ``父亲：务农``, ``配偶：已故``: ``STATUSES``,
    placeholders, relations). Relations take attributes after a colon, so a run of other
    characters is no name here, as it is after a field's label."""
    found: list[tuple[int, int, float, str]] = []
    for label in _RELATION_RE.finditer(text):
        start = label.start()
        if not cjk_at(text, start + 1):  # a relation of one character (子:张强), a colon after it
            colon = start + 1
            while text[colon] in " \t":
                colon += 1
            if not _kin_char_label(text, start, colon):
                continue
        at = label.end()
        while (item := _RELATION_ITEM_RE.match(text, at)) is not None:
            run = before_honorific(before_next_label(item.group(1)))  # 负责人：张伟同志
            name = may_be_labelled_name(run) and (plausible(run) or is_transliterated(run))
            if name:
                found.append((item.start(1), item.start(1) + len(run), 0.85, "run+relation"))
            # A comma may open prose (子女：张伟，在外务工): it goes on to a next name only after one.
            if not item.group(2) or (item.group(2) == "," and not name):
                break
            at = item.end()
    return found


# A name right before its relation or role in brackets, in prose with no label before it
# (张伟（户主）与李娜（配偶）同住). Brackets are ASCII once folded. 本人 follows verbs as often
# (签字(本人)), and is not read; a register's relation of one character is (张伟(户主),张强(子)):
# the name before it must be a listed surname's.
# An age in brackets says the same of the run before it (王桂英（82岁）入住本院, 李娜(75周岁)), and so
# do a care home's bed (王桂英（3号床）血压正常) and a staff number (张伟(工号:1024), as an office's
# system writes its user).
_BEFORE_BRACKETED_RE = re.compile(
    r"([\u4e00-\u9fff]{2,6})[(\[【]([\u4e00-\u9fff]{1,5}|[0-9]{1,3}周?岁|[0-9]{1,4}"
    + BED
    + r"|工号:?[0-9A-Za-z]{1,12})[)\]】]"
)
_AGE_OR_BED = ("岁", "床", "床位")
# A sex in brackets, as a roster or a marriage's record writes it (张伟（男）与李娜（女）登记结婚).
_GENDERS = frozenset(("男", "女"))
# 其 before a relation says whose relative (张强（其子）, 与王秀英（其母）同住), as a file writes it.
_BRACKETED = frozenset(RELATIONS | set(ROLES) | {f"其{kin}" for kin in "子女妻夫父母孙"}) - {"本人"}
# The last character of a place's name (城关镇（户主）: where the household is, not who).
_PLACE_ENDS = frozenset("省市区县镇乡村街路巷组")


def before_bracketed_relations(text: str) -> list[tuple[int, int, float, str]]:
    """A Han name of two to four characters ending the CJK run before a bracketed relation or
    role (``李娜（配偶）``, ``与王秀英（户主）``): the whole run, else its last four, three or two
    characters, each a listed surname's name that opens no word of prose, is no conjunction and
    ends no place's name nor a title's (管理员（工号1024）)."""
    found: list[tuple[int, int, float, str]] = []
    for match in _BEFORE_BRACKETED_RE.finditer(text):
        inside = match.group(2)
        if (
            inside not in _BRACKETED
            and inside not in _GENDERS
            and not inside.endswith(_AGE_OR_BED)
            and not inside.startswith("工号")
        ):
            continue
        run, end = match.group(1), match.end(1)
        for cut in (len(run), 4, 3, 2):
            name = run[-cut:]
            if (
                cut <= min(len(run), 4)
                and plausible(name)
                and name[0] not in _CONJUNCTIONS
                and name[-1] not in _PLACE_ENDS
                and name[-1] not in _TITLE_ENDS
                and not is_prose_word(name)
            ):
                found.append((end - cut, end, 0.85, "surname+relation"))
                break
    return found


# What parts the fields of a record written on one line (张伟,<ID>, 李娜，<ID>，汉阴县, 王强|<ID>|139…);
# full-width commas are ASCII once folded.
_FIELD_SEPARATORS = ",、;|"
# An ID number's label in brackets after a name, before the number (张伟（身份证号：<ID>）: full-width
# brackets and colons are ASCII once folded).
_ID_LABELS = frozenset(("公民身份号码", "身份证号码", "身份号码", "身份证号", "证件号码", "身份证", "证件号"))
_ID_LABEL_MAX = max(len(label) for label in _ID_LABELS)


def _label_bracket(text: str, at: int) -> int:
    """Where the opening bracket of an ID number's label stands before the number at ``at``
    (``(身份证号:<ID>``, spaces or a colon between label and number); -1 if none does. One
    ``rfind`` and one set look-up, where a ``startswith`` per label was asked of every valid
    number in a remark (five in the corpus document) and was most of what the round added to it."""
    end = at
    while end > 0 and text[end - 1] in " :":
        end -= 1
    start = text.rfind("(", max(0, end - _ID_LABEL_MAX - 1), end)
    return start if start >= 0 and text[start + 1 : end] in _ID_LABELS else -1


def beside_number_apart(
    text: str, numbers: list[tuple[int, int]], starts: set[int], evidence: str
) -> list[tuple[int, int, float, str]]:
    """The field right before or after a number whose checksum holds (``numbers``: the spans of
    valid ID numbers, or of bank cards' for name_cards), a field separator between them: the whole
    CJK run there, when it is shaped as a name and is no label, unit, place or status (申请人,<ID>,
    汉阴县,<ID>, <ID>,农民), or is a name of transliterating characters (<ID>，巴特尔).
    ``_BESIDE_ID_RE`` reads a name glued to an ID number or parted by a space, an underscore, a
    hyphen or a bracket."""
    found: list[tuple[int, int, float, str]] = []
    for at, after in numbers:
        if at > 2 and text[at - 1] in _FIELD_SEPARATORS:
            end = at - 1
            start = cjk_start(text, end)
            if start not in starts and field_is_name(text[start:end]):
                found.append((start, end, 0.85, evidence))
        if at > 3 and text[at - 1] == "(":  # 用户李娜（<ID>）: full-width brackets are ASCII once folded
            end = at - 1
            start = cjk_start(text, end)
            # A run two characters longer than its name at least (a name's length or less is
            # _BESIDE_ID_RE's); 来自张家港（<ID>）: where, not who
            size = tail_whole(text[start:end], 2)
            if size and end - size not in starts:
                found.append((end - size, end, 0.85, evidence))
        elif (end := _label_bracket(text, at)) > 1:  # 张伟（身份证号：<ID>）: the number's label between
            size = tail_whole(text[cjk_start(text, end) : end])
            if size and end - size not in starts:
                found.append((end - size, end, 0.85, evidence))
        pad = _padded_before(text, at)
        if pad > 0:  # "  张伟  <ID>": a name padded to a column's width (_BESIDE_ID_RE reads one space)
            start = cjk_start(text, pad)
            if start < pad and start not in starts and field_is_name(text[start:pad]):
                found.append((start, pad, 0.85, evidence))
        pad = _padded_after(text, after)
        if pad > 0:  # "<ID>   李娜"
            end = cjk_end(text, pad)
            if pad not in starts and field_is_name(text[pad:end]):
                found.append((pad, end, 0.85, evidence))
        if after < len(text) and text[after] in _FIELD_SEPARATORS:
            start = after + 1
            end = cjk_end(text, start)
            if start not in starts and field_is_name(text[start:end]):
                found.append((start, end, 0.85, evidence))
    return found


# What pads a field to a column's width (U+3000 is a space once folded): two of them or more part
# a name from the ID number beside it as a field separator does.
_PADDING = " \t"


def _padded_before(text: str, at: int) -> int:
    """Where the padding before ``at`` begins, when two spaces or more stand there; 0 otherwise."""
    start = at
    while start > 0 and text[start - 1] in _PADDING:
        start -= 1
    return start if at - start >= 2 else 0


def _padded_after(text: str, at: int) -> int:
    """Where the padding from ``at`` ends, when two spaces or more stand there; 0 otherwise."""
    end = at
    while end < len(text) and text[end] in _PADDING:
        end += 1
    return end if end - at >= 2 else 0


def field_is_name(run: str) -> bool:
    """Is a field beside an ID number a name, and no label (申请人, 金额: transliterating
    characters both, 金 of 央金 and 额 of 额敦), unit, place or status?"""
    if not run or run in LABEL_WORDS or run in NEXT_LABELS:
        return False
    if run[-1] in _NUMBER_LABEL_ENDS or run[-1] in _PHONE_LABEL_ENDS:
        return False
    return (2 <= len(run) <= 4 and beside_number(run)) or is_transliterated(run)


# What asks one to call before a name (请联系张伟电话139…).
_CALL_WORDS = ("请联系", "联系", "致电", "找")


def before_phone_label(text: str, start: int, end: int, at: int, lowest: int) -> tuple[int, int] | None:
    """The span of a name before a phone's label (电话, 手机, with 的 or 联系 before and 号码 or 是
    after) that ends the CJK run ``text[start:end]``, the mobile at ``at`` after the gap: in the
    same run (张伟的手机是139…, 请联系李娜电话139…) or, the label a run of its own, in the run before
    it, parted by spaces (王强 手机 139…). ``lowest``: how far back to read. Found by plain string
    tests: a pattern with a lazy name and the label cost each mobile of the corpus ~5,000
    instructions."""
    label = max(text.rfind("电话", start, end), text.rfind("手机", start, end))
    if label < 0 or text[label + 2 : end] not in _PHONE_LABEL_TAILS:
        return None
    if _GAP_TO_MOBILE_RE.fullmatch(text, end, at) is None:
        return None
    name_end = label - 2 if label - 2 >= start and text.startswith("联系", label - 2, label) else label
    if name_end > start and text[name_end - 1] == "的":
        name_end -= 1
    name_start = start
    if name_end == start:  # the label alone in its run: the name is the run before, spaces apart
        gap = start
        while gap > lowest and text[gap - 1] in " \t":
            gap -= 1
        name_end = gap
        name_start = cjk_start(text, gap, lowest)
        if name_end == start:
            return None
    if name_start > 0 and cjk_at(text, name_start - 1):  # the run goes on before the window
        return None
    for word in _CALL_WORDS:
        if text.startswith(word, name_start, name_end):
            name_start += len(word)
            break
    if not 2 <= name_end - name_start <= 4 or text[name_start:name_end] in _PHONE_KINDS:
        return None
    return name_start, name_end

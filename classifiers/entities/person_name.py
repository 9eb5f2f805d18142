"""Chinese personal names: a surname from the dictionary plus one to three given-name chars.

A CJK bigram that starts with a common surname is everywhere in Chinese prose, so free
text alone is never enough: a name is reported only right after a context word
(姓名, 户主, 申请人 ...), right beside a valid ID number (张三_<ID>.csv), or when a field
name says the value is a name.
"""

from __future__ import annotations

import re
from typing import Final

from ..digit_runs import digit_runs
from . import (
    address,
    grouped_numbers,
    mobile,
    name_addressed,
    name_captions,
    name_cards,
    name_colon,
    name_decided,
    name_english,
    name_heads,
    name_households,
    name_kin,
    name_lists,
    name_logs,
    name_marked,
    name_numbered,
    name_owned,
    name_prose,
    name_served,
    name_signed,
    name_spaced,
    name_split,
    name_staff,
    name_votes,
    resident_id,
)
from .ideographs import TABLE_FROM, TABLE_TO, table
from .name_patterns import (
    _AFTER_MOBILE_RE,
    _BEFORE_MOBILE_RE,
    _BESIDE_ID_RE,
    _BESIDE_LEGACY_RE,
    _BRACKETED_LEGACY_RE,
    _BRACKETED_RE,
    _CALLED,
    _DIGIT_RUNS,
    _DOTS_RE,
    _DOTTED_RE,
    _FREE_RE,
    _IN_BRACKETS_RE,
    _LABELLED_PROFILE_RE,
    _LEGACY_RUN,
    _LINE_ID_RE,
    _MAYBE_RE,
    _NUMBER_LABEL_ENDS,
    _PHONE_LABEL_LAST,
    _PHONE_LABELS,
    _PHRASE_RE,
    _PROFILE_NAME_RE,
    _PROFILE_RE,
    _RECORD_ENDS,
    _RECORD_GAP,
    _RECORD_RE,
    _ROLE_BRACKETED_RE,
    _ROLE_HINT_RE,
    _ROLE_RE,
    _UNIT_ENDS,
    CHILD_PLACES,
    JOINED_TITLE_RE,
    MASKED_AFTER_CONTEXT_RE,
    MASKED_BEFORE_RUN_RE,
    MASKED_RE,
    NEXT_LABELS,
    ROLE_FROM_CHARS,
    TITLE_TAILS,
)
from .name_patterns import AGED_HINT as AGED_HINT
from .name_patterns import COLON_HINT as COLON_HINT
from .name_patterns import CONTEXT as CONTEXT
from .name_patterns import DECIDED_HINT as DECIDED_HINT
from .name_patterns import DOTS as DOTS
from .name_patterns import KIN_HINT as KIN_HINT
from .name_patterns import LEGACY_EVIDENCE as LEGACY_EVIDENCE
from .name_patterns import LOG_HINT as LOG_HINT
from .name_patterns import MARKED_HINT as MARKED_HINT
from .name_patterns import MAYBE_PATTERN as MAYBE_PATTERN
from .name_patterns import NUMBERED_HINT as NUMBERED_HINT
from .name_patterns import PHRASES as PHRASES
from .name_patterns import PROFILE as PROFILE
from .name_patterns import ROLE_HINT as ROLE_HINT
from .name_patterns import SERVED_HINT as SERVED_HINT
from .name_patterns import SPACED_HINT as SPACED_HINT
from .name_patterns import SPLIT_HINT as SPLIT_HINT
from .name_patterns import STAFF_HINT as STAFF_HINT
from .name_patterns import VOTES_HINT as VOTES_HINT
from .name_runs import (
    _bracketed_after_labels,
    _category_runs,
    _glued_runs,
    _labelled_runs,
    _relation_runs,
    _role_runs,
    _spaced_runs,
    before_bracketed_relations,
    before_phone_label,
    beside_number_apart,
)
from .name_runs import may_follow_relation as may_follow_relation
from .name_tests import (
    before_prose,
    before_spaces,
    beside_number,
    cjk_at,
    cjk_start,
    ends_before_prose,
    is_prose_word,
    is_pseudonym,
    is_transliterated,
    plausible,
    trim,
)
from .name_tests import is_keyed_name as is_keyed_name
from .name_tests import is_name as is_name
from .name_tests import surname_length as surname_length
from .name_words import COMPOUND_SURNAMES as COMPOUND_SURNAMES
from .name_words import GROUP_WORDS as GROUP_WORDS
from .name_words import PLACEHOLDERS as PLACEHOLDERS
from .name_words import RELATIONS as RELATIONS
from .name_words import ROLES as ROLES
from .name_words import STATUSES as STATUSES
from .name_words import SURNAMES as SURNAMES

ENTITY = "PERSON_NAME"


def _id_runs(text: str) -> list[int]:
    """Where each run of 17 digits or more begins (an ID number starts such a run)."""
    return [run.start() for run in _DIGIT_RUNS.finditer(text) if run.end() - run.start() >= 17]


def _beside_id(text: str, runs: list[int]) -> list[re.Match[str]]:
    """``_BESIDE_ID_RE.finditer(text)``, tried only where a match can begin: up to five
    characters before a run of 17 digits or more (``runs``: :func:`_id_runs`), or at it.
    Searched from every position, the pattern's look-behinds cost a remark ~30,000
    instructions."""
    found: list[re.Match[str]] = []
    resume = 0  # where finditer would look next: after the last match, past what was tried
    for at in runs:
        for start in range(max(resume, at - 5), at + 1):
            match = _BESIDE_ID_RE.match(text, start)
            if match is not None:
                found.append(match)
                resume = match.end()
                break
        else:
            resume = max(resume, at + 1)
    return found


def legacy_ids_beside_names(text: str, records: list[re.Match[str]] | None = None) -> list[tuple[int, int, int, int]]:
    """(name start, name end, number start, number end) of each legacy 15-digit number that
    stands right beside a name (``text`` folded: full-width brackets are ASCII). ``records``:
    ``_records(text)``, when the caller has it already."""
    found: list[tuple[int, int, int, int]] = []
    if _LEGACY_RUN.search(text) is None:
        return found
    if records is None:
        records = _records(text)
    for match in _BESIDE_LEGACY_RE.finditer(text):
        side, number = ("before", "id_after") if match.group("before") is not None else ("after", "id_before")
        name = match.group(side)
        if plausible(name) and name[-1] not in _NUMBER_LABEL_ENDS and resident_id.validate(match.group(number)) is None:
            found.append((*match.span(side), *match.span(number)))
    return found + _legacy_in_records(text, records) + _legacy_after_brackets(text)


def _legacy_after_brackets(text: str) -> list[tuple[int, int, int, int]]:
    """(name start, name end, number start, number end) of each legacy number after a name and
    its relation in brackets, or a relation and a name in brackets (``_BRACKETED_LEGACY_RE``)."""
    found: list[tuple[int, int, int, int]] = []
    for match in _BRACKETED_LEGACY_RE.finditer(text):
        side = "before" if match.group("before") is not None else "inside"
        if plausible(match.group(side)) and resident_id.validate(match.group("number")) is None:
            found.append((*match.span(side), *match.span("number")))
    return found


def _legacy_in_records(text: str, records: list[re.Match[str]]) -> list[tuple[int, int, int, int]]:
    """(name start, name end, number start, number end) of each legacy number on the line of a
    record (``张伟，男，<15>``: ``records``, the matches of ``_RECORD_RE``), as
    :func:`_in_record_line` reads an ID number there."""
    found: list[tuple[int, int, int, int]] = []
    for match in records:
        name = match.group(1)
        if not is_name(name) or address.is_place_name(name) or name in GROUP_WORDS:
            continue
        end = text.find("\n", match.end())
        for number in _LEGACY_RUN.finditer(text, match.end(), len(text) if end < 0 else end):
            if resident_id.validate(number.group()) is None:
                found.append((*match.span(1), *number.span()))
    return found


def _masked_in_part(text: str) -> list[tuple[int, int, float, str]]:
    """Names the upstream masked in part after a context word (户主张*伟, 户主张**): what is in
    clear may be more than the caller's profile shows (Run._masked asks it). With no context word
    (备注张*伟, 张*伟（户主）), a surname before the stars and one or two characters after them that
    end the run: 5*3, A*B and 张* stay."""
    found = [
        (m.start(1), m.end(1), 0.85, "surname+context+masked")
        for m in MASKED_AFTER_CONTEXT_RE.finditer(text)
        if 0 < surname_length(m.group(1)) == m.group(1).index("*")
    ]
    for m in MASKED_RE.finditer(text):
        start = m.start()
        if text[start - 2 : start] in COMPOUND_SURNAMES:  # 欧阳*娜
            found.append((start - 2, m.end(), 0.8, "surname+masked"))
        elif text[start - 1] in SURNAMES:
            found.append((start - 1, m.end(), 0.8, "surname+masked"))
    return found + _masked_before_prose(text)


def _masked_before_prose(text: str) -> list[tuple[int, int, float, str]]:
    """Names the upstream masked in part before more of their run (举报人张*伟称其母生病, 张*伟签字,
    户主张*伟强已去世): a surname, the stars, and one or two characters before a word that follows a
    name (a verb, 已, 的, 签字 …: name_tests.ends_before_prose). After a label or not, what was
    left in clear (伟) went out: the patterns above want the run to end there."""
    found: list[tuple[int, int, float, str]] = []
    for m in MASKED_BEFORE_RUN_RE.finditer(text):
        start = m.start()
        if text[start - 2 : start] in COMPOUND_SURNAMES:
            start -= 2
        elif text[start - 1] in SURNAMES:
            start -= 1
        else:
            continue
        for end in (m.end() + 1, m.end() + 2):
            if end >= len(text) or ends_before_prose(text, end - 1):
                break  # 张**已签收: nothing of the given name is left in clear
            if cjk_at(text, end) and ends_before_prose(text, end):
                found.append((start, end, 0.8, "surname+masked"))
                break
    return found


def find(text: str, all_runs: list[tuple[int, int]] | None = None) -> list[tuple[int, int, float, str]]:
    """Names after a context word or beside an ID number: (start, end, score, evidence) in
    ``text`` coordinates. ``all_runs``: ``digit_runs(text)``, when the caller has them already."""
    found: list[tuple[int, int, float, str]] = []
    labels: list[int] = []  # where each label begins, for _labelled_runs
    heads = name_heads.word_starts(text)  # walked once for may_follow_role and head_names
    for match in _FREE_RE.finditer(text):
        labels.append(match.start())
        name = match.group(1)
        start = match.start(1)
        if _DOTTED_RE.fullmatch(name) is not None:
            if not any(part in GROUP_WORDS for part in _DOTS_RE.split(name)):
                found.append((start, match.end(1), 0.85, "dotted+context"))
            continue
        if " " in name or "\t" in name:
            if is_name("".join(name.split())):
                found.append((start, match.end(1), 0.85, "surname+context"))
            continue
        candidate = trim(name)
        if name in NEXT_LABELS or candidate in NEXT_LABELS:  # a header row's next heading (与户主关系, 文化程度)
            continue
        if _a_title(text, start):  # 审核人：党支部书记: the run is a title, the four characters none
            continue
        if JOINED_TITLE_RE.match(text, start) is not None:  # 老人和护理员: 和, and a person unnamed
            continue
        surname = surname_length(candidate)
        if (
            surname
            and len(candidate) > surname
            and not is_prose_word(candidate)
            and not name_lists.is_day_or_place(candidate)  # 老人周一、周三值班
            and not name_lists.day_before_word(name)  # 老人周一值班 (cut to 周一值)
            # 申请人：王主任: a surname and a title is how a file refers to staff (as @王主任), no name
            and candidate[surname:] not in TITLE_TAILS
            # 老人张氏家族: a clan's; 氏 ends a name only (王氏, 孙王氏)
            and "氏" not in candidate[surname:-1]
        ):
            found.append((start, start + len(candidate), 0.85, "surname+context"))
    if "*" in text:
        found += _masked_in_part(text)
    if labels:
        found += _labelled_runs(text, labels)
        found += _spaced_runs(text, labels)
        found += _glued_runs(text, labels)
        found += _bracketed_after_labels(text, labels)
    if "名字" in text or "叫" in text:
        for match in _PHRASE_RE.finditer(text):
            group = next(g for g in (1, 2, 3) if match.group(g) is not None)
            candidate = trim(match.group(group))
            if is_name(candidate) and not address.is_place_name(candidate) and not candidate.startswith(_CALLED):
                start = match.start(group)
                found.append((start, start + len(candidate), 0.85, "surname+context"))
    if "名下" in text:  # 经查刘洋名下有房产: whose property (the test spares most values a call)
        found += name_owned.owned_names(text)
    if name_owned.may_own(text):  # 张伟的低保申请已受理: whose case
        found += name_owned.names_before_of(text)
    if name_logs.may_contain(text):  # 用户张伟登录成功: an operation log's line
        found += name_logs.logged_names(text)
    if name_votes.may_contain(text):  # 选举结果：张伟52票: an election's tally
        found += name_votes.voted_names(text)
    if name_decided.may_contain(text):  # 取消王强低保资格: a decision's record
        found += name_decided.decided_names(text)
    if may_be_profile(text):
        found += _profiles(text, {start for start, _, _, _ in found})
    if "岁" in text:  # 张伟，68岁，患有高血压: a name and an age, no gender between
        found += _aged(text)
    if may_follow_role(text, heads):
        found += _after_roles(text, {start for start, _, _, _ in found})
        found += _role_runs(text)
        found += _category_runs(text)
        found += name_prose.glued_names(text)  # 网格员李娜入户走访, 由祖母王秀英抚养, 走访张伟一户
        found += name_signed.signed_names(text)  # 李娜签字确认, 李娜已签收
        found += name_captions.captioned_names(text)  # 张伟家庭成员表
    if may_follow_relation(text):
        found += _relation_runs(text)
    if ")" in text or "】" in text or "]" in text:
        found += before_bracketed_relations(text)
    if name_lists.may_contain(text):  # 走访张伟、李娜两户
        found += name_lists.listed_names(text)
        found += name_lists.counted_names(text)
        found += name_lists.joined_names(text)  # 走访了刘洋和陈静两户
    found += name_lists.before_honorifics(text)  # 王秀英老人, 张伟同志
    if name_addressed.may_contain(text):  # 致张伟：, 尊敬的李娜：, @张伟
        found += name_addressed.addressed_names(text)
    found += name_heads.head_names(text, heads)  # 张伟系户主之子, 经张伟同意
    if name_spaced.may_contain(text):  # 王 秀 英 已领取: spaced out, no label
        found += name_spaced.spaced_names(text)
    if name_marked.may_contain(text):  # “张伟”来访, 据“张伟”反映, （张伟）: quoted, no label
        found += name_marked.marked_names(text)
    if name_english.may_contain(text):  # Person 张伟 not found, his mother 王秀英
        found += name_english.names(text)
    if name_numbered.may_contain(text):  # 公示名单：1.张伟 2.李娜, （1）张伟（2）李娜: numbered, no label
        found += name_numbered.numbered_names(text)
    if name_split.may_contain(text):  # 姓：张 名：伟: a name in two fields
        found += name_split.split_names(text)
    if name_kin.may_contain(text):  # 户主张伟，妻子李娜: a relation glued to a name, a whole run
        found += name_kin.kin_names(text)
    found += name_households.household_names(text)  # 张伟户，3口人, 王秀英户符合条件: a household's head
    if name_served.may_contain(text):  # 给张伟送去米面油, 为王秀英办理低保: after 给, 向, 为, 帮
        found += name_served.served_names(text)
    if ":" in text:  # 吴敏：低保户, 高龄津贴：王秀英，每月200元: beside a colon, no label naming it
        found += name_colon.colon_names(text)
    if found and ("/" in text or "|" in text or "、" in text or " " in text or "\t" in text):
        found += name_lists.after_labelled(text, found)  # 户主：张伟/李娜
    # The runs of digits, found once by a loop over the code points (a pass of ``re`` over a remark
    # cost 10,000-15,000 instructions): after them a staff number's name, beside them a number's in
    # groups, and of them those of 11 digits or more (``_DIGIT_RUNS``) for the test below and _beside_id.
    every = digit_runs(text) if all_runs is None else all_runs
    found += name_staff.staff_names(text, every)  # 工号1024 张伟: an office's user
    starts = {start for start, _, _, _ in found}
    if len(every) > 1:  # 张伟 6222 0212 3456 7890 128: a number in groups, its check holding
        found += beside_grouped(text, every, starts)
    runs = [(start, end) for start, end in every if end - start >= 11]
    if not runs:
        return found
    found += _beside_mobiles(text, [(start, end) for start, end in runs if end - start == 11], starts)
    if all(end - start < 15 for start, end in runs):
        return found  # a mobile's run alone: the passes below look for legacy and ID numbers
    # Also where a name was found already (张伟 女 汉族 <15>: a record line's profile): this
    # evidence tells the scanner to mask the legacy numbers beside names (a repeated span is
    # dropped when overlaps are resolved).
    # The record lines, found once for both passes that read them (~15,000 instructions a remark).
    records = _records(text)
    # A legacy number is a run of exactly 15 digits, the first no 0 (``_LEGACY_RUN``): known from
    # the runs, where the search's leading look-behind cost a remark some 15,000 instructions.
    if any(end - start == 15 and text[start] != "0" for start, end in runs):
        for start, end, _, _ in legacy_ids_beside_names(text, records):
            found.append((start, end, 0.85, LEGACY_EVIDENCE))
    found += _in_record_line(text, starts, records)
    id_runs = [start for start, end in runs if end - start >= 17]
    ids = [(at, at + 18) for at in id_runs if resident_id.validate(text[at : at + 18]) is True]
    found += beside_number_apart(text, ids, starts, "surname+beside-id")
    found += name_cards.beside_cards(text, runs, {at for at, _ in ids}, starts)  # 张伟 6222…: a roster's line
    for match in _beside_id(text, id_runs):
        side = "before" if match.group("before") is not None else "after"
        number = match.group("id_after" if side == "before" else "id_before")
        candidate = match.group(side)
        if (
            match.start(side) not in starts
            and (is_name(candidate) or is_transliterated(candidate))  # 扎西多吉_<ID>.pdf
            and not is_pseudonym(candidate)  # 王某(<ID>): a case file's reference, anonymised already
            and not address.is_place_name(candidate)  # 王家庄 beside an ID number: where, not who
            and resident_id.validate(number) is True
        ):
            found.append((match.start(side), match.end(side), 0.85, "surname+beside-id"))
    return found


def _a_title(text: str, start: int) -> bool:
    """Is the CJK run from ``start`` (after a label) a title: ending in one of ``TITLE_TAILS``, no
    name whole before it (党支部书记, 党委书记; 张伟书记 is a name and a title)? The label's
    pattern takes four characters of it (党支部书), which end in no title."""
    end = start
    while end < len(text) and end - start <= 10 and cjk_at(text, end):
        end += 1
    run = text[start:end]
    return run.endswith(TITLE_TAILS) and not name_lists.whole_run_name(run[:-2])


def beside_grouped(text: str, runs: list[tuple[int, int]], starts: set[int]) -> list[tuple[int, int, float, str]]:
    """Names right before or after a bank card's, an ID number's or a mobile's digits written in
    groups (``runs``: every run of digits in ``text``; ``starts``: where names were found already).
    Asked by :func:`find` and, for a text the names' pre-check passes over, by the scanner."""
    cards, ids, mobiles = grouped_numbers.checked(text, runs)
    found: list[tuple[int, int, float, str]] = []
    if cards:
        found += name_cards.beside_numbers(text, cards, starts, name_cards.EVIDENCE)
    if ids:
        found += name_cards.beside_numbers(text, ids, starts, "surname+beside-id")
    if mobiles:
        found += _beside_mobiles(text, mobiles, starts)
    return found


def _beside_mobiles(text: str, mobiles: list[tuple[int, int]], starts: set[int]) -> list[tuple[int, int, float, str]]:
    """Names right before or after a mobile (``mobiles``: the spans of runs of 11 digits, or of a
    number's groups)."""
    found: list[tuple[int, int, float, str]] = []
    for at, end in mobiles:
        if mobile.validate(text[at:end]) is not None:
            continue
        before = _before_mobile(text, at)
        if before is not None and before[0] not in starts and beside_number(text[before[0] : before[1]]):
            found.append((before[0], before[1], 0.85, "surname+beside-mobile"))
        after = _AFTER_MOBILE_RE.match(text, end)
        if after is not None and after.start(1) not in starts and beside_number(after.group(1)):
            found.append((after.start(1), after.end(1), 0.85, "surname+beside-mobile"))
    return found


def _before_mobile(text: str, at: int) -> tuple[int, int] | None:
    """The span of the name before a mobile at ``at``: ``_BEFORE_MOBILE_RE.search(text, max(0, at - 16),
    at)`` (the 16 characters before it; the look-behind still sees the one before them), matched at
    the one place a match can begin: every match opens with a CJK character after one that is none
    and then takes only the gap's characters, none CJK, up to ``at``, so it begins where the last
    CJK run before ``at`` does. Searched, the look-behind entered the matcher at each of the 16
    places (~15,000 instructions a mobile). A run that ends with a phone's label (张伟的手机是) is
    read by ``before_phone_label`` first."""
    lowest = max(0, at - 16)
    end = at
    while end > lowest and not cjk_at(text, end - 1):
        end -= 1
    start = cjk_start(text, end, lowest)
    if start == end:
        return None
    if text[end - 1] in _PHONE_LABEL_LAST and (
        text[start:end] not in _PHONE_LABELS or (start > lowest and text[start - 1] in " \t")
    ):
        labelled = before_phone_label(text, start, end, at, lowest)
        if labelled is not None:
            return labelled
    match = _BEFORE_MOBILE_RE.match(text, start, at)
    return None if match is None else match.span(1)


def _records(text: str) -> list[re.Match[str]]:
    """``_RECORD_RE.finditer(text)``, tried only at the start of the CJK run from which a
    match could reach a gender or a label (``公民`` may open the label or end the run):
    back over what may stand between, then over the run. Searched from every position, the
    pattern's look-behind cost a remark ~30,000 instructions."""
    starts: set[int] = set()
    for at in _record_ends(text):
        starts.add(_run_before(text, at))
        if text[at - 2 : at] == "公民":
            starts.add(_run_before(text, at - 2))
    found: list[re.Match[str]] = []
    resume = 0  # finditer looks on after its last match
    for start in sorted(starts):
        match = _RECORD_RE.match(text, start) if start >= resume else None
        if match is not None:
            found.append(match)
            resume = match.end()
    return found


def _record_ends(text: str) -> list[int]:
    """Where each of ``_RECORD_ENDS`` occurs, by ``str.find``: C-level, some 1,000
    instructions a remark, where a pass of ``[男女]|身份|证件号`` cost 10,000."""
    found: list[int] = []
    for word in _RECORD_ENDS:
        at = text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + len(word))
    return found


def _run_before(text: str, at: int) -> int:
    """Where the CJK run before ``at`` begins, over the gap between them."""
    while at > 0 and (text[at - 1] in _RECORD_GAP or text[at - 1].isspace()):
        at -= 1
    return cjk_start(text, at)


def _in_record_line(text: str, starts: set[int], records: list[re.Match[str]]) -> list[tuple[int, int, float, str]]:
    """Names of record lines (``records``: the matches of ``_RECORD_RE``) with a valid ID number
    further on the line."""
    found: list[tuple[int, int, float, str]] = []
    for match in records:
        candidate = match.group(1)
        if match.start(1) in starts or not is_name(candidate) or address.is_place_name(candidate):
            continue
        end = text.find("\n", match.end())
        line = text[match.end() : len(text) if end < 0 else end]
        if any(resident_id.validate(m.group()) is True for m in _LINE_ID_RE.finditer(line)):
            found.append((match.start(1), match.end(1), 0.85, "surname+record-line"))
    return found


def _profiles(text: str, starts: set[int]) -> list[tuple[int, int, float, str]]:
    found: list[tuple[int, int, float, str]] = []
    for match in (*_PROFILE_NAME_RE.finditer(text), *_LABELLED_PROFILE_RE.finditer(text)):
        candidate = match.group(1)
        if " " in candidate:  # 张 伟，男，80岁: a name padded to a roster's width, judged whole
            candidate = candidate.replace(" ", "")
        if (
            match.start(1) not in starts
            # a dotted run holding a label's name (申请人阿依古丽·买买提，女): the label's pass has it
            and not any(match.start(1) < start < match.end(1) for start in starts)
            # 扎西，男，45岁; 艾力·买买提，男
            and (is_name(candidate) or is_transliterated(candidate) or _DOTTED_RE.fullmatch(candidate) is not None)
            and candidate not in GROUP_WORDS
            and not is_pseudonym(candidate)  # 特困人员张某，男，80岁: a case file's reference to no one
            and not address.is_place_name(candidate)
        ):
            # (a gender and 系, no age: 王秀英，女，系户主之母; no record line of an ID number's passes)
            evidence = "surname+record-kin" if match.group().endswith("系") else "surname+record-line"
            found.append((match.start(1), match.end(1), 0.85, evidence))
    return found


# _ROLE_FROM's ideographs by code point (``ideographs``), and its opening brackets ( [ 【 〔 （:
# ``re``'s search of the class cost ~40 instructions a character and ~1,500 a call.
_ROLE_TABLE: Final = table(ROLE_FROM_CHARS, "_ROLE_FROM")
# CHILD_PLACES' first characters (长, 次): one substring test of each before the four of the words.
_CHILD_HEADS: Final = tuple(sorted({word[0] for word in CHILD_PLACES}))


def role_from(text: str) -> int:
    """Where the first of ``_ROLE_FROM``'s characters stands in ``text``; -1 where none does."""
    for at in range(len(text)):
        code = ord(text[at])
        if TABLE_FROM <= code < TABLE_TO:
            if _ROLE_TABLE[code - TABLE_FROM]:
                return at
        elif code == 0x28 or code == 0x5B or code == 0x3010 or code == 0x3014 or code == 0xFF08:
            return at
    return -1


def _may_name_without_role(text: str, heads: list[int] | None) -> bool:
    """The pre-checks of names that need no role or relation before them: 李娜监护, 联系张伟未果,
    村会计刘洋虚报低保户, 张伟系户主之子, 张伟户籍材料."""
    return (
        name_prose.may_care(text)
        or name_prose.may_call(text)
        or name_prose.may_name_officer(text)
        or name_heads.may_contain(text, heads)
        or name_captions.may_contain(text)
        or name_prose.may_bracket_kin(text)  # 王秀英(张伟的孙女)
    )


def may_follow_role(text: str, heads: list[int] | None = None) -> bool:
    """Could ``text`` hold a name after a role or relation (``ROLE_HINT``)? For the scanner's pre-check.
    ``heads``: ``name_heads.word_starts(text)``, when the caller has them already."""
    if any(head in text for head in _CHILD_HEADS) and any(word in text for word in CHILD_PLACES):
        return True  # 长女王芳已婚: no character of _ROLE_FROM's
    start = role_from(text)
    if start < 0:
        return _may_name_without_role(text, heads)
    at = max(0, start - 1)
    return (
        _ROLE_HINT_RE.search(text, at) is not None
        or _ROLE_BRACKETED_RE.search(text, at) is not None  # 委托人（李娜）
        or name_prose.may_contain(text, at)  # 网格员李娜入户走访
        or _may_name_without_role(text, heads)
    )


def _after_roles(text: str, starts: set[int]) -> list[tuple[int, int, float, str]]:
    found: list[tuple[int, int, float, str]] = []
    for match in _ROLE_RE.finditer(text):
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        # (a run that ends, 特困人员张伟强: cut only before a verb, 特困人员张伟于3月)
        candidate = before_prose(match.group(group)) if group == 2 else trim(match.group(group))
        if (
            match.start(group) not in starts
            and plausible(candidate)
            and not is_prose_word(candidate)  # 残疾人康复
            and not name_lists.is_day_or_place(candidate)  # 老人周一、周三值班, 低保户张家港
            and JOINED_TITLE_RE.match(text, match.start(group)) is None  # 当事人和社工
        ):
            found.append((match.start(group), match.start(group) + len(candidate), 0.85, "surname+context"))
    for match in _BRACKETED_RE.finditer(text):
        candidate = match.group(1)
        if (
            match.start(1) not in starts
            and (plausible(candidate) or is_transliterated(candidate))  # 次仁（户主）
            and candidate not in CONTEXT  # 申请人（本人）: a role, no name
            and not is_prose_word(candidate)  # 申请（本人）签字: a verb, no name
        ):
            found.append((match.start(1), match.end(1), 0.85, "surname+context"))
    for match in _IN_BRACKETS_RE.finditer(text):
        candidate = match.group(1)
        if (
            match.start(1) not in starts
            and plausible(candidate)
            and candidate[-1] not in _UNIT_ENDS
            and candidate not in RELATIONS
            and candidate not in ROLES
        ):
            found.append((match.start(1), match.end(1), 0.85, "surname+context"))
    return found


def may_be_masked(text: str) -> bool:
    """Could ``text`` hold a name the upstream masked in part (张*伟)? A substring test first:
    few texts hold a star."""
    return "*" in text and (MASKED_RE.search(text) is not None or MASKED_BEFORE_RUN_RE.search(text) is not None)


def may_contain(text: str) -> bool:
    """Cheap pre-check for :func:`find` (``MAYBE_PATTERN``; a name masked in part, 张*伟, by a
    substring test first)."""
    return (
        _MAYBE_RE.search(text) is not None
        or may_be_masked(text)
        or may_be_profile(text)
        or may_follow_role(text)
        or may_follow_relation(text)
        or name_lists.may_contain(text)
        or name_spaced.may_contain(text)
        or name_marked.may_contain(text)
        or name_english.may_contain(text)
        or name_numbered.may_contain(text)
        or name_served.may_contain(text)
        or name_split.may_contain(text)
        or name_kin.may_contain(text)
        or name_households.may_contain(text)
        or name_owned.may_own(text)
        or name_logs.may_contain(text)
        or name_votes.may_contain(text)
        or name_decided.may_contain(text)
        or name_staff.may_contain(text)
        or name_colon.may_contain(text)
    )


def may_be_profile(text: str) -> bool:
    """Could ``text`` hold a record line's name, gender and age (``PROFILE``), or its name and age
    (``AGED_HINT``)? For the scanner's pre-check: substring tests first (an age, a nationality or
    a birth; a gender)."""
    if "岁" in text and _AGED_HINT_RE.search(text) is not None:
        return True
    return (
        ("岁" in text or "族" in text or "生" in text or "系" in text)
        and ("男" in text or "女" in text)
        and _PROFILE_RE.search(text) is not None
    )


_AGED_HINT_RE: Final = re.compile(AGED_HINT)


def _aged(text: str) -> list[tuple[int, int, float, str]]:
    """The names of record lines that give a name and an age, no gender between (``AGED_HINT``),
    read back from each 岁 (its digits, 周 maybe, spaces, the comma): the whole run before the
    comma a name as at a run's head (合计，68岁 and 全家，3岁 stay)."""
    found: list[tuple[int, int, float, str]] = []
    at = text.find("岁")
    while at >= 0:
        end = at - 1 if text[at - 1 : at] == "周" else at
        digits = end
        while digits > 0 and "0" <= text[digits - 1] <= "9" and end - digits < 3:
            digits -= 1
        comma = before_spaces(text, digits)
        if digits < end and comma > 0 and text[comma - 1] in ",，":
            name_end = comma - 1
            start = cjk_start(text, name_end)
            if 2 <= name_end - start <= 4 and name_heads._head_name(text[start:name_end]):
                found.append((start, name_end, 0.85, "surname+age"))
        at = text.find("岁", at + 1)
    return found

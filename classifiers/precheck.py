"""The scanner's pre-check: could a value hold any entity at all? One C-level search decides
for most values, so that the scanner (scanner.py) runs only on those that may; columns.py asks
the same of a whole column (MAYBE, by RE2 for a long one)."""

from __future__ import annotations

import re
from typing import Final

from .broken_numbers import BR_HINT, TAB_HINT, may_hold_br, may_hold_tab
from .entities import (
    address,
    address_latin,
    birth_date,
    email,
    licence_plate,
    name_colon,
    name_decided,
    name_english,
    name_households,
    name_kin,
    name_lists,
    name_logs,
    name_marked,
    name_numbered,
    name_owned,
    name_served,
    name_spaced,
    name_split,
    name_staff,
    name_votes,
    numerals,
    person_name,
)
from .masked_in_part import LABELLED_MOBILE_HINT, may_be_labelled_mobile
from .masked_rows import may_be_in_line
from .normalise import LOOSE_SEPARATORS
from .typed_letters import HINT as TYPED_HINT
from .typed_letters import may_contain as may_be_typed

# A value can hold an entity only if it has one of: a run of 10+ ASCII digits with
# separators, slashes, underscores, brackets or line ends (mobile, landline, ID, card; a mobile
# broken by a line end, 139 1234\n5678, or after a bracketed first group, [139]-1234-5678, has no
# six digits in a row), six digits in a row
# (credit code), an '@', an address-final character, a name context word, a URL-escaped digit
# ("%36"), or any character that folding could turn
# into one of those (full-width forms, invisible characters, exotic spaces): everything
# non-ASCII outside CJK ideographs and a few harmless CJK punctuation marks. One C-level
# search decides for most values; it may say "maybe" wrongly, never "no" wrongly.
FOLDABLE = "[^\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff\u3001\u3002\u300a-\u300f\uff0c\uff1a\uff1b\uff01\uff1f\u00b7]"
_MAYBE_CORE: Final = re.compile(
    FOLDABLE + rf"|(?:[0-9][ \-.()\[\]{LOOSE_SEPARATORS}\r\n]*){{10}}|[0-9]{{6}}|@|%3[0-9]"
    f"|[{address.TRIGGERS}{address.ESTATE_ENDS}]|{numerals.RUN}|"
    + "|".join((*person_name.CONTEXT, *person_name.PHRASES, *name_lists.HONORIFICS))
)
# With a record line's gender and age and a role before a name (person_name.PROFILE, ROLE_HINT) and
# a plate's province and office letter (licence_plate.HINT):
# the whole pre-check, as RE2 reads it for long columns (columns.py). Searched by ``re``, their
# two dozen alternatives cost every value's search 60 % more (+4.8 % on the demo document): the
# values' pre-check (may_hold) looks for them apart, behind cheaper tests.
# A list of names in prose (name_lists.LIST_HINT) and an address in English or an estate alone after its label
# (address.LABELLED_HINT) too; the honorifics a name goes before
# (name_lists.HONORIFICS: 张伟同志) are context words in _MAYBE_CORE.
MAYBE = re.compile(
    f"{_MAYBE_CORE.pattern}|{person_name.PROFILE}|{person_name.ROLE_HINT}|{licence_plate.HINT}|{name_lists.LIST_HINT}"
    f"|{address.LABELLED_HINT}|District|County|City"  # and without one, where an area's word stands (address_latin.py)
    f"|{address_latin.PLACE_HINT}"  # or a street's beside a number (No. 12 Yucai Road, Ankang)
    f"|{LABELLED_MOBILE_HINT}"  # 手机138****8000 (masked_in_part.py)
    f"|{person_name.SPACED_HINT}"  # 王 秀 英 已领取 (name_spaced.py)
    f"|{TYPED_HINT}"  # 手机：139l234S678 (typed_letters.py)
    f"|{BR_HINT}"  # 139<br>1234<br>5678 (broken_numbers.py)
    f"|{TAB_HINT}"  # 手机：139\t1234\t5678 (broken_numbers.py)
    f"|{email.SPELLED_HINT}"  # zhangwei [at] example.com (entities/email.py)
    f"|{person_name.MARKED_HINT}"  # “张伟”来访, （张伟） (name_marked.py)
    f"|{person_name.NUMBERED_HINT}"  # 1.张伟 2.李娜 (name_numbered.py)
    f"|{person_name.SERVED_HINT}"  # 为王秀英办理低保 (name_served.py)
    f"|{person_name.SPLIT_HINT}"  # 姓：张 名：伟 (name_split.py)
    f"|{person_name.KIN_HINT}"  # 妻子李娜 (name_kin.py)
    f"|{name_households.HOUSEHOLD_HINT}"  # 张伟户，3口人, 王秀英户符合条件 (name_households.py)
    f"|{birth_date.HINT}"  # 出生日期：1990年1月1日 (entities/birth_date.py)
    f"|{name_owned.OWNED_HINT}"  # 张伟的低保申请 (name_owned.py)
    f"|{person_name.LOG_HINT}"  # 用户张伟登录成功 (name_logs.py)
    f"|{person_name.VOTES_HINT}"  # 张伟52票 (name_votes.py)
    f"|{person_name.DECIDED_HINT}"  # 取消王强低保资格 (name_decided.py)
    f"|{person_name.STAFF_HINT}"  # 工号1024 张伟 (name_staff.py)
    f"|{person_name.COLON_HINT}"  # 吴敏：低保户, 高龄津贴：王秀英， (name_colon.py)
    f"|{person_name.AGED_HINT}"  # 张伟，68岁 (person_name._aged)
)
# The honorifics a name goes before (张伟同志, 李娜女士: name_lists.HONORIFICS) by a character of
# theirs that no column of genders or schooling is full of: 志 of 同志, 士 of 女士, 姨 of 阿姨,
# where their first would stop the search at every 女. A match may begin one character before.
# 学 of 同学 and 朋 of 小朋友 (刘思琪同学, 张子涵小朋友): 同 opens 同意 and 同住, 小 many words; a column
# of schooling (小学, 大学) is searched once from each 学 for it.
_HONORIFIC_FROM = "志士姨先奶爷老学朋任记师医"
# Where a match of MAYBE can begin, or one character before it: a character that begins one of
# its alternatives (or ends an honorific), or a digit
# opening six digits and separators. ``re`` tries MAYBE's two dozen alternatives at every
# position of a text that holds nothing (most columns and values); these three cost a
# fraction of that, and where they find nothing MAYBE would not either.
_MAYBE_FROM: Final = re.compile(
    FOLDABLE
    + f"|[@%{address.TRIGGERS}{address.ESTATE_ENDS}{''.join(sorted({word[0] for word in (*person_name.CONTEXT, *person_name.PHRASES)}))}{_HONORIFIC_FROM}]"
    + rf"|[0-9][0-9 \-.()\[\]{LOOSE_SEPARATORS}\r\n]{{5}}"
)


# MAYBE's numbers in an ASCII text (see may_hold): a block of digits and what groups them, from
# its first digit on and taken whole; ten digits in groups or six in a row lie in one of six
# characters or more. Only the first block is searched for: _holds_number walks on from it.
_DIGIT_BLOCK: Final = re.compile(rf"[0-9][0-9 \-.()\[\]{LOOSE_SEPARATORS}\r\n]{{5,}}+")
# What groups digits in a block (_DIGIT_BLOCK's class less the digits), by code point.
_GROUPING: Final = frozenset(map(ord, f" -.()[]{LOOSE_SEPARATORS}\r\n"))
_ESCAPED_DIGIT: Final = re.compile("%3[0-9]")


def may_hold(text: str) -> bool:
    """``MAYBE.search(text) is not None``, faster: MAYBE is searched only from where a match
    of it could begin. A number in Chinese numerals (MAYBE's ``numerals.RUN``) is looked for
    on its own, and only in a text that is not ASCII: as one more alternative of _MAYBE_FROM
    it cost every character of every value a class test (+1 % on the demo document). So is a
    record line's gender and age (``person_name.PROFILE``), by substring tests first, and a
    role or relation before a name (``person_name.ROLE_HINT``), and a plate's office letter.

    In an ASCII text only MAYBE's '@', escaped digit and numbers can match (every other
    alternative needs a CJK character or one that folding changes), and the numbers are looked
    for block by block: searched as MAYBE is, they were tried from every digit, and a column
    of ten dates (2022-12-23) cost 430,000 instructions."""
    if text.isascii():
        return (
            "@" in text
            or ("%3" in text and _ESCAPED_DIGIT.search(text) is not None)
            or _holds_number(text)
            or address_latin.may_be_prose(text)  # No. 12 Yucai Road, Hanbin District (address_latin.py)
            or may_hold_br(text)  # 139<br>1234<br>5678 (broken_numbers.py)
            or may_hold_tab(text)  # tel\t139\t1234\t5678 (broken_numbers.py)
            or email.may_be_spelled(text)  # zhangwei [at] example.com (entities/email.py)
            or birth_date.may_contain(text)  # DOB: 1990-01-01 (entities/birth_date.py)
        )
    start = _MAYBE_FROM.search(text)
    if start is not None and _MAYBE_CORE.search(text, max(0, start.start() - 1)) is not None:
        return True
    return (
        numerals.may_contain(text)
        or person_name.may_be_profile(text)
        or person_name.may_follow_role(text)
        or person_name.may_follow_relation(text)
        or licence_plate.may_contain(text)  # 陕G12345: five digits, no other alternative's
        or name_lists.may_contain(text)  # 走访张伟、李娜两户
        or name_spaced.may_contain(text)  # 王 秀 英 已领取: a name spaced out, no label
        or name_marked.may_contain(text)  # “张伟”来访, （张伟）: a name in quotes, no label
        or person_name.may_be_masked(text)  # 备注张*伟: a name the upstream masked in part
        or address.may_follow_label(text)  # 住址：No. 12 Yucai Road, 家庭住址：锦华苑二期
        or address_latin.may_be_prose(text)
        or may_be_labelled_mobile(text)  # 手机138****8000: seven digits in clear
        or may_be_in_line(text)  # 张**,138****8000,男: the same beside a person (masked_rows.py)
        or name_english.may_contain(text)  # Person 张伟 not found: a text opening with ASCII only
        or may_be_typed(text)  # 手机：139l234S678: letters typed for digits after a label
        or may_hold_br(text)  # 139<br>1234<br>5678: a number in groups on lines of HTML
        or birth_date.may_contain(text)  # 出生日期：1990年1月1日
        or name_numbered.may_contain(text)  # 1.张伟 2.李娜: a numbered list of names, no label
        or name_served.may_contain(text)  # 为王秀英办理低保: a name after 给, 向, 为 or 帮
        or name_split.may_contain(text)  # 姓：张 名：伟: a name in two fields
        or name_kin.may_contain(text)  # 户主张伟，妻子李娜: a relation glued to a name, a whole run
        or name_households.may_contain(text)  # 王秀英户符合条件: a household's head, no label
        or may_hold_tab(text)  # 手机：139\t1234\t5678: a number in groups parted by tabs
        or email.may_be_spelled(text)  # 邮箱：zhangwei#example.com: an address's @ spelled out
        or name_owned.may_own(text)  # 张伟的低保申请: a name before 的 and what is the person's
        or name_logs.may_contain(text)  # 用户张伟登录成功: an operation log's line
        or name_votes.may_contain(text)  # 选举结果：张伟52票: an election's tally
        or name_decided.may_contain(text)  # 取消王强低保资格: a decision's record
        or name_staff.may_contain(text)  # 工号A1024 张伟: a name after a staff number
        or name_colon.may_contain(text)  # 吴敏：低保户: a name beside a colon, no label naming it
    )


def _holds_number(text: str) -> bool:
    """Ten digits in groups or six in a row (MAYBE's ``(?:[0-9][ …]*){10}|[0-9]{6}``), in an
    ASCII text; a number in numerals (``numerals.RUN``) is not ASCII, or holds ten digits.

    From the first block of digits on, one walk over the code points (``ord`` of an index is
    read without a string of one character): a grouping character keeps the count of digits,
    anything else starts it again. Taken block by block (``finditer``, and each character
    compared as a string), a column of ten dates cost some 20,000 instructions."""
    block = _DIGIT_BLOCK.search(text)
    if block is None:
        return False
    digits = in_row = 0
    for at in range(block.start(), len(text)):
        code = ord(text[at])
        if 48 <= code <= 57:
            digits += 1
            in_row += 1
            if digits == 10 or in_row == 6:
                return True
        elif code in _GROUPING:
            in_row = 0
        else:
            digits = in_row = 0
    return False

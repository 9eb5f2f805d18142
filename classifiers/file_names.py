"""Persons named in a file name: 张伟_身份证.xlsx, 低保申请表_张伟.pdf, 2026-张伟的户口本.jpg.

An export or a scan named after its person names them wherever the file name goes: a body's
``fileName``, a link's ``download``, a Content-Disposition (gateway/stages/dispositions.py).
Alone, 张伟.csv is no more a name than 方案.csv or 周报.csv, so a word shaped like a full name is
one only when the file is about one person: the file name holds an ID number or a mobile, or
another of its words names a person's data (身份证, 银行卡, 照片: keys the catalog knows) or a
person's papers (申请表, 户口本: ``PAPERS``).
"""

from __future__ import annotations

import operator
import re
from typing import Final

from .entities import mobile, person_name, resident_id
from .entities.name_tests import is_prose_word
from .jsonshapes import PlanOf
from .matches import Match
from .name_headings import full_name, name_shaped


def _words(text: str) -> list[str]:
    return text.split()


# Words of a file name about one person's papers (低保申请表_张伟.pdf, 张伟的户口本.jpg).
PAPERS: Final = frozenset(
    _words(
        "申请表 申请书 审批表 登记表 信息表 个人信息 户口本 户口簿 复印件 病历 残疾证 低保证 简历 档案 材料 承诺书 证明"
    )
)
# What a file is saved as: a value ending so is read as a file name (an amount's 12.50 is not).
EXTENSIONS: Final = frozenset(
    _words("xlsx xls csv et pdf ofd doc docx wps txt rtf jpg jpeg png bmp gif tif tiff heic zip rar 7z")
)
# A file name's words: 张伟 in 张伟_身份证.xlsx, 低保申请(张伟).pdf, 2026-张伟.csv.
_HAN_RUN = re.compile(r"[\u3400-\u9fff·]+")
# A value of a (NUL-joined) column that ends as a file name does, for the columns' pre-check
# (columns.maybe; RE2 has no look-ahead, a superset).
COLUMN_HINT: Final[str] = r"\.(?i:" + "|".join(sorted(EXTENSIONS)) + r")(?:\x00|$)"
_COLUMN_HINT: Final = re.compile(COLUMN_HINT)
_FILE_NAME_SCORE: Final = 0.85  # a name told by the file it names, as a context word tells one
_START = operator.attrgetter("start")


def may_contain(joined: str) -> bool:
    """Could a value of this (NUL-joined) column be a file name? (``COLUMN_HINT``)"""
    return "." in joined and _COLUMN_HINT.search(joined) is not None


def is_file_name(value: str) -> bool:
    """Does ``value`` end as a file that is saved ends (``.xlsx``, ``.JPG``), with Han characters
    before it?"""
    stem, dot, extension = value.rstrip().rpartition(".")
    return bool(dot) and extension.lower() in EXTENSIONS and _HAN_RUN.search(stem) is not None


def names(text: str, plan: PlanOf, holds_number: bool) -> list[tuple[int, int]]:
    """The spans of the full names in a file name ``text`` about one person (``holds_number``: an
    ID number or a mobile was found in it), in order."""
    words: list[tuple[int, int]] = []
    for run in _HAN_RUN.finditer(text):
        start = run.start()
        for word in run.group().split("的"):
            if word:
                words.append((start, start + len(word)))
            start += len(word) + 1
    shaped = [(start, end) for start, end in words if _full_name(text[start:end], plan)]
    if not shaped:
        return []
    if holds_number or any(_about_one_person(text[start:end], plan) for start, end in words):
        return shaped
    return []


def with_names(value: str, found: list[Match], plan: PlanOf) -> list[Match]:
    """``found`` with the persons a file name names (张伟_身份证.xlsx), where nothing else was
    found (Detections.detected)."""
    numbers = any(m.entity in (resident_id.ENTITY, mobile.ENTITY) for m in found)
    named = [
        Match(person_name.ENTITY, start, end, _FILE_NAME_SCORE, "file-name+about-one-person")
        for start, end in names(value, plan, numbers)
        if not any(m.start < end and start < m.end for m in found)
    ]
    return sorted([*found, *named], key=_START) if named else found


def _full_name(word: str, plan: PlanOf) -> bool:
    """Is a word of a file name shaped like a full name, and no word of prose or papers (方案,
    申请表, 付款 begin with surnames)?"""
    return (
        person_name.is_name(word)
        and not is_prose_word(word)
        and not _names_papers(word)
        and name_shaped(word, plan)
        and full_name(word)
    )


def _about_one_person(word: str, plan: PlanOf) -> bool:
    if _names_papers(word):
        return True
    info = plan(word).info
    return info is not None and not info.business and info.entity != person_name.ENTITY


def _names_papers(word: str) -> bool:
    return any(paper in word for paper in PAPERS)

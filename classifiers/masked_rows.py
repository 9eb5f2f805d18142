"""A mobile masked in part in a row of cells with no key or label to say what it is:
[["张**", "138****8000", "男"], …], a CSV of the same without a header, {"a": "张**", "b": "138****8000"},
a line of text written so (张**,138****8000,男).

Its shape alone is weak: eleven characters from 1[3-9] with a mask among them are an order's or a
card's tail masked so as often (masked_in_part reads no mobile by shape, only after its label), and
the caseworker's mask of a mobile left seven digits in clear for the strict profile. What decides is
the row: a cell beside it that says a person, a name or an ID number, masked in part or not
(``says_person``). Then the cell is judged as a mobile's key's value would be (``LABEL``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

from .entities import address, mobile, person_name, resident_id
from .entities.name_lists import whole_run_name
from .entities.name_tests import plausible, surname_length
from .masked_in_part import masked_in_part, may_hold_mask
from .matches import Match
from .normalise import Folded, unpadded

# How such a cell is visited: as the value of a mobile's key (the catalog's 手机号码).
LABEL: Final = "手机号码"

_MASKED_MOBILE = re.compile(r"1[3-9][0-9*×#Xx]{9}")
_GROUPED: Final = 13  # a mobile in groups of 3, 4 and 4 (138-****-8000)
# An ID number masked in part (610902********1235): a province's code, then digits and masks.
_MASKED_ID = re.compile(r"[1-9][0-9]{5}[0-9*×#Xx]{11}[0-9Xx*×#]")
# A name masked in part (张**, 张*伟, 欧阳**): after its surname, stars and at most two characters.
_MASKED_NAME = re.compile(r"\*{1,3}[\u3400-\u9fff]{0,2}|[\u3400-\u9fff]\*{1,2}")


def masked_mobile(cell: Any) -> bool:
    """Is ``cell`` eleven characters shaped like a mobile with a mask among them (written in
    groups too, 138-****-8000, 138 **** 8000)?"""
    if type(cell) is str and len(cell) == _GROUPED and cell[3] == cell[8] and cell[3] in "- ":
        cell = cell[:3] + cell[4:8] + cell[9:]
    return (
        type(cell) is str
        and len(cell) == 11
        and cell[0] == "1"
        and _MASKED_MOBILE.fullmatch(cell) is not None
        and masked_in_part(cell)
    )


def says_person(cell: Any) -> bool:
    """Does ``cell`` say a person: a full name, a name masked in part after its surname, an ID
    number (valid, or masked in part from a province's code on)?"""
    if type(cell) is not str:
        return type(cell) is int and len(str(cell)) == 18 and resident_id.validate(str(cell)) is True
    text = unpadded(cell.strip())
    if len(text) == 18:
        if resident_id.validate(text) is True:
            return True
        return (
            _MASKED_ID.fullmatch(text) is not None
            and int(text[:2]) in resident_id.PROVINCE_CODES
            and masked_in_part(text)
        )
    if not 1 < len(text) < 6 or not "\u3400" <= text[0] <= "\u9fff":
        return False
    if "*" not in text:  # a full name (name_headings.full_name, which imports the scanner)
        return plausible(text) and not address.is_region_stem(text)
    surname = surname_length(text)
    return surname > 0 and _MASKED_NAME.fullmatch(text, surname) is not None


def mobiles(cells: Iterable[Any]) -> list[int]:
    """The indices of the masked mobiles in a row of cells when another cell says a person; []
    otherwise (most rows: no cell of eleven characters from 1)."""
    row = list(cells)
    found = [i for i, cell in enumerate(row) if masked_mobile(cell)]
    if found and any(says_person(cell) for i, cell in enumerate(row) if i not in found):
        return found
    return []


# In a line of text: a field of its own, between a row's separators (卡号尾号138****8000 is a card's
# tail after its label, 电话138****8000 a mobile after its own: masked_in_part.labelled_mobiles).
# A phone's label glued to it, a colon maybe between, makes the same field (手机138****8000，张伟: the
# name went out, where 手机 138****8000，张伟 masked it); the mobile is group 1.
_FIELD_MOBILE = re.compile(
    r"(?:^|(?<=[\n,，、;；|｜\t 　]))(?:(?:联系电话|联系方式|手机号码|手机号|手机|电话)[:：]?)?"
    r"(1[3-9][0-9](?:[0-9*×#Xx]{8}|-[0-9*×#Xx]{4}-[0-9*×#Xx]{4}| [0-9*×#Xx]{4} [0-9*×#Xx]{4}))"
    r"(?=$|[\r\n,，、;；|｜\t 　])",
    re.M,
)
_FIELD_SEPARATORS = re.compile(r"[,，、;；|｜\t 　]+")
_SCORE = 0.9  # as masked_in_part's: below a valid number's


def may_be_in_line(text: str) -> bool:
    """Could ``text`` hold a mobile masked in part as a field of a line (the pre-check's
    question: it holds nothing else the pre-check looks for)? Substring tests first, the one
    that fails most values (a 1) first: most values the pre-check asks this of hold no digit."""
    return "1" in text and may_hold_mask(text) and _FIELD_MOBILE.search(text) is not None


def in_lines(plain: Folded) -> list[Match]:
    """The mobiles masked in part that stand as a field of a line of ``plain`` (a text that may
    hold a mask: ``may_hold_mask``, asked once by the scanner) beside a field saying a person."""
    text = plain.text
    found: list[Match] = []
    for m in _FIELD_MOBILE.finditer(text):
        if not masked_in_part(m.group(1)):
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        before = _FIELD_SEPARATORS.split(text[start : m.start()])
        after = _FIELD_SEPARATORS.split(text[m.end() : len(text) if end < 0 else end])
        if any(says_person(field) for field in before + after):
            found.append(Match(mobile.ENTITY, *plain.span(*m.span(1)), _SCORE, "row+masked-in-part"))
            found += _names_beside(plain, start, len(text) if end < 0 else end)
    return found


# A field of a line: what stands between its separators.
_FIELD = re.compile(r"[^,，、;；|｜\t 　\r\n]+")


def _names_beside(plain: Folded, start: int, end: int) -> list[Match]:
    """The full names standing as fields of the line ``plain.text[start:end]``, which holds a
    mobile masked in part beside a field saying a person: the row's name (张伟 138****8000 left the
    name in clear, which no other reading of the line names without an ID number or an age). A
    name whole as a list's item is (``whole_run_name``): 金额, 高新区, 张家 say a person's shape too,
    and stay."""
    return [
        Match(person_name.ENTITY, *plain.span(*f.span()), _SCORE, "row+masked-mobile")
        for f in _FIELD.finditer(plain.text, start, end)
        if "*" not in f.group()
        and not f.group()[:1].isdigit()
        and says_person(f.group())
        and whole_run_name(unpadded(f.group()))
    ]

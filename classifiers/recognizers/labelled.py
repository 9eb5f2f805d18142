"""Presidio recognizers for the numbers the fast path finds only after their label: the Taiwan
residents' permit and the 2017 permanent residence ID (entities/permits.py), a medical insurance
card's number (social_security_card.find), and an ID number mistyped, cut, masked in part or
written in pieces after its label, or a legacy one after a medical insurance card's
(labelled_ids.py, social_security_card.find), a bank card in pieces or masked in part after its
label and an account's number after an account's (labelled_cards.py), a mobile masked in part after
a phone's label (masked_in_part.labelled_mobiles), a register's or a certificate's number after its
label (register_number.find), a date of birth after its label (entities/birth_date.py). Their
shapes alone are a date's, an order's, a serial's: without the label no recognizer could report
them, and presidio's context words do not help the offline analyzer (``NoOpNlpEngine`` gives them
no tokens to be found among).

Each label is a look-behind of variable width, which presidio's ``regex`` engine reads (Python's
``re``, the scanner's, does not): the match is the number alone, where the fast path reports it,
and ``validate_result`` asks the fast path's own tests of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from presidio_analyzer import Pattern

from .. import labelled_cards, mistyped_mobiles, typed_letters
from ..entities import (
    bank_card,
    birth_date,
    landline,
    mobile,
    passport,
    permits,
    register_number,
    resident_id,
    social_security_card,
)
from ..entities.base import VALIDATED_SCORE, EntitySpec, PatternSpec
from ..labelled_ids import APART, LABEL
from ..masked_in_part import MASKED_MOBILE, PHONE_LABEL, masked_in_part
from ._pattern import SpecPatternRecognizer, patterns_of

_MASK_CHARS = frozenset("*×#")


def _permit(text: str) -> bool | None:
    """A Taiwan permit of one digit repeated (11111111) is a placeholder."""
    return None if len(set(text[-8:])) > 1 else False


PERMITS_SPEC = EntitySpec(
    passport.ENTITY,
    (
        PatternSpec("taiwan_permit_labelled", f"(?<={permits.TAIWAN_LABEL}){permits.TAIWAN_NUMBER}", VALIDATED_SCORE),
        PatternSpec(
            "permanent_residence_2017_labelled",
            f"(?<={permits.RESIDENCE_LABEL}){permits.RESIDENCE_NUMBER}",
            VALIDATED_SCORE,
        ),
    ),
    ("台胞证", "台湾居民来往大陆通行证", "永久居留证", "永居证"),
    _permit,
)


def _card(text: str) -> bool | None:
    return None if social_security_card.labelled_card(text) else False


MEDICAL_CARD_SPEC = EntitySpec(
    social_security_card.ENTITY,
    (
        PatternSpec(
            "medical_card_labelled",
            f"(?<={social_security_card.LABEL}){social_security_card.LABELLED_NUMBER}",
            VALIDATED_SCORE,
        ),
    ),
    ("社保卡", "社会保障卡", "医保卡", "医保号", "医疗保险卡"),
    _card,
)

# After an ID number's label: 17 or 18 characters in one piece (mistyped, cut) or in pieces, and
# 18 with a mask among them; after a card's (社保卡号, 医保卡号), a legacy number of 15 digits, or
# one mistyped or cut (social_security_card.labelled_id).
_ID_BEFORE = f"(?<={LABEL}[^0-9\\n号码]{{0,8}})"
_MASKED_BEFORE = f"(?<={LABEL}[^0-9\\n号码*×#]{{0,8}})"


def _labelled_id(text: str) -> bool | None:
    """What labelled_ids and social_security_card.find take: True for a valid number (in pieces:
    the scanner reads one in one piece), None for one mistyped, cut, masked in part or legacy."""
    if not _MASK_CHARS.isdisjoint(text) or "XX" in text or "xx" in text:
        return None if masked_in_part(text) else False
    number = "".join(c for c in text if "0" <= c <= "9" or c in "Xx")
    if resident_id.validate(number) is True:
        return True
    if resident_id.mistyped(number) or resident_id.truncated(number):
        return None
    return None if len(number) == 15 and resident_id.validate(number) is None else False


LABELLED_ID_SPEC = EntitySpec(
    resident_id.ENTITY,
    (
        PatternSpec(
            "resident_id_labelled",
            _ID_BEFORE + f"(?<![0-9])[0-9](?:{APART}[0-9])*(?:{APART}[Xx])?(?![0-9A-Za-z])",
            0.9,
        ),
        PatternSpec(
            "resident_id_labelled_masked",
            _MASKED_BEFORE + "(?<![0-9*×#Xx])[0-9][0-9*×#Xx]{16}[0-9*×#Xx](?![0-9A-Za-z*×#])",
            0.9,
        ),
        PatternSpec(
            "resident_id_legacy_medical_labelled",
            f"(?<={social_security_card.LABEL})(?<![0-9A-Za-z])(?:[0-9]{{15}}|[0-9]{{17}}[0-9Xx]?)(?![0-9A-Za-z])",
            VALIDATED_SCORE,
        ),
    ),
    (*resident_id.CONTEXT, "永久居留证", "永居证"),
    _labelled_id,
)


def _labelled_card(text: str) -> bool | None:
    """A card in pieces (the Luhn check) or masked in part after its label, as labelled_cards takes."""
    if not _MASK_CHARS.isdisjoint(text) or "XX" in text or "xx" in text:
        return None if labelled_cards.masked_card(text) else False
    return bank_card.validate(text) is True


LABELLED_CARD_SPEC = EntitySpec(
    bank_card.ENTITY,
    (
        PatternSpec(
            "bank_card_labelled_pieces",
            f"(?<={labelled_cards.LABEL}[^0-9\\n]{{0,6}})(?<![0-9])[0-9](?:{APART}[0-9])*(?![0-9A-Za-z])",
            VALIDATED_SCORE,
        ),
        PatternSpec(
            "bank_card_labelled_masked",
            f"(?<={labelled_cards.LABEL}[^0-9\\n*×]{{0,6}})(?<![0-9*×#Xx])[0-9*×][0-9*×#Xx ]{{10,26}}[0-9*×#Xx]"
            "(?![0-9A-Za-z*×#])",
            0.9,
        ),
    ),
    tuple(bank_card.CONTEXT),
    _labelled_card,
)


def _account(text: str) -> bool | None:
    return None if labelled_cards.account(text) else False


LABELLED_ACCOUNT_SPEC = EntitySpec(
    bank_card.ENTITY,
    (
        PatternSpec(
            "bank_account_labelled",
            f"(?<={labelled_cards.ACCOUNT_LABEL}[^0-9\\n]{{0,6}})(?<![0-9]){labelled_cards.ACCOUNT_NUMBER}",
            0.9,
        ),
        PatternSpec(
            "bank_account_after_bank",
            f"(?<={labelled_cards.BANK_LABEL}{labelled_cards.BANK_ACCOUNT_BEFORE})(?<![0-9])"
            + labelled_cards.ACCOUNT_NUMBER,
            0.9,
        ),
        PatternSpec(
            "bank_account_latin_labelled",
            f"(?i:(?<={labelled_cards.LATIN_ACCOUNT_LABEL}))(?<![0-9]){labelled_cards.ACCOUNT_NUMBER}",
            0.9,
        ),
    ),
    ("银行账号", "开户账号", "收款账号", "存折", "一本通", "一折通", "一卡通", "惠农卡", "开户行", "开户银行"),
    _account,
)


def _masked_mobile(text: str) -> bool | None:
    return None if masked_in_part(text) else False


MASKED_MOBILE_SPEC = EntitySpec(
    mobile.ENTITY,
    (
        PatternSpec(
            "mobile_labelled_masked",
            f"(?<={PHONE_LABEL})(?<![0-9+]){MASKED_MOBILE}(?![0-9A-Za-z*×#])",
            0.9,
        ),
    ),
    ("手机", "电话", "联系方式"),
    _masked_mobile,
)


REGISTER_SPEC = EntitySpec(
    register_number.ENTITY,
    (
        PatternSpec(
            "register_number_labelled",
            f"(?<={register_number.LABEL}{register_number.BEFORE_NUMBER}){register_number.NUMBER}{register_number.AFTER_NUMBER}",
            VALIDATED_SCORE,
        ),
    ),
    register_number.CONTEXT,
    register_number.validate,
)


def _pattern_says_all(text: str) -> bool | None:
    """No test beyond the pattern's: a date of birth after its label or before 生, a mobile
    mistyped after its label."""
    return None


BIRTH_DATE_SPEC = EntitySpec(
    birth_date.ENTITY,
    (
        PatternSpec(
            "birth_date_labelled", f"(?<={birth_date.LABEL}{birth_date.BEFORE_DATE}){birth_date.DATE}", VALIDATED_SCORE
        ),
        PatternSpec("birth_date_born", f"{birth_date.DATE}(?=出?生(?![\u3400-\u4dbf\u4e00-\u9fff]))", VALIDATED_SCORE),
    ),
    birth_date.CONTEXT,
    _pattern_says_all,
)


def _local(text: str) -> bool | None:
    """A local number after a phone's label, one digit repeated aside (landline.labelled_locals)."""
    return None if len(set(text)) > 1 else False


LABELLED_LOCAL_SPEC = EntitySpec(
    landline.ENTITY,
    (
        PatternSpec(
            "landline_local_labelled",
            f"(?<={landline.LOCAL_LABEL}[ \\t]*[:：为是]?[ \\t]*){landline.LOCAL_NUMBER}",
            VALIDATED_SCORE,
        ),
    ),
    ("电话", "座机", "固话", "联系方式"),
    _local,
)


def _mistyped(entity: str, name: str, number: str) -> EntitySpec:
    """A mobile mistyped after its label (mistyped_mobiles.py): the pattern says all."""
    pattern = f"(?<={mistyped_mobiles.LABEL}){number}{mistyped_mobiles.AFTER}"
    return EntitySpec(entity, (PatternSpec(name, pattern, 0.9),), mistyped_mobiles.LABEL_STARTS, _pattern_says_all)


# A digit left out (a mobile's ten) and one too many (twelve, masked as a landline, as the fast
# path and a phone key take them).
MISTYPED_SHORT_SPEC = _mistyped(mobile.ENTITY, "mobile_mistyped_short", mistyped_mobiles.SHORT)
MISTYPED_LONG_SPEC = _mistyped(landline.ENTITY, "mobile_mistyped_long", mistyped_mobiles.LONG)


def _typed(entity: str) -> Callable[[str], bool | None]:
    """An ID number or a mobile with letters typed for digits, as typed_letters.read takes it."""

    def validate(text: str) -> bool | None:
        return typed_letters.read(text) == entity

    return validate


TYPED_ID_SPEC = EntitySpec(
    resident_id.ENTITY,
    (PatternSpec("resident_id_typed_labelled", f"(?<={typed_letters.LABEL}){typed_letters.VALUE}", 0.9),),
    tuple(resident_id.CONTEXT),
    _typed(resident_id.ENTITY),
)
TYPED_MOBILE_SPEC = EntitySpec(
    mobile.ENTITY,
    (PatternSpec("mobile_typed_labelled", f"(?<={typed_letters.LABEL}){typed_letters.VALUE}", 0.9),),
    ("手机", "电话", "联系方式"),
    _typed(mobile.ENTITY),
)


class PermitRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = PERMITS_SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(PERMITS_SPEC)
    CONTEXT: ClassVar[list[str]] = list(PERMITS_SPEC.context)


class MedicalCardRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = MEDICAL_CARD_SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(MEDICAL_CARD_SPEC)
    CONTEXT: ClassVar[list[str]] = list(MEDICAL_CARD_SPEC.context)


class LabelledIdRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = LABELLED_ID_SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(LABELLED_ID_SPEC)
    CONTEXT: ClassVar[list[str]] = list(LABELLED_ID_SPEC.context)


class LabelledCardRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = LABELLED_CARD_SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(LABELLED_CARD_SPEC)
    CONTEXT: ClassVar[list[str]] = list(LABELLED_CARD_SPEC.context)


class LabelledAccountRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = LABELLED_ACCOUNT_SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(LABELLED_ACCOUNT_SPEC)
    CONTEXT: ClassVar[list[str]] = list(LABELLED_ACCOUNT_SPEC.context)


class MaskedMobileRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = MASKED_MOBILE_SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(MASKED_MOBILE_SPEC)
    CONTEXT: ClassVar[list[str]] = list(MASKED_MOBILE_SPEC.context)


class LabelledRegisterRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = REGISTER_SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(REGISTER_SPEC)
    CONTEXT: ClassVar[list[str]] = list(REGISTER_SPEC.context)


class LabelledLocalRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = LABELLED_LOCAL_SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(LABELLED_LOCAL_SPEC)
    CONTEXT: ClassVar[list[str]] = list(LABELLED_LOCAL_SPEC.context)


class TypedIdRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = TYPED_ID_SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(TYPED_ID_SPEC)
    CONTEXT: ClassVar[list[str]] = list(TYPED_ID_SPEC.context)


class TypedMobileRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = TYPED_MOBILE_SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(TYPED_MOBILE_SPEC)
    CONTEXT: ClassVar[list[str]] = list(TYPED_MOBILE_SPEC.context)


class MistypedShortRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = MISTYPED_SHORT_SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(MISTYPED_SHORT_SPEC)
    CONTEXT: ClassVar[list[str]] = list(MISTYPED_SHORT_SPEC.context)


class MistypedLongRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = MISTYPED_LONG_SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(MISTYPED_LONG_SPEC)
    CONTEXT: ClassVar[list[str]] = list(MISTYPED_LONG_SPEC.context)


class BirthDateRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = BIRTH_DATE_SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(BIRTH_DATE_SPEC)
    CONTEXT: ClassVar[list[str]] = list(BIRTH_DATE_SPEC.context)

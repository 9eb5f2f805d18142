"""The request-path scanner: one combined regex over the folded string, shared validators.

It must stay cheap because the gateway runs it over every string of every response:
no presidio, one ``re`` search loop, and early exits for strings that cannot hold any
entity. The presidio recognizers in ``classifiers.recognizers`` read the same
``EntitySpec`` objects, so both paths agree on what is valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from .broken_numbers import broken_numbers, may_be_broken
from .business_numbers import less_business_numbers
from .digit_runs import digit_runs, grouped
from .entities import (
    address,
    address_latin,
    bank_card,
    birth_date,
    email,
    embedded_file,
    landline,
    licence_plate,
    mobile,
    numerals,
    passport,
    permits,
    person_name,
    register_number,
    resident_id,
    social_security_card,
    uscc,
)
from .entities.base import CONTEXT_BOOST, THRESHOLD, VALIDATED_SCORE, EntitySpec
from .labelled_cards import labelled_accounts, labelled_cards, latin_accounts
from .labelled_ids import after_latin_label, labelled_ids
from .masked_in_part import bare_ids, labelled_mobiles, may_hold_mask
from .masked_rows import in_lines as mobiles_in_lines
from .matches import CONTEXT_WINDOW as _CONTEXT_WINDOW
from .matches import Match as Match
from .mistyped_mobiles import mistyped_mobiles
from .normalise import Folded, escapes_take_digits, fold, fold_joined, has_separated_digits, loose_as_spaces
from .precheck import FOLDABLE as FOLDABLE
from .precheck import MAYBE as MAYBE
from .precheck import may_hold as may_hold
from .typed_letters import typed_numbers

# Priority order for ties at the same position: an 18-digit run that is a valid ID is an
# ID even if it also passes Luhn; bank cards before institution codes.
SPECS: tuple[EntitySpec, ...] = (
    resident_id.SPEC,
    bank_card.SPEC,
    uscc.SPEC,
    mobile.SPEC,
    landline.SPEC,
    email.SPEC,
    passport.SPEC,
    social_security_card.SPEC,
)
_CJK: Final = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


# Dots that are no digit-group separators: an IPv4 address (183.230.113.45 joins into a
# mobile's 11 digits) and an amount's decimal point (1391234567.8). Scanned as "/" instead.
_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_NOT_GROUPED: Final = re.compile(
    rf"(?<![0-9.]){_OCTET}(?:\.{_OCTET}){{3}}(?![0-9.])|(?<![0-9.])[0-9]+\.[0-9]{{1,2}}(?![0-9.])"
)


def _ungrouped(text: str, plain: Folded) -> tuple[str, Folded] | None:
    """``text`` and its fold with the dots that group no digits (``_NOT_GROUPED``) written "/",
    one character for one (after the slashes became spaces: a "/" written here groups nothing);
    None when there are none. Found in the folded text: read in ``text``, a full-width digit or
    an invisible character beside a dot passed for a boundary, and ``１３8.69０6.６833`` lost its
    mobile to an amount ``8.69``. The fold is per character, so its map stands as it is."""
    dots = [i for m in _NOT_GROUPED.finditer(plain.text) for i in range(m.start(), m.end()) if plain.text[i] == "."]
    if not dots:
        return None
    chars, folded = list(text), list(plain.text)
    for i in dots:
        chars[plain.span(i, i + 1)[0]] = "/"
        folded[i] = "/"
    return "".join(chars), Folded("".join(folded), plain.offsets, plain.original_length, plain.ends)


_WINDOW_LENGTHS: Final = frozenset({11, 15, 16, 17, 18, 19})
# A mobile's 11 digits with the country code glued before its first group ("+861391 2345 678 2",
# "+86１７７０ ００９５ ２８４ 0086…": the "+" is no digit, the window's first group is "861391"): a
# window of 13 digits opening with 86. With 0086 the window is 15 digits long, an ID's legacy length.
_CODE_AND_MOBILE: Final = 13
# The entities whose pattern may end before a digit: an ID before a mobile, a mobile before an ID.
_GLUED: Final = frozenset({resident_id.ENTITY, mobile.ENTITY})
_WHOLE: Final = 11


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    spec: EntitySpec
    regex: re.Pattern[str]
    score: float
    context: tuple[str, ...]


class Scanner:
    """Find entities in one string value."""

    def __init__(self, specs: Iterable[EntitySpec] = SPECS, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        # Entities a deployment declares (custom.py): none here; declared.DeclaringScanner
        # adds its pass after this scan.
        self.custom_entities: frozenset[str] = frozenset()
        self._patterns = [
            CompiledPattern(spec, re.compile(p.regex), p.score, tuple(w.lower() for w in spec.context))
            for spec in specs
            for p in spec.patterns
        ]
        # _whole_value() encodes what the default specs conclude; other specs scan in full.
        self._whole_fast = tuple(specs) == SPECS and threshold == THRESHOLD
        # Jumps to the next position where *some* pattern matches, and names it: alternatives
        # are tried in order, so no pattern before the named one matches there (see _patterns_in).
        self._combined = re.compile("|".join(f"(?P<p{i}>{c.regex.pattern})" for i, c in enumerate(self._patterns)))
        # A validated match can only be tied by a later pattern (ties go to the earlier one)
        # when no pattern scores above VALIDATED_SCORE on its own.
        self._validated_wins = all(c.score <= VALIDATED_SCORE for c in self._patterns)
        # The same without the e-mail pattern, behind a one-character class: every other default
        # pattern starts with a digit, a letter (credit codes), '+' (+86) or '(' ((0915)), and
        # `re` tests a leading class quickly, where 8 alternatives opening with look-behinds
        # were tried in turn at every position (10x faster on CJK text). Used when the
        # value has no '@'; e-mail local parts may also start with '.', '_', '%' or '-'.
        # A mobile's first digits may open with a bracket of another shape too (mobile.OPENING).
        # Every one of them also begins after a character that is no digit ((?<![0-9]) opens
        # each, '(' of (139) is checked after it): asked once in front, a digit inside a number
        # fails there, where each of the seven tried its own look-behind (-28 % of the searches).
        self._combined_no_at = (
            re.compile(
                f"(?=[0-9A-Za-z+{re.escape(mobile.OPENING)}])(?<![0-9])(?:"
                + "|".join(
                    f"(?P<p{i}>{c.regex.pattern})" for i, c in enumerate(self._patterns) if "@" not in c.regex.pattern
                )
                + ")"
            )
            if self._whole_fast
            else self._combined
        )
        # After pattern k's hit, the later patterns that also match there (one may score higher):
        # one alternation of them each, named as above, so that the common case, none, is one call
        # where each was tried in turn (a mobile number: both landline patterns and the e-mail one,
        # which a text without '@' cannot match).
        self._later = [self._alternation(k, with_email=True) for k in range(len(self._patterns))]
        self._later_no_at = [self._alternation(k, with_email=not self._whole_fast) for k in range(len(self._patterns))]

    def _alternation(self, k: int, *, with_email: bool) -> re.Pattern[str] | None:
        """The patterns after the ``k``-th as one alternation, or None when there are none."""
        later = [
            f"(?P<p{i}>{c.regex.pattern})"
            for i, c in enumerate(self._patterns)
            if i > k and (with_email or "@" not in c.regex.pattern)
        ]
        return re.compile("|".join(later)) if later else None

    def scan(self, text: str, *, hints: frozenset[str] = frozenset(), hint_evidence: str = "") -> list[Match]:
        """All accepted matches in ``text``, sorted by start, non-overlapping.

        ``hints`` are entities a field name vouches for; they lift a weak match (a legacy
        15-digit ID, a phone without its area-code separator) over the threshold.
        """
        n = len(text)
        if self._whole_fast and (n == 18 or n == 11):
            whole = _whole_value(text)
            if whole is not None:
                return whole
        if n >= embedded_file.MIN_LENGTH:
            files = _files(text, hints, hint_evidence)
            if files:
                if files[0].start == 0 and files[0].end == n:
                    return files  # the value is the file (a photo field, an <img src>)
                return resolve(files + self._around(text, files, hints, hint_evidence))
        return self._scan(text, hints, hint_evidence)

    def may_hold_custom(self, text: str) -> bool:
        """Could ``text`` (a value or a NUL-joined column) hold a declared entity? Never: see
        declared.DeclaringScanner."""
        return False

    def _around(self, text: str, files: list[Match], hints: frozenset[str], hint_evidence: str) -> list[Match]:
        """The text between and around files, scanned piece by piece: a photo's base64 holds
        digit runs by chance, and scanning megabytes of it (or of blanks in its place: the
        pre-check tries every position) costs seconds for nothing."""
        found: list[Match] = []
        last = 0
        for start, end in [*((m.start, m.end) for m in files), (len(text), len(text))]:
            if start > last:
                found += [
                    Match(m.entity, m.start + last, m.end + last, m.score, m.evidence)
                    for m in self._scan(text[last:start], hints, hint_evidence)
                ]
            last = end
        return found

    def _scan(self, text: str, hints: frozenset[str], hint_evidence: str) -> list[Match]:
        found = self._read(text, hints, hint_evidence)
        if escapes_take_digits(text):
            # The fold reads "%36" as a 6 (an evasion "%36%31%30…" is caught so), and so took a
            # digit from "…1235%36" or "%13912…", which a reader sees beside its '%'. A second
            # reading with each '%' a separator, its findings joined to the first's: only texts
            # where an escape took a digit pay for it.
            found = resolve(found + self._read(text.replace("%", " "), hints, hint_evidence))
        return found

    def _read(self, text: str, hints: frozenset[str], hint_evidence: str) -> list[Match]:
        if not may_hold(text):
            return []
        given, text = text, loose_as_spaces(text)  # one character for one, as below: spans index ``text`` as given
        plain = fold(text, join_digits=False)
        if "." in plain.text:
            ungrouped = _ungrouped(text, plain)
            if ungrouped is not None:
                text, plain = ungrouped
        found = self._patterns_in(plain, hints, hint_evidence)
        if may_be_broken(plain.text):  # a line end, or an HTML <br> (broken_numbers.py)
            found += broken_numbers(plain)
        cjk, separated = _CJK.search(plain.text) is not None, has_separated_digits(plain.text)
        runs = digit_runs(plain.text) if cjk or separated else []  # once for names, the joined fold, windows
        if cjk:
            found += self._free_text(plain, runs, hints, hint_evidence)
        if separated:
            # Digits grouped with spaces/hyphens: look again with the groups joined, and
            # with runs of groups joined one window at a time, so that two grouped numbers
            # back to back ("139 1234 5678 138 8765 4321") are not one 22-digit run.
            joined = self._patterns_in(fold_joined(plain, text, runs), hints, hint_evidence)
            found += joined
            found += self._windows(plain, runs, joined, hints, hint_evidence)
        if address_latin.may_be_prose(plain.text):  # No. 12 Yucai Road, Hanbin District: no label
            found += [
                Match(address.ENTITY, *plain.span(start, end), 0.7, "latin+street+area")
                for start, end in address_latin.find_prose(plain.text)
            ]
        if "ID" in plain.text:  # ID: 61090219900101123X, its check character wrong (labelled_ids.py)
            found += after_latin_label(plain)
        found += latin_accounts(plain)  # Bank account: 6228480012345678901, no Luhn digit
        found += [  # 出生日期：1990年1月1日, DOB: 1990-01-01 (entities/birth_date.py)
            Match(birth_date.ENTITY, *plain.span(start, end), VALIDATED_SCORE, "label")
            for start, end in birth_date.find(plain.text)
        ]
        found += [  # zhangwei [at] example.com, 邮箱：zhangwei#example.com (entities/email.py)
            Match(email.ENTITY, *plain.span(start, end), VALIDATED_SCORE, "spelled-at")
            for start, end in email.spelled(plain.text)
        ]
        found += [  # 电话：3212345, Tel: 3212345: a local number after a phone's label
            Match(landline.ENTITY, *plain.span(start, end), VALIDATED_SCORE, LABELLED_LOCAL)
            for start, end in landline.labelled_locals(plain.text, runs if cjk or separated else None)
        ]
        masked = may_hold_mask(plain.text)  # asked once: few texts hold a mask
        if masked:
            found += bare_ids(plain)
            found += mobiles_in_lines(plain)  # 张**,138****8000,男 (masked_rows.py)
        if cjk:  # after the pass over joined groups: the valid numbers in groups are among ``found``
            found += labelled_ids(plain, runs, found, masked)
            found += labelled_cards(plain, runs, masked)
            found += labelled_accounts(plain)
            found += typed_numbers(plain)  # 手机：139l234S678 (typed_letters.py)
            found += mistyped_mobiles(plain, runs)  # 手机：1391234567, a digit left out (mistyped_mobiles.py)
            found += [
                Match(register_number.ENTITY, *plain.span(start, end), VALIDATED_SCORE, "label")
                for start, end in register_number.find(plain.text)
            ]
            found += [
                Match(passport.ENTITY, *plain.span(start, end), VALIDATED_SCORE, "label")
                for start, end in permits.find(plain.text)
            ]
            found += [
                Match(entity, *plain.span(start, end), VALIDATED_SCORE, "label")
                for start, end, entity in social_security_card.find(plain.text)
            ]
            if masked:
                found += labelled_mobiles(plain)
        return _with_extensions(text, resolve(less_business_numbers(text, found, hints)), given)

    def _windows(
        self,
        plain: Folded,
        runs: list[tuple[int, int]],
        joined: list[Match],
        hints: frozenset[str],
        hint_evidence: str,
    ) -> list[Match]:
        out: list[Match] = []
        for groups in grouped(plain.text, runs):  # each run of digit groups, as its runs of digits (``runs``: of plain)
            start, end = plain.span(groups[0][0], groups[-1][1])
            if any(m.start <= start and m.end >= end for m in joined):
                continue  # one number, found whole with its groups joined: a window finds no more
            i = 0
            while i < len(groups) - 1:
                j, length, hit = i, groups[i][1] - groups[i][0], None
                # A group of 11+ digits is a whole number, already seen by the plain pass: it
                # starts no window, but may end one (an ID as 510104-195410158593). A window
                # grows to 19 digits: stopped at 11, and at a long group, an ID in groups before
                # another number ("610921 1936 1016 9312 6217…", "6236 6800 … 973 510104-…") was
                # never read whole, the joined groups being one run of 29 digits or more.
                if length >= _WHOLE:
                    i += 1
                    continue
                while j + 1 < len(groups) and length < 19 and hit is None:
                    j += 1
                    length += groups[j][1] - groups[j][0]
                    # An ID number's 17 digits and its check character X after the last group
                    # ("… 3201-0219-7409-0518-7X"): the groups hold digits only.
                    end = groups[j][1]
                    if length == 17 and plain.text[end : end + 1] in ("X", "x"):
                        hit = self._window(plain, [*groups[i:j], (groups[j][0], end + 1)], hints, hint_evidence)
                    if hit is None and (
                        length in _WINDOW_LENGTHS
                        or (length == _CODE_AND_MOBILE and plain.text.startswith("86", groups[i][0]))
                    ):
                        hit = self._window(plain, groups[i : j + 1], hints, hint_evidence)
                if hit is None:
                    i += 1
                    continue
                out.append(hit)
                i = j + 1
        return out

    def _window(
        self, plain: Folded, groups: list[tuple[int, int]], hints: frozenset[str], hint_evidence: str
    ) -> Match | None:
        text = "".join(plain.text[s:e] for s, e in groups)
        spans = [plain.span(k, k + 1) for s, e in groups for k in range(s, e)]
        ends = tuple(e for _, e in spans) if plain.ends is not None else None  # escaped digits: "%36"
        window = Folded(text, tuple(s for s, _ in spans), plain.original_length, ends)
        found = self._patterns_in(window, hints, hint_evidence)
        if len(found) != 1 or found[0].entity == uscc.ENTITY:  # credit codes are not written in digit groups
            return None
        return found[0] if window.span(0, len(text)) == (found[0].start, found[0].end) else None

    def _patterns_in(self, folded: Folded, hints: frozenset[str], hint_evidence: str) -> list[Match]:
        text = folded.text
        lowered: str | None = None
        out: list[Match] = []
        pos = 0
        has_at = "@" in text
        combined = self._combined if has_at else self._combined_no_at
        later = self._later if has_at else self._later_no_at
        patterns = self._patterns
        while (hit := combined.search(text, pos)) is not None:
            at = hit.start()
            best: tuple[float, int, str, str] | None = None  # score, end, entity, evidence
            k = int(hit.lastgroup[1:]) if hit.lastgroup else 0  # earlier patterns do not match here
            m = hit
            while True:  # each pattern that matches here, in order
                compiled = patterns[k]
                verdict = compiled.spec.validate(m.group())
                if verdict is not False:
                    score, evidence = (
                        (VALIDATED_SCORE, compiled.spec.strong_evidence) if verdict else (compiled.score, "pattern")
                    )
                    if score < self.threshold:
                        if compiled.spec.entity in hints:
                            score, evidence = score + CONTEXT_BOOST, f"{evidence}+{hint_evidence}"
                        else:
                            lowered = text.lower() if lowered is None else lowered
                            window = lowered[max(0, at - _CONTEXT_WINDOW) : at]
                            if any(word in window for word in compiled.context):
                                score, evidence = score + CONTEXT_BOOST, f"{evidence}+context"
                    if score >= self.threshold and (best is None or score > best[0]):
                        best = (score, m.end(), compiled.spec.entity, evidence)
                        if verdict is True and self._validated_wins:
                            break  # nothing later can beat or take a tie from a checksum
                rest = later[k]
                after = None if rest is None else rest.match(text, at)
                if after is None or after.lastgroup is None:
                    break
                k, m = int(after.lastgroup[1:]), after
            if best is None:
                pos = at + 1
                continue
            end = best[1]
            if end < len(text) and "0" <= text[end] <= "9" and best[2] in _GLUED:
                partner = glued_after(folded, end, best[2])
                if partner is None:
                    pos = at + 1
                    continue
                out += partner
                out.append(Match(best[2], *folded.span(at, end), min(best[0], 1.0), best[3]))
                pos = end + (11 if best[2] == resident_id.ENTITY else 18)
                continue
            start, end = folded.span(at, end)
            out.append(Match(best[2], start, end, min(best[0], 1.0), best[3]))
            pos = best[1]
        return out

    def _free_text(
        self, folded: Folded, runs: list[tuple[int, int]], hints: frozenset[str], hint_evidence: str
    ) -> list[Match]:
        text = folded.text
        out: list[Match] = []
        if person_name.may_contain(text):
            legacy = False
            for start, end, score, evidence in person_name.find(text, runs):
                out.append(Match(person_name.ENTITY, *folded.span(start, end), score, evidence))
                legacy = legacy or evidence == person_name.LEGACY_EVIDENCE
            if legacy:  # the legacy numbers those names stand beside are theirs
                for _, _, start, end in person_name.legacy_ids_beside_names(text):
                    out.append(Match(resident_id.ENTITY, *folded.span(start, end), 0.85, "legacy+beside-name"))
        elif len(runs) > 1:  # 张伟 6222 0212 3456 7890 128: no name's context but a number in groups
            for start, end, score, evidence in person_name.beside_grouped(text, runs, set()):
                out.append(Match(person_name.ENTITY, *folded.span(start, end), score, evidence))
        if address.may_contain(text):
            for start, end, score, evidence in address.find(text):
                out.append(Match(address.ENTITY, *folded.span(start, end), score, evidence))
        for start, end in licence_plate.find(text):
            score, evidence = licence_plate.PATTERNS[0].score, "pattern"
            if licence_plate.ENTITY in hints:
                score, evidence = score + CONTEXT_BOOST, f"pattern+{hint_evidence}"
            out.append(Match(licence_plate.ENTITY, *folded.span(start, end), score, evidence))
        for start, end, entity in numerals.find(text):
            score, evidence = mobile.PATTERNS[0].score if entity == mobile.ENTITY else VALIDATED_SCORE, "numerals"
            if entity == bank_card.ENTITY:
                # One run of numerals in ten passes the Luhn check: a card only where a key or the
                # words before it say so (an amount or a serial written in numerals is none).
                if entity in hints:
                    evidence = f"numerals+{hint_evidence}"
                elif numerals.card_context(text[max(0, start - _CONTEXT_WINDOW) : start]):
                    evidence = "numerals+context"
                else:
                    continue
            out.append(Match(entity, *folded.span(start, end), score, evidence))
        return out


def _files(text: str, hints: frozenset[str], hint_evidence: str) -> list[Match]:
    """Images and documents embedded as base64 (entities/embedded_file.py)."""
    keyed = embedded_file.ENTITY in hints
    if not keyed and not embedded_file.may_contain(text):
        return []
    return [
        Match(embedded_file.ENTITY, start, end, VALIDATED_SCORE, f"{evidence}+{hint_evidence}" if keyed else evidence)
        for start, end, evidence in embedded_file.find(text, keyed)
    ]


_WHOLE_ID = re.compile(r"[1-9][0-9]{16}[0-9Xx]")
_WHOLE_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_ID_FOUND = Match(resident_id.ENTITY, 0, 18, VALIDATED_SCORE, resident_id.SPEC.strong_evidence)
_MOBILE_FOUND = Match(mobile.ENTITY, 0, 11, mobile.PATTERNS[0].score, "pattern")


def _whole_value(text: str) -> list[Match] | None:
    """The scan's outcome for a value that is exactly a valid ID number or a bare mobile
    number (the commonest values of all), or None: scan in full.

    A valid 18-character ID wins at position 0 (validated, first in SPECS) and nothing else
    can start inside it (every pattern needs a non-digit before it); an 11-digit "1[3-9]"
    run is a mobile at its pattern score, which needs no context, or nothing when the
    segment check fails. Matches are immutable and shared; the lists are fresh.
    """
    if len(text) == 18:
        if _WHOLE_ID.fullmatch(text) is not None and resident_id.validate(text) is True:
            return [_ID_FOUND]
        return None
    if _WHOLE_MOBILE.fullmatch(text) is not None:
        return [] if mobile.validate(text) is False else [_MOBILE_FOUND]
    return None


def _with_extensions(text: str, found: list[Match], given: str) -> list[Match]:
    """Each landline with the extension after it (转8001, 转 8001, -8001, ext. 8001): the number
    read with its groups joined (09153212345, lifted by 电话 before it) outscores the grouped one
    with its extension, and the extension stayed in clear beside the masked number. A mobile's
    after 转, 分机 or ext too, a landline's second number that gives its local part only, and a
    second number's tail after a slash (13912345678/79; ``given``: the text as given, in which the
    slashes stand, one character for one of ``text``)."""
    seconds: list[Match] = []
    for i, m in enumerate(found):
        # What an extension or a second number begins with, asked before a pattern's call: after
        # most phones in prose stands a comma or a word (a call cost ~500 instructions a number).
        if m.end == len(text):
            continue
        if m.entity == landline.ENTITY and text[m.end] in _AFTER_LANDLINE:
            after = landline.EXTENSION_AFTER
        elif m.entity == mobile.ENTITY and text[m.end] in _AFTER_MOBILE:
            after = landline.MOBILE_EXTENSION_AFTER
        else:
            continue
        extension = after.match(text, m.end)
        limit = found[i + 1].start if i + 1 < len(found) else len(text)
        if extension is not None and extension.end() <= limit:
            found[i] = Match(m.entity, m.start, extension.end(), m.score, m.evidence)
            continue
        second = _second_local(text, m, limit) if m.entity == landline.ENTITY else None
        if second is None and given[m.end] in "/／":
            tail = landline.SECOND_TAIL.match(given, m.end + 1)
            if tail is not None and tail.end() <= limit:
                second = Match(m.entity, tail.start(), tail.end(), m.score, "second-tail")
        if second is not None:
            seconds.append(second)
    return sorted(found + seconds, key=lambda m: m.start) if seconds else found


# The evidence of a local number read after a phone's label (landline.labelled_locals).
LABELLED_LOCAL: Final = "label+local"
# The first characters of landline.EXTENSION_AFTER and SECOND_LOCAL, and of MOBILE_EXTENSION_AFTER
# (a slash between digits is a space in the text the scanner reads).
_AFTER_LANDLINE: Final = " \t转#eE分-/、，,"
_AFTER_MOBILE: Final = " \t转eE分"


def _second_local(text: str, first: Match, limit: int) -> Match | None:
    """A second landline after ``first`` that gives its local part only (0915-3212345/3212346):
    the digits as many as the first's subscriber's, before ``limit`` (the next match). After a
    local number read by its label (电话：3212345/3212346, ``label+local``) the first is all
    subscriber: its whole length, and no date of eight digits (电话：62345678，20240315)."""
    second = landline.SECOND_LOCAL.match(text, first.end)
    if second is None or second.end() > limit:
        return None
    digits = landline.national(fold(text[first.start : first.end], join_digits=False).text)
    if first.evidence == LABELLED_LOCAL:
        subscriber = digits
        if landline.is_date(second.group(1)):
            return None
    else:
        subscriber = digits[3:] if digits.startswith(("010", "02")) else digits[4:]
    if len(subscriber) != second.end(1) - second.start(1):
        return None
    return Match(landline.ENTITY, second.start(1), second.end(1), first.score, "second-local")


def resolve(found: list[Match]) -> list[Match]:
    """Drop overlaps: higher score wins, then the longer span, then the earlier one. Names first
    give way to the addresses that reach past them (``_names_before_places``)."""
    if len(found) < 2:
        return found
    addresses = names = False
    for m in found:
        addresses = addresses or m.entity == address.ENTITY
        names = names or m.entity == person_name.ENTITY
    if addresses and names:
        found = _names_before_places(found)
    kept: list[Match] = []
    for m in sorted(found, key=lambda m: (-m.score, m.start - m.end, m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


def _names_before_places(found: list[Match]) -> list[Match]:
    """``found`` with each name that runs into an address reaching past it cut where the address
    begins, or dropped where the address begins with it. A name won such an overlap by its score,
    and all of the address after it went out: 申请人安康市汉滨区… read 安康市 as a name after 申请人,
    申请人李娜西安市… read 李娜西."""
    addresses = [a for a in found if a.entity == address.ENTITY]
    out: list[Match] = []
    for m in found:
        kept: Match | None = m
        if m.entity == person_name.ENTITY:
            kept = _before_places(m, addresses)
        if kept is not None:
            out.append(kept)
    return out


def _before_places(name: Match, addresses: list[Match]) -> Match | None:
    for a in addresses:
        if a.start < name.end < a.end:
            if a.start - name.start < 2:
                return None  # no name is left before the place
            name = Match(name.entity, name.start, a.start, name.score, name.evidence)
    return name


def glued_after(folded: Folded, end: int, entity: str) -> list[Match] | None:
    """The number glued after a match of ``entity`` (an ID number or a mobile) that ends at
    ``end`` with a digit after it (resident_id.GLUED_END, mobile.GLUED_END): each pattern needs
    no digit before it, so the second is taken here. After an ID number a mobile, where its 11
    digits may be one ([] where not); after a mobile a checksummed ID number, else None: without
    one the mobile is none either."""
    text = folded.text
    if entity == resident_id.ENTITY:
        if mobile.validate(text[end : end + 11]) is False:
            return []
        return [Match(mobile.ENTITY, *folded.span(end, end + 11), mobile.PATTERNS[0].score, "glued")]
    if resident_id.validate(text[end : end + 18]) is True:
        return [Match(resident_id.ENTITY, *folded.span(end, end + 18), VALIDATED_SCORE, "glued")]
    return None

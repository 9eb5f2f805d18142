"""What detection finds in a value under a plan, once per inspection (``Detections.detected``):
exports repeat values (relations, region codes, a household's address), so each outcome is
kept by (plan, value) for the inspection; findings are still recorded per occurrence, by the
run. Values in which detection found nothing are remembered across inspections too
(``Detector.clean_values``). What detection finds includes the names written under a name key
inside a value and the persons a file name names.
"""

from __future__ import annotations

import operator
from typing import Final

from . import file_names, tokens
from .detect import Detector, Plan
from .entities import person_name
from .scanner import Match

# Values in which detection found nothing are remembered across inspections (bank names,
# statuses, conditions repeat from response to response); short ones only, and a bounded
# number: the set is emptied when full. Nothing found means nothing personal is kept.
_CLEAN_MAX_CHARS = 64
_CLEAN_MAX_ENTRIES: Final = 16384
_NOTHING: Final[list[Match]] = []  # shared: callers only read what detected() returns
_START = operator.attrgetter("start")


class Detections:
    """The detection outcomes of one inspection (``Run``'s)."""

    def __init__(self, detector: Detector) -> None:
        self.detector = detector
        # Detection outcomes by (plan, value): exports repeat values (relations, region codes,
        # a household's address); findings are still recorded per occurrence.
        self._memo: dict[tuple[int, str], list[Match]] = {}

    def detected(self, value: str, plan: Plan, plain: bool | None = None) -> list[Match]:
        """What detection finds in a value under a plan, once per inspection (records nothing).
        ``plain``: ``tokens.plain(value)`` when the caller knows it (``edits`` asked already),
        None to have it asked here if it matters."""
        info = plan.info
        # Plans live as long as the detector, so their ids are stable; keys the catalog does
        # not know all scan alike.
        memo = (0 if info is None else id(plan), value)
        found = self._memo.get(memo)
        if found is None:
            clean = self.detector.clean_values
            if memo in clean:
                return _NOTHING
            if info is None:
                found = self.detector.scanner.scan(value)
            elif plan.canonical is not None and plan.canonical.fullmatch(value) is not None:
                found = self.detector.keyed(value, plan)
            else:
                found = self.detector.detect(value, info, plan)
            if info is None or info.entity != person_name.ENTITY:
                found = self._with_labelled(value, found)
            if "." in value and file_names.is_file_name(value):
                found = file_names.with_names(value, found, self.detector.plan)
            # Text in base64, in a JWT or a data URI is inspected decoded, a URL piece by piece
            # (see edits): never clean as it is written.
            if not found and len(value) <= _CLEAN_MAX_CHARS and (tokens.plain(value) if plain is None else plain):
                if len(clean) >= _CLEAN_MAX_ENTRIES:
                    clean.clear()
                clean.add(memo)
            self._memo[memo] = found
        return found

    def _with_labelled(self, value: str, found: list[Match]) -> list[Match]:
        """``found`` with the names written under a name key inside the value (``"detail":
        "xm=张伟, sfzh=…"``, ``"remark": "name: 张伟"``) detected as that key's value: read as
        free text they had no evidence and went out in clear (a text body's are visited under
        their key too, Inspector._walk_labelled)."""
        labelled = self.detector.labelled_names(value)
        if not labelled:
            return found
        out = list(found)
        plan_of = self.detector.plan
        for key, start, end in labelled:
            if any(m.start < end and start < m.end for m in found):
                continue
            for m in self.detected(value[start:end], plan_of(key)):
                out.append(Match(m.entity, m.start + start, m.end + start, m.score, m.evidence))
        out.sort(key=_START)
        return out

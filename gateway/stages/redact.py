"""Redaction of the caller's own strings (path, query, purpose, comments) before they go into
an audit event, with the strictest masking profile.

Every event carries three or four of them, and running the inspector on each cost about a
tenth of a request's CPU. Most need no run at all:
- plain text the scanner's own pre-check (`classifiers.scanner.MAYBE`) rejects holds nothing
  it could find: the pre-check "can say maybe wrongly, never no wrongly", and text is
  inspected without a key, so the scanner is all that looks at it; unless it is, or is a URL
  whose pieces are, text in base64, a JWT or a data URI, which the inspector reads decoded
  (``/persons/eyJzZnpoIjoi…``: an ID number as letters);
- a string the inspector already left unchanged, or plain text the pre-check rejected, is
  remembered (per media type, bounded) and not looked at again: paths and queries repeat, and
  the pre-check on a path costs ten times the lookup. Only unchanged strings are kept, so the
  memory never holds a value the inspector found sensitive.
"""

from __future__ import annotations

from classifiers import base64text, tokens, urls
from classifiers.inspect import Inspector
from classifiers.scanner import may_hold
from policies.masking import MaskingProfile

UNREDACTABLE = "[无法脱敏,已省略]"
TEXT = "text/plain"
FORM = "application/x-www-form-urlencoded"


class Redactor:
    def __init__(self, inspector: Inspector, profile: MaskingProfile, remember: int = 4096) -> None:
        self._inspector = inspector
        self._profile = profile
        self._remember = remember
        self._clean: dict[str, set[str]] = {TEXT: set(), FORM: set()}

    def __call__(self, text: str, media_type: str) -> str:
        if not text:
            return text
        clean = self._clean.get(media_type)
        if clean is not None and text in clean:
            return text
        if media_type == TEXT and not may_hold(text) and not _wrapped(text):
            self._keep(clean, text)
            return text
        try:
            inspection = self._inspector.inspect(text.encode("utf-8"), media_type, "utf-8", self._profile)
            redacted = inspection.body.decode("utf-8")
        except Exception:  # never let a raw value through because redaction failed
            return UNREDACTABLE
        if not inspection.entity_counts and redacted == text:
            self._keep(clean, text)
        return redacted

    def _keep(self, clean: set[str] | None, text: str) -> None:
        """Remember a string found unchanged (bounded)."""
        if clean is None:
            return
        if len(clean) >= self._remember:
            clean.clear()  # paths with IDs in them are endless; the common ones come back soon
        clean.add(text)


def _wrapped(text: str) -> bool:
    """Could the inspector find in ``text`` what the scanner's pre-check cannot: text in base64
    (a path ``/persons/eyJzZnpoIjoi…``, a query value), a JWT or a data URI, a name in a path?"""
    return base64text.decoded(text) is not None or bool(urls.pieces(text)) or bool(tokens.found(text))

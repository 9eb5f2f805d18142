"""What callers sent, made legible where officers read it: the console, the 等保 report, and
the tables and alert lines of `minguard audit` / `minguard detect`.

Events keep what callers sent exactly (a token's subject, an upstream's error text), since
the chain hashes them. Shown as they are, some characters act instead of reading: a bidi
override (U+202E) makes the rest of a line read backwards (a subject can turn the summary
the gateway writes after it around), a zero-width character hides inside a name, an escape
(ESC [) recolours or moves a terminal's cursor, a line break starts a forged row of a
table. Each is shown by its code point instead, ``<U+202E>``; the JSON outputs, for
machines, keep the exact value.
"""

from __future__ import annotations

import unicodedata
from typing import Any

# Controls (Cc), format characters (Cf: bidi overrides and isolates, zero-width spaces,
# BOMs, soft hyphens), line and paragraph separators.
_ACTING = frozenset({"Cc", "Cf", "Zl", "Zp"})
# What a page shows as white space: a rule's explanation is written in lines.
_HTML_SPACE = frozenset("\t\n\f\r")


def legible(text: str, keep: frozenset[str] = frozenset()) -> str:
    """``text`` with every control, format and separator character but those of ``keep``
    written as ``<U+XXXX>``."""
    if text.isprintable():  # the usual case: no character of those kinds (nor odd spaces)
        return text
    return "".join(
        f"<U+{ord(ch):04X}>" if ch not in keep and unicodedata.category(ch) in _ACTING else ch for ch in text
    )


def shown(value: Any) -> Any:
    """A template's value as it is shown (Jinja's ``finalize``): strings made legible, but
    for white space, which HTML shows as a space; markup that the code wrote (``Markup``: a
    stylesheet, a chart) and anything else as it is."""
    return legible(value, _HTML_SPACE) if type(value) is str else value

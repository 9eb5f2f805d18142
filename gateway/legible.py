"""What callers sent, made legible where officers read it: the console, the 等保 report, and
the tables and alert lines of `minguard audit` / `minguard detect`.

Events keep what callers sent exactly (a token's subject, an upstream's error text), since
the chain hashes them. Shown as they are, some characters act instead of reading: a bidi
override (U+202E) makes the rest of a line read backwards (a subject can turn the summary
the gateway writes after it around), a zero-width character hides inside a name, an escape
(ESC [, or the one-byte CSI U+009B) recolours or moves a terminal's cursor, a line break
starts a forged row of a table. Each is shown by its code point instead, ``<U+202E>``. The
JSON outputs keep the exact value, each such character written as a JSON escape (``\u202e``):
``json.dumps`` escapes only C0 controls, and wrote U+009B and U+202E to the terminal as
they were.
"""

from __future__ import annotations

import json
import re
from typing import Any

from policies.legibility import acting

# What a page shows as white space: a rule's explanation is written in lines.
_HTML_SPACE = frozenset("\t\n\f\r")


def legible(text: str, keep: frozenset[str] = frozenset()) -> str:
    """``text`` with every control, format and separator character but those of ``keep``
    written as ``<U+XXXX>``."""
    if text.isprintable():  # the usual case: no character of those kinds (nor odd spaces)
        return text
    return "".join(f"<U+{ord(ch):04X}>" if ch not in keep and acting(ch) else ch for ch in text)


def shown(value: Any) -> Any:
    """A template's value as it is shown (Jinja's ``finalize``): strings made legible, but
    for white space, which HTML shows as a space; markup that the code wrote (``Markup``: a
    stylesheet, a chart) and anything else as it is."""
    return legible(value, _HTML_SPACE) if type(value) is str else value


# Runs of what json.dumps(ensure_ascii=False) leaves as it is: all above ASCII, and DEL.
_BEYOND_ASCII = re.compile("[^\x00-\x7e]+")


def _json_escaped(match: re.Match[str]) -> str:
    run = match.group()
    if run.isprintable():  # Chinese, the usual case
        return run
    return "".join(_json_escape(ch) if acting(ch) else ch for ch in run)


def _json_escape(ch: str) -> str:
    # A character above U+FFFF is a surrogate pair in JSON; a lone surrogate is itself.
    raw = ch.encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{int.from_bytes(raw[i : i + 2], 'big'):04x}" for i in range(0, len(raw), 2))


def legible_json(value: Any) -> str:
    """``value`` as indented JSON for a terminal: Chinese as it is, and escaped what a
    terminal may act on and json.dumps leaves as it is (DEL, the C1 controls: U+0085 ends a
    line, U+009B begins an escape sequence; bidi overrides, zero-width characters, tag
    characters, line separators). Such characters can only stand inside strings (JSON's own
    syntax is ASCII), where a ``\\uXXXX`` escape is the same character to any JSON reader."""
    return _BEYOND_ASCII.sub(_json_escaped, json.dumps(value, ensure_ascii=False, indent=2))

"""What an officer reading the trail cannot see, or would see otherwise than it was sent.

One predicate for the three places that need it: the routes refuse such characters in a path
(400), identification refuses them in a subject or a declared purpose (401), and what callers
sent is shown with them written as ``<U+XXXX>`` (gateway/legible.py). It lives here, below
``gateway``, because ``policies`` imports nothing from it.
"""

from __future__ import annotations

import unicodedata


def acting(char: str) -> bool:
    """Whether the character acts rather than reads: Unicode category C (controls, U+009B a
    terminal's one-byte escape; format characters, a zero-width space, a BOM, a bidi override
    that turns the rest of a line around; surrogates; private-use and unassigned code points,
    which a font may draw as anything) and line and paragraph separators."""
    category = unicodedata.category(char)
    return category[0] == "C" or category in ("Zl", "Zp")


def illegible(text: str) -> bool:
    """Whether any character of the text acts (see `acting`)."""
    # isprintable() is False for every such character (and for spaces beyond ASCII): the
    # usual text passes it without a character-by-character look.
    return not text.isprintable() and any(acting(char) for char in text)

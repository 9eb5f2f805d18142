"""Values an upstream masked in part before the gateway saw them: 6109021990****1235,
610902XXXXXXXX1235, 6222 #### #### 7890, 138××××8000. What is left in clear may be more than the
caller's profile shows, so such a value is judged, and masked again, as the whole value: each
mask character stands for a digit. ``*`` and ``×`` are masks wherever they stand; ``X``, ``x``
and ``#`` only two or more in a row, since one X is an ID number's check character and one #
an extension's mark (0915-3212345#8001)."""

from __future__ import annotations

import re

_MASK_RUN = re.compile(r"[*×]+|[#Xx]{2,}")


def as_stars(text: str) -> str:
    """``text`` with its mask characters written ``*``."""
    return _MASK_RUN.sub(lambda m: "*" * len(m.group()), text)


def masked_in_part(text: str) -> bool:
    """Does ``text`` hold a mask beside digits left in clear?"""
    return _MASK_RUN.search(text) is not None and any(c.isdigit() for c in text)

"""A number a spreadsheet or a column of doubles wrote as a float, then sent as text:
"1.3800138E10", "1.3800138e+10" (read unfolded: folding joins the digits about the point).
Read as the whole number it stands for, where a key says it is a phone (detect.py) and where
a phone's mask shows some of its digits (policies/masking.py): the float's own characters are
no digits of the number (138***3810 showed its seventh digit, which 138****8000 hides)."""

from __future__ import annotations

import re

_FLOAT_TEXT = re.compile(r"[0-9]\.[0-9]+[eE][0-9]{1,2}")


def whole_digits(text: str) -> str:
    """The digits of the whole number ``text`` writes as a float (1.3800138E10 -> 13800138000);
    "" when it is no float's text or no whole number (1.38001385E5)."""
    text = text.replace("+", "")  # the exponent's sign, and a leading one
    if _FLOAT_TEXT.fullmatch(text) is None:
        return ""
    mantissa, exponent = text.lower().split("e")
    whole, fraction = mantissa.split(".")
    shift = int(exponent)
    if len(fraction) > shift and fraction[shift:].strip("0"):
        return ""
    return (whole + fraction[:shift].ljust(shift, "0")).lstrip("0")

"""What an HTML page's scripts hold: the JSON literals they assign or pass, and the strings
they write under a field's name. Server-rendered pages put their records there.
"""

from __future__ import annotations

import re

# In a script: a literal assigned, passed or nested (`var data = {…}`, `init([…])`), and a
# string under a name (`xm: "张三"`, `var sfzh = '…'`, `"姓名": "…"`). Server-rendered pages put
# their records there; the names of the fields are the evidence a name needs.
_LITERAL_START = re.compile(r"[=(:,]\s*([\[{])")
_NAMED_STRING = re.compile(r"""(["']?)([A-Za-z_$][\w$]*|[\u3400-\u9fff]+)\1\s*[:=]\s*(["'])((?:(?!\3)[^\\\n])*)\3""")
_MAX_SCRIPT_LITERAL = 1 << 20


def _literal_end(text: str, start: int) -> int:
    """Index just after the bracket that closes the one at ``start`` (strings skipped), or -1."""
    depth, quote, escaped = 0, "", False
    for i in range(start, min(len(text), start + _MAX_SCRIPT_LITERAL)):
        c = text[i]
        if quote:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1

"""JSON inside a string value (``{"detail": "{\\"xm\\": \\"张伟\\"}"}``): parsed and walked as a
document of its own, up to three levels deep (``ColumnWalker.scalar``), and a document encoded as
a JSON string again, up to five times, decoded layer by layer and each layer encoded again as it
came.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Final

from .detect import Plan
from .jsonduplicates import hides_duplicates
from .jsonnumbers import dumps, loads
from .jsonvalues import _embedded_json
from .valuepaths import Ref, ValueVisitor, path_of

# The most times a document may be encoded as a JSON string and still be decoded (each time
# doubles its escapes: past a few, no client's doing).
_MAX_ENCODED: Final = 5
# The walker's walk: (node, path, key, record, depth of embedding) -> (node, changed?)
Walk = Callable[[Any, str, "str | None", int, int], tuple[Any, bool]]


def embedded(
    text: str, plan: Plan, record: int, path: Ref, embed: int, walk: Walk, visit: ValueVisitor, encoded: int = 1
) -> tuple[Any, bool]:
    """A string holding a JSON document (``jsonvalues._embedded_json``) walked as one under its
    key (``walk``: the walker's, at depth ``embed + 1``) and written back as JSON text once
    masked; one that does not parse is a value (``visit``)."""
    try:
        inner = loads(text)
    except ValueError:
        inner = None
    key = plan.info.term if plan.info is not None else None
    if isinstance(inner, dict | list):
        new, changed = walk(inner, f"{path_of(path)}(json)$", key, record, embed + 1)
        return (dumps(new), True) if changed or hides_duplicates(text, inner) else (text, False)
    if type(inner) is str and encoded < _MAX_ENCODED and _embedded_json(inner):
        # Encoded twice or more: the string holds the document's text. Decoded again, and the
        # masked text encoded as it came (\u escapes if it was ASCII), each time: scanned raw, a
        # name written \u5f20\u4f1f, or between escaped quotes under its key, went out in clear.
        # (Strings count apart from the documents nested in documents: ``_MAX_ENCODED``.)
        inner_new, changed = embedded(inner, plan, record, path, embed, walk, visit, encoded + 1)
        return (json.dumps(inner_new, ensure_ascii=text.isascii()), True) if changed else (text, False)
    new = visit(text, plan, record, path, True)
    return (new, True) if new is not None else (text, False)

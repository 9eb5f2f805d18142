"""Region terms in a filter written into one parameter's value (?q=, ?$filter=, ?where=).

Front ends send a whole filter in one parameter, and an upstream that evaluates it answers
for the regions it names: regionCode=610921, OData's regionCode eq '610921', Lucene's
xzqh:610921, SQL's regionCode in ('610921','610922'). The key before the operator says the
value is a region. A term over a region key that asks for more than the values it names —
negated, compared, widened, matched by a pattern, or the key passed through a function
(startswith(regionCode,'61'), substringof('6109',regionCode), tolower(regionCode)) — cannot
be judged, and is given as UNREAD; the one function read is a prefix as narrow as a code.
A parameter that selects the answer's fields (``SELECTIONS``: ?fields=items(xm,xzqhmc), a
partial response) holds groups of field names, no function: those name no region.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from classifiers.structured import division_code

# What a region value that cannot be judged is given as: no code, so it is refused.
UNREAD = "[无法解析]"

# Tried at every word start, terms overlapping (a=regionCode=610921 holds one at "regionCode").
_TERM = re.compile(
    r"""(?=(?<![\w.\[\]])(?P<key>[^\W\d][\w.\[\]-]*)\s*"""
    r"""(?P<op>=~|==?|!=|!~|<>|<=|>=|<|>|~\*?|:|"""
    r"""\s(?:eq|in|ne|gt|ge|lt|le|like|ilike|rlike|regexp|glob|match|similar\s+to|between|"""
    r"""not\s+in|not\s+like|not\s+regexp)\s)\s*"""
    r"""(?P<value>\([^)]*\)|\[[^\]]*\]|\{[^}]*\}|'[^']*'|"[^"]*"|[^\s,;&|)\]]+))""",
    re.IGNORECASE,
)
# What negates the term after it: -xzqh:610902, !xzqh:610902 (Lucene), NOT xzqh:610902.
_NEGATED = re.compile(r"(?:[-!]|\bnot\s+)$", re.IGNORECASE)
_EQUALS = frozenset({"=", "==", ":", "eq", "in"})
# What widens a term beyond the codes it names: a wildcard (61*, 6109%), a range ([610000 TO 619999]).
_WIDENING = re.compile(r"[*%?]|\sTO\s", re.IGNORECASE)
# A function call with no call inside it: startswith(regionCode,'61'), LEFT(xzqhdm,4).
_CALL = re.compile(r"(?<![\w.])(?P<function>[^\W\d]\w*)\s*\((?P<arguments>[^()]*)\)")
# Words before a parenthesis that are no function: a list (in (…)), a group (and (…)).
_GROUPING = frozenset({"and", "or", "in"})
_WORD = re.compile(r"[^\W\d][\w.\[\]-]*")
# startswith(regionCode,'610902'): the one function read, a prefix written as digits.
_PREFIX = re.compile(r"""['"]?([0-9]+)['"]?""")
# A name: what is no code beside a region key, yet may name a region (xzqhmc:汉阴县).
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Parameters that select the fields of the answer, not its records: a partial response
# (Google's fields=items(xm,xzqhmc)), OData's $select, Elasticsearch's _source, Solr's fl.
SELECTIONS = frozenset({"fields", "$select", "select", "_source", "fl"})
# A group of such a selection: field names only (items(xm,xzqhmc), xzqh(dm,mc)), nothing compared.
_FIELD_NAMES = re.compile(r"\s*[^\W\d][\w.\[\]/-]*\s*(?:,\s*[^\W\d][\w.\[\]/-]*\s*)*")


def filter_terms(text: str, names_region: Callable[[str], bool], selection: bool = False) -> Iterator[tuple[str, str]]:
    """(key, value) of each region a filter term in `text` names under a region key: a
    GB/T 2260 code, or a value with Han characters, which the caller reads as a region's name.
    A row id or a telephone number in the same text (id eq 610921) is no region, nor is a
    value beside a region key that is neither (sort=regionCode:asc). A term that asks for more
    than the values it names is given as UNREAD. ``selection``: `text` selects fields (a
    ``SELECTIONS`` parameter's value), where a group of field names is no function call."""
    yield from _calls(text, names_region, selection)
    for term in _TERM.finditer(text):
        key = term["key"]
        if not names_region(key):
            continue
        value = term["value"]
        negated = _NEGATED.search(text, 0, term.start("key")) is not None
        equals = " ".join(term["op"].lower().split()) in _EQUALS
        if negated or not equals or _WIDENING.search(value):
            yield key, UNREAD
            continue
        for item in value.strip("()[]{}").split(","):
            item = item.strip().strip("'\"")
            code = division_code(item)
            if code:
                yield key, code
            elif _HAN.search(item):
                yield key, item


def _calls(text: str, names_region: Callable[[str], bool], selection: bool) -> Iterator[tuple[str, str]]:
    """A region key as an argument of a function: substringof('6109',regionCode) asks for the
    city, tolower(regionCode) eq '610921' compares what no term here reads. Only
    startswith(key, 'digits') says which regions: those whose codes begin with the digits,
    judged as that code would be (610902 is inside 汉滨区, 6109 is no code and is refused)."""
    for call in _CALL.finditer(text):
        if call["function"].lower() in _GROUPING:
            continue
        if selection and _FIELD_NAMES.fullmatch(call["arguments"]):
            # items(xm,xzqhmc): the fields the answer keeps, the region ones judged in it
            # record by record (release stage); no value is compared, so no record is asked for.
            continue
        arguments = [argument.strip() for argument in call["arguments"].split(",")]
        keys = [word for argument in arguments for word in _WORD.findall(argument) if names_region(word)]
        if not keys:
            continue
        prefix = _PREFIX.fullmatch(arguments[-1]) if len(arguments) == 2 else None
        if call["function"].lower() == "startswith" and names_region(arguments[0]) and prefix is not None:
            yield arguments[0], prefix[1]
        else:
            yield keys[0], UNREAD

"""YAML and TOML answers read as the data they hold, for their region fields and records.

Such a body is masked as text (``xm: 张伟`` is a label and its value to the scan), which reads
no region field at all: ``xzqhdm: '610921101'`` (汉阴县) went out to a 汉滨区 caller. The data
it parses to is walked as a JSON document is, for region judgement and the record count only
(inspect.Inspector._data_text). A body that does not parse as what it is declared to be
cannot be judged. What that walk masks and the text's left in clear (a name beside an ID number
under keys that say nothing: ``a: 张伟`` over ``b: '<ID number>'``, the object rule, which reads
members beside each other) is written into the text where it stands as a whole scalar
(``rewrite``).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from typing import Any

import yaml

# The media types of YAML and TOML answers, and the kind each is walked as.
KINDS = {
    "application/yaml": "yaml",
    "application/x-yaml": "yaml",
    "text/yaml": "yaml",
    "text/x-yaml": "yaml",
    "application/toml": "toml",
    "text/toml": "toml",
    "text/x-toml": "toml",
}
UNPARSED = object()


def parse(text: str, kind: str) -> Any:
    """The data of a YAML or TOML text as JSON would hold it (keys as strings, dates as text),
    or ``UNPARSED``. YAML's aliases are refused: each names a node already built, and a few
    nested ones stand for more nodes than memory holds once walked (billion laughs)."""
    try:
        if kind == "toml":
            doc: Any = tomllib.loads(text)
        else:
            loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
            if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=loader)):
                return UNPARSED
            docs = list(yaml.load_all(text, Loader=loader))  # a safe loader: no object construction
            doc = docs[0] if len(docs) == 1 else docs  # documents after --- are records, as JSON lines'
        return json.loads(json.dumps(doc, default=str))
    except (yaml.YAMLError, tomllib.TOMLDecodeError, TypeError, ValueError, RecursionError):
        return UNPARSED


def masked_values(old: Any, new: Any) -> dict[str, str]:
    """Each string or integer of ``old`` (the data as parsed) that ``new`` (as the JSON walk masked
    it) holds masked at the same place, and its mask (an integer's as its text). A key masked
    keeps its member's place (the walk writes an object's members in their order); a list or
    object of another length is left."""
    out: dict[str, str] = {}
    pairs: list[tuple[Any, Any]] = [(old, new)]
    while pairs:
        a, b = pairs.pop()
        if type(a) is dict and type(b) is dict and len(a) == len(b):
            pairs += zip(a.values(), b.values(), strict=True)
        elif type(a) is list and type(b) is list and len(a) == len(b):
            pairs += zip(a, b, strict=True)
        elif type(a) is str and type(b) is str and a != b:
            out[a] = b
        elif type(a) is int and type(b) is str:  # lxdh: 3212345, a number as YAML and TOML write it
            out[str(a)] = b
    return out


def rewrite(text: str, masks: dict[str, str]) -> str:
    """``text`` with each value of ``masks`` still in clear written as its mask where it stands
    as a whole scalar on its line: after ``key:`` or ``key =`` (TOML), after a list's ``-``, in
    its quotes or bare, before a comment; or as a whole scalar of a flow mapping or sequence,
    after its bracket or a comma and maybe a key, before a comma or the closing bracket. Elsewhere
    (inside a longer text) it is left to the text's walk, which judged it there."""
    for old, mask in masks.items():
        if old not in text or "\n" in old:
            continue
        scalar = re.compile(_LINE_HEAD + r"(['\"]?)" + re.escape(old) + r"\2([ \t]*(?:#[^\n]*)?)$", re.MULTILINE)
        text = scalar.sub(r"\1\2" + mask.replace("\\", "\\\\") + r"\2\3", text)
        if "{" in text or "[" in text:  # {a: 张伟, b: '<ID>'}, - [张伟, '<ID>']: a flow collection's scalar
            flow = re.compile(_FLOW_HEAD + r"(['\"]?)" + re.escape(old) + r"\2(?=[ \t]*[,}\]])")
            text = flow.sub(_flow_writer(mask), text)
    return text


# In a flow mapping or sequence (``{a: 张伟, b: '…'}``, ``[张伟, '…']``, TOML's inline tables): the
# bracket or comma before, and a key with its separator.
_FLOW_HEAD = r"([{\[,][ \t]*(?:[^\n#:=,{}\[\]'\"]+(?::[ \t]+|[ \t]*=[ \t]*))?)"
# A line's indent, a list's dashes and a key with its separator (YAML's ``: ``, TOML's ``=``).
_LINE_HEAD = r"^([ \t]*(?:-[ \t]+)*(?:[^\n#:=]+(?::[ \t]+|[ \t]*=[ \t]*))?)"


def _flow_writer(mask: str) -> Callable[[re.Match[str]], str]:
    """The replacement of a flow collection's scalar by ``mask``, in the quote it replaces; a bare
    one in single quotes where a flow indicator in it (``[已屏蔽]``) would make it a collection of
    its own."""
    quoted = "'" + mask.replace("'", "''") + "'" if any(c in mask for c in "[]{},#:") else mask

    def write(m: re.Match[str]) -> str:
        return m[1] + (m[2] + mask + m[2] if m[2] else quoted)

    return write

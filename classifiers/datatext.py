"""YAML and TOML answers read as the data they hold, for their region fields and records.

Such a body is masked as text (``xm: 张伟`` is a label and its value to the scan), which reads
no region field at all: ``xzqhdm: '610921101'`` (汉阴县) went out to a 汉滨区 caller. The data
it parses to is walked as a JSON document is, for region judgement and the record count only
(inspect.Inspector._data_text). A body that does not parse as what it is declared to be
cannot be judged.
"""

from __future__ import annotations

import json
import tomllib
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

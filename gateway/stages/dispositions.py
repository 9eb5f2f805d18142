"""A download's file name masked in its Content-Disposition: read as browsers read it
(classifiers/dispositions.py), inspected, and the header written back with the masked name.
"""

from __future__ import annotations

import orjson

from classifiers import file_names
from classifiers.dispositions import parse, written
from classifiers.inspect import Inspection, Inspector
from policies.masking import MaskingProfile


def masked(text: str, inspector: Inspector, profile: MaskingProfile) -> tuple[str, Inspection | None]:
    """A Content-Disposition with its file names masked for this caller, written back whole
    (``written``), and what was found (None: nothing, and the value stays as it came)."""
    disposition = parse(text)
    if disposition is None:
        return text, None
    found: Inspection | None = None
    names: list[str | None] = []
    for name in (disposition.plain, disposition.extended):
        in_name = None if name is None else _masked_file_name(name, inspector, profile)
        if in_name is None:
            names.append(name)
            continue
        names.append(in_name[0])
        if found is None:
            found = in_name[1]
        else:
            found.add(in_name[1])
    if found is None:
        return text, None
    return written(disposition, names[0], names[1]), found


def _masked_file_name(name: str, inspector: Inspector, profile: MaskingProfile) -> tuple[str, Inspection] | None:
    """The file name masked, and what was found (None: nothing): what the inspector finds in
    it as a value (an ID number, a mobile; a person named in a file name that ends as a saved
    file does, classifiers/file_names.py), then the full names of a file name that ends
    otherwise, when it is about one person (``file_names.names``)."""
    found = inspector.inspect(orjson.dumps({"filename": name}), "application/json", "utf-8", profile)
    out: str = orjson.loads(found.body)["filename"] if found.entity_counts else name
    any_found = found if found.entity_counts else None
    for start, end in reversed(file_names.names(out, inspector.detector.plan, any_found is not None)):
        named = inspector.inspect(orjson.dumps({"xm": out[start:end]}), "application/json", "utf-8", profile)
        if not named.entity_counts:
            continue
        out = out[:start] + orjson.loads(named.body)["xm"] + out[end:]
        if any_found is None:
            any_found = named
        else:
            any_found.add(named)
    return None if any_found is None else (out, any_found)

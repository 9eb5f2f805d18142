"""Names a body's fields give, masked wherever else the body writes them.

A record's name field is masked; the same name written again in a remark
(``{"xm": "张伟", "bz": "其中张伟本人患有糖尿病"}``) went out in clear beside its mask whenever the
remark's words gave the scanner no evidence of a name. A name masked once, whatever told it (a
name field's value, a label, a role word before it: ``申请人张伟``, an ID number beside it), is
evidence enough for every other place the same body writes it: after the walk, the strings the
document still holds are searched for those names (``Run.known``), and each occurrence is masked
as the first was.

The names are looked for after the walk, not during it: a remark may come before the field
that names its person. In JSON the walk tells where to look: the walker keeps the free text it
read (``ColumnWalker.texts``: a column's values joined, those a column's pre-check or the
clean-values cache passed over too, and the strings visited one by one, as masked), and only
when that holds a known name is the document walked again to mask it. A CSV export's columns
of free text are searched block by block (``fastcsv``), a form's fields, a markup document's
and a text body's whole text after their walks. Values under a key naming an entity (a name,
an address) were judged with that key's evidence and are not searched again.
"""

from __future__ import annotations

from html import escape
from typing import Any, Final

from .entities import address, person_name
from .jsonshapes import PlanOf
from .matches import Match
from .run import Run
from .structured import _child, _splice

# A name is two characters or more; a minority name written with its dot may run to eight (买买提·吐尔逊).
_SHORTEST: Final = 2
_LONGEST: Final = 8
# With up to this many names, one C-level substring test per name over the texts joined by NUL;
# past it (an export's thousands of names), one walk over the distinct texts that tests the
# slices at each place against the names' set, whose cost does not grow with the names. (A
# test of each place's character against the names' first characters first cost as much as
# it saved: in compiled code each character read is a string made and hashed.)
_FEW: Final = 24
_SCORE: Final = 0.85
EVIDENCE: Final = "known_name"


def held(known: set[str], text: str) -> list[str]:
    """The known names of two to eight characters that ``text`` holds, longest first (欧阳娜娜
    before a shorter name inside it), but places' names."""
    if len(known) <= _FEW:
        found = [n for n in known if _SHORTEST <= len(n) <= _LONGEST and n in text]
    else:
        lengths = sorted({len(n) for n in known if _SHORTEST <= len(n) <= _LONGEST}, reverse=True)
        seen: set[str] = set()
        for value in set(text.split("\x00")):  # each distinct value once
            for i in range(len(value) - _SHORTEST + 1):
                for size in lengths:
                    piece = value[i : i + size]
                    if piece in known:
                        seen.add(piece)
        found = list(seen)
    # A name that is a place's too (安康, 石泉, 李家庄) is the place far more often in a remark.
    found = [n for n in found if not address.is_place_name(n)]
    found.sort(key=len, reverse=True)
    return found


def spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Where ``names`` (longest first) stand in ``text``, in order and apart."""
    out: list[tuple[int, int]] = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not any(a < end and at < b for a, b in out):
                out.append((at, end))
            at = text.find(name, end)
    out.sort()
    return out


def in_json(run: Run, doc: Any, plan_of: PlanOf, texts: list[str]) -> bool:
    """Mask the known names the document's strings still hold, in place; whether any was.
    ``texts``: the free text its walk read, as masked (``ColumnWalker.texts``). Searched
    first: a walk over every value of the document cost 8 to 11 % of the demo document's
    inspection, and most documents hold no known name anywhere else."""
    names = held(run.known, "\x00".join(texts)) if run.known and texts else []
    return bool(names) and _mask(run, doc, "$", False, plan_of, names)


def in_csv(run: Run, columns: list[tuple[list[str], list[int], str]]) -> list[list[str | None] | None]:
    """A CSV block's columns of free text (a 备注), each as (values, their rows, its label), with
    the known names masked: per column its new values (None where unchanged), or None when none
    of them holds one. The columns are searched at once, each by its distinct values: an
    export's columns repeat theirs (性别, 与户主关系, 开户银行), and reading every row of every
    column, one column at a time, cost 41 % of the demo export's inspection."""
    out: list[list[str | None] | None] = [None] * len(columns)
    if not run.known:
        return out
    texts = ["\x00".join(set(values)) for values, _, _ in columns]
    names = held(run.known, "\x00".join(text for text in texts if not text.isascii()))
    for k, (values, rows, label) in enumerate(columns):
        if names and any(n in texts[k] for n in names):
            out[k] = [_masked(run, v, f"row {row + 1} col {label}", names) for row, v in zip(rows, values, strict=True)]
    return out


def in_text(run: Run, text: str, markup: bool) -> str | None:
    """A text body, or an XML or HTML document (``markup``), masked by its walk, with the known
    names it still holds masked (escaped as markup in markup); None when none is there. In
    markup a name inside a tag but outside an attribute's value is left: it is the tag's own
    name or an attribute's, and no mask is a name markup allows."""
    if not run.known:
        return None
    names = held(run.known, text)
    if not names:
        return None
    edits: list[tuple[int, int, str]] = []
    for start, end in spans(text, names):
        if markup:
            opened = text.rfind("<", 0, start)
            if opened > text.rfind(">", 0, start) and not _quoted_at(text, opened, start):
                continue
        replacement = _replacement(run, text[start:end], "text" if not markup else "body", start, end)
        if replacement is not None:
            edits.append((start, end, escape(replacement) if markup else replacement))
    return _splice(text, edits) if edits else None


def in_form(
    run: Run, fields: list[tuple[str, str, str, int, bool]], plan_of: PlanOf, masked: dict[int, str]
) -> dict[int, str]:
    """{a form field's index: its value with the known names masked}, for the fields (key, field,
    value, record, changed: ``structured.walk_form``'s) its walk left as they were and ``masked``
    does not hold, but those under an entity's key."""
    if not run.known:
        return {}
    out: dict[int, str] = {}
    for i, (key, field, value, _, changed) in enumerate(fields):
        if changed or i in masked or value.isascii() or _names_entity(field, plan_of):
            continue
        names = held(run.known, value)
        new = _masked(run, value, f"form.{key}", names) if names else None
        if new is not None:
            out[i] = new
    return out


def _quoted_at(text: str, opened: int, at: int) -> bool:
    """Is ``at``, inside the tag opened at ``opened``, within an attribute's quoted value?"""
    tag = text[opened:at]
    return tag.count('"') % 2 == 1 or tag.count("'") % 2 == 1


def _names_entity(key: str, plan_of: PlanOf) -> bool:
    """Does a key name an entity (a name, an address)? Its value was judged with that evidence."""
    info = plan_of(key).info
    return info is not None and info.entity is not None


def _mask(run: Run, node: Any, path: str, under_entity: bool, plan_of: PlanOf, names: list[str]) -> bool:
    """Mask the known names in the document's strings but those under an entity's key; whether any was."""
    changed = False
    if type(node) is dict:
        for key, value in node.items():
            kind = type(value)
            entity = _names_entity(key, plan_of)
            if kind is str:
                if not entity:
                    new = _masked(run, value, _child(path, key), names)
                    if new is not None:
                        node[key] = new
                        changed = True
            elif kind is dict or kind is list:
                changed |= _mask(run, value, _child(path, key), entity, plan_of, names)
    elif type(node) is list:
        for i, value in enumerate(node):
            kind = type(value)
            if kind is str:
                if not under_entity:
                    new = _masked(run, value, f"{path}[{i}]", names)
                    if new is not None:
                        node[i] = new
                        changed = True
            elif kind is dict or kind is list:
                changed |= _mask(run, value, f"{path}[{i}]", under_entity, plan_of, names)
    return changed


def _masked(run: Run, text: str, path: str, names: list[str]) -> str | None:
    """``text`` with the known names in it masked (None: none there); records the findings."""
    edits: list[tuple[int, int, str]] = []
    for start, end in spans(text, [n for n in names if n in text]):
        replacement = _replacement(run, text[start:end], path, start, end)
        if replacement is not None:
            edits.append((start, end, replacement))
    return _splice(text, edits) if edits else None


def _replacement(run: Run, name: str, path: str, start: int, end: int) -> str | None:
    """The mask of one occurrence of a known name (None: the profile keeps names); records its finding."""
    replacement = run.profile.apply(person_name.ENTITY, name)
    if replacement is None:
        return None
    run.raw.append((path, Match(person_name.ENTITY, start, end, _SCORE, EVIDENCE)))
    run.counts[person_name.ENTITY] = run.counts.get(person_name.ENTITY, 0) + 1
    run.masked += 1
    return replacement

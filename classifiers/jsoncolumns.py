"""The column pass of the JSON walk (``fastjson.ColumnWalker``): a list of objects masked in
place column by column. The key's plan is looked up once per column, a column that cannot hold
anything is rejected by one C-level regex over its joined values, a column of clean keyed values
is checked by one regex and then only validated (``columnbatch``), values found clean before are
skipped without a visit, and paths are formatted only for values that produce findings. A
column also tells the walk's regions and persons what it holds: a region's column, links naming
their record's region, a column of names or ID numbers in a list that is not the record list.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .columns import business_clean, join, maybe
from .jsonbanks import ACCOUNT_KEY, ACCOUNT_KEYS, banked
from .jsoncells import BY_CONTENT, OWNER_KEY, owners
from .jsonvalues import _MISSING, _by_column
from .masked_in_part import may_hold_mask
from .regionentries import listed_region_names
from .regionlinks import column_links
from .structured import _child

if TYPE_CHECKING:
    from .fastjson import ColumnWalker


def columns(
    walker: ColumnWalker,
    items: list[dict[str, Any]],
    path: str,
    record: int,
    embed: int,
    is_records: bool,
    labels: list[str] | None,
) -> bool:
    """Mask the objects' values in place, column by column; whether any changed.
    ``labels`` are map keys (None: list indices)."""
    changed_any = False
    regions = walker.regions
    persons = walker.persons
    batch = walker.batch
    plan_of = walker.plan_of
    before = walker.found()
    # Objects of a list that is not the record list are region items of their own (Run.item).
    first = 0 if is_records else regions.new_items(len(items))
    if not is_records and walker.beside(record):
        for i, item in enumerate(items):
            if persons.holds_person(item):
                persons.note(first - i, item)
    regional = listed_region_names(items, plan_of)  # [{"code": "632801", "name": "格尔木市"}, …]
    bank = banked(items[0])  # [{"khh": "农商行", "zh": "6221…"}]: zh (账号) is the bank's account
    # [{"zn": "张小伟", "znsfzh": <ID number>}]: a key naming a person as often as not, beside its own ID's
    owned = None if BY_CONTENT.isdisjoint(items[0]) else owners(items[0], plan_of)
    for key, column in _by_column(items):
        plan = plan_of(
            ACCOUNT_KEY
            if bank and key in ACCOUNT_KEYS
            else None
            if key in regional
            else OWNER_KEY
            if owned and key in owned
            else key
        )
        joined = join(column)
        info = plan.info
        if is_records and info is not None:
            persons.listed_column(info.entity, column)
        rest: Iterable[int] = range(len(column))
        if info is not None and (info.region or info.region_part) and joined is not None:
            rows = batch.every(len(column)) if is_records else [first - i for i in range(len(column))]
            if info.region:
                walker.region_values(column, info.region_code_only, rows)
            if info.region_part and walker.region_part is not None:
                walker.region_part(info.region_part, column, rows)
        if joined is not None and "/" in joined and (info is None or not info.region):
            # Links (HAL's href, url) name their record's region (regionlinks.py); a column of
            # them holds nothing personal and is not visited value by value below.
            rows = batch.every(len(column)) if is_records else [first - i for i in range(len(column))]
            for text, code_only, row in column_links(column, rows, plan_of):
                walker.region_values((text,), code_only, row)
        if not is_records and (joined is None or (info is not None and info.entity in walker.person_entities)):
            # A column of names or ID numbers, or of objects that may hold them (joined: None)
            persons.column(first, key, column)
        if info is None and joined is not None and may_hold_mask(joined):
            # [{"a": "张**", "b": "138****8000"}]: a mobile masked in part beside a person
            changed_any |= walker.cells.column_mobiles(items, key, column, path, record, is_records, labels)
        # [{"姓名/性别": "张伟/男"}]: each value's parts under their fields' keys, every value visited
        compound = joined is not None and walker.compound.fields(key) is not None
        category = info.category if info is not None and not compound else None
        if category is not None and joined is not None and batch.category(column, joined, category, is_records, record):
            category = None
        # Free text (no entity's key, more than ASCII): where known_names looks for the names a field gave.
        free = (
            joined
            if joined is not None and not compound and (info is None or info.entity is None) and not joined.isascii()
            else None
        )
        if joined is not None and category is None and not compound:
            if plan.canonical is not None:
                rest, changed = batch.keyed(items, column, joined, plan, path, key, record, is_records, labels)
                changed_any |= changed
            elif (
                (info is None or info.entity is None)
                and "{" not in joined
                and "[" not in joined
                and (
                    (not maybe(joined) and (plan.declared is None or not plan.declared(joined)))
                    or (info is not None and info.business and joined.isascii() and business_clean(joined))
                )
            ):
                if free is not None:
                    walker.texts.append(free)
                continue  # nothing in this column can be personal data
            if "{" not in joined and "[" not in joined:  # no embedded JSON to walk
                plan_id = 0 if info is None else id(plan)
                clean = walker.clean_values
                rest = [i for i in rest if (plan_id, column[i]) not in clean]
        column_changed = False
        for i in rest:
            value = column[i]
            if value is _MISSING:
                continue
            rec = i if is_records else record
            at: int | str = i if labels is None else labels[i]
            outer = regions.item if is_records else regions.enter(first - i)
            if type(value) is dict or type(value) is list:
                base = f"{path}[{at}]" if labels is None else _child(path, str(at))
                new, changed = walker.walk(value, _child(base, key), key, rec, embed)
            else:
                walked = (
                    walker.compound.masked(value, key, rec, (path, at, key))
                    if compound and type(value) is str
                    else None
                )
                new, changed = walked if walked is not None else walker.scalar(value, plan, rec, (path, at, key), embed)
            if not is_records:
                regions.enter(outer)
            if changed:
                items[i][key] = new
                changed_any = column_changed = True
        if free is not None:
            walker.texts.append(free if not column_changed else join([item.get(key) for item in items]) or "")
    if walker.names_no_one_else(before, True):  # [{"a": "张伟", "b": <ID number>}, …]: the names beside
        changed_any |= walker.cells.column_names(items, path, record, is_records, labels)
    return changed_any

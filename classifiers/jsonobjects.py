"""Objects of the JSON walk (``fastjson.ColumnWalker``) member by member: each key scanned
(``jsonkeys``) and each value walked under the key it is judged by (its own, a name/value
pair's field name, a SheetJS sheet's heading, the column of a column by row index), the shapes
an object may hold (a table, a column model, a jqGrid, a number in parts) walked as theirs, and
a key shaped like a person's name masked when what it holds says a person. A map of objects
(``{<ID number>: record, …}``) has its values walked column by column; a list of objects that
may hold findings in its keys is walked object by object.
"""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING, Any, Final

from .entities import person_name
from .entities.name_patterns import _UNIT_ENDS
from .jsonbanks import ACCOUNT_KEY, ACCOUNT_KEYS, banked
from .jsoncells import BY_CONTENT, OWNER_KEY, owners
from .jsoncolumns import columns
from .jsongraph import GRAPH_SET, graph
from .jsongrid import column_model, grid_rows, modelled_rows
from .jsonkeys import personal_record
from .jsonpairs import HELD_VALUES, SHAPE_FIELDS, held, may_hold_pairs, pair
from .jsonshapes import HEADER_SET, grid
from .jsonshapes import table as table_shape
from .jsonsheet import may_be_sheet, sheet
from .jsontables import table
from .jsonvalues import _by_row_index
from .name_headings import full_name
from .nameparts import KEYS as NAME_PART_KEYS
from .nameparts import masks as name_masks
from .regionentries import region_names
from .structured import _child

if TYPE_CHECKING:
    from .fastjson import ColumnWalker

# A mobile masked in part, as it stands (138****8000) and in groups (138-****-8000).
_MOBILE_LENGTHS: Final = (11, 13)
# Members of an object read as a row's cells for who it is (jsonrows' row of a dozen cells at most).
_ROW_MEMBERS: Final = 12


def reached_no_one_else(walker: ColumnWalker, before: tuple[int, int, int, int]) -> bool:
    """Did what was walked since ``before`` hold a landline or an address without naming
    anyone? Under a full name that is no office's (``no_unit``) that is a person's record
    ({"data": {"张伟": {"gddh": "0915-…", "dz": …}}})."""
    _, _, names, reached = walker.found()
    return reached > before[3] and names == before[2]


def no_unit(key: str) -> bool:
    """Is ``key`` a full name that no unit's character ends? An office's record holds a
    landline and an address too, under its office's name (民政局办公室, 林业局, 党支部:
    ``_UNIT_ENDS``)."""
    return key[-1] not in _UNIT_ENDS and full_name(key)


def members(
    walker: ColumnWalker,
    node: dict[str, Any],
    path: str,
    record: int,
    embed: int,
    column: str | None = None,
    holder: str | None = None,
    persons: bool = False,
) -> tuple[Any, bool]:
    """An object member by member; ``column``: the key its values are judged under, when
    its own keys are the rows' index; ``holder``: the key the members holding a value
    (``jsonpairs.HELD_VALUES``) are judged under, the object's own key; ``persons``: the
    object is under a key that says it holds persons (``PERSONS_KEYS``), so its keys shaped
    like full names are names whatever their values hold."""
    # {"nodes": [{"label": "张伟"}, …], "edges": […]}: a relation graph, its nodes' names masked first
    drawn = None if GRAPH_SET.isdisjoint(node) else graph(walker, node, path, record)
    if drawn is not None:
        node = drawn
    # {"A1": {"v": "姓名"}, "A2": {"v": "张伟"}}: a SheetJS worksheet, each cell under its heading
    headings = sheet(node, walker.plan_of) if len(node) > 1 and may_be_sheet(next(iter(node))) else None
    if (
        headings is None
        and len(node) > 1
        and all(type(v) is dict for v in node.values())
        and all(walker.keys.clean(k) for k in dict.fromkeys(chain.from_iterable(node.values())))
        and not any(v and _by_row_index(v) and walker.plan_of(k).info is not None for k, v in node.items())
        and not any(held(v, walker.plan_of, k) for k, v in node.items())
    ):
        # (Columns by row index, pandas' to_json(), are walked member by member, under their names;
        # so are values held under their keys: {"xm": {"S": "张伟"}, "sfzh": {"S": …}}, a typed record.)
        return map_members(walker, node, path, record, embed, persons)
    shape: tuple[str, list[str]] | None = None
    pair_of: tuple[str, str] | None = None
    model: tuple[str, dict[str, str]] | None = None
    chart = False
    if not SHAPE_FIELDS.isdisjoint(node):  # one C-level pass: most objects are neither
        shape = table_shape(node, walker.plan_of) if not HEADER_SET.isdisjoint(node) else None
        # {"columns": [{"title": "姓名", "dataIndex": "f1"}], "dataSource": [{"f1": "张伟"}]}: a table's model
        model = column_model(node, walker.plan_of) if shape is None and not HEADER_SET.isdisjoint(node) else None
        # {"name": "xm", "value": "张伟"}: the value is judged under the field name the pair holds
        pair_of = pair(node, walker.plan_of) if may_hold_pairs(node) else None
        # {"labels": ["张伟", "李娜"], "datasets": [{"data": [800, 650]}]}: Chart.js's labels, a chart's axis
        chart = shape is None and "datasets" in node
    # {"sfzh1": "610902", "sfzh2": "199001011234"}: one number in parts, judged whole
    parts = walker.numbers.masks(node, path, record) if walker.numbers.may_split(node) else None
    if not NAME_PART_KEYS.isdisjoint(node):  # {"xing": "张", "ming": "伟"}: one name in parts, judged whole
        name_parts = name_masks(walker.numbers, node, path, record)
        parts = name_parts if parts is None else {**parts, **name_parts} if name_parts is not None else parts
    regional = region_names(node, walker.plan_of)  # {"code": "632801", "name": "格尔木市"}
    # {"colNames": ["姓名", …], "colModel": [{"name": "f1"}, …], "rows": [{"f1": "张伟"}]}: a jqGrid
    grid_names = grid(node, walker.plan_of) if "colNames" in node else None
    out: dict[str, Any] | None = None
    row = walker.regions.rows_of.get(id(node)) if column is not None else None
    unread: list[str] | None = None  # members under no key the catalog knows that may be a masked mobile
    # {"khh": "农商行", "zh": "6221…"}: beside a bank's key, zh (账号) is the bank's account
    bank = banked(node)
    # {"zn": "张小伟", "znsfzh": <ID number>}: a key naming a person as often as not, beside its own ID's
    owned = None if BY_CONTENT.isdisjoint(node) else owners(node, walker.plan_of)
    # {"a": "张伟", "b": <ID number>}: a full name under a key that says nothing, beside a person's number
    start = walker.found() if 1 < len(node) <= _ROW_MEMBERS else None
    named: list[str] | None = None
    for i, (k, v) in enumerate(node.items()):
        new_key = walker.keys.masked(k, path, record)
        # One record in a list is that record ({"张三": [{"sfzh": …}]}); several are an
        # envelope or a category's members far more often than a household under its head.
        one_record = type(v) is list and len(v) == 1 and type(v[0]) is dict
        judged = new_key is None and (type(v) is not list or one_record) and walker.keys.name_shaped(k)
        before = walker.found() if judged else None
        # {"columns": ["xm", …], "data": [["张伟", …], …]}: the rows under their columns' names
        walked = (
            None if shape is None or k != shape[0] else table(walker, v, shape[1], 0, _child(path, k), k, record, embed)
        )
        if grid_names is not None and walked is None and k != "colModel":
            walked = grid_rows(walker, v, node, grid_names, _child(path, k), record, embed)
        if model is not None and walked is None and k != model[0]:
            walked = modelled_rows(walker, v, model, _child(path, k), record, embed)
        if chart and k == "labels":
            labels = walker.cells.labels(v, _child(path, k), record)
            walked = None if labels is None else (labels, True)
        if parts is not None and k in parts:
            new, changed = parts[k], True
        elif walked is None:
            if pair_of is not None and k == pair_of[0]:
                walk_key = pair_of[1]
            elif column is not None:
                walk_key = column
            elif holder is not None and k in HELD_VALUES:
                walk_key = holder
            elif headings is not None:
                walk_key = headings.get(k, k)
            elif k in regional:
                walk_key = None  # a region's name: no person's
            elif bank and k in ACCOUNT_KEYS:
                walk_key = ACCOUNT_KEY
            elif owned and k in owned:
                walk_key = OWNER_KEY  # {"zn": "张小伟", "znsfzh": <ID number>}: a name, weak
            else:
                walk_key = k
            if row is None:
                new, changed = walker.walk(v, _child(path, k), walk_key, record, embed)
                if not changed and type(v) is str and len(v) in _MOBILE_LENGTHS and walker.cells.unknown_key(walk_key):
                    unread = [k] if unread is None else [*unread, k]
                # (not beside a bank's account: {"khh": "农商行", "zh": …} names a bank)
                if (
                    start is not None
                    and not bank
                    and not changed
                    and type(v) is str
                    and 1 < len(v) < 5
                    and full_name(v)
                ):
                    named = [k] if named is None else [*named, k]
            else:  # a column by row index of column-wise records: row "k" is an item of its own
                if walker.persons.names_person(column, v):
                    walker.persons.add(row - int(k))
                outer = walker.regions.enter(row - int(k))
                new, changed = walker.walk(v, _child(path, k), walk_key, record, embed)
                walker.regions.enter(outer)
        else:
            new, changed = walked
        if before is not None and (
            ((persons or personal_record(v)) and full_name(k))
            or walker.names_no_one_else(before, type(v) is dict or one_record)
            or (type(v) is dict and full_name(k) and walker.names_no_one_else(before, False))
            or (type(v) is dict and reached_no_one_else(walker, before) and no_unit(k))
            or (type(v) is str and v.strip() in person_name.RELATIONS)
        ):
            new_key = walker.visit(k, walker.member_name_plan, record, f"{path}{{key}}", True)
        if new_key is not None:
            if out is None:
                out = dict(list(node.items())[:i])
            while new_key in out or new_key in node:  # masked keys must not collide
                new_key += "*"
            out[new_key] = new
        elif out is not None:
            out[k] = new
        elif changed:
            # The members before this one only: one after it whose key is masked is written
            # under the masked key alone (a copy of them all had kept it in clear, its value
            # too, beside the masked one: found by fuzzing).
            out = dict(list(node.items())[:i])
            out[k] = new
    if unread is not None:  # {"a": "张**", "b": "138****8000"}: a masked mobile beside a person
        out = walker.cells.object_mobiles(node, out, unread, path, record)
    if named is not None and start is not None and walker.names_no_one_else(start, False):
        out = walker.cells.object_names(node, out, named, path, record)
    if out is not None:
        return out, True
    return node, drawn is not None


def map_members(
    walker: ColumnWalker, node: dict[str, Any], path: str, record: int, embed: int, persons: bool
) -> tuple[Any, bool]:
    """A map of objects ({ID number: record, ...}): keys one by one, values by column;
    ``persons``: as ``_object``'s."""
    new_keys = [walker.keys.masked(k, path, record) for k in node]
    values = list(node.values())
    before = walker.found()
    changed = columns(walker, values, path, record, embed, False, list(node))
    identified = walker.names_no_one_else(before, True)
    # {"data": {"张伟": {"lxdh": <mobile>, "dz": …}}}: a mobile is a person's, under a full name
    reached = walker.names_no_one_else(before, False)
    personal = [persons or reached or personal_record(v) for v in values]
    # {"data": {"张伟": {"gddh": "0915-…", "dz": …}}}: so are a landline and an address, under
    # a full name that is no office's
    contact = reached_no_one_else(walker, before)
    if identified or contact or any(personal):  # records of persons: keys shaped like names are theirs
        new_keys = [
            walker.visit(k, walker.member_name_plan, record, f"{path}{{key}}", True)
            if new is None
            and walker.keys.name_shaped(k)
            and (identified or (person and full_name(k)) or (contact and type(v) is dict and no_unit(k)))
            else new
            for k, new, person, v in zip(node, new_keys, personal, values, strict=True)
        ]
    if all(k is None for k in new_keys):
        return node, changed
    out: dict[str, Any] = {}
    for key, new_key, value in zip(node, new_keys, values, strict=True):
        if new_key is None:
            out[key] = value
            continue
        while new_key in out or new_key in node:  # masked keys must not collide
            new_key += "*"
        out[new_key] = value
    return out, True


def rows(
    walker: ColumnWalker,
    items: list[dict[str, Any]],
    path: str,
    record: int,
    embed: int,
    is_records: bool,
    fields: bool = False,
) -> tuple[Any, bool]:
    """The objects one by one; ``fields``: they are one record's fields (name/value pairs),
    to region judgement one item even where each is a record to grading (the answer a list
    of pairs, a dynamic form's)."""
    out: list[Any] | None = None
    apart = not is_records and not fields  # objects that are region items of their own
    first = walker.regions.new_items(len(items)) if apart else 0
    around = walker.regions.enter(walker.regions.new_items(1)) if fields and is_records else walker.regions.item
    if is_records:
        walker.persons.listed_rows(items)
    beside = apart and walker.beside(record)
    for i, item in enumerate(items):
        if apart and walker.persons.holds_person(item):
            walker.persons.add(first - i)
            if beside:
                walker.persons.note(first - i, item)
        outer = walker.regions.enter(first - i) if apart else walker.regions.item
        new, changed = members(walker, item, f"{path}[{i}]", i if is_records else record, embed)
        if apart:
            walker.regions.enter(outer)
        if changed:
            out = list(items) if out is None else out
            out[i] = new
    if fields and is_records:
        walker.regions.enter(around)
    return (out, True) if out is not None else (items, False)

"""A relation graph's nodes, for the JSON walk (``fastjson.ColumnWalker``): vis.js' ``{"nodes": [{"id":
1, "label": "张伟"}, …], "edges": [{"from": 1, "to": 2}]}``, ECharts' ``{"type": "graph", "data":
[{"name": "张伟"}, …], "links": [{"source": "张伟", "target": "李娜"}]}``. The nodes' labels say nothing
by their key; when they are all full names (as a chart's axis, ``RowCells.labels``: a graph of
districts, categories or units keeps them) they are masked as names, and an edge's end naming a
node by its label (ECharts' ``source``/``target``) is written as the node's mask. Cytoscape's
``{"elements": {"nodes": [{"data": {"id": "n1", "label": "张伟"}}], "edges": [{"data": {…}}]}}``
holds them one object deeper; a graph of persons beside households or units keeps the latter's
labels and masks the persons' when its nodes say their type (``_typed``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from .entities.name_lists import is_day_or_place
from .name_headings import full_name
from .structured import _child

if TYPE_CHECKING:
    from .fastjson import ColumnWalker

# Members holding the edges, and the nodes beside them.
LINK_FIELDS: Final = ("edges", "links")
LINK_SET: Final = frozenset(LINK_FIELDS)
# Cytoscape's array form: nodes and edges in one list under elements, told apart by their ends.
_ELEMENTS: Final = "elements"
GRAPH_SET: Final = frozenset((*LINK_FIELDS, _ELEMENTS))  # an object holding none is no graph (one C-level pass)
_NODE_FIELDS: Final = ("nodes", "data", "vertices")
# A node's member holding its label, and an edge's members naming its ends.
_LABELS: Final = ("label", "name", "title", "text")
_ENDS: Final = ("source", "target", "from", "to")
_DATA: Final = "data"
_PERSON: Final = "PERSON_NAME"
_CY_LABELS: Final = (*_LABELS, "id")
# A node's member saying what it is, and the values saying a person (a graph of a household's
# members beside the household, its unit or its village: those are no persons).
_TYPES: Final = ("type", "category", "group", "kind", "nodeType", "lx")
_PERSON_TYPES: Final = frozenset(
    ("person", "people", "member", "resident", "individual", "人员", "人", "个人", "成员", "家庭成员", "居民", "户主")
)


def graph(walker: ColumnWalker, node: dict[str, Any], path: str, record: int) -> dict[str, Any] | None:
    """A copy of ``node`` with its nodes' labels masked (and the edges' ends naming them), when
    it is a graph whose nodes' labels are all full names, or whose nodes say by their type which
    are persons (``_typed``); None otherwise. Cytoscape's nodes and edges hold their members one
    object deeper, under ``data``."""
    edges_at = next((field for field in LINK_FIELDS if type(node.get(field)) is list), None)
    if edges_at is None:
        return _array(walker, node, path, record) if type(node.get(_ELEMENTS)) is list else None
    for nodes_at in _NODE_FIELDS:
        nodes = node.get(nodes_at)
        if type(nodes) is list and nodes and all(type(item) is dict for item in nodes):
            break
    else:
        return None
    # {"elements": {"nodes": [{"data": {"id": "n1", "label": "张伟"}}], "edges": [{"data": …}]}}
    deeper = _DATA in nodes[0] and all(type(item.get(_DATA)) is dict for item in nodes)
    inner: list[dict[str, Any]] = [item[_DATA] for item in nodes] if deeper else nodes
    # Cytoscape's node may be known by its id alone ({"data": {"id": "张伟"}}, the edges' ends naming it)
    member = next((field for field in (_CY_LABELS if deeper else _LABELS) if field in inner[0]), None)
    if member is None:
        return None
    labels = [item.get(member) for item in inner]
    at = _child(path, nodes_at)
    masked = walker.cells.labels(labels, at, record)
    if masked is None:
        masked = _typed(walker, inner, labels, at, record)
    if masked is None:
        masked = _beside_households(walker, labels, at, record)
    if masked is None:
        masked = _keyed(walker, labels, member, at, record)
    if masked is None:
        return None
    as_masked = {old: new for old, new in zip(labels, masked, strict=True) if type(old) is str and new is not old}
    edges: list[Any] = []
    for edge in node[edges_at]:
        if type(edge) is dict:
            ends_in = edge[_DATA] if deeper and type(edge.get(_DATA)) is dict else edge
            ends = {
                end: as_masked[ends_in[end]]
                for end in _ENDS
                if type(ends_in.get(end)) is str and ends_in[end] in as_masked
            }
            if ends:
                edge = {**edge, _DATA: {**ends_in, **ends}} if ends_in is not edge else {**edge, **ends}
        edges.append(edge)
    new_inner = [{**item, member: label} for item, label in zip(inner, masked, strict=True)]
    new_nodes = [{**item, _DATA: new} for item, new in zip(nodes, new_inner, strict=True)] if deeper else new_inner
    return {**node, nodes_at: new_nodes, edges_at: edges}


def _typed(
    walker: ColumnWalker, nodes: list[dict[str, Any]], labels: list[Any], path: str, record: int
) -> list[Any] | None:
    """The labels with those of the nodes typed as persons masked as names, when they are full
    names (``{"label": "张伟", "type": "person"}`` beside ``{"label": "城关镇幸福村3组", "type":
    "household"}``: a graph of persons and households, or units, which the all-names test keeps);
    None when no node is typed so."""
    cells = walker.cells
    masked: list[Any] | None = None
    for i, item in enumerate(nodes):
        kind = next((item[field] for field in _TYPES if type(item.get(field)) is str), None)
        if kind is None or kind.strip().lower() not in _PERSON_TYPES:
            continue
        label = labels[i]
        if type(label) is not str or not 1 < len(label) < 5 or not full_name(label) or is_day_or_place(label):
            continue
        if not cells.keys.name_shaped(label):
            continue
        new = cells.visit(label, cells.member_name_plan, record, f"{path}[{i}]", True)
        if new is not None:
            masked = list(labels) if masked is None else masked
            masked[i] = new
    return masked


def _array(walker: ColumnWalker, node: dict[str, Any], path: str, record: int) -> dict[str, Any] | None:
    """``graph`` for Cytoscape's array form (``{"elements": [{"data": {"id": "n1", "label": "张伟"},
    "group": "nodes"}, {"data": {"source": "n1", "target": "n2"}, "group": "edges"}]}``): the
    elements holding both ends under ``data`` are the edges, the others the nodes; they are judged
    as the object form's and put back in their places."""
    elements = node[_ELEMENTS]
    if not elements or not all(type(item) is dict and type(item.get(_DATA)) is dict for item in elements):
        return None
    edges = [i for i, item in enumerate(elements) if "source" in item[_DATA] and "target" in item[_DATA]]
    if not edges or len(edges) == len(elements):
        return None
    at = set(edges)
    nodes = [i for i in range(len(elements)) if i not in at]
    apart = {"nodes": [elements[i] for i in nodes], "edges": [elements[i] for i in edges]}
    drawn = graph(walker, apart, _child(path, _ELEMENTS), record)
    if drawn is None:
        return None
    out = list(elements)
    for places, field in ((nodes, "nodes"), (edges, "edges")):
        for i, item in zip(places, drawn[field], strict=True):
            out[i] = item
    return {**node, _ELEMENTS: out}


# A household's or a dwelling's label: 张伟户, 李家, 幸福村3组, 幸福村3组12号, 2栋501室.
_DWELLING: Final = re.compile(r"(?:户|家|家庭|村|组|社区|小区|号|室|栋|单元)$")


def _beside_households(walker: ColumnWalker, labels: list[Any], path: str, record: int) -> list[Any] | None:
    """The labels with the full names masked, in a graph without types whose other nodes are all
    households or dwellings (``{"label": "张伟"}`` beside ``{"label": "幸福村3组12号"}``: a family's
    graph, members linked to their household); None otherwise. A graph of units, districts or
    reports beside names (民政局, 城关镇) keeps them all, as an axis does."""
    cells = walker.cells
    names: list[int] = []
    dwellings = 0
    for i, label in enumerate(labels):
        if type(label) is not str:
            return None
        if 1 < len(label) < 5 and full_name(label) and not is_day_or_place(label) and cells.keys.name_shaped(label):
            names.append(i)
        elif _DWELLING.search(label) is not None:
            dwellings += 1
        else:
            return None
    if not names or not dwellings:
        return None
    masked = list(labels)
    for i in names:
        new = cells.visit(labels[i], cells.member_name_plan, record, f"{path}[{i}]", True)
        if new is not None:
            masked[i] = new
    return masked


def _keyed(walker: ColumnWalker, labels: list[Any], member: str, path: str, record: int) -> list[Any] | None:
    """The labels as the walk masks them under their member's key when the catalog knows it as a
    name's (ECharts' ``{"name": "张伟"}`` beside ``{"name": "民政局"}``: the walk masks the one and
    keeps the other, and the edge naming ``张伟`` by its label went out in clear); None when none
    is masked so."""
    plan = walker.plan_of(member)
    if plan.info is None or plan.info.entity != _PERSON:
        return None
    masked: list[Any] | None = None
    for i, label in enumerate(labels):
        if type(label) is str:
            new = walker.cells.visit(label, plan, record, f"{path}[{i}]", True)
            if new is not None:
                masked = list(labels) if masked is None else masked
                masked[i] = new
    return masked


def elements(walker: ColumnWalker, items: list[dict[str, Any]], path: str, record: int) -> list[Any] | None:
    """Cytoscape's array form at the top of a document or under a key of another name (``[{"data":
    {"id": "n1", "label": "张伟"}}, …, {"data": {"source": "n1", "target": "n2"}}]``): the elements
    with their nodes' labels masked as ``_array`` masks them, or None when they are no graph."""
    drawn = _array(walker, {_ELEMENTS: items}, path, record)
    return None if drawn is None else list(drawn[_ELEMENTS])

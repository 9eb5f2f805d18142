"""A relation graph's nodes, for the JSON walk (``fastjson.ColumnWalker``): vis.js' ``{"nodes": [{"id":
1, "label": "张伟"}, …], "edges": [{"from": 1, "to": 2}]}``, ECharts' ``{"type": "graph", "data":
[{"name": "张伟"}, …], "links": [{"source": "张伟", "target": "李娜"}]}``. The nodes' labels say nothing
by their key; when they are all full names (as a chart's axis, ``RowCells.labels``: a graph of
districts, categories or units keeps them) they are masked as names, and an edge's end naming a
node by its label (ECharts' ``source``/``target``) is written as the node's mask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from .structured import _child

if TYPE_CHECKING:
    from .fastjson import ColumnWalker

# Members holding the edges, and the nodes beside them.
LINK_FIELDS: Final = ("edges", "links")
LINK_SET: Final = frozenset(LINK_FIELDS)  # an object holding none is no graph (one C-level pass)
_NODE_FIELDS: Final = ("nodes", "data", "vertices")
# A node's member holding its label, and an edge's members naming its ends.
_LABELS: Final = ("label", "name", "title", "text")
_ENDS: Final = ("source", "target", "from", "to")


def graph(walker: ColumnWalker, node: dict[str, Any], path: str, record: int) -> dict[str, Any] | None:
    """A copy of ``node`` with its nodes' labels masked (and the edges' ends naming them), when
    it is a graph whose nodes' labels are all full names; None otherwise."""
    edges_at = next((field for field in LINK_FIELDS if type(node.get(field)) is list), None)
    if edges_at is None:
        return None
    for nodes_at in _NODE_FIELDS:
        nodes = node.get(nodes_at)
        if type(nodes) is list and nodes and all(type(item) is dict for item in nodes):
            break
    else:
        return None
    member = next((field for field in _LABELS if field in nodes[0]), None)
    if member is None:
        return None
    labels = [item.get(member) for item in nodes]
    masked = walker.cells.labels(labels, _child(path, nodes_at), record)
    if masked is None:
        return None
    as_masked = dict(zip(labels, masked, strict=True))
    edges: list[Any] = []
    for edge in node[edges_at]:
        if type(edge) is dict:
            ends = {end: as_masked[edge[end]] for end in _ENDS if type(edge.get(end)) is str and edge[end] in as_masked}
            edge = {**edge, **ends} if ends else edge
        edges.append(edge)
    new_nodes = [{**item, member: label} for item, label in zip(nodes, masked, strict=True)]
    return {**node, nodes_at: new_nodes, edges_at: edges}

"""deploy/dashboards/minguard.ndjson in OpenSearch Dashboards' import format: one saved object
per line, with type/id/attributes; every reference resolves inside the file; every field a
view uses exists in the audit index mapping (audit/opensearch.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from audit.opensearch import index_template

NDJSON = Path(__file__).resolve().parents[2] / "deploy" / "dashboards" / "minguard.ndjson"
TYPES = {"index-pattern", "search", "visualization", "dashboard"}


def objects() -> list[dict[str, Any]]:
    return [json.loads(line) for line in NDJSON.read_text(encoding="utf-8").splitlines() if line.strip()]


def mapped_fields() -> set[str]:
    template = index_template("minguard-audit")
    mappings = template.get("template", template)["mappings"]
    fields: set[str] = set()

    def walk(props: dict[str, Any], prefix: str) -> None:
        for name, spec in props.items():
            if "properties" in spec:
                walk(spec["properties"], prefix + name + ".")
            else:
                fields.add(prefix + name)

    walk(mappings["properties"], "")
    return fields


def test_each_line_is_a_saved_object() -> None:
    found = objects()
    assert len({(o["type"], o["id"]) for o in found}) == len(found)
    for o in found:
        assert o["type"] in TYPES and isinstance(o["id"], str) and o["id"]
        assert isinstance(o["attributes"], dict) and o["attributes"]["title"]
        assert isinstance(o.get("references", []), list)
    assert {o["type"] for o in found} == TYPES


def test_references_resolve_and_ref_names_are_declared() -> None:
    found = objects()
    ids = {(o["type"], o["id"]) for o in found}
    for o in found:
        names = {r["name"] for r in o["references"]}
        for ref in o["references"]:
            assert (ref["type"], ref["id"]) in ids, f"{o['id']}: {ref} does not resolve"
        attributes = o["attributes"]
        source = attributes.get("kibanaSavedObjectMeta", {}).get("searchSourceJSON")
        if source:
            ref_name = json.loads(source).get("indexRefName")
            assert ref_name is None or ref_name in names
        for panel in json.loads(attributes.get("panelsJSON", "[]")):
            assert panel["panelRefName"] in names


def test_views_use_only_mapped_fields() -> None:
    fields = mapped_fields()
    used: set[str] = set()
    for o in objects():
        a = o["attributes"]
        used.update(a.get("columns", []))
        used.update(a.get("timeFieldName", "") and [a["timeFieldName"]])
        for agg in json.loads(a.get("visState", "{}")).get("aggs", []):
            if "field" in agg["params"]:
                used.add(agg["params"]["field"])
        source = a.get("kibanaSavedObjectMeta", {}).get("searchSourceJSON")
        if source:
            query = json.loads(source)["query"]["query"]
            used.update(re.findall(r"([a-z@][\w.]*)\s*(?::|>|<)", query))
    assert used and used <= fields, used - fields


def test_the_officers_views_are_there() -> None:
    titles = " ".join(o["attributes"]["title"] for o in objects() if o["type"] == "search")
    for view in ("拒绝", "明文", "核心数据"):
        assert view in titles

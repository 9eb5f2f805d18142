"""Whole-column shortcuts must never skip what the per-value path would find."""

import json

from classifiers.columns import business_clean, join
from classifiers.inspect import Inspector
from policies.masking import load_profiles
from support.synth_people import make_id

INSPECTOR = Inspector()
LABELS = load_profiles().get("statistician")
ID = make_id()


def test_business_column_is_clean_only_without_acceptable_values() -> None:
    assert business_clean(join(["AK2024000123", "2024-01-05", 580, 1.5, None]) or "")
    assert not business_clean(join(["246549468074510955", ID]) or "")  # a valid ID among serials
    assert not business_clean(join([f"{ID[:6]} {ID[6:14]} {ID[14:]}"]) or "")  # grouped
    assert not business_clean(join(["a@b.cn"]) or "")
    assert join([{"a": 1}]) is None


def test_business_and_map_columns_still_masked() -> None:
    records = {k: {"serialNo": s, "amount": 5} for k, s in (("a", "246549468074510955"), ("b", ID))}
    result = INSPECTOR.inspect(json.dumps({"byKey": records}).encode(), "application/json", None, LABELS)
    out = json.loads(result.body)["byKey"]
    assert out["a"]["serialNo"] == "246549468074510955" and out["b"]["serialNo"] == "<RESIDENT_ID>"
    assert [f.path for f in result.findings] == ["$.byKey.b.serialNo"]

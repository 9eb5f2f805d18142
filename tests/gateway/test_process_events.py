"""The gateway's start and stop entries: settings named, never valued; what changed since the
slot's previous start (gateway/process_events.py)."""

from __future__ import annotations

from pathlib import Path

from gateway.process_events import (
    MAX_NAMED,
    PreviousRun,
    changed,
    digest,
    flat_settings,
    read_snapshot,
    start_entry,
    write_snapshot,
)
from gateway.settings import ApiKey, Settings

HASH = "5d" * 32


def settings(**audit: object) -> Settings:
    return Settings.model_validate({"audit": audit})


def test_settings_are_named_section_by_section_and_api_keys_by_id() -> None:
    key = {"id": "svc-a", "sha256": HASH, "subject": "zhangwei", "kind": "person", "region": "610902"}
    base = Settings.model_validate({"identity": {"api_keys": [key | {"roles": ["caseworker"]}]}})
    flat = flat_settings(base, {"policy.files_version": '"abc"'})
    assert flat["audit.max_spool_bytes"] == "1073741824"
    assert "identity.api_keys[svc-a]" in flat and "identity.api_keys" not in flat
    assert flat["policy.files_version"] == '"abc"'
    # A key given an administrator's role, and a key added, are named by their ids.
    keys = [
        ApiKey.model_validate(key | {"roles": ["security_admin"]}),
        ApiKey.model_validate(key | {"id": "svc-b", "sha256": "6e" * 32, "roles": ["caseworker"]}),
    ]
    other = base.model_copy(update={"identity": base.identity.model_copy(update={"api_keys": keys})})
    assert changed(flat, flat_settings(other, {"policy.files_version": '"abc"'})) == [
        "identity.api_keys[svc-a]",
        "identity.api_keys[svc-b]",
    ]


def test_changed_names_additions_removals_and_new_values() -> None:
    assert changed({"a": "1", "b": "2"}, {"b": "3", "c": "4"}) == ["a", "b", "c"]
    assert changed({"a": "1"}, {"a": "1"}) == []
    assert digest({"a": "1", "b": "2"}) == digest({"b": "2", "a": "1"}) != digest({"a": "1", "b": "3"})


def test_start_entries_first_unchanged_and_changed(tmp_path: Path) -> None:
    before = flat_settings(settings(), {})
    first = start_entry("gw", before, read_snapshot(tmp_path))
    assert first["event"]["action"] == "gateway.start" and first["event"]["kind"] == "lifecycle"
    assert first["minguard"]["gateway"]["first_start"] is True
    assert first["minguard"]["summary_zh"].endswith("本实例无上次启动记录")
    write_snapshot(tmp_path, before, running=None)
    same = start_entry("gw", before, read_snapshot(tmp_path))["minguard"]
    assert same["gateway"]["changed_count"] == 0 and same["summary_zh"].endswith("配置与上次启动相同")
    after = flat_settings(settings(max_spool_bytes=65536), {})
    entry = start_entry("gw", after, read_snapshot(tmp_path))
    gateway = entry["minguard"]["gateway"]
    assert entry["event"]["type"] == ["start", "change"]
    assert gateway["changed_settings"] == ["audit.max_spool_bytes"]
    assert gateway["previous_config_sha256"] == digest(before) != gateway["config_sha256"]
    assert "audit.max_spool_bytes" in entry["minguard"]["summary_zh"]
    assert "65536" not in str(entry)  # names, never values


def test_many_changes_are_counted_and_named_up_to_a_bound() -> None:
    previous = {f"k{i:03}": "1" for i in range(MAX_NAMED + 5)}
    gateway = start_entry("gw", {}, PreviousRun(previous, stop_recorded=True))["minguard"]["gateway"]
    assert gateway["changed_count"] == MAX_NAMED + 5 and len(gateway["changed_settings"]) == MAX_NAMED


def test_an_unreadable_snapshot_counts_as_no_previous_start(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    assert read_snapshot(tmp_path) is None
    (tmp_path / "settings.json").write_text('{"settings": {"a": 1}}', encoding="utf-8")
    assert read_snapshot(tmp_path) is None


def test_a_run_whose_stop_is_not_on_record_is_named_at_the_next_start(tmp_path: Path) -> None:
    flat = flat_settings(settings(), {})
    write_snapshot(tmp_path, flat, running={"pid": 4321, "started_at": "2026-11-30T08:00:00.000Z"})
    entry = start_entry("gw", flat, read_snapshot(tmp_path))
    gateway = entry["minguard"]["gateway"]
    assert gateway["previous_run"] == {"stop_recorded": False, "pid": 4321, "started_at": "2026-11-30T08:00:00.000Z"}
    assert entry["event"]["type"] == ["start", "error"]
    assert "上次运行(进程 4321,启动于 2026-11-30T08:00:00.000Z)没有停止记录" in entry["minguard"]["summary_zh"]
    assert entry["minguard"]["summary_zh"].endswith("配置与上次启动相同")
    # A clean stop clears the mark.
    write_snapshot(tmp_path, flat, running=None)
    clean = start_entry("gw", flat, read_snapshot(tmp_path))
    assert clean["minguard"]["gateway"]["previous_run"] == {"stop_recorded": True}
    assert clean["event"]["type"] == ["start"] and "没有停止记录" not in clean["minguard"]["summary_zh"]


def test_a_snapshot_from_before_the_running_mark_claims_nothing_about_the_stop(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"settings": {"a": "1"}}', encoding="utf-8")
    previous = read_snapshot(tmp_path)
    assert previous == PreviousRun({"a": "1"}, stop_recorded=None)
    assert "previous_run" not in start_entry("gw", {"a": "1"}, previous)["minguard"]["gateway"]

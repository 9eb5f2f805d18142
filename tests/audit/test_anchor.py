"""The spool as an anchor for the trail: what a slot shipped, and the trail held against it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from audit.anchor import Anchor, AnchorError, read_anchors
from audit.chain import event_hash
from audit.spool import Spool
from audit.verify import check_anchor

from .test_chain import append_all, event, lines, make


def shipped(tmp_path: Path, events: int, ship: int, segment_bytes: int = 1 << 20) -> tuple[Spool, list[dict[str, Any]]]:
    """A slot with `events` appended, of which the first `ship` lines were shipped."""
    spool = make(tmp_path, every=5, segment_bytes=segment_bytes)
    append_all(spool, [event(i) for i in range(events)])
    written = lines(spool)
    position = spool.read(spool.read_cursor(), ship)[1] if ship else spool.read_cursor()
    spool.commit(position, 0)
    return spool, written


def test_the_anchor_is_the_last_line_before_the_cursor(tmp_path: Path) -> None:
    spool, written = shipped(tmp_path, 12, 9)
    (anchor,) = read_anchors(tmp_path)
    last = written[8]["minguard"]["chain"]
    assert (anchor.instance, anchor.seq, anchor.hash) == ("gw", last["seq"], last["hash"])
    assert anchor.event_id == written[8]["event"]["id"]
    spool.close()


def test_a_slot_that_shipped_every_segment_still_names_its_last_entry(tmp_path: Path) -> None:
    """The shipper deletes spent segments: the next line's link, or the chain state kept for the
    start of the segment being written, says where shipping stopped."""
    spool = make(tmp_path, every=5, segment_bytes=2048)
    n = 0
    while n < 30 or spool.end.offset != 0:  # stop right after a rotation: the newest segment is empty
        append_all(spool, [event(n)])
        n += 1
    written = lines(spool)
    spool.commit(spool.end, 0)
    assert [(spool.directory / f"{s:012d}.jsonl").stat().st_size for s in spool.segments()] == [0]
    spool.close()  # the closing flush writes the chain state of the empty segment
    (anchor,) = read_anchors(tmp_path)
    assert (anchor.seq, anchor.hash, anchor.event_id) == (
        written[-1]["minguard"]["chain"]["seq"],
        written[-1]["minguard"]["chain"]["hash"],
        None,
    )
    spool = make(tmp_path, every=5, segment_bytes=2048)
    append_all(spool, [event(n)])  # unshipped: its link names the last shipped entry
    (spool.directory / "chain.json").unlink()
    (again,) = read_anchors(tmp_path)
    assert (again.seq, again.hash) == (anchor.seq, anchor.hash)
    spool.close()


def test_slots_without_shipped_entries_give_no_anchor(tmp_path: Path) -> None:
    spool, _ = shipped(tmp_path, 3, 0)
    (tmp_path / "_metrics").mkdir()  # the metrics directory beside the slots
    assert read_anchors(tmp_path) == []
    spool.close()


def test_an_unreadable_slot_stops_the_check(tmp_path: Path) -> None:
    spool, _ = shipped(tmp_path, 3, 2)
    (spool.directory / "cursor.json").write_text("{", encoding="utf-8")
    with pytest.raises(AnchorError):
        read_anchors(tmp_path)
    with pytest.raises(AnchorError):
        read_anchors(tmp_path / "missing")
    spool.close()


def test_events_opensearch_refused_are_known_to_the_anchor(tmp_path: Path) -> None:
    spool, written = shipped(tmp_path, 6, 6)
    refused = {"event": written[-1], "error": {"type": "mapper_parsing_exception"}}
    (spool.directory / "rejected.jsonl").write_text(json.dumps(refused) + "\n", encoding="utf-8")
    (anchor,) = read_anchors(tmp_path)
    assert anchor.rejected == {written[-1]["minguard"]["chain"]["seq"]}
    spool.close()


# -- the trail held against an anchor ------------------------------------------------------
def anchor_of(entry: dict[str, Any], rejected: frozenset[int] = frozenset()) -> Anchor:
    chain = entry["minguard"]["chain"]
    return Anchor(chain["instance"], chain["seq"], chain["hash"], entry["event"]["id"], rejected)


def kinds(findings: list[Any]) -> list[tuple[str, int | None]]:
    return [(f.kind, f.seq) for f in findings]


def test_a_trail_that_reaches_the_anchor_passes(tmp_path: Path) -> None:
    spool, written = shipped(tmp_path, 8, 8)
    anchor = anchor_of(written[7])
    assert check_anchor(anchor, written[7:], None) == []
    assert check_anchor(anchor_of(written[5]), written[5:], None) == []  # more shipped since the spool was read
    spool.close()


def test_a_trail_cut_back_before_the_anchor_is_reported(tmp_path: Path) -> None:
    spool, written = shipped(tmp_path, 8, 8)
    anchor = anchor_of(written[-1])
    (finding,) = check_anchor(anchor, [], newest=5)
    assert (finding.kind, finding.seq, finding.event_id) == ("deleted", anchor.seq, anchor.event_id)
    assert f"第 6–{anchor.seq} 条被删除" in finding.message_zh and "网关主机上的审计缓存" in finding.message_zh
    assert f"seq 6–{anchor.seq} were deleted" in finding.message
    spool.close()


def test_a_chain_deleted_whole_is_reported(tmp_path: Path) -> None:
    spool, written = shipped(tmp_path, 4, 4)
    (finding,) = check_anchor(anchor_of(written[-1]), [], newest=None)
    assert finding.kind == "deleted" and "整条链被删除" in finding.message_zh
    spool.close()


def test_a_rewritten_and_rehashed_entry_is_reported(tmp_path: Path) -> None:
    """The entries after the last checkpoint are not signed: rewritten and re-hashed, only the
    spool's copy of the hash shows it."""
    spool, written = shipped(tmp_path, 8, 8)
    last = copy.deepcopy(written[-1])
    anchor = anchor_of(last)
    last["minguard"]["summary_zh"] = "无访问"
    last["minguard"]["chain"]["hash"] = event_hash(last, "sha256")
    assert kinds(check_anchor(anchor, [last], None)) == [("altered", anchor.seq)]
    spool.close()


def test_entries_refused_by_opensearch_are_not_missed(tmp_path: Path) -> None:
    spool, written = shipped(tmp_path, 8, 8)
    seq = written[-1]["minguard"]["chain"]["seq"]
    assert check_anchor(anchor_of(written[-1], frozenset({seq})), [], newest=seq - 1) == []
    assert kinds(check_anchor(anchor_of(written[-1], frozenset({seq})), [], newest=seq - 2)) == [("deleted", seq)]
    spool.close()

"""Detection benchmark: the shipped rules over 1, 3 and 10 million audit events in OpenSearch.

    .venv/bin/python bench/detection.py generate --events 1000000 --day 2026-09-08
    .venv/bin/python bench/detection.py measure --day 2026-09-08 [--rounds 2]
    .venv/bin/python bench/detection.py report [--out docs/benchmarks-detection.md]
    .venv/bin/python bench/detection.py profile --day 2026-11-03 --rule misuse.person_many_users

Use a node of its own (MINGUARD_OS_PORT=9305 MINGUARD_OS_HEAP=3g bash deploy/opensearch/node.sh
start): `generate` writes straight into `<prefix>-YYYY.MM` with the project's audit template
(audit/opensearch.py), bulk `create` with the event id as `_id`, as the shipper does.

Each size lives on a day of its own (by default 1M on 2026-09-08, 3M on 2026-10-13, 10M on
2026-11-03, all Tuesdays, in different months, 7-day and 30-day windows), so that a rule run
over one day sees only that day's events, and every size can be measured again after a change
to the engine. `measure` times, per rule: the aggregation searches over all its windows that
touch the day (one per window), the evidence searches of its hits, and `runner.run` for the
whole set (what `minguard detect run` does, alerts written); and a baseline: a plain count of
the day's events. Each measurement records the load average: the machine is shared.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from detection_data import TZ, worker_main  # noqa: E402
from opensearchpy import OpenSearch  # noqa: E402

from audit.detection.definitions import RULES_DIR, load_rules  # noqa: E402
from audit.detection.query import hits, search_body, windows  # noqa: E402
from audit.detection.reference import join  # noqa: E402
from audit.detection.runner import RuleResult, collect_evidence, pages  # noqa: E402
from audit.detection.runner import run as run_rules  # noqa: E402
from audit.opensearch import index_template  # noqa: E402
from audit.signing import CheckpointSigner  # noqa: E402

URL = "http://127.0.0.1:" + os.environ.get("MINGUARD_OS_PORT", "9305")
PREFIX = "mgbench"
RESULTS = ROOT / "var" / "bench" / "detection"
# Reference loads are signed and checked (audit/detection/integrity.py); the bench's synthetic
# data gets a fixed key of its own, so that `reference` and `measure` may run as separate steps.
SIGNER = CheckpointSigner(Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"minguard bench only").digest()))
MARK_BEGIN, MARK_END = "<!-- bench:begin -->", "<!-- bench:end -->"
PARAMS = {"ignore_unavailable": "true", "allow_no_indices": "true", "request_cache": "false"}


def client() -> OpenSearch:
    return OpenSearch(hosts=[URL], timeout=600)


def day_range(day: str) -> tuple[datetime, datetime]:
    start = datetime.fromisoformat(day).replace(tzinfo=TZ)
    return start, start + timedelta(days=1)


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def generate(events: int, day: str, workers: int, seed: int) -> None:
    os_client = client()
    os_client.indices.put_index_template(name=PREFIX, body=index_template(PREFIX))
    start, _ = day_range(day)
    index = f"{PREFIX}-{start.astimezone(UTC).strftime('%Y.%m')}"  # the shipper's monthly index (UTC)
    os_client.indices.create(index=index, ignore=[400])
    # Bulk loading: no refresh and async translog while loading, as for any bulk import;
    # the template's settings are put back before anything is measured.
    os_client.indices.put_settings(index=index, body={"refresh_interval": "-1", "translog.durability": "async"})
    began, load_before = time.perf_counter(), load()
    with ProcessPoolExecutor(workers) as pool:
        futures = [
            pool.submit(worker_main, URL, index, start.isoformat(), events, w, workers, seed) for w in range(workers)
        ]
        sent = sum(f.result() for f in futures)
    seconds = time.perf_counter() - began
    os_client.indices.put_settings(index=index, body={"refresh_interval": "1s", "translog.durability": "request"})
    os_client.indices.refresh(index=index)
    stats = os_client.indices.stats(index=index, metric="docs,store,segments")["indices"][index]["primaries"]
    record = {
        "day": day, "index": index, "events": sent, "seconds": round(seconds, 1), "rate": round(sent / seconds),
        "load_before": load_before, "load_after": load(), "docs_in_index": stats["docs"]["count"],
        "store_bytes": stats["store"]["size_in_bytes"], "segments": stats["segments"]["count"],
    }  # fmt: skip
    save(f"generate-{day}", record)
    print(json.dumps(record))


def reference() -> None:
    from detection_data import reference_documents

    from audit.detection.integrity import record_load
    from audit.detection.reference import load as load_reference

    os_client = client()
    for name, docs in reference_documents().items():
        written, removed = load_reference(os_client, PREFIX, name, docs)
        record_load(os_client, PREFIX, name, docs, SIGNER, "bench", "0" * 32)
        print(f"{name}: {written} documents ({removed} removed)")


def took(os_client: OpenSearch, index: str, body: dict[str, Any]) -> tuple[float, dict[str, Any]]:
    began = time.perf_counter()
    answer = os_client.search(index=index, body=body, params=PARAMS)
    return time.perf_counter() - began, answer


def measure(day: str, rounds: int) -> None:
    os_client, rules = client(), load_rules(RULES_DIR)
    start, end = day_range(day)
    index = f"{PREFIX}-*"
    day_filter = {"range": {"@timestamp": {"gte": start.isoformat(), "lt": end.isoformat()}}}
    count_body = {
        "size": 0,
        "track_total_hits": True,
        "query": {"bool": {"filter": [{"term": {"event.kind": "event"}}, day_filter]}},
    }
    record: dict[str, Any] = {"day": day, "rounds": []}
    for n in range(rounds):
        round_: dict[str, Any] = {"load_before": load(), "rules": []}
        seconds, answer = took(os_client, index, count_body)
        round_["count_seconds"], round_["events"] = seconds, answer["hits"]["total"]["value"]
        # A second baseline with the shape of most rules: terms on user.id over the same day.
        terms_body = {
            **count_body,
            "track_total_hits": False,
            "aggs": {"u": {"terms": {"field": "user.id", "size": 1000}}},
        }
        round_["terms_seconds"] = took(os_client, index, terms_body)[0]
        for rule in rules:
            agg = evidence = 0.0
            found = 0
            paged = RuleResult(rule.id)  # counts the composite pages and groups, as runner.evaluate
            for window in windows(rule, start, end):
                began = time.perf_counter()
                # Every page of groups, the threshold and the reference join: as runner.evaluate.
                joined = join(os_client, PREFIX, rule, list(hits(rule, pages(os_client, PREFIX, rule, window, paged))))
                agg += time.perf_counter() - began
                began = time.perf_counter()
                collect_evidence(os_client, PREFIX, rule, window, joined)  # as runner.evaluate: msearch
                evidence += time.perf_counter() - began
                found += len(joined)
            n_windows = len(windows(rule, start, end))
            round_["rules"].append(
                {
                    "rule": rule.id,
                    "windows": n_windows,
                    "agg_seconds": agg,
                    "evidence_seconds": evidence,
                    "hits": found,
                    "pages": paged.pages,
                    "groups": paged.groups,
                }
            )
            print(
                f"round {n}: {rule.id}: {n_windows} windows, {paged.pages} pages, {paged.groups} groups, "
                f"agg {agg:.2f} s, {found} hits, evidence {evidence:.2f} s",
                flush=True,
            )
        began = time.perf_counter()
        result = run_rules(os_client, PREFIX, rules, start, end, SIGNER.public_key)
        round_["run_seconds"] = time.perf_counter() - began
        round_["alerts_created"], round_["alerts_existing"] = result.created, result.existing
        round_["load_after"] = load()
        print(
            f"round {n}: count {round_['count_seconds']:.2f} s; runner.run {round_['run_seconds']:.1f} s; load {round_['load_after']}",
            flush=True,
        )
        record["rounds"].append(round_)
    save(f"measure-{day}", record)


def profile(day: str, rule_id: str) -> None:
    """The slowest window of one rule with `profile: true`: where the time goes."""
    os_client, (rule,) = client(), load_rules(RULES_DIR, rule_id)
    start, end = day_range(day)
    slowest = max(windows(rule, start, end), key=lambda w: took(os_client, f"{PREFIX}-*", search_body(rule, w))[0])
    answer = os_client.search(index=f"{PREFIX}-*", body={**search_body(rule, slowest), "profile": True}, params=PARAMS)
    for shard in answer["profile"]["shards"]:
        for search in shard["searches"]:
            for q in search["query"]:
                print(f"query {q['type']}: {q['time_in_nanos'] / 1e6:.1f} ms")
        for agg in shard["aggregations"]:
            print(f"agg {agg['type']} {agg['description']}: {agg['time_in_nanos'] / 1e6:.1f} ms {agg.get('debug', {})}")
            for child in agg.get("children", []):
                print(
                    f"  child {child['type']} {child['description']}: {child['time_in_nanos'] / 1e6:.1f} ms {child.get('debug', {})}"
                )
    print(f"took {answer['took']} ms; load {load()}")


def save(name: str, record: dict[str, Any]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    record["machine"] = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "at": datetime.now(TZ).isoformat(),
    }
    (RESULTS / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--events", type=int, required=True)
    g.add_argument("--day", required=True)
    g.add_argument("--workers", type=int, default=2)
    g.add_argument("--seed", type=int, default=1)
    m = sub.add_parser("measure")
    m.add_argument("--day", required=True)
    m.add_argument("--rounds", type=int, default=2)
    p = sub.add_parser("profile")
    p.add_argument("--day", required=True)
    p.add_argument("--rule", required=True)
    sub.add_parser("reference", help="load the synthetic staff register and death records")
    r = sub.add_parser("report")
    r.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks-detection.md")
    args = parser.parse_args()
    if args.command == "generate":
        generate(args.events, args.day, args.workers, args.seed)
    elif args.command == "measure":
        measure(args.day, args.rounds)
    elif args.command == "reference":
        reference()
    elif args.command == "profile":
        profile(args.day, args.rule)
    else:
        from detection_report import write

        write(RESULTS, args.out, MARK_BEGIN, MARK_END)


if __name__ == "__main__":
    main()

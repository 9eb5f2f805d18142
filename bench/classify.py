"""Fast path vs presidio on the labelled corpus: throughput, latency and recall in one run.

    .venv/bin/python bench/classify.py [--records 10000] [--out docs/classifiers.md]

* fast path: ``Inspector.inspect`` over every corpus document (JSON, CSV, text) with the
  caseworker profile (partial masks: the costliest) and with the strict one; MB/s of bodies;
* latency: one 10-record JSON document of about 4 KB, inspect + mask, median and p99;
* a CSV export of the demo data (about 5.9 MB, 26,000 persons), caseworker profile, best of 3;
* presidio: ``classifiers.registry.analyzer_engine()`` (same recognizers, no NLP) analysing
  the same bodies as text, and the same with a blank spaCy ``zh`` pipeline; MB/s, the 4 KB
  document's median and the ratios;
* recall per entity for both, and the fast path's over-masking of business values.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from classifiers.inspect import Inspector  # noqa: E402
from classifiers.normalise import clear_fold_cache  # noqa: E402
from demo.app import _doc4k  # noqa: E402
from policies.masking import load_profiles  # noqa: E402
from support.corpus import Doc, Tally, corpus, score  # noqa: E402

MARK_BEGIN, MARK_END = "<!-- bench:begin -->", "<!-- bench:end -->"


def fast_throughput(inspector: Inspector, docs: list[Doc], profile: str, rounds: int = 3) -> float:
    chosen = load_profiles().get(profile)
    size = sum(len(d.body) for d in docs)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for d in docs:
            inspector.inspect(d.body, d.media_type, None, chosen)
        best = min(best, time.perf_counter() - start)
    return size / best / 1e6


def latency(inspector: Inspector, doc: Doc, profile: str, runs: int = 3000, cold: bool = False) -> tuple[float, float]:
    """Median and p99 in µs; ``cold``: the caches emptied before each run (folded values,
    values and keys found clean), as for a document the process has seen nothing of."""
    chosen = load_profiles().get(profile)
    samples = []
    for _ in range(runs):
        if cold:
            clear_fold_cache()
            inspector.detector.clean_values.clear()
            inspector.detector.clean_keys.clear()
        start = time.perf_counter_ns()
        inspector.inspect(doc.body, doc.media_type, None, chosen)
        samples.append((time.perf_counter_ns() - start) / 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99)]


def csv_export(profile: str, rounds: int = 3) -> tuple[float, float]:
    """The inspector on a ~5.9 MB CSV export of the demo data: (MB, MB/s), best of ``rounds``."""
    from demo.generate import generate
    from demo.views import persons_csv

    body = persons_csv(generate(seed=5, persons_per_district=2600).persons.values()).encode("utf-8")
    inspector = Inspector(max_bytes=len(body) + 1)
    chosen = load_profiles().get(profile)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        inspector.inspect(body, "text/csv", "utf-8", chosen)
        best = min(best, time.perf_counter() - start)
    return len(body) / 1e6, len(body) / best / 1e6


def blank_spacy_engine() -> AnalyzerEngine:
    """Presidio with the same recognizers and a blank spaCy pipeline for Chinese (a tokenizer
    that splits characters, no trained model): the cheapest NLP engine presidio runs with, and
    what its context words need to be seen by presidio itself."""
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    from classifiers.registry import LANGUAGE, recognizer_registry

    class BlankSpacy(SpacyNlpEngine):
        def load(self) -> None:
            self.nlp = {LANGUAGE: spacy.blank(LANGUAGE)}

    nlp = BlankSpacy(models=[{"lang_code": LANGUAGE, "model_name": "blank"}])
    nlp.load()
    return AnalyzerEngine(registry=recognizer_registry(), nlp_engine=nlp, supported_languages=[LANGUAGE])


def presidio_latency(engine: AnalyzerEngine, doc: Doc, runs: int = 200) -> float:
    """Median µs of one analysis of ``doc`` (analysis only: presidio masks nothing)."""
    from classifiers.registry import LANGUAGE

    text = doc.body.decode()
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        engine.analyze(text, language=LANGUAGE)
        samples.append((time.perf_counter_ns() - start) / 1000)
    return statistics.median(samples)


def presidio_run(docs: list[Doc], engine: AnalyzerEngine) -> tuple[float, Tally]:
    from classifiers.registry import LANGUAGE

    texts = [d.body.decode() for d in docs]
    engine.analyze(texts[0], language=LANGUAGE)  # warm-up outside the clock
    start = time.perf_counter()
    results = [engine.analyze(t, language=LANGUAGE) for t in texts]
    elapsed = time.perf_counter() - start
    tally = Tally()
    for doc, text, found in zip(docs, texts, results, strict=True):
        for leaf in doc.leaves:
            for entity, original in leaf.items:
                at = text.find(original)
                hit = at >= 0 and any(
                    r.entity_type == entity and r.start <= at and r.end >= at + len(original) for r in found
                )
                tally.add(entity, leaf.where, hit)
    return sum(len(d.body) for d in docs) / elapsed / 1e6, tally


def machine() -> str:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs (nproc), {model}, Python {platform.python_version()} ({platform.python_implementation()})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    load_start = os.getloadavg()[0]
    docs = corpus(args.records)
    size = sum(len(d.body) for d in docs)
    inspector = Inspector()
    labels = load_profiles().get("statistician")
    tally = Tally()
    for d in docs:
        score(d, inspector.inspect(d.body, d.media_type, None, labels).body, tally)
    mbs = {p: fast_throughput(inspector, docs, p) for p in ("strict", "caseworker")}
    json_docs = [d for d in docs if d.kind == "json"]
    doc4k = min(json_docs, key=lambda d: abs(len(d.body) - 4096))
    lat = {p: latency(inspector, doc4k, p) for p in ("strict", "caseworker")}
    cold = latency(inspector, doc4k, "caseworker", cold=True)
    demo = Doc(_doc4k(), "application/json", "json")  # what bench/gateway.py serves
    demo_lat = {p: latency(inspector, demo, p) for p in ("strict", "caseworker")}
    csv_mb, csv_mbs = csv_export("caseworker")
    from classifiers.registry import analyzer_engine

    engine = analyzer_engine()
    p_mbs, p_tally = presidio_run(docs, engine)
    p_lat = presidio_latency(engine, doc4k)
    spacy_engine = blank_spacy_engine()
    s_mbs, _ = presidio_run(docs, spacy_engine)
    s_lat = presidio_latency(spacy_engine, doc4k)
    lines = [
        MARK_BEGIN,
        f"Measured by `bench/classify.py --records {args.records}` on {machine()};"
        f" load average {load_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end (cores shared with other jobs).",
        f"Corpus: {len(docs)} documents, {args.records} records, {size / 1e6:.2f} MB.",
        "",
        "| measure | fast path | presidio AnalyzerEngine (no NLP) | presidio, blank spaCy `zh` pipeline |",
        "|---|---|---|---|",
        f"| throughput, strict profile (redact) | {mbs['strict']:.1f} MB/s | {p_mbs:.2f} MB/s (analysis only) |"
        f" {s_mbs:.2f} MB/s (analysis only) |",
        f"| throughput, caseworker profile (partial masks) | {mbs['caseworker']:.1f} MB/s | | |",
        f"| ratio fast (strict) / presidio | | {mbs['strict'] / p_mbs:.1f}x | {mbs['strict'] / s_mbs:.1f}x |",
        f"| 4 KB doc ({len(doc4k.body)} B, 10 records), strict: median / p99 | {lat['strict'][0]:.0f} /"
        f" {lat['strict'][1]:.0f} µs | {p_lat:.0f} µs (median) | {s_lat:.0f} µs (median) |",
        f"| same doc, caseworker: median / p99 | {lat['caseworker'][0]:.0f} / {lat['caseworker'][1]:.0f} µs | | |",
        f"| same doc, caseworker, caches emptied before each run: median | {cold[0]:.0f} µs | | |",
        f"| the demo upstream's 4 KB doc ({len(demo.body)} B, 10 person records, 18 keys; the document of"
        f" `bench/gateway.py`), strict / caseworker: median | {demo_lat['strict'][0]:.0f} /"
        f" {demo_lat['caseworker'][0]:.0f} µs | | |",
        f"| CSV export ({csv_mb:.1f} MB, demo persons), caseworker, best of 3 | {csv_mbs:.1f} MB/s | | |",
        "",
        "| entity | where | fast path recall | presidio recall |",
        "|---|---|---|---|",
    ]
    for entity, where, hits, total, rate in tally.rows():
        lines.append(f"| {entity} | {where} | {rate:.3%} ({hits}/{total}) | {p_tally.recall(entity, where):.3%} |")
    lines += [
        "",
        f"Over-masking of business values: {tally.overmasking:.3%} ({tally.overmasked}/{tally.business}).",
        MARK_END,
    ]
    report = "\n".join(lines)
    print(report)
    if args.out is not None:
        text = args.out.read_text(encoding="utf-8") if args.out.exists() else f"{MARK_BEGIN}\n{MARK_END}\n"
        head, _, rest = text.partition(MARK_BEGIN)
        _, _, tail = rest.partition(MARK_END)
        args.out.write_text(head + report + tail, encoding="utf-8")


if __name__ == "__main__":
    main()

"""Instructions per inspection, counted by valgrind: for changes too small for a stopwatch.

    .venv/bin/python bench/instructions.py [--doc demo|corpus|csv] [--profile caseworker] [--runs 200]

On a shared 2-core machine a timing moves by several per cent from run to run, so a change
worth 1-3 % of an inspection cannot be seen with a clock. The number of instructions the
CPU executes can: this runs the same warmed-up inspector twice under callgrind, once with
no inspection after the warm-up and once with ``--runs`` of them, and prints the
difference per inspection. Compare two trees (or a change and its revert) with it; the
hash seed is fixed so that set and dict orders, and so the work, are the same each time.
Instructions are not time (cache misses and branch mispredictions are not counted), so
confirm what it finds with bench/classify.py or bench/gateway.py. Needs valgrind
(Debian: ``apt-get install valgrind``); a count takes 20-60 s.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WARM_UP = 50


def _document(kind: str) -> tuple[bytes, str]:
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    if kind == "demo":
        from demo.app import _doc4k

        return _doc4k(), "application/json"  # what bench/gateway.py serves
    if kind == "corpus":
        from support.corpus import corpus

        json_docs = [d for d in corpus(1000, seed=3) if d.kind == "json"]
        doc = min(json_docs, key=lambda d: abs(len(d.body) - 4096))  # as bench/classify.py picks it
        return doc.body, doc.media_type
    from demo.generate import generate
    from demo.views import persons_csv

    return persons_csv(generate(seed=5, persons_per_district=200).persons.values()).encode("utf-8"), "text/csv"


def _inspect(kind: str, profile: str, runs: int) -> None:
    """The child: warm up, then ``runs`` inspections (what callgrind counts)."""
    body, media_type = _document(kind)
    from classifiers.inspect import Inspector
    from policies.masking import load_profiles

    inspector = Inspector(max_bytes=len(body) + 1)
    chosen = load_profiles().get(profile)
    for _ in range(WARM_UP + runs):
        inspector.inspect(body, media_type, None, chosen)


def _count(kind: str, profile: str, runs: int) -> int:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "callgrind.out"
        result = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                "--child",
                str(runs),
                "--doc",
                kind,
                "--profile",
                profile,
            ],
            env={**os.environ, "PYTHONHASHSEED": "0"},
            capture_output=True,
            text=True,
            check=True,
        )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--doc", choices=("demo", "corpus", "csv"), default="demo")
    parser.add_argument("--profile", default="caseworker")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _inspect(args.doc, args.profile, args.child)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is needed: apt-get install valgrind")
    if args.runs < 1:
        raise SystemExit("--runs must be at least 1")
    base = _count(args.doc, args.profile, 0)
    full = _count(args.doc, args.profile, args.runs)
    print(f"{args.doc} document, {args.profile}: {(full - base) / args.runs:,.0f} instructions per inspection")


if __name__ == "__main__":
    main()

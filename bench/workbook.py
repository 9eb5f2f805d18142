"""The inspector on one export as an .xlsx workbook and as the CSV of the same rows, in one run.

A workbook costs what its table's walk costs (the same CSV walk) plus reading and writing the
archive's parts: the ratio says what the parts add. Prints a Markdown table (docs/classifiers.md,
"Workbooks"). Run: `.venv/bin/python bench/workbook.py [--persons-per-district N]`.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.classify import machine
from classifiers.inspect import Inspector
from classifiers.mediatypes import WORKBOOK
from demo.generate import generate
from demo.views import persons_csv
from policies.masking import load_profiles


def _workbook(text: str) -> bytes:
    """The CSV's rows as openpyxl writes a sheet of them (every value a string, as exported)."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    for row in csv.reader(io.StringIO(text)):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _read_all(body: bytes) -> int:
    book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    return sum(len(row) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))


def _best(run: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons-per-district", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    text = persons_csv(generate(seed=5, persons_per_district=args.persons_per_district).persons.values())
    body_csv = text.encode("utf-8")
    body_xlsx = _workbook(text)
    inspector = Inspector(max_bytes=64 * 1024 * 1024)
    profile = load_profiles().get("caseworker")
    masked_xlsx = inspector.inspect(body_xlsx, WORKBOOK, None, profile).masked
    masked_csv = inspector.inspect(body_csv, "text/csv", "utf-8", profile).masked
    rows = text.count("\n") - 1
    csv_s = _best(lambda: inspector.inspect(body_csv, "text/csv", "utf-8", profile), args.rounds)
    xlsx_s = _best(lambda: inspector.inspect(body_xlsx, WORKBOOK, None, profile), args.rounds)
    # A reader's own cost, for scale: openpyxl reading every value (no inspection, nothing written).
    read_s = _best(lambda: _read_all(body_xlsx), args.rounds)
    print(f"Measured by `bench/workbook.py --persons-per-district {args.persons_per_district}` on {machine()}.")
    print(f"{rows:,} persons; values masked: {masked_csv:,} in the CSV, {masked_xlsx:,} in the workbook.\n")
    print("| export, caseworker, best of 3 | size | time | rows/s | time / CSV's |")
    print("|---|---:|---:|---:|---:|")
    for name, body, seconds in (
        ("CSV, inspected", body_csv, csv_s),
        (".xlsx (written by openpyxl), inspected", body_xlsx, xlsx_s),
        (".xlsx, only read by openpyxl (read_only)", body_xlsx, read_s),
    ):
        print(
            f"| {name} | {len(body) / 1e6:.2f} MB | {seconds * 1000:.0f} ms | {rows / seconds:,.0f} |"
            f" {seconds / csv_s:.2f} |"
        )


if __name__ == "__main__":
    main()

"""The inspector on one export as an .xlsx workbook and as the CSV of the same rows, and on a
household's members as a table of a .docx document and as the CSV of the same rows, in one run.

A workbook or a document costs what its table's walk costs (the same CSV walk) plus reading and
writing the archive's parts: the ratio says what the parts add. Prints Markdown tables
(docs/classifiers.md, "Workbooks"). Run: `.venv/bin/python bench/workbook.py [--persons-per-district N]`.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.classify import machine
from classifiers.inspect import Inspector
from classifiers.mediatypes import DOCUMENT, WORKBOOK
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


def _document(text: str) -> bytes:
    """The CSV's rows as a table of a Word document, as a template engine fills one."""
    rows = list(csv.reader(io.StringIO(text)))
    document = docx.Document()
    document.add_paragraph("家庭成员情况")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, row in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, row, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
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
    parser.add_argument("--members", type=int, default=8, help="rows of the .docx document's table")
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

    # A household's members, as many rows as a form's table holds.
    members = "\n".join(text.split("\n")[: args.members + 1]) + "\n"
    body_members = members.encode("utf-8")
    body_docx = _document(members)
    masked_docx = inspector.inspect(body_docx, DOCUMENT, None, profile).masked
    members_s = _best(lambda: inspector.inspect(body_members, "text/csv", "utf-8", profile), args.rounds * 10)
    docx_s = _best(lambda: inspector.inspect(body_docx, DOCUMENT, None, profile), args.rounds * 10)
    print(f"\n{args.members} persons in a table; values masked: {masked_docx:,} in the document.\n")
    print(f"| members' table, caseworker, best of {args.rounds * 10} | size | time | time / CSV's |")
    print("|---|---:|---:|---:|")
    for name, body, seconds in (
        ("CSV, inspected", body_members, members_s),
        (".docx (written by python-docx), inspected", body_docx, docx_s),
    ):
        print(f"| {name} | {len(body) / 1e3:.1f} KB | {seconds * 1000:.2f} ms | {seconds / members_s:.1f} |")


if __name__ == "__main__":
    main()

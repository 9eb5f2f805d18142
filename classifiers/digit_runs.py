"""Runs of ASCII digits, found by one loop over the code points, and what the scanner reads from
them: the separator runs between two of them (``normalise``), the runs of digit groups (the
scanner's windows) and the long runs beside which names stand (``person_name``).

A pass of ``re`` for them (``[0-9]{11,}``, ``[0-9](?<![0-9]{2})[0-9]*+(?:[ \\-.]+[0-9]+)+``, a
separator run between digits) enters its matcher at every digit or separator and makes a match
object for each run it finds: 10,000-30,000 instructions a remark of 60 characters. Compiled by
mypyc, ``ord(text[i])`` reads the code point in C, and the loop costs a few thousand.
"""

from __future__ import annotations

from typing import Final

from .fold_tables import SEPARATORS

# What groups digits in the scanner's windows: the separators the joined fold drops between digits
# (spaces, hyphens, dots and the other dashes). With only the ASCII ones, an en or em dash ended the
# chain, so an ID in groups after another number was never read whole ("6236… 6109 0219—9005 0330 87").
GROUPING: Final = "".join(sorted(SEPARATORS))


def digit_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of ASCII digits, in order: ``[m.span() for m in
    re.finditer("[0-9]+", text)]``."""
    runs: list[tuple[int, int]] = []
    start = -1
    for i in range(len(text)):
        code = ord(text[i])
        if 48 <= code <= 57:  # "0" to "9"
            if start < 0:
                start = i
        elif start >= 0:
            runs.append((start, i))
            start = -1
    if start >= 0:
        runs.append((start, len(text)))
    return runs


def between(text: str, runs: list[tuple[int, int]], separators: str) -> list[tuple[int, int]]:
    """(start, end) of each gap between two consecutive ``runs`` that holds only ``separators``:
    the separator runs between digits, ``[m.span() for m in re.finditer(
    "(?<=[0-9])[seps]+(?=[0-9])", text)]``. A gap with another character holds none: such a
    run must reach from one digit to the next."""
    gaps: list[tuple[int, int]] = []
    for k in range(1, len(runs)):
        start = runs[k - 1][1]
        end = runs[k][0]
        if not text[start:end].strip(separators):
            gaps.append((start, end))
    return gaps


def grouped(text: str, runs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The runs of digit groups: each chain of two ``runs`` or more whose gaps hold only
    ``GROUPING``, as the runs of digits in it (the matches of ``[0-9](?<![0-9]{2})[0-9]*+(?:[GROUPING]+
    [0-9]+)+``, each split by ``[0-9]+``)."""
    chains: list[list[tuple[int, int]]] = []
    chain = runs[:1]
    for k in range(1, len(runs)):
        if text[runs[k - 1][1] : runs[k][0]].strip(GROUPING):
            if len(chain) > 1:
                chains.append(chain)
            chain = [runs[k]]
        else:
            chain.append(runs[k])
    if len(chain) > 1:
        chains.append(chain)
    return chains

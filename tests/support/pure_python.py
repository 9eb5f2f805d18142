"""Import the project's modules from their Python source instead of what mypyc compiled.

Compiled modules call each other's functions and methods directly in C: a test that
replaces one (the value-by-value references of tests/classifiers/test_fastpath.py switch
the column batches off that way) changes nothing the compiled inspector does, and would
compare the fast path with itself. Such tests are marked ``pure_python``: with the
compiled build they are skipped, and `make test` runs them again in a second pass with
``MINGUARD_PURE_PYTHON=1``, where tests/conftest.py installs this import hook before
anything imports the project.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from importlib.abc import PathEntryFinder
from importlib.machinery import SOURCE_SUFFIXES, FileFinder, SourceFileLoader
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Where compiled modules sit: the packages compiled and the shared library at the top.
_COMPILED_DIRS = frozenset(
    {ROOT, ROOT / "classifiers", ROOT / "classifiers" / "entities", ROOT / "policies", ROOT / "audit"}
)


def compiled() -> bool:
    """Does importing the inspector load compiled modules?"""
    spec = importlib.util.find_spec("classifiers.fastcsv")
    return spec is not None and spec.origin is not None and not spec.origin.endswith(".py")


def install() -> None:
    """Find modules in the directories that hold compiled ones by their ``.py`` only."""
    source_only = FileFinder.path_hook((SourceFileLoader, SOURCE_SUFFIXES))

    def hook(entry: str) -> PathEntryFinder:
        if Path(entry or ".").resolve() in _COMPILED_DIRS:
            return source_only(entry)
        raise ImportError  # not ours: the next hook

    hooks: list[Callable[[str], PathEntryFinder]] = sys.path_hooks
    hooks.insert(0, hook)
    sys.path_importer_cache.clear()

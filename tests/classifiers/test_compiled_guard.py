"""The guard against running a compiled module whose source was edited (classifiers/__init__.py)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from importlib.abc import PathEntryFinder
from importlib.machinery import EXTENSION_SUFFIXES, SOURCE_SUFFIXES, FileFinder, SourceFileLoader
from pathlib import Path

import pytest

from classifiers import stale_sources


def _tree(root: Path, text: str, compiled: bool) -> dict[str, str]:
    package = root / "pkg"
    package.mkdir()
    (package / "mod.py").write_text(text, encoding="utf-8")
    if compiled:
        (package / f"mod{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    return {"pkg/mod.py": hashlib.sha256(b"x = 1\n").hexdigest()}  # what was compiled


def test_an_edited_source_beside_its_compiled_module_is_stale(tmp_path: Path) -> None:
    assert stale_sources(tmp_path, _tree(tmp_path, "x = 2\n", compiled=True)) == ["pkg/mod.py"]


def test_an_unedited_source_is_not(tmp_path: Path) -> None:
    assert stale_sources(tmp_path, _tree(tmp_path, "x = 1\n", compiled=True)) == []


def test_without_a_compiled_module_the_source_runs_and_is_not_stale(tmp_path: Path) -> None:
    # `make uncompiled` leaves the record but removes the modules: the edited source is what runs.
    assert stale_sources(tmp_path, _tree(tmp_path, "x = 2\n", compiled=False)) == []


def test_a_source_that_import_finds_before_its_compiled_module_is_not_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tests' pure-Python pass imports sources through a path hook: an edited source is
    what runs there, and the guard let no module of an edited tree import."""
    sources = _tree(tmp_path, "x = 2\n", compiled=True)
    source_only = FileFinder.path_hook((SourceFileLoader, SOURCE_SUFFIXES))
    package = str(tmp_path / "pkg")

    def hook(entry: str) -> PathEntryFinder:
        if entry == package:
            return source_only(entry)
        raise ImportError

    monkeypatch.setattr(sys, "path_hooks", [hook, *sys.path_hooks])
    monkeypatch.setattr(sys, "path_importer_cache", {})
    assert stale_sources(tmp_path, sources) == []


def test_importing_audit_runs_the_check() -> None:
    # audit/canonical.py is compiled too: `audit verify` alone must not hash with a stale build.
    code = "import sys, audit.canonical; print('classifiers' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "True"

"""YAML and TOML answers read as data (classifiers/datatext.py)."""

from __future__ import annotations

from classifiers import datatext


def test_yaml_and_toml_parse_to_what_json_would_hold() -> None:
    assert datatext.parse("items:\n  - xzqhdm: 610902001\n    d: 2026-01-02\n    1: a\n", "yaml") == {
        "items": [{"xzqhdm": 610902001, "d": "2026-01-02", "1": "a"}]
    }
    assert datatext.parse("---\nxm: a\n---\nxm: b\n", "yaml") == [{"xm": "a"}, {"xm": "b"}]
    assert datatext.parse('[[items]]\nxzqhdm = "610902001"\n', "toml") == {"items": [{"xzqhdm": "610902001"}]}


def test_what_cannot_be_walked_safely_or_does_not_parse_is_unparsed() -> None:
    """Aliases stand for nodes built already: nested, a few stand for more than memory holds."""
    assert datatext.parse("a: &a [1, 2]\nb: [*a, *a]\n", "yaml") is datatext.UNPARSED
    assert datatext.parse("a: [1,\n", "yaml") is datatext.UNPARSED
    assert datatext.parse("a = [", "toml") is datatext.UNPARSED
    assert datatext.parse("? [a, b]\n: 1\n", "yaml") is datatext.UNPARSED  # a key JSON cannot hold

"""Rendering: Jinja2 templates and the one stylesheet, both shipped inside this package."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2

from ..legible import shown

HERE = Path(__file__).resolve().parent


class Pages:
    def __init__(self, prefix: str) -> None:
        self.base = f"{prefix}/console"
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,  # every value shown comes from the audit trail or a form
            undefined=jinja2.ChainableUndefined,  # events differ in shape: a missing field shows empty
            # Escaping stops markup; a bidi override or a zero-width character in a token's
            # subject (and so in the summary written after it) still acted: shown by code point.
            finalize=shown,
        )
        # A value put into a link's path is one segment: Jinja's urlencode leaves "/" as it
        # is, and a user id "org/zhangwei" made /user/org/zhangwei, a page that is not there.
        self._env.filters["segment"] = segment
        self.css = (HERE / "static" / "console.css").read_bytes()

    def render(self, template: str, **values: Any) -> str:
        values.setdefault("user", "")
        values.setdefault("csrf", "")
        return self._env.get_template(template).render(base=self.base, **values)


def segment(value: Any) -> str:
    """``value`` percent-encoded as one path segment ("/" too)."""
    return quote(str(value), safe="")

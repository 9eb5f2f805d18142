"""Rendering: Jinja2 templates and the one stylesheet, both shipped inside this package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

HERE = Path(__file__).resolve().parent


class Pages:
    def __init__(self, prefix: str) -> None:
        self.base = f"{prefix}/console"
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,  # every value shown comes from the audit trail or a form
            undefined=jinja2.ChainableUndefined,  # events differ in shape: a missing field shows empty
        )
        self.css = (HERE / "static" / "console.css").read_bytes()

    def render(self, template: str, **values: Any) -> str:
        values.setdefault("user", "")
        values.setdefault("csrf", "")
        return self._env.get_template(template).render(base=self.base, **values)

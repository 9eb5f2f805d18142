"""The report as HTML (Jinja2, self-contained: CSS and SVG charts inline, no external assets),
PDF (WeasyPrint, from that HTML) and JSON (for machines; field names in docs/report-mlps.md)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from gateway.legible import shown

from .model import VERDICT_EN, MlpsReport

# finalize: user ids and purposes are what callers sent; escaping alone leaves a bidi override
# or a zero-width character acting in the page and the PDF (gateway/legible.py).
_env = Environment(
    loader=PackageLoader("compliance", "templates"), autoescape=select_autoescape(["html"]), finalize=shown
)
VERDICT_CLASS = {"符合": "pass", "部分符合": "partial", "无法判定": "undetermined", "不符合": "fail"}


def to_html(report: MlpsReport) -> str:
    css = _env.loader.get_source(_env, "mlps.css")[0] if _env.loader else ""
    template = _env.get_template("mlps.html")
    # The SVGs are produced by matplotlib from counts only (no caller-supplied text), so they
    # are safe to embed unescaped.
    charts = {k: Markup(v) for k, v in report.charts.items()}
    return template.render(report=report, css=Markup(css), charts=charts, counts=report.counts(), cls=VERDICT_CLASS)


def to_pdf(report: MlpsReport) -> bytes:
    from weasyprint import HTML  # imported late: loading pango takes a moment

    pdf: bytes = HTML(string=to_html(report)).write_pdf()
    return pdf


def to_json(report: MlpsReport) -> dict[str, Any]:
    data = asdict(report)
    data.pop("charts")
    data["verdict"] = report.verdict
    data["verdict_en"] = VERDICT_EN[report.verdict]
    data["counts"] = report.counts()
    for section, raw in zip(report.sections, data["sections"], strict=True):
        raw["verdict"] = section.verdict
        raw["verdict_en"] = VERDICT_EN[section.verdict]
        raw["facts"] = [{"name": n, "value": v} for n, v in section.facts]
        for check in raw["checks"]:
            check["verdict_en"] = VERDICT_EN[check["verdict"]]
    return data

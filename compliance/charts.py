"""Charts for the report, drawn with matplotlib (Agg, no display) and embedded as inline SVG.

Text is turned into outlines (svg.fonttype = path) so the charts look the same in any browser
and in the PDF without the reader having the CJK font installed; the font used for drawing is
WenQuanYi Zen Hei (deploy/dev/system-packages.sh installs it).
"""

from __future__ import annotations

import io
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from .evidence import Evidence
from .systemfacts import AlertFacts

FONT = "WenQuanYi Zen Hei"
LEVEL_ZH = {"general": "一般数据", "important": "重要数据", "core": "核心数据"}
COLOURS = {"general": "#6b8fb3", "important": "#e0a030", "core": "#c0392b"}


def _style() -> None:
    plt.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [FONT, "DejaVu Sans"],
            "axes.unicode_minus": False,
            "svg.fonttype": "path",
            "font.size": 9,
            # The weight WenQuanYi Zen Hei is registered with, for every kind of text: axis labels
            # and titles default to "normal", which prints a findfont warning on the terminal.
            "font.weight": "medium",
            "axes.labelweight": "medium",
            "axes.titleweight": "medium",
            "figure.titleweight": "medium",
            "figure.labelweight": "medium",
            "svg.hashsalt": "minguard",  # stable ids: the same data gives the same SVG
        }
    )


def _svg(fig: Any, key: str) -> str:
    out = io.StringIO()
    fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    text = out.getvalue()
    text = text[text.index("<svg") :]  # drop the XML prolog and doctype: the SVG goes inline
    # Several SVGs share one HTML document: matplotlib's ids (glyphs, ticks) would collide.
    return text.replace('id="', f'id="{key}-').replace('href="#', f'href="#{key}-').replace("url(#", f"url(#{key}-")


def _labels(buckets: list[tuple[str, dict[str, int]]]) -> list[str]:
    return [b[11:16] if len(b) >= 16 else b for b, _ in buckets]


def stacked(
    key: str, buckets: list[tuple[str, dict[str, int]]], title: str, names: dict[str, str] | None = None
) -> str:
    _style()
    fig, ax = plt.subplots(figsize=(7.0, 2.6))
    series = sorted({k for _, counts in buckets for k in counts})
    bottom = [0] * len(buckets)
    x = list(range(len(buckets)))
    for name in series:
        values = [counts.get(name, 0) for _, counts in buckets]
        label = (names or {}).get(name, name)
        ax.bar(x, values, bottom=bottom, label=label, color=COLOURS.get(name), width=0.85)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    labels = _labels(buckets)
    step = max(1, len(labels) // 8)
    ax.set_xticks(x[::step], labels[::step])
    ax.set_title(title)
    ax.set_ylabel("次数")
    if series:
        ax.legend(fontsize=8, frameon=False, loc="upper left")
    else:
        ax.text(0.5, 0.5, "期间内无数据", transform=ax.transAxes, ha="center")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig, key)


def alerts_by_rule(alerts: AlertFacts) -> str:
    _style()
    counts: dict[str, dict[str, int]] = {}
    for rule, states in alerts.by_rule.items():
        row = counts.setdefault(alerts.titles.get(rule, rule), {})
        for state, n in states.items():
            row[state] = row.get(state, 0) + n
    rules = sorted(counts)
    fig, ax = plt.subplots(figsize=(7.0, max(1.6, 0.3 * len(rules) + 0.8)))
    left = [0] * len(rules)
    for state, label, colour in (
        ("new", "新告警", "#c0392b"),
        ("acknowledged", "已确认", "#e0a030"),
        ("closed", "已关闭", "#5a9e6f"),
    ):
        values = [counts[r].get(state, 0) for r in rules]
        ax.barh(rules, values, left=left, label=label, color=colour)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_title("告警(按规则与处置状态)")
    if rules:
        ax.legend(fontsize=8, frameon=False, loc="lower right")
    else:
        ax.text(0.5, 0.5, "期间内无告警", transform=ax.transAxes, ha="center")
    ax.invert_yaxis()
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig, "alerts")


def draw(ev: Evidence) -> dict[str, str]:
    return {
        "volume": stacked("volume", ev.volume, "放行的访问量(按数据级别)", LEVEL_ZH),
        "denials": stacked("denials", ev.denials, "拒绝的访问(按原因)"),
        "alerts": alerts_by_rule(ev.alerts),
    }

"""Markdown tables from the JSON records bench/detection.py writes (var/bench/detection/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SIZES = ("1M", "3M", "10M")


def _read(results: Path, name: str) -> dict[str, Any] | None:
    path = results / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def _best(record: dict[str, Any], rule: str, key: str) -> float:
    """The fastest round: the other engineers' load only ever adds time."""
    return float(min(r[key] for rnd in record["rounds"] for r in rnd["rules"] if r["rule"] == rule))


def tables(results: Path) -> str:
    gen = {s: _read(results, f"generate-{s}") for s in SIZES}
    meas = {s: m for s in SIZES if (m := _read(results, f"measure-{s}")) is not None}
    out = [
        "### Generation",
        "",
        "| Step | Events added | Index total | Seconds | Events/s | Store (primary) | Segments | Load before → after |",
    ]
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for s, g in gen.items():
        if g:
            out.append(
                f"| {s} | {g['events']:,} | {g['docs_in_index']:,} | {g['seconds']:.0f} | {g['rate']:,} | "
                f"{g['store_bytes'] / 2**30:.2f} GiB | {g['segments']} | {g['load_before'][0]} → {g['load_after'][0]} |"
            )
    if not meas:
        return "\n".join(out)
    sizes = list(meas)
    last = meas[sizes[-1]]
    out += ["", "### Totals (fastest of the rounds; seconds)", ""]
    out.append(
        "| Events in the day | count (baseline) | terms on user.id (baseline) | aggregations, all rules | evidence searches | `runner.run`, all rules (alerts written) | alerts | load (1 min) during |"
    )
    out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    after = _read(results, "measure-10M-msearch")  # the same 10M day, evidence batched (msearch)
    for s, m in [*((s, meas[s]) for s in sizes), *((("10M, evidence by msearch", after),) if after else ())]:
        rounds = m["rounds"]
        agg = min(sum(r["agg_seconds"] for r in rnd["rules"]) for rnd in rounds)
        ev = min(sum(r["evidence_seconds"] for r in rnd["rules"]) for rnd in rounds)
        run = min(rnd["run_seconds"] for rnd in rounds)
        count = min(rnd["count_seconds"] for rnd in rounds)
        terms = min((rnd.get("terms_seconds", float("nan")) for rnd in rounds), default=float("nan"))
        loads = ", ".join(f"{rnd['load_before'][0]}–{rnd['load_after'][0]}" for rnd in rounds)
        alerts = rounds[0]["alerts_created"] + rounds[0]["alerts_existing"]
        out.append(
            f"| {rounds[0]['events']:,}{'' if s in SIZES else ' (' + s + ')'} | {count:.3f} | {'–' if terms != terms else f'{terms:.2f}'} | {agg:.1f} | {ev:.1f} | {run:.1f} | {alerts} | {loads} |"
        )
    first = meas[sizes[0]]
    out += ["", f"### Per rule (aggregation seconds over all its windows; growth {sizes[0]} → {sizes[-1]})", ""]
    head = " | ".join(f"agg {s}" for s in sizes)
    out.append(
        f"| Rule | Windows | {head} | growth | ÷ count at {sizes[-1]} | ÷ terms at {sizes[-1]} | hits at {sizes[-1]} | windows at `size` cap | evidence s at {sizes[-1]} |"
    )
    out.append("| --- | ---: | " + " | ".join("---:" for _ in sizes) + " | ---: | ---: | ---: | ---: | ---: | ---: |")
    count_last = min(rnd["count_seconds"] for rnd in last["rounds"])
    terms_last = min((rnd.get("terms_seconds", 0.0) for rnd in last["rounds"]), default=0.0)

    def ratio(seconds: float) -> str:
        return f"{seconds / terms_last:.1f}×" if terms_last else "–"

    for r in last["rounds"][0]["rules"]:
        rule = r["rule"]
        aggs = [_best(meas[s], rule, "agg_seconds") for s in sizes]
        growth = aggs[-1] / aggs[0] if aggs[0] else float("nan")
        cells = " | ".join(f"{a:.2f}" for a in aggs)
        out.append(
            f"| {rule} | {r['windows']} | {cells} | {growth:.1f}× | {aggs[-1] / count_last:.0f}× | {ratio(aggs[-1])} | {r['hits']} | "
            f"{r.get('capped_windows', '–')} | "
            f"{_best(last, rule, 'evidence_seconds'):.2f} |"
        )
    events = [meas[s]["rounds"][0]["events"] for s in sizes]
    out += [
        "",
        f"Events grew {events[-1] / events[0]:.1f}× from {sizes[0]} to {sizes[-1]}; measured on {first['machine']['at'][:10]}.",
    ]
    return "\n".join(out)


def paging(results: Path) -> str:
    """The same 10M day before and after the engine read every page of groups (composite)."""
    before, after = _read(results, "measure-10M-before-paging"), _read(results, "measure-10M-paging")
    if not before or not after:
        return ""
    out = ["", "### 10M day: top-`size` terms (before) against every page of groups (after)", ""]
    out.append(
        "| | aggregations, all rules | evidence searches | `runner.run`, all rules | alerts | load (1 min) before–after |"
    )
    out.append("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, m in (("before (terms, `size` cap)", before), ("after (composite pages)", after)):
        rounds = m["rounds"]
        agg = min(sum(r["agg_seconds"] for r in rnd["rules"]) for rnd in rounds)
        ev = min(sum(r["evidence_seconds"] for r in rnd["rules"]) for rnd in rounds)
        run = min(rnd["run_seconds"] for rnd in rounds)
        alerts = rounds[0]["alerts_created"] + rounds[0]["alerts_existing"]
        loads = ", ".join(f"{rnd['load_before'][0]}–{rnd['load_after'][0]}" for rnd in rounds)
        out.append(f"| {name} | {agg:.1f} | {ev:.1f} | {run:.1f} | {alerts} | {loads} |")
    out += [
        "",
        "| Rule | Windows | pages | groups evaluated | agg s before | agg s after | hits before | hits after | evidence s after |",
    ]
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    old = {r["rule"]: r for r in before["rounds"][0]["rules"]}
    for r in after["rounds"][0]["rules"]:
        rule, was = r["rule"], old.get(r["rule"], {})
        out.append(
            f"| {rule} | {r['windows']} | {r['pages']} | {r['groups']:,} | {_best(before, rule, 'agg_seconds'):.2f} | "
            f"{_best(after, rule, 'agg_seconds'):.2f} | {was.get('hits', '–')} | {r['hits']} | "
            f"{_best(after, rule, 'evidence_seconds'):.2f} |"
        )
    out += ["", f"Before and after measured on {after['machine']['at'][:10]}, the same index, one after the other."]
    return "\n".join(out)


def write(results: Path, out: Path, begin: str, end: str) -> None:
    text = out.read_text(encoding="utf-8")
    head, _, rest = text.partition(begin)
    _, _, tail = rest.partition(end)
    text = tables(results) + paging(results)
    out.write_text(f"{head}{begin}\n{text}\n{end}{tail}", encoding="utf-8")
    print(text)

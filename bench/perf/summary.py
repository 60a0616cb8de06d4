"""The results table: one row per figure, with its target and whether it holds."""

from __future__ import annotations

from typing import Any

from rich.table import Table


def _get(report: dict[str, Any], stage: str, *path: str) -> Any:
    node: Any = report["stages"].get(stage, {}).get("result")
    for p in path:
        if not isinstance(node, dict) or p not in node:
            return None
        node = node[p]
    return node


def _path_rows(add: Any, hops: dict[str, dict[str, float]]) -> None:
    """One row per measured hop of a path: its p50 / p95 (ms)."""
    for hop, pct in hops.items():
        if pct.get("n"):
            add("freshness", f"    {hop.replace('_to_', ' -> ').replace('_', ' ')}: p50 / p95 ms",
                pct["p50"], "{:,.0f}" + f" / {pct['p95']:,.0f}")  # fmt: skip


def rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def add(area: str, what: str, value: Any, fmt: str, target: str = "",
            ok: bool | None = None) -> None:  # fmt: skip
        if value is None:
            return
        out.append({"area": area, "what": what, "value": value,
                    "shown": fmt.format(value), "target": target, "ok": ok})  # fmt: skip

    raw1 = _get(report, "enrich_raw", "1", "words_per_s")
    before = _get(report, "enrich_raw", "2", "words_per_s")
    after = _get(report, "enrich_raw_after", "2", "words_per_s")
    both = [x for x in (before, after) if x]
    raw2 = sum(both) / len(both) if both else None
    add("enrich", "raw nlp.pipe, 1 process (words/s)", raw1, "{:,.0f}")
    add(
        "enrich",
        "raw nlp.pipe, 2 processes: raw(2) (words/s)",
        raw2,
        "{:,.0f}" + (f"  (before {before:,.0f}, after {after:,.0f})" if before and after else ""),
    )
    best = None
    for key, res in (_get(report, "enrich_service") or {}).items():
        wps = res["words_per_s"]
        w, p = key.split(":")[0].split("x")
        label = f"service {w} worker(s) x {p} process(es){key[len(w + p) + 1 :]} (words/s)"
        ratio = wps / raw2 if raw2 else None
        cores = int(w) * int(p)
        ok = (ratio >= 0.8) if ratio is not None and cores >= 2 else None
        add("enrich", label, wps, "{:,.0f}" + (f"  = {ratio:.2f}x raw(2)" if ratio else ""),
            ">= 0.8x raw(2)" if cores >= 2 else "", ok)  # fmt: skip
        if cores >= 2 and (best is None or wps > best):
            best = wps
    cpus = [
        x
        for x in (
            _get(report, "enrich_raw", "2", "words_per_cpu_s"),
            _get(report, "enrich_raw_after", "2", "words_per_cpu_s"),
        )
        if x
    ]
    raw_cpu = sum(cpus) / len(cpus) if cpus else None
    add("enrich", "raw nlp.pipe words per CPU-second (mean of before and after)", raw_cpu,
        "{:,.0f}")  # fmt: skip
    service = _get(report, "enrich_service") or {}
    for key, res in service.items():
        if not raw_cpu or not res.get("words_per_cpu_s"):
            continue
        eff = res["words_per_cpu_s"] / raw_cpu
        with_kafka = res["words_per_cpu_s_with_kafka"] / raw_cpu
        add("enrich", f"service {key}: words per CPU-s, enrich processes (with the brokers)",
            res["words_per_cpu_s"],
            "{:,.0f}" + f" = {eff:.2f}x raw ({with_kafka:.2f}x)"
            + ("" if res.get("completed", True) else " INCOMPLETE"),
            ">= 1.0x raw", eff >= 1.0)  # fmt: skip
    new, old = service.get("1x2"), service.get("1x2:stock")
    if new and old:
        add("enrich", "1x2 words per CPU-s: indexed attribute ruler / spaCy's own",
            new["words_per_cpu_s"] / old["words_per_cpu_s"], "{:.2f}x")  # fmt: skip
    one = service.get("1x1")
    for key in ("2x1", "3x1"):
        other = service.get(key)
        if one and other:
            cpu = other["words_per_cpu_s"] / one["words_per_cpu_s"]
            add("enrich", f"scaling 1 -> {key[0]} workers: words/s | words per CPU-s",
                other["words_per_s"] / one["words_per_s"], "{:.2f}x" + f" | {cpu:.2f}x",
                "CPU within 10%" if key == "2x1" else "",
                abs(cpu - 1) <= 0.10 if key == "2x1" else None)  # fmt: skip
    share = _get(report, "enrich_profile", "non_model_share")
    add("enrich", "CPU outside nlp.pipe (one process)", share, "{:.0%}")

    b = _get(report, "ingest", "batch")
    if b:
        add(
            "ingest",
            f"batch endpoint ({b['batch']}/request, {b['concurrency']} in flight), articles/s",
            b["articles_per_s"],
            "{:,.0f}",
            ">= 2,000",
            b["articles_per_s"] >= 2000,
        )
        add(
            "ingest",
            "batch request p50 / p99 ms",
            b["request_ms"]["p50"],
            "{:.0f}" + f" / {b['request_ms']['p99']:.0f}",
        )
    s = _get(report, "ingest", "single")
    if s:
        lat = s["latency_ms"]
        add("ingest", f"single POST at {s['rate']:.0f}/s: p50 / p95 / p99 ms", lat["p99"],
            f"{lat['p50']:.1f} / {lat['p95']:.1f} / " + "{:.1f}", "p99 < 100",
            lat["p99"] < 100)  # fmt: skip
    for key in ("sustainable", "at_50"):
        f = _get(report, "freshness", key)
        if not f or "freshness_ms" not in f:  # {"error": ...}: that load failed
            continue
        fl = f["freshness_ms"]
        add("freshness", f"202 -> searchable at {f['rate']:g}/s: p50 / p95 / p99 ms", fl["p95"],
            f"{fl['p50']:,.0f} / " + "{:,.0f}" + f" / {fl['p99']:,.0f}",
            "p95 < 2,000", fl["p95"] < 2000)  # fmt: skip
        add("freshness", f"  searchable / accepted at {f['rate']:g}/s", f["searchable"],
            "{}" + f" / {f['accepted']}")  # fmt: skip
        st = f.get("story_visible_ms")
        if st:
            bound = fl["p95"] + 1000  # issue 13: within 1 s of 202 -> searchable's p95
            add("freshness", f"202 -> story visible at {f['rate']:g}/s: p50 / p95 / p99 ms",
                st["p95"], f"{st['p50']:,.0f} / " + "{:,.0f}" + f" / {st['p99']:,.0f}",
                f"p95 <= {fl['p95']:,.0f} + 1,000", st["p95"] <= bound)  # fmt: skip
            add("freshness", "  story visible / accepted", f["stories_visible"],
                "{}" + f" / {f['accepted']}")  # fmt: skip
            gap = f.get("searchable_to_story_ms")
            if gap and gap["n"]:
                add("freshness", "  per article, searchable -> story visible: p50 / p95 ms",
                    gap["p50"], "{:,.0f}" + f" / {gap['p95']:,.0f}")  # fmt: skip
            a, b = f.get("enriched_to_placed_ms"), f.get("placed_to_story_visible_ms")
            if a and b and a["n"] and b["n"]:
                add("freshness", "  p50: enriched -> story committed | -> story visible (ms)",
                    a["p50"], "{:,.0f}" + f" | {b['p50']:,.0f}")  # fmt: skip
            _path_rows(add, f.get("story_path_ms") or {})
        e, x = f.get("accepted_to_enriched_ms"), f.get("enriched_to_searchable_ms")
        if e and x:
            add("freshness", "  p50: 202 -> enriched | enriched -> searchable (ms)", e["p50"],
                "{:,.0f}" + f" | {x['p50']:,.0f}")  # fmt: skip
        _path_rows(add, {k: f[f"{k}_ms"] for k in ("enriched_to_stored", "stored_to_searchable")
                         if f.get(f"{k}_ms")})  # fmt: skip
    sr = _get(report, "search")
    if sr:
        for kind, r in sr["results"].items():
            add(
                "search",
                f"{kind} at {sr['articles']:,} docs: p50 / p95 ms",
                r["p95_ms"],
                f"{r['p50_ms']:.1f} / " + "{:.1f}",
                "p95 < 50",
                r["p95_ms"] < 50,
            )
    mem = _get(report, "freshness", "memory_mb") or {}
    for name, m in mem.items():
        target = "< 1,500" if name == "enrich" else ""
        add("memory", f"RSS {name} (steady, median / max MB)", m["median"],
            "{:,.0f}" + f" / {m['max']:,.0f}", target,
            m["max"] < 1500 if name == "enrich" else None)  # fmt: skip
    return out


def table(report: dict[str, Any]) -> Table:
    m = report["machine"]
    t = Table(title=f"newsflow performance ({report['mode']} run, {m['cores']} cores, "
                    f"{m['cpu']}, {m['memory_gb']} GB)")  # fmt: skip
    for col in ("area", "measure", "value", "target", ""):
        t.add_column(col)
    for r in report.get("summary", []):
        mark = {True: "[green]holds[/]", False: "[red]misses[/]", None: ""}[r["ok"]]
        t.add_row(r["area"], r["what"], r["shown"], r["target"], mark)
    loads = [f"{k} {v['loadavg_start'][0]:.1f}->{v['loadavg_end'][0]:.1f}"
             for k, v in report["stages"].items()]  # fmt: skip
    busy = [f"{k} {v['cores_busy']:.1f}" for k, v in report["stages"].items() if "cores_busy" in v]
    t.caption = ("1-min load average per stage: " + ", ".join(loads)
                 + "\ncores busy (all processes) per stage: " + ", ".join(busy))  # fmt: skip
    return t

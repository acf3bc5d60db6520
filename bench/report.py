"""Print the benchmark's results as a plain-text table, each figure beside its target."""

from __future__ import annotations

from typing import Any


def _mark(ok: bool | None) -> str:
    return "" if ok is None else ("  ok" if ok else "  MISSED")


def _row(label: str, value: str, target: str = "", ok: bool | None = None) -> None:
    print(f"  {label:<44} {value:>22}  {target:<14}{_mark(ok)}")


def _kb(value: float) -> str:
    return f"{value / 1000:.1f} kB"


def print_table(results: dict[str, Any]) -> None:
    targets = results["targets"]
    machine = results["machine"]
    print(
        f"\nBenchmark of {results.get('commit') or 'the working tree'} on {machine['cpus']} CPUs, "
        f"load average {machine['load_average_before']} → {machine.get('load_average_after')}"
    )
    scale = results.get("scale")
    if scale:
        print("\n1–2. Scale (synthetic series of one plan, no PDFs): median of the measured runs")
        print(
            f"  {'initiatives':<12}{'variant':<13}{'pages':>7}{'wall s':>9}{'CPU s':>8}"
            f"{'ms/page':>9}{'CPU ms/page':>13}{'peak MB':>9}"
        )
        for size, entry in scale.items():
            if not isinstance(entry, dict):
                continue
            for variant in ("generated", "handwritten"):
                item = entry[variant]
                print(
                    f"  {size:<12}{variant:<13}{item['pages']:>7}"
                    f"{item['wall_seconds_median']:>9.2f}{item['cpu_seconds_median']:>8.2f}"
                    f"{item['ms_per_page']:>9.2f}{item['cpu_ms_per_page']:>13.2f}"
                    f"{item['peak_rss_mb']:>9.0f}"
                )
        if "per_page_ratio_1000_to_100" in scale:
            ratio = scale["per_page_ratio_1000_to_100"]
            _row(
                "ms/page at 1000 ÷ at 100 (wall)",
                f"{ratio:.3f}",
                f"≤ {targets['per_page_ratio_1000_to_100']}",
                ratio <= targets["per_page_ratio_1000_to_100"],
            )
            _row("ms/page at 1000 ÷ at 100 (CPU)", f"{scale['cpu_per_page_ratio_1000_to_100']:.3f}")
            marginal = [
                f"{scale[key]:.2f}"
                for key in ("marginal_ms_per_page_10_to_100", "marginal_ms_per_page_100_to_1000")
                if key in scale
            ]
            _row("each extra page (10→100; 100→1000)", " ms; ".join(marginal) + " ms")
        if "1000" in scale:
            peak = scale["1000"]["generated"]["peak_rss_mb"]
            _row(
                "peak memory at 1000",
                f"{peak:.0f} MB",
                f"< {targets['peak_rss_mb_at_1000']} MB",
                peak < targets["peak_rss_mb_at_1000"],
            )
        for size, entry in scale.items():
            if isinstance(entry, dict):
                ratio = entry["generated_to_handwritten"]
                target = targets["generated_to_handwritten_at_1000"]
                _row(
                    f"generated ÷ hand-written at {size} (wall; CPU)",
                    f"{ratio:.3f}; {entry['generated_to_handwritten_cpu']:.3f}",
                    f"≤ {target}" if size == "1000" else "",
                    ratio <= target if size == "1000" else None,
                )
    series = results.get("series")
    if series:
        print(
            f"\n1b. Series of plans ({series['initiatives_per_plan']} initiatives each, "
            "shared actors, no PDFs): median of the measured runs"
        )
        print(
            f"  {'plans':<12}{'pages':>7}{'wall s':>9}{'CPU s':>8}"
            f"{'ms/page':>9}{'CPU ms/page':>13}{'peak MB':>9}"
        )
        for plans, item in series.items():
            if isinstance(item, dict):
                print(
                    f"  {plans:<12}{item['pages']:>7}"
                    f"{item['wall_seconds_median']:>9.2f}{item['cpu_seconds_median']:>8.2f}"
                    f"{item['ms_per_page']:>9.2f}{item['cpu_ms_per_page']:>13.2f}"
                    f"{item['peak_rss_mb']:>9.0f}"
                )
        if "per_page_ratio_6_to_1" in series:
            ratio = series["per_page_ratio_6_to_1"]
            target = targets["series_per_page_ratio_6_to_1"]
            _row(
                "ms/page at 6 plans ÷ at 1 plan (wall)",
                f"{ratio:.3f}",
                f"≤ {target}",
                ratio <= target,
            )
            _row(
                "ms/page at 6 plans ÷ at 1 plan (CPU)", f"{series['cpu_per_page_ratio_6_to_1']:.3f}"
            )
            _row("each extra page (1→6 plans)", f"{series['marginal_ms_per_page_1_to_6']:.2f} ms")
        if "6" in series:
            peak = series["6"]["peak_rss_mb"]
            target = targets["peak_rss_mb_at_6_plans"]
            _row("peak memory at 6 plans", f"{peak:.0f} MB", f"< {target} MB", peak < target)
    serve = results.get("serve")
    if serve:
        plans = serve.get("plans_in_series")
        print(
            "\n3. Editor feedback: save a new initiative title → both languages served with it "
            f"(mkdocs serve, real series of {plans} plans, plan {serve.get('plan')})"
        )
        median = serve["median_seconds"]
        _row(
            f"median of {serve['edits']} edits (max {serve['max_seconds']:.2f} s)",
            f"{median:.2f} s",
            f"≤ {targets['editor_feedback_seconds']} s",
            median <= targets["editor_feedback_seconds"],
        )
        per_language = serve["median_seconds_per_language"]
        _row(
            "median per language (da; en)",
            f"{per_language['da']:.2f} s; {per_language['en']:.2f} s",
        )
        pdf = serve["pdf_updated_median_seconds"]
        _row(
            f"plan PDF updated after (in {serve['pdf_updated_in']})",
            "—" if pdf is None else f"{pdf:.1f} s",
            "background",
        )
    cold = results.get("cold")
    if cold:
        print(
            "\n4. Cold build of the real series, both languages and every plan's PDFs "
            "(empty site and PDF cache)"
        )
        item = cold["cold"]
        _row(
            f"median of {len(item['runs'])}, {item['pages']} pages "
            f"(CPU {item['cpu_seconds_median']:.1f} s, {item['peak_rss_mb']:.0f} MB)",
            f"{item['wall_seconds_median']:.2f} s",
            f"≤ {targets['cold_build_seconds']} s",
            item["wall_seconds_median"] <= targets["cold_build_seconds"],
        )
        _row("same build, PDF cache filled", f"{cold['pdf_cache_filled']['wall_seconds']:.2f} s")
    weight = results.get("weight")
    if weight:
        print(
            "\n5. Page weight: gzip bytes Chromium loads on a first visit "
            "(without the search index)"
        )
        print(
            f"  {'page':<24}{'HTML':>9}{'CSS':>9}{'JS':>9}"
            f"{'fonts':>8}{'images':>9}{'other':>8}{'total':>10}"
        )
        for name, item in weight["pages"].items():
            sizes = item["gzip_bytes"]
            ok = (
                item["total_gzip_bytes"] <= targets["page_gzip_kb"] * 1000
                and sizes["js"] <= targets["page_js_gzip_kb"] * 1000
            )
            print(
                f"  {name:<24}"
                + "".join(
                    f"{_kb(sizes[kind]):>{width}}"
                    for kind, width in (
                        ("html", 9),
                        ("css", 9),
                        ("js", 9),
                        ("fonts", 8),
                        ("images", 9),
                        ("other", 8),
                    )
                )
                + f"{_kb(item['total_gzip_bytes']):>10}{_mark(ok)}"
            )
        print(
            f"  targets: ≤ {targets['page_gzip_kb']} kB per page, "
            f"≤ {targets['page_js_gzip_kb']} kB JS"
        )
        worker = sorted(
            {item.get("js_search_worker_gzip_bytes", 0) for item in weight["pages"].values()}
        )
        print(
            "  of the JS, the search worker and its language files: "
            f"{' / '.join(_kb(value) for value in worker)}"
        )
        for language, sizes in weight["search_index"].items():
            _row(
                f"search index ({language}), raw {_kb(sizes['raw'])}",
                _kb(sizes["gzip"]),
                f"≤ {targets['search_index_gzip_kb']} kB",
                sizes["gzip"] <= targets["search_index_gzip_kb"] * 1000,
            )
    lighthouse = results.get("lighthouse")
    if lighthouse:
        minimum = targets["lighthouse"]
        runs = len(next(iter(lighthouse.values())).get("runs", [None]))
        print(f"\n6. Lighthouse 12.2.3, mobile preset: median of {runs} runs per page")
        print(f"  {'page':<24}" + "".join(f"{name:>16}" for name in minimum))
        for name, item in lighthouse.items():
            scores = item["scores"]
            ok = all(
                scores[category] is not None and scores[category] >= value
                for category, value in minimum.items()
            )
            print(
                f"  {name:<24}"
                + "".join(f"{scores[category]:>16.2f}" for category in minimum)
                + _mark(ok)
            )
        print(
            "  targets:              "
            + "".join(f"{'≥ ' + str(value):>16}" for value in minimum.values())
        )

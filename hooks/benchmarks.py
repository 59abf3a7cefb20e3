"""Show the figures `make bench` recorded in benchmarks/latest.json.

A maintainer's page, in English in every language (like the translation
status): the figures, when and where they were measured, and the targets.
"""
import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from generated_page import add_page

RESULTS = Path(__file__).resolve().parents[1] / "benchmarks" / "latest.json"
TARGETS = {"clean_build_s": "≤ 20 (≤ 30 with the pretraining lab)",
           "lab[pretraining]_s": "≤ 15", "make_check_s": "≤ 60",
           "make_test_s": "≤ 300", "performance": "≥ 97", "accessibility": "100",
           "best-practices": "100", "seo": "100", "elements": "≤ 2,500"}
WEIGHT = re.compile(r"page_weight\[(.+)\]\[(.+)\]_bytes")
# `import torch` in the run of 2026-11-26 the time targets were set in.
TARGETS_IMPORT_TORCH_S = 1.17


def scaled_times(figures: dict) -> dict:
    """Each time as it would read in the hour the targets were set: times
    the yardstick of that hour over the `import torch` taken last before
    it (the figures keep the order they were measured in)."""
    scaled, yardstick = {}, None
    for name, value in figures.items():
        if name.startswith("import_torch"):
            yardstick = value
        elif name.endswith("_s") and yardstick:
            scaled[name] = round(value * TARGETS_IMPORT_TORCH_S / yardstick, 1)
    return scaled


def markdown(results=RESULTS):
    lines = ["# Benchmarks { #benchmarks }", ""]
    if not results.exists():
        return "\n".join(lines + ["No figures yet: run `make bench`.", ""])
    data = json.loads(results.read_text(encoding="utf-8"))
    figures = data["figures"]
    scaled = scaled_times(figures)
    lines += [f"Measured by `make bench` on {data['date']} ({data['machine']}).",
              "Build and snippet times and Lighthouse scores (mobile preset) "
              "are medians of `BENCH_RUNS` runs, 3 unless set, and so is "
              "`make_check_s`; `make_check_s` and `make_test_s` (one run) "
              "start from a state without "
              "`site/` or `.cache/` (a fresh clone with the venv installed), "
              "`make_check_again_s` one run right after (the inner loop, "
              "with the labs, pictures and language verdicts in `.cache/`); "
              "`test_file[...]` is the time of the slowest test files "
              "in that `make test`, summed over both cores; "
              "`import_torch_before[...]` is `import torch` just before that "
              "figure, the yardstick of its own minutes (the machine's speed "
              "drifts within a bench; for `make_check_s`, the median of those "
              "before each run). Lighthouse's runs go round the pages, one "
              "run of each page at a time. A Lighthouse run whose host "
              "measured a "
              "`benchmarkIndex` under 1500, below the high-end desktop its "
              "mobile preset is calibrated for, is set aside whatever it "
              "scored, and counted in `runs_set_aside`; `benchmark_index` is "
              "the median of the runs kept.",
              f"The targets were set in an hour when `import torch` took "
              f"{TARGETS_IMPORT_TORCH_S} s, and this machine's speed moves "
              "by half within an hour: *Scaled* is a time times "
              f"{TARGETS_IMPORT_TORCH_S} s over the `import torch` taken "
              "last before it, the figure to hold against its target.",
              "", "| Figure | Value | Scaled | Target |", "|---|---|---|---|"]
    for name, value in figures.items():
        if name.startswith("page_weight"):
            continue
        target = TARGETS.get(name) or TARGETS.get(name.split("[")[-1].
                                                  rstrip("]")) or \
            TARGETS.get(name.split("[")[0], "")
        lines.append(f"| `{name}` | {value} | {scaled.get(name, '')} | "
                     f"{target} |")
    weights = {}
    for name, value in figures.items():
        if match := WEIGHT.fullmatch(name):
            weights.setdefault(match[1], {})[match[2]] = value
    kinds = sorted({k for page in weights.values() for k in page} - {"total"})
    lines += ["", "## Page weight (bytes on a first visit) { #page-weight }", "",
              "Bytes transferred (gzipped where the server compresses) "
              "before the reader does anything. Targets for the total: "
              "150 kB on a landing or topic page, 200 kB on a lab.", "",
              "| Page | " + " | ".join(kinds) + " | total |",
              "|---" * (len(kinds) + 2) + "|"]
    for page, sizes in weights.items():
        lines.append(f"| `{page}` | " + " | ".join(
            f"{sizes.get(k, 0):,.0f}" for k in kinds) +
            f" | {sizes['total']:,.0f} |")
    return "\n".join(lines) + "\n"


@event_priority(-150)
def on_files(files, config):
    return add_page(files, config, "benchmarks", markdown(), translated=False)

"""`make bench`: measure, print `name: value` lines. Never a pass/fail test."""
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def wall(command, runs=RUNS, before=None):
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def clean_build_state():
    shutil.rmtree(ROOT / "site", ignore_errors=True)
    shutil.rmtree(ROOT / ".cache", ignore_errors=True)


def report(name, value, unit=""):
    print(f"{name}: {value:.2f}{unit}", flush=True)


def main():
    import_torch = wall([sys.executable, "-c", "import torch"])
    # Building any torch.optim optimizer imports torch._dynamo (about 1 s);
    # the training-step snippet must, so this is the suite's floor.
    floor = wall([sys.executable, "-c", "import torch, torch._dynamo"])
    suite = wall([sys.executable, "-m", "pytest", "-q",
                  "tests/test_snippets.py"])
    report("import_torch_s", import_torch)
    report("snippet_suite_s", suite)
    report("snippet_suite_over_import_torch", suite / import_torch)
    report("import_torch_and_dynamo_s", floor)
    report("snippet_suite_over_import_torch_and_dynamo", suite / floor)

    build = [str(BIN / "mkdocs"), "build", "--strict"]
    report("clean_build_s", wall(build, before=clean_build_state))
    report("warm_build_s", wall(build))


if __name__ == "__main__":
    main()

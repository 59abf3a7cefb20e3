"""`make bench`: measure, print `name: value` lines, record them for the site.

Never a pass/fail test: targets are read off these figures. The results go
to benchmarks/latest.json, from which the build makes the benchmarks page.
"""
import datetime
import functools
import gzip
import http.server
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from docsite import model
from site_config import build_only

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
CHROMIUM = os.environ.get("DOCS_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
MEASURED_KINDS = ("landing", "topic", "lab")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
FIGURES = {}


def wall(command, runs=RUNS, before=None, env=None):
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"{' '.join(map(str, command))} failed, so there is no "
                     f"figure for it; its output ends:\n{done.stdout[-3000:]}")
    return statistics.median(times)


def report(name, value, digits=2):
    FIGURES[name] = round(value, digits)
    print(f"{name}: {FIGURES[name]}", flush=True)


def clean_build_state():
    shutil.rmtree(ROOT / "site", ignore_errors=True)
    shutil.rmtree(ROOT / ".cache", ignore_errors=True)


def builds():
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    build = [str(BIN / "mkdocs"), "build", "--strict"]
    yardstick("clean_build_s", import_torch())
    report("clean_build_s", wall(build, before=clean_build_state, env=env))
    report("warm_build_s", wall(build, env=env))
    with tempfile.TemporaryDirectory() as site:
        report("one_language_build_s",
               wall(build + ["-d", site], env=dict(
                   env, **build_only([model.default_language()]))))
    subprocess.run(build, cwd=ROOT, check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def yardstick(figure, seconds):
    """`import torch` again just before a figure taken long after
    import_torch_s: this machine's speed drifts within a bench, and a
    figure compares with the `import torch` of its own minutes. Reported
    before the figure: the benchmarks page scales each time by the
    `import torch` reported last before it."""
    report(f"import_torch_before[{figure}]_s", seconds)


def import_torch():
    return wall([sys.executable, "-c", "import torch"])


def snippets():
    """One fresh interpreter per snippet and device, as a reader runs it:
    the suite's time against the floor of one `import torch`."""
    report("import_torch_s", import_torch())
    report("snippet_suite_s", wall([sys.executable, "-m", "pytest", "-q",
                                    "-n", "auto", "tests/test_snippets.py"]))


LAB_RUN = """
from docsite import labs
from coding_exercises import hints_for
labs.execute({lab!r}, {{"en": labs.notebook({lab!r}, "en",
                                          hints=hints_for("en"))}})
"""


def lab_times():
    """Each lab run once in English from nothing: a fresh interpreter,
    its own kernel, no cache (what a clean build pays for it, and what a
    reader waits for running the download)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT / "hooks"), str(ROOT / "tools"),
         os.environ.get("PYTHONPATH", "")]))
    for lab in model.labs():
        report(f"lab[{lab}]_s", wall([sys.executable, "-c",
                                      LAB_RUN.format(lab=lab)], env=env))


DURATION = re.compile(r"^([\d.]+)s (?:setup|call|teardown) +(tests/\S+?)::",
                      re.MULTILINE)


def make_times():
    """`make check` and `make test` as a contributor runs them from a fresh
    clone whose venv is installed, `make check` again as the inner loop
    runs it (with what the first run left in .cache/), and the slowest test
    files. `make check` from fresh is the median of several runs, each
    after its own yardstick: here one took 94 s, and the same steps 69 s
    minutes later."""
    for target, name, fresh, runs in (("check", "make_check_s", True, RUNS),
                                      ("check", "make_check_again_s", False,
                                       1),
                                      ("test", "make_test_s", True, 1)):
        times, yardsticks = [], []
        for _ in range(runs):
            if fresh:
                clean_build_state()
            yardsticks.append(import_torch())
            start = time.perf_counter()
            done = subprocess.run(
                ["make", target, "PYTEST_ARGS=--durations=0 -q"], cwd=ROOT,
                text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                sys.exit(f"make {target} failed; its output ends:\n"
                         f"{done.stdout[-3000:]}")
        yardstick(name, statistics.median(yardsticks))
        report(name, statistics.median(times), 0)
    per_file = {}
    for seconds, name in DURATION.findall(done.stdout):
        per_file[name] = per_file.get(name, 0) + float(seconds)
    for name, seconds in sorted(per_file.items(), key=lambda f: -f[1])[:6]:
        report(f"test_file[{name}]_s", seconds, 0)


class Gzipping(http.server.SimpleHTTPRequestHandler):
    """Serves text gzipped when asked, as GitHub Pages does."""
    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.suffix in self.TEXT and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def serve():
    """Serve site/ where it was built for (its canonical URLs point there)."""
    sitemap = (ROOT / "site" / "sitemap.xml").read_text(encoding="utf-8")
    port = int(re.search(r"<loc>http://127\.0\.0\.1:(\d+)/", sitemap)[1])
    handler = functools.partial(Gzipping, directory=str(ROOT / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}/"


def kind_of(response):
    url, kind = response.url, response.request.resource_type
    if "search_index" in url:
        return "search_index"
    return {"document": "html", "stylesheet": "css", "script": "js",
            "font": "fonts", "image": "images"}.get(kind, "other")


def transferred(response):
    """Bytes on the wire: the compressed size where the server gzipped."""
    length = response.headers.get("content-length")
    return int(length) if length else len(response.body())


def measured_pages():
    """Every English page, and the heaviest page of each kind (landing,
    topic, lab: the most HTML) in every other language."""
    site = ROOT / "site"
    built = [page for page in model.read_manifest(site)
             if page.kind in MEASURED_KINDS]
    chosen = [page.url for page in built
              if page.language == model.default_language()]
    for language in model.all_languages():
        if language == model.default_language():
            continue
        for kind in MEASURED_KINDS:
            pages = [page for page in built
                     if page.language == language and page.kind == kind]
            if pages:
                chosen.append(max(pages, key=lambda page: (
                    site / page.url / "index.html").stat().st_size).url)
    return chosen


def name_of(url):
    return url or "home"


def page_weights(base, pages):
    """What each page loads before the reader does anything, and how many
    elements it has once loaded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=FLAGS[1:])
        for path in pages:
            context = browser.new_context()
            sizes = {}
            context.on("response", lambda r: sizes.__setitem__(
                kind_of(r), sizes.get(kind_of(r), 0) + transferred(r)))
            page = context.new_page()
            page.goto(base + path, wait_until="networkidle")
            elements = page.evaluate("document.querySelectorAll('*').length")
            context.close()
            for kind, size in sorted(sizes.items()):
                report(f"page_weight[{name_of(path)}][{kind}]_bytes", size, 0)
            report(f"page_weight[{name_of(path)}][total]_bytes",
                   sum(sizes.values()), 0)
            report(f"elements[{name_of(path)}]", elements, 0)
        browser.close()


# Lighthouse's mobile preset slows the CPU 4 times, calibrated for a host
# with a benchmarkIndex of a high-end desktop (1500-2000, its throttling
# docs). This machine measures 2,200 idle; busy neighbours take it to 1,400,
# and then the preset emulates a phone slower than the mid-tier one meant.
CALIBRATED_FROM = 1500


def lighthouse_run(url) -> dict:
    done = subprocess.run(
        [str(ROOT / "node_modules" / ".bin" / "lighthouse"), url, "--quiet",
         "--output=json", "--output-path=stdout",
         f"--chrome-flags={' '.join(FLAGS)}",
         f"--only-categories={','.join(CATEGORIES)}"],
        cwd=ROOT, env=dict(os.environ, CHROME_PATH=CHROMIUM),
        capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{done.stderr}")
    return json.loads(done.stdout)


def lighthouse(base, pages, runs=RUNS):
    """Median of several mobile runs per page (one run's performance score
    swings by about 5 points with the machine's load), of runs on a host
    the preset is calibrated for: a run whose benchmarkIndex is lower is
    set aside, whatever it scored, and counted; up to twice `runs` tries.
    The runs go round the pages, so that a minute of busy neighbours falls
    on one run of several pages, not on every run of one."""
    kept = {path: [] for path in pages}
    set_aside = {path: [] for path in pages}
    for _ in range(2 * runs):
        for path in pages:
            if len(kept[path]) >= runs:
                continue
            result = lighthouse_run(base + path)
            index = result["environment"]["benchmarkIndex"]
            (kept if index >= CALIBRATED_FROM else set_aside)[path].append(
                (index, result))
    for path in pages:
        if not kept[path]:
            sys.exit(f"lighthouse: every run of {path} had a benchmarkIndex "
                     f"under {CALIBRATED_FROM} "
                     f"({[i for i, _ in set_aside[path]]}): run make bench "
                     "when the machine is idle")
        for category in CATEGORIES:
            report(f"lighthouse[{name_of(path)}][{category}]",
                   statistics.median(result["categories"][category]["score"]
                                     * 100 for _, result in kept[path]), 0)
        report(f"lighthouse[{name_of(path)}][benchmark_index]",
               statistics.median(index for index, _ in kept[path]), 0)
        report(f"lighthouse[{name_of(path)}][runs_set_aside]",
               len(set_aside[path]), 0)


def machine():
    cpu = next((line.split(":", 1)[1].strip()
                for line in open("/proc/cpuinfo", encoding="utf-8")
                if line.startswith("model name")), platform.processor())
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return f"{cpu}, {os.cpu_count()} cores, {memory / 2**30:.0f} GiB"


def main():
    snippets()
    lab_times()
    builds()
    server, base = serve()
    pages = measured_pages()
    try:
        page_weights(base, pages)
        lighthouse(base, pages)
    finally:
        server.shutdown()
        server.server_close()
    if os.environ.get("BENCH_MAKE_TEST", "1") == "1":
        make_times()
    record = {"date": datetime.date.today().isoformat(),
              "machine": machine(), "figures": FIGURES}
    folder = ROOT / "benchmarks"
    folder.mkdir(exist_ok=True)
    (folder / "latest.json").write_text(json.dumps(record, indent=2) + "\n",
                                        encoding="utf-8")


if __name__ == "__main__":
    main()

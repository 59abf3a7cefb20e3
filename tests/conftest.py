"""Fixtures for the tests that look at the built site.

The snippet tests need only torch and pytest (the GPU runner has nothing
else), so everything here is imported lazily.
"""
import functools
import http.server
import os
import re
import threading
import urllib.parse
from pathlib import Path

import pytest

# The test workers share the cores with each other and with the processes
# they start (snippets, kernels). A torch that spreads every operation over
# all cores then waits for threads another process holds: the pretraining
# lab took 360 s in a worker instead of 5. One thread each; an
# OMP_NUM_THREADS already set wins.
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
# A formula in Markdown, and one shown as typed instead of typeset.
FORMULA = re.compile(r"\$\$.+?\$\$|(?<![$\\])\$[^$\s][^$]*?\$", re.DOTALL)
RAW_TEX = re.compile(r"\$[^$\s][^$]*\$|\\(frac|partial|sum|sigma|hat|eta)\b")
# The browser resolves no host but this one: the site must load nothing
# from elsewhere, and a request that tries is logged (PageLog), not sent.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--no-first-run",
                  "--host-resolver-rules=MAP * ~NOTFOUND, "
                  "EXCLUDE 127.0.0.1, EXCLUDE localhost"]


@pytest.fixture(scope="session")
def site_dir():
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE} has no built site: run `make build` first")
    return SITE


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        """A missing address gets the site's 404.html, as GitHub Pages
        answers it."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that drops a connection it no longer needs (a page
        closed mid-download) is not an error of the site."""


def built_for(site_dir):
    """The site_url the site was built with (Material's language switcher
    matches sitemap URLs by port, so the site is served where it expects)."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    url = urllib.parse.urlsplit(re.search(r"<loc>([^<]+)</loc>", sitemap)[1])
    if url.hostname not in ("127.0.0.1", "localhost"):
        pytest.fail(f"site/ was built for {url.geturl()}: build it for "
                    "localhost (unset SITE_URL) before testing it")
    return url.hostname, url.port or 80


def serve(site_dir):
    """Serve site/ where it was built for, from a daemon thread."""
    host, port = built_for(site_dir)
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    try:
        server = QuietServer((host, port), handler)
    except OSError as error:
        return None, (f"cannot serve site/ on {host}:{port} ({error}); stop "
                      "whatever uses that port (`make serve`?) and retry")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{port}/"


SERVED_BY_CONTROLLER = "DOCS_SITE_SERVED_AT"


def pytest_configure(config):
    """Under pytest-xdist the controller serves the site once for all
    workers (each worker serving it would clash on the port)."""
    if hasattr(config, "workerinput") or not config.pluginmanager.hasplugin(
            "xdist") or not config.getoption("numprocesses", None):
        return
    if not (SITE / "sitemap.xml").exists():
        return
    try:
        config.site_server, served = serve(SITE)
    except pytest.fail.Exception as error:
        served = str(error)
    os.environ[SERVED_BY_CONTROLLER] = served


@pytest.fixture(scope="session")
def site_url(site_dir):
    served = os.environ.get(SERVED_BY_CONTROLLER)
    if served is not None:
        if not served.startswith("http"):
            pytest.fail(served)
        yield served
        return
    server, served = serve(site_dir)
    if server is None:
        pytest.fail(served)
    yield served
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("DOCS_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        pytest.fail(f"no Chromium at {chromium}: run `make browser` or "
                    "`apt-get install chromium`")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


class PageLog:
    """What a page did while loading: console errors, failed requests,
    requests to other hosts and every request it made. It only listens:
    routing requests through Playwright would turn the browser's cache
    off."""

    def __init__(self, page, base_url):
        self.base_url = base_url
        self.clear()
        page.on("console", lambda m: m.type == "error"
                and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED"
                and self.failed.append(f"{r.failure} {r.url}"))
        page.on("response", lambda r: r.status >= 400
                and self.failed.append(f"{r.status} {r.url}"))
        page.on("request", self.note_outside)

    def clear(self):
        self.errors, self.outside, self.failed = [], [], []
        self.requested = []

    def note_outside(self, request):
        self.requested.append(request.url)
        if not request.url.startswith((self.base_url, "data:", "blob:")):
            self.outside.append(request.url)


ARTIFACTS = ROOT / "test-artifacts"
RECORD_COPIES = """
document.addEventListener("copy", (event) => {
  const field = event.target;
  window.__copied = field && "value" in field
    ? field.value.substring(field.selectionStart, field.selectionEnd)
    : document.getSelection().toString();
}, true);
"""


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def screenshot_if_failed(request, pages):
    report = getattr(request.node, "report_call", None)
    if report is None or not report.failed:
        return
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
    for index, page in enumerate(pages):
        page.screenshot(path=ARTIFACTS / f"{name}-{index}.png", full_page=True)


def new_context(browser, **options):
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    context.add_init_script(RECORD_COPIES)
    return context


@pytest.fixture
def open_page(request, browser, site_url):
    contexts, pages = [], []

    def load(path, viewport=None, color_scheme="light"):
        context = new_context(browser, viewport=viewport,
                              color_scheme=color_scheme)
        contexts.append(context)
        page = context.new_page()
        pages.append(page)
        log = PageLog(page, site_url)
        page.goto(site_url + path, wait_until="load")
        return page, log

    yield load
    screenshot_if_failed(request, pages)
    for context in contexts:
        context.close()


SNIPPET_RESULTS = {}


def pytest_addoption(parser):
    parser.addoption(
        "--record-verification", metavar="FOLDER", default=None,
        help="after a complete snippet run, write FOLDER/<device>.json "
             "(`make verify` records into verification/)")


def pytest_runtest_logreport(report):
    if "test_snippet_prints_its_golden" not in report.nodeid:
        return
    case = report.nodeid.split("[", 1)[1].rstrip("]")
    if report.when == "call" or report.outcome != "passed":
        SNIPPET_RESULTS.setdefault(case, report.outcome)
        if report.outcome == "failed":
            SNIPPET_RESULTS[case] = "failed"


def pytest_sessionfinish(session):
    folder = session.config.getoption("--record-verification")
    if folder and SNIPPET_RESULTS:
        from test_snippets import write_verification_reports
        write_verification_reports(SNIPPET_RESULTS, Path(folder).resolve())


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    # torch and torch._dynamo leave ~300k objects; the interpreter's last
    # collections would walk them all again on exit (~0.5 s). Freezing them
    # moves them out of the collector's reach; they are still torn down.
    import gc
    gc.freeze()

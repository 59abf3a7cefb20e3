"""The built site as a reader's browser meets it.

One Chromium visit per built page (site/manifest.json, tests/site_pages.py)
checks what only a browser can tell: axe-core finds no violation (on
English pages also at phone width, and on English written pages in the
dark scheme), nothing fails to load or logs an error or reaches another
host, formulas, pictures and plots are laid out, scripts add no English
string to a translated page and give every snippet its copy button, and the
language switcher lands on the same page. What the HTML alone decides is
checked in tests/test_site_html.py.
"""
import contextlib
import re
from collections import Counter

import pytest

import site_pages
from coding_exercises import hints_for
from conftest import SITE, PageLog, new_context, screenshot_if_failed
from docsite import exercises, model
from site_pages import (DEFAULT, ROOTS, WRITTEN, article_of, built,
                        exercises_on,
                        code_blocks, english_in, graphs_of,
                        has_snippets, html_of, in_language, is_translated,
                        language_of, snippet_name, source_of, ui_texts)

pytestmark = pytest.mark.browser


def pytest_generate_tests(metafunc):
    site_pages.parametrize(metafunc)


def test_every_lab_is_browser_tested_in_every_language():
    labs = [url for url, page in built().items() if page.kind == "lab"]
    assert len(labs) == len(model.labs()) * len(model.all_languages()), labs


def search(page, query):
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    results = page.locator("li.md-search-result__item > a")
    results.first.wait_for(timeout=10_000)
    read = "links => links.map(a => new URL(a.href).pathname)"
    found, previous = results.evaluate_all(read), None
    while found != previous:
        page.wait_for_timeout(250)
        found, previous = results.evaluate_all(read), found
    return [path.removeprefix("/") for path in found]


# A word of the autograd chapter in each language.
SEARCHES = {"en": "autograd", "pl": "różniczkowanie", "de": "Ableitung",
            "sr": "izvod", "sr-Cyrl": "извод", "zh": "链式法则"}


def test_every_language_is_searched():
    assert set(SEARCHES) == set(model.all_languages()), (
        "give SEARCHES in tests/test_site.py a word for every language")


@pytest.mark.parametrize("language", SEARCHES)
def test_search_finds_the_page_in_its_language_only(
        open_page, site_url, language):
    query = SEARCHES[language]
    expected = {url for url, page in built().items()
                if page.language == language and
                query.lower() in (source_of(url) or "").lower()}
    assert expected, f"no {language} page says {query!r}: choose another word"
    page, _ = open_page(ROOTS[language])
    found = search(page, query)
    assert expected & set(found), (
        f"searching {query!r} on /{ROOTS[language]} found {found}, none of "
        f"the pages that say it: {sorted(expected)}")
    strays = [f for f in found if f not in built()
              or language_of(f) != language]
    assert not strays, f"{language} search returned other languages: {strays}"


AXE = SITE.parent / "node_modules" / "axe-core" / "axe.min.js"


AXE_REPORT = """async ([context, options]) => {
  const where = (node) => {
    const element = document.querySelector(node.target[0]);
    const file = element?.closest(".highlight")?.querySelector(".filename");
    return file ? `in the code of ${file.textContent.trim()}`
                : node.target.join(" ");
  };
  const found = await axe.run(context ?? document, {
    resultTypes: ["violations"], ...options});
  return found.violations.map(v => `${v.id}: ${v.help} (${v.impact}) -> ` +
    v.nodes.slice(0, 3).map(n => `${where(n)}: ` +
      (n.any[0]?.message ?? n.failureSummary)).join(" | "));
}"""


# Transitions (the header's title after a scroll, the colours after a
# switch) are over: axe judges the page a reader sees, not a frame of one.
SETTLED = """() => new Promise(r => requestAnimationFrame(() =>
  requestAnimationFrame(r))).then(() => document.getAnimations().every(
    a => a.playState !== "running" ||
         a.effect.getComputedTiming().endTime === Infinity))"""


def settle(page):
    page.wait_for_function(SETTLED)


# The colour scheme changes colours only, and the width changes layout
# only: the dark scheme is checked for the colour rules, a phone's width
# for every rule but contrast (the desktop visit checks them all).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
ONLY_COLOURS = {"runOnly": {"type": "rule", "values": COLOUR_RULES}}
ALL_BUT_COLOURS = {"rules": {rule: {"enabled": False}
                             for rule in COLOUR_RULES}}


def accessibility_violations(page, options=None, context=None):
    """axe-core's violations, each with its rule in words and, for a code
    block, the snippet file it shows."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        assert AXE.exists(), f"{AXE} is missing: run `npm ci --omit=dev`"
        page.add_script_tag(path=str(AXE))
    settle(page)
    return page.evaluate(AXE_REPORT, [context, options or {}])


PHONE = {"width": 360, "height": 740}
COMMENTED = re.compile(r"^\s*#", re.MULTILINE)


def test_code_comments_are_on_the_pages_the_contrast_checks_cover():
    commented = [p for p in (site_pages.ROOT / "snippets").rglob("*.py")
                 if COMMENTED.search(p.read_text(encoding="utf-8"))]
    assert commented, ("no snippet has a # comment: the contrast of code "
                       "comments is untested; keep one commented snippet")


def test_a_table_wider_than_the_page_is_a_named_keyboard_stop(open_page):
    page, _ = open_page("benchmarks/", viewport=PHONE)
    table = page.locator(".md-typeset__scrollwrap").filter(
        has=page.locator("th", has_text="total"))
    assert table.evaluate("w => w.scrollWidth > w.clientWidth"), (
        "the page-weight table fits a phone now: test a wider one")
    assert table.get_attribute("tabindex") == "0"
    assert table.get_attribute("role") == "region"
    assert table.get_attribute("aria-label") == (
        "Page weight (bytes on a first visit)")
    page.add_style_tag(content=".md-typeset__table { display: none }")
    page.evaluate("() => window.dispatchEvent(new Event('resize'))")
    settle(page)  # a11y.js measures in the next frame
    assert table.get_attribute("tabindex") is None, (
        "a table that stops overflowing must leave the tab order")


# One page load per built page runs every check of that page; a failing
# check does not hide the others: the test reports all of them.

def resize(page, viewport):
    """What a reader turning a phone does: the page is laid out anew, and
    the scripts that watch its size run."""
    page.set_viewport_size(viewport)
    settle(page)


def check_loads_cleanly_and_offline(page, log, path):
    assert not log.outside, f"/{path} asked other hosts: {log.outside}"
    assert not log.failed, f"/{path} had failed requests: {log.failed}"
    assert not log.errors, f"/{path} logged console errors: {log.errors}"


# A translated page shows the very code blocks of its English page (the same
# files, highlighted alike), and its other elements are the English page's,
# coloured by the same stylesheet: axe checks the code and the colours there.
# On a translated page it checks every other rule, and the colours of what
# English pages lack, the translation notices.
SAME_AS_ENGLISH = {"exclude": [["article pre"]]}
NOTICES = ".admonition"


def check_accessibility(page, log, path):
    if not is_translated(path):
        violations = accessibility_violations(page)
    else:
        violations = accessibility_violations(page, ALL_BUT_COLOURS,
                                              SAME_AS_ENGLISH)
        if page.locator(NOTICES).count():
            violations += accessibility_violations(
                page, ONLY_COLOURS, {**SAME_AS_ENGLISH,
                                     "include": [[NOTICES]]})
    assert not violations, f"/{path}: " + "\n".join(violations)


@contextlib.contextmanager
def phone_width(page):
    desktop = page.viewport_size
    resize(page, PHONE)
    try:
        yield
    finally:
        resize(page, desktop)


def graph_keeps_its_size_and_scrolls(page, path, picture):
    image = page.locator(f'figure > p > img[src$="graphs/{picture}"]')
    wrapper = image.locator("xpath=..")
    with phone_width(page):
        image.scroll_into_view_if_needed()
        assert image.evaluate("i => i.width === i.naturalWidth"), (
            f"/{path}: {picture} shrinks to the phone's width and its text "
            "is too small to read")
        caption = image.locator("xpath=ancestor::figure//figcaption")
        assert wrapper.get_attribute("tabindex") == "0", (
            f"/{path}: {picture} scrolls on a phone but is no keyboard stop")
        assert wrapper.get_attribute("role") == "region"
        assert wrapper.get_attribute("aria-label") == " ".join(
            caption.text_content().split()), (
            f"/{path}: {picture} is not named by its caption on a phone")
    assert wrapper.get_attribute("tabindex") is None, (
        f"/{path}: {picture} fits a desktop page and must leave the tab order")


def check_on_a_phone(page, log, path):
    """No axe violation at phone width; a graph picture keeps its size
    there and scrolls as a named keyboard stop."""
    with phone_width(page):
        violations = accessibility_violations(page, ALL_BUT_COLOURS)
    assert not violations, f"/{path} at {PHONE['width']}px: " + "\n".join(
        violations)
    for picture in graphs_of(path):
        graph_keeps_its_size_and_scrolls(page, path, picture)


SCHEME_SWITCHED = ("document.body.dataset.mdColorScheme === 'slate' && "
                   "!document.body.hasAttribute('data-md-color-switching')")


TOOLTIPS_SETTLED = """() => !document.querySelector(
    ".md-tooltip--active, .md-tooltip2--active")"""


def check_in_the_dark_scheme(page, log, path):
    """The reader switches to the dark scheme with the header's toggle."""
    page.locator('form[data-md-component="palette"] label:not([hidden])'
                 ).click()
    page.wait_for_function(SCHEME_SWITCHED)
    # the toggle keeps the focus and the pointer, so its tooltip would fade
    # in while axe reads the colours: the reader looks away from it
    page.evaluate("document.activeElement.blur()")
    page.mouse.move(0, page.viewport_size["height"] - 1)
    page.wait_for_function(TOOLTIPS_SETTLED)
    violations = accessibility_violations(page, ONLY_COLOURS)
    assert not violations, f"/{path} (dark): " + "\n".join(violations)


DISPLAY_MATH = """() => [...document.querySelectorAll(
    'article math[display="block"]')].map(math => [
  getComputedStyle(math).display, math.querySelector("mfrac") !== null,
  math.getBoundingClientRect().height])"""


def check_display_math_is_laid_out(page, log, path):
    """Chromium lays out MathML: display formulas are blocks, and a
    fraction stands taller than a line of text."""
    for display, fraction, height in page.evaluate(DISPLAY_MATH):
        assert display.startswith("block"), (
            f"/{path}: display math is laid out as {display!r}, not as a "
            "block: MathML is not rendered")
        assert height > 20 or not fraction, (
            f"/{path}: a displayed fraction is {height:.0f}px high: display "
            "math is not rendered")


def check_graph_pictures_load(page, log, path):
    for picture in graphs_of(path):
        image = page.locator(f'article img[src$="graphs/{picture}"]')
        image.scroll_into_view_if_needed()
        assert image.evaluate("i => i.complete && i.naturalWidth > 0"), (
            f"/{path}: {picture} did not load")


# Lab plots load when scrolled to (hooks/lab_images.py): wait for it.
LOADED = "i => i.decode().then(() => i.naturalWidth > 0, () => false)"


def check_lab_plots_load(page, log, path):
    plots = page.locator("article .jp-OutputArea-output img")
    assert plots.count() >= 1, f"/{path} shows no plot"
    for plot in plots.all():
        plot.scroll_into_view_if_needed()
        assert plot.evaluate(LOADED), f"/{path}: a plot did not load"


# Material gives a code block its copy button once the block comes into view
# (content.lazy): each python block is brought into view in turn, as a reader
# scrolling would (a closed solution opened for it, then closed again), and
# must have its button a few frames later. The page ends at the top again.
COPY_BUTTONS = """async () => {
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const found = [];
  for (const pre of document.querySelectorAll(
      "article div.language-python pre")) {
    const closed = [];
    for (let d = pre.closest("details:not([open])"); d;
         d = d.parentElement.closest("details:not([open])")) closed.push(d);
    closed.forEach(d => d.open = true);
    pre.scrollIntoView({block: "center"});
    const button = () => pre.querySelector(
      `button[data-clipboard-target="#${pre.id} > code"]`);
    for (let i = 0; i < 20 && !button(); i++) await frame();
    found.push(button() !== null);
    closed.forEach(d => d.open = false);
  }
  window.scrollTo(0, 0);
  await frame();
  return found;
}"""


def check_every_snippet_has_a_copy_button(page, log, path):
    """Material's script adds the buttons; test_site_html.py checks what
    they copy."""
    buttons = page.evaluate(COPY_BUTTONS)
    settle(page)
    assert buttons and all(buttons), (
        f"/{path}: of its {len(buttons)} python blocks, "
        f"{buttons.count(False)} have no copy button once in view")


UI_TEXT = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const name of ["title", "aria-label", "alt", "placeholder"]) {
      const value = element.getAttribute(name);
      if (value) found.push([`${element.tagName.toLowerCase()}[${name}]`,
                             value.trim()]);
    }
  }
  for (const element of document.querySelectorAll(
      ".notice, label, button, .md-button, .md-footer__direction"))
    found.push([element.tagName.toLowerCase(), element.textContent.trim()]);
  return found;
}"""


def check_scripts_add_no_english_ui_string(page, log, path):
    """What the page shows or speaks now, less what its HTML already said
    (test_site_html.py checks that): the strings scripts added."""
    added = (Counter(map(tuple, page.evaluate(UI_TEXT)))
             - ui_texts(html_of(path)))
    left = english_in(added, language_of(path))
    assert not left, (f"/{path}: scripts show or speak English UI strings: "
                      f"{left}; translate them in mkdocs.yml or overrides/")


CATCH_NAVIGATIONS = """() => {
  window.__went = [];
  navigation.addEventListener("navigate", (event) => {
    window.__went.push(event.destination.url);
    event.preventDefault();
  });
}"""


def check_language_switcher_lands_on_the_same_page(page, log, path):
    """Each language of the switcher, clicked on this page, navigates to
    this page in that language. The navigation is caught (Navigation API)
    and cancelled, so one page load serves all five; test_links.py proves
    that every page it goes to exists."""
    site_url = page.url.removesuffix(path)
    page.evaluate(CATCH_NAVIGATIONS)
    for count, language in enumerate(ROOTS, 1):
        page.locator(f'a.md-select__link[hreflang="{language}"]').evaluate(
            "a => a.click()")
        page.wait_for_function(f"window.__went.length >= {count}")
        went = page.evaluate("window.__went")[-1]
        expected = site_url + in_language(path, language)
        assert went == expected, (
            f"switching /{path} to {language} goes to {went}, "
            f"not {expected}")
    assert page.url == site_url + path
    assert not log.failed, f"switching languages hit {log.failed}"


ON_DEMAND = {"search/search_index.json": "the search index",
             "/workers/search.": "the search worker",
             "sitemap.xml": "a language's sitemap"}


def check_search_and_languages_wait_for_the_reader(page, log, path):
    """Until the reader opens search or the language menu, a page fetches
    neither what search needs nor the languages' sitemaps."""
    early = [f"{what} ({url})" for url in log.requested
             for part, what in ON_DEMAND.items() if part in url]
    assert not early, (
        f"/{path} fetched before the reader asked: {early}; "
        "docs/assets/on_demand.js holds them back, and overrides/main.html "
        "must load it before Material's bundle")


def checks_for(path):
    page = built()[path]
    # First: nothing has asked for search or the language menu yet.
    checks = [check_search_and_languages_wait_for_the_reader]
    # Then every code block in view once: each has its copy button for axe.
    if has_snippets(path):
        checks.append(check_every_snippet_has_a_copy_button)
    checks.append(check_accessibility)
    if page.language == DEFAULT:
        checks.append(check_on_a_phone)
    if page.language == DEFAULT and page.kind in WRITTEN:
        checks.append(check_in_the_dark_scheme)
    checks.append(check_graph_pictures_load)
    if article_of(path).select('math[display="block"]'):
        checks.append(check_display_math_is_laid_out)
    if page.kind == "lab":
        checks.append(check_lab_plots_load)
    if is_translated(path):
        checks.append(check_scripts_add_no_english_ui_string)
    # Last: whatever the other checks made the page fetch is logged too.
    return checks + [check_language_switcher_lands_on_the_same_page,
                     check_loads_cleanly_and_offline]


@pytest.fixture(scope="module")
def tab(browser, site_url):
    """One browser tab for every page visit of a worker: it keeps its cache
    and process, as a reader's tab does from page to page, and has axe-core
    in every page it opens."""
    context = new_context(browser)
    if AXE.exists():
        context.add_init_script(path=str(AXE))
    page = context.new_page()
    yield page, PageLog(page, site_url), page.viewport_size
    context.close()


@pytest.fixture
def visit(request, tab, site_url):
    """Open a page in the tab; afterwards the tab forgets what the page
    stored (the colour scheme chosen) and takes its size back."""
    page, log, viewport = tab

    def load(path):
        log.clear()
        page.goto(site_url + path, wait_until="load")
        return page, log

    yield load
    screenshot_if_failed(request, [page])
    if page.url.startswith(site_url):
        page.evaluate("() => { localStorage.clear(); "
                      "sessionStorage.clear(); }")
    page.set_viewport_size(viewport)


@pytest.mark.pages("every")
def test_page_in_the_browser(visit, path):
    page, log = visit(path)
    failures = []
    for check in checks_for(path):
        try:
            check(page, log, path)
        except AssertionError as failure:
            failures.append(f"{check.__name__}: {failure}")
    assert not failures, "\n\n".join(failures)


def most_snippets():
    """The English page with the most snippets (their solutions too)."""
    return max((url for url, page in built().items()
                if page.language == DEFAULT and has_snippets(url)),
               key=lambda url: [kind for kind, _ in code_blocks(url)].count(
                   "python"))


def test_the_copy_button_copies_exactly_the_snippet(open_page):
    """Material's copy button, clicked, copies its code: the text that
    test_site_html.py compares with the snippet file on every page. Here,
    on the page with the most snippets, each is clicked, solutions opened
    first as a reader opens them."""
    path = most_snippets()
    page, _ = open_page(path)
    page.evaluate("document.querySelectorAll('article details')"
                  ".forEach(d => d.open = true)")
    blocks = page.locator("article div.language-python:not(.exercise)")
    names = [snippet_name(block) for kind, block in code_blocks(path)
             if kind == "python"]
    assert blocks.count() == len(names) > 1, (
        f"/{path} shows {blocks.count()} python blocks in Chromium, "
        f"{len(names)} in its HTML")
    for index, name in enumerate(names):
        page.evaluate("window.__copied = null")
        blocks.nth(index).scroll_into_view_if_needed()
        blocks.nth(index).locator("button[data-clipboard-target]"
                                  ).dispatch_event("click")
        copied = page.evaluate("window.__copied")
        snippet = (site_pages.ROOT / name).read_text(encoding="utf-8")
        assert copied and copied.rstrip("\n") == snippet.rstrip("\n"), (
            f"/{path}: the copy button of {name} copied {copied!r}, not "
            "the snippet")
    chosen = exercises_on(path)
    expected = [exercises.checking_code(hints_for(DEFAULT), chosen)] + [
        file.read_text(encoding="utf-8") for exercise in chosen
        for file in (exercise.starter, exercise.check, exercise.reference)]
    shown = page.locator("article div.exercise")
    assert shown.count() == len(expected) > 1, (
        f"/{path} shows {shown.count()} exercise blocks in Chromium; its "
        f"exercises make {len(expected)}")
    for index, text in enumerate(expected):
        page.evaluate("window.__copied = null")
        shown.nth(index).scroll_into_view_if_needed()
        shown.nth(index).locator("button[data-clipboard-target]"
                                 ).dispatch_event("click")
        copied = page.evaluate("window.__copied")
        assert copied and copied.rstrip("\n") == text.rstrip("\n"), (
            f"/{path}: exercise block {index} copied {copied!r}, not its "
            "code (the checking code, then each starter, check and "
            "reference)")


UNSEEN_WIDE_CODE = """() => [...document.querySelectorAll("article pre > code")]
  .filter(code => code.scrollWidth > code.clientWidth
          && code.getBoundingClientRect().top > 2 * innerHeight
          && !code.closest("details:not([open])")
          && !code.parentElement.querySelector("button[data-clipboard-target]"))
  .map(code => code.getAttribute("tabindex"))"""


def test_code_that_scrolls_is_a_keyboard_stop_before_it_is_in_view(open_page):
    """Material makes a code block that scrolls reachable by keyboard only
    once the block comes into view (content.lazy); docs/assets/a11y.js
    does it for every block from the start, or Tab would skip the blocks
    further down."""
    page, _ = open_page(most_snippets(), viewport=PHONE)
    settle(page)
    unseen = page.evaluate(UNSEEN_WIDE_CODE)
    assert unseen, ("no code block far below the first screen scrolls "
                    f"sideways on a phone on /{most_snippets()}: test "
                    "another page")
    assert unseen == ["0"] * len(unseen), (
        f"of {len(unseen)} code blocks that scroll and are not in view yet, "
        f"{len(unseen) - unseen.count('0')} cannot be reached by keyboard")

"""The built site as a reader's browser meets it.

The pages come from site/manifest.json, which the build writes
(hooks/manifest.py): every page of every language, with its kind and its
source. A test marked `pages(<set>)` is run once per page of that set; the
manifest is read when the tests are collected, never at import.
"""
import functools
import re

import pytest

from conftest import FORMULA, RAW_TEX, SITE
from docsite import model
from harness import ROOT
from serbian_cyrillic import material_strings

pytestmark = pytest.mark.browser
ROOTS = {lang.locale: lang.url_prefix for lang in model.languages()}
DEFAULT = model.default_language()
WRITTEN = ("landing", "topic")


@functools.cache
def built() -> dict[str, model.BuiltPage]:
    """Every built page by its URL; a missing manifest fails clearly."""
    try:
        return {page.url: page for page in model.read_manifest(SITE)}
    except FileNotFoundError as error:
        missing = str(error)
    pytest.fail(missing, pytrace=False)


PAGE_SETS = {
    "every": lambda page: True,
    "english": lambda page: page.language == DEFAULT,
    "english written": lambda page: (page.language == DEFAULT
                                     and page.kind in WRITTEN),
}


def pytest_generate_tests(metafunc):
    chosen = metafunc.definition.get_closest_marker("pages")
    if chosen is not None:
        metafunc.parametrize(
            "path", [url for url, page in built().items()
                     if PAGE_SETS[chosen.args[0]](page)],
            ids=lambda url: url or "home")
    elif {"path", "picture"} <= set(metafunc.fixturenames):
        metafunc.parametrize(("path", "picture"), english_graphs(),
                             ids=lambda value: value or "home")


def source_of(path):
    """The Markdown (or notebook) a built page was made from, if any."""
    page = built()[path]
    if page.source is None:
        return None
    return (ROOT / "docs" / page.folder / page.source).read_text(
        encoding="utf-8")


def english_source_of(path):
    """The English page at the same path: what every language shows."""
    page = built()[path]
    if page.kind not in WRITTEN:
        return None
    return (ROOT / "docs" / DEFAULT / page.source).read_text(encoding="utf-8")


def test_the_site_was_built_with_every_language(site_dir):
    for language in set(model.all_languages()) - {DEFAULT}:
        assert (site_dir / ROOTS[language] / "index.html").exists(), (
            f"site/{language}/ is missing: check the i18n languages in "
            "mkdocs.yml")


GRAPH = re.compile(r"assets/graphs/([\w-]+\.svg)")


def graphs_of(path):
    """The graph pictures a page shows: those of its English source."""
    return GRAPH.findall(english_source_of(path) or "")


def english_graphs():
    return [(path, picture) for path, page in built().items()
            if page.language == DEFAULT for picture in graphs_of(path)]


def graph_picture(page, path, picture):
    image = page.locator(f'article img[src$="graphs/{picture}"]')
    assert image.count() == 1, f"/{path} lost its graph picture {picture}"
    image.scroll_into_view_if_needed()
    assert image.evaluate("i => i.complete && i.naturalWidth > 0"), (
        f"/{path}: {picture} did not load")
    caption = image.locator("xpath=ancestor::figure//figcaption")
    return image.get_attribute("alt"), caption.inner_text()


def test_network_graph_shows_what_its_snippet_prints(site_dir):
    golden = (ROOT / "snippets" / "backprop" / "01-training-step.out"
              ).read_text(encoding="utf-8")
    svg = (site_dir / "assets" / "graphs" / "network.svg").read_text(
        encoding="utf-8")
    loss = re.search(r"loss: (\S+)", golden)[1]
    assert f"loss = {loss}<" in svg
    parameters = re.findall(r"^(fc\d\.\w+) (\(.*\))$", golden, re.M)
    assert len(parameters) == 4, "the training step prints its parameters"
    for name, shape in parameters:
        assert f">{name}</text>" in svg, f"network.svg lacks {name}"
        if shape != "(1,)":
            assert f">{shape}</text>" in svg, f"network.svg lacks {shape}"
    bias_grad = re.search(r"fc2\.bias \(1,\)\ntensor\(\[(\S+)\]\)", golden)[1]
    assert f"∂L/∂fc2.bias = {bias_grad}<" in svg


def test_every_lab_is_browser_tested_in_every_language():
    labs = [url for url, page in built().items() if page.kind == "lab"]
    assert len(labs) == len(model.labs()) * len(model.all_languages()), labs


def test_the_graph_pictures_are_browser_tested():
    shown = {picture for _, picture in english_graphs()}
    drawn = {path.name for path in (SITE / "assets" / "graphs").glob("*.svg")}
    assert shown == drawn, (
        f"the English pages show {sorted(shown)}, the build drew "
        f"{sorted(drawn)}: every picture must be on a page")


def language_of(path):
    return built()[path].language


def in_language(path, language):
    return ROOTS[language] + path.removeprefix(ROOTS[language_of(path)])


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


def title_word(title, language):
    if language == "zh":
        han = re.findall(r"[\u4e00-\u9fff]+", title)[-1]
        return han[-2:]
    return max(re.findall(r"[^\W\d_]{4,}", title), key=len)


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
    strays = [f for f in found if language_of(f) != language]
    assert not strays, f"{language} search returned other languages: {strays}"


AXE = SITE.parent / "node_modules" / "axe-core" / "axe.min.js"


AXE_REPORT = """async () => {
  const where = (node) => {
    const element = document.querySelector(node.target[0]);
    const file = element?.closest(".highlight")?.querySelector(".filename");
    return file ? `in the code of ${file.textContent.trim()}`
                : node.target.join(" ");
  };
  const found = await axe.run(document, {resultTypes: ["violations"]});
  return found.violations.map(v => `${v.id}: ${v.help} (${v.impact}) -> ` +
    v.nodes.slice(0, 3).map(n => `${where(n)}: ` +
      (n.any[0]?.message ?? n.failureSummary)).join(" | "));
}"""


def accessibility_violations(page):
    """axe-core's violations, each with its rule in words and, for a code
    block, the snippet file it shows."""
    assert AXE.exists(), f"{AXE} is missing: run `npm ci --omit=dev`"
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_REPORT)


PHONE = {"width": 360, "height": 740}
COMMENTED = re.compile(r"^\s*#", re.MULTILINE)


@pytest.mark.pages("english written")
def test_page_in_the_dark_scheme_has_no_accessibility_violations(
        open_page, path):
    page, _ = open_page(path, color_scheme="dark")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    violations = accessibility_violations(page)
    assert not violations, f"/{path} (dark): " + "\n".join(violations)


def test_code_comments_are_on_the_pages_the_contrast_checks_cover():
    commented = [p for p in (ROOT / "snippets").rglob("*.py")
                 if COMMENTED.search(p.read_text(encoding="utf-8"))]
    assert commented, ("no snippet has a # comment: the contrast of code "
                       "comments is untested; keep one commented snippet")


@pytest.mark.pages("english")
def test_page_on_a_phone_has_no_accessibility_violations(open_page, path):
    page, _ = open_page(path, viewport=PHONE)
    violations = accessibility_violations(page)
    assert not violations, f"/{path} at {PHONE['width']}px: " + "\n".join(
        violations)


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
    assert table.get_attribute("tabindex") is None, (
        "a table that stops overflowing must leave the tab order")


def test_graph_picture_keeps_its_size_on_a_phone_and_scrolls(
        open_page, path, picture):
    page, _ = open_page(path, viewport=PHONE)
    image = page.locator(f'figure > p > img[src$="graphs/{picture}"]')
    image.scroll_into_view_if_needed()
    assert image.evaluate("i => i.width === i.naturalWidth"), (
        f"/{path}: {picture} shrinks to the phone's width and its text is "
        "too small to read")
    wrapper = image.locator("xpath=..")
    caption = image.locator("xpath=ancestor::figure//figcaption")
    assert wrapper.get_attribute("tabindex") == "0"
    assert wrapper.get_attribute("role") == "region"
    assert wrapper.get_attribute("aria-label") == " ".join(
        caption.text_content().split())
    page.set_viewport_size({"width": 1280, "height": 800})
    page.evaluate("() => window.dispatchEvent(new Event('resize'))")
    assert wrapper.get_attribute("tabindex") is None, (
        f"/{path}: {picture} fits a desktop page and must leave the tab order")


# One page load per built page runs every check of that page; a failing
# check does not hide the others: the test reports all of them.


def check_loads_cleanly_and_offline(page, log, path):
    assert not log.outside, f"/{path} asked other hosts: {log.outside}"
    assert not log.failed, f"/{path} had failed requests: {log.failed}"
    assert not log.errors, f"/{path} logged console errors: {log.errors}"


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


def check_accessibility(page, log, path):
    violations = accessibility_violations(page)
    assert not violations, f"/{path}: " + "\n".join(violations)


PROSE = """() => {
  const article = document.querySelector("article").cloneNode(true);
  article.querySelectorAll("pre, code, script, style, .jp-InputArea, math")
    .forEach(e => e.remove());
  return article.textContent;
}"""


def check_no_raw_tex(page, log, path):
    text = page.evaluate(PROSE)
    raw = RAW_TEX.search(text)
    assert not raw, (f"/{path} shows the formula {raw[0]!r} as typed: "
                     "every formula must be typeset (hooks/mathml.py)")
    if built()[path].kind not in WRITTEN:
        return
    source = source_of(path)
    prose = "\n".join(line for _, line in model.prose_lines(
        source.split("\n")))
    formulas = len(FORMULA.findall(prose))
    shown = page.locator("article math").count()
    assert shown == formulas, (
        f"/{path} shows {shown} typeset formulas, its source "
        f"{built()[path].folder}/{built()[path].source} has {formulas}")
    if re.search(r"^\s*\$\$\s*$", source, re.MULTILINE):
        box = page.locator('article math[display="block"]').first \
            .bounding_box()
        assert box and box["height"] > 20, (
            f"/{path}: display math is not rendered")


def check_graph_pictures(page, log, path):
    for picture in graphs_of(path):
        alt, caption = graph_picture(page, path, picture)
        assert len(alt) > 100 and caption, (
            f"/{path}: {picture} needs a text alternative and a caption")
        if language_of(path) == DEFAULT:
            continue
        english = english_graph_texts()[picture]
        assert alt != english[0] and caption != english[1], (
            f"/{path}: the text alternative or caption of {picture} is "
            "still English: translate it in "
            f"docs/{built()[path].folder}/{built()[path].source}")


@functools.cache
def english_graph_texts():
    """Alt text and caption of each graph picture on the English pages,
    read from the built HTML."""
    texts = {}
    for graph_path, picture in english_graphs():
        html = (SITE / graph_path / "index.html").read_text(encoding="utf-8")
        alt = re.search(rf'<img alt="([^"]*)" src="[^"]*graphs/{picture}"',
                        html)
        caption = alt and re.search(r"<figcaption>(.*?)</figcaption>",
                                    html[alt.end():], re.S)
        texts[picture] = (alt and alt[1], caption and caption[1])
    return texts


# Lab plots load when scrolled to (hooks/lab_images.py): wait for it.
LOADED = "i => i.decode().then(() => i.naturalWidth > 0, () => false)"


def check_lab_notebook(page, log, path):
    notebook = page.locator("article .jp-Notebook")
    assert notebook.count() == 1, f"/{path} is not a rendered notebook"
    assert notebook.locator(".jp-CodeCell").count() >= 3
    assert notebook.locator(".jp-OutputArea-output").count() >= 3, (
        f"/{path} shows no outputs: was the lab executed?")
    plots = notebook.locator(".jp-OutputArea-output img")
    assert plots.count() >= 1, f"/{path} shows no plot"
    for plot in plots.all():
        plot.scroll_into_view_if_needed()
        assert plot.evaluate(LOADED), f"/{path}: a plot did not load"
    assert '"cell_type"' not in page.locator("article").inner_text(), (
        f"/{path} shows the notebook's raw JSON")


def check_copied_code_is_the_snippet_and_output_its_golden(page, log, path):
    """The copy button copies exactly a snippet file and the block under it
    shows exactly that snippet's golden; test_snippets.py proves that the
    file, run alone, prints the golden on CPU and GPU. Solutions are
    opened first, as a reader opens them before copying."""
    page.evaluate("document.querySelectorAll('article details')"
                  ".forEach(d => d.open = true)")
    blocks = page.locator("article div.highlight")
    kinds = blocks.evaluate_all(
        "divs => divs.map(d => d.className.match(/language-(\\w+)/)?.[1])")
    pairs = [(i, i + 1) for i, kind in enumerate(kinds[:-1])
             if kind == "python" and kinds[i + 1] == "text"]
    assert pairs, f"/{path} shows no code with output"
    assert kinds.count("python") == len(pairs), (
        f"/{path} has a python block without an output block under it")
    for code, output in pairs:
        page.evaluate("window.__copied = null")
        block = blocks.nth(code)
        block.locator("button[data-clipboard-target]").dispatch_event("click")
        copied = page.evaluate("window.__copied")
        assert copied, f"/{path}: block {code} copied nothing"
        snippet = ROOT / block.locator(".filename").text_content().strip()
        assert snippet.is_file(), (
            f"/{path}: block {code} is titled {snippet.name}, not a snippet")
        assert copied.rstrip("\n") == snippet.read_text(
            encoding="utf-8").rstrip("\n"), (
            f"/{path}: the copy button of block {code} does not copy "
            f"exactly {snippet}")
        shown = blocks.nth(output).locator("code").text_content()
        golden = snippet.with_suffix(".out").read_text(encoding="utf-8")
        assert shown.rstrip("\n") == golden.rstrip("\n"), (
            f"/{path}: the output under {snippet.name} is not its golden "
            f"{snippet.with_suffix('.out')}:\n{shown}")


def check_search_finds_the_page_by_its_title(page, log, path):
    language = language_of(path)
    query = title_word(page.locator("article h1").first.inner_text(),
                       language)
    found = search(page, query)
    assert path in found, f"searching {query!r} on /{path} found {found}"
    strays = [f for f in found if language_of(f) != language]
    assert not strays, f"{language} search returned other languages: {strays}"


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


def english_ui_strings():
    """What Material and our mkdocs.yml say in English: no translated page
    may show or speak any of these."""
    found = set(material_strings("en").values())
    found |= {entry["toggle"]["name"]
              for entry in model.config()["theme"]["palette"]}
    en = next(language for language in model.i18n_options()["languages"]
              if language["locale"] == DEFAULT)
    found |= {en["extra"]["download_notebook"], en["extra"]["copied"],
              en["extra"]["copy"], "Copy to Clipboard"}  # mkdocs-jupyter's
    # Not words a reader meets: the direction, search tokenizer settings.
    return {text for text in found if re.fullmatch(r"[A-Z#0-9][^\\]+", text)}


ENGLISH_UI_STRINGS = english_ui_strings()


UI_TEXT = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const name of ["title", "aria-label", "alt", "placeholder"]) {
      const value = element.getAttribute(name);
      if (value) found.push([`${element.tagName.toLowerCase()}[${name}]`,
                             value.trim()]);
    }
    if (element.matches(".notice, label, button, .md-button, .md-footer__direction"))
      found.push([element.tagName.toLowerCase(), element.textContent.trim()]);
  }
  return found;
}"""


MATERIAL_LANGUAGE = {"pl": "pl", "de": "de", "sr": "sh", "sr-Cyrl": "sr",
                     "zh": "zh"}


def check_ui_strings_in_the_page_language(page, log, path):
    """A string that is the same word in the page's language (German
    "Navigation") is not left in English."""
    english = ENGLISH_UI_STRINGS - set(material_strings(
        MATERIAL_LANGUAGE[language_of(path)]).values())
    left = sorted({f"{where} {text!r}" for where, text in page.evaluate(UI_TEXT)
                   if text in english})
    assert not left, (f"/{path} shows or speaks English UI strings: {left}; "
                      "translate them in mkdocs.yml or overrides/")


def checks_for(path):
    page = built()[path]
    checks = [check_search_and_languages_wait_for_the_reader,
              check_accessibility, check_no_raw_tex, check_graph_pictures]
    if page.language != DEFAULT and not page.english_only:
        checks.append(check_ui_strings_in_the_page_language)
    if page.kind == "lab":
        checks.append(check_lab_notebook)
    if page.kind in WRITTEN and model.includes(english_source_of(path)):
        checks.append(check_copied_code_is_the_snippet_and_output_its_golden)
    if page.language == DEFAULT or not page.english_only:
        checks.append(check_search_finds_the_page_by_its_title)
    # Last: whatever the other checks made the page fetch is logged too.
    return checks + [check_language_switcher_lands_on_the_same_page,
                     check_loads_cleanly_and_offline]


@pytest.mark.pages("every")
def test_page_in_the_browser(open_page, path):
    page, log = open_page(path)
    failures = []
    for check in checks_for(path):
        try:
            check(page, log, path)
        except AssertionError as failure:
            failures.append(f"{check.__name__}: {failure}")
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("language", ROOTS)
def test_navigation_names_the_first_page_for_what_it_teaches(site_dir,
                                                             language):
    html = (site_dir / ROOTS[language] / "index.html").read_text(
        encoding="utf-8")
    site_name = re.search(r'md-nav__button md-logo" aria-label="([^"]*)"',
                          html)[1]
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    entries = [" ".join(t.split()) for t in re.findall(
        r'<span class="md-ellipsis">(.*?)</span>', nav, re.S)]
    assert entries and site_name not in entries, (
        f"/{ROOTS[language]}: the navigation repeats the site name "
        f"{site_name!r} as a page: name the page in mkdocs.yml nav (and "
        "nav_translations)")


def test_the_verified_line_follows_chinese_typography(site_dir):
    chinese = next(url for url, page in built().items()
                   if page.language == "zh" and page.kind in WRITTEN)
    html = (site_dir / chinese / "index.html").read_text(encoding="utf-8")
    line = html[html.index("全部示例验证于"):][:300]
    assert "—" not in line and "<em>" not in html[
        html.index("全部示例验证于") - 10:html.index("全部示例验证于")], line
    assert "（<a href=" in line, line

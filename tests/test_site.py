"""The built site as a reader's browser meets it."""
import pytest

from conftest import SITE, built_pages

PAGES = built_pages() if SITE.exists() else []


def test_the_site_was_built_with_every_language(site_dir):
    for language in ("pl", "de", "sr", "zh"):
        assert (site_dir / language / "index.html").exists(), (
            f"site/{language}/ is missing: check the i18n languages in "
            "mkdocs.yml")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page_loads_cleanly_and_offline(open_page, path):
    page, log = open_page(path)
    assert not log.outside, f"/{path} asked other hosts: {log.outside}"
    assert not log.failed, f"/{path} had failed requests: {log.failed}"
    assert not log.errors, f"/{path} logged console errors: {log.errors}"


@pytest.mark.parametrize("language", ["", "pl/", "de/", "sr/", "zh/"])
def test_autograd_page_shows_typeset_math(open_page, language):
    page, _ = open_page(language + "autograd/")
    formulas = page.locator("article math")
    assert formulas.count() >= 10, "the autograd page lost its formulas"
    box = page.locator('article math[display="block"]').first.bounding_box()
    assert box and box["height"] > 20, "display math is not rendered"
    text = page.locator("article").inner_text()
    for raw in ("\\frac", "\\partial", "$$"):
        assert raw not in text, f"raw TeX {raw!r} is visible on the page"


ROOTS = {"en": "", "pl": "pl/", "de": "de/", "sr": "sr/", "zh": "zh/"}


def language_of(path):
    return next((lang for lang, root in ROOTS.items()
                 if root and path.startswith(root)), "en")


def in_language(path, language):
    return ROOTS[language] + path.removeprefix(ROOTS[language_of(path)])


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_language_switcher_lands_on_the_same_page(open_page, site_url, path):
    page, log = open_page(path)
    for language in ROOTS:
        page.goto(site_url + path, wait_until="load")
        link = page.locator(f'a.md-select__link[hreflang="{language}"]')
        with page.expect_navigation():
            link.evaluate("a => a.click()")
        page.wait_for_load_state("load")
        assert page.url == site_url + in_language(path, language), (
            f"switching /{path} to {language} landed on {page.url}")
    assert not log.failed, f"switching languages hit {log.failed}"


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


SEARCHES = [("en", "autograd", "autograd/"),
            ("pl", "różniczkowanie", "pl/autograd/"),
            ("de", "Ableitung", "de/autograd/"),
            ("sr", "izvod", "sr/autograd/"),
            ("zh", "链式法则", "zh/autograd/")]


@pytest.mark.parametrize(("language", "query", "expected"), SEARCHES,
                         ids=[s[0] for s in SEARCHES])
def test_search_finds_the_page_in_its_language_only(
        open_page, site_url, language, query, expected):
    page, _ = open_page(ROOTS[language])
    found = search(page, query)
    assert expected in found, (
        f"searching {query!r} on /{ROOTS[language]} found {found}")
    strays = [f for f in found if language_of(f) != language]
    assert not strays, f"{language} search returned other languages: {strays}"

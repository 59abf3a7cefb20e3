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

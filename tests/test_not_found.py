"""Each language has its 404 page (hooks/not_found_page.py), and a missing
address under a language's folder shows that language's: the test server
answers a missing address with the root 404.html, as GitHub Pages does."""
import re

import pytest
from bs4 import BeautifulSoup

from docsite import model
from site_pages import english_on_page

LANGUAGES = model.all_languages()


def not_found_page(site_dir, language):
    return site_dir / model.language(language).url_prefix / "404.html"


def html_lang(path) -> str:
    return re.search(r'<html lang="([^"]+)"', path.read_text(
        encoding="utf-8"))[1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_not_found_page(site_dir, language):
    page = not_found_page(site_dir, language)
    assert page.exists(), (f"{page} is missing: hooks/not_found_page.py "
                           "writes one per language")
    home = site_dir / model.language(language).url_prefix / "index.html"
    assert html_lang(page) == html_lang(home), (
        f"{page} is in {html_lang(page)!r}, not its language's "
        f"{html_lang(home)!r}")
    if language != model.default_language():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        found = english_on_page(soup, language)
        assert not found, f"{page} shows English: {found}"


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_address_shows_its_languages_not_found_page(
        site_dir, open_page, language):
    prefix = model.language(language).url_prefix
    expected = BeautifulSoup(not_found_page(site_dir, language).read_text(
        encoding="utf-8"), "lxml").find("h1").get_text(strip=True)
    page, _ = open_page(f"{prefix}no/such/page/")
    if prefix:
        page.wait_for_url(f"**/{prefix}404.html")
    page.wait_for_load_state("load")
    shown = page.locator("article h1").inner_text().strip()
    assert shown == expected, (
        f"/{prefix}no/such/page/ shows {shown!r}, not the {language} 404 "
        f"page's {expected!r} (the root 404.html's script sends it there)")

"""The English check of built pages (tests/site_pages.py's english_on_page,
with docsite/english.py) finds English in each language's pages, in text,
labels and meta tags, and leaves code and what a page marks alone."""
import pytest
from bs4 import BeautifulSoup

from docsite import model
from site_pages import english_on_page, html_file

LANGUAGES = [language for language in model.all_languages()
             if language != model.default_language()]


def built_page(language) -> BeautifulSoup:
    """A fresh copy of the language's home page (the cached soups stay
    as built)."""
    prefix = model.language(language).url_prefix
    return BeautifulSoup(html_file(prefix).read_text(encoding="utf-8"),
                         "lxml")


def with_paragraph(soup, html) -> BeautifulSoup:
    soup.find("article").append(BeautifulSoup(html, "html.parser"))
    return soup


def test_a_permanent_link_titled_in_english_fails_on_a_polish_page(site_dir):
    soup = built_page("pl")
    assert english_on_page(soup, "pl") == []
    heading = soup.find("article").find("h1")
    heading.append(BeautifulSoup('<a class="headerlink" href="#x" '
                                 'title="Permanent link">¶</a>',
                                 "html.parser"))
    assert english_on_page(soup, "pl") == ["a[title] 'Permanent link'"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_english_in_the_text_of_a_page_fails(site_dir, language):
    found = english_on_page(with_paragraph(
        built_page(language), "<p>0 weights explode without warning 0</p>"), language)
    assert found == ["text 'weights explode without warning'"], found


@pytest.mark.parametrize("language", LANGUAGES)
def test_english_in_a_meta_description_fails(site_dir, language):
    soup = built_page(language)
    soup.find("meta", attrs={"name": "description"})["content"] = \
        "How large language models are trained"
    found = english_on_page(soup, language)
    assert found == ["meta[description] 'How large language models are "
                     "trained'"], found


@pytest.mark.parametrize("html", [
    "<p><code>weights explode without warning</code></p>",
    '<p><em lang="en">weights explode without warning</em></p>',
    '<p><span translate="no">weights explode without warning</span></p>',
    '<pre>weights explode without warning</pre>',
    "<p>Hugging Face</p>"], ids=["code", "lang", "translate", "pre", "name"])
def test_code_marked_english_and_names_pass(site_dir, html):
    assert english_on_page(with_paragraph(built_page("de"), html), "de") == []

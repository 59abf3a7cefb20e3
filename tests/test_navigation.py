"""The navigation: every page in it, every section title translated.

mkdocs-static-i18n's nav_translations are keyed by the English titles, so a
title translated as itself would show in English: a title the same as
English passes only where each of its words is a term the language's
glossary uses (German "Backpropagation"). Longer English runs are the
English check's (test_site_html.py)."""
import posixpath
import re
from pathlib import PurePosixPath

import pytest
from bs4 import BeautifulSoup

from docsite import model
from site_pages import html_file
from translations import glossary


def test_every_section_title_is_translated_in_every_language():
    titles = {title for title, _ in model.nav_entries(model.config()["nav"])
              if title}
    problems = []
    for entry in model.i18n_options()["languages"]:
        locale = entry["locale"]
        if entry.get("default") or model.language(locale).generated_from:
            continue
        translated = entry.get("nav_translations") or {}
        for title in sorted(titles - set(translated)):
            problems.append(f"mkdocs.yml: language '{locale}' has no "
                            f"nav_translations entry for "
                            f"'{title}': add `{title}: <title in {locale}>`")
        for title in sorted(set(translated) - titles):
            problems.append(f"mkdocs.yml: language '{locale}' translates "
                            f"'{title}', which the nav no longer has: remove "
                            "it")
    assert not problems, "\n".join(problems)


def test_every_page_is_in_the_navigation():
    listed = set(model.nav_pages())
    missing = [str(page) for page in model.pages() if page not in listed]
    assert not missing, (
        f"docs/{model.default_language()}/ pages missing from mkdocs.yml's "
        f"nav (readers could reach them only by search): {missing}")


MOST_WORDS = 1500


@pytest.mark.parametrize("language", model.written_languages())
def test_no_page_has_more_than_1500_words_of_prose(language):
    """A topic page is a unit a reader can finish (CONTRIBUTING, 'Pages and
    translations'); a longer one is two ideas: split it."""
    long = [f"docs/{language}/{page}: {words} words"
            for page in model.pages(language)
            if (words := model.prose_words(
                (model.DOCS / language / page).read_text(encoding="utf-8")))
            > MOST_WORDS]
    assert not long, (f"pages with more than {MOST_WORDS} words of prose "
                      "(docsite.model.prose_words): split each into topic "
                      "pages:\n" + "\n".join(long))


DEFAULT = model.default_language()


def navigation_titles(language) -> list[str]:
    soup = BeautifulSoup(html_file(model.language(language).url_prefix)
                         .read_text(encoding="utf-8"), "lxml")
    primary = soup.find("nav", class_="md-nav--primary")
    return [link.get_text(" ", strip=True) for link in primary.find_all(
        ["a", "label"], class_="md-nav__link")]


def glossary_terms(language) -> list[str]:
    source = model.language(language).generated_from or language
    return [stem for entry in glossary(source).values()
            for stem in entry.get("use", [])]


def is_a_term(title, language) -> bool:
    terms = glossary_terms(language)
    return all(any(word.lower().startswith(term) for term in terms)
               for word in re.findall(r"\w+", title))


@pytest.mark.parametrize("language", [language for language in
                                      model.all_languages()
                                      if language != DEFAULT])
def test_no_navigation_title_is_english(site_dir, language):
    english, translated = navigation_titles(DEFAULT), \
        navigation_titles(language)
    assert len(english) == len(translated), (
        f"/{model.language(language).url_prefix}: the navigation has "
        f"{len(translated)} entries, English {len(english)}")
    left = [title for title, theirs in zip(translated, english)
            if title and title == theirs and not is_a_term(title, language)]
    assert not left, (
        f"{language}: navigation titles still in English: {left}; add them "
        f"to nav_translations of '{language}' in mkdocs.yml")


NEIGHBOUR_LINK = re.compile(
    r"(?<!!)\[([^\]]*\b(next|previous)\s+(page|chapter)\b[^\]]*)\]"
    r"\(((?:[^)#\s]*\.md)?)[)#]")


def wrong_neighbour_links(page, text):
    """English links that say "next page", "previous chapter"... but point
    elsewhere (a page split into several moves its neighbours)."""
    order = model.nav_pages()
    chapter = {str(p): number for number, pages in enumerate(model.chapters())
               for p in pages}
    place = order.index(page)
    found = []
    for link in NEIGHBOUR_LINK.finditer(text):
        words, way, unit, href = link.groups()
        target = posixpath.normpath(posixpath.join(
            str(page.parent), href)) if href else str(page)
        step = 1 if way == "next" else -1
        if unit == "page":
            right = 0 <= place + step < len(order) and \
                str(order[place + step]) == target
        else:
            right = chapter.get(target) == chapter[str(page)] + step
        if not right:
            line = text.count("\n", 0, link.start()) + 1
            found.append(f"docs/en/{page}:{line}: [{' '.join(words.split())}] "
                         f"points to {target}, which is not the {way} {unit}; "
                         "name the page or chapter it is")
    return found


def test_next_and_previous_links_point_to_the_neighbours():
    problems = [problem for page in model.nav_pages()
                for problem in wrong_neighbour_links(page, (
                    model.DOCS / "en" / page).read_text(encoding="utf-8"))]
    assert not problems, "\n".join(problems)


def test_a_next_page_link_to_the_next_chapter_fails():
    page = PurePosixPath("tensors/index.md")
    text = "Intro.\nThe [next\npage](../autograd/index.md) shows it.\n"
    assert wrong_neighbour_links(page, text) == [
        "docs/en/tensors/index.md:2: [next page] points to autograd/index.md, "
        "which is not the next page; name the page or chapter it is"]
    assert not wrong_neighbour_links(page, text.replace("page]", "chapter]"))
    assert not wrong_neighbour_links(
        page, "[next page](creating-and-dtypes.md#x)")

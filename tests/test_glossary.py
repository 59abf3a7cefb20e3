"""The readers' glossary (hooks/glossary.py): a page in every language with
every term, and the first use of each term on a page linked to its entry,
its definition as the tooltip."""
import re

import lxml.html
import pytest
from bs4 import BeautifulSoup

import glossary
from docsite import model
from site_pages import built, html_file, html_of, language_of

LANGUAGES = model.all_languages()
KEYS = list(model.read_yaml(glossary.FOLDER / "en.yml"))


def glossary_path(language) -> str:
    return f"{model.language(language).url_prefix}glossary/"


def definitions(language) -> dict[str, str]:
    """Each entry's anchor and definition, as the glossary page shows it."""
    article = html_of(glossary_path(language)).find("article")
    return {heading["id"]: " ".join(heading.find_next_sibling("p")
                                    .get_text().split())
            for heading in article.find_all("h2")}


def glossary_links(path):
    """The glossary links of a built page's article (lxml: about a
    twentieth of BeautifulSoup's time for a language's pages)."""
    article = lxml.html.fromstring(
        html_file(path).read_text(encoding="utf-8")).find(".//article")
    return [link for link in article.find_class("glossary-term")
            if link.tag == "a"]


def test_the_glossary_has_at_least_40_terms():
    assert len(KEYS) >= 40, f"translations/glossary/en.yml has {len(KEYS)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_page_has_every_term_with_its_definition(site_dir,
                                                               language):
    shown = definitions(language)
    expected = {glossary.anchor_of(key) for key in KEYS}
    assert set(shown) == expected, (
        f"/{glossary_path(language)} lacks {sorted(expected - set(shown))} "
        f"and has {sorted(set(shown) - expected)}")
    empty = [anchor for anchor, text in shown.items() if len(text) < 10]
    assert not empty, f"/{glossary_path(language)}: no definition for {empty}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_uses_link_to_their_entries_with_their_definitions(site_dir,
                                                                 language):
    shown = definitions(language)
    pages = [path for path, page in built().items()
             if language_of(path) == language
             and page.kind in ("landing", "topic")]
    problems, linked_pages = [], 0
    for path in pages:
        links = glossary_links(path)
        linked_pages += bool(links)
        anchors = [link.get("href").split("#")[1] for link in links]
        twice = {a for a in anchors if anchors.count(a) > 1}
        if twice:
            problems.append(f"/{path} links {sorted(twice)} more than once")
        for link, anchor in zip(links, anchors):
            if not link.get("href").split("#")[0].endswith("glossary/"):
                problems.append(f"/{path}: {link.get('href')} is not the "
                                "glossary")
            elif anchor not in shown:
                problems.append(f"/{path}: no glossary entry #{anchor}")
            elif " ".join(link.get("title", "").split()) != shown[anchor]:
                problems.append(f"/{path}: #{anchor}'s tooltip is not its "
                                f"definition: {link.get('title')!r}")
            if any(a.tag in ("code", "pre", "h1", "h2", "h3", "math")
                   for a in link.iterancestors()):
                problems.append(f"/{path}: a glossary link in code, math or "
                                f"a heading: {link.text_content()!r}")
    assert not problems, "\n".join(problems[:20])
    assert linked_pages == len(pages), (
        f"{language}: only {linked_pages} of {len(pages)} pages link a term")


def linked(html, language="en"):
    return glossary.first_uses_linked(html, language, "../glossary/")


def test_only_the_first_use_outside_code_headings_and_links_is_linked():
    html = ('<h2>The gradient</h2><p class="admonition-title">gradient</p>'
            "<p><code>gradient</code> <a href='x'>gradient</a> "
            "<math><mi>gradient</mi></math> Its gradients and the gradient."
            "</p>")
    soup = BeautifulSoup(linked(html), "html.parser")
    links = soup.find_all("a", class_="glossary-term")
    assert [link.get_text() for link in links] == ["gradients"], soup
    assert links[0]["href"] == "../glossary/#gradient"


@pytest.mark.parametrize(("language", "html", "linked_text"), [
    ("en", "<p>Two consequences shape the code; a tensor of shape (2, 3).</p>",
     ["shape"]),
    ("sr", "<p>Mreža u obliku modula daje tenzor oblika (2, 3).</p>",
     ["oblika"]),
    ("sr-Cyrl", "<p>Мрежа у облику модула даје тензор облика (2, 3).</p>",
     ["облика"]),
])
def test_a_stem_inside_a_not_in_phrase_is_not_the_term(language, html,
                                                        linked_text):
    soup = BeautifulSoup(linked(html, language), "html.parser")
    links = soup.find_all("a", class_="glossary-term", href=re.compile("#shape"))
    assert [link.get_text() for link in links] == linked_text, soup
    assert "(2, 3)" in links[0].next_sibling


def test_a_not_in_phrase_without_a_stem_fails(monkeypatch):
    english = glossary.read("en")
    broken = {**english, "shape": {**english["shape"],
                                   "not_in": ["the sape of a sweep"]}}
    monkeypatch.setattr(glossary, "read", lambda name: broken)
    glossary.entries.cache_clear()
    try:
        with pytest.raises(glossary.PluginError, match="'the sape of a "
                           "sweep' holds none of its stems"):
            glossary.entries("en")
    finally:
        glossary.entries.cache_clear()


def test_a_chinese_term_is_found_without_spaces():
    zh = next(entry for entry in glossary.entries("zh")
              if entry.key == "gradient")
    html = f"<p>计算{zh.stems[0]}的方法</p>"
    assert f'#gradient" title="{zh.definition}' in linked(html, "zh")


def test_cyrillic_serbian_finds_its_terms_in_cyrillic():
    entry = next(entry for entry in glossary.entries("sr-Cyrl")
                 if entry.key == "gradient")
    assert re.fullmatch(r"[а-яђјљњћџ ]+", entry.stems[0]), entry.stems
    html = f"<p>Рачунамо {entry.stems[0]}е функције.</p>"
    assert "#gradient" in linked(html, "sr-Cyrl")


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_terms_tooltip_and_link_work_in_the_browser(open_page, language):
    path = f"{model.language(language).url_prefix}tensors/creating-and-dtypes/"
    page, _ = open_page(path)
    link = page.locator("article a.glossary-term").first
    definition = link.get_attribute("title")
    link.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert " ".join(tooltip.inner_text().split()) == " ".join(
        definition.split()), f"/{path}: the tooltip does not show the definition"
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**/glossary/#{anchor}")
    heading = page.locator(f"h2#{anchor}")
    assert heading.is_visible() and heading.evaluate(
        "h => h.getBoundingClientRect().top < window.innerHeight"), (
        f"/{path}: the link does not bring its glossary entry into view")

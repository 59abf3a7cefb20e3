"""The built pages, for the tests of the built site.

The pages come from site/manifest.json, which the build writes
(hooks/manifest.py): every page of every language, with its kind and its
source. A test marked `pages(<set>)` is run once per page of that set; the
manifest is read when the tests are collected, never at import. A module
that uses the marker passes its `pytest_generate_tests` on to `parametrize`.
"""
import functools
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, CData, NavigableString, Tag

from conftest import ROOT, SITE
from coding_exercises import FENCE as EXERCISE_FENCE
from docsite import exercises, model
from docsite.english import english_in_lines, english_runs
from search_code_text import without_code_spans
from serbian_cyrillic import material_strings

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


def parametrize(metafunc):
    chosen = metafunc.definition.get_closest_marker("pages")
    if chosen is not None:
        metafunc.parametrize(
            "path", [url for url, page in built().items()
                     if PAGE_SETS[chosen.args[0]](page)],
            ids=lambda url: url or "home")


def source_name(path) -> str:
    """Where a built page was written: docs/pl/tensors/index.md."""
    page = built()[path]
    return f"docs/{page.folder}/{page.source}"


def source_of(path):
    """The Markdown (or notebook) a built page was made from, if any."""
    page = built()[path]
    if page.source is None:
        return None
    return (ROOT / source_name(path)).read_text(encoding="utf-8")


def english_source_of(path):
    """The English page at the same path: what every language shows."""
    page = built()[path]
    if page.kind not in WRITTEN:
        return None
    return (ROOT / "docs" / DEFAULT / page.source).read_text(encoding="utf-8")


def language_of(path):
    return built()[path].language


def in_language(path, language):
    return ROOTS[language] + path.removeprefix(ROOTS[language_of(path)])


def html_file(path) -> Path:
    return SITE / path / "index.html"


@functools.cache
def html_of(path) -> BeautifulSoup:
    """A built page, its code read without the highlighting's spans, as
    the search index reads it (the same text; half a page's elements, and
    twice as fast to parse): the tests read code's text, never its tokens."""
    return BeautifulSoup(without_code_spans(html_file(path).read_text(
        encoding="utf-8")), "lxml")


@functools.cache
def article_of(path):
    return html_of(path).find("article")


def text_without(element, selector) -> str:
    """The text of an element (as get_text() reads it: not scripts, styles
    or comments), leaving out the elements `selector` names: a list of tag
    names and `.class`es (matched here: soupsieve takes seconds a page)."""
    parts = [part.strip() for part in selector.split(",")]
    if not all(re.fullmatch(r"\.?[\w-]+", part) for part in parts):
        raise ValueError(f"text_without takes tag names and .classes, "
                         f"not {selector!r}")
    names = {part for part in parts if not part.startswith(".")}
    classes = {part[1:] for part in parts if part.startswith(".")}

    def texts(parent):
        for child in parent.children:
            if isinstance(child, Tag):
                if child.name not in names and not classes.intersection(
                        child.get("class") or ()):
                    yield from texts(child)
            elif type(child) in (NavigableString, CData):
                yield child
    return "".join(texts(element))


def words(text) -> str:
    return " ".join(text.split())


@functools.cache
def material_config(path) -> dict:
    """The settings Material's scripts read on this page (#__config)."""
    return json.loads(html_of(path).find("script", id="__config").string)


def code_blocks(path):
    """(kind, block) of every highlighted block of the article but the
    coding exercises', in order: kind is its language (python, text)."""
    found = []
    for block in article_of(path).find_all("div", class_="highlight"):
        if "exercise" in block["class"]:
            continue
        kind = next((name.removeprefix("language-") for name in
                     block.get("class", []) if name.startswith("language-")),
                    None)
        found.append((kind, block))
    return found


def exercises_on(path) -> list:
    """The coding exercises the English page at the same path shows."""
    source = english_source_of(path)
    if source is None:
        return []
    return [exercises.exercise(m[1]) for m in EXERCISE_FENCE.finditer(source)]


def snippet_name(block) -> str:
    title = block.select_one(".filename")
    return title.get_text().strip() if title else "an untitled block"


def english_ui_strings():
    """What Material and our mkdocs.yml say in English: no translated page
    may show or speak any of these."""
    found = set(material_strings("en").values())
    found |= {entry["toggle"]["name"]
              for entry in model.config()["theme"]["palette"]}
    en = next(language for language in model.i18n_options()["languages"]
              if language["locale"] == DEFAULT)
    found |= {en["extra"]["download_notebook"], en["extra"]["copied"],
              en["extra"]["copy"], en["extra"]["permalink"],
              model.config()["site_description"],
              en["extra"]["made_with"].format(generator=GENERATOR),
              "Copy to Clipboard"}  # mkdocs-jupyter's
    # a11y.js's names ("Code" is German too)
    found |= {text.replace("{number}", "1") for key, text in
              en["extra"]["a11y"].items() if key != "code"}
    # Not words a reader meets: the direction, search tokenizer settings.
    return {text for text in found if re.fullmatch(r"[A-Z#0-9][^\\]+", text)}


GENERATOR = "Material for MkDocs"  # a name: the footer links it
ENGLISH_UI_STRINGS = english_ui_strings()
MATERIAL_LANGUAGE = {"pl": "pl", "de": "de", "sr": "sh", "sr-Cyrl": "sr",
                     "zh": "zh"}
SPOKEN = ("title", "aria-label", "alt", "placeholder")
SHOWN_TAGS = {"label", "button"}
SHOWN_CLASSES = {"notice", "md-button", "md-footer__direction"}


def ui_texts(soup) -> Counter:
    """(where, text) of what a page shows or speaks as its interface: the
    footer line, the meta description, the attributes read aloud or shown
    on hover, the text of labels, buttons and notices, and the names
    docs/assets/a11y.js gives (from the page's JSON). tests/test_site.py
    reads the attributes, labels, buttons and notices in the browser too
    (UI_TEXT), to check what scripts add. One walk over the elements:
    CSS selectors (soupsieve) take a tenth of a second a page."""
    found = Counter()
    for meta in soup.find_all("meta", attrs={"name": "description"}):
        found["meta[description]", meta.get("content", "").strip()] += 1
    script = soup.find("script", id="__a11y")
    for key, text in json.loads(script.string if script else "{}").items():
        found[f"a11y.js {key}", text.replace("{number}", "1")] += 1
    for element in soup.find_all(True):
        for name in SPOKEN:
            if element.get(name):
                found[f"{element.name}[{name}]", element[name].strip()] += 1
        classes = set(element.get("class") or ())
        if "md-copyright" in classes:
            found["footer", words(element.get_text())] += 1
        if element.name in SHOWN_TAGS or classes & SHOWN_CLASSES:
            found[element.name, element.get_text().strip()] += 1
    return found


# Where a page's English is not prose: code, formulas, pictures, file names
# over code, the labs' code and outputs, and what it marks as English
# (lang="en") or as a name (translate="no").
NOT_PROSE_TAGS = {"pre", "code", "kbd", "samp", "script", "style", "math",
                  "svg", "template", "noscript", "title", "head"}
NOT_PROSE_CLASSES = {"filename", "clipboard-copy-txt", "jp-InputArea",
                     "jp-OutputArea"}
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt",
          "dd", "figcaption", "summary", "div", "label", "button", "nav",
          "a", "span", "header", "footer", "section", "article", "table"}
LABELS = ("title", "aria-label", "alt", "placeholder")


def says_prose(element, page_lang) -> bool:
    """Whether an element is prose in the page's language (its <html lang>):
    not code, not marked as another language or as a name."""
    for tag in [element, *element.parents]:
        if not isinstance(tag, Tag) or tag.name == "[document]":
            continue
        if tag.name in NOT_PROSE_TAGS or tag.get("translate") == "no" or \
                NOT_PROSE_CLASSES & set(tag.get("class") or ()):
            return False
        declared = tag.get("lang")
        if declared is not None:
            return declared == page_lang
    return True


def english_on_page(soup, language) -> list[str]:
    """The English a reader of another language meets on a page: runs of
    English words in its text, and labels (title, aria-label, alt,
    placeholder, the meta description and og: tags) that are English."""
    page_lang = soup.html.get("lang")
    found, lines, block = [], [], object()
    for text in soup.find_all(string=True):
        if type(text) is not NavigableString or not text.strip():
            continue
        here = next((p for p in text.parents if p.name in BLOCKS), None)
        if here is not block:
            lines.append((len(lines), ""))
            block = here
        # code or a name amid a sentence ends a run of words around it
        shown = text if says_prose(text.parent, page_lang) else " 0 "
        lines[-1] = (lines[-1][0], lines[-1][1] + shown)
    found += [f"text {run!r}" for _, run in english_in_lines(
        [(n, t + " 0") for n, t in lines], language)]
    for element in soup.find_all(True):
        for name in LABELS:
            value = element.get(name)
            if value and says_prose(element, page_lang):
                found += [f"{element.name}[{name}] {run!r}" for run in
                          english_runs(value, language, whole=True)]
    for meta in soup.find_all("meta"):
        kind = meta.get("name") or meta.get("property") or ""
        if kind == "description" or kind.startswith("og:"):
            found += [f"meta[{kind}] {run!r}" for run in english_runs(
                meta.get("content", ""), language, whole=True)]
    return found


def english_in(texts, language) -> list[str]:
    """The English UI strings among (where, text): Material's and ours,
    where the page's language does not say the same ("Navigation" is
    German too), and any string that docsite/english.py reads as English."""
    english = ENGLISH_UI_STRINGS - set(material_strings(
        MATERIAL_LANGUAGE[language]).values())
    return sorted({f"{where} {text!r}" for where, text in texts
                   if text in english or english_runs(text, language,
                                                      whole=True)})


GRAPH = re.compile(r"assets/graphs/([\w-]+\.svg)")


def graphs_of(path):
    """The graph pictures a page shows: those of its English source."""
    return GRAPH.findall(english_source_of(path) or "")


def english_graphs():
    return [(path, picture) for path, page in built().items()
            if page.language == DEFAULT for picture in graphs_of(path)]


def has_snippets(path) -> bool:
    """A written page whose English source includes snippets: its code is
    checked against them (a landing page may have none)."""
    return built()[path].kind in WRITTEN and bool(
        model.includes(english_source_of(path)))


def is_translated(path) -> bool:
    """Shown in a language other than English (not a generated page that
    stays English)."""
    page = built()[path]
    return page.language != DEFAULT and not page.english_only


def is_searchable(path) -> bool:
    """In its language's search index: a generated page shown in English
    only is indexed in English alone."""
    page = built()[path]
    return page.language == DEFAULT or not page.english_only

"""The readers' glossary: a page in every language, and the first use of
each term on a page linked to its entry, with its definition as a tooltip.

One source: translations/glossary/<language>.yml (the format is in en.yml),
which tools/translations.py checks for translators too. The glossary page
(`glossary/`) lists every term with its definition, its English name,
PyTorch's name where it has one, and links to the pages that use it. On
every landing and topic page, the first word starting with one of a
term's stems (Chinese: the first text holding one, since Chinese has no
spaces), outside the phrases its entry lists as `not_in` ("shape the
code"), links to the term's entry; code, formulas, headings, links and
admonition titles are left alone. Cyrillic Serbian takes the Latin
glossary, transliterated. The page's texts are extra.glossary in mkdocs.yml.
"""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path

from docsite import model
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from generated_page import add_page
from verification import written_in_markdown
from serbian_cyrillic import to_cyrillic_data, word_to_cyrillic

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "translations" / "glossary"
PAGE = "glossary"
KEYS = ("title", "intro", "english", "pages")
PAGE_LINK_SCHEME = "glossary-page:"  # resolved to URLs once the page is HTML
TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*?)(/?)>")
# elements whose text no glossary link goes into
LEFT_ALONE = {"a", "code", "pre", "kbd", "math", "script", "style", "svg",
              "h1", "h2", "h3", "h4", "h5", "h6", "button", "label",
              "summary", "figcaption", "sup", "title"}


@dataclass(frozen=True)
class Entry:
    key: str
    anchor: str
    term: str
    stems: tuple[str, ...]
    definition: str
    english: str
    pytorch: str | None
    not_in: tuple[str, ...] = ()


def anchor_of(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


@functools.cache
def read(name: str) -> dict:
    path = FOLDER / f"{name}.yml"
    if not path.exists():
        raise PluginError(f"{path} is missing: every language needs its "
                          "glossary (translations/glossary/en.yml)")
    return model.read_yaml(path) or {}


@functools.cache
def entries(language: str) -> tuple[Entry, ...]:
    generated_from = model.language(language).generated_from
    source = generated_from or language

    english, own = read(model.default_language()), read(source)
    found = []
    for key, theirs in english.items():
        entry = own.get(key) or {}
        missing = [f for f in ("term", "use", "definition") if not entry.get(f)]
        if missing:
            raise PluginError(f"translations/glossary/{source}.yml: '{key}' "
                              f"has no {missing}; run make translations")
        term, definition = str(entry["term"]), str(entry["definition"])
        stems = [str(stem).lower() for stem in entry["use"]]
        not_in = [str(phrase).lower() for phrase in entry.get("not_in") or []]
        for phrase in not_in:
            if not any(stem.rstrip("$") in phrase for stem in stems):
                raise PluginError(
                    f"translations/glossary/{source}.yml: '{key}': not_in "
                    f"'{phrase}' holds none of its stems {stems}; write the "
                    "words around a stem where it is not the term")
        if generated_from:
            term, definition = to_cyrillic_data(term), to_cyrillic_data(
                definition)
            stems = [word_to_cyrillic(stem) for stem in stems]
            not_in = [to_cyrillic_data(phrase) for phrase in not_in]
        found.append(Entry(key, anchor_of(key), term, tuple(stems),
                           definition, str(theirs["term"]),
                           theirs.get("pytorch"), tuple(not_in)))
    return tuple(found)


@functools.cache
def matcher(language: str):
    """One pattern for every stem of the language, longest first, and the
    entry of each stem. The group `term` holds a use; the phrases where a
    stem is not its term ("shape the code", "u obliku") match first, as
    the group `other`."""
    by_stem = {stem.rstrip("$"): entry for entry in entries(language)
               for stem in entry.stems}
    whole = {stem.rstrip("$") for entry in entries(language)
             for stem in entry.stems if stem.endswith("$")}
    stems = sorted(by_stem, key=len, reverse=True)
    others = sorted({phrase for entry in entries(language)
                     for phrase in entry.not_in}, key=len, reverse=True)
    other = "|".join(map(re.escape, others)) or "(?!)"
    if language == "zh":
        return re.compile(f"(?P<other>{other})|(?P<term>"
                          + "|".join(map(re.escape, stems)) + ")",
                          re.IGNORECASE), by_stem
    alternatives = "|".join(re.escape(stem) + (r"(?!\w)" if stem in whole
                                               else r"\w*")
                            for stem in stems)
    return re.compile(rf"(?<!\w)(?:(?P<other>{other})|(?P<term>"
                      rf"{alternatives}))", re.IGNORECASE), by_stem


def entry_of(word: str, by_stem: dict) -> Entry:
    """The entry of the longest stem a matched word starts with."""
    lower = word.lower()
    if lower in by_stem:
        return by_stem[lower]
    for end in range(len(lower) - 1, 0, -1):
        if lower[:end] in by_stem:
            return by_stem[lower[:end]]
    raise KeyError(word)


def uses(text: str, language: str) -> list[Entry]:
    """The entries whose terms a text uses."""
    pattern, by_stem = matcher(language)
    return list({entry_of(m["term"], by_stem): None
                 for m in pattern.finditer(text) if m["term"]})


def texts(config) -> dict:
    strings = config.extra.get("glossary") or {}
    missing = [key for key in KEYS if not strings.get(key)]
    if missing:
        raise PluginError(f"mkdocs.yml: extra.glossary of this language "
                          f"lacks {missing}")
    return strings


def language_of(config) -> str:
    return config.plugins["i18n"].current_language


def page_title(path: Path) -> str:
    _, body, _ = model.read_page(path)
    heading = next((line for line in body.split("\n")
                    if line.startswith("# ")), "# " + path.stem)
    return model.HEADING.match(heading)[2]


def pages_using(files, config) -> dict[str, list]:
    """For each entry, the Markdown pages of the language that use it, in
    the navigation's order."""
    language = language_of(config)
    order = {page: index for index, page in enumerate(model.nav_pages())}
    found = {}
    for file in sorted(files.documentation_pages(), key=lambda f: order.get(
            (model.page_of(f.src_uri) or (None, None))[1], len(order))):
        page = model.page_of(file.src_uri)
        if page is None or page[1].suffix != ".md":
            continue
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        prose = "\n".join(line for _, line in model.prose_lines(
            text.split("\n")))
        for entry in uses(prose, language):
            found.setdefault(entry.key, []).append(file)
    return found


def glossary_markdown(files, config) -> str:
    t, language = texts(config), language_of(config)
    using = pages_using(files, config)
    lines = [f"# {t['title']} {{ #glossary }}", "", t["intro"], ""]
    for entry in sorted(entries(language), key=lambda e: e.term.casefold()):
        lines += [f"## {entry.term} {{ #{entry.anchor} }}", "",
                  entry.definition, ""]
        about = [] if language == model.default_language() else [
            f'{t["english"]}: <span lang="en">{entry.english}</span>']
        if entry.pytorch:
            about.append(f"PyTorch: `{entry.pytorch}`")
        if about:
            lines += [" · ".join(about), ""]
        pages = using.get(entry.key, [])
        if pages:
            links = ", ".join(
                f'<a href="{PAGE_LINK_SCHEME}{file.src_uri}">'
                f"{html.escape(page_title(Path(file.abs_src_path)))}</a>"
                for file in pages)
            lines += [f"{t['pages']}: {links}", ""]
    return "\n".join(lines)


@event_priority(-150)  # after mkdocs-static-i18n has chosen the files
def on_files(files, config):
    return add_page(files, config, PAGE, glossary_markdown(files, config))


def on_page_content(html_text, page, config, files):
    if page.file.src_uri == f"{PAGE}.md":
        return resolve_page_links(html_text, page, files)
    if not written_in_markdown(page.file):
        return html_text
    glossary = files.get_file_from_path(f"{PAGE}.md")
    if glossary is None:
        raise PluginError(f"{page.file.src_uri}: no {PAGE}/ page to link to")
    return first_uses_linked(html_text, language_of(config),
                             glossary.url_relative_to(page.file))


PAGE_LINK = re.compile(r'href="glossary-page:([^"]+)"')


def resolve_page_links(html_text, page, files):
    """The glossary page's links to the pages that use a term, as URLs
    from the glossary page."""
    def url(match):
        target = files.get_file_from_path(match[1])
        if target is None:
            raise PluginError(f"{PAGE}: no page {match[1]} to link to")
        return f'href="{target.url_relative_to(page.file)}"'
    return PAGE_LINK.sub(url, html_text)


def plain(markdown: str) -> str:
    """A definition as a tooltip shows it: no Markdown marks."""
    return re.sub(r"`([^`]*)`|\*([^*]+)\*", lambda m: m[1] or m[2], markdown)


def first_uses_linked(html_text: str, language: str, href: str) -> str:
    """The first use of each term linked to its entry, outside the
    elements left alone."""
    pattern, by_stem = matcher(language)
    linked, out, position, left_alone, in_title = set(), [], 0, 0, False

    def link(match):
        if not match["term"]:
            return match[0]
        entry = entry_of(match["term"], by_stem)
        if entry.key in linked:
            return match[0]
        linked.add(entry.key)
        return (f'<a class="glossary-term" href="{href}#{entry.anchor}" '
                f'title="{html.escape(plain(entry.definition))}">'
                f"{match[0]}</a>")

    for tag in TAG.finditer(html_text):
        text = html_text[position:tag.start()]
        out.append(text if left_alone or in_title else pattern.sub(link, text))
        out.append(tag[0])
        position = tag.end()
        closing, name, attributes = tag[1] == "/", tag[2].lower(), tag[3]
        if name in LEFT_ALONE and not tag[4]:
            left_alone += -1 if closing else 1
        elif name == "p" and not closing and "admonition-title" in attributes:
            in_title = True
        elif name == "p" and closing:
            in_title = False
    out.append(html_text[position:])
    return "".join(out)

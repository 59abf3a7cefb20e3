"""Helpers for hooks that add pages mkdocs-static-i18n does not know about.

Such a page gets the attributes mkdocs-static-i18n gives real pages, so the
language switcher links each language's copy to the others.
"""
from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.files import File

GENERATED = Path(__file__).resolve().parents[1] / ".cache" / "generated"


def link_languages(page, config, path: str):
    """Point the language switcher of `page` at `path` in every language."""
    i18n = config.plugins["i18n"]
    urls = {lang.locale: f"{lang.link.strip('/')}/{path}".lstrip("/")
            for lang in i18n.config.languages}
    page.locale = page.locale_alternate_of = i18n.current_language
    page.alternates = {lang: SimpleNamespace(url=url, locale=lang)
                       for lang, url in urls.items()}
    return urls[i18n.current_language]


def add_page(files, config, name: str, markdown: str, translated=True):
    """Add `name/` to this language; an untranslated (English) page stays
    out of the other languages' search."""
    i18n = config.plugins["i18n"]
    if not translated and i18n.current_language != i18n.default_language:
        markdown = "---\nsearch:\n  exclude: true\n---\n\n" + markdown
    source = GENERATED / i18n.current_language / f"{name}.md"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(markdown, encoding="utf-8")
    page = File(f"{name}.md", str(source.parent), config.site_dir,
                config.use_directory_urls)
    page.dest_uri = link_languages(page, config, f"{name}/") + "index.html"
    page.english_only = not translated
    files.append(page)
    return files

"""Add a page generated at build time to every language (used by hooks).

The page gets the attributes mkdocs-static-i18n gives real pages, so the
language switcher links each language's copy to the others.
"""
from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.files import File

GENERATED = Path(__file__).resolve().parents[1] / ".cache" / "generated"


def add_page(files, config, name: str, markdown: str):
    i18n = config.plugins["i18n"]
    language = i18n.current_language
    source = GENERATED / language / f"{name}.md"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(markdown, encoding="utf-8")
    urls = {lang.locale: f"{lang.link.strip('/')}/{name}/".lstrip("/")
            for lang in i18n.config.languages}
    page = File(f"{name}.md", str(source.parent), config.site_dir,
                config.use_directory_urls,
                dest_uri=urls[language] + "index.html")
    page.locale = page.locale_alternate_of = language
    page.alternates = {lang: SimpleNamespace(url=url, locale=lang)
                       for lang, url in urls.items()}
    files.append(page)
    return files

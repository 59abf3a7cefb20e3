"""Tell readers when a page is not translated yet or may be out of date.

A translated page records the hash of the English source it was made from in
its front matter (`source_hash`). If English has changed since, the page shows
a banner linking to the original; a page missing in a language falls back to
English and shows a "not translated yet" notice. The texts live per language
under `extra.notices` in mkdocs.yml.
"""
import hashlib
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

DOCS = Path(__file__).resolve().parents[1] / "docs"
DEFAULT = "en"


def source_hash(english_page: Path) -> str:
    return hashlib.sha256(english_page.read_bytes()).hexdigest()[:12]


def english_source(translated_src_uri: str) -> Path:
    return DOCS / DEFAULT / translated_src_uri.split("/", 1)[1]


def is_stale(meta: dict, src_uri: str) -> bool:
    return meta.get("source_hash") != source_hash(english_source(src_uri))


def notice(kind: str, text: str) -> str:
    body = "\n".join("    " + line for line in text.splitlines())
    return f'!!! {kind} ""\n{body}\n\n'


def on_page_markdown(markdown, page, config, files):
    language = config.plugins["i18n"].current_language
    if language == DEFAULT:
        return markdown
    texts = config.extra.get("notices") or {}
    if not texts.get("untranslated") or not texts.get("stale"):
        raise PluginError(
            f"mkdocs.yml: language '{language}' needs extra.notices."
            "untranslated and extra.notices.stale")
    if page.file.locale != language:
        return notice("info", texts["untranslated"]) + markdown
    if is_stale(page.meta, page.file.src_uri):
        original = get_relative_url(page.url.split("/", 1)[1], page.url)
        banner = texts["stale"].replace("{original}", original)
        return notice("warning", banner) + markdown
    return markdown

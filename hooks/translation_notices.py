"""Tell readers when a page is not translated yet or may be out of date.

A translated page records the hash of the English source it was made from in
its front matter (`source_hash`). If English has changed since, the page shows
a banner linking to the original; a page missing in a language falls back to
English and shows a "not translated yet" notice. The texts live per language
under `extra.notices` in mkdocs.yml. Every language also gets a generated
`translation-status/` page: every page × language, current, stale or missing.
"""
import hashlib
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from generated_page import add_page

DOCS = Path(__file__).resolve().parents[1] / "docs"
LABS = DOCS.parent / "labs"
DEFAULT = "en"


def source_hash(english_page: Path) -> str:
    return hashlib.sha256(english_page.read_bytes()).hexdigest()[:12]


def english_source(translated_src_uri: str) -> Path:
    return DOCS / DEFAULT / translated_src_uri.split("/", 1)[1]


def is_stale(meta: dict, src_uri: str) -> bool:
    return meta.get("source_hash") != source_hash(english_source(src_uri))


def pending(language: str) -> set:
    listed = yaml.safe_load((DOCS.parent / "translations" / "pending.yml")
                            .read_text(encoding="utf-8")) or {}
    return set(listed.get(language, []))


def translation_status(path: Path, english: Path) -> str:
    meta = get_data(path.read_text(encoding="utf-8"))[1]
    if meta.get("source_hash") == source_hash(english):
        return "current"
    return "stale (accepted)" if meta.get("stale_accepted") else "stale"


def status(language: str, page: str) -> str:
    path = DOCS / language / page
    if not path.exists():
        return "pending" if page in pending(language) else "missing"
    return translation_status(path, DOCS / DEFAULT / page)


def lab_status(language: str, lab: str) -> str:
    path = LABS / lab / f"{language}.md"
    if not path.exists():
        return "missing"
    return translation_status(path, LABS / lab / f"{DEFAULT}.md")


def status_page(languages: list) -> str:
    pages = sorted(p.name for p in (DOCS / DEFAULT).glob("*.md"))
    labs = sorted(p.parent.name for p in LABS.glob(f"*/{DEFAULT}.md"))
    rows = [f"| `{page}` | " + " | ".join(status(lang, page)
                                          for lang in languages) + " |"
            for page in pages]
    rows += [f"| `labs/{lab}` | " + " | ".join(lab_status(lang, lab)
                                              for lang in languages) + " |"
             for lab in labs]
    return "\n".join([
        "# Translation status { #translation-status }", "",
        "Generated at build time from `docs/`: a translation is *current* "
        "when its `source_hash` matches the English page it was made from.",
        "", "| Page | " + " | ".join(languages) + " |",
        "|---|" + "---|" * len(languages), *rows, ""])


@event_priority(-150)
def on_files(files, config):
    i18n = config.plugins["i18n"]
    languages = [lang.locale for lang in i18n.config.languages
                 if lang.locale != DEFAULT]
    return add_page(files, config, "translation-status",
                    status_page(languages), translated=False)


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
    if page.file.src_uri.startswith(f"{DEFAULT}/"):
        return notice("info", texts["untranslated"]) + markdown
    if (page.file.src_uri.startswith(f"{language}/")
            and is_stale(page.meta, page.file.src_uri)):
        original = get_relative_url(page.url.split("/", 1)[1], page.url)
        banner = texts["stale"].replace("{original}", original)
        return notice("warning", banner) + markdown
    return markdown


def on_page_content(html, page, config, files):
    """A stale lab translation gets the same banner as a stale page."""
    language = config.plugins["i18n"].current_language
    src = page.file.src_uri
    if language == DEFAULT or not (src.startswith(f"{language}/labs/")
                                   and src.endswith(".ipynb")):
        return html
    lab = Path(src).stem
    if lab_status(language, lab) not in ("stale", "stale (accepted)"):
        return html
    import markdown

    original = get_relative_url(f"labs/{lab}/", page.url)
    banner = config.extra["notices"]["stale"].replace("{original}", original)
    return markdown.markdown(notice("warning", banner),
                             extensions=["admonition"]) + html

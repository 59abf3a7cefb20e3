"""Tell readers when a page is not translated yet or may be out of date.

A translated page records the hash of the English source it was made from in
its front matter (`source_hash`). If English has changed since, the page shows
a banner linking to the original; a page missing in a language falls back to
English and shows a "not translated yet" notice. The texts live per language
under `extra.notices` in mkdocs.yml. Every language also gets a generated
`translation-status/` page: every page (subfolders too) × language, current,
stale or missing.
"""
from pathlib import Path, PurePosixPath

from docsite import model
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from generated_page import add_page

ROOT = Path(__file__).resolve().parents[1]
CONFIG, DOCS, LABS = ROOT / "mkdocs.yml", ROOT / "docs", ROOT / "labs"
PENDING = ROOT / "translations" / "pending.yml"
DEFAULT = model.default_language(CONFIG)


def english_source(page: PurePosixPath, docs: Path = DOCS) -> Path:
    """The English page a translation of `page` follows."""
    return docs / DEFAULT / page


def translation_status(path: Path, english: Path) -> str:
    return model.translation_state(model.front_matter(path), english)


def status(language: str, page: PurePosixPath, docs: Path = DOCS,
           pending_list: Path = PENDING) -> str:
    path = docs / language / page
    if not path.exists():
        return ("pending" if str(page) in model.pending(language, pending_list)
                else "missing")
    return translation_status(path, english_source(page, docs))


def lab_status(language: str, lab: str, labs: Path = LABS) -> str:
    path = model.lab_prose(lab, language, labs)
    if not path.exists():
        return "missing"
    return translation_status(path, model.lab_prose(lab, DEFAULT, labs))


def status_page(languages: list, docs: Path = DOCS, labs: Path = LABS,
                pending_list: Path = PENDING) -> str:
    rows = [f"| `{page}` | " + " | ".join(
        status(lang, page, docs, pending_list) for lang in languages) + " |"
        for page in model.pages(DEFAULT, docs)]
    rows += [f"| `labs/{lab}` | " + " | ".join(
        lab_status(lang, lab, labs) for lang in languages) + " |"
        for lab in model.labs(labs)]
    return "\n".join([
        "# Translation status { #translation-status }", "",
        "Generated at build time from `docs/`: a translation is *current* "
        "when its `source_hash` matches the English page it was made from.",
        "", "| Page | " + " | ".join(languages) + " |",
        "|---|" + "---|" * len(languages), *rows, ""])


@event_priority(-150)
def on_files(files, config):
    languages = [locale for locale in model.all_languages(CONFIG)
                 if locale != DEFAULT]
    return add_page(files, config, "translation-status",
                    status_page(languages), translated=False)


def notice(kind: str, text: str) -> str:
    body = "\n".join("    " + line for line in text.splitlines())
    return f'!!! {kind} ""\n{body}\n\n'


def original_url(page: PurePosixPath, url: str) -> str:
    """The English page, relative to the translation's URL."""
    english = model.language(DEFAULT, CONFIG).url_prefix + model.page_url(page)
    return get_relative_url(english, url)


def on_page_markdown(markdown, page, config, files):
    language = config.plugins["i18n"].current_language
    if language == DEFAULT:
        return markdown
    texts = config.extra.get("notices") or {}
    if not texts.get("untranslated") or not texts.get("stale"):
        raise PluginError(
            f"mkdocs.yml: language '{language}' needs extra.notices."
            "untranslated and extra.notices.stale")
    found = model.page_of(page.file.src_uri, CONFIG)
    if found is None:
        return markdown
    folder, source = found
    if folder == DEFAULT:
        return notice("info", texts["untranslated"]) + markdown
    if folder == language and model.translation_state(
            page.meta, english_source(source)) != "current":
        banner = texts["stale"].replace(
            "{original}", original_url(source, page.url))
        return notice("warning", banner) + markdown
    return markdown


def on_page_content(html, page, config, files):
    """A stale lab translation gets the same banner as a stale page."""
    language = config.plugins["i18n"].current_language
    found = model.page_of(page.file.src_uri, CONFIG)
    if language == DEFAULT or found is None or found[0] != language:
        return html
    lab = model.lab_of(found[1])
    if lab is None or not lab_status(language, lab).startswith("stale"):
        return html
    import markdown

    original = original_url(found[1], page.url)
    banner = config.extra["notices"]["stale"].replace("{original}", original)
    return markdown.markdown(notice("warning", banner),
                             extensions=["admonition"]) + html

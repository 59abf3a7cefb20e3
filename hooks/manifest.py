"""Write site/manifest.json: every page of every built language, with its
URL, its source (relative to the language folder it was read from) and its
kind: landing, topic, lab or generated. The browser tests take their pages
from it (tests/test_site.py), so a new page is tested without a list to edit.
"""
from pathlib import Path

from docsite import model
from mkdocs.plugins import event_priority

from across_languages import collected

CONFIG = Path(__file__).resolve().parents[1] / "mkdocs.yml"
BUILT: list[model.BuiltPage] = collected("manifest", [])


def on_pre_build(config):
    if not config.plugins["i18n"].building:
        BUILT.clear()


def built_page(page, language: str) -> model.BuiltPage:
    found = model.page_of(page.file.src_uri, CONFIG)
    if found is None:
        return model.BuiltPage(language, page.url, "generated", None, None,
                               getattr(page.file, "english_only", False))
    folder, source = found
    return model.BuiltPage(language, page.url, model.page_kind(source),
                           source.as_posix(), folder)


def on_post_page(output, page, config):
    BUILT.append(built_page(page, config.plugins["i18n"].current_language))
    return output


@event_priority(-200)
def on_post_build(config):
    """After the last language."""
    if not config.plugins["i18n"].building:
        model.write_manifest(Path(config.site_dir), BUILT)

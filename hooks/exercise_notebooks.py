"""Write each chapter's coding exercises as a notebook, per language:
<chapter folder>/exercises.ipynb, with the tasks of the chapter's pages in
the language, the checking code with its hints, and each starter and check;
no solutions. The exercise blocks link to it (hooks/coding_exercises.py).
"""
import json
from pathlib import Path

from coding_exercises import hints_for
from docsite import exercises, model
from mkdocs.exceptions import PluginError

SECTIONS = {}


def on_page_markdown(markdown, page, config, files):
    """The chapter's title as the navigation shows it in this language."""
    found = model.page_of(page.file.src_uri)
    if found and page.parent is not None:
        SECTIONS[(config.plugins["i18n"].current_language,
                  tuple(model.chapter_of(found[1])))] = page.parent.title
    return markdown


def on_post_build(config):
    """Runs before mkdocs-static-i18n builds the next language."""
    locale = config.plugins["i18n"].current_language
    strings = config.extra["exercise_notebook"]
    for chapter in model.chapters():
        chosen = exercises.chapter_tasks(locale, chapter)
        if not chosen:
            continue
        title = SECTIONS.get((locale, tuple(chapter)))
        if title is None:
            raise PluginError(f"no navigation section holds {chapter[0]}: "
                              "its exercise notebook needs a title")
        notebook = exercises.notebook(
            strings["title"].format(chapter=title), strings["intro"],
            chosen, hints_for(locale))
        target = (Path(config.site_dir) / model.language(locale).url_prefix
                  / exercises.notebook_folder(chapter) / exercises.NOTEBOOK)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(notebook, ensure_ascii=False, indent=1)
                          + "\n", encoding="utf-8")

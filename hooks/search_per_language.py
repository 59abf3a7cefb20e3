"""Give every language its own search index.

mkdocs-static-i18n merges all languages into one `search/search_index.json`,
so a Polish reader got German and Chinese hits. After the last language is
built, this hook splits that index into `<language>/search/search_index.json`
(locations relative to the language root, which is the `base` Material uses
on that language's pages) with Material's own search settings for the
language: its lunr stemmer where lunr has one, its separator (for Chinese:
the zero-width space that jieba segmentation puts between words) and its
pipeline.
"""
import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

LUNR = Path("assets/javascripts/lunr/min")
MATERIAL_STRING = (
    '{% import "partials/languages/" ~ language ~ ".html" as chosen %}'
    '{% import "partials/languages/en.html" as english %}'
    "{{ chosen.t(key) or english.t(key) }}")


def search_settings(config, theme_language):
    template = config.theme.get_env().from_string(MATERIAL_STRING)

    def text(key):
        return template.render(language=theme_language, key=key).strip()

    lunr = theme_language.split("-")[0]
    has_lunr = (Path(config.site_dir) / LUNR / f"lunr.{lunr}.min.js").exists()
    return {"lang": [lunr if has_lunr else "en"],
            "separator": text("search.config.separator"),
            "pipeline": text("search.config.pipeline").split()}


@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.building:
        return
    merged_path = Path(config.site_dir) / "search" / "search_index.json"
    if not merged_path.exists():
        raise PluginError(f"{merged_path} is missing: is the search plugin on?")
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    languages = [lang for lang in i18n.config.languages if lang.build]
    prefixes = tuple(f"{lang.locale}/" for lang in languages if not lang.default)
    for language in languages:
        if language.default:
            docs = [d for d in merged["docs"]
                    if not d["location"].startswith(prefixes)]
            target = merged_path
        else:
            prefix = f"{language.locale}/"
            docs = [dict(d, location=d["location"][len(prefix):])
                    for d in merged["docs"] if d["location"].startswith(prefix)]
            target = (Path(config.site_dir) / prefix / "search"
                      / "search_index.json")
        if not docs:
            raise PluginError(f"no search entries for '{language.locale}'")
        settings = search_settings(config, language.theme["language"])
        index = {"config": dict(merged["config"], **settings), "docs": docs}
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False,
                                     separators=(",", ":")), encoding="utf-8")

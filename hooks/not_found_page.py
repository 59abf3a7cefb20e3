"""The site's one 404 page is the default language's.

MkDocs writes the theme's 404.html at the root of site/ in every build,
and mkdocs-static-i18n builds each language into the same site/: the
language built last would win (and with hooks/parallel_languages.py, the
one whose process ends last). Only the default language writes it.
"""
from docsite import model

PAGE = "404.html"


def on_pre_build(config):
    if config.plugins["i18n"].current_language == model.default_language():
        config.theme.static_templates.add(PAGE)
    else:
        config.theme.static_templates.discard(PAGE)

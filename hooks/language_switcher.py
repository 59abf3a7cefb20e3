"""Make Material's language switcher work on top of mkdocs-static-i18n.

Material fetches `sitemap.xml` under the href of every
`<link rel="alternate" hreflang>` in the page head, expecting language roots,
and maps the current page to the chosen language by cutting the page's
`base` off its URL. mkdocs-static-i18n points the head links at pages, gives
every language the site root as `base`, and writes only the root sitemap, so
pages logged 404s and the mapping went wrong. This hook points the head links
and `base` at language roots (the visible switcher keeps its per-page links)
and writes a sitemap for every language.
"""
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

MATERIAL_BASE = re.compile(r'("base": )"[^"]*"')
HEAD_ALTERNATE = re.compile(
    r'<link rel="alternate" href="[^"]*" hreflang="(?P<lang>[^"]+)">')
URL_ENTRY = re.compile(r"<url>.*?</url>", re.DOTALL)
LOC = re.compile(r"<loc>[^<]*</loc>")


def language_roots(config):
    return {language.locale: language.link.strip("/")
            for language in config.plugins["i18n"].config.languages}


def on_post_page(output, page, config):
    roots = language_roots(config)
    root = roots[config.plugins["i18n"].current_language]
    base = get_relative_url(root + "/" if root else ".", page.url)
    output = MATERIAL_BASE.sub(lambda m: f'{m[1]}"{base}"', output, count=1)

    def to_root(match):
        root = roots.get(match["lang"])
        if root is None:
            raise PluginError(f"{page.file.src_uri}: unknown hreflang "
                              f"{match['lang']!r} in the page head")
        href = get_relative_url(root + "/" if root else ".", page.url)
        return match[0].replace(match[0].split('"')[3], href, 1)

    return HEAD_ALTERNATE.sub(to_root, output)


def localised(entry, language):
    alternate = re.search(rf'hreflang="{language}" href="([^"]+)"', entry)
    if not alternate:
        raise PluginError(f"sitemap.xml has no '{language}' alternate in "
                          f"{entry[:120]}…: check the i18n languages")
    return LOC.sub(f"<loc>{alternate[1]}</loc>", entry)


def on_post_build(config):
    i18n = config.plugins["i18n"]
    language = i18n.current_language
    if language == i18n.default_language:
        return
    root = Path(config.site_dir) / "sitemap.xml"
    if not root.exists():
        raise PluginError(f"{root} is missing: the default language must "
                          "be built first")
    text = URL_ENTRY.sub(lambda m: localised(m[0], language),
                         root.read_text(encoding="utf-8"))
    (Path(config.site_dir) / language / "sitemap.xml").write_text(
        text, encoding="utf-8")

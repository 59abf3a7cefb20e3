"""Make Material's language switcher work on top of mkdocs-static-i18n.

Material fetches `sitemap.xml` under the href of every
`<link rel="alternate" hreflang>` in the page head, expecting language roots,
and maps the current page to the chosen language by cutting the page's
`base` off its URL. mkdocs-static-i18n points the head links at pages, gives
every language the site root as `base`, and writes only the root sitemap, so
pages logged 404s and the mapping went wrong. This hook points the head links
and `base` at language roots (the visible switcher keeps its per-page links)
and, once every language is built, writes each language's sitemap from the
pages actually built (labs and generated pages included).
"""
import gzip
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

MATERIAL_BASE = re.compile(r'("base": )"[^"]*"')
HEAD_ALTERNATE = re.compile(
    r'<link rel="alternate" href="[^"]*" hreflang="(?P<lang>[^"]+)">')


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
        href = (config.site_url or "/") + (root + "/" if root else "")
        return match[0].replace(match[0].split('"')[3], href, 1)

    return HEAD_ALTERNATE.sub(to_root, output)


def pages_of(site: Path, root: str, other_roots: list) -> list:
    base = site / root if root else site
    found = []
    for page in sorted(base.rglob("index.html")):
        relative = page.parent.relative_to(base).as_posix()
        relative = "" if relative == "." else relative + "/"
        if relative.split("/")[0] in other_roots + ["assets", "search"]:
            continue
        found.append(relative)
    return found


@event_priority(-200)
def on_post_build(config):
    """After the last language: one sitemap per language, from what was built."""
    i18n = config.plugins["i18n"]
    if i18n.building:
        return
    site = Path(config.site_dir)
    built = {lang.locale for lang in i18n.config.languages if lang.build}
    roots = {lang: root + "/" if root else ""
             for lang, root in language_roots(config).items() if lang in built}
    others = [root.strip("/") for root in roots.values() if root]
    pages = {lang: pages_of(site, root, others) for lang, root in roots.items()}
    base = config.site_url or ""
    if not pages[i18n.default_language]:
        raise PluginError(f"{site} has no pages: nothing to put in sitemaps")
    for lang, root in roots.items():
        entries = []
        for page in pages[lang]:
            alternates = "".join(
                f'\n    <xhtml:link rel="alternate" hreflang="{other}" '
                f'href="{base}{roots[other]}{page}"/>'
                for other in roots if page in pages[other])
            entries.append(f"  <url>\n    <loc>{base}{root}{page}</loc>"
                           f"{alternates}\n  </url>")
        text = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
                '"http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml='
                '"http://www.w3.org/1999/xhtml">\n' + "\n".join(entries)
                + "\n</urlset>\n")
        target = site / root / "sitemap.xml"
        target.write_text(text, encoding="utf-8")
        target.with_suffix(".xml.gz").write_bytes(  # the same on every build
            gzip.compress(text.encode("utf-8"), mtime=0))

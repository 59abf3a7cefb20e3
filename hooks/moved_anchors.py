"""Old links keep working after the chapters were split into topic pages.

A chapter's old URL is now its landing page, so a link such as
`tensors/#broadcasting` reaches the landing page with a hash that no
redirect plugin sees. redirects/old-anchors.yml lists every heading id the
old chapter pages had; the landing page forwards each id it no longer holds
to the one page of its language that does. An id whose content is spread
over several pages (exercises, takeaways) lands on the landing page's map.
An old id that no page holds fails the build.

The forwarding script goes right after the page's title: anything before
the h1 makes Material's search index an empty section as the page itself,
and mkdocs-static-i18n drops a translation's entry that equals the English
one (same title, no text), so the page vanished from its language's search.
"""
import functools
import json
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from docsite import model

OLD_ANCHORS = model.ROOT / "redirects" / "old-anchors.yml"
MAP = "map"


@functools.cache
def old_anchors() -> dict:
    return model.read_yaml(OLD_ANCHORS)


def landing_of(old_page: str) -> PurePosixPath:
    """The page that now has the old page's URL (tensors.md was tensors/,
    which is tensors/index.md now)."""
    url = model.page_url(old_page)
    return PurePosixPath(f"{url}index.md" if url else old_page)


@functools.cache
def sources(locale: str) -> dict:
    """Page -> the file it is built from in this language: its own, or the
    English one while it is pending (the i18n fallback)."""
    folder = model.language(locale).folder
    english = model.DOCS / model.default_language()
    found = {page: english / page for page in model.pages(english.name)}
    found.update({page: folder / page for page in model.pages(folder.name)})
    return found


@functools.cache
def homes(locale: str) -> dict:
    """Heading id -> the pages of this language that hold it."""
    found = {}
    for page, source in sources(locale).items():
        text = source.read_text(encoding="utf-8")
        for heading_id in model.heading_ids(text):
            found.setdefault(heading_id, []).append(page)
    return found


def forwards(locale: str, old_page: str) -> dict:
    """Old id -> (page, id) it now lives at, for ids the landing lacks."""
    landing = landing_of(old_page)
    where = homes(locale)
    if MAP not in model.heading_ids(
            sources(locale)[landing].read_text(encoding="utf-8")):
        raise PluginError(f"docs/{locale}/{landing}: a landing page needs a "
                          f"heading with id '{MAP}' (the map of its topics)")
    moved = {}
    for old_id in old_anchors()[locale][old_page]:
        pages = where.get(old_id, [])
        if landing in pages:
            continue
        if not pages:
            raise PluginError(
                f"{OLD_ANCHORS.relative_to(model.ROOT)}: the old id "
                f"'{old_id}' of {old_page} ({locale}) is on no page now; "
                "give its content's heading that id again")
        moved[old_id] = (pages[0], old_id) if len(pages) == 1 else \
            (landing, MAP)
    return moved


def on_page_content(html, page, config, files):
    locale = config.plugins["i18n"].current_language
    relative = PurePosixPath(page.file.src_uri).relative_to(
        PurePosixPath(page.file.src_uri).parts[0])
    for old_page in old_anchors().get(locale, {}):
        if landing_of(old_page) != relative:
            continue
        targets = {}
        for old_id, (target, new_id) in forwards(locale, old_page).items():
            found = files.get_file_from_path(
                f"{page.file.src_uri.split('/')[0]}/{target}")
            if found is None:
                raise PluginError(f"{page.file.src_uri}: forwards #{old_id} "
                                  f"to {target}, which is not built")
            url = get_relative_url(found.url, page.url) \
                if found is not page.file else ""
            targets[old_id] = f"{url}#{new_id}"
        script = (
            "<script>(function(){var m=" + json.dumps(targets) +
            ";function go(){var t=m[decodeURIComponent(location.hash."
            "slice(1))];if(t)location.replace(t)}go();"
            "addEventListener('hashchange',go)})()</script>")
        return after_title(html, script, page.file.src_uri)
    return html


def after_title(html: str, script: str, src_uri: str) -> str:
    title, found, rest = html.partition("</h1>")
    if not found:
        raise PluginError(f"docs/{src_uri}: a landing page starts with its "
                          "title as a level-1 heading (# Title { #id })")
    return title + found + script + rest

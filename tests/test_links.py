"""Every internal link and anchor of the built site resolves."""
import posixpath
import re
import urllib.parse
from pathlib import Path
from types import SimpleNamespace

import lxml.html

from conftest import SITE


def parsed(path, cache={}):
    """The ids a built page has and the addresses it links or loads."""
    if path not in cache:
        ids, hrefs = set(), []
        for element in lxml.html.fromstring(
                path.read_text(encoding="utf-8")).iter():
            if "id" in element.attrib:
                ids.add(element.get("id"))
            for name in ("href", "src"):
                if element.get(name) and not (element.tag == "link" and
                                              element.get("rel") ==
                                              "alternate"):
                    hrefs.append(element.get(name))
        cache[path] = SimpleNamespace(ids=ids, hrefs=hrefs)
    return cache[path]


def target_of(page: Path, href: str, site: Path):
    url = urllib.parse.urlsplit(href)
    if url.scheme or href.startswith(("//", "mailto:", "data:", "blob:")):
        return None, None
    path = Path(urllib.parse.unquote(url.path))
    target = page if not url.path else (
        site / path.relative_to("/") if url.path.startswith("/")
        else (page.parent / path).resolve())
    if target.is_dir() or url.path.endswith("/"):
        target = target / "index.html"
    return target, urllib.parse.unquote(url.fragment)


def test_every_internal_link_and_anchor_resolves(site_dir):
    broken = []
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 40, "the site looks incomplete"
    for page in pages:
        for href in parsed(page).hrefs:
            target, anchor = target_of(page, href, site_dir.resolve())
            if target is None:
                continue
            where = f"{page.relative_to(site_dir)} -> {href}"
            if not target.exists():
                broken.append(f"{where}: no such file")
            elif anchor and target.suffix == ".html" and \
                    anchor not in parsed(target).ids:
                broken.append(f"{where}: no element with id '{anchor}'")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken)


def test_external_links_are_only_plain_links(site_dir):
    """Nothing is loaded from another host; links to others are fine."""
    loaded = []
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for tag in ("src=\"http", "src='http", "href=\"http"):
            for chunk in text.split(tag)[1:]:
                before = text[:text.find(tag + chunk[:40])][-80:]
                if tag.startswith("src") or "<link" in before.split("<")[-1]:
                    loaded.append(f"{page.relative_to(site_dir)}: "
                                  f"{tag}{chunk[:60]}")
    assert not loaded, "\n".join(loaded)


def test_the_verified_line_links_to_the_record_of_its_language(site_dir):
    """Every page written in Markdown, at any depth, in every language."""
    from docsite import model

    wrong = []
    for page in model.read_manifest(site_dir):
        if page.kind not in ("landing", "topic"):
            continue
        html = (site_dir / page.url / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]*verification/)"', html)
        record = f"/{model.language(page.language).url_prefix}verification/"
        if not links:
            wrong.append(f"/{page.url} has no verified line")
            continue
        target = posixpath.normpath(posixpath.join(f"/{page.url}",
                                                   links[-1])) + "/"
        if target != record:
            wrong.append(f"/{page.url} links to {target}, not {record}")
    assert not wrong, ("the verified line (hooks/verification.py) links to "
                       "the wrong record:\n" + "\n".join(wrong))

"""Every heading id of the old chapter pages still lands on its content.

The expected landing place is read off the built site, not from the hook
that forwards: the one page of that language whose HTML has a heading with
that id, or, where several pages have one (exercises, takeaways), the
landing page's map.
"""
import re

import pytest
from conftest import ROOT, SITE
from docsite.model import read_yaml

OLD_ANCHORS = ROOT / "redirects" / "old-anchors.yml"
HEADING_ID = re.compile(r'<h[1-6][^>]* id="([^"]+)"')


def old_anchors():
    return read_yaml(OLD_ANCHORS)


def language_root(locale):
    from docsite import model
    return model.language(locale).url_prefix


def built_homes(site, locale):
    """Heading id -> URL paths (relative to the site) of the pages of this
    language whose article has a heading with that id."""
    from docsite import model
    root = site / language_root(locale) if language_root(locale) else site
    others = {lang for lang in old_anchors() if lang != locale}
    # generated pages (the glossary's #loss) hold no old content
    generated = {page.url.rstrip("/") for page in model.read_manifest(site)
                 if page.kind == "generated"}
    homes = {}
    for html in root.rglob("index.html"):
        relative = html.parent.relative_to(site).as_posix()
        parts = relative.split("/")
        if "labs" in parts or locale == "en" and parts[0] in others \
                or relative in generated:
            continue
        text = html.read_text(encoding="utf-8")
        if "<article" not in text:
            continue
        article = text[text.index("<article"):text.index("</article>")]
        for heading_id in HEADING_ID.findall(article):
            homes.setdefault(heading_id, []).append(
                "" if relative == "." else relative + "/")
    return homes


def expected_landings(site, locale):
    from docsite import model
    homes = built_homes(site, locale)
    prefix = language_root(locale)
    for old_page, ids in old_anchors()[locale].items():
        old_url = prefix + model.page_url(old_page)
        for old_id in ids:
            pages = homes.get(old_id, [])
            if old_url in pages:
                target = (old_url, old_id)
            elif len(pages) == 1:
                target = (pages[0], old_id)
            else:
                target = (old_url, "map")
            yield old_url, old_id, target


IN_VIEW = """id => {
  const heading = document.getElementById(id);
  if (!heading) return "missing";
  const box = heading.getBoundingClientRect();
  return box.top >= 0 && box.top < window.innerHeight ? "in view"
    : `at ${Math.round(box.top)} px of ${window.innerHeight}`;
}"""

# Every navigation the page starts is noted; one to another document is
# cancelled (Navigation API), so one load of a landing page asks it where
# each of its old ids goes.
NOTE_NAVIGATIONS = """() => {
  window.__went = [];
  navigation.addEventListener("navigate", event => {
    window.__went.push(event.destination.url);
    if (!event.hashChange) event.preventDefault();
  });
}"""

GO_TO_ID = """id => new Promise(done => {
  const before = window.__went.length;
  addEventListener("hashchange",
                   () => done(window.__went.slice(before)), {once: true});
  location.hash = id;
})"""


def not_needed(site):
    """URL patterns of every kind of file in the site but documents and
    stylesheets: the forwarding script is inline, and where a heading lands
    depends on the page and its styles only."""
    kinds = {path.suffix for path in site.rglob("*.*") if path.is_file()}
    kinds -= {".html", ".css"}
    return [f"*{kind}" for kind in sorted(kinds)]


@pytest.fixture
def bare_page(browser, site_dir):
    """A page that fetches documents and stylesheets only, and keeps them in
    its cache (Playwright's request routing would turn the cache off)."""
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setBlockedURLs", {"urls": not_needed(site_dir)})
    yield page
    context.close()


def in_view(page, heading_id):
    """Where the heading is once the page has scrolled to it."""
    try:
        page.wait_for_function(f"({IN_VIEW})({heading_id!r}) === 'in view'",
                               timeout=2_000)
    except Exception:
        return page.evaluate(IN_VIEW, heading_id)
    return "in view"


def by_old_page(landings):
    grouped = {}
    for old_url, old_id, target in landings:
        grouped.setdefault(old_url, []).append((old_id, target))
    return grouped


@pytest.mark.browser
@pytest.mark.parametrize("locale", list(old_anchors()))
def test_every_old_anchor_lands_on_its_heading(locale, site_dir, bare_page,
                                                site_url):
    """Each old page is opened once with the first of its moved ids, as a
    reader's old link opens it, and must land; then, on its landing page,
    each old id is asked for in turn: it must go where the built site holds
    it, and every heading it lands on must be in view there."""
    page = bare_page
    failures, lands_on = [], {}
    for old_url, ids in by_old_page(
            expected_landings(site_dir, locale)).items():
        moved = [(old_id, target) for old_id, target in ids
                 if target != (old_url, old_id)]
        if moved:
            old_id, (path, new_id) = moved[0]
            page.goto(f"{site_url}{old_url}#{old_id}", wait_until="commit")
            want = f"{site_url}{path}#{new_id}"
            try:
                page.wait_for_url(want, wait_until="load", timeout=5_000)
            except Exception:
                failures.append(f"/{old_url}#{old_id} opened as a link ended "
                                f"at {page.url}, not {want}")
        page.goto(f"{site_url}{old_url}", wait_until="load")
        page.evaluate(NOTE_NAVIGATIONS)
        for old_id, (path, new_id) in ids:
            went = page.evaluate(GO_TO_ID, old_id)
            want = f"{site_url}{path}#{new_id}"
            if not went or went[-1] != want:
                failures.append(f"/{old_url}#{old_id} went to "
                                f"{went[-1] if went else 'nowhere'}, not "
                                f"{want}")
            elif path == old_url:
                where = in_view(page, new_id)
                if where != "in view":
                    failures.append(f"/{old_url}#{old_id} -> #{new_id}: the "
                                    f"heading is {where}")
            else:
                lands_on.setdefault(path, []).append((old_url, old_id, new_id))
    for path, arrivals in lands_on.items():
        page.goto(f"{site_url}{path}", wait_until="load")
        for old_url, old_id, new_id in arrivals:
            page.evaluate("id => { location.hash = id }", new_id)
            where = in_view(page, new_id)
            if where != "in view":
                failures.append(f"/{old_url}#{old_id} -> /{path}#{new_id}: "
                                f"the heading is {where}")
    assert not failures, (
        f"{len(failures)} old links of '{locale}' do not land on their "
        "heading (hooks/moved_anchors.py forwards them from "
        "redirects/old-anchors.yml):\n" + "\n".join(failures))


def test_the_old_anchor_list_covers_every_language():
    from docsite import model
    assert set(old_anchors()) == set(model.all_languages()), (
        f"{OLD_ANCHORS.relative_to(ROOT)} lists {sorted(old_anchors())}, "
        f"mkdocs.yml builds {model.all_languages()}")


def test_every_old_anchor_has_a_home_in_the_built_site(site_dir):
    missing = [f"{locale}: /{old_url}#{old_id}"
               for locale in old_anchors()
               for old_url, old_id, (path, new_id)
               in expected_landings(site_dir, locale)
               if new_id == "map" and not built_homes(site_dir, locale).get(
                   old_id)]
    assert not missing, ("old heading ids that no built page has any more "
                         "(give the content its old id back):\n"
                         + "\n".join(missing))


def test_an_old_id_that_no_page_holds_fails_the_build(monkeypatch):
    import moved_anchors
    from mkdocs.exceptions import PluginError

    listed = old_anchors()
    listed["en"]["tensors.md"] = [*listed["en"]["tensors.md"], "gone-id"]
    monkeypatch.setattr(moved_anchors, "old_anchors", lambda: listed)
    with pytest.raises(PluginError, match="old id 'gone-id' of tensors.md"):
        moved_anchors.forwards("en", "tensors.md")

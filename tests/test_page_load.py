"""What a built page makes the browser load and run before its first screen
(the browser side: check_search_and_languages_wait_for_the_reader in
test_site.py)."""
import re

from conftest import SITE

PAGES = sorted(SITE.rglob("*.html")) if SITE.exists() else []
INLINED = re.compile(r"""src=["']data:[^;,"']*""")
SCRIPT = re.compile(r"<script\b[^>]*\bsrc=[^>]*>")
MATERIAL = re.compile(r"/javascripts/bundle\.[0-9a-f]+\.min\.js")
DEFER = re.compile(r"\sdefer[\s>]")


def line_of(text, position):
    return text.count("\n", 0, position) + 1


def test_no_page_inlines_an_image(site_dir):
    """An inlined image is loaded with the page, before its first line can
    be shown, even far below the first screen."""
    inlined = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        inlined += [f"{page}:{line_of(text, found.start())}: {found[0]}"
                    for found in INLINED.finditer(text)]
    assert not inlined, (
        "images inlined as data: URIs; write them as files (lab plots: "
        "hooks/lab_images.py, listed under hooks in mkdocs.yml):\n"
        + "\n".join(inlined))


def test_scripts_wait_for_the_first_screen_and_on_demand_runs_first(
        site_dir):
    """A script without `defer` stops the page from being painted until it
    is loaded and run; assets/on_demand.js must run before Material starts
    what it holds back."""
    blocking, late = [], []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        scripts = list(SCRIPT.finditer(text))
        blocking += [f"{page}:{line_of(text, s.start())}: {s[0]}"
                     for s in scripts if not DEFER.search(s[0])]
        material = [i for i, s in enumerate(scripts) if MATERIAL.search(s[0])]
        if material and not any("on_demand.js" in s[0]
                                for s in scripts[:material[0]]):
            late.append(str(page))
    assert not blocking, (
        "scripts that hold up the first screen; overrides/main.html defers "
        "the scripts of Material's `scripts` block:\n" + "\n".join(blocking))
    assert not late, (
        "assets/on_demand.js does not run before Material's bundle (see "
        "overrides/main.html, block scripts) on:\n" + "\n".join(late))

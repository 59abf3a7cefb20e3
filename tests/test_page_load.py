"""What a built page makes the browser load before its first screen."""
import re

from conftest import SITE

PAGES = sorted(SITE.rglob("*.html")) if SITE.exists() else []
INLINED = re.compile(r"""src=["']data:[^;,"']*""")


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

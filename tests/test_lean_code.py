"""hooks/lean_code.py unwraps names and white space in code, which is
safe only while Material colours them as the code around them."""
import re

import lean_code
from conftest import SITE


def material_stylesheet():
    found = sorted(SITE.glob("assets/stylesheets/main.*.min.css"))
    assert found, "build the site first"
    return found[0].read_text(encoding="utf-8")


def test_material_colours_names_as_code_and_white_space_not_at_all(site_dir):
    css = material_stylesheet()
    assert "--md-code-hl-name-color:var(--md-code-fg-color)" in css, (
        "Material now colours names: hooks/lean_code.py must keep their "
        "spans")
    assert not re.search(r"\.highlight \.w[,{]", css), (
        "Material now styles white space in code: keep its spans")


def test_unwrapped_tokens_keep_their_text():
    html = ('<code><span class="n">x</span><span class="w"> </span>'
            '<span class="o">=</span><span class="w"> </span>'
            '<span class="mi">1</span></code>')
    page = type("Page", (), {"file": type("File", (), {"src_uri": "a.md"})})
    lean = lean_code.on_page_content(html, page, None, None)
    assert lean == ('<code>x <span class="o">=</span> '
                    '<span class="mi">1</span></code>')

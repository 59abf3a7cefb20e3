"""hooks/lean_code.py unwraps the code tokens that look like the code around
them and merges neighbours that look alike: safe only while the stylesheets
give the classes of one look the same colour, weight and style, in both
colour schemes."""
import re

import pytest

import lean_code
from conftest import SITE

PAGE = type("Page", (), {"file": type("File", (), {"src_uri": "a.md"})})

PROBE = """([host, names]) => {
    const still = document.createElement("style");
    still.textContent = "* { transition: none !important; }";
    document.head.appendChild(still);
    const code = document.querySelector(host);
    const style = (name) => {
        const span = document.createElement("span");
        if (name) span.className = name;
        span.textContent = "x";
        code.appendChild(span);
        const { color, fontWeight, fontStyle } = getComputedStyle(span);
        span.remove();
        return `${color} ${fontWeight} ${fontStyle}`;
    };
    const seen = {};
    for (const scheme of ["default", "slate"]) {
        document.body.setAttribute("data-md-color-scheme", scheme);
        seen[scheme] = Object.fromEntries(
            ["", ...names].map((name) => [name, style(name)]));
    }
    return seen;
}"""


def test_tokens_keep_their_text_and_alike_neighbours_become_one():
    html = ('<pre><code><span class="n">x</span><span class="w"> </span>'
            '<span class="o">=</span><span class="w"> </span>'
            '<span class="n">f</span><span class="p">(</span>'
            '<span class="mi">1</span><span class="p">,</span>'
            '<span class="w"> </span><span class="mf">2.0</span>'
            '<span class="p">)</span><span class="o">.</span>'
            '<span class="n">t</span></code></pre>')
    lean = lean_code.on_page_content(html, PAGE, None, None)
    assert lean == ('<pre><code>x <span class="o">=</span> f'
                    '<span class="p">(</span><span class="mi">1</span>'
                    '<span class="p">,</span> <span class="mf">2.0</span>'
                    '<span class="p">).</span>t</code></pre>')


def test_only_code_blocks_are_touched():
    html = '<p><span class="n">x</span><span class="n">y</span></p>'
    assert lean_code.on_page_content(html, PAGE, None, None) == html


def shipped_lab_rules() -> set:
    """The classes the labs' pruned stylesheet styles in code (hooks/
    lab_styles.py keeps the rules of the classes lab pages use); a class of
    LAB_LOOKS that no lab uses has no rule to check."""
    css = (SITE / "assets" / "stylesheets" / "notebook.css").read_text(
        encoding="utf-8")
    return set(re.findall(r"\.highlight-ipynb \.([\w-]+)", css))


@pytest.mark.browser
@pytest.mark.parametrize(("path", "host", "table"), [
    ("autograd/scalar-engine/", ".md-typeset .highlight pre code",
     lean_code.PAGE_LOOKS),
    ("labs/pretraining/", ".jupyter-wrapper .highlight-ipynb pre",
     lean_code.LAB_LOOKS)], ids=["pages", "labs"])
def test_classes_of_one_look_render_alike(open_page, path, host, table):
    page, _ = open_page(path)
    shipped = shipped_lab_rules() if table is lean_code.LAB_LOOKS else None
    names = [name for look, names in table.items() for name in names.split()
             if shipped is None or look == "plain" or name in shipped]
    seen = page.evaluate(PROBE, [host, names])
    table_name = "PAGE_LOOKS" if table is lean_code.PAGE_LOOKS \
        else "LAB_LOOKS"
    for scheme, style in seen.items():
        plain = style[""]
        assert style["mi"] != plain, (
            f"/{path} ({scheme}): numbers look like plain code, so the "
            "stylesheets did not load; this test proves nothing")
        for look, members in table.items():
            members = [name for name in members.split() if name in style]
            wanted = plain if look == "plain" else style[members[0]]
            unlike = {name: style[name] for name in members
                      if style[name] != wanted}
            assert not unlike, (
                f"/{path} ({scheme} scheme): hooks/lean_code.py's "
                f"{table_name} puts {sorted(unlike)} in the look "
                f"{look!r} ({wanted}), but they render {unlike}: move them "
                "to their own look, or make the stylesheets agree")

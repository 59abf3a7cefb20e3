"""Unwrap the code tokens Material does not colour.

Pygments wraps every name and every run of white space in a span, but
Material colours names with the code's own text colour
(`--md-code-hl-name-color` is `--md-code-fg-color`) and white space not at
all: a page with exercises had some 700 such spans, a quarter of its
elements, that change nothing a reader sees. The labs' cells keep theirs
(nbconvert's stylesheet colours names).
"""
import re

UNCOLOURED = re.compile(r'<span class="(?:n|w)">([^<]*)</span>')


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        return html
    return UNCOLOURED.sub(r"\1", html)

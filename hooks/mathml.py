"""Typeset LaTeX as MathML at build time: no script, font or request needed.

pymdownx.arithmatex (generic mode) wraps each formula in an element with the
class `arithmatex`; this hook replaces it with MathML that browsers render
natively. A formula that does not convert cleanly fails the build.
"""
import html
import re

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError

FORMULA = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">'
    r"(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])</(?P=tag)>",
    re.DOTALL,
)
NOT_CONVERTED = re.compile(r"\\[A-Za-z]|<mi>&amp;</mi>|<mi>&</mi>")


def to_mathml(match, page):
    block = match["block"] is not None
    tex = html.unescape(match["block"] if block else match["inline"]).strip()
    try:
        mathml = convert(tex, display="block" if block else "inline")
    except Exception as error:
        raise PluginError(
            f"{page.file.src_uri}: cannot typeset ${tex}$ ({error}); "
            "rewrite the formula with plain LaTeX") from error
    if NOT_CONVERTED.search(mathml):
        raise PluginError(
            f"{page.file.src_uri}: ${tex}$ is not fully supported by "
            "latex2mathml; split it into simpler formulas")
    return mathml.replace("<math ", f'<math alttext="{html.escape(tex)}" ', 1)


def on_page_content(content, page, config, files):
    return FORMULA.sub(lambda match: to_mathml(match, page), content)

"""Typeset LaTeX as MathML at build time: no script, font or request needed.

pymdownx.arithmatex (generic mode) wraps each formula in an element with the
class `arithmatex`; this hook replaces it with MathML that browsers render
natively. A formula that does not convert cleanly fails the build.
hooks/labs.py typesets the formulas in the labs' prose with `typeset` too.
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


def typeset(tex: str, block: bool, where: str) -> str:
    """MathML for one formula; `where` names its source in error messages."""
    try:
        mathml = convert(tex, display="block" if block else "inline")
    except Exception as error:
        raise PluginError(
            f"{where}: cannot typeset ${tex}$ ({error}); "
            "rewrite the formula with plain LaTeX") from error
    if NOT_CONVERTED.search(mathml):
        raise PluginError(
            f"{where}: ${tex}$ is not fully supported by "
            "latex2mathml; split it into simpler formulas")
    mathml = mathml.replace("<math ", f'<math alttext="{html.escape(tex)}" ', 1)
    # A display formula sits in its own box, which scrolls sideways when the
    # formula is wider than a phone (docs/assets/a11y.js names it then).
    return f'<div class="formula">{mathml}</div>' if block else mathml


def to_mathml(match, page):
    block = match["block"] is not None
    tex = html.unescape(match["block"] if block else match["inline"]).strip()
    return typeset(tex, block, page.file.src_uri)


def on_page_content(content, page, config, files):
    return FORMULA.sub(lambda match: to_mathml(match, page), content)

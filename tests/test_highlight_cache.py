"""hooks/highlight_cache.py: a remembered block is exactly what Pygments
gives for that code, lexer and formatter, whatever was highlighted before."""
import pygments
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer, TextLexer
from pymdownx.highlight import BlockHtmlFormatter, InlineHtmlFormatter

from highlight_cache import remembering

CODE = "x = torch.ones(3)\nprint(x.sum())\n"
CASES = [
    (CODE, PythonLexer(), BlockHtmlFormatter(filename="a.py")),
    (CODE, PythonLexer(), BlockHtmlFormatter(filename="b.py")),
    (CODE, PythonLexer(), BlockHtmlFormatter(filename="a.py",
                                             lineanchors="__codelineno-1")),
    (CODE, PythonLexer(), BlockHtmlFormatter(filename="a.py",
                                             hl_lines=[2])),
    ("\n" + CODE, PythonLexer(), HtmlFormatter(linenos="inline")),
    ("\n" + CODE, PythonLexer(stripnl=False), HtmlFormatter(linenos="inline")),
    (CODE, PythonLexer(), HtmlFormatter()),
    (CODE, PythonLexer(), InlineHtmlFormatter()),
    (CODE, TextLexer(), HtmlFormatter()),
    ("y = 2\n", PythonLexer(), HtmlFormatter()),
]


def test_each_block_is_what_pygments_gives_for_it():
    original = pygments.highlight
    highlight = remembering(original)
    for _ in range(2):
        for number, (code, lexer, formatter) in enumerate(CASES):
            assert highlight(code, lexer, formatter) == original(
                code, lexer, formatter), (
                f"case {number}: hooks/highlight_cache.py gave a block "
                "remembered for other code, lexer or formatter options")
    assert len({original(*case) for case in CASES}) == len(CASES), (
        "the cases must differ in what Pygments gives")

"""Highlight each code block once for all languages.

Every language shows the same snippets and lab cells, and Pygments
highlighted each of them six times (a tenth of a build). Markdown's code
blocks (pymdownx.highlight) and the labs' cells (nbconvert) both end in
`pygments.highlight(code, lexer, formatter)`; this hook remembers its
result by the code, the lexer and the formatter with their options, which
is all the result depends on. The site built with it was the same byte for
byte as without it; tests/test_highlight_cache.py checks that each part of
the key tells two results apart.
"""
import pygments
import pymdownx.highlight

HIGHLIGHTED = {}


def key(code, lexer, formatter):
    def kind(obj):
        return f"{type(obj).__module__}.{type(obj).__qualname__}"

    def options(obj):
        return repr(sorted(obj.options.items(), key=lambda item: item[0]))

    return (code, kind(lexer), options(lexer), repr(lexer.filters),
            kind(formatter), options(formatter))


def remembering(highlight):
    def highlight_once(code, lexer, formatter, outfile=None):
        if outfile is not None:
            return highlight(code, lexer, formatter, outfile)
        found = key(code, lexer, formatter)
        if found not in HIGHLIGHTED:
            HIGHLIGHTED[found] = highlight(code, lexer, formatter)
        return HIGHLIGHTED[found]

    highlight_once.remembers = True
    return highlight_once


def on_startup(command, dirty):
    if not getattr(pygments.highlight, "remembers", False):
        pygments.highlight = remembering(pygments.highlight)
    if not getattr(pymdownx.highlight.highlight, "remembers", False):
        pymdownx.highlight.highlight = remembering(
            pymdownx.highlight.highlight)


def on_shutdown():
    HIGHLIGHTED.clear()

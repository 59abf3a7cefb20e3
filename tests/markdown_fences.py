"""pytest-markdown-docs plugin: test each page's fences as readers see them.

Loaded with `-p markdown_fences`. Expands pymdownx.snippets include lines
(`--8<-- "path"`) the way the site build does before fences are collected,
and keeps what the fences print out of the test log. All five languages
include the same snippets, so a fence whose code already ran in this session
passes without running again: its result could not differ.
"""
import contextlib
import io
from pathlib import Path

import pytest
from docsite.model import INCLUDE
from pytest_markdown_docs._runners import DefaultRunner, register_runner

ROOT = Path(__file__).resolve().parents[1]


def read_include(match):
    path = (ROOT / match[1]).resolve()
    if not path.is_relative_to(ROOT) or not path.is_file():
        raise FileNotFoundError(
            f"this page includes {match[1]}, which does not exist; "
            "fix the include line or restore the file")
    return path.read_text(encoding="utf-8")


def expand_includes(state):
    for token in state.tokens:
        if token.type == "fence" and token.info.split()[:1] == ["python"]:
            token.content = INCLUDE.sub(read_include, token.content)


@pytest.hookimpl(tryfirst=True)
def pytest_markdown_docs_markdown_it():
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    parser.core.ruler.push("expand_snippet_includes", expand_includes)
    return parser


@register_runner(default=True)
class QuietRunner(DefaultRunner):
    passed = set()

    def runtest(self, test, args, *, asyncio_runner=None):
        # The source is padded with blank lines to the fence's line in its
        # page, which differs from language to language.
        code = test.source.lstrip("\n")
        if code in self.passed:
            return
        with contextlib.redirect_stdout(io.StringIO()):
            super().runtest(test, args, asyncio_runner=asyncio_runner)
        self.passed.add(code)

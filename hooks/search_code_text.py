"""Hand Material's search index the code blocks as text.

Material's search parser reads the page's HTML in Python, one start tag at a
time, and keeps only the text of the token spans that highlighting puts in
every `<pre>` (about 130,000 tags on this site, two thirds of the parsing).
This hook strips those spans from the copy the index reads: the same
sections with the same text (tests/test_search_code_text.py), in about a
third of the time. The page itself keeps its highlighting.
"""
import re

from material.plugins.search.plugin import SearchIndex

PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
SPAN = re.compile(r"</?span\b[^>]*>")


def without_code_spans(html: str) -> str:
    return PRE.sub(lambda pre: SPAN.sub("", pre[0]), html)


def on_startup(command, dirty):
    add = SearchIndex.add_entry_from_context
    if getattr(add, "reads_code_as_text", False):
        return

    def add_reading_code_as_text(self, page):
        content = page.content
        page.content = without_code_spans(content)
        try:
            add(self, page)
        finally:
            page.content = content

    add_reading_code_as_text.reads_code_as_text = True
    SearchIndex.add_entry_from_context = add_reading_code_as_text

"""hooks/search_code_text.py gives Material's search parser the code blocks
without their highlighting spans: the index must not change by one section,
title or word."""
import re

from material.plugins.search.plugin import Parser

from search_code_text import without_code_spans
from site_pages import built

ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.DOTALL)


def sections(html):
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, s.depth, "".join(s.title), "".join(s.text))
            for s in parser.data]


def test_the_index_reads_the_same_text_without_the_spans(site_dir):
    """On the pages with the most highlighted code, in every language."""
    articles = {}
    for url in built():
        html = (site_dir / url / "index.html").read_text(encoding="utf-8")
        if found := ARTICLE.search(html):
            articles[url] = found[1]
    richest = sorted(articles, key=lambda u: -articles[u].count("<span"))[:12]
    for url in richest:
        html = articles[url]
        stripped = without_code_spans(html)
        assert stripped.count("<span") < html.count("<span") / 2, (
            f"{url}: the hook left the code's spans in place")
        assert sections(stripped) == sections(html), (
            f"{url}: the search index reads different text without the "
            "code's spans: see hooks/search_code_text.py")

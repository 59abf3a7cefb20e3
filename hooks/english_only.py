"""An English-only generated page (benchmarks, translation status) says so
in its HTML: in another language's site its content, its table of contents
and its title in the header are marked lang="en", so that screen readers
read them as English and the English check (tests/site_pages.py) knows they
are meant to be.
"""
import re

from mkdocs.exceptions import PluginError

# (pattern, how many times a page has it: the table of contents only where
# the page has headings below its title)
MARKED = [(re.compile(r'<div class="md-header__topic" '
                      r'data-md-component="header-topic"'), {1}),
          (re.compile(r'<ul class="md-nav__list" data-md-component="toc"'),
           {0, 1})]


def english_only(page, config) -> bool:
    i18n = config.plugins["i18n"]
    return getattr(page.file, "english_only", False) and \
        i18n.current_language != i18n.default_language


def on_page_content(html, page, config, files):
    if english_only(page, config):
        return f'<div lang="en">\n{html}\n</div>'
    return html


def on_post_page(output, page, config):
    if not english_only(page, config):
        return output
    for pattern, expected in MARKED:
        output, found = pattern.subn(lambda m: m[0] + ' lang="en"', output)
        if found not in expected:
            raise PluginError(
                f"{page.file.src_uri}: hooks/english_only.py found "
                f"{pattern.pattern!r} {found} times in the page, not "
                f"{' or '.join(map(str, sorted(expected)))}: Material's "
                "templates changed; update the pattern")
    return output

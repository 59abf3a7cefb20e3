"""The headings' permanent links are named in the page's language.

Python-Markdown's toc extension gives every heading's link one title for
the whole site (`permalink_title` in mkdocs.yml); this hook swaps it for
the language's `extra.permalink`, which a screen reader reads and a mouse
shows.
"""
import re

from mkdocs.exceptions import PluginError

HEADER_LINK = re.compile(r'(<a class="headerlink" href="#[^"]*" title=")'
                         r'([^"]*)(")')


def on_page_content(html, page, config, files):
    title = config.extra.get("permalink")
    if not title:
        raise PluginError("mkdocs.yml: every language needs extra.permalink, "
                          "the title of a heading's permanent link")
    return HEADER_LINK.sub(lambda m: f"{m[1]}{title}{m[3]}", html)

"""The site's one model of languages, pages, labs and their Markdown."""

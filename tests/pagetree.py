"""Pages in a copy of the tree, for the tests that add or break one.

Imports docsite lazily: conftest.py imports nothing from here, and the GPU
job's tests need only torch and pytest.
"""
from pathlib import Path, PurePosixPath

# A short page (no paragraph long enough for language detection) that
# links back up a folder, in every written language.
SUBFOLDER_PAGE = PurePosixPath("sub/page.md")
SUBFOLDER_TEXTS = {
    "en": ("A page in a folder", "Read [the page above](../tensors/index.md)."),
    "pl": ("Strona w folderze", "Przeczytaj [stronę wyżej](../tensors/index.md)."),
    "de": ("Eine Seite im Ordner", "Lies [die Seite oben](../tensors/index.md)."),
    "sr": ("Stranica u fascikli",
           "Pročitajte [stranicu iznad](../tensors/index.md)."),
    "zh": ("文件夹中的页面", "请阅读[上一级页面](../tensors/index.md)。"),
}


def edit(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fault injection: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page_with(docs: Path, language: str, text: str) -> PurePosixPath:
    """The page of a language that contains `text`, wherever it lives."""
    from docsite import model

    found = [page for page in model.pages(language, docs)
             if text in (docs / language / page).read_text(encoding="utf-8")]
    assert len(found) == 1, (f"fault injection: {len(found)} pages of "
                             f"{docs / language} contain {text!r}, not one")
    return found[0]


def add_subfolder_page(root: Path) -> PurePosixPath:
    """docs/<language>/sub/page.md in every written language of the tree
    at `root`, translations current, and an entry in its navigation."""
    from docsite import model

    config = root / "mkdocs.yml"
    written = model.written_languages(config)
    assert set(SUBFOLDER_TEXTS) == set(written), (
        f"tests/pagetree.py: give SUBFOLDER_TEXTS a page for {written}")
    english = root / "docs" / model.default_language(config) / SUBFOLDER_PAGE
    for language in written:
        title, text = SUBFOLDER_TEXTS[language]
        path = root / "docs" / language / SUBFOLDER_PAGE
        path.parent.mkdir(parents=True, exist_ok=True)
        front = ("" if path == english else
                 f"---\nsource_hash: {model.source_hash(english)}\n---\n\n")
        path.write_text(f"{front}# {title} {{ #sub }}\n\n{text}\n",
                        encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    nav = text.index("\nnav:\n") + len("\nnav:\n")
    end = next(i for i in range(nav, len(text))
               if text[i - 1] == "\n" and not text[i].isspace())
    config.write_text(f"{text[:end]}  - {SUBFOLDER_PAGE}\n{text[end:]}",
                      encoding="utf-8")
    return SUBFOLDER_PAGE

"""Every page, in any folder, reaches every tool that works on pages: the
translation checker, the Cyrillic hook and the translation status. All of
them take their pages from docsite.model (and every page is in the
navigation: tests/test_navigation.py); these tests add a page in a
subfolder to a copy of the tree and look for it in each one's output."""
import shutil

import pytest

import serbian_cyrillic
import translation_notices
from docsite import labs as notebooks
from docsite import model
from pagetree import SUBFOLDER_PAGE, add_subfolder_page, edit
from translations import check_translated_page, english_pages, stamp


@pytest.fixture
def tree(tmp_path):
    """A copy of the pages, labs, translation data and mkdocs.yml, with
    docs/<language>/sub/page.md in every written language."""
    for part in ("docs", "labs", "translations", "mkdocs.yml"):
        source = model.ROOT / part
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / part)
    add_subfolder_page(tmp_path)
    return tmp_path


def problems_with(docs, language, page):
    return [str(p) for p in check_translated_page(language, page, docs)]


def test_the_checker_checks_a_page_in_a_subfolder(tree):
    """The checker checks, in every language, each page of english_pages:
    the page is one of them, and its faults are found."""
    docs = tree / "docs"
    assert SUBFOLDER_PAGE in english_pages(docs), (
        f"tools/translations.py does not list docs/en/{SUBFOLDER_PAGE}")
    for language in model.written_languages():
        assert problems_with(docs, language, SUBFOLDER_PAGE) == [], (
            "the page in a subfolder is not clean: do its links resolve "
            "from its own folder?")
    edit(docs / "de" / SUBFOLDER_PAGE, "{ #sub }", "{ #changed }")
    (docs / "pl" / SUBFOLDER_PAGE).unlink()
    assert any("heading ids differ" in p for p in
               problems_with(docs, "de", SUBFOLDER_PAGE)), (
        f"the checker did not check docs/de/{SUBFOLDER_PAGE}")
    assert any(f"missing: translate docs/en/{SUBFOLDER_PAGE}" in p
               for p in problems_with(docs, "pl", SUBFOLDER_PAGE))


def test_the_cyrillic_hook_writes_a_page_in_a_subfolder(tree):
    docs, target = tree / "docs", tree / "docs" / "sr-Cyrl" / SUBFOLDER_PAGE
    moved = docs / "sr-Cyrl" / "moved-away.md"
    moved.parent.mkdir(exist_ok=True)
    moved.write_text("# Стара страница { #old }\n", encoding="utf-8")
    serbian_cyrillic.write_pages(docs, tree / "labs", tree / "mkdocs.yml")
    assert target.exists(), f"hooks/serbian_cyrillic.py did not write {target}"
    assert "# Страница у фасцикли { #sub }" in target.read_text(
        encoding="utf-8")
    assert not moved.exists(), (
        "a Cyrillic page whose Latin page is gone must be removed")


def test_the_status_page_lists_a_page_in_a_subfolder(tree):
    edit(tree / "docs" / "en" / SUBFOLDER_PAGE, "Read", "Now read")
    (tree / "docs" / "zh" / SUBFOLDER_PAGE).unlink()
    (tree / "translations" / "pending.yml").write_text(
        f"zh: [{SUBFOLDER_PAGE}]\n", encoding="utf-8")
    languages = model.translated_languages()
    status = translation_notices.status_page(
        languages, tree / "docs", tree / "labs",
        tree / "translations" / "pending.yml")
    row = next((line for line in status.split("\n")
                if line.startswith(f"| `{SUBFOLDER_PAGE}` |")), None)
    assert row, f"the translation status has no row for {SUBFOLDER_PAGE}"
    cells = dict(zip(languages, row.strip("|").split("|")[1:]))
    assert {lang: cell.strip() for lang, cell in cells.items()} == {
        lang: "pending" if lang == "zh" else "stale" for lang in languages}


@pytest.mark.parametrize(("target", "url"), [
    ("../tensors/index.md", "../../tensors/"),
    ("../tensors/broadcasting.md#rule", "../../tensors/broadcasting/#rule"),
    ("../index.md", "../../"),
    ("../autograd.md", "../../autograd/"),
])
def test_a_lab_links_to_a_page_in_a_subfolder(target, url):
    """labs/<lab>/<language>.md links to pages as files; the notebook's
    markdown needs the URL from labs/<lab>/."""
    shown = notebooks.markdown(f"See [the page]({target}).", "tensors")
    assert shown == f"See [the page]({url}).", (
        f"docsite/labs.py turns {target} into a wrong URL")


def test_stamp_records_the_english_page_at_the_same_path(tree, capsys):
    docs = tree / "docs"
    edit(docs / "en" / SUBFOLDER_PAGE, "Read", "Now read")
    polish = docs / "pl" / SUBFOLDER_PAGE
    assert model.translation_state(model.front_matter(polish),
                                   docs / "en" / SUBFOLDER_PAGE) == "stale"
    stamp(polish, docs, tree / "labs")
    assert model.translation_state(model.front_matter(polish),
                                   docs / "en" / SUBFOLDER_PAGE) == \
        "current", f"--stamp did not hash docs/en/{SUBFOLDER_PAGE}"
    capsys.readouterr()

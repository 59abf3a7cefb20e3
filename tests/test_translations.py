"""Every translation matches its English page, and the checker catches faults."""
import shutil

import pytest

from translations import (DEFAULT, DOCS, TRANSLATIONS, check_language,
                          english_pages)

@pytest.mark.parametrize("language", [DEFAULT, *TRANSLATIONS])
def test_language_is_consistent_with_english(language):
    problems = [str(p) for p in check_language(language)]
    assert not problems, "\n".join(problems)


@pytest.fixture
def docs(tmp_path):
    copy = tmp_path / "docs"
    shutil.copytree(DOCS, copy)
    return copy


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fault injection: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def first_paragraph_line(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    body = lines.index("---", 1) + 1
    return next(line for line in lines[body:]
                if line and not line.startswith(("#", "`", "$", "!", "-")))


def add_paragraph(path, text):
    lines = path.read_text(encoding="utf-8").split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[title + 1:title + 1] = ["", text]
    path.write_text("\n".join(lines), encoding="utf-8")


def reasons(docs, language):
    return "\n".join(str(p) for p in check_language(language, docs))


def test_english_paragraph_in_polish_page_fails(docs):
    add_paragraph(docs / "pl" / "tensors.md",
                  "Think of a tensor as a container for data in which each "
                  "dimension stands for one axis of that data.")
    assert "tensors.md" in reasons(docs, "pl")
    assert "reads as English" in reasons(docs, "pl")


def test_refusal_sentence_in_serbian_page_fails(docs):
    page = docs / "sr" / "autograd.md"
    edit(page, first_paragraph_line(page),
         "I'm sorry, but I cannot translate this passage.")
    assert "machine-translation residue" in reasons(docs, "sr")


def test_removed_include_in_german_page_fails(docs):
    edit(docs / "de" / "autograd.md",
         '--8<-- "snippets/autograd/02-pytorch.py"\n', "")
    found = reasons(docs, "de")
    assert "de/autograd.md" in found
    assert "include #" in found and "02-pytorch.py" in found


def test_changed_heading_id_in_chinese_page_fails(docs):
    edit(docs / "zh" / "tensors.md", "{ #dtypes }", "{ #data-types }")
    assert "heading ids differ" in reasons(docs, "zh")


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_script_in_a_translation_fails(docs, language):
    page = docs / language / "index.md"
    edit(page, first_paragraph_line(page),
         first_paragraph_line(page) + ' <script>alert("hi")</script>')
    assert "raw HTML <script>" in reasons(docs, language)


def test_edited_english_page_makes_every_translation_stale(docs):
    edit(docs / "en" / "tensors.md", "basic data structure",
         "fundamental data structure")
    for language in TRANSLATIONS:
        stale = [p for p in check_language(language, docs) if p.stale]
        assert [p.path.name for p in stale] == ["tensors.md"], language
        assert "--stamp" in str(stale[0])


def test_missing_page_fails_unless_pending(docs):
    (docs / "de" / "backpropagation.md").unlink()
    assert "missing: translate docs/en/backpropagation.md" in reasons(
        docs, "de")


def test_every_english_page_exists():
    assert english_pages() == ["autograd.md", "backpropagation.md",
                               "index.md", "tensors.md"]

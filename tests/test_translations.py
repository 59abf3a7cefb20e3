"""Every translation matches its English page, and the checker catches faults."""
import shutil

import pytest

from translations import (DEFAULT, DOCS, LABS, TRANSLATIONS, check_labs,
                          check_language, english_pages)


@pytest.mark.parametrize("language", [DEFAULT, *TRANSLATIONS])
def test_language_is_consistent_with_english(language):
    problems = [str(p) for p in
                check_language(language) + check_labs(language)]
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


def line_of(path, text):
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_changed_digit_in_english_prose_fails_naming_the_number(docs):
    page = docs / "en" / "autograd.md"
    edit(page, "a \\approx 0.9183", "a \\approx 0.9184")
    line = line_of(page, "0.9184")
    found = reasons(docs, "en")
    assert f"autograd.md:{line}: states 0.9184, which no snippet or output" \
        in found, found


def test_changed_digit_in_a_translations_prose_fails(docs):
    page = docs / "pl" / "backpropagation.md"
    edit(page, "stratę 0,2555", "stratę 0,2556")
    line = line_of(page, "0,2556")
    found = reasons(docs, "pl")
    assert f"pl/backpropagation.md:{line}: section #" in found
    assert "states 0,2556, which the English page does not" in found
    assert "lacks the number 0.2555 that backpropagation.md states" in found


def test_changed_digit_in_a_translations_formula_fails(docs):
    page = docs / "de" / "autograd.md"
    edit(page, "2{,}42", "2{,}43")
    found = reasons(docs, "de")
    assert f"de/autograd.md:{line_of(page, '2{,}43')}: section #" in found
    assert "lacks the number 2.42 that autograd.md states" in found


def test_a_number_in_english_format_in_a_german_page_fails(docs):
    page = docs / "de" / "backpropagation.md"
    edit(page, "0,2555", "0.2555")
    assert "lacks the number 0.2555" in reasons(docs, "de")


def test_edited_english_lab_makes_its_translations_stale(tmp_path):
    labs = tmp_path / "labs"
    shutil.copytree(LABS, labs)
    edit(labs / "tensors" / "en.md", "broadcasting", "broadcasting rules")
    for language in TRANSLATIONS:
        stale = [p for p in check_labs(language, labs) if p.stale]
        assert [p.path.parent.name for p in stale] == ["tensors"], language
        assert "--stamp" in str(stale[0])
        assert f"tensors/{language}.md" in str(stale[0])


def test_a_paragraph_in_a_sixth_language_fails(docs):
    add_paragraph(docs / "de" / "tensors.md",
                  "Een tensor is de basisgegevensstructuur van PyTorch: een "
                  "meerdimensionale reeks getallen waarin elke invoer wordt "
                  "opgeslagen.")
    add_paragraph(docs / "pl" / "tensors.md",
                  "Tenzor je základní datová struktura knihovny PyTorch: "
                  "vícerozměrné pole čísel, do kterého se ukládají všechny "
                  "vstupy modelu.")
    assert "reads as Dutch" in reasons(docs, "de")
    assert "reads as Czech" in reasons(docs, "pl")

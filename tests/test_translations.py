"""Every translation matches its English page, and the checker catches faults."""
import re
import shutil
from pathlib import PurePosixPath

import pytest
import yaml

from docsite import exercises, model
from pagetree import edit, page_with
from stated_numbers import (ROOT, chapter_of, check_english,
                            results_in, shown_by)
from translations import (DOCS, LABS, check_hints, check_labs,
                          check_language,
                          check_translated_lab, check_translated_page,
                          english_pages)

DEFAULT = model.default_language()
TRANSLATIONS = model.translated_languages()


@pytest.mark.parametrize("language", model.written_languages())
@pytest.mark.parametrize("page", [p.as_posix() for p in english_pages()])
def test_page_is_consistent_with_english(page, language):
    """Parametrised by page, so `-k <page>` runs it in every language."""
    problems = check_translated_page(language, PurePosixPath(page))
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("language", model.written_languages())
@pytest.mark.parametrize("lab", model.labs())
def test_lab_is_consistent_with_english(lab, language):
    problems = check_translated_lab(language, lab)
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("language", model.written_languages())
def test_exercise_hints_are_consistent_with_english(language):
    problems = check_hints(language)
    assert not problems, "\n".join(map(str, problems))


@pytest.fixture
def hints(tmp_path):
    copy = tmp_path / "hints"
    shutil.copytree(exercises.HINTS, copy)
    return copy


def edit_hints(hints, language, old, new):
    path = hints / f"{language}.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_deleted_hint_fails(hints):
    edit_hints(hints, "de", "  starts-at-one:", "  # starts-at-one:")
    problems = "\n".join(map(str, check_hints("de", hints)))
    assert "missing ['tensors/positions/starts-at-one']" in problems, problems


def test_a_hint_without_its_code_fails(hints):
    edit_hints(hints, "pl", "`lengths`", "lengths")
    problems = "\n".join(map(str, check_hints("pl", hints)))
    assert "tensors/last-token/padding: keeps" in problems, problems


def test_an_english_hint_in_a_chinese_file_fails(hints):
    english = exercises.read_hints("en", hints)["tensors/causal-mask"]["past"]
    path = hints / "zh.yml"
    data = model.read_yaml(path)
    data["tensors/causal-mask"]["past"] = english
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = "\n".join(map(str, check_hints("zh", hints)))
    assert "tensors/causal-mask/past reads as English" in problems, problems


@pytest.mark.parametrize(("language", "old", "new", "found"), [
    ("pl", "0,25 zamiast", "0.25 zamiast", "write 0.25 as 0,25"),
    ("zh", "0.5", "0,5", "write 0,5 as 0.5"),
    ("de", "0,9:", "0,8:", "keeps {'code': [], 'placeholders': [], "
     "'integers': ['4'], 'fractions': ['0.8']}"),
])
def test_a_hint_decimal_in_the_wrong_mark_or_value_fails(hints, language, old,
                                                         new, found):
    edit_hints(hints, language, old, new)
    problems = "\n".join(map(str, check_hints(language, hints)))
    assert found in problems, problems


def test_edited_english_hints_make_every_translation_stale(hints):
    edit_hints(hints, "en", "Not yet:", "Not quite yet:")
    for language in TRANSLATIONS:
        problems = check_hints(language, hints)
        assert [p.stale for p in problems] == [True], problems


def test_english_hints_must_cover_every_mistake_of_every_check(hints):
    edit_hints(hints, "en", "  one-past:", "  # one-past:")
    problems = "\n".join(map(str, check_hints("en", hints)))
    assert "no hint for ['tensors/last-token/one-past']" in problems, problems


@pytest.fixture
def docs(tmp_path):
    copy = tmp_path / "docs"
    shutil.copytree(DOCS, copy)
    return copy


@pytest.fixture
def labs(tmp_path):
    copy = tmp_path / "labs"
    shutil.copytree(LABS, copy)
    return copy


def first_paragraph_line(path):
    _, body, _ = model.read_page(path)
    return next(line for line in body.split("\n")
                if line and not line.startswith(("#", "`", "$", "!", "-")))


def add_paragraph(path, text):
    lines = path.read_text(encoding="utf-8").split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[title + 1:title + 1] = ["", text]
    path.write_text("\n".join(lines), encoding="utf-8")


def reasons(docs, language):
    return "\n".join(str(p) for p in check_language(language, docs))


def reasons_on(docs, language, path):
    """The problems of one page: a fault the check finds on its page."""
    page = PurePosixPath(path.relative_to(docs / language).as_posix())
    return "\n".join(str(p) for p in check_translated_page(language, page,
                                                            docs))


def a_page(docs, language):
    """Any page of the language: the fault is found wherever it is."""
    page = model.pages(language, docs)[0]
    return docs / language / page, f"{language}/{page}:"


def test_english_paragraph_in_polish_page_fails(docs):
    path, where = a_page(docs, "pl")
    add_paragraph(path, "Think of a tensor as a container for data in which "
                  "each dimension stands for one axis of that data.")
    found = reasons(docs, "pl")
    assert where in found and "reads as English" in found, found


def test_refusal_sentence_in_serbian_page_fails(docs):
    path, where = a_page(docs, "sr")
    edit(path, first_paragraph_line(path),
         "I'm sorry, but I cannot translate this passage.")
    found = reasons(docs, "sr")
    assert where in found and "machine-translation residue" in found, found


def test_removed_include_in_german_page_fails(docs):
    include = '--8<-- "snippets/autograd/02-pytorch.py"\n'
    page = page_with(docs, "de", include)
    edit(docs / "de" / page, include, "")
    found = reasons_on(docs, "de", docs / "de" / page)
    assert f"de/{page}:" in found
    assert "include #" in found and "02-pytorch.py" in found


def test_changed_heading_id_in_chinese_page_fails(docs):
    page = page_with(docs, "zh", "{ #dtypes }")
    edit(docs / "zh" / page, "{ #dtypes }", "{ #data-types }")
    found = reasons_on(docs, "zh", docs / "zh" / page)
    assert f"zh/{page}:1: heading ids differ" in found, found


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_script_in_a_translation_fails(docs, language):
    path, where = a_page(docs, language)
    edit(path, first_paragraph_line(path),
         first_paragraph_line(path) + ' <script>alert("hi")</script>')
    found = reasons(docs, language)
    assert where in found and "raw HTML <script>" in found, found


def test_edited_english_page_makes_every_translation_stale(docs):
    page = page_with(docs, DEFAULT, "basic data structure")
    edit(docs / DEFAULT / page, "basic data structure",
         "fundamental data structure")
    for language in TRANSLATIONS:
        stale = [p for p in check_language(language, docs) if p.stale]
        assert [p.path for p in stale] == [docs / language / page], language
        assert "--stamp" in str(stale[0])


def test_missing_page_fails_unless_pending(docs):
    page = model.pages("de", docs)[-1]
    (docs / "de" / page).unlink()
    assert f"missing: translate docs/{DEFAULT}/{page}" in reasons(docs, "de")


def test_every_page_in_the_navigation_is_checked():
    assert set(model.nav_pages()) <= set(english_pages()), (
        "tools/translations.py does not check every page of the navigation")


def line_of(path, text):
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_changed_digit_in_english_prose_fails_naming_the_number(docs):
    page = page_with(docs, "en", "a \\approx 0.9183")
    edit(docs / "en" / page, "a \\approx 0.9183", "a \\approx 0.9184")
    line = line_of(docs / "en" / page, "0.9184")
    found = reasons_on(docs, "en", docs / "en" / page)
    assert f"en/{page}:{line}: states 0.9184, which no snippet or output" \
        in found, found


def test_changed_digit_in_a_translations_prose_fails(docs):
    page = page_with(docs, "pl", "stratę 0,2555")
    edit(docs / "pl" / page, "stratę 0,2555", "stratę 0,2556")
    line = line_of(docs / "pl" / page, "0,2556")
    found = reasons_on(docs, "pl", docs / "pl" / page)
    assert f"pl/{page}:{line}: section #" in found
    assert "states 0,2556, which the English page does not" in found
    assert f"lacks the number 0.2555 that {page.name} states" in found


def test_changed_digit_in_a_translations_formula_fails(docs):
    page = page_with(docs, "de", "2{,}42")
    edit(docs / "de" / page, "2{,}42", "2{,}43")
    found = reasons_on(docs, "de", docs / "de" / page)
    line = line_of(docs / "de" / page, "2{,}43")
    assert f"de/{page}:{line}: section #" in found
    assert f"lacks the number 2.42 that {page.name} states" in found


def test_a_number_in_english_format_in_a_german_page_fails(docs):
    page = page_with(docs, "de", "0,2555")
    edit(docs / "de" / page, "0,2555", "0.2555")
    found = reasons_on(docs, "de", docs / "de" / page)
    assert "lacks the number 0.2555" in found, found


def test_scientific_notation_is_one_number_in_math_or_code_font(docs):
    page = page_with(docs, "de", "$3{,}3895 \\cdot 10^{38}$")
    edit(docs / "de" / page, "$3{,}3895 \\cdot 10^{38}$", "`3.3895e+38`")
    found = reasons_on(docs, "de", docs / "de" / page)
    assert not found, found


def test_changed_mantissa_in_scientific_notation_fails(docs):
    page = page_with(docs, "de", "3{,}3895 \\cdot 10^{38}")
    edit(docs / "de" / page, "3{,}3895 \\cdot 10^{38}",
         "3{,}3896 \\cdot 10^{38}")
    line = line_of(docs / "de" / page, "3{,}3896")
    found = reasons_on(docs, "de", docs / "de" / page)
    assert f"de/{page}:{line}: section #" in found, found
    assert "states 3,3896 \\cdot 10^{38}, which the English page does not" \
        in found, found
    assert f"lacks the number 3.3895E+38 that {page.name} states" in found


@pytest.mark.parametrize("old, new, printed", [
    ("`3.3895e+38`", "`3.3896e+38`", "3.3895E+38"),
    ("`1e-8`", "`1e-7`", "1E-8")])
def test_changed_scientific_number_in_english_fails(docs, old, new, printed):
    """The message names the scientific number the snippet prints."""
    page = page_with(docs, "en", old)
    edit(docs / "en" / page, old, new)
    line = line_of(docs / "en" / page, new)
    found = reasons_on(docs, "en", docs / "en" / page)
    assert f"en/{page}:{line}: states {new}, which no snippet or output" \
        in found, found
    assert f"(closest printed: {printed})" in found, found


def test_edited_english_lab_makes_its_translations_stale(labs):
    edit(labs / "tensors" / "en.md", "broadcasting", "broadcasting rules")
    for language in TRANSLATIONS:
        stale = [p for p in check_labs(language, labs) if p.stale]
        assert [p.path.parent.name for p in stale] == ["tensors"], language
        assert "--stamp" in str(stale[0])
        assert f"tensors/{language}.md" in str(stale[0])


def test_a_paragraph_in_a_sixth_language_fails(docs):
    german, _ = a_page(docs, "de")
    polish, _ = a_page(docs, "pl")
    add_paragraph(german,
                  "Een tensor is de basisgegevensstructuur van PyTorch: een "
                  "meerdimensionale reeks getallen waarin elke invoer wordt "
                  "opgeslagen.")
    add_paragraph(polish,
                  "Tenzor je základní datová struktura knihovny PyTorch: "
                  "vícerozměrné pole čísel, do kterého se ukládají všechny "
                  "vstupy modelu.")
    assert "reads as Dutch" in reasons(docs, "de")
    assert "reads as Czech" in reasons(docs, "pl")


def test_changed_digit_in_english_lab_prose_fails(labs):
    """-0.0817 is printed only when the lab runs: the check reads the
    executed notebook's outputs."""
    page = labs / "autograd" / "en.md"
    edit(page, "$-0.0817$", "$-0.0818$")
    found = "\n".join(str(p) for p in check_labs(DEFAULT, labs))
    assert f"autograd/en.md:{line_of(page, '0.0818')}: states -0.0818, " \
        "which no snippet or output this page includes prints (closest " \
        "printed: 0.0817)" in found, found


@pytest.mark.parametrize("line, stated", [
    ("the loss is `inf`, the gradient `nan`.", ["inf", "nan"]),
    ("it gives NaN, then -inf and `-inf`.", ["nan", "-inf", "-inf"]),
    ("the mask is `True` where it prints False.", ["True", "False"]),
    ("`t.view(-1)` raises a `RuntimeError`, this a ValueError.",
     ["RuntimeError", "ValueError"]),
    ("mixing raises\n`RuntimeError: Expected all\ntensors`.",
     ["RuntimeError: Expected all tensors"]),
    ("`float(\"inf\")`, `masked_fill(-inf)`, `torch.inf`, `x.isnan()`.", []),
    ("`requires_grad=True`, `keepdim=True`, `qkv_bias: False`.", []),
    ("True to its name, the check passes.\n\nFalse friends exist.", []),
    ("A `RuntimeErrors` list, an Error, `torch.cuda.OutOfMemoryError`.", []),
    ("$\\inf_x f(x) = -\\infty$ and [a link](#inf).", []),
])
def test_what_states_a_result(tmp_path, line, stated):
    page = tmp_path / "page.md"
    page.write_text(f"---\ntitle: x\n---\n\n# Page {{ #page }}\n\n{line}\n"
                    "\n```text\ninf nan True RuntimeError\n```\n",
                    encoding="utf-8")
    assert [value for _, _, value, _ in results_in(page)] == stated


def a_statement(docs, result, unless_shown):
    """Where an English page states `result` and its chapter's outputs do
    not show `unless_shown`, so that changing one into the other must
    fail: (page, line, as written)."""
    language_root = docs / DEFAULT
    for page in sorted(language_root.rglob("*.md")):
        shown = shown_by(chapter_of(page, language_root))
        if unless_shown in shown.results or unless_shown in shown.outputs:
            continue
        for line, written, value, _ in results_in(page):
            if value.startswith(result):
                return page, line, written
    pytest.fail(f"no English page states {result} where {unless_shown} is "
                "not shown: pick another mutation")


def edit_line(path, number, old, new):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[number - 1], f"fault injection: {old!r} not in line"
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("old, new", [
    ("inf", "nan"), ("True", "False"), ("RuntimeError", "ValueError"),
    ("RuntimeError: Expected", "RuntimeError: Required")])
def test_changed_result_in_english_prose_fails(docs, old, new):
    page, line, written = a_statement(docs, old, new)
    changed = written.replace(old, new, 1)
    edit_line(page, line, written, changed)
    found = reasons_on(docs, DEFAULT, page)
    message = next((m for m in found.split("\n")
                    if f"{page.name}:{line}: " in m), found)
    assert f"states `{changed}` as a result, which no output this page " \
        "includes shows" in message, message
    expected = old.split(":")[0]
    assert re.search(rf"they show: [^)]*\b{expected}\b", message), message


def test_changed_result_in_a_translation_fails(docs):
    english, line, written = a_statement(docs, "inf", "nan")
    page = docs / "de" / english.relative_to(docs / DEFAULT)
    german = next(n for n, w, v, _ in results_in(page) if v == "inf")
    edit_line(page, german, "inf", "nan")
    found = reasons_on(docs, "de", page)
    assert f"{page.relative_to(docs).as_posix()}:{german}: section #" \
        in found, found
    assert "states nan, which the English page does not" in found
    assert f"lacks the result inf that {english.name} states" in found


def test_a_chapter_shares_its_outputs(tmp_path):
    """A page may state what another page of its chapter (its section of
    the navigation) shows; a page in no chapter only what it shows itself."""
    from docsite import model
    output = "snippets/tensors/09-half-precision.out"
    assert "inf" in (ROOT / output).read_text(encoding="utf-8")
    chapter = next(c for c in model.chapters() if len(c) > 1)
    language_root = tmp_path / "en"
    for page in chapter:
        (language_root / page).parent.mkdir(parents=True, exist_ok=True)
        (language_root / page).write_text("# Page { #page }\n",
                                          encoding="utf-8")
    shows, states = (language_root / page for page in chapter[:2])
    shows.write_text(
        f'# Shows {{ #shows }}\n\n```text\n--8<-- "{output}"\n```\n',
        encoding="utf-8")
    statement = "# States { #states }\n\nIt overflows to `inf`.\n"
    states.write_text(statement, encoding="utf-8")
    alone = language_root / "in-no-chapter.md"
    alone.write_text(statement, encoding="utf-8")

    def problems(page):
        shown = shown_by(chapter_of(page, language_root))
        return [f"{line}: {reason}" for line, reason in
                check_english(page, page.name, shown)]

    assert problems(states) == []
    assert problems(alone)[0].startswith(
        "3: states `inf` as a result, which no output")


def test_titles_of_works_ask_for_no_glossary_term_but_prose_does(tmp_path):
    """A term English uses only in further reading (a paper's title) asks
    nothing of a translation; the same term in prose does."""
    from translations import compare, parse

    def page(folder, text):
        path = tmp_path / folder / "page.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return parse(path)

    reading = ("\n## Further reading { #further-reading }\n\n"
               "- *Dropout: A Way to Prevent Overfitting*, 2014.\n")
    english = page("en", "# Page { #page }\n\nA paragraph of words here.\n"
                   + reading)
    german = page("de", "# Seite { #page }\n\nEin Absatz aus Wörtern.\n"
                  + reading)
    glossary_problems = [p.reason for p in compare(german, english, "de")
                         if p.reason.startswith("glossary")]
    assert glossary_problems == []
    english = page("en", "# Page { #page }\n\nIt stops overfitting early.\n"
                   + reading)
    assert any("overfitting" in p.reason for p in
               compare(german, english, "de")), (
        "a glossary term in English prose must be asked of the translation")


def test_language_verdicts_are_reused_only_for_the_same_text_and_code(
        tmp_path, monkeypatch):
    import translations

    asked = []

    def reads_english(text, accepted):
        asked.append(text)
        return "English"

    def reads_german(text, accepted):
        asked.append(text)
        return "German"

    monkeypatch.setattr(translations, "ROOT", tmp_path)
    monkeypatch.setattr(translations, "detect", reads_english)
    polish = frozenset({"POLISH"})
    first = translations.Verdicts()
    assert first.get("one paragraph", polish) == "English"
    assert first.get("one paragraph", polish) == "English"
    first.save()
    assert translations.Verdicts().get("one paragraph", polish) == "English"
    assert asked == ["one paragraph"], "a kept verdict was asked for again"
    assert translations.Verdicts().get("another one", polish) == "English"
    assert len(asked) == 2, "a new paragraph must be asked about"
    monkeypatch.setattr(translations, "detect", reads_german)
    assert translations.Verdicts().get("one paragraph", polish) == "German", (
        "a verdict kept from other detection code was reused")


# An English phrase amid a sentence of each language: too short for the
# language detector, found by docsite/english.py on its own line.
SENTENCE_WITH_ENGLISH = {
    "pl": "Potem zmieniamy {} w każdym kroku treningu.",
    "de": "Danach ändern wir den {} in jedem Trainingsschritt.",
    "sr": "Zatim menjamo {} u svakom koraku treniranja.",
    "zh": "然后我们在每一步训练中调整 {}。",
}


def title_line(path) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if line.startswith("# "))


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_english_amid_a_translated_sentence_fails_on_its_line(docs,
                                                               language):
    path, where = a_page(docs, language)
    add_paragraph(path, SENTENCE_WITH_ENGLISH[language].format(
        "weight decay"))
    found = reasons_on(docs, language, path)
    line = f"{where[:-1]}:{title_line(path) + 2}: English in a '{language}'"
    assert line in found and "'weight decay'" in found, found


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_english_marked_as_english_passes(docs, language):
    path, _ = a_page(docs, language)
    add_paragraph(path, SENTENCE_WITH_ENGLISH[language].format(
        "*weight decay*{ lang=en }"))
    assert "weight decay" not in reasons_on(docs, language, path)


def polish_hint_problems_and_line(hints, new, marker):
    """Polish hint "(partia, długość)" rewritten as `new`: the checker's
    problems, and the line of the file that holds `marker`."""
    edit_hints(hints, "pl", "(partia, długość)", new)
    problems = "\n".join(map(str, check_hints("pl", hints)))
    text = (hints / "pl.yml").read_text(encoding="utf-8").split("\n")
    return problems, next(i for i, row in enumerate(text, 1) if marker in row)


def test_english_in_a_hint_fails_on_its_line(hints):
    problems, line = polish_hint_problems_and_line(
        hints, "(batch size, length)", "batch size")
    assert f"pl.yml:{line}: " in problems and "'batch size length'" in problems, \
        problems


@pytest.mark.parametrize("language, old, new", [
    ("de", "$3{,}3895 \\cdot 10^{38}$", "3,3895e+38"),
    ("en", "`3.3895e+38`", "3.3895e+38")])
def test_e_notation_in_prose_fails_on_its_line(docs, language, old, new):
    page = page_with(docs, language, old)
    edit(docs / language / page, old, new)
    line = line_of(docs / language / page, new)
    found = reasons_on(docs, language, docs / language / page)
    assert f"{language}/{page}:{line}: {new} in prose: write e-notation " \
        "as code" in found, found


def test_decimals_listed_with_commas_fail_where_the_comma_is_decimal(docs):
    page = page_with(docs, "pl", "0,25; 0,25; 0,25")
    edit(docs / "pl" / page, "0,25; 0,25; 0,25", "0,25, 0,25, 0,25")
    line = line_of(docs / "pl" / page, "0,25, 0,25")
    found = reasons_on(docs, "pl", docs / "pl" / page)
    assert f"pl/{page}:{line}: '0,25, 0,25': with a decimal comma, keep " \
        "decimals in a list apart by semicolons" in found, found


# Each language's closest neighbour, which a translator or a model may
# slip into: lingua tells Czech from Polish and Dutch from German; the
# checker's own rules tell Croatian from Serbian and Traditional from
# simplified Chinese.
NEIGHBOURS = {
    "pl": ("Tenzor si můžeme představit jako vícerozměrné pole čísel, ve "
           "kterém každá dimenze odpovídá jedné ose dat.", "reads as Czech"),
    "de": ("Een tensor kun je zien als een meerdimensionale reeks getallen, "
           "waarin elke dimensie overeenkomt met één as van de gegevens.",
           "reads as Dutch"),
    "sr": ("Tenzor možemo zamisliti kao višedimenzionalni niz brojeva; na "
           "primjer, svaka dimenzija odgovara jednoj osi podataka.",
           "writes Croatian or Bosnian ('primjer')"),
    "zh": ("我們可以把張量看作一個多維數組，其中每個維度對應數據的一條軸。",
           "writes Traditional Chinese ('們')"),
}


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_paragraph_in_the_closest_neighbour_fails(docs, language):
    paragraph, reason = NEIGHBOURS[language]
    path, where = a_page(docs, language)
    add_paragraph(path, paragraph)
    found = reasons_on(docs, language, path)
    assert f"{where[:-1]}:{title_line(path) + 2}: " in found and \
        reason in found, found


# A word the glossary says to avoid, put into a page, a plot label or a
# hint: the check names the line it is on.
AVOIDED = {"pl": ("gradient", "gradyjent"), "de": ("gradient", "Gefälle"),
           "sr": ("gradient", "gradijant"), "zh": ("gradient", "坡度")}


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_an_avoided_word_fails_on_its_line(docs, language):
    term, avoid = AVOIDED[language]
    path, where = a_page(docs, language)
    add_paragraph(path, SENTENCE_WITH_ENGLISH[language].format(avoid))
    found = reasons_on(docs, language, path)
    line = f"{where[:-1]}:{title_line(path) + 2}: glossary: '{avoid}'"
    assert line.lower() in found.lower() and \
        f"not how we translate '{term}'" in found, found


def test_an_avoided_word_in_a_plot_label_fails_on_its_line(labs):
    path = labs / "autograd" / "zh.md"
    text = path.read_text(encoding="utf-8")
    label = re.search(r"^  step: (.*)$", text, re.MULTILINE)
    path.write_text(text.replace(label[0], f"  step: {label[1]}坡度"),
                    encoding="utf-8")
    line = text[:label.start()].count("\n") + 1
    found = "\n".join(map(str, check_labs("zh", labs)))
    assert f"zh.md:{line}: glossary: '坡度'" in found, found


def test_an_avoided_word_in_a_hint_fails_on_its_line(hints):
    problems, line = polish_hint_problems_and_line(
        hints, "(partia, gradyjent)", "gradyjent")
    assert f"pl.yml:{line}: " in problems and "'gradyjent'" in problems, \
        problems

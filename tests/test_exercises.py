"""The coding exercises: each file's check says what it must, in every
language, and each exercise is whole (docsite/exercises.py says what an
exercise holds). The references print their goldens in test_snippets.py."""
import difflib
import re

import pytest

from coding_exercises import FENCE, hints_for
from docsite import exercises, model
from harness import SnippetError, run_exercise

LANGUAGES = model.all_languages()
EXERCISES = exercises.exercises()
CODE_SPAN = re.compile(r"`([^`]+)`")
# A hint may name what to use (`x.grad`, `torch.no_grad()`), not write it.
NAME = re.compile(r"[\w.]+(\(\))?")


def files():
    for exercise in EXERCISES:
        for path, mistake in {**exercise.expected_mistakes(),
                              exercise.reference: None}.items():
            yield pytest.param(exercise, path, mistake,
                               id=f"{exercise.id}/{path.name}")


def said_in_every_language(exercise, path, mistake):
    """Run the file once, then the page's checking code and the check in
    each language after it, as five readers would; the lines they print."""
    try:
        hints = [hints_for(language) for language in LANGUAGES]
        codes = [exercises.checking_code(h, [exercise]) for h in hints]
        printed = run_exercise(path, checking=codes).printed
    except (SnippetError, exercises.ExerciseError) as error:
        pytest.fail(str(error), pytrace=False)
    expected = [exercises.said(h, exercise, mistake) for h in hints]
    return printed.splitlines(), expected


@pytest.mark.parametrize(("exercise", "path", "mistake"), list(files()))
def test_each_file_gets_its_own_hint_in_every_language(exercise, path,
                                                        mistake):
    printed, expected = said_in_every_language(exercise, path, mistake)
    wrong = [f"{language}: printed {got!r}, expected {want!r}"
             for language, got, want in zip(LANGUAGES, printed, expected)
             if got != want]
    what = "pass" if mistake is None else f"name the mistake {mistake!r}"
    assert printed == expected and not wrong, (
        f"{path.relative_to(exercises.ROOT)}: its check must {what} in "
        f"every language:\n" + "\n".join(wrong or printed))


def solution_lines(exercise) -> list[str]:
    """The lines the reference adds to the starter."""
    starter = exercise.starter.read_text(encoding="utf-8").splitlines()
    reference = exercise.reference.read_text(encoding="utf-8").splitlines()
    return [line[2:].strip() for line in difflib.ndiff(starter, reference)
            if line.startswith("+ ")]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_an_exercise_is_whole(exercise):
    where = exercise.folder.relative_to(exercises.ROOT)
    mistakes = exercise.mistakes()
    assert mistakes[:1] == [exercises.STARTER_MISTAKE], (
        f"{where}/check.py: its first test must be \"todo\", which fails "
        "while the starter is as it ships")
    assert len(set(mistakes)) == len(mistakes), (
        f"{where}/check.py names a mistake twice: {mistakes}")
    wrong = exercise.wrong_solutions()
    assert len(wrong) >= 2, (
        f"{where} has {len(wrong)} wrong solutions: add at least two typical "
        "mistakes as wrong-<what>.py")
    shape = next((i for i, m in enumerate(mistakes)
                  if m in ("shape", "scalar")), None)
    assert shape is not None, f"{where}/check.py tests no shape"
    starter = exercise.starter.read_text(encoding="utf-8").splitlines()
    reference = exercise.reference.read_text(encoding="utf-8").splitlines()
    removed = [line for line in difflib.ndiff(starter, reference)
               if line.startswith("- ")]
    assert all("..." in line for line in removed), (
        f"{where}/reference.py changes more of the starter than its `...`: "
        f"{removed}")
    for path, mistake in wrong.items():
        assert mistake in mistakes and mistakes.index(mistake) > shape, (
            f"{path.relative_to(exercises.ROOT)} declares {mistake!r}, which "
            f"must be a test of check.py after its shape test ({mistakes})")
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        changed = [line for line in difflib.ndiff(reference, lines)
                   if line.startswith(("- ", "+ "))]
        assert 0 < len(changed) <= 6, (
            f"{path.relative_to(exercises.ROOT)} differs from the reference "
            f"in {len(changed)} lines: a wrong solution is the reference "
            "with one typical mistake")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_hint_gives_the_solution_away(language):
    every = exercises.flat(hints_for(language))
    found = []
    for exercise in EXERCISES:
        solution = solution_lines(exercise)
        for key, text in every.items():
            if not key.startswith(f"{exercise.id}/"):
                continue
            for code in CODE_SPAN.findall(text):
                if not NAME.fullmatch(code) and any(
                        code in line for line in solution):
                    found.append(f"{key}: `{code}` is in the reference")
            found += [f"{key} quotes the reference line {line!r}"
                      for line in solution if len(line) >= 10 and line in text]
    assert not found, (
        f"translations/hints/{language}.yml:\n" + "\n".join(found))


def test_every_exercise_is_on_one_english_page_or_lab():
    english = model.default_language()
    texts = {page.as_posix(): model.DOCS / english / page
             for page in model.pages(english)}
    texts.update({f"labs/{lab}": model.lab_prose(lab, english)
                  for lab in model.labs()})
    shown = {}
    for name, path in texts.items():
        for match in FENCE.finditer(path.read_text(encoding="utf-8")):
            shown.setdefault(match[1], []).append(name)
    problems = [f"{e.id} is on {shown.get(e.id, 'no page')}"
                for e in EXERCISES if len(shown.get(e.id, [])) != 1]
    assert not problems, (
        "every exercise appears on exactly one English page or lab (and so "
        "on their translations): " + "; ".join(problems))

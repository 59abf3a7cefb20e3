"""Each chapter's exercise notebook, as the site ships it in every
language: the tasks, starters and checks of the chapter's pages and no
solution, importing nothing but torch and the standard library; run as
shipped it reaches its end with every check saying "not yet", and with the
reference solutions in place every check passes."""
import ast
import json
import sys
import tempfile
from pathlib import Path

import pytest

from coding_exercises import hints_for
from conftest import SITE
from docsite import exercises, model
from harness import SnippetError, run_fresh
from site_pages import ROOTS

CHAPTERS = [chapter for chapter in model.chapters()
            if any(exercises.FENCE.search(
                (model.DOCS / model.default_language() / page).read_text(
                    encoding="utf-8")) for page in chapter)]

READER_HAS = {"torch", *sys.stdlib_module_names}


def cases():
    for chapter in CHAPTERS:
        yield pytest.param(chapter, id=exercises.notebook_folder(chapter))


def shipped(language, chapter):
    path = (SITE / ROOTS[language] / exercises.notebook_folder(chapter)
            / exercises.NOTEBOOK)
    assert path.exists(), f"{path} is missing: the build writes it " \
        "(hooks/exercise_notebooks.py)"
    return path, json.loads(path.read_text(encoding="utf-8"))


def tagged(notebook, prefix):
    return {cell["metadata"]["tags"][0].removeprefix(prefix): cell
            for cell in notebook["cells"]
            if cell["metadata"]["tags"][0].startswith(prefix)}


def run_cells(sources, where):
    """The code cells in order, in one fresh interpreter: what a reader
    who downloaded the notebook runs."""
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "notebook.py"
        script.write_text("\n\n".join(sources), encoding="utf-8")
        try:
            return run_fresh(script).printed.splitlines()
        except SnippetError as error:
            pytest.fail(f"{where} does not run to its end:\n{error}",
                        pytrace=False)


def checked(language, chapter):
    """A notebook's code cells as shipped and with the references in
    place, and the lines each must print, after its static checks."""
    path, notebook = shipped(language, chapter)
    where = path.relative_to(SITE)
    chosen = [exercise for exercise, _ in
              exercises.chapter_tasks(language, chapter)]
    starters, checks = tagged(notebook, "starter:"), tagged(notebook, "check:")
    assert list(starters) == list(checks) == [e.id for e in chosen], (
        f"{where} holds the exercises {list(starters)}, but the chapter's "
        f"pages ask for {[e.id for e in chosen]}: rebuild the site")
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    for cell in code:
        for node in ast.walk(ast.parse(cell["source"])):
            names = ([a.name for a in node.names] if isinstance(
                node, ast.Import) else [node.module] if isinstance(
                node, ast.ImportFrom) else [])
            assert all(n.split(".")[0] in READER_HAS for n in names), (
                f"{where} imports {names}: a reader has only torch and "
                "Python's standard library")
    for exercise in chosen:
        assert starters[exercise.id]["source"] == exercise.starter.read_text(
            encoding="utf-8").rstrip("\n"), (
            f"{where}: the cell of {exercise.id} is not its starter")
    shipped_code = [cell["source"] for cell in code]
    solved = [exercises.exercise(cell["metadata"]["tags"][0].removeprefix(
        "starter:")).reference.read_text(encoding="utf-8")
        if cell["metadata"]["tags"][0].startswith("starter:")
        else cell["source"] for cell in code]
    hints = hints_for(language)
    return where, (shipped_code, [exercises.said(
        hints, e, exercises.STARTER_MISTAKE) for e in chosen]), (
        solved, [exercises.said(hints, e, None) for e in chosen])


@pytest.mark.parametrize("chapter", list(cases()))
def test_exercise_notebooks_run_both_ways(site_dir, chapter):
    """Every language's notebook of a chapter, one after the other in one
    interpreter, as shipped and then with the references in place."""
    notebooks = [checked(language, chapter)
                 for language in model.all_languages()]
    for variant, what in ((1, "as shipped, must print each exercise's "
                           "'not yet' hint"),
                          (2, "with the reference solutions in place, must "
                           "pass every check")):
        printed = run_cells([source for found in notebooks
                             for source in found[variant][0]],
                            f"the {exercises.notebook_folder(chapter)} "
                            "notebooks")
        for where, *runs in notebooks:
            expected = runs[variant - 1][1]
            mine, printed = printed[:len(expected)], printed[len(expected):]
            assert mine == expected, f"{where}, {what}:\n" + "\n".join(mine)

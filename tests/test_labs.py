"""The labs as shipped: rendered, identical in code, and runnable."""
import functools
import re

import pytest
from bs4 import BeautifulSoup

from coding_exercises import hints_for
from docsite import exercises, model
from docsite.labs import CHECKING_TAG, HIDDEN, merged_streams, tag, turn_of

LABS = model.labs()
CASES = [(lang, lab) for lang in model.all_languages() for lab in LABS]


def lab_dir(site, language, lab):
    return site / (model.language(language).url_prefix
                   + model.page_url(model.lab_page(lab)))


@functools.cache
def notebook_on(page):
    """The rendered notebook of a built lab page."""
    return BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select(
        "article .jp-Notebook")


def code_cells(notebook):
    return [c for c in notebook["cells"] if c["cell_type"] == "code"]


def turns(lab):
    """The "your turn" exercises of a lab, from its English prose."""
    prose = model.lab_prose(lab, model.default_language()).read_text(
        encoding="utf-8")
    return [exercise for exercise, _ in exercises.tasks(prose)]


def said(language, exercise, mistake):
    return exercises.said(hints_for(language), exercise, mistake) + "\n"


def download(site, language, lab):
    import nbformat

    path = lab_dir(site, language, lab) / f"{lab}.ipynb"
    assert path.exists(), f"{path} is missing: the lab is not downloadable"
    return nbformat.read(path, as_version=4)


PLOT = re.compile(r"plot-[0-9a-f]{12}\.png")


@pytest.mark.parametrize(("language", "lab"), CASES)
def test_lab_page_is_a_rendered_notebook_with_a_plot(site_dir, language, lab):
    page = lab_dir(site_dir, language, lab) / "index.html"
    assert page.exists(), f"{page} is missing: the lab was not rendered"
    html = page.read_text(encoding="utf-8")
    assert '"cell_type":' not in html, f"{page} ships the notebook as text"
    notebooks = notebook_on(page)
    assert len(notebooks) == 1, (
        f"{page} shows {len(notebooks)} rendered notebooks, not one")
    cells = notebooks[0].select(".jp-CodeCell")
    outputs = notebooks[0].select(".jp-OutputArea-output")
    assert not notebooks[0].select(
        ".celltoolbar, .celltag_lab-text, .celltag_lab-checking"), (
        f"{page} shows cell tags as badges, the plot texts' cell or the "
        "checking code's")
    assert not notebooks[0].select(".jp-InputPrompt, .jp-OutputPrompt"), (
        f"{page} shows Jupyter's prompts (In [1]:), which are not content "
        "(hooks/labs.py removes them)")
    assert len(cells) >= 3 and len(outputs) >= 3, (
        f"{page} shows {len(cells)} code cells and {len(outputs)} outputs: "
        "was the lab executed?")
    plots = [img["src"] for img in notebooks[0].select(
        ".jp-OutputArea-output img")]
    assert plots, f"{page} has no plot"
    for plot in plots:
        assert PLOT.fullmatch(plot), (
            f"{page}: plot {plot[:40]} is not a file next to the page "
            "(hooks/lab_images.py writes plot-<hash>.png)")
        assert (page.parent / plot).is_file(), f"{page}: {plot} is missing"
    assert len(re.findall(r'loading="lazy"', html)) >= len(plots), (
        f"{page}: every plot loads lazily, with its size")
    assert f'href="{lab}.ipynb" download' in html, f"{page} has no download"


@pytest.mark.parametrize("lab", LABS)
def test_code_cells_are_the_same_in_every_language(site_dir, lab):
    default = model.default_language()
    english = download(site_dir, default, lab)
    shared = [c["source"] for c in code_cells(english)
              if tag(c) not in HIDDEN]
    text_keys = code_cells(english)[0]["source"]
    assert code_cells(english)[0]["metadata"].get("jupyter") == {
        "source_hidden": True}, (
        f"the {lab} download's first code cell, the plot texts, is not "
        "collapsed")
    for language in sorted(set(model.all_languages()) - {default}):
        other = download(site_dir, language, lab)
        assert [c["source"] for c in code_cells(other)
                if tag(c) not in HIDDEN] == shared, (
            f"the {language} {lab} lab's code differs from English")
        keys = [line.split(":")[0] for line in
                code_cells(other)[0]["source"].splitlines()[1:-1]]
        assert keys == [line.split(":")[0] for line in
                        text_keys.splitlines()[1:-1]], language


@pytest.mark.parametrize(("language", "lab"), CASES)
def test_each_turn_shows_its_reference_passing(site_dir, language, lab):
    page = lab_dir(site_dir, language, lab) / "index.html"
    notebook = notebook_on(page)[0]
    cells = [cell.get_text() for cell in notebook.select(".jp-CodeCell[id]")]
    outputs = [cell.get_text() for cell in notebook.select(
        ".jp-OutputArea-output")]
    chosen = turns(lab)
    assert len(chosen) >= 3, (
        f"labs/{lab}/{model.default_language()}.md has {len(chosen)} "
        "\"your turn\" exercises: a lab needs at least 3")
    for turn in chosen:
        reference = turn.reference.read_text(encoding="utf-8").strip()
        last = reference.splitlines()[-1].strip()
        assert sum(last in cell for cell in cells) == 1, (
            f"{page} does not show the reference of {turn.id} once")
        passed = said(language, turn, None).strip()
        assert sum(passed in output for output in outputs) == 1, (
            f"{page}: the check of {turn.id} does not print {passed!r}")


@pytest.mark.parametrize(("language", "lab"), CASES)
def test_a_downloaded_turn_holds_the_starter_and_a_folded_solution(
        site_dir, language, lab):
    cells = download(site_dir, language, lab).cells
    ui = hints_for(language)["ui"]
    for turn in turns(lab):
        where = [i for i, c in enumerate(cells)
                 if tag(c) == f"turn:{turn.id}"]
        assert len(where) == 1, (
            f"the {language} {lab} download lacks {turn.id}")
        starter, solution, check = cells[where[0]:where[0] + 3]
        assert starter.source == turn.starter.read_text(
            encoding="utf-8").rstrip("\n") and not starter.outputs, (
            f"the {language} {lab} download: {turn.id}'s cell must hold the "
            "starter, not yet run")
        assert solution.cell_type == "markdown" and solution.source.startswith(
            f"<details>\n<summary>{ui['reference']}</summary>") and (
            turn.reference.read_text(encoding="utf-8").strip()
            in solution.source), (
            f"the {language} {lab} download: the solution of {turn.id} is not "
            "folded in a markdown cell under its starter")
        assert tag(check) == f"check:{turn.id}" and not check.outputs, (
            f"the {language} {lab} download: {turn.id}'s check must follow, "
            "not yet run")


def names(source):
    """The names a program reads that it does not assign itself, and the
    names it assigns outside functions."""
    import ast

    tree = ast.parse(source)
    every = [node for node in ast.walk(tree) if isinstance(node, ast.Name)]
    assigned, todo = set(), [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            assigned.add(node.id)
        if not isinstance(node, (ast.FunctionDef, ast.Lambda)):
            todo += ast.iter_child_nodes(node)
    stored = {n.id for n in every if isinstance(n.ctx, ast.Store)}
    return ({n.id for n in every if isinstance(n.ctx, ast.Load)} - stored,
            assigned)


@pytest.mark.parametrize("lab", LABS)
def test_no_later_cell_changes_what_a_plot_or_check_reads(lab):
    """For each language but the first, the build runs the plots and the
    checks again, after the whole lab: a name such a cell reads must not be
    assigned by a later cell (`device` is the same everywhere)."""
    from docsite.labs import notebook

    default = model.default_language()
    cells = [c for c in notebook(lab, default, hints=hints_for(default)).cells
             if c.cell_type == "code" and tag(c) not in HIDDEN]
    sources = {id(c): [c.source] for c in cells}
    for cell in cells:
        if tag(cell).startswith("turn:"):
            turn = exercises.exercise(turn_of(cell))
            sources[id(cell)] += [path.read_text(encoding="utf-8") for path in
                                  [turn.starter, *turn.wrong_solutions()]]
    found = []
    for index, cell in enumerate(cells):
        if "TEXT[" not in cell.source and not tag(cell).startswith("check:"):
            continue
        read = names(cell.source)[0] - {"device"}
        for later in cells[index + 1:]:
            shared = read & set().union(
                *(names(source)[1] for source in sources[id(later)]))
            if shared:
                found.append(f"'{tag(later)}' assigns {sorted(shared)}, "
                             f"which '{tag(cell)}' reads")
    assert not found, (
        f"labs/{lab}: " + "; ".join(found) + ": rename them in the exercise "
        f"(exercises/<id>/) or the cell (labs/{lab}/code.py)")


def reads_text(cell):
    return "TEXT" in cell.source


def shown(outputs):
    """What a reader sees of a cell's outputs: their kind, stream, text
    and data (plots included), without run counters; what a stream printed
    in a row is one text, however the kernel cut it into messages."""
    return [{key: output.get(key) for key in ("output_type", "name", "text",
                                              "data")}
            for output in merged_streams(outputs)]


def rerun(notebooks, folder):
    """A reader's rerun of each download (path: language), in one kernel
    started in an empty folder: the first notebook whole; then, of each
    other, the cells that differ from the first's (its hidden cells: the
    code is the same in every language), those that read TEXT and the
    checks. A cell that raises fails the test; returned, by notebook: the
    cells that wrote to stderr, and those that showed anything other than
    what the download shipped, or for a check its "todo" hint. Then each
    turn's reference runs, and its check must pass."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    first = next(iter(notebooks.values()))
    client = NotebookClient(first, timeout=300, allow_errors=False,
                            kernel_name="python3",
                            resources={"metadata": {"path": str(folder)}})
    noisy, changed = {}, {}

    def run(name, notebook, index, cell):
        try:
            client.execute_cell(cell, index)
        except CellExecutionError as error:
            pytest.fail(f"{name}: cell {index} raised when re-run:\n{error}")
        noisy[name] = noisy.get(name, []) + [
            o for o in cell.outputs if o.get("name") == "stderr"]
        return shown(cell.outputs)

    def printed(text):
        return [{"output_type": "stream", "name": "stdout", "text": text,
                 "data": None}]

    with client.setup_kernel():
        for (name, language), notebook in notebooks.items():
            client.nb = notebook
            for index, cell in enumerate(notebook.cells):
                turn = turn_of(cell) if tag(cell).startswith("check:") \
                    else None
                if cell.cell_type != "code" or notebook is not first and (
                        cell.source == first.cells[index].source
                        and not reads_text(cell) and turn is None):
                    continue
                shipped = shown(cell.outputs) if turn is None else printed(
                    said(language, exercises.exercise(turn), "todo"))
                if run(name, notebook, index, cell) != shipped:
                    changed.setdefault(name, []).append(
                        f"cell {index} ({cell.source.splitlines()[0]!r})")
        for (name, language), notebook in notebooks.items():
            client.nb = notebook
            for index, cell in enumerate(notebook.cells):
                turn = turn_of(cell)
                if tag(cell) == CHECKING_TAG:  # this language's hints
                    run(name, notebook, index, cell)
                if turn is None:
                    continue
                exercise = exercises.exercise(turn)
                if tag(cell).startswith("turn:"):
                    cell.source = exercise.reference.read_text(
                        encoding="utf-8")
                    run(name, notebook, index, cell)
                elif run(name, notebook, index, cell) != printed(
                        said(language, exercise, None)):
                    changed.setdefault(name, []).append(
                        f"the check of {turn} with its reference")
    return noisy, changed


# Labs that train for a while are re-run in English only: their other
# languages differ in the plot texts and hints alone (the cells' code is
# compared above, each turn's hints in test_exercises.py).
RERUN_IN_ENGLISH_ONLY = {"pretraining"}


@pytest.mark.slow
@pytest.mark.parametrize("lab", LABS)
def test_downloaded_lab_reruns_cleanly(site_dir, lab, tmp_path):
    languages = [model.default_language(), *sorted(
        set(model.all_languages()) - {model.default_language()})]
    if lab in RERUN_IN_ENGLISH_ONLY:
        languages = languages[:1]
    noisy, changed = rerun({
        (lab_dir(site_dir, language, lab) / f"{lab}.ipynb", language):
        download(site_dir, language, lab) for language in languages},
        tmp_path)
    noisy = {path: outputs for path, outputs in noisy.items() if outputs}
    assert not noisy, f"downloads that wrote to stderr when re-run: {noisy}"
    assert not changed, (
        "re-run in a kernel of its own, a download shows other outputs than "
        "the ones it shipped, its checks other lines than their \"todo\" "
        "hint, or with the references in place, other lines than their pass "
        "line (the page shows the references' run; the build's kernels are "
        f"forked by docsite.kernels): {changed}")


def test_a_lab_kernel_starts_in_a_checkout_with_a_long_path(tmp_path,
                                                            monkeypatch):
    from docsite import labs

    checkout = tmp_path / ("long-folder-name-" * 4) / ("deeper-" * 6)
    checkout.mkdir(parents=True)
    monkeypatch.setattr(labs, "ROOT", checkout)
    monkeypatch.setattr(labs, "CACHE", checkout / ".cache" / "labs")
    kernel = labs.start_kernel("tensors")
    try:
        client = kernel.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        client.stop_channels()
    finally:
        kernel.shutdown_kernel(now=True)


def test_a_labs_cache_key_covers_its_text_files(tmp_path):
    """An edited data file (labs/<lab>/*.txt) runs the lab again: its text
    is a cell of the notebook, which the cache key covers."""
    import shutil

    from docsite.labs import cache_key, data_files, notebook

    lab = next(lab for lab in LABS if data_files(lab))
    shutil.copytree(model.LABS / lab, tmp_path / lab)
    hints = hints_for(model.default_language())

    def key():
        return cache_key({"en": notebook(lab, "en", labs=tmp_path,
                                         hints=hints)})

    before = key()
    data = data_files(lab, tmp_path)[0]
    data.write_text(data.read_text(encoding="utf-8") + "x", encoding="utf-8")
    assert key() != before, (
        f"labs/{lab}: editing {data.name} leaves the cache key unchanged, so "
        "the site would show the outputs of the old text")

"""The labs as shipped: rendered, identical in code, and runnable."""
import re

import pytest
from bs4 import BeautifulSoup

from docsite import model
from docsite.labs import merged_streams

LABS = model.labs()
CASES = [(lang, lab) for lang in model.all_languages() for lab in LABS]


def lab_dir(site, language, lab):
    return site / (model.language(language).url_prefix
                   + model.page_url(model.lab_page(lab)))


def code_cells(notebook):
    return [c for c in notebook["cells"] if c["cell_type"] == "code"]


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
    notebooks = BeautifulSoup(html, "html.parser").select(
        "article .jp-Notebook")
    assert len(notebooks) == 1, (
        f"{page} shows {len(notebooks)} rendered notebooks, not one")
    cells = notebooks[0].select(".jp-CodeCell")
    outputs = notebooks[0].select(".jp-OutputArea-output")
    assert not notebooks[0].select(".celltoolbar, .celltag_lab-text"), (
        f"{page} shows cell tags as badges, or the plot texts' cell")
    assert cells[0].select_one(".jp-InputPrompt").get_text(
        strip=True) == "In\xa0[1]:", f"{page}: its first cell is not [1]"
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
              if "lab-text" not in c["metadata"]["tags"]]
    text_keys = code_cells(english)[0]["source"]
    assert code_cells(english)[0]["metadata"].get("jupyter") == {
        "source_hidden": True}, (
        f"the {lab} download's first code cell, the plot texts, is not "
        "collapsed")
    for language in sorted(set(model.all_languages()) - {default}):
        other = download(site_dir, language, lab)
        assert [c["source"] for c in code_cells(other)
                if "lab-text" not in c["metadata"]["tags"]] == shared, (
            f"the {language} {lab} lab's code differs from English")
        keys = [line.split(":")[0] for line in
                code_cells(other)[0]["source"].splitlines()[1:-1]]
        assert keys == [line.split(":")[0] for line in
                        text_keys.splitlines()[1:-1]], language


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
    """A reader's rerun of each download, in one kernel started in an empty
    folder: the first notebook whole; then, of each other, the cells that
    differ from the first's (its TEXT cell: the code is the same in every
    language) and those that read TEXT. A cell that raises fails the test;
    returned, by notebook: the cells that wrote to stderr, and those that
    showed anything other than what the download shipped."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    first = next(iter(notebooks.values()))
    client = NotebookClient(first, timeout=300, allow_errors=False,
                            kernel_name="python3",
                            resources={"metadata": {"path": str(folder)}})
    noisy, changed = {}, {}
    with client.setup_kernel():
        for name, notebook in notebooks.items():
            client.nb = notebook
            for index, cell in enumerate(notebook.cells):
                if cell.cell_type != "code" or notebook is not first and (
                        cell.source == first.cells[index].source
                        and not reads_text(cell)):
                    continue
                shipped = shown(cell.outputs)
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as error:
                    pytest.fail(f"{name}: cell {index} raised when re-run:\n"
                                f"{error}")
                noisy[name] = noisy.get(name, []) + [
                    o for o in cell.outputs if o.get("name") == "stderr"]
                if shown(cell.outputs) != shipped:
                    changed.setdefault(name, []).append(
                        f"cell {index} ({cell.source.splitlines()[0]!r})")
    return noisy, changed


@pytest.mark.slow
@pytest.mark.parametrize("lab", LABS)
def test_downloaded_lab_reruns_cleanly(site_dir, lab, tmp_path):
    languages = [model.default_language(), *sorted(
        set(model.all_languages()) - {model.default_language()})]
    paths = {lab_dir(site_dir, language, lab) / f"{lab}.ipynb": language
             for language in languages}
    noisy, changed = rerun({path: download(site_dir, language, lab)
                            for path, language in paths.items()}, tmp_path)
    noisy = {path: outputs for path, outputs in noisy.items() if outputs}
    assert not noisy, f"downloads that wrote to stderr when re-run: {noisy}"
    assert not changed, (
        "re-run in a kernel of its own, a download shows other outputs than "
        "the ones it shipped (the page shows those too; the build's kernels "
        f"are forked by docsite.kernels): {changed}")


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

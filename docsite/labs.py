"""The labs as notebooks, built, run and cached; hooks/labs.py renders them
and tools/translations.py reads what the English cells print.

`labs/<lab>/code.py` holds the code cells (`# %% name` starts one) and
`labs/<lab>/<language>.md` the prose, which includes each cell where it
belongs (a python block with `--8<-- "labs/<lab>/code.py:name"`) and gives
the texts of the plots under `plot_text` in its front matter. A notebook is
a first cell `TEXT = {...}` with those texts, then a cell per text file the
lab reads (`labs/<lab>/<name>.txt` as `NAME = "..."`), then the prose and
the cells.
A lab's prose may also hold "your turn" coding exercises, the fence of the
topic pages (```exercise / --8<-- "exercises/<id>" / ```): each becomes the
reference solution's cell and the check's, and a second collapsed cell
holds the checking code with the language's hints. The download (`download`)
swaps each reference for the exercise's starter, with the solution folded in
a markdown cell below it and the starter and check not yet run.
A lab runs in one kernel: every cell for English, then only the cells that
use TEXT, and the checks, for the other languages. Results are cached in
.cache/labs/ by the cells (text and tags) and the torch and Python
versions, and the text the English cells print is kept beside them. A cell
that raises, writes to stderr or shows a memory address is a LabError naming
the lab, the cell and the fix.
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import platform
import posixpath
import re
from pathlib import Path

from docsite import exercises, model

ROOT = model.ROOT
LABS = model.LABS
CACHE = ROOT / ".cache" / "labs"
DEFAULT = model.default_language()
INCLUDE = re.compile(r'^```python\n--8<-- "([^":]+):([^"]+)"\n```$',
                     re.MULTILINE)
HEADING_ID = re.compile(rf"\s*{model.HEADING_ID}\s*$", re.MULTILINE)
MD_LINK = re.compile(r"\]\(([^)#\s]+\.md)(#[^)]*)?\)")
ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+")
TEXT_TAG, CHECKING_TAG, DATA_TAG = "lab-text", "lab-checking", "lab-data"
HIDDEN = (TEXT_TAG, CHECKING_TAG, DATA_TAG)
SITE_LEAVES_OUT = "lab-hidden"  # mkdocs.yml: remove_tag_config


class LabError(Exception):
    """A lab that cannot be built; the message names the file and the fix."""


def page_url(target: str, lab: str) -> str:
    """A link in a lab's prose to a page (`../tensors/index.md`), as a URL
    relative to the lab's page (`labs/<lab>/`)."""
    page = posixpath.normpath(posixpath.join(model.LAB_FOLDER, target))
    lab_url = model.page_url(model.lab_page(lab))
    return posixpath.relpath(model.page_url(page) or ".", lab_url) + "/"


def notebook(lab: str, language: str, labs: Path = LABS, hints=None):
    """The lab in one language, as the site shows it; `hints` are the
    language's exercise hints (read from translations/hints/ if not
    given)."""
    import nbformat.v4 as nbf

    source = model.lab_prose(lab, language, labs)
    meta, body, _ = model.read_page(source)
    code = model.code_cells(labs / lab / "code.py")
    text = json.dumps(meta["plot_text"], ensure_ascii=False, indent=4)
    cells = [nbf.new_code_cell(f"TEXT = {text}",
                               metadata={"tags": [TEXT_TAG, SITE_LEAVES_OUT]})]
    cells += [nbf.new_code_cell(data_cell(path),
                                metadata={"tags": [DATA_TAG, SITE_LEAVES_OUT]})
              for path in data_files(lab, labs)]
    turns, position = [], 0
    pieces = sorted([*INCLUDE.finditer(body),
                     *exercises.FENCE.finditer(body)], key=lambda m: m.start())
    for match in pieces:
        prose = body[position:match.start()].strip()
        if prose:
            cells.append(nbf.new_markdown_cell(markdown(prose, lab)))
        position = match.end()
        if match.re is exercises.FENCE:
            turn = turn_exercise(source, match[1])
            turns.append(turn)
            cells += [
                nbf.new_code_cell(read(turn.reference),
                                  metadata={"tags": [f"turn:{turn.id}"]}),
                nbf.new_code_cell(read(turn.check),
                                  metadata={"tags": [f"check:{turn.id}"]})]
            continue
        if match[1] != f"labs/{lab}/code.py" or match[2] not in code:
            raise LabError(f"{source}: includes {match[1]}:{match[2]}, "
                           f"which is not a cell of labs/{lab}/code.py")
        titles = [meta["plot_text"][key] for key in
                  re.findall(r'TEXT\["(\w+_title)"\]', code[match[2]])]
        metadata = {"tags": [match[2]]}
        if titles:
            metadata["alt"] = "; ".join(titles)
        cells.append(nbf.new_code_cell(code[match[2]], metadata=metadata))
    if body[position:].strip():
        cells.append(nbf.new_markdown_cell(markdown(body[position:].strip(),
                                                   lab)))
    if turns:
        hints = hints if hints is not None else exercises.read_hints(language)
        try:
            checking = exercises.checking_code(hints, turns)
        except exercises.ExerciseError as error:
            raise LabError(f"{source}: {error}") from None
        cells.insert(1, nbf.new_code_cell(
            checking, metadata={"tags": [CHECKING_TAG, SITE_LEAVES_OUT]}))
    title = sum(tag(cell) in HIDDEN for cell in cells)
    if cells[title].cell_type == "markdown":
        cells.insert(0, cells.pop(title))
    return nbf.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3",
                       "language": "python"},
        "language_info": {"name": "python"}})


def data_files(lab: str, labs: Path = LABS) -> list[Path]:
    """The text files a lab reads (`labs/<lab>/*.txt`)."""
    return sorted((labs / lab).glob("*.txt"))


def data_cell(path: Path) -> str:
    """A data file as a collapsed cell that names its text after the file
    (`hamlet.txt` is `HAMLET`): a notebook downloaded alone still has its
    data, and the lab's cache key covers the file."""
    name = re.sub(r"\W", "_", path.stem).upper()
    text = path.read_text(encoding="utf-8")
    return f"{name} = {json.dumps(text, ensure_ascii=False)}"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8").rstrip("\n")


def turn_exercise(source: Path, exercise_id: str):
    try:
        return exercises.exercise(exercise_id)
    except exercises.ExerciseError as error:
        raise LabError(f"{source}: {error}") from None


def tag(cell) -> str:
    return (cell.metadata.get("tags") or [""])[0]


def turn_of(cell) -> str | None:
    """The exercise id of a "your turn" cell or its check, else None."""
    kind, _, exercise_id = tag(cell).partition(":")
    return exercise_id if kind in ("turn", "check") else None


def download(nb, hints: dict):
    """The lab as a reader downloads it: each "your turn" cell holds the
    starter, not yet run, with the reference folded in a markdown cell
    below it (a code cell would run and pass for the reader), and its
    check is not yet run either."""
    import nbformat.v4 as nbf

    nb = copy.deepcopy(nb)
    summary = hints["ui"]["reference"]
    cells = []
    for cell in nb.cells:
        cells.append(cell)
        exercise_id = turn_of(cell)
        if exercise_id is None:
            continue
        turn = exercises.exercise(exercise_id)
        cell.outputs, cell.execution_count = [], None
        if tag(cell).startswith("turn:"):
            cell.source = read(turn.starter)
            cells.append(nbf.new_markdown_cell(
                f"<details>\n<summary>{summary}</summary>\n\n```python\n"
                f"{read(turn.reference)}\n```\n\n</details>",
                id=f"solution-{exercise_id.replace('/', '-')}",
                metadata={"tags": [f"solution:{exercise_id}"]}))
    nb.cells = cells
    return nb


def markdown(prose: str, lab: str) -> str:
    prose = HEADING_ID.sub("", prose)
    return MD_LINK.sub(lambda m: f"]({page_url(m[1], lab)}{m[2] or ''})",
                       prose)


def needs_language(cell) -> bool:
    """Whether a cell shows something else in each language: the plot
    texts, the checking code, a plot, a check's verdict."""
    return (tag(cell) in (TEXT_TAG, CHECKING_TAG) or "TEXT[" in cell.source
            or tag(cell).startswith("check:"))


def start_kernel(lab: str):
    """A lab's kernel, forked by docsite.kernels; it starts in the
    background. Its sockets are files in the temporary folder: a socket's
    path has at most 107 bytes, which a checkout's can pass."""
    import tempfile

    from jupyter_client.manager import KernelManager

    from docsite import kernels

    class ForkedKernel(KernelManager):
        def format_kernel_cmd(self, extra_arguments=None):
            return kernels.kernel_command(self.connection_file)

    CACHE.mkdir(parents=True, exist_ok=True)
    kernel = ForkedKernel(kernel_name="python3", transport="ipc", ip=str(
        Path(tempfile.gettempdir()) / f"lab-{lab}-{os.getpid()}"))
    kernel.start_kernel(cwd=str(ROOT))
    return kernel


def never_run(lab: str) -> bool:
    """No cached run of the lab at all (a fresh clone): it surely runs."""
    return not any(CACHE.glob(f"{lab}-*.json"))


def execute(lab: str, notebooks: dict, done=None, kernel=None) -> dict:
    from nbclient import NotebookClient

    kernel = kernel or start_kernel(lab)
    notebooks = {language: copy.deepcopy(nb)
                 for language, nb in notebooks.items()}
    executed, first = {}, None
    try:
        client = NotebookClient(next(iter(notebooks.values())), km=kernel,
                                timeout=300, allow_errors=False,
                                record_timing=False)
        with client.setup_kernel():  # one client for every language
            for language, nb in notebooks.items():
                client.nb = nb
                for index, cell in enumerate(nb.cells):
                    if cell.cell_type != "code":
                        continue
                    if first and not needs_language(cell):
                        cell.outputs = first.cells[index].outputs
                        continue
                    run_cell(client, lab, language, cell, index)
                    cell.outputs = merged_streams(cell.outputs)
                presented(nb)
                executed[language] = nb
                if done:
                    done(language, nb)
                first = first or nb
    finally:
        kernel.shutdown_kernel(now=True)
    return executed


def run_cell(client, lab, language, cell, index):
    from nbclient.exceptions import CellExecutionError

    name = cell.metadata["tags"][0]
    try:
        client.execute_cell(cell, index)
    except CellExecutionError as error:
        raise LabError(f"labs/{lab}/code.py: cell '{name}' raised while "
                       f"building the {language} lab:\n{error}") from None
    for output in cell.outputs:
        shown = output.get("text", "") + str(
            output.get("data", {}).get("text/plain", ""))
        if ADDRESS.search(shown):
            raise LabError(
                f"labs/{lab}/code.py: cell '{name}' shows a memory address, "
                "which changes from run to run: "
                f"{shown.strip()!r}. Don't end a cell with an expression "
                "such as torch.manual_seed(0); assign or print it")
        if output.get("name") == "stderr":
            raise LabError(
                f"labs/{lab}/code.py: cell '{name}' wrote to stderr in the "
                f"{language} lab; labs must run cleanly:\n{output.text}")


def merged_streams(outputs: list) -> list:
    """What a cell prints in a row is one output, however the kernel cut it
    into messages: the reader sees one block, as Jupyter shows it. The
    outputs given are left as they are."""
    merged = []
    for output in outputs:
        if merged and output.get("output_type") == "stream" and \
                merged[-1].get("output_type") == "stream" and \
                merged[-1].get("name") == output.get("name"):
            merged[-1] = copy.copy(merged[-1])
            merged[-1]["text"] += output["text"]
        else:
            merged.append(output)
    return merged


def presented(nb):
    """The plumbing stays out of the reader's way: the cells of the plot
    texts and of the checking code are collapsed in Jupyter and unnumbered
    (the site leaves them out), and the cells a reader sees count from 1."""
    for cell in nb.cells:
        if tag(cell) in HIDDEN:
            cell.metadata["jupyter"] = {"source_hidden": True}
    number_cells(nb)
    return nb


def number_cells(nb):
    count = 0
    for cell in nb.cells:
        if tag(cell) in HIDDEN:
            cell.execution_count = None
        elif cell.cell_type == "code":
            count += 1
            cell.execution_count = count
            for output in cell.outputs:
                if "execution_count" in output:
                    output.execution_count = count


def cache_key(notebooks: dict) -> str:
    from importlib.metadata import version

    cells = {language: [(c.source, c.metadata.get("tags")) for c in nb.cells]
             for language, nb in notebooks.items()}
    text = json.dumps([cells, version("torch"), platform.python_version()])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def check_prose(lab: str, languages: list):
    missing = [lang for lang in languages
               if not model.lab_prose(lab, lang, LABS).exists()]
    if missing:
        raise LabError(f"labs/{lab}: no prose for {missing}; translate "
                       f"labs/{lab}/{DEFAULT}.md into labs/{lab}/<lang>.md")


def build_lab(lab: str, languages: list, done=None, kernel=None,
              hints=exercises.read_hints) -> dict:
    """The lab executed in every language, from the cache or run now (in
    kernel, where one was started early); done(language, notebook), where
    given, hears of each language as soon as it is ready (the build renders
    English while the rest still run). hints(language) gives a language's
    exercise hints."""
    import nbformat

    check_prose(lab, languages)
    notebooks = {lang: notebook(lab, lang, hints=hints(lang))
                 for lang in languages}
    cached = CACHE / f"{lab}-{cache_key(notebooks)}.json"
    if cached.exists():
        stored = json.loads(cached.read_text(encoding="utf-8"))
        executed = {lang: nbformat.from_dict(nb)
                    for lang, nb in stored.items()}
        for nb in executed.values():
            for cell in nb.cells:
                if cell.cell_type == "code":
                    cell.outputs = merged_streams(cell.outputs)
            presented(nb)
        if kernel:
            kernel.shutdown_kernel(now=True)
        if done:
            for language, nb in executed.items():
                done(language, nb)
    else:
        CACHE.mkdir(parents=True, exist_ok=True)
        executed = execute(lab, notebooks, done, kernel)
        for old in CACHE.glob(f"{lab}-*.json"):
            old.unlink()
        write_atomically(cached, json.dumps(executed, ensure_ascii=False))
    if DEFAULT in executed:
        remember_outputs(lab, executed[DEFAULT])
    return executed


def write_atomically(path: Path, text: str):
    """Write a cache file that a concurrent reader sees whole or not at
    all (a build and the tests may run side by side)."""
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    part.write_text(text, encoding="utf-8")
    os.replace(part, path)


def outputs_key(nb) -> str:
    """What a lab's outputs depend on: its code cells (the plot texts
    included) and the torch and Python versions; not its prose."""
    from importlib.metadata import version

    cells = [c.source for c in nb.cells if c.cell_type == "code"]
    text = json.dumps([cells, version("torch"), platform.python_version()])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def outputs_file(lab: str, nb) -> Path:
    return CACHE / f"{lab}.{DEFAULT}-outputs-{outputs_key(nb)}.txt"


def shown_text(nb) -> str:
    """The text a reader sees under the code cells: what they print and
    the value a cell ends with (not the stand-in text of a plot)."""
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if output.get("output_type") == "stream":
                found.append(output.get("text", ""))
            elif not any(kind.startswith("image/") for kind in data):
                found.append(f"{data.get('text/plain', '')}\n")
    return "".join(found)


def remember_outputs(lab: str, nb):
    path = outputs_file(lab, nb)
    if not path.exists():
        for old in CACHE.glob(f"{lab}.{DEFAULT}-outputs-*.txt"):
            old.unlink(missing_ok=True)
        write_atomically(path, shown_text(nb))


def english_outputs(lab_dir: Path) -> str:
    """The text the English lab in lab_dir shows under its code cells, as
    the build runs it (tools/stated_numbers.py checks the prose against
    it). A build leaves it in .cache/labs/; without one, or after its code
    changed, the English cells run here once and leave it there."""
    nb = notebook(lab_dir.name, DEFAULT, lab_dir.parent)
    path = outputs_file(lab_dir.name, nb)
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        executed = execute(lab_dir.name, {DEFAULT: nb})
        remember_outputs(lab_dir.name, executed[DEFAULT])
    return path.read_text(encoding="utf-8")

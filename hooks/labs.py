"""Build the labs: one executed Jupyter notebook per lab and language.

`labs/<lab>/code.py` holds the code cells (`# %% name` starts one).
`labs/<lab>/<language>.md` holds the prose in that language, includes each
code cell where it belongs (a python block with `--8<-- "labs/<lab>/code.py:name"`),
and gives the texts of the plots under `plot_text` in its front matter.

Before the first language is built, every pair becomes
`docs/<language>/labs/<lab>.ipynb`: a first cell `TEXT = {...}` with the plot
texts, then the prose and code. Each lab runs in one kernel: every cell for
English, then only the cells that use TEXT for the other languages, so the
shared code runs once per build. Results are cached by the cells and the
torch and Python versions, and the text the English cells print is kept
beside them for the numbers check (`english_outputs`, which runs the English
cells itself when no build left it). A cell that raises or writes to stderr
(a warning) fails the build.

mkdocs-static-i18n rebuilds the file list after mkdocs-jupyter has wrapped
notebooks as pages, so they would ship as raw text (mkdocs-static-i18n #198);
this hook wraps them again afterwards. It also puts a download button on each
lab page and a download link next to every link to a lab, gives each plot
its title as alternative text, typesets the formulas of the prose as MathML
(the downloaded notebook keeps the LaTeX, which Jupyter renders itself), and
drops nbconvert's MathJax and Mermaid scripts (the site loads nothing from
other hosts). An output that shows a memory address (`<... at 0x7f...>`, say
from a cell that ends in `torch.manual_seed(0)`) fails the build: it changes
from run to run.
"""
import copy
import hashlib
import json
import os
import platform
import posixpath
import re
from concurrent.futures import ThreadPoolExecutor
from html import escape, unescape
from pathlib import Path, PurePosixPath

from docsite import model
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from generated_page import link_languages
from mathml import typeset

ROOT = Path(__file__).resolve().parents[1]
LABS = ROOT / "labs"
CONFIG = ROOT / "mkdocs.yml"
CACHE = ROOT / ".cache" / "labs"
DEFAULT = model.default_language(CONFIG)
INCLUDE = re.compile(r'^```python\n--8<-- "([^":]+):([^"]+)"\n```$', re.MULTILINE)
HEADING_ID = re.compile(rf"\s*{model.HEADING_ID}\s*$", re.MULTILINE)
MD_LINK = re.compile(r"\]\(([^)#\s]+\.md)(#[^)]*)?\)")
NBCONVERT_SCRIPTS = re.compile(
    r'<script src=""> </script>|<script[^>]*>(?:(?!</script>).)*?'
    r"(?:MathJax|mermaid)(?:(?!</script>).)*?</script>", re.DOTALL)
LAB_HEADING = re.compile(r'<h(?P<level>[1-6]) id="[^"]*">'
                         r'(?P<text>[^<]*)<a class="anchor-link" href="#[^"]*">')
PLACEHOLDER_ALT = re.compile(
    r'alt="No description has been provided for this image"')
LAB_LINK = re.compile(r'<a href="(?P<href>[^"]*labs/(?P<lab>[\w-]+)/)">.*?</a>')
# nbconvert leaves the formulas of a markdown cell as $...$ or $$...$$ (with
# <, > and & escaped) for MathJax to find in the browser.
MARKDOWN_CELL = re.compile(r'(<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"'
                           r"[^>]*>)(.*?)(</div>)", re.DOTALL)
LAB_FORMULA = re.compile(r"(?<!\\)\$\$(?P<block>.+?)(?<!\\)\$\$"
                         r"|(?<![$\\])\$(?P<inline>[^$]+?)(?<![$\\])\$",
                         re.DOTALL)
ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+")


def page_url(target: str, lab: str) -> str:
    """A link in a lab's prose to a page (`../tensors/index.md`), as a URL
    relative to the lab's page (`labs/<lab>/`)."""
    page = posixpath.normpath(posixpath.join(model.LAB_FOLDER, target))
    lab_url = model.page_url(model.lab_page(lab))
    return posixpath.relpath(model.page_url(page) or ".", lab_url) + "/"


def notebook(lab: str, language: str, labs: Path = LABS):
    import nbformat.v4 as nbf

    source = model.lab_prose(lab, language, labs)
    meta, body, _ = model.read_page(source)
    code = model.code_cells(labs / lab / "code.py")
    text = json.dumps(meta["plot_text"], ensure_ascii=False, indent=4)
    cells = [nbf.new_code_cell(f"TEXT = {text}",
                               metadata={"tags": ["lab-text"]})]
    position = 0
    for match in INCLUDE.finditer(body):
        prose = body[position:match.start()].strip()
        if prose:
            cells.append(nbf.new_markdown_cell(markdown(prose, lab)))
        if match[1] != f"labs/{lab}/code.py" or match[2] not in code:
            raise PluginError(f"{source}: includes {match[1]}:{match[2]}, "
                              f"which is not a cell of labs/{lab}/code.py")
        titles = [meta["plot_text"][key] for key in
                  re.findall(r'TEXT\["(\w+_title)"\]', code[match[2]])]
        metadata = {"tags": [match[2]]}
        if titles:
            metadata["alt"] = "; ".join(titles)
        cells.append(nbf.new_code_cell(code[match[2]], metadata=metadata))
        position = match.end()
    if body[position:].strip():
        cells.append(nbf.new_markdown_cell(markdown(body[position:].strip(),
                                                   lab)))
    if cells[1].cell_type == "markdown":
        cells[0], cells[1] = cells[1], cells[0]
    return nbf.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3",
                       "language": "python"},
        "language_info": {"name": "python"}})


def markdown(prose: str, lab: str) -> str:
    prose = HEADING_ID.sub("", prose)
    return MD_LINK.sub(lambda m: f"]({page_url(m[1], lab)}{m[2] or ''})",
                       prose)


def needs_language(cell) -> bool:
    return "lab-text" in cell.metadata.get("tags", []) or "TEXT[" in cell.source


def execute(lab: str, notebooks: dict) -> dict:
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    kernel = KernelManager(kernel_name="python3", transport="ipc",
                           ip=str(CACHE / f"kernel-{lab}-{os.getpid()}"))
    kernel.start_kernel(cwd=str(ROOT))
    executed, first = {}, None
    try:
        for language, nb in notebooks.items():
            nb = copy.deepcopy(nb)
            client = NotebookClient(nb, km=kernel, timeout=300,
                                    allow_errors=False, record_timing=False)
            with client.setup_kernel():
                for index, cell in enumerate(nb.cells):
                    if cell.cell_type != "code":
                        continue
                    if first and not needs_language(cell):
                        cell.outputs = first.cells[index].outputs
                        continue
                    name = cell.metadata["tags"][0]
                    try:
                        client.execute_cell(cell, index)
                    except CellExecutionError as error:
                        raise PluginError(
                            f"labs/{lab}/code.py: cell '{name}' raised while "
                            f"building the {language} lab:\n{error}") from None
                    for output in cell.outputs:
                        shown = output.get("text", "") + str(
                            output.get("data", {}).get("text/plain", ""))
                        if ADDRESS.search(shown):
                            raise PluginError(
                                f"labs/{lab}/code.py: cell '{name}' shows a "
                                f"memory address, which changes from run to "
                                f"run: {shown.strip()!r}. Don't end a cell "
                                "with an expression such as "
                                "torch.manual_seed(0); assign or print it")
                        if output.get("name") == "stderr":
                            raise PluginError(
                                f"labs/{lab}/code.py: cell '{name}' wrote to "
                                f"stderr in the {language} lab; labs must run "
                                f"cleanly:\n{output.text}")
            number_cells(nb)
            executed[language] = nb
            first = first or nb
    finally:
        kernel.shutdown_kernel(now=True)
    return executed


def number_cells(nb):
    count = 0
    for cell in nb.cells:
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count
            for output in cell.outputs:
                if "execution_count" in output:
                    output.execution_count = count


def cache_key(notebooks: dict) -> str:
    import torch

    cells = {language: [c.source for c in nb.cells]
             for language, nb in notebooks.items()}
    text = json.dumps([cells, torch.__version__, platform.python_version()])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def build_lab(lab: str, languages: list) -> dict:
    import nbformat

    missing = [lang for lang in languages
               if not model.lab_prose(lab, lang, LABS).exists()]
    if missing:
        raise PluginError(f"labs/{lab}: no prose for {missing}; translate "
                          f"labs/{lab}/{DEFAULT}.md into labs/{lab}/<lang>.md")
    notebooks = {lang: notebook(lab, lang) for lang in languages}
    cached = CACHE / f"{lab}-{cache_key(notebooks)}.json"
    if cached.exists():
        stored = json.loads(cached.read_text(encoding="utf-8"))
        executed = {lang: nbformat.from_dict(nb)
                    for lang, nb in stored.items()}
    else:
        CACHE.mkdir(parents=True, exist_ok=True)
        executed = execute(lab, notebooks)
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


def on_pre_build(config):
    import nbformat

    if config.plugins["i18n"].current_language != DEFAULT:
        return
    languages = [DEFAULT] + [locale for locale in model.all_languages(CONFIG)
                             if locale != DEFAULT]
    labs = model.labs(LABS)
    with ThreadPoolExecutor(max_workers=len(labs)) as pool:
        built = list(pool.map(lambda lab: build_lab(lab, languages), labs))
    for lab, notebooks in zip(labs, built):
        for language, nb in notebooks.items():
            target = Path(config.docs_dir) / language / model.lab_page(lab)
            text = nbformat.writes(nb) + "\n"
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists() or target.read_text("utf-8") != text:
                target.write_text(text, encoding="utf-8")


@event_priority(-110)
def on_files(files, config):
    from mkdocs_jupyter.plugin import NotebookFile

    for file in list(files):
        if not file.src_uri.endswith(".ipynb") or isinstance(file, NotebookFile):
            continue
        page = NotebookFile(file, **config)
        dest = file.dest_uri
        if not dest.endswith(".html"):
            dest = f"{PurePosixPath(dest).with_suffix('')}/index.html"
        page.dest_path = dest
        page.abs_dest_path = str(Path(config.site_dir) / dest)
        page.url = dest.removesuffix("index.html")
        _, source = model.page_of(file.src_uri, CONFIG)
        link_languages(page, config, model.page_url(source))
        files.remove(file)
        files.append(page)
    return files


def with_alt_texts(html, page):
    import nbformat

    nb = nbformat.read(page.file.abs_src_path, as_version=4)
    alts = iter([cell.metadata.get("alt", "") for cell in nb.cells
                 if cell.cell_type == "code" for output in cell.outputs
                 if "image/png" in output.get("data", {})])
    html = PLACEHOLDER_ALT.sub(lambda m: f'alt="{escape(next(alts, ""))}"',
                               html)
    if 'alt=""' in html or next(alts, None) is not None:
        raise PluginError(f"{page.file.src_uri}: every plot needs a title "
                          "from TEXT[\"..._title\"] to use as its "
                          "alternative text")
    return html


def with_mathml(html, page):
    """Typeset the formulas in the lab's prose as MathML, as on every other
    page (nbconvert leaves them for MathJax, which the site does not load)."""
    def formula(match):
        block = match["block"] is not None
        tex = unescape(match["block"] if block else match["inline"]).strip()
        return typeset(tex, block, page.file.src_uri)

    return MARKDOWN_CELL.sub(
        lambda m: m[1] + LAB_FORMULA.sub(formula, m[2]) + m[3], html)


COPIED_NOTICE = '<span class="notice" hidden="">Copied!</span>'
COPY_LABEL = 'aria-label="Copy to Clipboard"'


def with_copied_notice(html, config):
    """mkdocs-jupyter's copy buttons say "Copy to Clipboard" and "Copied!"
    in every language."""
    copy, copied = config.extra.get("copy"), config.extra.get("copied")
    if not copy or not copied:
        raise PluginError("mkdocs.yml: every language needs extra.copy and "
                          "extra.copied")
    html = html.replace(COPY_LABEL, f'aria-label="{copy}"')
    return html.replace(COPIED_NOTICE,
                        f'<span class="notice" hidden="">{copied}</span>')


def with_heading_ids(html, page):
    """Give lab headings the ids of their source, the same in every language
    (nbconvert derives them from the text, and leaves Chinese ones empty)."""
    language, page_path = model.page_of(page.file.src_uri, CONFIG)
    lab = model.lab_of(page_path)
    if not model.lab_prose(lab, language, LABS).exists():
        language = DEFAULT
    ids = iter(model.heading_ids(model.lab_prose(lab, language, LABS)
                                 .read_text(encoding="utf-8")))
    entries = []
    stack = list(page.toc)
    while stack:
        entry = stack.pop(0)
        entries.append(entry)
        stack[:0] = entry.children
    renamed = []

    def rename(match):
        new = next(ids, None)
        if new is None:
            raise PluginError(f"labs/{lab}/{language}.md: every heading "
                              "needs an explicit { #id }")
        renamed.append(new)
        return f'<h{match["level"]} id="{new}">{match["text"]}' \
               f'<a class="anchor-link" href="#{new}">'

    html = LAB_HEADING.sub(rename, html)
    for entry, new in zip(entries, renamed):
        entry.id = new
    return html


def on_page_content(html, page, config, files):
    label = config.extra.get("download_notebook")
    if not label:
        raise PluginError("mkdocs.yml: every language needs "
                          "extra.download_notebook")
    if page.file.src_uri.endswith(".ipynb"):
        name = PurePosixPath(page.file.src_uri).name
        button = (f'<p><a class="md-button md-button--primary" href="{name}" '
                  f'download>{label}</a></p>')
        html = NBCONVERT_SCRIPTS.sub("", html)
        html = with_alt_texts(html, page)
        html = with_heading_ids(html, page)
        html = with_mathml(html, page)
        html = with_copied_notice(html, config)
        if "cdnjs" in html or 'src="http' in html:
            raise PluginError(f"{page.file.src_uri}: the rendered lab still "
                              "refers to another host; strip it in "
                              "hooks/labs.py")
        return button + html
    return LAB_LINK.sub(
        lambda m: f'{m[0]} (<a href="{m["href"]}{m["lab"]}.ipynb" download '
                  f'title="{label}">.ipynb</a>)', html)

"""Build the labs: one executed Jupyter notebook per lab and language.

Before the first language is built, every lab in every language becomes
`docs/<language>/labs/<lab>.ipynb`, built, run and cached by docsite.labs
(where a lab's files and the notebook are described). The labs run in
background threads while the pages build (their kernels use the other
cores); a lab page waits for its own language only. A cell that raises,
writes to stderr (a warning) or shows a memory address fails the build.

mkdocs-static-i18n rebuilds the file list after mkdocs-jupyter has wrapped
notebooks as pages, so they would ship as raw text (mkdocs-static-i18n #198);
this hook wraps them again afterwards. It also removes Jupyter's prompts
(In [3]:, not content), puts a download button on each lab page and a
download link next to every link to a lab, gives each plot its title as
alternative text, typesets the formulas of the prose as MathML
(the downloaded notebook keeps the LaTeX, which Jupyter renders itself), and
drops nbconvert's MathJax and Mermaid scripts (the site loads nothing from
other hosts). An output that shows a memory address (`<... at 0x7f...>`, say
from a cell that ends in `torch.manual_seed(0)`) fails the build: it changes
from run to run.
"""
import contextlib
import os
import re
import threading
from html import escape, unescape
from pathlib import Path, PurePosixPath

from docsite import labs as notebooks
from docsite import model
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from across_languages import goes_on_after_fork
from coding_exercises import hints_for
from generated_page import link_languages
from mathml import typeset

ROOT = Path(__file__).resolve().parents[1]
LABS = ROOT / "labs"
CONFIG = ROOT / "mkdocs.yml"
DEFAULT = model.default_language(CONFIG)
NBCONVERT_SCRIPTS = re.compile(
    r'<script src=""> </script>|<script[^>]*>(?:(?!</script>).)*?'
    r"(?:MathJax|mermaid)(?:(?!</script>).)*?</script>", re.DOTALL)
LAB_HEADING = re.compile(r'<h(?P<level>[1-6]) id="[^"]*">'
                         r'(?P<text>[^<]*)<a class="anchor-link" href="#[^"]*">')
# Jupyter's prompts (In [3]:) number the runs of a session, which a page
# has not; the downloaded notebook keeps them.
PROMPTS = re.compile(r'<div class="jp-(?:In|Out)putPrompt jp-(?:In|Out)putArea-'
                     r'prompt">[^<]*</div>')
# nbconvert shows a cell's tags (our cell names) as badges above its code.
TAG_BADGES = re.compile(r'<div class="celltoolbar">(?:(?!</?div\b).|'
                        r'<div class="button_container[^"]*">.*?</div>)*?'
                        r"</div>", re.DOTALL)
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


class LabRun:
    """One lab built in a background thread (its kernel is a process of its
    own, so the build goes on beside it); each lab page waits only for its
    own language. The labs run their translations once every lab has run in
    English (`english_first`, a barrier): the English pages are built
    first and wait for those.

    The build forks for the other languages while the translations may
    still run (hooks/parallel_languages.py): the thread goes on in the
    first process, and tells a forked one that a language is ready through
    a pipe (a byte, or nothing if the lab failed)."""

    def __init__(self, lab, languages, docs_dir, kernel=None,
                 english_first=None):
        self.lab, self.docs_dir, self.error = lab, Path(docs_dir), None
        self.english_first = english_first
        self.ready = {language: threading.Event() for language in languages}
        self.lock, self.telling, self.listening = threading.Lock(), {}, {}
        try:
            notebooks.check_prose(lab, languages)
            for language in languages:  # MkDocs must find the file now
                if not self.target(language).exists():
                    self.write(language, notebooks.notebook(
                        lab, language, hints=hints_for(language)))
        except notebooks.LabError as error:
            raise PluginError(str(error)) from None
        self.thread = threading.Thread(target=self.run,
                                       args=(languages, kernel), daemon=True)
        self.thread.start()

    def target(self, language):
        return self.docs_dir / language / model.lab_page(self.lab)

    def write(self, language, nb):
        import nbformat

        text = nbformat.writes(nb) + "\n"
        target = self.target(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text("utf-8") != text:
            target.write_text(text, encoding="utf-8")

    def run(self, languages, kernel):
        try:
            notebooks.build_lab(self.lab, languages, self.done, kernel,
                                hints_for)
        except Exception as error:  # reported by wait(), on the build's thread
            self.error = error
        finally:  # no lab page, and no other lab, waits forever
            with self.lock:
                for event in self.ready.values():
                    event.set()
                for end in self.telling.values():
                    os.close(end)  # unwritten: the lab failed
                self.telling.clear()
            if self.english_first is not None:
                self.english_first.abort()

    def done(self, language, nb):
        self.write(language, nb)
        with self.lock:
            self.ready[language].set()
            end = self.telling.pop(language, None)
            if end is not None:
                os.write(end, b"1")
                os.close(end)
        if language == DEFAULT and self.english_first is not None:
            with contextlib.suppress(threading.BrokenBarrierError):
                self.english_first.wait()

    def before_fork(self):
        with self.lock:
            for language, event in self.ready.items():
                if not event.is_set():
                    self.listening[language], self.telling[language] = \
                        os.pipe()

    def in_child(self):
        for end in self.telling.values():
            os.close(end)
        self.telling.clear()

    def in_parent(self):
        for end in self.listening.values():
            os.close(end)
        self.listening.clear()

    def wait(self, language):
        end = self.listening.pop(language, None)
        if end is None:
            self.ready[language].wait()
            self.raise_error()
            return
        told = os.read(end, 1)  # a forked process: the thread is the first's
        os.close(end)
        if told != b"1":
            raise PluginError(f"labs/{self.lab}: building the lab failed; "
                              "the build's first process reports why")

    def finish(self):
        self.thread.join()
        self.raise_error()

    def raise_error(self):
        if isinstance(self.error, notebooks.LabError):
            raise PluginError(str(self.error))
        if self.error is not None:
            raise PluginError(f"labs/{self.lab}: building the lab failed: "
                              f"{self.error!r}") from self.error


RUNS, EARLY_KERNELS = {}, {}


def on_startup(command, dirty):
    """A lab never run here (a fresh clone) gets its kernel now, while
    MkDocs loads its configuration on one core."""
    if command == "build":
        for lab in model.labs(LABS):
            if notebooks.never_run(lab):
                EARLY_KERNELS[lab] = notebooks.start_kernel(lab)


def on_shutdown():
    for kernel in EARLY_KERNELS.values():
        kernel.shutdown_kernel(now=True)
    EARLY_KERNELS.clear()


def on_pre_build(config):
    if config.plugins["i18n"].current_language != DEFAULT:
        return
    languages = [DEFAULT] + [locale for locale in model.all_languages(CONFIG)
                             if locale != DEFAULT]
    RUNS.clear()
    labs = model.labs(LABS)
    english_first = threading.Barrier(len(labs))
    for lab in labs:
        RUNS[lab] = LabRun(lab, languages, config.docs_dir,
                           EARLY_KERNELS.pop(lab, None), english_first)
    for lab, run in RUNS.items():
        goes_on_after_fork(f"lab {lab}", run)


@event_priority(100)  # before mkdocs-jupyter reads the notebook
def on_pre_page(page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return page
    language, page_path = model.page_of(page.file.src_uri, CONFIG)
    run = RUNS.get(model.lab_of(page_path))
    if run is not None:
        run.wait(language)
    return page


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


@event_priority(-100)  # after mkdocs-jupyter copied the notebook
def on_post_page(output, page, config):
    """The downloaded lab holds the starters of its "your turn" cells."""
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    import nbformat

    language = config.plugins["i18n"].current_language
    source = Path(page.file.abs_src_path)
    nb = notebooks.download(nbformat.read(source, as_version=4),
                            hints_for(language))
    target = Path(page.file.abs_dest_path).parent / source.name
    target.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return output


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
        html = TAG_BADGES.sub("", html)
        html = PROMPTS.sub("", html)
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

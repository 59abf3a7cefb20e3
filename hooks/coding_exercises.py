"""Put each coding exercise on its page, in the page's language.

A page asks for an exercise with a fence right under the task:

    ```exercise
    --8<-- "exercises/tensors/positions"
    ```

The fence becomes the starter, the check and the folded reference solution
(included from exercises/ like any snippet); the task above it gets the
stable id `exercise-<name>`. Before the first exercise of a page comes the
checking code (exercises/checking.py), folded, with the hints of the page's
exercises in the page's language (translations/hints/<language>.yml; a
generated language's are its source's, transliterated).
"""
import functools
import posixpath
import re
from html import escape

from docsite import exercises, model
from mkdocs.exceptions import PluginError
from serbian_cyrillic import in_language

FENCE = exercises.FENCE
ASKED = re.compile(r"^```exercise\b", re.MULTILINE)


def hints_for(locale: str) -> dict:
    """The hints in `locale`, read again once their file changes."""
    path = exercises.hints_file(model.generated_languages().get(locale,
                                                                locale))
    return _hints(locale, path.stat().st_mtime_ns if path.exists() else 0)


@functools.cache
def _hints(locale: str, modified: int) -> dict:
    return in_language(locale, exercises.read_hints)


def block(exercise, ui) -> str:
    folder = exercise.folder.relative_to(exercises.ROOT).as_posix()
    return (
        f'```{{.python .exercise .exercise-starter title="{ui["starter"]}"}}\n'
        f'--8<-- "{folder}/starter.py"\n```\n\n'
        f'```{{.python .exercise .exercise-check title="{ui["check"]}"}}\n'
        f'--8<-- "{folder}/check.py"\n```\n\n'
        f'/// details | {ui["reference"]}\n    type: success\n\n'
        f'```{{.python .exercise .exercise-reference}}\n'
        f'--8<-- "{folder}/reference.py"\n```\n///\n')


def checking_block(code: str, ui) -> str:
    """Folded, and not highlighted: a highlighted copy would cost a page
    about 160 elements for code the reader runs once, unread."""
    return (f'/// details | {ui["checking"]}\n    type: note\n\n'
            f'```{{.text .exercise .exercise-checking}}\n{code}```\n///\n\n')


def notebook_link(page, config) -> str:
    """The download of the chapter's exercise notebook
    (hooks/exercise_notebooks.py writes it)."""
    found = model.page_of(page.file.src_uri)
    if found is None:
        raise PluginError(f"{page.file.src_uri}: exercises belong on a page "
                          "of a chapter")
    source = found[1]
    folder = exercises.notebook_folder(model.chapter_of(source))
    href = posixpath.relpath(f"{folder}/{exercises.NOTEBOOK}",
                             source.with_suffix("").as_posix())
    text = config.extra["exercise_notebook"]["link"]
    return (f'<p class="exercise-notebook"><a href="{href}" download='
            f'"{folder}-exercises.ipynb">{escape(text)}</a></p>\n\n')


def with_anchor(before: str, exercise, where: str) -> str:
    """The task is the paragraph right above the fence: it gets the id."""
    task = before.rstrip("\n")
    last = task.rsplit("\n", 1)[-1]
    if not last.strip() or last.startswith(("#", "```", "///")):
        raise PluginError(
            f"{where}: the exercise {exercise.id} has no task right above "
            "it; write the task as a paragraph just before its ```exercise "
            "fence")
    return f"{task}\n{{: #{exercise.anchor} }}\n\n"


def on_page_markdown(markdown, page, config, files):
    if not ASKED.search(markdown):
        return markdown
    where = page.file.src_uri
    found = list(FENCE.finditer(markdown))
    if len(found) != len(ASKED.findall(markdown)):
        raise PluginError(
            f"{where}: an ```exercise fence must hold one line, "
            '--8<-- "exercises/<chapter>/<name>", and nothing else')
    try:
        chosen = [exercises.exercise(m[1]) for m in found]
        hints = hints_for(config.plugins["i18n"].current_language)
        code = exercises.checking_code(hints, chosen)
    except exercises.ExerciseError as error:
        raise PluginError(f"{where}: {error}") from None
    ui = hints["ui"]
    out, position = [], 0
    for index, (match, exercise) in enumerate(zip(found, chosen)):
        out.append(with_anchor(markdown[position:match.start()], exercise,
                               where))
        if index == 0:
            out.append(checking_block(code, ui))
            out.append(notebook_link(page, config))
        out.append(block(exercise, ui))
        position = match.end()
    out.append(markdown[position:])
    return "".join(out)

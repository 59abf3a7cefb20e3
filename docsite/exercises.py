"""The coding exercises: what is in exercises/, and the hints that speak
for their checks (translations/hints/<language>.yml).

An exercise is a folder exercises/<chapter>/<name>/ whose id is
"<chapter>/<name>". It holds:
- starter.py: what the reader completes; it runs as it stands, and its
  check prints the "todo" hint;
- check.py: one call of `check` (exercises/checking.py) with the tests in
  the order they are tried, each named by the mistake it catches (helper
  functions may come before it);
- reference.py: a solution, run as a snippet with a golden
  (reference.out) on CPU and CUDA;
- wrong-<what>.py: a typical wrong solution whose first line declares the
  mistake its check must name: `# mistake: <key>`.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from docsite import model

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
CHECKING = EXERCISES / "checking.py"
HINTS = ROOT / "translations" / "hints"
DECLARED = re.compile(r"\A# mistake: ([a-z0-9-]+)\n")
TEST = re.compile(r'^\s*\("([a-z0-9-]+)", lambda', re.MULTILINE)
CHECK_CALL = re.compile(r'^check\("([^"]+)", \[\n', re.MULTILINE)
EMPTY_HINTS = "HINTS = {}\n"
FENCE = re.compile(
    r'^```exercise\n--8<-- "exercises/([^"\n]+)"\n```$', re.MULTILINE)
LINK = re.compile(r"(?<!!)\[([^\]]*)\]\([^)\s]+\)")
LEAD = re.compile(r"\A\*\*\d+\.\s+(.+?)\.?\*\*\s*")
NOTEBOOK = "exercises.ipynb"
STARTER_MISTAKE = "todo"
COMMON_KEYS = ("passed", "not-yet", STARTER_MISTAKE)


class ExerciseError(ValueError):
    pass


@dataclass(frozen=True)
class Exercise:
    id: str
    folder: Path

    @property
    def name(self) -> str:
        return self.id.split("/")[-1]

    @property
    def anchor(self) -> str:
        return f"exercise-{self.name}"

    @property
    def starter(self) -> Path:
        return self.folder / "starter.py"

    @property
    def check(self) -> Path:
        return self.folder / "check.py"

    @property
    def reference(self) -> Path:
        return self.folder / "reference.py"

    @property
    def golden(self) -> Path:
        return self.folder / "reference.out"

    def wrong_solutions(self) -> dict[Path, str]:
        """Each wrong solution with the mistake it declares."""
        found = {}
        for path in sorted(self.folder.glob("wrong-*.py")):
            declared = DECLARED.match(path.read_text(encoding="utf-8"))
            if not declared:
                raise ExerciseError(
                    f"{path}: a wrong solution must start with the line "
                    "`# mistake: <key>`, naming the test of check.py that "
                    "catches it")
            found[path] = declared[1]
        return found

    def mistakes(self) -> list[str]:
        """The tests of check.py, in the order they are tried."""
        source = self.check.read_text(encoding="utf-8")
        if CHECK_CALL.findall(source) != [self.id]:
            raise ExerciseError(
                f"{self.check}: must call `check(\"{self.id}\", [` once, at "
                "the start of a line (the exercise's id, then its tests)")
        return TEST.findall(source)

    def expected_mistakes(self) -> dict[Path, str]:
        """What each file's check must say: the starter the "todo" hint,
        each wrong solution its declared mistake."""
        return {self.starter: STARTER_MISTAKE, **self.wrong_solutions()}


def exercises(root: Path = EXERCISES) -> list[Exercise]:
    return [Exercise(check.parent.relative_to(root).as_posix(), check.parent)
            for check in sorted(root.glob("*/*/check.py"))]


def exercise(exercise_id: str, root: Path = EXERCISES) -> Exercise:
    found = {e.id: e for e in exercises(root)}
    if exercise_id not in found:
        raise ExerciseError(
            f"there is no exercise {exercise_id!r}: exercises/ has "
            f"{sorted(found)} (an exercise is a folder "
            "exercises/<chapter>/<name>/ with check.py)")
    return found[exercise_id]


def flat(data: dict) -> dict[str, str]:
    """The hints file's keys as the checking code looks them up:
    "<exercise id>/<mistake>" for an exercise's hints."""
    found = {}
    for key, value in data.items():
        if key == "ui":
            continue
        if isinstance(value, dict):
            found.update({f"{key}/{mistake}": text
                          for mistake, text in value.items()})
        else:
            found[key] = value
    return found


@functools.cache
def _read(path: Path, modified: int) -> dict:
    return model.read_yaml(path) or {}


def hints_file(locale: str, folder: Path = HINTS) -> Path:
    return folder / f"{locale}.yml"


def read_hints(locale: str, folder: Path = HINTS) -> dict:
    path = hints_file(locale, folder)
    if not path.exists():
        raise ExerciseError(
            f"{path.relative_to(ROOT)} is missing: every language needs the hints of the "
            "coding exercises; translate translations/hints/en.yml")
    return _read(path, path.stat().st_mtime_ns)


def texts_for(hints: dict, chosen: list[Exercise]) -> dict[str, str]:
    """The hints the checks of `chosen` can print, and the common ones."""
    every = flat(hints)
    wanted = list(COMMON_KEYS) + [f"{e.id}/{m}" for e in chosen
                                  for m in e.mistakes()
                                  if m != STARTER_MISTAKE]
    missing = [key for key in wanted if key not in every]
    if missing:
        raise ExerciseError(f"no hint for {missing}: add them to the "
                            "language's translations/hints/<language>.yml")
    return {key: every[key] for key in wanted}


def checking_code(hints: dict, chosen: list[Exercise]) -> str:
    """exercises/checking.py as a page in one language shows it: with the
    hints of that page's exercises."""
    source = CHECKING.read_text(encoding="utf-8")
    if source.count(EMPTY_HINTS) != 1:
        raise ExerciseError(f"{CHECKING} must have the line {EMPTY_HINTS!r} "
                            "once: the build puts the hints there")
    entries = "".join(
        f"    {json.dumps(key)}:\n        {json.dumps(text, ensure_ascii=False)},\n"
        for key, text in texts_for(hints, chosen).items())
    return source.replace(EMPTY_HINTS, "HINTS = {\n" + entries + "}\n")


def said(hints: dict, exercise: Exercise, mistake: str | None) -> str:
    """The line a check prints: the pass line, or "not yet" with the hint
    for `mistake`."""
    every = flat(hints)
    if mistake is None:
        return every["passed"].format(exercise=exercise.id)
    hint = every.get(f"{exercise.id}/{mistake}", every.get(mistake))
    return every["not-yet"].format(hint=hint)


def notebook_folder(chapter: list) -> str:
    """Where a chapter's exercise notebook lives: its topic pages' folder."""
    folders = {page.parent.as_posix() for page in chapter
               if page.name != "index.md"}
    if len(folders) != 1:
        raise ExerciseError(f"the chapter {[str(p) for p in chapter]} has "
                            f"topic pages in {sorted(folders)}: its exercise "
                            "notebook needs one folder")
    return folders.pop()


def tasks(markdown: str) -> list[tuple[Exercise, str]]:
    """The exercises a page asks for, each with its task: the paragraph
    right above its fence (links reduced to their text)."""
    found = []
    for match in FENCE.finditer(markdown):
        paragraph = markdown[:match.start()].rstrip("\n").split("\n\n")[-1]
        found.append((exercise(match[1]), LINK.sub(r"\1", paragraph)))
    return found


def chapter_tasks(locale: str, chapter: list) -> list[tuple[Exercise, str]]:
    """The exercises of a chapter's pages in one language, with their
    tasks, in reading order."""
    found = []
    for page in chapter:
        path = model.DOCS / locale / page
        if path.exists():
            found += tasks(model.read_page(path)[1])
    return found


def notebook(title: str, intro: str, chosen: list[tuple[Exercise, str]],
             hints: dict) -> dict:
    """A chapter's exercises as a notebook, without solutions: the
    checking code, then each task with its starter and its check."""
    def cell(kind, source, name):
        found = {"cell_type": kind, "id": name.replace("/", "-"),
                 "metadata": {"tags": [name]}, "source": source.rstrip("\n")}
        if kind == "code":
            found.update(execution_count=None, outputs=[])
        return found

    cells = [cell("markdown", f"# {title}\n\n{intro}", "intro"),
             cell("code", checking_code(hints, [e for e, _ in chosen]),
                  "checking")]
    for exercise, task in chosen:
        task = LEAD.sub(lambda m: f"## {m[1]}\n\n", task)
        cells += [cell("markdown", task, f"task:{exercise.id}"),
                  cell("code", exercise.starter.read_text(encoding="utf-8"),
                       f"starter:{exercise.id}"),
                  cell("code", exercise.check.read_text(encoding="utf-8"),
                       f"check:{exercise.id}")]
    return {"cells": cells, "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python",
                       "name": "python3"},
        "language_info": {"name": "python"}}, "nbformat": 4,
        "nbformat_minor": 5}

"""Run the documentation snippets and compare what they print with goldens.

A snippet is a complete program, run the way a reader runs it: alone, as
`__main__`, unchanged. The `cpu` run hides CUDA (`CUDA_VISIBLE_DEVICES=`) and
forks from an interpreter that has only imported torch; the `cuda` run is a
new interpreter with CUDA visible. Both must print the same golden, so a snippet
that computes picks its device itself (DEVICE_LINE), draws random numbers on
the CPU and prints values moved back with `.cpu()`.

`python tools/harness.py --update [snippet.py ...]` rewrites goldens
(`make goldens`).
"""
from __future__ import annotations

import ast
import difflib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import tokenize
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from device_rule import MARKER, draw_problems, has_marker

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = Path(os.environ.get("DOCS_SNIPPETS_DIR", ROOT / "snippets"))
EXERCISES = Path(os.environ.get("DOCS_EXERCISES_DIR", ROOT / "exercises"))
HINT = "if the new output is right, run `make goldens SNIPPET={snippet}`"


def hint(snippet: Path) -> str:
    """The one-snippet command, with the path as the reader would type it."""
    try:
        shown = snippet.resolve().relative_to(ROOT)
    except ValueError:
        shown = snippet
    return HINT.format(snippet=shown)
DEVICE_LINE = 'device = "cuda" if torch.cuda.is_available() else "cpu"'
DEVICE_USES = (".to(device)", "device=device")
META_ONLY = 'with torch.device("meta"):'
HIDE_CUDA = {"CUDA_VISIBLE_DEVICES": ""}
RUNNER = Path(__file__).with_name("snippet_runner.py")
NO_KERNEL = (
    "\nThis operation has no CUDA kernel for that dtype (integer matrix "
    "products, for one, exist only on the CPU). Use a dtype the GPU supports "
    "(a float tensor) so the snippet runs on both devices; see "
    "CONTRIBUTING.md, 'Snippets run on CPU and GPU'.")


class SnippetError(AssertionError):
    pass


@dataclass
class Run:
    printed: str
    cuda_available: bool
    cuda_allocations: int
    matmul_precision: str | None
    cuda_generator_used: bool = False


def snippet_paths(root: Path = SNIPPETS) -> list[Path]:
    return sorted(root.rglob("*.py"))


def golden_path(snippet: Path) -> Path:
    return snippet.with_suffix(".out")


def exercise_references(root: Path = EXERCISES) -> list[Path]:
    """The reference solution of every coding exercise: a snippet whose
    program is the checking code, the solution and the check."""
    return sorted(root.glob("*/*/reference.py"))


def is_exercise_file(path: Path) -> bool:
    return (path.parent / "check.py").exists() and path.name != "check.py"


def exercise_program(solution: Path, checking: str | None = None,
                     checks: int = 1) -> str:
    """What a reader of the page runs: the checking code, the solution, then
    the check (again after each further checking code in `checks`)."""
    check = (solution.parent / "check.py").read_text(encoding="utf-8")
    if checking is None:
        checking = (ROOT / "exercises" / "checking.py").read_text(
            encoding="utf-8")
    parts = [solution.read_text(encoding="utf-8")]
    for code in ([checking] if isinstance(checking, str) else checking):
        parts += [code, check]
    return "\n\n".join(parts)


def run_exercise(solution: Path, device: str = "cpu", checking=None,
                 randomised_start: bool = False) -> Run:
    """Run an exercise file as its program, alone, like a snippet."""
    with tempfile.TemporaryDirectory() as folder:
        program = Path(folder) / f"{solution.parent.name}-{solution.name}"
        program.write_text(exercise_program(solution, checking),
                           encoding="utf-8")
        problems = device_rule_problems(program) \
            if solution.name == "reference.py" else []
        if problems:
            raise SnippetError("\n".join(problems).replace(
                str(program), str(solution)))
        try:
            return run_fresh(program, device, randomised_start)
        except SnippetError as error:
            raise SnippetError(str(error).replace(
                str(program), f"{solution} (with the checking code and "
                "check.py)")) from None


def imports_torch(source: str) -> bool:
    try:
        tree = ast.parse(source)
    except SyntaxError:  # reported, with its line, when the snippet runs
        return "import torch" in source or "from torch" in source
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(
                a.name.split(".")[0] == "torch" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and \
                (node.module or "").split(".")[0] == "torch":
            return True
    return False


def uses_compute_device(snippet: Path) -> bool:
    """The rule: every snippet that imports torch computes on the device
    and has a `cuda` case, except one that builds only on the meta device
    (it computes no values, only shapes and counts)."""
    source = snippet.read_text(encoding="utf-8")
    return imports_torch(source) and META_ONLY not in source


def device_rule_problems(snippet: Path) -> list[str]:
    if not uses_compute_device(snippet):
        return []
    source = read_valid(snippet)
    problems = []
    if DEVICE_LINE not in source:
        problems.append(
            f"{snippet}: imports torch but does not choose its device; add "
            f"`{DEVICE_LINE}` after the imports")
    if not any(use in source for use in DEVICE_USES):
        problems.append(
            f"{snippet}: never puts anything on `device`; create tensors "
            "with `device=device` or move them (and models) with "
            "`.to(device)`")
    if "device='cuda" in source or 'device="cuda' in source:
        problems.append(
            f"{snippet}: names the GPU itself; use `device` so the snippet "
            "also runs where there is no GPU")
    return problems + draw_problems(snippet, source)


def read_valid(snippet: Path) -> str:
    source = snippet.read_text(encoding="utf-8")
    try:
        compile(source, str(snippet), "exec")
    except SyntaxError as error:
        raise SnippetError(
            f"{snippet}:{error.lineno}: not valid Python ({error.msg}); fix "
            "the snippet (was its indentation lost?)") from None
    return source


class ForkServer:
    """An interpreter with CUDA hidden that has imported torch and forks a
    child for each snippet (see tools/snippet_runner.py); one per thread."""
    local = threading.local()

    @classmethod
    def get(cls):
        if getattr(cls.local, "process", None) is None:
            cls.local.process = subprocess.Popen(
                [sys.executable, str(RUNNER), "--fork-server"], cwd=ROOT,
                env=dict(os.environ, PYTHONIOENCODING="utf-8", **HIDE_CUDA),
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        return cls.local.process

    @classmethod
    def run(cls, snippet, report, randomised):
        process = cls.get()
        process.stdin.write(f"{snippet}\t{report}\t{randomised}\n")
        process.stdin.flush()
        return int(process.stdout.readline())


def run_fresh(snippet: Path, device: str = "cpu",
              randomised_start: bool = False) -> Run:
    """Run a snippet alone: on `cpu` in a child of the fork server (CUDA
    hidden), on `cuda` in a new interpreter with CUDA visible."""
    read_valid(snippet)
    randomised = "1" if randomised_start else "0"
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        if device == "cpu":
            status = ForkServer.run(snippet, report, randomised)
            printed = Path(f"{report}.stdout").read_text(encoding="utf-8")
            errors = Path(f"{report}.stderr").read_text(encoding="utf-8")
        else:
            done = subprocess.run(
                [sys.executable, str(RUNNER), str(snippet), str(report),
                 randomised], cwd=ROOT, capture_output=True, text=True,
                encoding="utf-8")
            status, printed, errors = done.returncode, done.stdout, \
                done.stderr
        if status != 0:
            hint = NO_KERNEL if "not implemented for '" in errors \
                and device != "cpu" else ""
            raise SnippetError(f"{snippet} failed on {device}:\n{errors}{hint}")
        facts = json.loads(report.read_text(encoding="utf-8"))
    return Run(printed, facts["cuda_available"], facts["cuda_allocations"],
               facts["matmul_precision"], facts["cuda_generator_used"])


def check_golden(snippet: Path, printed: str, device: str = "cpu") -> None:
    golden = golden_path(snippet)
    if not golden.exists():
        raise SnippetError(f"{golden} is missing: {hint(snippet)}")
    expected = golden.read_text(encoding="utf-8")
    if printed == expected:
        return
    diff = "".join(difflib.unified_diff(
        expected.splitlines(keepends=True), printed.splitlines(keepends=True),
        f"{golden} (golden)", f"{snippet} (printed now on {device})"))
    raise SnippetError(
        f"{snippet} no longer prints {golden} on {device}:\n{diff}\n"
        f"{hint(snippet)}")


def check_cuda_generator(snippet: Path, run: Run) -> None:
    """The run-time half of rule 3, for draws the static rule cannot see:
    a cuda run that drew from the CUDA generator needs a marker."""
    if run.cuda_generator_used and not has_marker(snippet):
        raise SnippetError(
            f"{snippet} drew random numbers from the CUDA generator in the "
            "cuda case (a route the static device rule did not see), so its "
            "output can differ from the golden. Fix: draw on the CPU from a "
            "seeded generator and move the result with `.to(device)` (build "
            "modules on the CPU, then move them); or, if the printed output "
            f"does not depend on the draw, put `{MARKER} (<why>)` above the "
            "draw")


def check_deterministic(snippet: Path, first: str, second: str) -> None:
    if first != second:
        raise SnippetError(
            f"{snippet} prints different output on two runs: seed its random "
            "numbers (torch.manual_seed) so readers see what the page shows")


def run_alone(path: Path, device: str = "cpu",
              randomised_start: bool = False) -> Run:
    run = run_exercise if is_exercise_file(path) else run_fresh
    return run(path, device, randomised_start=randomised_start)


def check_snippet(snippet: Path, device: str) -> Run:
    """Run a snippet (or an exercise's reference) on one device and compare
    it with its golden; on a mismatch, tell unseeded randomness apart from
    a changed result."""
    run = run_alone(snippet, device)
    try:
        check_golden(snippet, run.printed, device)
    except SnippetError:
        check_deterministic(snippet, run.printed, run_alone(
            snippet, device, randomised_start=True).printed)
        raise
    return run


def fresh_golden(snippet: Path) -> str:
    printed = run_alone(snippet).printed
    check_deterministic(snippet, printed,
                        run_alone(snippet, randomised_start=True).printed)
    return printed


def update_goldens(snippets: list[Path]) -> None:
    problems = [p for s in snippets if not is_exercise_file(s)
                for p in device_rule_problems(s)]
    if problems:
        raise SnippetError("\n".join(problems))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        outputs = list(pool.map(fresh_golden, snippets))
    for snippet, printed in zip(snippets, outputs):
        golden = golden_path(snippet)
        old = golden.read_text(encoding="utf-8") if golden.exists() else None
        golden.write_text(printed, encoding="utf-8")
        print(("unchanged " if old == printed else "rewrote   ") + str(golden))


if __name__ == "__main__":
    if sys.argv[1:2] != ["--update"]:
        sys.exit("usage: python tools/harness.py --update [snippet.py ...]")
    chosen = [Path(p).resolve() for p in sys.argv[2:]] or (
        snippet_paths() + exercise_references())
    try:
        update_goldens(chosen)
    except SnippetError as error:
        sys.exit(str(error))

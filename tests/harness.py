"""Run the documentation snippets and compare what they print with goldens.

`python tests/harness.py --update` rewrites every golden (`make goldens`).
"""
from __future__ import annotations

import contextlib
import difflib
import gc
import io
import os
import random
import re
import runpy
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = Path(os.environ.get("DOCS_SNIPPETS_DIR", ROOT / "snippets"))
HINT = "run `make goldens` if the new output is right"
CUDA_SUFFIX = re.compile(r", device='cuda:\d+'")
RANDOMISED_START = (
    "import random, runpy, sys, torch; random.seed(); torch.seed(); "
    "runpy.run_path(sys.argv[1], run_name='__main__')"
)


class SnippetError(AssertionError):
    pass


def snippet_paths(root: Path = SNIPPETS) -> list[Path]:
    return sorted(root.rglob("*.py"))


def golden_path(snippet: Path) -> Path:
    return snippet.with_suffix(".out")


def uses_compute_device(snippet: Path) -> bool:
    source = snippet.read_text(encoding="utf-8")
    return "import torch" in source and 'torch.device("meta")' not in source


def normalise(printed: str) -> str:
    return CUDA_SUFFIX.sub("", printed)


def run_fresh(snippet: Path, randomised_start: bool = False) -> str:
    argv = ["-c", RANDOMISED_START] if randomised_start else []
    done = subprocess.run(
        [sys.executable, *argv, str(snippet)], cwd=ROOT,
        capture_output=True, text=True, encoding="utf-8",
    )
    if done.returncode != 0:
        raise SnippetError(f"{snippet} failed when run alone:\n{done.stderr}")
    return done.stdout


def cpu_random_mode(torch):
    """Draw every random number from the CPU generator, whatever the device.

    A seeded snippet then prints the same values on CPU and CUDA.
    """
    from torch.overrides import TorchFunctionMode

    in_place = {torch.Tensor.uniform_, torch.Tensor.normal_,
                torch.Tensor.bernoulli_, torch.Tensor.random_,
                torch.Tensor.exponential_}
    factories = {torch.rand, torch.randn, torch.randint, torch.randperm}

    class CpuRandom(TorchFunctionMode):
        drawn = 0

        def __torch_function__(self, func, types, args=(), kwargs=None):
            kwargs = kwargs or {}
            if func in in_place:
                target = args[0]
                draw = torch.empty_like(target, device="cpu")
                with torch.no_grad():
                    target.copy_(func(draw, *args[1:], **kwargs))
                CpuRandom.drawn += 1
                return target
            if func in factories:
                device = kwargs.pop("device", None)
                requires_grad = kwargs.pop("requires_grad", False)
                made = func(*args, device="cpu", **kwargs)
                made = made.to(device or torch.get_default_device())
                CpuRandom.drawn += 1
                return made.requires_grad_(requires_grad)
            return func(*args, **kwargs)

    return CpuRandom()


def reset_state(torch, device: str) -> None:
    random.seed()
    torch.seed()
    torch.set_default_dtype(torch.float32)
    torch.set_default_device(None if device == "cpu" else device)
    torch.set_printoptions(profile="default")
    torch.set_grad_enabled(True)


@contextlib.contextmanager
def collector_paused():
    """Run without the cyclic garbage collector, then freeze what survives.

    Importing torch, and torch._dynamo (which building any optimizer does),
    makes ~300k long-lived objects that the collector would otherwise walk
    again and again: about a third of the suite's time.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.freeze()
        gc.enable()


def run_in_process(snippet: Path, device: str = "cpu") -> str:
    with collector_paused():
        return _run_in_process(snippet, device)


def _run_in_process(snippet: Path, device: str) -> str:
    import torch

    reset_state(torch, device)
    printed = io.StringIO()
    modes = contextlib.ExitStack()
    if device != "cpu":
        modes.enter_context(cpu_random_mode(torch))
    try:
        with modes, contextlib.redirect_stdout(printed):
            runpy.run_path(str(snippet), run_name="__main__")
    except SyntaxError as error:
        raise SnippetError(
            f"{snippet}:{error.lineno}: not valid Python ({error.msg}); fix "
            "the snippet (was its indentation lost?)") from None
    finally:
        torch.set_default_device(None)
    return printed.getvalue()


def check_golden(snippet: Path, printed: str) -> None:
    golden = golden_path(snippet)
    if not golden.exists():
        raise SnippetError(f"{golden} is missing: {HINT}")
    expected = golden.read_text(encoding="utf-8")
    if printed == expected:
        return
    diff = "".join(difflib.unified_diff(
        expected.splitlines(keepends=True), printed.splitlines(keepends=True),
        f"{golden} (golden)", f"{snippet} (printed now)"))
    raise SnippetError(
        f"{snippet} no longer prints {golden}:\n{diff}\n{HINT}")


def check_deterministic(snippet: Path, first: str, second: str) -> None:
    if first != second:
        raise SnippetError(
            f"{snippet} prints different output on two runs: seed its random "
            "numbers (torch.manual_seed) so readers see what the page shows")


def fresh_golden(snippet: Path) -> str:
    printed = run_fresh(snippet)
    check_deterministic(snippet, printed,
                        run_fresh(snippet, randomised_start=True))
    return printed


def update_goldens(snippets: list[Path]) -> None:
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        outputs = list(pool.map(fresh_golden, snippets))
    for snippet, printed in zip(snippets, outputs):
        golden = golden_path(snippet)
        old = golden.read_text(encoding="utf-8") if golden.exists() else None
        golden.write_text(printed, encoding="utf-8")
        print(("unchanged " if old == printed else "rewrote   ") + str(golden))


if __name__ == "__main__":
    if sys.argv[1:2] != ["--update"]:
        sys.exit("usage: python tests/harness.py --update [snippet.py ...]")
    chosen = [Path(p).resolve() for p in sys.argv[2:]] or snippet_paths()
    try:
        update_goldens(chosen)
    except SnippetError as error:
        sys.exit(str(error))

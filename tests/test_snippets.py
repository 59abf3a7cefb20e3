"""Every snippet prints its golden: with CUDA hidden (`cpu`) and, where
there is a GPU, with CUDA visible (`cuda`), as a reader would run it."""
import os
import platform

import pytest

from harness import (EXERCISES, ROOT, SNIPPETS, SnippetError, check_cuda_generator,
                     check_snippet, device_rule_problems,
                     exercise_references, snippet_paths, uses_compute_device)

REQUIRE_CUDA = os.environ.get("DOCS_REQUIRE_CUDA") == "1"


def cases():
    """Every snippet, and every coding exercise's reference solution (run
    with the checking code and its check)."""
    for path in snippet_paths() + exercise_references():
        name = (path.relative_to(SNIPPETS) if path.is_relative_to(SNIPPETS)
                else path.relative_to(ROOT)).as_posix()
        yield pytest.param(path, "cpu", id=f"{name}-cpu")
        if uses_compute_device(path):
            yield pytest.param(path, "cuda", id=f"{name}-cuda")


def cuda_available():
    import torch
    return torch.cuda.is_available()


def require_cuda():
    if cuda_available():
        return
    if REQUIRE_CUDA:
        pytest.fail("DOCS_REQUIRE_CUDA=1 but torch.cuda.is_available() is "
                    "False: this runner cannot check the CUDA outputs")
    pytest.skip("no CUDA device here (the GPU job runs these)")


@pytest.mark.parametrize(("path", "device"), list(cases()))
def test_snippet_prints_its_golden(path, device):
    if device == "cuda":
        require_cuda()
    try:
        run = check_snippet(path, device)
    except SnippetError as error:
        # The diff and the command are the message; the harness's
        # traceback would only bury them.
        pytest.fail(str(error), pytrace=False)
    if device == "cpu":
        assert not run.cuda_available, (
            f"{path} saw a GPU although the cpu run hides CUDA")
    else:
        assert run.cuda_allocations > 0, (
            f"{path} allocated nothing on CUDA: it ignores `device`, so the "
            "GPU run did not happen")
        assert run.matmul_precision in (None, "highest"), (
            f"{path} ran with float32 matmul precision "
            f"{run.matmul_precision!r} (TF32): the goldens assume full "
            "float32 ('highest', PyTorch's default); unset "
            "torch.backends.cuda.matmul.allow_tf32 on this runner")
        check_cuda_generator(path, run)


@pytest.mark.parametrize("path", snippet_paths(),
                         ids=lambda p: p.relative_to(SNIPPETS).as_posix())
def test_snippet_follows_the_device_rule(path):
    problems = device_rule_problems(path)
    assert not problems, "\n".join(problems)


def test_every_snippet_has_a_golden_and_every_golden_a_snippet():
    snippets = {p.with_suffix("") for p in snippet_paths()
                + exercise_references()}
    goldens = {p.with_suffix("") for p in [*SNIPPETS.rglob("*.out"),
                                           *EXERCISES.rglob("*.out")]}
    assert not goldens - snippets, (
        f"goldens without a snippet: {sorted(goldens - snippets)}; "
        "delete them or restore the snippet")
    assert not snippets - goldens, (
        f"snippets without a golden: {sorted(snippets - goldens)}; "
        "run `make goldens`")


def write_verification_reports(results, folder):
    """Record a complete run per device in <folder>/<device>.json: the
    result of every case, so a partial pass shows as, say, 10/12."""
    import datetime
    import json

    import torch

    for device in ("cpu", "cuda"):
        expected = [c.id for c in cases() if c.id.endswith(f"-{device}")]
        ran = {k: v for k, v in results.items() if k.endswith(f"-{device}")}
        if not expected or sorted(ran) != sorted(expected) or \
                "skipped" in ran.values():
            continue
        report = {
            "device": device,
            "hardware": hardware(device),
            "torch": torch.__version__.split("+")[0],
            "torch_build": torch.__version__,
            "python": platform.python_version(),
            "date": datetime.date.today().isoformat(),
            "snippets": {k.removesuffix(f"-{device}"): v
                         for k, v in sorted(ran.items())},
        }
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{device}.json").write_text(
            json.dumps(report, indent=2) + "\n", encoding="utf-8")


def hardware(device):
    if device == "cuda":
        import torch
        return torch.cuda.get_device_name()
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "CPU"

"""Every snippet prints its golden, on CPU and (where there is one) on CUDA."""
import os
import platform

import pytest

from harness import (SNIPPETS, check_deterministic, check_golden,
                     collector_paused, normalise, run_in_process,
                     snippet_paths, uses_compute_device)

with collector_paused():
    import torch

REQUIRE_CUDA = os.environ.get("DOCS_REQUIRE_CUDA") == "1"


def cases():
    for path in snippet_paths():
        name = path.relative_to(SNIPPETS).as_posix()
        yield pytest.param(path, "cpu", id=f"{name}-cpu")
        if uses_compute_device(path):
            yield pytest.param(path, "cuda", id=f"{name}-cuda")


def write_verification_reports(results):
    """Record a complete run per device in verification/<device>.json."""
    import datetime
    import json
    import platform

    from harness import ROOT

    if os.environ.get("DOCS_SNIPPETS_DIR"):
        return
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
            "python": platform.python_version(),
            "date": datetime.date.today().isoformat(),
            "snippets": {k.removesuffix(f"-{device}"): v
                         for k, v in sorted(ran.items())},
        }
        folder = ROOT / "verification"
        folder.mkdir(exist_ok=True)
        (folder / f"{device}.json").write_text(
            json.dumps(report, indent=2) + "\n", encoding="utf-8")


def hardware(device):
    if device == "cuda":
        return torch.cuda.get_device_name()
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "CPU"


def cuda_allocations():
    return torch.cuda.memory_stats().get("allocation.all.allocated", 0)


def require_cuda():
    if torch.cuda.is_available():
        return
    if REQUIRE_CUDA:
        pytest.fail("DOCS_REQUIRE_CUDA=1 but torch.cuda.is_available() is "
                    "False: this runner cannot check the CUDA outputs")
    pytest.skip("no CUDA device here (the GPU job runs these)")


@pytest.mark.parametrize(("path", "device"), list(cases()))
def test_snippet_prints_its_golden(path, device):
    if device == "cuda":
        require_cuda()
        before = cuda_allocations()
    printed = normalise(run_in_process(path, device))
    if device == "cuda":
        assert cuda_allocations() > before, (
            f"{path} allocated nothing on CUDA: the GPU run did not happen")
    try:
        check_golden(path, printed)
    except AssertionError:
        check_deterministic(path, printed,
                            normalise(run_in_process(path, device)))
        raise


def test_every_snippet_has_a_golden_and_every_golden_a_snippet():
    snippets = {p.with_suffix("") for p in snippet_paths()}
    goldens = {p.with_suffix("") for p in SNIPPETS.rglob("*.out")}
    assert not goldens - snippets, (
        f"goldens without a snippet: {sorted(goldens - snippets)}; "
        "delete them or restore the snippet")
    assert not snippets - goldens, (
        f"snippets without a golden: {sorted(snippets - goldens)}; "
        "run `make goldens`")

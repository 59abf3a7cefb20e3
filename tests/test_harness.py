"""Tests of the snippet harness itself: a wrong golden must fail loudly."""
import os
import re
import shutil
import subprocess
import sys
import json

import pytest

from device_rule import MARKER, ROUTES
from harness import (DEVICE_LINE, ROOT, SNIPPETS, Run, SnippetError,
                     check_cuda_generator, device_rule_problems, fresh_golden,
                     golden_path, run_fresh)


def run_snippet_suite(snippets_dir, *options, select="cpu"):
    env = dict(os.environ, DOCS_SNIPPETS_DIR=str(snippets_dir),
               DOCS_EXERCISES_DIR=str(snippets_dir / "no-exercises"))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "-p", "no:xdist", str(ROOT / "tests" / "test_snippets.py"),
         "-k", select, *options],
        cwd=ROOT, env=env, capture_output=True, text=True)


def write_snippet(folder, name, source):
    snippet = folder / "topic" / name
    snippet.parent.mkdir(parents=True, exist_ok=True)
    snippet.write_text(source, encoding="utf-8")
    return snippet


@pytest.mark.slow  # a whole snippet suite, in a subprocess
def test_a_changed_digit_in_a_golden_fails_the_suite(tmp_path):
    snippet = SNIPPETS / "autograd" / "02-pytorch.py"
    copy = copy_snippet(snippet, tmp_path)
    golden = golden_path(snippet).read_text(encoding="utf-8")
    assert "-0.0898" in golden
    golden_path(copy).write_text(golden.replace("-0.0898", "-0.0899"),
                                 encoding="utf-8")

    done = run_snippet_suite(tmp_path)

    assert done.returncode == 1, done.stdout + done.stderr
    assert "-tensor([-0.0899])" in done.stdout
    assert "+tensor([-0.0898])" in done.stdout
    assert str(copy) in done.stdout
    assert f"make goldens SNIPPET={copy}" in done.stdout, (
        "the message must name the one-snippet command")
    assert "harness.py:" not in done.stdout, (
        "the harness's traceback buries the diff: fail with the message only")


def copy_snippet(source, folder):
    copy = folder / source.parent.name / source.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, copy)
    shutil.copy(golden_path(source), golden_path(copy))
    return copy


@pytest.mark.slow  # a whole snippet suite, in a subprocess
def test_lost_indentation_in_a_snippet_fails_naming_it(tmp_path):
    copy = copy_snippet(SNIPPETS / "backprop" / "01-training-step.py",
                        tmp_path)
    lines = copy.read_text(encoding="utf-8").splitlines()
    copy.write_text("\n".join(line.lstrip() for line in lines) + "\n",
                    encoding="utf-8")

    done = run_snippet_suite(tmp_path)

    assert done.returncode == 1
    assert f"{copy}:" in done.stdout
    assert "not valid Python" in done.stdout
    assert "indentation" in done.stdout


@pytest.mark.slow  # a whole snippet suite, in a subprocess
def test_unseeded_randomness_is_caught(tmp_path):
    snippet = tmp_path / "random" / "01-unseeded.py"
    snippet.parent.mkdir()
    snippet.write_text(f"import torch\n\n{DEVICE_LINE}\n"
                       "print(torch.rand(3).to(device).cpu())\n",
                       encoding="utf-8")
    golden_path(snippet).write_text(run_fresh(snippet).printed,
                                    encoding="utf-8")

    done = run_snippet_suite(tmp_path)
    assert done.returncode == 1
    assert "prints different output on two runs" in done.stdout
    assert "torch.manual_seed" in done.stdout
    with pytest.raises(SnippetError, match="different output on two runs"):
        fresh_golden(snippet)


WITHOUT_DEVICE = "import torch\n\nprint(torch.ones(2) * 2)\n"


@pytest.mark.slow  # a whole snippet suite, in a subprocess
def test_a_torch_snippet_that_ignores_the_device_fails_the_rule(tmp_path):
    snippet = write_snippet(tmp_path, "01-no-device.py", WITHOUT_DEVICE)
    golden_path(snippet).write_text("tensor([2., 2.])\n", encoding="utf-8")

    done = run_snippet_suite(tmp_path, select="device_rule")

    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{snippet}: imports torch but does not choose its device" \
        in done.stdout
    assert DEVICE_LINE in done.stdout
    assert "never puts anything on `device`" in done.stdout


@pytest.mark.slow  # a whole snippet suite, in a subprocess
def test_a_device_line_that_is_never_used_fails_the_rule(tmp_path):
    snippet = write_snippet(tmp_path, "01-unused.py",
                            f"import torch\n\n{DEVICE_LINE}\n"
                            "print(torch.ones(2))\n")
    golden_path(snippet).write_text("tensor([1., 1.])\n", encoding="utf-8")

    done = run_snippet_suite(tmp_path, select="device_rule")

    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{snippet}: never puts anything on `device`" in done.stdout


def test_an_op_without_a_cuda_kernel_is_named_in_the_error(tmp_path):
    snippet = write_snippet(
        tmp_path, "01-no-kernel.py",
        "raise NotImplementedError(\"'addmm_cuda' not implemented for "
        "'Long'\")\n")

    with pytest.raises(SnippetError) as caught:
        run_fresh(snippet, "cuda")

    assert "no CUDA kernel for that dtype" in str(caught.value)
    assert "integer matrix products" in str(caught.value)


@pytest.mark.slow  # a whole snippet suite, in a subprocess
def test_a_recorded_run_counts_passes_and_failures_per_device(tmp_path):
    good = write_snippet(tmp_path, "01-good.py", "print(1 + 1)\n")
    golden_path(good).write_text("2\n", encoding="utf-8")
    bad = write_snippet(tmp_path, "02-bad.py", "print(2 + 2)\n")
    golden_path(bad).write_text("5\n", encoding="utf-8")

    done = run_snippet_suite(tmp_path, "--record-verification",
                             str(tmp_path / "record"), select="golden")

    assert done.returncode == 1, done.stdout + done.stderr
    report = json.loads((tmp_path / "record" / "cpu.json").read_text())
    assert report["snippets"] == {"topic/01-good.py": "passed",
                                  "topic/02-bad.py": "failed"}
    assert report["device"] == "cpu" and report["torch"]


@pytest.mark.slow  # a whole snippet suite, in a subprocess
def test_a_test_run_writes_no_verification_record(tmp_path):
    good = write_snippet(tmp_path, "01-good.py", "print(1 + 1)\n")
    golden_path(good).write_text("2\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (ROOT / "verification").glob("*")}

    done = run_snippet_suite(tmp_path, select="golden")

    assert done.returncode == 0, done.stdout + done.stderr
    assert {p: p.read_bytes()
            for p in (ROOT / "verification").glob("*")} == before


HEADER = ("import torch\nimport torch.nn.functional as F\nfrom torch import nn"
          f"\n\n{DEVICE_LINE}\ntorch.manual_seed(0)\n")
DROPOUT_MODEL = ("class Net(nn.Module):\n"
                 "    def __init__(self):\n"
                 "        super().__init__()\n"
                 "        self.drop = nn.Dropout(0.5)\n\n"
                 "    def forward(self, x):\n"
                 "        return self.drop(x)  # draws\n\n")
# (route, a snippet body that draws on the device in the line marked
#  `# draws`; the same computation drawn on the CPU, which follows the rule)
ROUTE_CASES = {
    "random factory": (
        "random factory",
        "x = torch.randn(2, 3, device=device)  # draws\n",
        "x = torch.randn(2, 3).to(device)\n"),
    "like": (
        "*_like",
        "t = torch.ones(2, 3).to(device)\n"
        "x = torch.randn_like(t)  # draws\n",
        "t = torch.ones(2, 3).to(device)\n"
        "x = torch.randn(t.shape).to(device)\n"),
    "default device": (
        "default device",
        "x = torch.ones(3, device=device)\n"
        "with torch.device(device):\n"
        "    layer = nn.Linear(3, 2)  # draws\n",
        "x = torch.ones(3, device=device)\n"
        "layer = nn.Linear(3, 2).to(device)\n"),
    "in-place fill": (
        "in-place fill",
        "w = torch.empty(3, device=device)\nw.uniform_()  # draws\n",
        "w = torch.empty(3).uniform_().to(device)\n"),
    "nn.init": (
        "nn.init",
        "layer = nn.Linear(3, 2).to(device)\n"
        "nn.init.xavier_uniform_(layer.weight)  # draws\n",
        "layer = nn.Linear(3, 2)\nnn.init.xavier_uniform_(layer.weight)\n"
        "layer = layer.to(device)\n"),
    "nn.init via reset_parameters": (
        "nn.init",
        "layer = nn.Linear(3, 2)\nlayer.to(device)\n"
        "layer.reset_parameters()  # draws\n",
        "layer = nn.Linear(3, 2)\nlayer.reset_parameters()\n"
        "layer.to(device)\n"),
    "layer init": (
        "layer init",
        "layer = nn.Embedding(10, 4, device=device)  # draws\n",
        "layer = nn.Embedding(10, 4).to(device)\n"),
    "lazy layer": (
        "lazy layer",
        "layer = nn.LazyLinear(2).to(device)  # draws\n",
        "layer = nn.LazyLinear(2)\nlayer(torch.ones(1, 3))\n"
        "layer = layer.to(device)\n"),
    "F.dropout": (
        "dropout",
        "x = torch.ones(8, device=device)\n"
        "y = F.dropout(x, 0.5)  # draws\n",
        "x = torch.ones(8, device=device)\n"
        "keep = (torch.rand(8) >= 0.5).to(device)\ny = x * keep / 0.5\n"),
    "nn.Dropout in a model": (
        "dropout",
        DROPOUT_MODEL + "net = Net().to(device)\n"
        "y = net(torch.ones(8, device=device))\n",
        DROPOUT_MODEL + "net = Net().to(device).eval()\n"
        "y = net(torch.ones(8, device=device))\n"),
    "multinomial": (
        "sampling",
        "probs = torch.tensor([0.3, 0.7], device=device)\n"
        "i = torch.multinomial(probs, 1)  # draws\n",
        "probs = torch.tensor([0.3, 0.7], device=device)\n"
        "i = torch.multinomial(probs.cpu(), 1).to(device)\n"),
    "bernoulli": (
        "sampling",
        "p = torch.full((4,), 0.5).to(device)\nb = p.bernoulli()  # draws\n",
        "p = torch.full((4,), 0.5).to(device)\n"
        "b = torch.bernoulli(p.cpu()).to(device)\n"),
}


@pytest.mark.parametrize("case", ROUTE_CASES)
def test_each_route_to_a_device_draw_fails_the_rule(tmp_path, case):
    route, draws, drawn_on_cpu = ROUTE_CASES[case]
    bad = write_snippet(tmp_path, "01-draws.py", HEADER + draws)
    good = write_snippet(tmp_path, "02-cpu.py", HEADER + drawn_on_cpu)
    draw_line = next(n for n, line in enumerate(
        (HEADER + draws).splitlines(), 1) if line.endswith("# draws"))

    problems = device_rule_problems(bad)

    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{bad}:{draw_line}: draws random numbers "
                                  "on the device with `"), problems[0]
    assert re.search(rf"; route: {re.escape(route)}[,)]", problems[0])
    assert f"Fix: {ROUTES[route][1]}; or, " in problems[0]
    assert f"`{MARKER} (<why>)` on the line above" in problems[0]
    assert device_rule_problems(good) == []
    run_fresh(good)


def test_a_draw_inside_a_function_names_the_call(tmp_path):
    snippet = write_snippet(
        tmp_path, "01-helper.py", HEADER +
        "def noisy(x):\n    return x + torch.randn_like(x)\n\n\n"
        "y = noisy(torch.ones(3, device=device))\n")

    draw, call = HEADER.count("\n") + 2, HEADER.count("\n") + 5

    problems = device_rule_problems(snippet)

    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{snippet}:{draw}: ")
    assert f"route: *_like, reached through the call on line {call})" \
        in problems[0]
    assert "on the line above (or above the call)" in problems[0]


def test_the_dropout_snippets_need_their_marker(tmp_path):
    for name in ("06-dropout.py", "09-dropout-p01.py"):
        copy = copy_snippet(SNIPPETS / "overview" / name, tmp_path)
        lines = copy.read_text(encoding="utf-8").splitlines(keepends=True)
        marker = [n for n, line in enumerate(lines, 1)
                  if line.startswith(MARKER)]
        assert len(marker) == 1, f"{name} lost its device-rule marker"
        assert device_rule_problems(copy) == []
        del lines[marker[0] - 1]
        copy.write_text("".join(lines), encoding="utf-8")

        problems = device_rule_problems(copy)

        assert len(problems) == 1, problems
        assert problems[0].startswith(f"{copy}:{marker[0]}: ")
        assert "route: dropout" in problems[0]


@pytest.mark.slow  # a whole snippet suite, in a subprocess
def test_a_marker_without_a_reason_fails_the_suite(tmp_path):
    draw = "drop = nn.Dropout(0.5).to(device)\n{}\n" \
        "print(torch.unique(drop(torch.ones(8, device=device))).cpu())\n"
    bare = write_snippet(tmp_path, "01-bare.py", HEADER + draw.format(
        "# device-rule: output does not depend on the draw"))
    reasoned = write_snippet(tmp_path, "02-reason.py", HEADER + draw.format(
        f"{MARKER} (prints only torch.unique)"))

    marker = HEADER.count("\n") + 2

    done = run_snippet_suite(tmp_path, select="device_rule")

    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{bare}:{marker}: device-rule marker without a reason; write " \
        f"`{MARKER} (<why>)`" in done.stdout
    assert f"{bare}:{marker + 1}: draws random numbers on the device" \
        in done.stdout
    assert "1 failed, 1 passed" in done.stdout
    assert str(reasoned) not in done.stdout


def test_a_cuda_run_that_used_the_cuda_generator_needs_a_marker(tmp_path):
    """Only the decision: the GPU job observes the generator itself."""
    plain = write_snippet(tmp_path, "01-plain.py", HEADER)
    marked = write_snippet(tmp_path, "02-marked.py",
                           HEADER + f"{MARKER} (prints no draw)\n")
    drew = Run("", True, 1, "highest", cuda_generator_used=True)

    with pytest.raises(SnippetError, match="drew random numbers from the "
                       "CUDA generator in the cuda case") as caught:
        check_cuda_generator(plain, drew)
    assert str(plain) in str(caught.value)
    assert f"{MARKER} (<why>)" in str(caught.value)
    check_cuda_generator(marked, drew)
    check_cuda_generator(plain, Run("", True, 1, "highest"))

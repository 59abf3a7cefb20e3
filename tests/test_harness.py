"""Tests of the snippet harness itself: a wrong golden must fail loudly."""
import os
import shutil
import subprocess
import sys
import json

import pytest

from harness import (DEVICE_LINE, HINT, ROOT, SNIPPETS, SnippetError,
                     fresh_golden, golden_path, run_fresh)


def run_snippet_suite(snippets_dir, *options, select="cpu"):
    env = dict(os.environ, DOCS_SNIPPETS_DIR=str(snippets_dir))
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
    assert HINT in done.stdout


def copy_snippet(source, folder):
    copy = folder / source.parent.name / source.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, copy)
    shutil.copy(golden_path(source), golden_path(copy))
    return copy


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


def test_a_torch_snippet_that_ignores_the_device_fails_the_rule(tmp_path):
    snippet = write_snippet(tmp_path, "01-no-device.py", WITHOUT_DEVICE)
    golden_path(snippet).write_text("tensor([2., 2.])\n", encoding="utf-8")

    done = run_snippet_suite(tmp_path, select="device_rule")

    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{snippet}: imports torch but does not choose its device" \
        in done.stdout
    assert DEVICE_LINE in done.stdout
    assert "never puts anything on `device`" in done.stdout


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


def test_a_test_run_writes_no_verification_record(tmp_path):
    good = write_snippet(tmp_path, "01-good.py", "print(1 + 1)\n")
    golden_path(good).write_text("2\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (ROOT / "verification").glob("*")}

    done = run_snippet_suite(tmp_path, select="golden")

    assert done.returncode == 0, done.stdout + done.stderr
    assert {p: p.read_bytes()
            for p in (ROOT / "verification").glob("*")} == before

"""Run one snippet the way `python snippet.py` does, then report what the
run did with CUDA. Used by tools/harness.py; nothing inside the snippet is
changed.

    python tools/snippet_runner.py SNIPPET REPORT RANDOMISED
        one run in this fresh interpreter (the `cuda` case);
    python tools/snippet_runner.py --fork-server
        reads `SNIPPET REPORT RANDOMISED` lines on stdin and runs each in a
        child forked from this interpreter, which has imported torch (and
        torch._dynamo, which torch imports on an optimizer's first step) and
        nothing else of the snippet's (the `cpu` case: it saves the second
        or so that a fresh `import torch` costs per snippet). Answers each
        line with the child's exit status.
"""
import json
import os
import random
import runpy
import sys
import traceback


def run(snippet, report, randomised):
    sys.argv = [snippet]
    if randomised == "1":
        import torch
        random.seed()
        torch.seed()
    runpy.run_path(snippet, run_name="__main__")
    torch = sys.modules.get("torch")
    used = torch is not None and torch.cuda.is_initialized()
    with open(report, "w", encoding="utf-8") as out:
        json.dump({
            "cuda_available": bool(torch and torch.cuda.is_available()),
            "matmul_precision": torch and
            torch.get_float32_matmul_precision(),
            "cuda_allocations": torch.cuda.memory_stats().get(
                "allocation.all.allocated", 0) if used else 0,
            "cuda_generator_used": used and cuda_generator_used(torch)},
            out)


def cuda_generator_used(torch):
    """Whether the run drew from the CUDA generator since it was last
    seeded: every draw advances its Philox offset, seeding resets it to 0."""
    generator = torch.cuda.default_generators[torch.cuda.current_device()]
    return generator.get_offset() > 0


def run_in_child(snippet, report, randomised):
    """Fork; the child writes its output next to the report and exits."""
    pid = os.fork()
    if pid:
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    for fd, suffix in ((1, ".stdout"), (2, ".stderr")):
        target = os.open(report + suffix,
                         os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(target, fd)
    status = 0
    try:
        run(snippet, report, randomised)
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else 1
    except BaseException:
        traceback.print_exc()
        status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def fork_server():
    import torch  # noqa: F401  (what every run would import first)
    import torch._dynamo  # noqa: F401  (an optimizer's first step does: 0.7 s)
    for line in sys.stdin:
        print(run_in_child(*line.rstrip("\n").split("\t")), flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--fork-server"]:
        fork_server()
    else:
        run(*sys.argv[1:4])

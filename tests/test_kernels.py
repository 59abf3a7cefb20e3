"""docsite.kernels: a lab kernel or a script forked from a process that
has imported torch starts fresh, keeps its own streams and exit code, and
dies when it is shut down."""
import os
import time

from docsite import labs


def run(client, code):
    printed = []
    client.execute_interactive(code, timeout=60, output_hook=lambda m: (
        printed.append(m["content"]["text"]) if m["msg_type"] == "stream"
        else None))
    return "".join(printed).split()


def test_a_forked_kernel_starts_fresh_and_dies_when_shut_down():
    kernel = labs.start_kernel("tensors")
    client = kernel.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        pid, cwd, fresh = run(client, "import os\nprint(os.getpid(), "
                              "os.getcwd(), 'torch' not in globals())")
        assert cwd == str(labs.ROOT)
        assert fresh == "True", "the kernel sees names of an earlier run"
        assert run(client, "import torch\nprint(torch.ones(2).sum().item())"
                   ) == ["2.0"]
    finally:
        client.stop_channels()
        kernel.shutdown_kernel(now=True)
    for _ in range(50):
        if not os.path.exists(f"/proc/{pid}"):
            break
        time.sleep(0.1)
    assert not os.path.exists(f"/proc/{pid}"), (
        f"kernel {pid} outlived its shutdown: docsite.kernels must kill a "
        "kernel whose launch is gone")


def test_a_forked_script_has_its_arguments_streams_and_exit_code(tmp_path):
    import subprocess

    from docsite import kernels

    script = tmp_path / "script.py"
    script.write_text("import sys\nprint('out', sys.argv[1:])\n"
                      "sys.exit('no loss here')\n", encoding="utf-8")
    done = subprocess.run(kernels.forked(str(script), "a", "b"),
                          capture_output=True, text=True, timeout=60)
    assert done.stdout == "out ['a', 'b']\n"
    assert done.stderr == "no loss here\n"
    assert done.returncode == 1

"""Lab kernels forked from one process that has already imported torch,
matplotlib and ipykernel: each lab still runs in a process of its own, in a
fresh namespace, but none pays the seconds those imports take (three labs
paid them three times, on a build's one spare core).

    python -m docsite.kernels serve SOCKET    the process kernels fork from
    python -m docsite.kernels run -f FILE     what jupyter_client starts

`run` asks the server for a kernel with its connection file, working folder
and environment, passes on the signals it gets and exits when the kernel
does. A `run` that is killed closes its connection, and the server kills its
kernel; the server ends when the process that started it does.
matplotlib.pyplot is not imported ahead: importing it in a kernel is what
hooks the inline backend into IPython, so the kernel imports it itself.
"""
import contextlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time

SOCKET = "DOCS_LAB_KERNELS"
INLINE = "module://matplotlib_inline.backend_inline"
PRELOADED = ("ipykernel.kernelapp", "torch", "matplotlib", "matplotlib.figure",
             "matplotlib.backends.backend_agg")


def server_socket() -> str:
    """The server of this process, started the first time it is asked for;
    its path goes in the environment, which kernel launches inherit (and so
    do other processes this one starts, which start servers of their own)."""
    path = os.path.join(tempfile.gettempdir(),
                        f"lab-kernels-{os.getpid()}.sock")
    if os.environ.get(SOCKET) != path:
        subprocess.Popen([sys.executable, "-m", "docsite.kernels", "serve",
                          path], stdin=subprocess.DEVNULL)
        os.environ[SOCKET] = path
    return path


def command(connection_file: str) -> list[str]:
    server_socket()
    return [sys.executable, "-m", "docsite.kernels", "run", "-f",
            connection_file]


def serve(path: str):
    import importlib

    parent = os.getppid()
    os.environ.setdefault("MPLBACKEND", INLINE)  # what ipykernel sets
    for module in PRELOADED:
        importlib.import_module(module)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen()
    kernels = {}  # connection -> pid
    try:
        while os.getppid() == parent:
            ready, _, _ = select.select([listener, *kernels], [], [], 0.2)
            for connection in ready:
                if connection is listener:
                    accepted, _ = listener.accept()
                    kernels[accepted] = fork_kernel(accepted, listener)
                elif not connection.recv(1):  # its `run` is gone
                    os.kill(kernels[connection], signal.SIGKILL)
            for connection, pid in list(kernels.items()):
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    with contextlib.suppress(OSError):
                        connection.sendall(
                            f"{os.waitstatus_to_exitcode(status)}\n".encode())
                    connection.close()
                    del kernels[connection]
    finally:
        for pid in kernels.values():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        os.unlink(path)


def fork_kernel(connection, listener) -> int:
    request = json.loads(connection.makefile().readline())
    pid = os.fork()
    if pid:
        connection.sendall(f"{pid}\n".encode())
        return pid
    code = 1
    try:
        listener.close()
        connection.close()
        os.setsid()
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        os.environ.setdefault("MPLBACKEND", INLINE)
        sys.argv = ["ipykernel_launcher", *request["argv"],
                    f"--IPKernelApp.parent_handle={os.getppid()}"]
        from ipykernel.kernelapp import launch_new_instance
        try:
            launch_new_instance()
            code = 0
        except SystemExit as end:
            code = end.code if isinstance(end.code, int) else 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def run(argv: list[str]):
    path = os.environ[SOCKET]
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    for _ in range(600):  # the server may still be importing
        try:
            connection.connect(path)
            break
        except (FileNotFoundError, ConnectionRefusedError):
            time.sleep(0.05)
    else:
        sys.exit(f"docsite.kernels: no kernel server at {path}")
    request = {"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}
    connection.sendall((json.dumps(request) + "\n").encode())
    replies = connection.makefile()
    pid = int(replies.readline())
    for name in ("SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP"):
        signal.signal(getattr(signal, name),
                      lambda number, _: os.kill(pid, number))
    status = replies.readline()
    sys.exit(int(status) if status else 1)


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(sys.argv[2])
    else:
        run(sys.argv[2:])

"""Lab kernels (and the graph drawing) forked from one process that has
already imported torch, matplotlib and ipykernel (and torch._dynamo, which
torch imports when the first optimizer is made): each still runs in a
process of its own, from a fresh namespace, but none pays the seconds those
imports take (three labs and the drawing paid them four times, on a build's
one spare core).

    python -m docsite.kernels serve SOCKET         the process they fork from
    python -m docsite.kernels run ARGUMENTS...     `python ARGUMENTS...`, forked

`run` hands the server its arguments, working folder, environment and
standard streams, passes on the signals it gets and exits as its fork does.
A `run` that is killed closes its connection, and the server kills its
fork; the server ends when the process that started it does.
matplotlib.pyplot is not imported ahead: importing it in a kernel is what
hooks the inline backend into IPython, so the kernel imports it itself.
"""
import contextlib
import json
import os
import runpy
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time

SOCKET = "DOCS_LAB_KERNELS"
INLINE = "module://matplotlib_inline.backend_inline"
PRELOADED = ("ipykernel.kernelapp", "torch", "torch._dynamo", "matplotlib",
             "matplotlib.figure", "matplotlib.backends.backend_agg")


def server_socket() -> str:
    """The server of this process, started the first time it is asked for;
    its path goes in the environment, which `run` inherits (and so do other
    processes this one starts, which start servers of their own)."""
    path = os.path.join(tempfile.gettempdir(),
                        f"lab-kernels-{os.getpid()}.sock")
    if os.environ.get(SOCKET) != path:
        subprocess.Popen([sys.executable, "-m", "docsite.kernels", "serve",
                          path], stdin=subprocess.DEVNULL)
        os.environ[SOCKET] = path
    return path


def forked(*arguments: str) -> list[str]:
    """The command that runs `python *arguments` as a fork of the server."""
    server_socket()
    return [sys.executable, "-m", "docsite.kernels", "run", *arguments]


def kernel_command(connection_file: str) -> list[str]:
    return forked("-m", "ipykernel_launcher", "-f", connection_file)


def serve(path: str):
    import importlib

    parent = os.getppid()
    os.environ.setdefault("MPLBACKEND", INLINE)  # what ipykernel sets
    for module in PRELOADED:
        importlib.import_module(module)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen()
    forks = {}  # connection -> pid
    try:
        while os.getppid() == parent:
            ready, _, _ = select.select([listener, *forks], [], [], 0.2)
            for connection in ready:
                if connection is listener:
                    accepted, _ = listener.accept()
                    forks[accepted] = fork(accepted, listener)
                elif not connection.recv(1):  # its `run` is gone
                    os.kill(forks[connection], signal.SIGKILL)
            for connection, pid in list(forks.items()):
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    with contextlib.suppress(OSError):
                        connection.sendall(
                            f"{os.waitstatus_to_exitcode(status)}\n".encode())
                    connection.close()
                    del forks[connection]
    finally:
        for pid in forks.values():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        os.unlink(path)


def fork(connection, listener) -> int:
    message, streams, _, _ = socket.recv_fds(connection, 1 << 20, 3)
    while not message.endswith(b"\n"):
        message += connection.recv(1 << 20)
    request = json.loads(message)
    pid = os.fork()
    if pid:
        for stream in streams:
            os.close(stream)
        connection.sendall(f"{pid}\n".encode())
        return pid
    code = 1
    try:
        listener.close()
        connection.close()
        for number, stream in enumerate(streams):
            os.dup2(stream, number)
            os.close(stream)
        os.setsid()
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        code = python(request["arguments"])
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def python(arguments: list[str]) -> int:
    """What `python *arguments` does, for a script or `-m module`."""
    if arguments[:2] == ["-m", "ipykernel_launcher"]:
        # the kernel ends if the server does (and prints no console notice)
        arguments = [*arguments, f"--IPKernelApp.parent_handle={os.getppid()}"]
    try:
        if arguments[0] == "-m":
            sys.argv = [arguments[1], *arguments[2:]]
            runpy.run_module(arguments[1], run_name="__main__", alter_sys=True)
        else:
            sys.argv = list(arguments)
            sys.path.insert(0, os.path.dirname(os.path.abspath(arguments[0])))
            runpy.run_path(arguments[0], run_name="__main__")
    except SystemExit as end:
        if end.code is None or isinstance(end.code, int):
            return end.code or 0
        print(end.code, file=sys.stderr)
        return 1
    except BaseException:
        import traceback
        traceback.print_exc()
        return 1
    return 0


def run(arguments: list[str]):
    path = os.environ[SOCKET]
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    for _ in range(600):  # the server may still be importing
        try:
            connection.connect(path)
            break
        except (FileNotFoundError, ConnectionRefusedError):
            time.sleep(0.05)
    else:
        sys.exit(f"docsite.kernels: no server at {path}")
    request = {"arguments": arguments, "cwd": os.getcwd(),
               "env": dict(os.environ)}
    socket.send_fds(connection, [(json.dumps(request) + "\n").encode()],
                    [0, 1, 2])
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

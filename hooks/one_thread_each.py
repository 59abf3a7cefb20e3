"""Each of the build's processes runs torch on one thread.

The build runs beside itself on two cores: processes for shares of the
languages, a kernel per lab, a process drawing the figures. A torch that
spreads every operation over all cores then mostly waits for threads that
another process holds (a clean build: 24 s; with one thread each, 18 s).
Set here, at import, before any of them starts or imports torch; an
OMP_NUM_THREADS already set wins. Readers' runs keep torch's default.
"""
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

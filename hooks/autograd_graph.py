"""Draw the worked example's computational graph from the real grad_fn graph.

Runs snippets/autograd/02-pytorch.py, walks `loss.grad_fn` backwards and
writes assets/graphs/neuron.svg: one box per input, operation and result,
with the forward values and the leaves' gradients of that very run.
Change the snippet and the picture follows.
"""
import contextlib
import html
import io
import runpy
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[1]
SNIPPET = ROOT / "snippets" / "autograd" / "02-pytorch.py"
OUT = ROOT / ".cache" / "generated"
SVG = "assets/graphs/neuron.svg"
BOX_W, BOX_H, GAP_X, GAP_Y = 170, 58, 50, 26


def run_example():
    """Run the snippet, recording each operation's result by its grad_fn."""
    import torch
    from torch.overrides import TorchFunctionMode

    class Recorder(TorchFunctionMode):
        results, constants = {}, {}

        def __torch_function__(self, func, types, args=(), kwargs=None):
            out = func(*args, **(kwargs or {}))
            if isinstance(out, torch.Tensor) and out.grad_fn is not None:
                self.results[out.grad_fn] = out.detach().clone()
                self.constants[out.grad_fn] = [
                    a for a in [*args, *(kwargs or {}).values()]
                    if isinstance(a, torch.Tensor) and not a.requires_grad]
            return out

    recorder = Recorder()
    with contextlib.redirect_stdout(io.StringIO()), recorder:
        names = runpy.run_path(str(SNIPPET))
    if "loss" not in names or names["loss"].grad_fn is None:
        raise PluginError(f"{SNIPPET}: the graph needs a tensor `loss` "
                          "with a grad_fn")
    return names, recorder.results, recorder.constants


def name_of(tensor, names):
    return next((n for n, v in names.items() if v is tensor), None)


def graph(names, results, constants):
    nodes, edges = {}, []

    def visit(fn):
        if fn in nodes:
            return
        if type(fn).__name__ == "AccumulateGrad":
            leaf = fn.variable
            name = name_of(leaf, names)
            nodes[fn] = [name, f"{name} = {leaf.item():.4f}",
                         f"∂L/∂{name} = {leaf.grad.item():.4f}"]
        else:
            result = results[fn]
            named = next((n for n, v in names.items()
                          if getattr(v, "grad_fn", None) is fn), None)
            value = f"{named} = " if named else "= "
            nodes[fn] = [type(fn).__name__.removesuffix("Backward0"),
                         value + f"{result.item():.4f}"]
            for constant in constants[fn]:
                key = ("input", name_of(constant, names))
                nodes[key] = [key[1], f"{key[1]} = {constant.item():.4f}"]
                edges.append((key, fn))
        for child, _ in fn.next_functions:
            if child is not None:
                edges.append((child, fn))
                visit(child)

    visit(names["loss"].grad_fn)
    return nodes, edges


def columns(nodes, edges):
    """Left to right: an operation one column after its latest input,
    an input one column before its first use."""
    column = {}

    def depth(node):
        if node not in column:
            inputs = [a for a, b in edges if b == node]
            column[node] = 1 + max(map(depth, inputs), default=-1)
        return column[node]

    for node in nodes:
        depth(node)
    for node in nodes:
        if not any(b == node for a, b in edges):
            column[node] = min(column[b] for a, b in edges if a == node) - 1
    return column


def svg(nodes, edges):
    column = columns(nodes, edges)
    rows, place = {}, {}
    for node in nodes:
        row = rows.get(column[node], 0)
        rows[column[node]] = row + 1
        place[node] = (column[node] * (BOX_W + GAP_X) + 10,
                       row * (BOX_H + GAP_Y) + 10)
    width = (max(column.values()) + 1) * (BOX_W + GAP_X) - GAP_X + 20
    height = max(rows.values()) * (BOX_H + GAP_Y) - GAP_Y + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" '
             'font-family="sans-serif" font-size="13">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" '
             'refY="5" markerWidth="7" markerHeight="7" orient="auto">'
             '<path d="M0,0 L10,5 L0,10 z" fill="#8a8a8a"/></marker></defs>']
    for start, end in edges:
        (x1, y1), (x2, y2) = place[start], place[end]
        parts.append(f'<line x1="{x1 + BOX_W}" y1="{y1 + BOX_H / 2}" '
                     f'x2="{x2}" y2="{y2 + BOX_H / 2}" stroke="#8a8a8a" '
                     'stroke-width="1.5" marker-end="url(#arrow)"/>')
    for node, lines in nodes.items():
        x, y = place[node]
        parts.append(f'<rect x="{x}" y="{y}" width="{BOX_W}" '
                     f'height="{BOX_H}" rx="8" fill="#eef0fb" '
                     'stroke="#3f51b5" stroke-width="1.5"/>')
        for i, line in enumerate(lines):
            weight = ' font-weight="bold"' if i == 0 else ""
            parts.append(f'<text x="{x + BOX_W / 2}" '
                         f'y="{y + 19 + i * 16 - (len(lines) - 2) * 6}" '
                         f'text-anchor="middle" fill="#1b1b2f"{weight}>'
                         f"{html.escape(line)}</text>")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def on_pre_build(config):
    if config.plugins["i18n"].current_language != "en":
        return
    target = OUT / SVG
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(svg(*graph(*run_example())), encoding="utf-8")


@event_priority(-150)
def on_files(files, config):
    files.append(File(SVG, str(OUT), config.site_dir,
                      config.use_directory_urls))
    return files

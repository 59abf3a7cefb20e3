"""Draw computational graphs from the real grad_fn graphs of two snippets.

Runs each snippet in PICTURES, walks `loss.grad_fn` backwards and writes an
SVG: one box per input, parameter, operation and result, with the forward
values (or shapes) and the parameters' gradients of that very run.
Change a snippet and its picture follows. A picture to draw is drawn by
this file run as a script beside the build, forked by docsite.kernels from
a process that has imported torch already; the build copies it into the
site once that process is done.
"""
import contextlib
import hashlib
import html
import io
import runpy
import sys
from pathlib import Path

from docsite import model
from drawn_later import Drawing
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / ".cache" / "generated"
PICTURES = {  # snippet: (svg, drawn top to bottom)
    "snippets/autograd/02-pytorch.py": ("assets/graphs/neuron.svg", False),
    "snippets/backprop/01-training-step.py": ("assets/graphs/network.svg",
                                              True),
}
BOX_H, GAP = 64, 50


def run_example(snippet):
    """Run a snippet, recording each operation's result by its grad_fn and
    each parameter's value when a recorded operation first reads it."""
    import torch
    from torch.overrides import TorchFunctionMode

    class Recorder(TorchFunctionMode):
        results, constants, leaves = {}, {}, {}

        def __torch_function__(self, func, types, args=(), kwargs=None):
            inputs = [a for a in [*args, *(kwargs or {}).values()]
                      if isinstance(a, torch.Tensor)]
            out = func(*args, **(kwargs or {}))
            if isinstance(out, torch.Tensor) and out.grad_fn is not None:
                for tensor in inputs:
                    if tensor.requires_grad and tensor.grad_fn is None:
                        self.leaves.setdefault(tensor,
                                               tensor.detach().clone())
                self.results[out.grad_fn] = out.detach().clone()
                self.constants[out.grad_fn] = [
                    a for a in inputs if not a.requires_grad]
            return out

    recorder = Recorder()
    with contextlib.redirect_stdout(io.StringIO()), recorder:
        names = runpy.run_path(str(ROOT / snippet))
    if "loss" not in names or names["loss"].grad_fn is None:
        raise PluginError(f"{snippet}: the graph needs a tensor `loss` "
                          "with a grad_fn")
    return names, recorder


def tensor_names(names):
    """Name each tensor as the snippet does: a module's parameters by their
    names in the module, other tensors by their global names."""
    import torch
    found = {}
    for value in names.values():
        if isinstance(value, torch.nn.Module):
            for name, parameter in value.named_parameters():
                found.setdefault(parameter, name)
    for name, value in names.items():
        if isinstance(value, torch.Tensor):
            found.setdefault(value, name)
    return found


def amount(tensor, prefix):
    if tensor.numel() == 1:
        return f"{prefix}{tensor.item():.4f}"
    return str(tuple(tensor.shape))


def gradient(name, grad):
    if grad.numel() == 1:
        return f"∂L/∂{name} = {grad.item():.4f}"
    return f"‖∂L/∂{name}‖ = {grad.norm().item():.4f}"


def graph(names, recorder):
    called = tensor_names(names)
    nodes, edges = {}, []

    def visit(fn):
        if fn in nodes:
            return
        if type(fn).__name__ == "AccumulateGrad":
            leaf = fn.variable
            name = called[leaf]
            nodes[fn] = [name, amount(recorder.leaves[leaf], f"{name} = "),
                         gradient(name, leaf.grad)]
        else:
            label = [type(fn).__name__.removesuffix("Backward0")]
            if fn in recorder.results:
                named = next((n for n, v in names.items()
                              if getattr(v, "grad_fn", None) is fn), None)
                label.append(amount(recorder.results[fn],
                                    f"{named} = " if named else "= "))
            nodes[fn] = label
            for constant in recorder.constants.get(fn, []):
                key = ("input", called[constant])
                nodes[key] = [key[1], amount(constant, f"{key[1]} = ")]
                edges.append((key, fn))
        for child, _ in fn.next_functions:
            if child is not None:
                edges.append((child, fn))
                visit(child)

    visit(names["loss"].grad_fn)
    return nodes, edges


def levels(nodes, edges):
    """Each node one level before its earliest consumer, the loss last."""
    level = {}

    def place(node):
        if node not in level:
            level[node] = min((place(b) - 1 for a, b in edges if a == node),
                              default=0)
        return level[node]

    for node in nodes:
        place(node)
    first = min(level.values())
    return {node: value - first for node, value in level.items()}


def svg(nodes, edges, downward):
    box_w = max(170, 20 + 8 * max(len(line) for lines in nodes.values()
                                  for line in lines))
    level = levels(nodes, edges)
    slots = {}
    for node in nodes:
        slots.setdefault(level[node], []).append(node)
    widest = max(map(len, slots.values()))
    step_along, step_across = (BOX_H + GAP, box_w + GAP) if downward else (
        box_w + GAP, BOX_H + GAP / 2)
    place = {}
    for depth in sorted(slots):
        row = slots[depth]

        def across(i):
            return (i + (widest - len(row)) / 2) * step_across + 10

        def under_inputs(item):
            i, node = item
            inputs = [place[a][0 if downward else 1]
                      for a, b in edges if b == node]
            return (sum(inputs) / len(inputs), 0) if inputs else (across(i), 1)

        row = [node for _, node in sorted(enumerate(row), key=under_inputs)]
        for i, node in enumerate(row):
            along = depth * step_along + 10
            place[node] = (across(i), along) if downward else (
                along, across(i))
    width = max(x for x, _ in place.values()) + box_w + 10
    height = max(y for _, y in place.values()) + BOX_H + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" '
             f'height="{height:g}" viewBox="0 0 {width:g} {height:g}" '
             'font-family="sans-serif" font-size="13">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" '
             'refY="5" markerWidth="7" markerHeight="7" orient="auto">'
             '<path d="M0,0 L10,5 L0,10 z" fill="#8a8a8a"/></marker></defs>']
    for start, end in edges:
        (x1, y1), (x2, y2) = place[start], place[end]
        if downward:
            x1, y1, x2 = x1 + box_w / 2, y1 + BOX_H, x2 + box_w / 2
        else:
            x1, y1, y2 = x1 + box_w, y1 + BOX_H / 2, y2 + BOX_H / 2
        parts.append(f'<line x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" '
                     f'y2="{y2:g}" stroke="#8a8a8a" stroke-width="1.5" '
                     'marker-end="url(#arrow)"/>')
    for node, lines in nodes.items():
        x, y = place[node]
        parts.append(f'<rect x="{x:g}" y="{y:g}" width="{box_w}" '
                     f'height="{BOX_H}" rx="8" fill="#eef0fb" '
                     'stroke="#3f51b5" stroke-width="1.5"/>')
        for i, line in enumerate(lines):
            weight = ' font-weight="bold"' if i == 0 else ""
            baseline = y + BOX_H / 2 + 5 + (i - (len(lines) - 1) / 2) * 16
            parts.append(f'<text x="{x + box_w / 2:g}" y="{baseline:g}" '
                         f'text-anchor="middle" fill="#1b1b2f"{weight}>'
                         f"{html.escape(line)}</text>")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def draw(snippet):
    picture, downward = PICTURES[snippet]
    target = OUT / picture
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(svg(*graph(*run_example(snippet)), downward),
                      encoding="utf-8")
    drawn_from(target).write_text(drawing_key(snippet), encoding="utf-8")


def drawn_from(target: Path) -> Path:
    return target.with_name(f"{target.name}.drawn-from")


def is_drawn(snippet) -> bool:
    target = OUT / PICTURES[snippet][0]
    return target.exists() and drawn_from(target).exists() and \
        drawn_from(target).read_text(encoding="utf-8") == drawing_key(snippet)


DRAWING = Drawing(__file__)


def on_pre_build(config):
    default = model.default_language(ROOT / "mkdocs.yml")
    if config.plugins["i18n"].current_language != default:
        return
    stale = [snippet for snippet in PICTURES if not is_drawn(snippet)]
    if stale:
        DRAWING.start(*stale)


def drawing_key(snippet) -> str:
    """A picture is drawn again when its snippet, this hook or torch
    changes (running the snippet costs a second or two of every build)."""
    from importlib.metadata import version

    text = "\0".join([(ROOT / snippet).read_text(encoding="utf-8"),
                      Path(__file__).read_text(encoding="utf-8"),
                      version("torch")])
    return hashlib.sha256(text.encode()).hexdigest()


@event_priority(-150)
def on_files(files, config):
    for picture, _ in PICTURES.values():
        files.append(DRAWING.file(picture, OUT, config))
    return files


@event_priority(-100)
def on_post_build(config):
    """Once the last language is built: mkdocs-static-i18n builds the other
    languages in its own on_post_build, `building` while it does."""
    if not config.plugins["i18n"].building:
        DRAWING.finish()


if __name__ == "__main__":
    for snippet in sys.argv[1:]:
        try:
            draw(snippet)
        except PluginError as error:
            sys.exit(str(error))

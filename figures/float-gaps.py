"""How far apart neighbouring numbers are in float32, bfloat16 and float16,
from 0.001 to 1,000 (log scales): a bfloat16 weight near 1 cannot take a
step smaller than 0.0078."""
import torch

DTYPES = ["float32", "bfloat16", "float16"]


def data():
    """The gap from each value (rounded to the dtype) to the next larger
    number of the dtype: the value's bits plus one."""
    values = torch.logspace(-3, 3, 61, dtype=torch.float64)
    found = {"value": values.tolist()}
    for name in DTYPES:
        dtype = getattr(torch, name)
        bits = torch.int32 if dtype == torch.float32 else torch.int16
        x = values.to(dtype)
        up = (x.view(bits) + 1).view(dtype)
        found[name] = (up.double() - x.double()).tolist()
    return found


def draw(values, text, plt):
    figure, axes = plt.subplots(figsize=(6.4, 3.6))
    for name, colour, style in zip(DTYPES, ["#3f51b5", "#c0392b", "#2e7d32"],
                                   ["-", "--", ":"]):
        axes.plot(values["value"], values[name], color=colour,
                  linestyle=style, label=name)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel(text["value"])
    axes.set_ylabel(text["gap"])
    axes.grid(alpha=0.3, which="major")
    axes.legend()
    axes.set_title(text["title"])
    return figure

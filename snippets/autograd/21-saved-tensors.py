import torch

device = "cuda" if torch.cuda.is_available() else "cpu"


def kept(node):                  # the tensors a graph saved for backward
    names = [name.removeprefix("_saved_") for name in dir(node)
             if name.startswith("_saved_")
             and isinstance(getattr(node, name), torch.Tensor)]
    return names + [name for child, _ in node.next_functions if child
                    for name in kept(child)]


sums = {"(x + 1).sum()": lambda x: (x + 1).sum(),
        "(3 * x).sum()": lambda x: (3 * x).sum(),
        "(x * x).sum()": lambda x: (x * x).sum()}
for label, f in sums.items():
    x = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
    s = f(x)
    saved = kept(s.grad_fn)
    s.backward()
    once = x.grad.tolist()
    try:
        s.backward()
        again = x.grad.tolist()
    except RuntimeError as error:
        again = type(error).__name__
    print(f"{label}  saved: {str(saved):17} x.grad: {once}, again: {again}")

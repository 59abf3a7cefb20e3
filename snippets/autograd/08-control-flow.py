import torch

device = "cuda" if torch.cuda.is_available() else "cpu"


def f(a):
    b = a
    steps = 0
    while b < 10:        # how often it loops depends on the value of a
        b = 2 * b
        steps += 1
    if b > 15:           # and so does the branch it takes
        return b * b, f"{steps} doublings, then b * b"
    return 3 * b, f"{steps} doublings, then 3 * b"


for start in [1.5, 2.0]:
    a = torch.tensor(start, device=device, requires_grad=True)
    out, path = f(a)
    out.backward()
    print(f"a = {start}: {path:26} f = {out.item():5.0f}"
          f"   df/da = {a.grad.item():.0f}")

try:                     # a while or if needs one truth value
    f(torch.tensor([1.5, 2.0], device=device, requires_grad=True))
except RuntimeError as error:
    print(f"a = [1.5, 2.0]: {type(error).__name__}: {error}")

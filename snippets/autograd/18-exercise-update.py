import warnings

import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.tensor([1.1], device=device)
y = torch.tensor([1.0], device=device)


def loss_at(w):
    return F.binary_cross_entropy(torch.sigmoid(x * w), y)


w = torch.tensor([2.2], device=device, requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        for step in range(2):        # the buggy loop
            loss_at(w).backward()
            w = w - 1.0 * w.grad
            print(f"step {step}: w.is_leaf = {w.is_leaf}, "
                  f"w.grad_fn = {type(w.grad_fn).__name__}")
    except TypeError as error:
        print(f"step {step}: TypeError: {error}")
print("warning:", str(caught[0].message).split(". ")[0])

w = torch.tensor([2.2], device=device, requires_grad=True)
for step in range(3):                # the fixed loop
    loss = loss_at(w)
    loss.backward()
    with torch.no_grad():
        w -= 1.0 * w.grad
    w.grad = None
    print(f"step {step}: loss {loss.item():.4f} -> w = {w.item():.4f}")

import warnings

import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.tensor([1.1], device=device)
y = torch.tensor([1.0], device=device)
w = torch.tensor([2.2], device=device, requires_grad=True)
b = torch.tensor([0.0], device=device, requires_grad=True)

z = x * w + b
z.retain_grad()                      # keep dL/dz although z is no leaf
a = torch.sigmoid(z)
loss = F.binary_cross_entropy(a, y)
loss.backward()

for name, t in [("x", x), ("w", w), ("z", z), ("a", a)]:
    node = type(t.grad_fn).__name__ if t.grad_fn else None
    print(f"{name}: is_leaf={t.is_leaf!s:5}  "
          f"requires_grad={t.requires_grad!s:5}  grad_fn={node}")

print("w.grad:", w.grad.cpu())
print("z.grad:", z.grad.cpu())
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("a.grad:", a.grad)
print("warning:", str(caught[0].message).split(". ")[0])

import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.tensor([1.1], device=device)
y = torch.tensor([1.0], device=device)
w = torch.tensor([2.2], device=device, requires_grad=True)
b = torch.tensor([0.0], device=device, requires_grad=True)

loss = F.binary_cross_entropy(torch.sigmoid(x * w + b), y)
loss.backward()

lr = 1.0
try:
    w -= lr * w.grad                 # recorded by autograd: refused
except RuntimeError as error:
    print("without no_grad:", error)

with torch.no_grad():                # nothing in here is recorded
    w -= lr * w.grad
    b -= lr * b.grad
print(f"after one step: w = {w.item():.4f}, b = {b.item():.4f}")
print("w is still a leaf:", w.is_leaf, " requires grad:", w.requires_grad)

with torch.no_grad():
    a = torch.sigmoid(x * w + b)
print(f"prediction under no_grad: {a.item():.4f}, "
      f"requires_grad={a.requires_grad}, grad_fn={a.grad_fn}")
with torch.inference_mode():
    a = torch.sigmoid(x * w + b)
print(f"under inference_mode:     {a.item():.4f}, "
      f"requires_grad={a.requires_grad}, grad_fn={a.grad_fn}")

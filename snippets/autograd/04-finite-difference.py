import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.tensor([1.1], dtype=torch.float64, device=device)
y = torch.tensor([1.0], dtype=torch.float64, device=device)
b = torch.tensor([0.0], dtype=torch.float64, device=device)


def loss_at(w):
    return F.binary_cross_entropy(torch.sigmoid(x * w + b), y)


w = torch.tensor([2.2], dtype=torch.float64, device=device,
                 requires_grad=True)
loss_at(w).backward()

eps = 1e-6
with torch.no_grad():
    numeric = (loss_at(w + eps) - loss_at(w - eps)) / (2 * eps)

print(f"autograd:          {w.grad.item():.8f}")
print(f"finite difference: {numeric.item():.8f}")
print("agree to 1e-8:", abs(w.grad.item() - numeric.item()) < 1e-8)

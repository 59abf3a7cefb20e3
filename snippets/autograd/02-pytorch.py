import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.tensor([1.1], device=device)
y = torch.tensor([1.0], device=device)
w = torch.tensor([2.2], device=device, requires_grad=True)
b = torch.tensor([0.0], device=device, requires_grad=True)

z = x * w + b
a = torch.sigmoid(z)
loss = F.binary_cross_entropy(a, y)
loss.backward()

print(f"loss: {loss.item():.4f}")
print(w.grad.cpu())
print(b.grad.cpu())

import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.tensor([1.1], device=device)
y = torch.tensor([1.0], device=device)
w = torch.tensor([2.2], device=device, requires_grad=True)
b = torch.tensor([0.0], device=device, requires_grad=True)

loss = F.binary_cross_entropy(torch.sigmoid(x * w + b), y)
grad_w, grad_b = torch.autograd.grad(loss, (w, b))

print(grad_w.cpu(), grad_b.cpu())
print(w.grad)

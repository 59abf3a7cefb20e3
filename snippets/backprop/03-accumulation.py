import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
w = torch.tensor([2.0], device=device, requires_grad=True)

(3 * w).sum().backward()
print(w.grad.cpu())
(3 * w).sum().backward()
print(w.grad.cpu())

w.grad = None
(3 * w).sum().backward()
print(w.grad.cpu())

import torch

w = torch.tensor([2.0], requires_grad=True)

(3 * w).sum().backward()
print(w.grad)
(3 * w).sum().backward()
print(w.grad)

w.grad = None
(3 * w).sum().backward()
print(w.grad)

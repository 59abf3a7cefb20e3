import torch
import torch.nn.functional as F

x = torch.tensor([1.1])
y = torch.tensor([1.0])
w = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)

loss = F.binary_cross_entropy(torch.sigmoid(x * w + b), y)
grad_w, grad_b = torch.autograd.grad(loss, (w, b))

print(grad_w, grad_b)
print(w.grad)

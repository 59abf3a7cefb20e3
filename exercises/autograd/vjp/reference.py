import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
A = torch.tensor([[1.0, 2.0], [0.0, 3.0]], device=device)
x = torch.tensor([1.0, -1.0], device=device, requires_grad=True)
y = A @ x
v = torch.tensor([1.0, 10.0], device=device)
# Your code: let autograd compute the vector-Jacobian product v^T J of y
# at x, and keep the result (shape (2,)) in vjp.
y.backward(v)
vjp = x.grad

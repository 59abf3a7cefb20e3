import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
A = torch.tensor([[1.0, 2.0], [3.0, 4.0]], device=device)
x = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
rows = []
for i in range(2):
    y = A @ x + x ** 2
    v = torch.zeros(2, device=device)
    v[i] = 1.0
    # Your code: add row i of the Jacobian dy/dx to rows, from one backward.
    ...
jacobian = ...   # Your code: the (2, 2) Jacobian, row i the gradient of y[i]

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)

y = torch.cumsum(x, dim=0)           # [x0, x0 + x1, x0 + x1 + x2]
y.backward(gradient=torch.ones_like(y))
print("x.grad:", x.grad.cpu())

jacobian = torch.autograd.functional.jacobian(
    lambda t: torch.cumsum(t, dim=0), x)
print("Jacobian:")
print(jacobian.cpu())
print("column sums:", jacobian.sum(dim=0).cpu())

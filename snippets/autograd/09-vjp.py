import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)

y = x**2                             # three outputs, not one number
try:
    y.backward()
except RuntimeError as error:
    print("y.backward():", error)

total = (x**2).sum(dim=0, keepdim=True)   # one element, shape (1,)
total.backward()                          # no gradient= needed
print(f"shape {tuple(total.shape)}, x.grad:", x.grad.cpu())
x.grad = None

y.backward(gradient=torch.ones_like(y))
print("x.grad, v = [1, 1, 1]:     ", x.grad.cpu())

x.grad = None
y = x**2                             # a fresh forward pass
v = torch.tensor([1.0, 0.1, 0.01], device=device)
y.backward(gradient=v)
print("x.grad, v = [1, 0.1, 0.01]:", x.grad.cpu())

jacobian = torch.autograd.functional.jacobian(lambda t: t**2, x)
print("Jacobian J:")
print(jacobian.cpu())
print("v @ J:                     ", (v @ jacobian).cpu())

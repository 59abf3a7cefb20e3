import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.tensor(1.5, dtype=torch.float64, device=device, requires_grad=True)
y = x ** 3
dy, = torch.autograd.grad(y, x, create_graph=True)  # 3x², with its graph
d2y, = torch.autograd.grad(dy, x)                    # 6x
print(f"dy/dx   = {dy.item():.4f}   3x^2 = {3 * 1.5 ** 2:.4f}")
print(f"d2y/dx2 = {d2y.item():.4f}   6x   = {6 * 1.5:.4f}")

torch.manual_seed(0)
X = torch.randn(8, 3, dtype=torch.float64).to(device)
t = torch.randn(8, dtype=torch.float64).to(device)
w = torch.zeros(3, dtype=torch.float64, device=device, requires_grad=True)
v = torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64, device=device)
loss = ((X @ w - t) ** 2).mean()
plain, = torch.autograd.grad(loss, w, retain_graph=True)
g, = torch.autograd.grad(loss, w, create_graph=True)
print("the gradient has a graph of its own:", plain.requires_grad,
      "by default,", g.requires_grad, "with create_graph=True")
hv, = torch.autograd.grad(g @ v, w)  # d(g . v)/dw = H v, no H formed
H = 2 * X.T @ X / len(t)             # the Hessian of this loss, by hand
print("H v, double backward:", [round(n, 4) for n in hv.tolist()])
print("H v, Hessian by hand:", [round(n, 4) for n in (H @ v).tolist()])
print("equal (rtol 1e-12):", torch.allclose(hv, H @ v, rtol=1e-12, atol=0))

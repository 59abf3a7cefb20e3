def autograd_gradient():
    return torch.autograd.grad(loss, h, retain_graph=True)[0]


check("backprop/hidden-gradient", [
    ("todo", lambda: isinstance(d_h, torch.Tensor)),
    ("shape", lambda: d_h.shape == (1, 3)),
    ("transposed", lambda: not torch.allclose(
        d_h, (2 * (out - y) @ W2).detach())),
    ("square-factor", lambda: not torch.allclose(
        2 * d_h, autograd_gradient())),
    ("values", lambda: torch.allclose(d_h, autograd_gradient())),
])

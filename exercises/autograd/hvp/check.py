def hessian():
    """The Hessian of w0² w1 + exp(w1), by hand, at w."""
    a, b = w.tolist()
    return torch.tensor([[2 * b, 2 * a], [2 * a, torch.exp(w[1]).item()]],
                        dtype=torch.float64, device=device)


def gradient():
    a, b = w.tolist()
    return torch.tensor([2 * a * b, a * a + torch.exp(w[1]).item()],
                        dtype=torch.float64, device=device)


check("autograd/hvp", [
    ("todo", lambda: isinstance(hv, torch.Tensor)),
    ("shape", lambda: hv.shape == (2,)),
    ("gradient-times-v", lambda: not torch.allclose(hv, gradient() * v)),
    ("sum-times-v", lambda: not torch.allclose(
        hv, hessian() @ torch.ones_like(v) * v)),
    ("values", lambda: torch.allclose(hv, hessian() @ v)),
])

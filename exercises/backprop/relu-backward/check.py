check("backprop/relu-backward", [
    ("todo", lambda: isinstance(grad_W1, torch.Tensor)),
    ("shape", lambda: grad_W1.shape == (2, 3)),
    ("relu-mask", lambda: (grad_W1[:, 1] == 0).all()),
    ("square-factor", lambda: not torch.allclose(
        2 * grad_W1, torch.autograd.grad(loss, W1, retain_graph=True)[0])),
    ("values", lambda: torch.allclose(
        grad_W1, torch.autograd.grad(loss, W1, retain_graph=True)[0])),
])

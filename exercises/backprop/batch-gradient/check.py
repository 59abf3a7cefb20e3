def autograd_gradient():
    return torch.autograd.grad(loss, w, retain_graph=True)[0]


check("backprop/batch-gradient", [
    ("todo", lambda: isinstance(by_hand, torch.Tensor)),
    ("shape", lambda: by_hand.shape == (2,)),
    ("sum-not-mean", lambda: not torch.allclose(
        by_hand, len(y) * autograd_gradient())),
    ("square-factor", lambda: not torch.allclose(
        by_hand, autograd_gradient() / 2)),
    ("values", lambda: torch.allclose(by_hand, autograd_gradient())),
])

check("autograd/freeze", [
    ("todo", lambda: not all(p.requires_grad for p in model.parameters())),
    ("shape", lambda: last.weight.shape == (1, 4)),
    ("wrong-layer", lambda: all(p.grad is not None
                                for p in last.parameters())),
    ("bias", lambda: all(p.grad is None for p in first.parameters())),
    ("frozen", lambda: not any(p.requires_grad for p in first.parameters())),
])

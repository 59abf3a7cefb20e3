def at(temperature):
    return torch.softmax(next_logits / temperature, dim=-1)


check("lab-pretraining/temperature", [
    ("todo", lambda: isinstance(heated, torch.Tensor)),
    ("shape", lambda: heated.shape == (4,)),
    ("after-softmax", lambda: abs(heated.sum().item() - 1) < 1e-5),
    ("times", lambda: not torch.allclose(heated, at(1 / heat))),
    ("values", lambda: torch.allclose(heated, at(heat))),
])

check("tensors/mse-shapes", [
    ("todo", lambda: isinstance(loss, torch.Tensor)),
    ("scalar", lambda: loss.shape == ()),
    ("broadcast", lambda: abs(loss.item() - 7 / 3) > 1e-4),
    ("sum", lambda: abs(loss.item() - 5.0) > 1e-4),
    ("value", lambda: abs(loss.item() - 5 / 3) < 1e-4),
])

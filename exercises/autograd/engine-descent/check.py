def torch_weights(clear):
    """w and b after 3 steps of SGD in torch, with or without zero_grad()."""
    params = torch.tensor([0.5, 0.0], dtype=torch.float64, device=device,
                          requires_grad=True)
    optimizer = torch.optim.SGD([params], lr=0.05)
    for _ in range(3):
        if clear:
            optimizer.zero_grad()
        ((params[0] * x + params[1] - y) ** 2).backward()
        optimizer.step()
    return params.tolist()


check("autograd/engine-descent", [
    ("todo", lambda: (w.data, b.data) != (0.5, 0.0)),
    ("scalar", lambda: isinstance(w.data, float)
     and isinstance(b.data, float)),
    ("ascent", lambda: losses[1] < losses[0]),
    ("no-zero", lambda: max(abs(w.data - torch_weights(False)[0]),
                            abs(b.data - torch_weights(False)[1])) > 1e-9),
    ("values", lambda: max(abs(w.data - torch_weights(True)[0]),
                           abs(b.data - torch_weights(True)[1])) < 1e-9),
])

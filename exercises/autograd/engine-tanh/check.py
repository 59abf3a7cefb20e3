def slopes():
    """dout/dw for out = tanh(1.5 w) * w at w = 0.7: the engine's, torch's."""
    w = Value(0.7)
    ((w * 1.5).tanh() * w).backward()
    w_torch = torch.tensor(0.7, dtype=torch.float64, device=device,
                           requires_grad=True)
    (torch.tanh(w_torch * 1.5) * w_torch).backward()
    return w.grad, w_torch.grad.item()


check("autograd/engine-tanh", [
    ("todo", lambda: isinstance(Value(0.5).tanh(), Value)),
    ("scalar", lambda: abs(Value(0.5).tanh().data - math.tanh(0.5)) < 1e-12),
    ("no-parent", lambda: len(Value(0.5).tanh().parents) == 1),
    ("input-derivative", lambda: abs(
        Value(0.5).tanh().local_grads[0] - 0.75) > 1e-9),
    ("slope", lambda: abs(slopes()[0] - slopes()[1]) < 1e-9),
])

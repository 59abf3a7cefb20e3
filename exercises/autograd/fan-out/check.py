check("autograd/fan-out", [
    ("todo", lambda: isinstance(by_hand, (int, float))),
    ("scalar", lambda: float(by_hand) == by_hand),
    ("direct-only", lambda: by_hand != b.item()),
    ("through-b-only", lambda: by_hand != 2 * a.item() ** 2),
    ("value", lambda: abs(by_hand - torch.autograd.grad(
        c, a, retain_graph=True)[0].item()) < 1e-6),
])

check("tensors/last-token", [
    ("todo", lambda: isinstance(last, torch.Tensor)),
    ("shape", lambda: last.shape == (3, 5)),
    ("padding", lambda: not last[1].eq(logits[1, -1]).all()),
    ("one-past", lambda: not last[1].eq(logits[1, 1]).all()),
    ("values", lambda: all(last[b].eq(logits[b, n - 1]).all()
                           for b, n in enumerate(lengths.tolist()))),
])

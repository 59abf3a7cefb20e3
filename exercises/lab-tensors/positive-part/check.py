check("lab-tensors/positive-part", [
    ("todo", lambda: isinstance(positive, torch.Tensor)),
    ("shape", lambda: positive.shape == (5, 5)),
    ("table-changed", lambda: torch.equal(table, torch.outer(steps, steps))),
    ("negative-kept", lambda: (positive >= 0).all()),
    ("values", lambda: torch.equal(positive[table > 0], table[table > 0])
     and (positive[table <= 0] == 0).all()),
])

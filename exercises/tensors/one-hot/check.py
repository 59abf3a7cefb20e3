check("tensors/one-hot", [
    ("todo", lambda: isinstance(one_hot, torch.Tensor)),
    ("shape", lambda: one_hot.shape == (len(ids), vocabulary)),
    ("dtype", lambda: one_hot.dtype == torch.float32),
    ("whole-columns", lambda: (one_hot.sum(dim=1) == 1).all()),
    ("not-at-id", lambda: (one_hot.argmax(dim=1) == ids).all()),
])

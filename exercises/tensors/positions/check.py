check("tensors/positions", [
    ("todo", lambda: isinstance(positions, torch.Tensor)),
    ("shape", lambda: positions.shape == (batch, length)),
    ("dtype", lambda: positions.dtype == torch.int64),
    ("device", lambda: positions.device.type == torch.device(device).type),
    ("across-batch", lambda: (positions == positions[:1]).all()),
    ("starts-at-one", lambda: positions[0, 0] == 0),
    ("values", lambda: positions[0].tolist() == list(range(length))),
])

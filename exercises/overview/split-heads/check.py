check("overview/split-heads", [
    ("todo", lambda: isinstance(per_head, torch.Tensor)),
    ("shape", lambda: per_head.shape == (batch, heads, length, head_size)),
    ("view-order", lambda: per_head[0, 0, 1, 0] == x[0, 1, 0]),
    ("head-last", lambda: per_head[0, 1, 0, 0] == x[0, 0, 5]),
    ("values", lambda: all(torch.equal(per_head[:, h], x[..., h * 5:h * 5 + 5])
                           for h in range(heads))),
])

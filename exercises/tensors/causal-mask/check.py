check("tensors/causal-mask", [
    ("todo", lambda: isinstance(masked, torch.Tensor)),
    ("shape", lambda: masked.shape == scores.shape),
    ("diagonal", lambda: masked.diagonal().isfinite().all()),
    ("past", lambda: masked.tril(diagonal=-1).isfinite().all()),
    ("future", lambda: masked.triu(diagonal=1).eq(float("-inf")).sum() == 6),
    ("scores", lambda: masked.tril().eq(scores.tril()).all()),
])

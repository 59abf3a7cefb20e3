check("tensors/masked-mean", [
    ("todo", lambda: isinstance(pooled, torch.Tensor)),
    ("shape", lambda: pooled.shape == (2, 2)),
    ("dtype", lambda: pooled.dtype == torch.float32),
    ("whole-batch", lambda: not torch.allclose(
        pooled[1].cpu(), torch.tensor([5.0, 6.0]) / 3)),
    ("padding", lambda: not torch.allclose(
        pooled[1].cpu(), torch.tensor([5.0, 6.0]) / 4)),
    ("values", lambda: torch.allclose(
        pooled.cpu(), torch.tensor([[2.0, 3.0], [5.0, 6.0]]))),
])

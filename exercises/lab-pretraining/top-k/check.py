check("lab-pretraining/top-k", [
    ("todo", lambda: isinstance(kept, torch.Tensor)),
    ("shape", lambda: kept.shape == (5,)),
    ("zero-logits", lambda: (kept > 0).sum().item() <= keep),
    ("smallest", lambda: kept[1].item() > 0),
    ("values", lambda: torch.allclose(kept, torch.tensor(
        [0.0, 0.7311, 0.0, 0.2689, 0.0], device=kept.device), atol=1e-4)),
])

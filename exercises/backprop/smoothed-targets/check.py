def autograd_gradient():
    return torch.autograd.grad(loss, logits, retain_graph=True)[0]


def hard_targets():
    return F.one_hot(targets, 4).to(logits.dtype)


check("backprop/smoothed-targets", [
    ("todo", lambda: isinstance(q, torch.Tensor)
     and isinstance(by_hand, torch.Tensor)),
    ("shape", lambda: q.shape == (2, 4) and by_hand.shape == (2, 4)),
    ("hard-targets", lambda: not torch.allclose(q.to(logits.dtype),
                                                hard_targets())),
    ("not-distribution", lambda: torch.allclose(
        q.sum(dim=1).to(logits.dtype), torch.ones(2, device=q.device))),
    ("others-only", lambda: not torch.allclose(
        q.to(logits.dtype).max(dim=1).values,
        torch.full((2,), 0.9, device=q.device))),
    ("values", lambda: torch.allclose(by_hand, autograd_gradient())),
])

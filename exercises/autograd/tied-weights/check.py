check("autograd/tied-weights", [
    ("todo", lambda: isinstance(by_hand, torch.Tensor)),
    ("shape", lambda: by_hand.shape == (2, 2)),
    ("first-use-only", lambda: not torch.equal(
        by_hand.cpu(), x.cpu().expand(2, 2))),
    ("second-use-only", lambda: not torch.equal(
        by_hand.cpu(), 2 * W.detach().cpu())),
    ("values", lambda: torch.allclose(by_hand, torch.autograd.grad(
        loss, W, retain_graph=True)[0])),
])

def mean_of_minus_log_probabilities():
    picked = logits.log_softmax(dim=-1).gather(-1, targets[..., None])
    return -picked.mean().item()


check("overview/next-token-loss", [
    ("todo", lambda: isinstance(loss, torch.Tensor)),
    ("scalar", lambda: loss.shape == ()),
    ("not-log-probs", lambda: abs(loss.item() + logits.gather(
        -1, targets[..., None]).mean().item()) > 1e-6),
    ("last-only", lambda: abs(loss.item() - F.cross_entropy(
        logits[:, -1], targets[:, -1]).item()) > 1e-6),
    ("value", lambda: abs(loss.item() - mean_of_minus_log_probabilities())
     < 1e-5),
])

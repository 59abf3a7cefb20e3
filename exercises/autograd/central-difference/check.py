def autograd_slope():
    w_ = torch.tensor(w, dtype=torch.float64, device=device,
                      requires_grad=True)
    a = torch.sigmoid(1.1 * w_)
    return torch.autograd.grad(-torch.log(a), w_)[0].item()


check("autograd/central-difference", [
    ("todo", lambda: isinstance(estimate, torch.Tensor)),
    ("shape", lambda: estimate.shape == ()),
    ("dtype", lambda: estimate.dtype == torch.float64),
    ("twice", lambda: abs(estimate.item() / autograd_slope() - 2) > 0.01),
    ("one-sided", lambda: abs(estimate.item() - autograd_slope()) < 1e-8),
])

def loss_at(z):
    a = torch.sigmoid(torch.tensor([z], device=device))
    return F.binary_cross_entropy(a, label).item()


check("lab-autograd/tangent", [
    ("todo", lambda: isinstance(predicted, torch.Tensor)),
    ("shape", lambda: predicted.numel() == 1),
    ("no-step", lambda: abs(predicted.item() - loss_here.item()) < 0.05),
    ("uphill", lambda: predicted.item() < loss_here.item()),
    ("values", lambda: abs(predicted.item() - loss_at(2.42 + h)) < 1e-3),
])

def mean_over_examples():
    with torch.no_grad():
        x, t = data.tensors
        return ((model(x.to(device)) - t.to(device)) ** 2).mean().item()


check("backprop/epoch-loss", [
    ("todo", lambda: total != 0.0),
    ("scalar", lambda: torch.tensor(epoch_loss).shape == ()),
    ("keeps-graph", lambda: isinstance(epoch_loss, float)),
    ("unweighted", lambda: abs(epoch_loss - mean_over_examples()) < 1e-4),
])

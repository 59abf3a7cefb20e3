import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1)).to(device)
x = torch.randn(16, 4).to(device)
y = (100 * torch.randn(16, 1)).to(device)  # targets far off: a large loss
nn.functional.mse_loss(model(x), y).backward()


def all_gradients():  # every gradient of the model, as one long vector
    return torch.cat([p.grad.flatten() for p in model.parameters()])


before = all_gradients()
total = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
after = all_gradients()
print(f"clip_grad_norm_ returns: {total.item():.4g}")
print(f"norm before, by hand:    {before.norm().item():.4g}")
print(f"norm after clipping:     {after.norm().item():.4g}")
print("same direction (atol 1e-6):", torch.allclose(
    after, before / before.norm(), atol=1e-6))

import torch
import torch.nn.functional as F
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
x = torch.randn(512, 16).to(device)
y = (x[:, :8].sum(dim=1) > x[:, 8:].sum(dim=1)).float().unsqueeze(1)
start = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 1))


def train(mixed):
    model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 1))
    model.load_state_dict(start.state_dict())  # the same start for both
    model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
    for step in range(30):
        optimizer.zero_grad()
        with torch.autocast(device_type=device, dtype=torch.bfloat16,
                            enabled=mixed):
            logits = model(x)  # the matrix products run in bfloat16
        loss = F.binary_cross_entropy_with_logits(logits.float(), y)
        loss.backward()
        optimizer.step()  # updates the float32 weights
    weight = model[0].weight
    print(f"{'autocast' if mixed else 'float32':8}  logits: {logits.dtype}"
          f"  weights: {weight.dtype}  gradients: {weight.grad.dtype}")
    return loss.item()


full, mixed = train(mixed=False), train(mixed=True)
print(f"loss after 30 steps in float32: {full:.3g}")
print("with autocast, within 5% of it:", abs(mixed - full) < 0.05 * full)

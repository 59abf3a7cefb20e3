import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
model = nn.Linear(3, 1).to(device)
x = torch.randn(8, 3).to(device)  # a batch of 8 examples
y = torch.tensor([[1.0], [0.0]] * 4, device=device)

grads = {}
for reduction in ["mean", "sum"]:
    model.zero_grad()
    loss_fn = nn.BCEWithLogitsLoss(reduction=reduction)
    loss_fn(model(x), y).backward()
    grads[reduction] = model.weight.grad.clone()

ratio = (grads["sum"] / grads["mean"]).flatten().tolist()
print("sum gradient / mean gradient:", [f"{r:.4f}" for r in ratio])

# %% setup
import matplotlib.pyplot as plt
import torch
from torch import nn, optim

plt.rcParams["font.family"] = ["DejaVu Sans", "Noto Sans CJK SC"]

torch.manual_seed(0)
inputs = torch.randn(256, 10)
targets = (inputs[:, :3].sum(dim=1, keepdim=True) > 0).float()
print(inputs.shape, targets.shape, targets.mean().item())

# %% model
class SimpleNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 5)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(5, 1)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        return self.sigmoid(self.fc2(self.relu(self.fc1(x))))


model = SimpleNet()
print(sum(p.numel() for p in model.parameters()), "parameters")

# %% train
criterion = nn.BCELoss()
optimizer = optim.SGD(model.parameters(), lr=0.5)
curve = []
for step in range(300):
    optimizer.zero_grad()
    loss = criterion(model(inputs), targets)
    loss.backward()
    optimizer.step()
    curve.append(loss.item())
accuracy = ((model(inputs) > 0.5).float() == targets).float().mean()
print(f"loss: {curve[0]:.3f} -> {curve[-1]:.3f}")
print(f"accuracy: {accuracy.item():.1%}")

# %% plot
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(curve)
ax.set_title(TEXT["curve_title"])
ax.set_xlabel(TEXT["step"])
ax.set_ylabel(TEXT["loss"])
plt.show()

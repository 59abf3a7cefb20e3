# %% setup
import matplotlib.pyplot as plt
import torch
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset, random_split

plt.rcParams["font.family"] = ["DejaVu Sans", "Noto Sans CJK SC"]

torch.manual_seed(0)
inputs = torch.randn(1000, 10)
targets = (inputs[:, :3].sum(dim=1, keepdim=True) > 0).float()
print(inputs.shape, targets.shape)
print(f"share of ones: {targets.mean().item():.3f}")

# %% split
dataset = TensorDataset(inputs, targets)
train_set, val_set = random_split(
    dataset, [800, 200], generator=torch.Generator().manual_seed(0))
train_loader = DataLoader(train_set, batch_size=32, shuffle=True,
                          generator=torch.Generator().manual_seed(0))
val_loader = DataLoader(val_set, batch_size=100)
features, labels = next(iter(train_loader))
print(len(train_set), "training and", len(val_set), "validation examples")
print(len(train_loader), "batches per epoch, each", tuple(features.shape))

# %% model
class SimpleNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 5)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(5, 1)

    def forward(self, x):
        return self.fc2(self.relu(self.fc1(x)))  # a logit, no sigmoid


torch.manual_seed(0)
model = SimpleNet()
print(sum(p.numel() for p in model.parameters()), "parameters")
with torch.no_grad():
    logits = model(inputs[:3])
print("logits:       ", logits.squeeze(1))
print("probabilities:", torch.sigmoid(logits).squeeze(1))

# %% evaluate
criterion = nn.BCEWithLogitsLoss()          # takes logits


def evaluate(model, loader):
    model.eval()
    total_loss, correct = 0.0, 0
    with torch.no_grad():
        for features, labels in loader:
            logits = model(features)
            total_loss += criterion(logits, labels).item() * len(labels)
            correct += ((logits > 0).float() == labels).sum().item()
    count = len(loader.dataset)
    return total_loss / count, correct / count


val_loss, val_accuracy = evaluate(model, val_loader)
print(f"before training: validation loss {val_loss:.3f}, "
      f"accuracy {val_accuracy:.1%}")

# %% train
optimizer = optim.AdamW(model.parameters(), lr=0.01)
train_losses, val_losses = [], []
for epoch in range(1, 21):
    model.train()
    total = 0.0
    for features, labels in train_loader:
        optimizer.zero_grad()
        loss = criterion(model(features), labels)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(labels)
    train_losses.append(total / len(train_set))
    val_loss, val_accuracy = evaluate(model, val_loader)
    val_losses.append(val_loss)
    if epoch % 5 == 0:
        print(f"epoch {epoch:2d}: training loss {train_losses[-1]:.3f}, "
              f"validation loss {val_loss:.3f}, "
              f"validation accuracy {val_accuracy:.1%}")

# %% plot
fig, ax = plt.subplots(figsize=(6, 3.5))
epochs = range(1, len(train_losses) + 1)
ax.plot(epochs, train_losses, marker="o", markersize=3, label=TEXT["train"])
ax.plot(epochs, val_losses, marker="o", markersize=3,
        label=TEXT["validation"])
ax.set_title(TEXT["curve_title"])
ax.set_xlabel(TEXT["epoch"])
ax.set_xticks(range(0, len(epochs) + 1, 5))
ax.set_ylabel(TEXT["loss"])
ax.legend()
plt.show()

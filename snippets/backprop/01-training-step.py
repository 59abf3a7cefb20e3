import torch
from torch import nn, optim


class SimpleNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 5)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(5, 1)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        return self.sigmoid(self.fc2(self.relu(self.fc1(x))))


device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(137)
model = SimpleNet().to(device)
criterion = nn.BCELoss()
optimizer = optim.SGD(model.parameters(), lr=0.01)
inputs = torch.randn(1, 10).to(device)
target = torch.tensor([[1.0]], device=device)

optimizer.zero_grad()
loss = criterion(model(inputs), target)
loss.backward()
optimizer.step()

print(f"loss: {loss.item():.4f}")
for name, param in model.named_parameters():
    print(name, tuple(param.grad.shape))
    print(param.grad.cpu())

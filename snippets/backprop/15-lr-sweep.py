import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
x = torch.randn(256, 8)
y = x @ torch.randn(8, 1) + 0.1 * torch.randn(256, 1)  # a linear target
x, y = x.to(device), y.to(device)

final = {}
for lr in [10 ** (k / 4) for k in range(-12, 1)]:  # 0.001 to 1
    torch.manual_seed(1)  # the same initial weights for every run
    model = torch.nn.Linear(8, 1).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for step in range(10):
        optimizer.zero_grad()
        loss = F.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
    final[lr] = F.mse_loss(model(x), y).item()
    print(f"lr {lr:<7.3g} loss after 10 steps: {final[lr]:.3g}")
print(f"best: {min(final, key=final.get):.3g}")

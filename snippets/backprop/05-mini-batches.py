import torch
from torch import nn, optim

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
x = torch.randn(256, 10)
y = (x[:, :3].sum(dim=1, keepdim=True) > 0).float()
x_train, y_train = x[:192].to(device), y[:192].to(device)
x_val, y_val = x[192:].to(device), y[192:].to(device)

model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1))
model = model.to(device)
loss_fn = nn.BCEWithLogitsLoss()  # the mean over the batch
optimizer = optim.SGD(model.parameters(), lr=0.5)
shuffler = torch.Generator().manual_seed(1)  # a seeded CPU generator
batch_size = 32

for epoch in range(1, 6):
    model.train()
    order = torch.randperm(len(x_train), generator=shuffler).to(device)
    batches = order.split(batch_size)
    total = 0.0
    for batch in batches:
        optimizer.zero_grad()
        loss = loss_fn(model(x_train[batch]), y_train[batch])
        loss.backward()
        optimizer.step()
        total += loss.item() * len(batch)
    mean = total / len(x_train)
    print(f"epoch {epoch}: {len(batches)} steps, training loss {mean:.4f}")

model.eval()
with torch.no_grad():
    logits = model(x_val)
    val_loss = loss_fn(logits, y_val).item()
    accuracy = ((logits > 0).float() == y_val).float().mean().item()
print(f"validation: loss {val_loss:.4f}, accuracy {accuracy:.1%}")

import torch
from torch.utils.data import DataLoader, TensorDataset

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.zeros(250, 10, device=device)
y = torch.zeros(250, 1, device=device)
data = TensorDataset(x, y)
shuffler = torch.Generator().manual_seed(0)

loader = DataLoader(data, batch_size=32, shuffle=True, generator=shuffler)
print("batches per epoch:", len(loader))
print("batch sizes:", [len(xb) for xb, yb in loader])
print("steps in 5 epochs:", 5 * len(loader))

strict = DataLoader(data, batch_size=32, shuffle=True, drop_last=True,
                    generator=shuffler)
print("with drop_last=True:", [len(xb) for xb, yb in strict])

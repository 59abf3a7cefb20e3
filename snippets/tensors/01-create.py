import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
scalar = torch.tensor(5, device=device)
vector = torch.tensor([5, 1], device=device)
matrix = torch.tensor([[1, 3], [5, 2]], device=device)
cube = torch.tensor([[[1, 2], [3, 4]],
                     [[5, 6], [7, 8]]], device=device)

for name, t in [("scalar", scalar), ("vector", vector),
                ("matrix", matrix), ("cube", cube)]:
    print(f"{name:7} rank {t.ndim}  shape {tuple(t.shape)}")
print(cube.cpu())

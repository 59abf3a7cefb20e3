import torch

scalar = torch.tensor(5)
vector = torch.tensor([5, 1])
matrix = torch.tensor([[1, 3], [5, 2]])
batch = torch.tensor([[[1, 2], [3, 4]],
                      [[5, 6], [7, 8]]])

for name, t in [("scalar", scalar), ("vector", vector),
                ("matrix", matrix), ("batch", batch)]:
    print(f"{name:7} rank {t.ndim}  shape {tuple(t.shape)}")
print(batch)

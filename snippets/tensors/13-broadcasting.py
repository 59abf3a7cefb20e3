import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
column = torch.tensor([[0], [10], [20]], device=device)   # shape (3, 1)
row = torch.tensor([1, 2, 3, 4], device=device)           # shape (4,)
table = column + row
print(tuple(column.shape), "+", tuple(row.shape), "->", tuple(table.shape))
print(table.cpu())

stretched = row.expand(3, 4)     # what broadcasting does to row
print(stretched.stride(), stretched.data_ptr() == row.data_ptr())

x = torch.tensor([[1, 2, 3],
                  [4, 5, 6]], device=device)               # 2 examples
bias = torch.tensor([10, 20, 30], device=device)           # one per column
print((x + bias).cpu())

print(torch.broadcast_shapes((5, 1, 4), (3, 1)))
try:
    torch.ones(3, device=device) + torch.ones(4, device=device)
except RuntimeError as error:
    print("RuntimeError:", error)

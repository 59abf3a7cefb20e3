import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
embedding = nn.Embedding(10, 4).to(device)   # 10 tokens, 4 numbers each

ids = torch.tensor([[3, 1, 4],
                    [1, 5, 9]], device=device)   # 2 sequences of 3 IDs
vectors = embedding(ids)
print(ids.dtype, tuple(ids.shape), "->", vectors.dtype, tuple(vectors.shape))
print(torch.equal(vectors[1, 2], embedding.weight[9]))

try:
    torch.tensor([3, 1, 4], device=device, requires_grad=True)
except RuntimeError as error:
    print("RuntimeError:", error)

vectors.sum().backward()
print(embedding.weight.grad[:, 0].cpu())

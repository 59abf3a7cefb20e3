import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
counts = torch.tensor([[1.0, 1.0, 2.0],
                       [3.0, 0.0, 1.0],
                       [2.0, 2.0, 4.0]], device=device)

print("row sums of counts:", counts.sum(dim=1).tolist())
wrong = counts / counts.sum(dim=1)                  # (3, 3) / (3,)
right = counts / counts.sum(dim=1, keepdim=True)    # (3, 3) / (3, 1)
print(wrong.cpu())
print("row sums:", wrong.sum(dim=1).tolist())
print(right.cpu())
print("row sums:", right.sum(dim=1).tolist())

import torch

with torch.device("meta"):  # shapes and sizes only, nothing allocated
    scores = torch.empty(4, 12, 1024, 1024)  # batch, heads, queries, keys
print("scores:", tuple(scores.shape))
print(f"{scores.numel():,} numbers")
mib = scores.numel() * scores.element_size() / 2**20
print(f"float32: {mib:,.0f} MiB per layer, {12 * mib / 1024:.2f} GiB for 12")

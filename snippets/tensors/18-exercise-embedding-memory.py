import torch
from torch import nn

with torch.device("meta"):          # shapes and dtypes only, no memory
    embedding = nn.Embedding(50_257, 768)      # GPT-2's token embedding
    ids = torch.zeros(8, 1024, dtype=torch.int64)   # 8 sequences of 1,024

weights = embedding.weight
print(f"{weights.numel():,} numbers,"
      f" {weights.numel() / 124_412_160:.1%} of GPT-2 small")
for dtype in [torch.float32, torch.bfloat16]:
    size = weights.to(dtype).element_size()
    print(f"{str(dtype):15} {weights.numel() * size:>12,} bytes")
print(f"token IDs {tuple(ids.shape)}: {ids.numel() * ids.element_size():,}"
      " bytes")

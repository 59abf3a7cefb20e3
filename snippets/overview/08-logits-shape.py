import math

import torch

with torch.device("meta"):  # shapes and sizes only, no memory
    logits = torch.empty(4, 1024, 50257)
    flat = logits.reshape(-1, 50257)
print("logits:", tuple(logits.shape))
print("for F.cross_entropy:", tuple(flat.shape))
print(f"size in float32: {logits.numel() * logits.element_size() / 1e9:.2f} GB")
print(f"uniform-guess loss, ln 50257: {math.log(50257):.4f}")

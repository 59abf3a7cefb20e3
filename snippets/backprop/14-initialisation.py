import math

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
width, depth = 256, 10
x = torch.randn(512, width).to(device)  # 512 inputs with std 1
for name, std in (("std 1", 1.0), ("std 1/sqrt(256)", 1 / math.sqrt(width)),
                  ("std 0.02", 0.02)):
    h, shown = x, []
    for layer in range(1, depth + 1):
        weight = (torch.randn(width, width) * std).to(device)
        h = h @ weight.T  # a linear layer without bias
        if layer in (1, 5, 10):
            shown.append(f"layer {layer}: {h.std().item():.3g}")
    print(f"{name:16}", "   ".join(shown))

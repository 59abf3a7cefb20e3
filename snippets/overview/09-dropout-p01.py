import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"

torch.manual_seed(0)
drop = nn.Dropout(0.1).to(device)
x = torch.ones(10_000, device=device)
# device-rule: output does not depend on the draw (prints only torch.unique)
print("train mode:", torch.unique(drop(x)).cpu())
drop.eval()
print("eval mode: ", torch.unique(drop(x)).cpu())

import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"

p = 0.5
x = torch.arange(1.0, 9.0, device=device)

# What dropout does, with a keep-mask drawn on the CPU from a seed
torch.manual_seed(0)
keep = (torch.rand(8) >= p).float().to(device)
print("x:            ", x.cpu())
print("keep:         ", keep.cpu())
print("x*keep/(1-p): ", (x * keep / (1 - p)).cpu())

drop = nn.Dropout(p).to(device)
drop.train()  # the mode a model is in while it trains
# device-rule: output does not depend on the draw (prints only torch.unique)
out = drop(torch.ones(1000, device=device))
print("train mode, values seen:", torch.unique(out).cpu())
drop.eval()  # what model.eval() does to every layer
print("eval mode, output == input:", torch.equal(drop(x), x))

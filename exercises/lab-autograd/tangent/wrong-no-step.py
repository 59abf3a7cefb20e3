# mistake: no-step
import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
label = torch.tensor([1.0], device=device)
z_here = torch.tensor([2.42], device=device, requires_grad=True)
loss_here = F.binary_cross_entropy(torch.sigmoid(z_here), label)
slope_here, = torch.autograd.grad(loss_here, z_here)
h = 0.1
# Your code: predict the loss at z_here + h from loss_here and slope_here
# alone, along the tangent, without computing the loss again.
predicted = loss_here + slope_here

import math

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
fan_in, fan_out = 512, 128  # each layer: 512 inputs, 128 outputs
# Your code: the standard deviation of the weights that keeps the outputs'
# standard deviation at that of the inputs (a float).
std = ...

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
pictures = torch.arange(24.0, device=device).reshape(2, 3, 2, 2)
# (image, channel, height, width). Your code: subtract from every pixel the
# mean of its colour channel over the whole batch, so that each channel
# averages 0.
centred = pictures - pictures.mean(dim=(0, 2, 3), keepdim=True)

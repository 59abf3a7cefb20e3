import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
photos = torch.tensor([                  # 3 images, 3 channels, 4 pixels
    [[0.9, 0.1, 0.1, 0.1], [0.5, 0.5, 0.5, 0.5], [0.2, 0.2, 0.2, 0.2]],
    [[0.6, 0.6, 0.6, 0.6], [0.1, 0.1, 0.1, 0.1], [0.3, 0.3, 0.3, 1.0]],
    [[0.2, 0.2, 0.2, 0.2], [0.3, 0.3, 0.3, 0.3], [0.4, 0.4, 0.4, 0.4]],
], device=device).reshape(3, 3, 2, 2)   # (image, channel, height, width)
# Your code: for each image, the index of its channel with the highest mean
# brightness, shape (3,).
brightest = photos.mean(dim=(2, 3)).argmax(dim=1)

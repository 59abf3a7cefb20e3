import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
z = torch.tensor([-2.0, 0.5, 3.0], device=device)  # three logits
y = torch.tensor([0.0, 1.0, 0.0], device=device)   # their labels

binary = F.binary_cross_entropy_with_logits(z, y)
two_logits = torch.stack([torch.zeros_like(z), z], dim=1)
two_classes = F.cross_entropy(two_logits, y.long())
print("logits for classes 0 and 1:")
print(two_logits.cpu())
print(f"BCEWithLogits: {binary.item():.4f}")
print(f"cross_entropy: {two_classes.item():.4f}")
print("softmax, class 1:", torch.softmax(two_logits, dim=1)[:, 1].cpu())
print("sigmoid(z):      ", torch.sigmoid(z).cpu())

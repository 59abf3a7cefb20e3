import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
batch, tokens, d_model, heads = 2, 5, 768, 12
head_size = d_model // heads  # 64 features per head
x = torch.randn(batch, tokens, d_model).to(device)

split = x.view(batch, tokens, heads, head_size)  # cut the 768 features
per_head = split.transpose(1, 2)  # (batch, heads, tokens, head_size)
print("per head:", tuple(per_head.shape))
print("head 1 of token 0 is features 64 to 127:",
      torch.equal(per_head[0, 1, 0], x[0, 0, 64:128]))
print("same as permute(0, 2, 1, 3):",
      torch.equal(per_head, split.permute(0, 2, 1, 3)))
print("contiguous after transpose:", per_head.is_contiguous())

out = per_head.contiguous()  # attention's output: stored head by head
merged = out.transpose(1, 2).reshape(batch, tokens, d_model)
print("merged back:", tuple(merged.shape), torch.equal(merged, x))
try:
    out.transpose(1, 2).view(batch, tokens, d_model)
except RuntimeError as error:
    print("view instead of reshape:", type(error).__name__)

import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(3)
vocab, dim = 5, 3
emb = torch.randn(vocab, dim).to(device).requires_grad_()
ids = torch.tensor([0, 3, 1], device=device)     # input tokens
nxt = torch.tensor([3, 1, 4], device=device)     # tokens that follow


def loss_fn(emb_in, emb_out):
    h = torch.tanh(emb_in[ids])      # stand-in for the transformer blocks
    logits = h @ emb_out.T           # output layer: one score per token
    return F.cross_entropy(logits, nxt)


# Tied: the same matrix is the embedding and the output layer.
loss_fn(emb, emb).backward()

# Untied copies with the same values, to see the two gradients apart.
emb_in = emb.detach().clone().requires_grad_()
emb_out = emb.detach().clone().requires_grad_()
loss_fn(emb_in, emb_out).backward()

total = emb_in.grad + emb_out.grad
print("tied grad == input-side + output-side:",
      torch.allclose(emb.grad, total))
print("row 3, input side: ", emb_in.grad[3].cpu())
print("row 3, output side:", emb_out.grad[3].cpu())
print("row 3, tied:       ", emb.grad[3].cpu())

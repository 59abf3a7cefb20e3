import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
candidate_logits = torch.tensor([0.5, 3.0, -1.0, 2.0, 1.0], device=device)
keep = 2
# Your code: the probabilities of the next token when only the `keep`
# tokens with the largest logits may be drawn (the others get 0).
cutoff = torch.topk(candidate_logits, keep).values[-1]
kept = torch.softmax(
    candidate_logits.masked_fill(candidate_logits < cutoff, float("-inf")), dim=-1)

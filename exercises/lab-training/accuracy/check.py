def right_with_threshold(threshold):
    """How many examples a cut of the logits at `threshold` gets right."""
    return sum((score > threshold) == (answer == 1.0) for score, answer
               in zip(scores.flatten().tolist(), answers.tolist()))


def counted():
    """The share as a number of examples."""
    return round(share.item() * len(answers), 4)


check("lab-training/accuracy", [
    ("todo", lambda: isinstance(share, torch.Tensor)),
    ("scalar", lambda: share.dim() == 0),
    ("broadcast", lambda: counted() == round(counted())),
    ("threshold", lambda: counted() != right_with_threshold(0.5)),
    ("values", lambda: counted() == right_with_threshold(0)),
])

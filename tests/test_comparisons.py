"""The snippets that check one computation against another can fail.

Each case breaks the computation a snippet checks (drops a term of a
formula or of a local derivative, flips a mask, skips a state) and runs the
broken copy on the CPU as the harness runs a snippet: the line that prints
the comparison must then say False, where the golden says True.
"""
import pytest

from harness import SNIPPETS, SnippetError, run_fresh

CASES = {
    "softmax gradient without the mean's 1/N": (
        "backprop/11-softmax-gradient.py",
        "formula = (p - F.one_hot(y, V)) / N",
        "formula = p - F.one_hot(y, V)",
        "all 15 entries, formula vs autograd"),
    "softmax gradient without the target": (
        "backprop/11-softmax-gradient.py",
        "formula = (p - F.one_hot(y, V)) / N",
        "formula = p - F.one_hot(y, V) / N",
        "formula vs finite differences"),
    "engine whose sigmoid drops the factor 1 - s": (
        "autograd/23-scalar-engine.py",
        "(s * (1.0 - s),)",
        "(s,)",
        "gradients agree"),
    "engine whose sum passes nothing to its second input": (
        "autograd/23-scalar-engine.py",
        "(self, other), (1.0, 1.0))",
        "(self, other), (1.0, 0.0))",
        "gradients agree"),
    "Hessian by hand without the factor 2 of the square": (
        "autograd/24-higher-order.py",
        "H = 2 * X.T @ X / len(t)",
        "H = X.T @ X / len(t)",
        "equal (rtol 1e-12)"),
    "resumed training without the optimizer's state": (
        "backprop/19-checkpoint.py",
        'optimizer.load_state_dict(checkpoint["optimizer"])',
        "pass",
        "bit for bit the same losses"),
    "causal attention without the scale 1/sqrt(d)": (
        "tensors/26-causal-attention.py",
        "scores = q @ k.transpose(-2, -1) / math.sqrt(d)",
        "scores = q @ k.transpose(-2, -1)",
        "equals scaled_dot_product_attention"),
    "causal attention that lets queries see later keys": (
        "tensors/26-causal-attention.py",
        "allowed = torch.tril(",
        "allowed = torch.triu(",
        "equals scaled_dot_product_attention"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_broken_computation_fails_its_comparison(case, tmp_path):
    name, intact, broken, line = CASES[case]
    path = SNIPPETS / name
    source = path.read_text(encoding="utf-8")
    assert source.count(intact) == 1, (
        f"{name} no longer holds {intact!r}: update this test's case")
    golden = path.with_suffix(".out").read_text(encoding="utf-8")
    shown = [row for row in golden.splitlines() if line in row]
    assert shown and shown[0].endswith("True"), (
        f"{name}'s golden does not show {line!r} passing: {shown}")
    copy = tmp_path / path.name
    copy.write_text(source.replace(intact, broken), encoding="utf-8")
    try:
        run = run_fresh(copy)
    except SnippetError as error:
        pytest.fail(str(error), pytrace=False)
    printed = [row for row in run.printed.splitlines() if line in row]
    assert printed and printed[0].endswith("False"), (
        f"{name}, broken ({case}), still prints {printed}: its comparison "
        "cannot catch the fault it is there for")

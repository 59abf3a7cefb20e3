"""The notebook stylesheet keeps what lab pages use and drops the rest."""
from lab_styles import parsed, pruned

CSS = """
.wrapper { --used: var(--base); --base: red; --unused: blue; }
.wrapper :root { --dead: 1px; }
.wrapper .cell { color: var(--used); }
.wrapper .icon { color: green; }
.cell:not(.missing), .nowhere { margin: 0; }
pre { line-height: 125%; }
@media (max-width: 600px) { .cell { padding: 0 } .icon { padding: 1px } }
@media print { .icon { display: none } }
"""


def test_rules_for_classes_on_no_lab_page_are_dropped():
    css = pruned(parsed(CSS), {"wrapper", "cell"}).replace(" ", "")
    assert ".wrapper.cell{color:var(--used)}" in css
    assert ".cell:not(.missing)" in css
    assert "pre{line-height:125%}" in css
    assert "icon" not in css
    assert "@media(max-width:600px){.cell{padding:0}}" in css
    assert "print" not in css


def test_custom_properties_are_kept_only_where_something_uses_them():
    css = pruned(parsed(CSS), {"wrapper", "cell"}).replace(" ", "")
    assert "--used:var(--base)" in css and "--base:red" in css
    assert "--unused" not in css
    assert "--dead" not in css
    assert "--unused:blue" in pruned(parsed(CSS), {"wrapper"},
                                     {"--unused"}).replace(" ", "")

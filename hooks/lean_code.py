"""Unwrap the code tokens whose span changes nothing a reader sees, and
make one span of neighbours that look alike.

Pygments wraps every token of code in a span with a class for the
stylesheet to colour. Some classes get no look of their own: Material
colours names with the code's own colour and white space not at all, and
nbconvert's JupyterLab style leaves names uncoloured. Their spans go. Next,
neighbouring spans (white space between them at most) whose classes look
the same become one: `)` `.` `(`, say, or `1.0` `,` `2.0`. The spans were a
third of the elements of a page with exercises and of a lab.

PAGE_LOOKS and LAB_LOOKS name the classes that look alike on pages (Material
and docs/assets/site.css) and in labs (JupyterLab's style and site.css);
"plain" ones look like the code around them. tests/test_lean_code.py renders
every class in Chromium, in both colour schemes, to prove each table right.
"""
import re

PAGE_LOOKS = {
    "plain": "n w kc",
    "operator": "p o ow",  # site.css gives punctuation the operators' colour
    "keyword": "k kd kn kp kr kt nd ni nl nt",
    "constant": "bp nb no",
    "function": "nc ne nf nn",
    "number": "il m mb mf mh mi mo",
    "string": "cpf l s s1 s2 sb sc si ss",
    "comment": "c c1 ch cm cs sd",
    "special": "cp se sh sr sx",
}
LAB_LOOKS = {
    "plain": "n w bp fm nb nc nd ne nf nn nv",
    "keyword": "k kc kd kn kp kr kt",
    "operator": "o ow",  # site.css darkens both alike
    "number": "il mf mh mi mo",  # and these five
    "string": "dl s s1 s2 sa sb sc sd se sh si sr ss sx",
    "comment": "c c1 ch cm cs",  # and these
}
PRE = re.compile(r"(<pre\b[^>]*>)(.*?)(</pre>)", re.DOTALL)
TOKEN = re.compile(r'<span class="([\w-]+)">([^<]*)</span>')


def looks(table: dict) -> dict:
    return {name: look for look, names in table.items()
            for name in names.split()}


PAGE, LAB = looks(PAGE_LOOKS), looks(LAB_LOOKS)


def lean(code: str, look_of: dict) -> str:
    code = TOKEN.sub(lambda token: token[2] if look_of.get(token[1]) ==
                     "plain" else token[0], code)
    parts, span, end = [], None, 0  # span: [look, class, text], still open
    for token in TOKEN.finditer(code):
        between = code[end:token.start()]
        look = look_of.get(token[1], token[1])
        if span and span[0] == look and not between.strip():
            span[2] += between + token[2]
        else:
            if span:
                parts.append(f'<span class="{span[1]}">{span[2]}</span>')
            parts.append(between)
            span = [look, token[1], token[2]]
        end = token.end()
    if span:
        parts.append(f'<span class="{span[1]}">{span[2]}</span>')
    parts.append(code[end:])
    return "".join(parts)


def on_page_content(html, page, config, files):
    look_of = LAB if page.file.src_uri.endswith(".ipynb") else PAGE
    return PRE.sub(lambda pre: pre[1] + lean(pre[2], look_of) + pre[3], html)

// Accessible names for landmarks Material leaves unnamed: the search dialog
// (named like its search box), the navigation Material adds to every code
// block for its copy button (named after the block, numbered to be unique),
// and each chapter's navigation, which Material labels by its toggle; with
// navigation.indexes that toggle is an icon without text, so the chapter's
// navigation is labelled by its title instead.
// Tables, lab code cells and pictures wider than the page scroll sideways:
// while one overflows, it is a named region the keyboard can reach and scroll.
// So is a code block, unnamed as Material leaves it: Material makes it
// reachable only once it comes into view (content.lazy), and a keyboard
// must reach it before.
// Sizes are read before attributes are written, in one frame for each burst
// of DOM changes, and attributes are only written when they change: every
// write makes the browser recompute styles, and a read after a write lays
// the page out again.
// The words it names things with are the page language's, from the JSON
// overrides/main.html writes (extra.a11y in mkdocs.yml).
const WORDS = JSON.parse(document.getElementById("__a11y").textContent);

function name(element, label) {
  if (label && element.getAttribute("aria-label") !== label) {
    element.setAttribute("aria-label", label);
  }
}

function nameLandmarks() {
  const dialog = document.querySelector(".md-search[role=dialog]");
  const box = document.querySelector(".md-search__input");
  if (dialog && box) {
    name(dialog, box.getAttribute("aria-label"));
  }
  document.querySelectorAll(".md-code__nav").forEach((nav, index) => {
    const title = nav.closest(".highlight")?.querySelector(".filename");
    name(nav, `${title ? title.textContent : WORDS.code} (${index + 1})`);
  });
  document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach((nav) => {
    const toggle = document.getElementById(nav.getAttribute("aria-labelledby"));
    const title = nav.querySelector(":scope > .md-nav__title");
    if (toggle && title && !toggle.textContent.trim()) {
      title.id = `${toggle.id}_title`;
      nav.setAttribute("aria-labelledby", title.id);
    }
  });
}

function headingBefore(element) {
  const headings = [...document.querySelectorAll("article h1, article h2, article h3")];
  const before = headings.filter((heading) =>
    heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (!before.length) {
    return WORDS.table;
  }
  return [...before[before.length - 1].childNodes]
    .filter((node) => !node.classList?.contains("headerlink"))
    .map((node) => node.textContent).join("").trim();
}

function cellOf(element) {
  const cells = [...document.querySelectorAll(".jp-Notebook .jp-CodeCell")];
  const number = cells.indexOf(element.closest(".jp-CodeCell")) + 1;
  return WORDS.cell.replace("{number}", number);
}

function captionOf(element) {
  const caption = element.closest("figure")?.querySelector("figcaption");
  return caption ? caption.textContent.replace(/\s+/g, " ").trim()
    : WORDS.figure;
}

const SCROLLERS = [
  [".md-typeset__scrollwrap", headingBefore],
  [".jp-Notebook .highlight-ipynb", cellOf],
  [".md-typeset figure > p", captionOf],
  [".md-typeset .formula", headingBefore],
  [".md-typeset pre > code", null],
];

function reachScrollers() {
  const found = SCROLLERS.flatMap(([selector, label]) =>
    [...document.querySelectorAll(selector)].map((scroller) => [scroller, label]));
  const overflowing = found.map(([scroller]) =>
    scroller.scrollWidth > scroller.clientWidth);
  found.forEach(([scroller, label], index) => {
    if (overflowing[index]) {
      if (scroller.getAttribute("tabindex") !== "0") {
        scroller.setAttribute("tabindex", "0");
      }
      if (label && scroller.getAttribute("role") !== "region") {
        scroller.setAttribute("role", "region");
      }
      if (label) {
        name(scroller, label(scroller));
      }
    } else if (scroller.hasAttribute("tabindex")) {
      ["tabindex", "role", "aria-label"].forEach((attribute) =>
        scroller.removeAttribute(attribute));
    }
  });
}

function update() {
  nameLandmarks();
  reachScrollers();
}

let pending = false;
function updateNextFrame() {
  if (!pending) {
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      update();
    });
  }
}

new MutationObserver(updateNextFrame)
  .observe(document.body, { childList: true, subtree: true });
window.addEventListener("resize", updateNextFrame);
update();

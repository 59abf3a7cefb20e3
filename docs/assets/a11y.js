// Accessible names for landmarks Material leaves unnamed: the search dialog
// (named like its search box) and the navigation Material adds to every code
// block for its copy button (named after the block, numbered to be unique).
// Attributes are only written when they change: every write makes the
// browser recompute styles, and this runs on each batch of DOM changes.
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
    name(nav, `${title ? title.textContent : "code"} (${index + 1})`);
  });
}

new MutationObserver(nameLandmarks)
  .observe(document.body, { childList: true, subtree: true });
nameLandmarks();

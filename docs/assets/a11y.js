// Accessible names for landmarks Material leaves unnamed: the search dialog
// (named like its search box) and the navigation Material adds to every code
// block for its copy button (named after the block, numbered to be unique).
function nameLandmarks() {
  const dialog = document.querySelector(".md-search[role=dialog]");
  const box = document.querySelector(".md-search__input");
  if (dialog && box && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", box.getAttribute("aria-label"));
  }
  document.querySelectorAll(".md-code__nav").forEach((nav, index) => {
    const title = nav.closest(".highlight")?.querySelector(".filename");
    nav.setAttribute("aria-label",
      `${title ? title.textContent : "code"} (${index + 1})`);
  });
}

new MutationObserver(nameLandmarks)
  .observe(document.body, { childList: true, subtree: true });
nameLandmarks();

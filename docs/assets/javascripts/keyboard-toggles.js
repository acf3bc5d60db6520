// Material opens the navigation drawer through <label for="__drawer">, which a
// keyboard cannot activate. overrides/partials/header.html makes the label a
// focusable button; this makes Enter and Space press it, keeps aria-expanded in
// step with the drawer, and lets Escape close the drawer again.
for (const button of document.querySelectorAll("label[role=button][for]")) {
  const toggle = document.getElementById(button.htmlFor);
  if (!toggle) continue;
  const showState = () => button.setAttribute("aria-expanded", String(toggle.checked));
  button.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      event.stopPropagation(); // Material's own handler clicks focused labels on Enter too
      button.click();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
  toggle.addEventListener("change", showState);
  showState();
}

// On a phone Material shows the search as a full-screen overlay and fixes the
// page in place (a `top` style on <body>) while it is open. When Tab leaves the
// search, the page is released only after the overlay has closed, so the
// element that got focus can be off screen: bring it into view then (WCAG 2.4.7).
const searchDialog = document.querySelector(".md-search");
if (searchDialog) {
  let focusLeftSearch = false;
  searchDialog.addEventListener("focusin", () => { focusLeftSearch = false; });
  searchDialog.addEventListener("focusout", () => { focusLeftSearch = true; });
  new MutationObserver(() => {
    const focused = document.activeElement;
    if (focusLeftSearch && !document.body.style.top && focused && !searchDialog.contains(focused)) {
      focusLeftSearch = false;
      focused.scrollIntoView({block: "nearest"});
    }
  }).observe(document.body, {attributes: true, attributeFilter: ["style"]});
}

// Material opens the navigation drawer through <label for="__drawer">, which a
// keyboard cannot reach. overrides/partials/header.html adds a real button next
// to it; this shows the button instead of the label, makes it open and close
// the drawer, keeps aria-expanded in step, and lets Escape close the drawer.
const drawer = document.getElementById("__drawer");
const menuButton = document.querySelector("button[data-plan-menu-button]");
const menuLabel = document.querySelector('label.md-header__button[for="__drawer"]');
if (drawer && menuButton && menuLabel) {
  const showState = () => menuButton.setAttribute("aria-expanded", String(drawer.checked));
  menuButton.addEventListener("click", () => drawer.click());
  drawer.addEventListener("change", showState);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click();
      menuButton.focus();
    }
  });
  showState();
  menuLabel.hidden = true;
  menuButton.hidden = false;
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

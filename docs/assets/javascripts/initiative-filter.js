// The filter of a plan's initiatives list (overrides/partials/initiative-filter.html; every
// value and text comes from hooks/plansite/site/initiative_filter.py). Without this script
// the form stays hidden and the list, grouped by focus area, shows every initiative. With
// it, each select keeps the items whose `data-filter-<select name>` holds the selected id;
// a focus area without matches loses its heading, its list and its table-of-contents entry;
// the selection is kept in the query string and restored from it on load; the status region
// says how many initiatives are shown. The form moves to just above the first focus area, next
// to what it filters (the page template can only put it before the whole Markdown body).
const filterForm = document.querySelector("form[data-initiative-filter]");
if (filterForm) {
  const selects = Array.from(filterForm.querySelectorAll("select"));
  const count = filterForm.querySelector("[data-initiative-filter-count]");
  const reset = filterForm.querySelector("[data-initiative-filter-reset]");
  const groups = Array.from(document.querySelectorAll("[data-filter-group]"))
    .map((heading) => ({
      heading,
      list: heading.nextElementSibling,
      tocEntries: Array.from(document.querySelectorAll(`.md-nav--secondary a[href="#${CSS.escape(heading.id)}"]`))
        .map((link) => link.closest("li")),
    }))
    .filter(({list}) => list && list.matches("ul, ol"));

  const matches = (item) => selects.every((select) => select.value === ""
    || (item.getAttribute(`data-filter-${select.name}`) || "").split(" ").includes(select.value));

  const showMatches = () => {
    let shown = 0;
    for (const {heading, list, tocEntries} of groups) {
      let shownInGroup = 0;
      for (const item of list.children) {
        item.hidden = !matches(item);
        shownInGroup += item.hidden ? 0 : 1;
      }
      for (const element of [heading, list, ...tocEntries]) {
        element.hidden = shownInGroup === 0;
      }
      shown += shownInGroup;
    }
    count.textContent = shown === 0
      ? filterForm.dataset.countNone
      : filterForm.dataset.count.replace("{count}", String(shown));
  };

  const keepInAddress = () => {
    const address = new URL(window.location.href);
    for (const select of selects) {
      if (select.value) {
        address.searchParams.set(select.name, select.value);
      } else {
        address.searchParams.delete(select.name);
      }
    }
    window.history.replaceState(window.history.state, "", address);
  };

  const restoreFromAddress = () => {
    const query = new URLSearchParams(window.location.search);
    for (const select of selects) {
      const value = query.get(select.name);
      select.value = Array.from(select.options).some((option) => option.value === value) ? value : "";
    }
  };

  // The list follows every change; the submit button does the same for whoever looks for one
  // (and, were this script to fail after showing the form, the browser would load the same
  // address with the filter in its query, which the script restores).
  filterForm.addEventListener("submit", (event) => {
    event.preventDefault();
    showMatches();
    keepInAddress();
  });
  filterForm.addEventListener("change", () => {
    showMatches();
    keepInAddress();
  });
  reset.addEventListener("click", () => {
    for (const select of selects) {
      select.value = "";
    }
    showMatches();
    keepInAddress();
  });
  restoreFromAddress();
  showMatches();
  if (groups.length > 0) {
    groups[0].heading.before(filterForm);
  }
  filterForm.hidden = false;
}

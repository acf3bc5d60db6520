"""The site of the plan series: from the editors' YAML to bilingual pages, PDFs, feeds, open data.

Data flows one way, one folder per stage; a stage imports only from the stages
above it in this list (`STAGES`; tests/unit/test_architecture.py holds the code to it):

- `problems`: located problems in editors' input (file, line, column, what, how to fix).
- `settings`: every environment variable and project path, read once per build.
- `data/`: the data folder (site, actors, one file per plan) → validated, typed
  model; knows nothing of MkDocs or languages. `loading` (strict YAML with
  positions) · `validation` (JSON Schema + meaning, every problem of every file
  at once) · `text_checks`, `value_checks`, `safe_text`, `font_coverage` (what a
  text or value may be) · `documents` (attached files) · `model` (one plan,
  frozen dataclasses) · `series` (the plans in order, and what they share) ·
  `schedule` (`publish_at`) · `statistics` + `statistic_checks` (figures
  across the series, each with its sources).
- `i18n/`: the only code that knows languages. `languages` · `strings` (the
  site's own texts) · `formatting` (dates, money, figures, sizes) · `view` (the
  series and each plan in one language, which every renderer below reads) ·
  `timeline` (a plan's course: its dates and its evidence, oldest first) ·
  `statistics` (the series' statistics: rows, cells, plan periods, sources) ·
  `progress` (initiatives counted by status, as statistics; evidence newest first).
- `templating`: the one Jinja environment factory for our templates.
- `urls`: where each page and file of a language lives in the built site: the
  series' pages at the root, each plan's under its id.
- `outputs/`: the other files of a language: `feeds`, `exports`, `statistics_csv`, `press_kit`
  (+ `templates/`), registered by `language_outputs` through `files`;
  `search_index` splits the search index per language.
- `charts/`: the series' statistics as accessible SVG bar charts: `layout`
  (where each bar and label goes) · `render` (the SVG and the page block with
  its key and table, from `templates/`).
- `pdf/`: the plan as PDF/UA-1 (`view` → `render` with `templates/` → `check`),
  cached, and the files offered for download (`downloads`).
- `site/`: model → MkDocs pages. `pages` + `templates/` (the Markdown of each
  page) · `initiative_filter` (what the initiatives list's filter matches and
  offers) · `redirects` (the root plan's old addresses) · `navigation` (name,
  copyright and menu of the site, from the data) · `virtual_files` (hands the
  pages to mkdocs-static-i18n) · `page_checks` (hand-written pages: twins,
  collisions) · `page_context` (what page templates get: `page_metadata`,
  `page_dates`, `lifecycle`, `footer`).
- `theme/`: fixes to Material: `csp`, `markup_fixes`, `skip_link`,
  `not_found_page`, `environments` (cheaper theme Jinja environments).
- `serve/`: what only `mkdocs serve` needs: `errors` (keep serving the last good
  site after any failed rebuild), `polling`, `pdf_preview` (PDFs rendered after
  the build).
- `staging`: the build writes into a staging folder, which replaces `site_dir`
  only when everything passed.
- `build`: the state of one build (`SiteBuild`, `LanguageBuild`), which
  `hooks/main.py` drives from the MkDocs events.
- `commands/`: the command lines `make validate` and `make check-links`.

`docs-dev/architecture.md` draws the flow and says why each piece is there.
"""

STAGES = (
    "problems",
    "settings",
    "data",
    "i18n",
    "templating",
    "urls",
    "charts",
    "pdf",
    "outputs",
    "site",
    "theme",
    "staging",
    "serve",
    "build",
    "commands",
)
"""The stages in the order data flows through them: each imports only from those before it."""

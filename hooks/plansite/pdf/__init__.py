"""The plan as accessible PDF/UA-1 documents, and the files offered for download.

- `view`: what the printed plan shows, per language (from the model).
- `render`: the print template → HTML → WeasyPrint → PDF bytes (fails on WeasyPrint errors).
- `tagging`: carries `lang` of passages into the PDF's structure tree.
- `artifacts`: running headers and page numbers become artifacts.
- `check` (with `structure`, `text`): the accessibility checks every plan PDF must pass.
- `cache`: re-render only when an input changed.
- `downloads`: what one build offers, copied into each language's site tree.
- `templates/`: the print template and CSS (not published: MkDocs never sees them).

Under `mkdocs serve` changed PDFs are rendered after the build by
`plansite.serve.pdf_preview`; size and page count of attached documents are read by
`plansite.data.documents`. Why each WeasyPrint workaround exists:
docs-dev/stack-facts.md#weasyprint.
"""

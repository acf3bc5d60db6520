"""The plan as accessible PDF/UA-1 documents, and the files offered for download.

- `view`: what the printed plan shows, per language (from the model).
- `render`: the print template → HTML → WeasyPrint → PDF bytes (fails on WeasyPrint errors).
- `tagging`: carries `lang` of passages into the PDF's structure tree.
- `check` (with `text`): the accessibility checks every plan PDF must pass.
- `cache`: re-render only when an input changed.
- `preview`: under `mkdocs serve`, render changed PDFs after the build, off the editor's wait.
- `documents`: size and page count of a PDF, and how a link describes it.
- `publish`: what one build offers, copied into each language's site tree.
"""

"""Mark running headers and page numbers as artifacts instead of orphaned tagged content.

WeasyPrint 70 tags the text of page margin boxes (`@top-left`, `@bottom-center`)
as marked content with an MCID and builds structure elements for it, but
links them nowhere in the structure tree ("it could be included in tree as
Artifact, but that's only allowed in PDF 2.0", weasyprint/pdf/tags.py). Such
content is neither real content nor an artifact, which PDF/UA forbids. This
pass turns each of those sequences into an `/Artifact` sequence and drops
them from the parent tree; `plansite.pdf.check` refuses any that remain
(docs-dev/stack-facts.md#weasyprint-margin-boxes).
"""

from __future__ import annotations

import pikepdf

from plansite.pdf.structure import orphaned_mcids


def mark_orphans_as_artifacts(pdf: pikepdf.Pdf) -> int:
    """Rewrite every page's orphaned marked content as artifacts; return how many were changed."""
    changed = 0
    for page_index, orphans in orphaned_mcids(pdf).items():
        if not orphans:
            continue
        page = pdf.pages[page_index]
        instructions = []
        for instruction in pikepdf.parse_content_stream(page):
            operands, operator = instruction.operands, instruction.operator
            properties = operands[1] if str(operator) == "BDC" and len(operands) == 2 else None
            if (
                isinstance(properties, pikepdf.Dictionary)
                and int(properties.get("/MCID", -1)) in orphans
            ):
                instructions.append(
                    pikepdf.ContentStreamInstruction(
                        [pikepdf.Name.Artifact], pikepdf.Operator("BMC")
                    )
                )
                changed += 1
            else:
                instructions.append(pikepdf.ContentStreamInstruction(operands, operator))
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
        parents = _page_parents(pdf, page)
        for mcid in orphans:
            if parents is not None and mcid < len(parents):
                parents[mcid] = None  # PDF null: no structure element
    return changed


def _page_parents(pdf: pikepdf.Pdf, page: pikepdf.Page) -> pikepdf.Object | None:
    tree = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
    key = page.obj.get("/StructParents")
    return tree[int(key)] if key is not None and int(key) in tree else None

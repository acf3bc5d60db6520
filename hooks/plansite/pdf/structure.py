"""Walk a tagged PDF's structure tree: elements reachable from its root, content left outside."""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf


def elements(parent: pikepdf.Object) -> Iterator[pikepdf.Dictionary]:
    """Every structure element under `parent`, depth first, in document order."""
    kids = parent.get("/K", pikepdf.Array())
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from elements(kid)


def marked_mcids(page: pikepdf.Page) -> set[int]:
    """The MCIDs of the marked-content sequences in a page's content stream."""
    mcids = set()
    for instruction in pikepdf.parse_content_stream(page, "BDC"):
        operands = instruction.operands
        properties = operands[1] if len(operands) == 2 else None
        if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
            mcids.add(int(properties.MCID))
    return mcids


def orphaned_mcids(pdf: pikepdf.Pdf) -> dict[int, set[int]]:
    """Per page (0-based): MCIDs of content whose structure element is none or not in the tree."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return {}
    reachable = {element.objgen for element in elements(root)}
    tree = pikepdf.NumberTree(root.ParentTree) if "/ParentTree" in root else None
    orphans: dict[int, set[int]] = {}
    for index, page in enumerate(pdf.pages):
        key = page.obj.get("/StructParents")
        parents = (
            tree[int(key)]
            if tree is not None and key is not None and int(key) in tree
            else pikepdf.Array()
        )
        orphans[index] = set()
        for mcid in marked_mcids(page):
            parent = parents[mcid] if mcid < len(parents) else None
            if not isinstance(parent, pikepdf.Dictionary) or parent.objgen not in reachable:
                orphans[index].add(mcid)
    return orphans

"""Check that a PDF is tagged and accessible as PDF/UA-1 asks, as far as a program can tell.

`check_pdf` opens a file with pikepdf and returns every `Finding` (where in
the file, what is wrong); an empty list means it passed. The build runs it on
both plan PDFs and fails on any finding; the tests run it on deliberately
broken PDFs. It is no veraPDF: it checks structure and metadata, not whether
the tags describe the content truthfully or the reading order makes sense.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from plansite.pdf.structure import elements as _elements
from plansite.pdf.structure import orphaned_mcids
from plansite.pdf.text import normalize, page_text_items, spoken, texts_by_mcid

HEADINGS = {f"/H{level}" for level in range(1, 7)}
_LEADER = re.compile(r"^[\s.·…]*$")
# This many text items in a row that are only dots: a leader a screen reader would read out.
LEADER_RUN = 3


@dataclass(frozen=True)
class Finding:
    """One failed check: the file, where in it and what is wrong.

    Where: `catalog`, `page 3`, `Table element 12 0 R` and the like.
    """

    file: str
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.what}"


def check_pdf(
    source: str | Path | bytes,
    language: str,
    required_texts: Iterable[str] = (),
    name: str | None = None,
) -> list[Finding]:
    """Every accessibility finding in the PDF (a path or its bytes).

    `language` is the PDF's expected main language; `required_texts` must each appear in the
    tagged text; `name` is how findings name the file.
    """
    name = name or str(source if not isinstance(source, bytes) else "PDF")
    try:
        pdf = pikepdf.open(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (OSError, pikepdf.PdfError) as error:
        return [Finding(name, "file", f"cannot be opened as a PDF: {error}")]
    with pdf:
        # In document order.
        return list(_Checker(pdf, name, language, tuple(required_texts)).findings())


class _Checker:
    def __init__(
        self, pdf: pikepdf.Pdf, name: str, language: str, required_texts: tuple[str, ...]
    ) -> None:
        self.pdf = pdf
        self.name = name
        self.language = language
        self.required_texts = required_texts
        self.root = pdf.Root
        self.page_numbers = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
        self.items = page_text_items(pdf)
        self.texts = texts_by_mcid(self.items)

    def finding(self, where: str, what: str) -> Finding:
        return Finding(self.name, where, what)

    def findings(self) -> Iterator[Finding]:
        yield from self.check_catalog()
        yield from self.check_metadata()
        yield from self.check_pages()
        yield from self.check_fonts()
        yield from self.check_structure()
        yield from self.check_orphaned_content()
        yield from self.check_leaders()
        yield from self.check_required_texts()

    # Document level ---------------------------------------------------------------

    def check_catalog(self) -> Iterator[Finding]:
        if "/StructTreeRoot" not in self.root:
            yield self.finding("catalog", "not tagged: no /StructTreeRoot")
        if not bool(self.root.get("/MarkInfo", pikepdf.Dictionary()).get("/Marked", False)):
            yield self.finding("catalog", "not marked as tagged: /MarkInfo /Marked is not true")
        lang = str(self.root.get("/Lang", ""))
        if lang.split("-")[0].lower() != self.language:
            yield self.finding("catalog", f"/Lang is '{lang}', expected '{self.language}'")
        preferences = self.root.get("/ViewerPreferences", pikepdf.Dictionary())
        if not bool(preferences.get("/DisplayDocTitle", False)):
            yield self.finding(
                "catalog",
                "/ViewerPreferences /DisplayDocTitle is not true: "
                "viewers show the file name instead of the title",
            )
        if not str(self.pdf.docinfo.get("/Title", "")).strip():
            yield self.finding("document information", "no /Title")

    def check_metadata(self) -> Iterator[Finding]:
        if "/Metadata" not in self.root:
            yield self.finding("catalog", "no XMP metadata stream")
            return
        metadata = self.pdf.open_metadata()
        if str(metadata.get("pdfuaid:part", "")) != "1":
            yield self.finding("XMP metadata", "no PDF/UA identification (pdfuaid:part = 1)")
        if not str(metadata.get("dc:title", "")).strip():
            yield self.finding("XMP metadata", "no dc:title")

    def check_pages(self) -> Iterator[Finding]:
        for number, page in enumerate(self.pdf.pages, start=1):
            if page.obj.get("/Tabs") != "/S":
                yield self.finding(
                    f"page {number}", "/Tabs is not /S: the tab order does not follow the structure"
                )
            for annotation in page.obj.get("/Annots", []):
                if annotation.get("/Subtype") != "/Link":
                    continue
                where = f"page {number}, link annotation {_reference(annotation)}"
                if "/StructParent" not in annotation:
                    yield self.finding(
                        where, "no /StructParent: the link is not in the structure tree"
                    )
                if not str(annotation.get("/Contents", "")).strip():
                    yield self.finding(where, "no /Contents: the link has no description")

    def check_fonts(self) -> Iterator[Finding]:
        seen: set[tuple[int, int]] = set()
        for number, page in enumerate(self.pdf.pages, start=1):
            resources = page.obj.get("/Resources", pikepdf.Dictionary())
            for key, font in resources.get("/Font", pikepdf.Dictionary()).items():
                if font.objgen in seen:
                    continue
                seen.add(font.objgen)
                if not _is_embedded(font):
                    yield self.finding(
                        f"page {number}, font {font.get('/BaseFont', key)}", "not embedded"
                    )

    # Structure tree -----------------------------------------------------------------

    def check_structure(self) -> Iterator[Finding]:
        tree = self.root.get("/StructTreeRoot")
        if tree is None:
            return
        headings: list[str] = []
        previous_level = 0
        header_ids = set()
        cells = []
        for element in _elements(tree):
            role = element.get("/S")
            where = f"{str(role).lstrip('/')} element {_reference(element)}"
            if role == "/Figure" and not str(element.get("/Alt", "")).strip():
                yield self.finding(where, "a Figure without /Alt text")
            elif role == "/Table" and not any(
                child.get("/S") == "/TR" for child in _elements(element)
            ):
                yield self.finding(where, "a Table without rows")
            elif role == "/TH" and "/ID" in element:
                header_ids.add(str(element.ID))
            elif role == "/TD":
                cells.append((where, _headers_of(element)))
            elif role in HEADINGS:
                headings.append(normalize(self.element_text(element)))
                level = int(str(role)[2])
                if level > previous_level + 1:
                    yield self.finding(
                        where,
                        f"heading level {level} follows level {previous_level}: "
                        f"'{headings[-1]}' skips a level",
                    )
                previous_level = level
        for where, headers in cells:
            if not headers:
                yield self.finding(where, "a table data cell not linked to any header (/Headers)")
            for header in headers:
                if header not in header_ids:
                    yield self.finding(
                        where, f"refers to a header '{header}' that no TH element has as /ID"
                    )
        yield from self.check_outline(headings)

    def element_text(self, element: pikepdf.Dictionary) -> str:
        """The text of a structure element, from the marked content of it and its descendants."""
        parts = []
        page = self.page_numbers.get(element.Pg.objgen) if "/Pg" in element else None
        kids = element.get("/K", pikepdf.Array())
        # pikepdf returns a PDF integer (an MCID) as `int`, though its stubs say `Object`.
        items: Iterable[pikepdf.Object | int] = kids if isinstance(kids, pikepdf.Array) else [kids]
        for kid in items:
            if isinstance(kid, int):
                parts.append(self.marked_text(page, int(kid)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                kid_page = self.page_numbers.get(kid.Pg.objgen) if "/Pg" in kid else page
                parts.append(self.marked_text(kid_page, int(kid.MCID)))
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                parts.append(self.element_text(kid))
        return " ".join(parts)

    def marked_text(self, page: int | None, mcid: int) -> str:
        """The text of one marked-content sequence; none on an unknown page."""
        return self.texts.get((page, mcid), "") if page is not None else ""

    def check_outline(self, headings: list[str]) -> Iterator[Finding]:
        outlines = self.root.get("/Outlines")
        if outlines is None or "/First" not in outlines:
            yield self.finding("catalog", "no outline (bookmarks)")
            return
        titles = [normalize(str(item.Title)) for item in _outline_items(outlines)]
        # Compared as a reader hears them; shown as they read.
        heard_titles, heard_headings = list(map(spoken, titles)), list(map(spoken, headings))
        if heard_titles != heard_headings:
            difference = next(
                (
                    index
                    for index, pair in enumerate(zip(heard_titles, heard_headings, strict=False))
                    if pair[0] != pair[1]
                ),
                min(len(titles), len(headings)),
            )
            bookmark = titles[difference] if difference < len(titles) else "(none)"
            heading = headings[difference] if difference < len(headings) else "(none)"
            yield self.finding(
                "outline",
                f"the bookmarks do not match the headings: bookmark {difference + 1} is "
                f"'{bookmark}', heading {difference + 1} is '{heading}'",
            )

    def check_orphaned_content(self) -> Iterator[Finding]:
        for page, mcids in sorted(orphaned_mcids(self.pdf).items()):
            if mcids:
                yield self.finding(
                    f"page {page + 1}",
                    f"{len(mcids)} marked-content sequence(s) "
                    f"(MCID {', '.join(map(str, sorted(mcids)))}) "
                    "neither in the structure tree nor marked as artifacts",
                )

    # Text -------------------------------------------------------------------------------

    def check_leaders(self) -> Iterator[Finding]:
        run: list = []
        for item in [*self.items, None]:
            if item is not None and item.text and _LEADER.match(item.text) and "." in item.text:
                run.append(item)
                continue
            if len(run) >= LEADER_RUN:
                yield self.finding(
                    f"page {run[0].page + 1}",
                    f"{len(run)} text items in a row that are only dots (a leader): "
                    "a screen reader reads them out",
                )
            run = []
        for (page, mcid), text in sorted(self.texts.items()):
            if "...." in text.replace(" ", ""):
                yield self.finding(
                    f"page {page + 1}, marked content {mcid}",
                    "a run of dots (a leader) in the text: a screen reader reads it out",
                )

    def check_required_texts(self) -> Iterator[Finding]:
        if not self.required_texts:
            return
        # Each item on its own: a combining mark at the start of one must not join the item before.
        text = "".join(map(spoken, self.texts.values()))
        for required in self.required_texts:
            if spoken(required) not in text:
                yield self.finding("text", f"'{required}' does not appear in the tagged text")


def _reference(item: pikepdf.Object) -> str:
    number, generation = item.objgen
    return f"{number} {generation} R" if number else "(direct object)"


def _is_embedded(font: pikepdf.Object) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # glyphs are drawn by the PDF itself
    descendants = font.get("/DescendantFonts")
    targets = list(descendants) if descendants is not None else [font]
    for target in targets:
        descriptor = target.get("/FontDescriptor")
        if descriptor is None or not any(
            key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
        ):
            return False
    return True


def _headers_of(cell: pikepdf.Dictionary) -> list[str]:
    attributes = cell.get("/A")
    candidates = (
        list(attributes)
        if isinstance(attributes, pikepdf.Array)
        else [attributes]
        if attributes is not None
        else []
    )
    headers: list[str] = []
    for attribute in candidates:
        if isinstance(attribute, pikepdf.Dictionary) and "/Headers" in attribute:
            headers.extend(str(header) for header in attribute.Headers)
    return headers


def _outline_items(outlines: pikepdf.Object) -> Iterator[pikepdf.Object]:
    """Every bookmark, depth first, in order."""
    item = outlines.get("/First")
    while item is not None:
        yield item
        if "/First" in item:
            yield from _outline_items(item)
        item = item.get("/Next")


def main(argv: list[str] | None = None) -> int:
    """`python -m plansite.pdf.check FILE.pdf --language da`: print every finding; exit 1 if any."""
    import argparse

    parser = argparse.ArgumentParser(
        description="Check a PDF's tagging and accessibility metadata "
        "(PDF/UA-1, as far as a program can tell)."
    )
    parser.add_argument("pdf")
    parser.add_argument(
        "--language", required=True, help="the document's main language, e.g. da or en"
    )
    arguments = parser.parse_args(argv)
    findings = check_pdf(arguments.pdf, arguments.language)
    for finding in findings:
        print(finding)
    print(f"{arguments.pdf}: {len(findings)} finding{'s' if len(findings) != 1 else ''}")
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())

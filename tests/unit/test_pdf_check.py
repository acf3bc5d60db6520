"""The PDF accessibility checker: it passes a good tagged PDF and catches each deliberately broken one."""

from __future__ import annotations

import io
from collections.abc import Callable

import pikepdf
import pytest
from weasyprint import HTML

from plansite.pdf.artifacts import mark_orphans_as_artifacts
from plansite.pdf import check
from plansite.pdf.check import check_pdf
from plansite.pdf.render import FONTS_DIR
from plansite.pdf.text import spoken

FONT_FACE = f'@font-face {{ font-family: "Noto Sans"; src: url("{(FONTS_DIR / "NotoSans-Regular.ttf").as_uri()}"); }} html {{ font-family: "Noto Sans"; }}'
PICTURE = "data:image/svg+xml," + "%3Csvg xmlns='http://www.w3.org/2000/svg' width='10' height='10'%3E%3Crect width='10' height='10'/%3E%3C/svg%3E"

GOOD_BODY = f"""
<h1>Prøveplan</h1>
<p>Tekst om planen med æøå og <a href="https://example.org/">et link</a>.</p>
<h2>Tal</h2>
<img src="{PICTURE}" alt="Et sort kvadrat">
<table>
  <caption>Nøgletal</caption>
  <thead><tr><th scope="col">Tal</th><th scope="col">Hvad</th></tr></thead>
  <tbody><tr><td>63</td><td>millioner</td></tr></tbody>
</table>
"""


def make_pdf(body: str = GOOD_BODY, *, lang: str = "da", style: str = "") -> bytes:
    html = f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Prøveplan</title><style>{FONT_FACE}{style}</style></head><body>{body}</body></html>'
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


@pytest.fixture(scope="module")
def good_pdf() -> bytes:
    return make_pdf()


def broken(pdf_bytes: bytes, change: Callable[[pikepdf.Pdf], None]) -> bytes:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        change(pdf)
        output = io.BytesIO()
        pdf.save(output)
    return output.getvalue()


def elements(pdf: pikepdf.Pdf, role: str) -> list[pikepdf.Dictionary]:
    found = []

    def walk(node):
        kids = node.get("/K", pikepdf.Array())
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                if kid.S == role:
                    found.append(kid)
                walk(kid)

    walk(pdf.Root.StructTreeRoot)
    return found


def link_annotations(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    return [annotation for page in pdf.pages for annotation in page.obj.get("/Annots", []) if annotation.get("/Subtype") == "/Link"]


def whats(findings) -> list[str]:
    return [f"{finding.where}: {finding.what}" for finding in findings]


def test_a_good_tagged_pdf_passes(good_pdf):
    assert check_pdf(good_pdf, "da", ["Tekst om planen med æøå"]) == []


def test_a_wrong_document_language_is_refused_and_the_finding_names_the_file(good_pdf):
    def set_english(pdf):
        pdf.Root.Lang = pikepdf.String("en")

    findings = check_pdf(broken(good_pdf, set_english), "da", name="plan.da.pdf")
    assert [str(finding) for finding in findings] == ["plan.da.pdf: catalog: /Lang is 'en', expected 'da'"]


def test_an_untagged_pdf_is_refused(good_pdf):
    def untag(pdf):
        del pdf.Root["/StructTreeRoot"]
        pdf.Root.MarkInfo.Marked = False

    assert {"catalog: not tagged: no /StructTreeRoot", "catalog: not marked as tagged: /MarkInfo /Marked is not true"} <= set(whats(check_pdf(broken(good_pdf, untag), "da")))


def test_a_missing_document_language_is_refused(good_pdf):
    def remove_lang(pdf):
        del pdf.Root["/Lang"]

    assert whats(check_pdf(broken(good_pdf, remove_lang), "da")) == ["catalog: /Lang is '', expected 'da'"]


def test_a_missing_title_is_refused(good_pdf):
    def remove_title(pdf):
        del pdf.docinfo["/Title"]

    assert whats(check_pdf(broken(good_pdf, remove_title), "da")) == ["document information: no /Title"]


def test_the_file_name_shown_instead_of_the_title_is_refused(good_pdf):
    def show_file_name(pdf):
        pdf.Root.ViewerPreferences.DisplayDocTitle = False

    assert whats(check_pdf(broken(good_pdf, show_file_name), "da")) == ["catalog: /ViewerPreferences /DisplayDocTitle is not true: viewers show the file name instead of the title"]


def test_a_missing_pdf_ua_identification_is_refused(good_pdf):
    def remove_identification(pdf):
        with pdf.open_metadata(set_pikepdf_as_editor=False) as metadata:
            del metadata["pdfuaid:part"]

    assert whats(check_pdf(broken(good_pdf, remove_identification), "da")) == ["XMP metadata: no PDF/UA identification (pdfuaid:part = 1)"]


def test_a_missing_outline_is_refused(good_pdf):
    def remove_outline(pdf):
        del pdf.Root["/Outlines"]

    assert whats(check_pdf(broken(good_pdf, remove_outline), "da")) == ["catalog: no outline (bookmarks)"]


def test_bookmarks_that_differ_from_the_headings_are_refused(good_pdf):
    def rename_bookmark(pdf):
        pdf.Root.Outlines.First.Title = pikepdf.String("Noget andet")

    assert whats(check_pdf(broken(good_pdf, rename_bookmark), "da")) == ["outline: the bookmarks do not match the headings: bookmark 1 is 'Noget andet', heading 1 is 'Prøveplan'"]


def test_a_font_that_is_not_embedded_is_refused(good_pdf):
    def unembed(pdf):
        for font in pdf.pages[0].Resources.Font.values():
            del font.DescendantFonts[0].FontDescriptor["/FontFile2"]

    findings = whats(check_pdf(broken(good_pdf, unembed), "da"))
    assert findings and all(finding.endswith("not embedded") and finding.startswith("page 1, font ") for finding in findings)


def test_a_figure_without_alternative_text_is_refused(good_pdf):
    def remove_alt(pdf):
        del elements(pdf, "/Figure")[0]["/Alt"]

    findings = whats(check_pdf(broken(good_pdf, remove_alt), "da"))
    assert len(findings) == 1 and findings[0].startswith("Figure element ") and findings[0].endswith("a Figure without /Alt text")


def test_a_page_whose_tab_order_does_not_follow_the_structure_is_refused(good_pdf):
    def remove_tabs(pdf):
        del pdf.pages[0].obj["/Tabs"]

    assert whats(check_pdf(broken(good_pdf, remove_tabs), "da")) == ["page 1: /Tabs is not /S: the tab order does not follow the structure"]


def test_a_link_outside_the_structure_or_without_description_is_refused(good_pdf):
    def detach_link(pdf):
        annotation = link_annotations(pdf)[0]
        del annotation["/StructParent"]
        del annotation["/Contents"]

    findings = whats(check_pdf(broken(good_pdf, detach_link), "da"))
    assert len(findings) == 2
    assert findings[0].endswith("no /StructParent: the link is not in the structure tree")
    assert findings[1].endswith("no /Contents: the link has no description")


def test_a_table_without_rows_is_refused(good_pdf):
    def remove_rows(pdf):
        for part in (*elements(pdf, "/THead"), *elements(pdf, "/TBody")):
            part.K = pikepdf.Array()

    findings = whats(check_pdf(broken(good_pdf, remove_rows), "da"))
    assert [finding for finding in findings if finding.startswith("Table element ")] == [next(finding for finding in findings if finding.endswith("a Table without rows"))]
    assert any("neither in the structure tree" in finding for finding in findings)  # the cells' text went with the rows


def test_a_data_cell_without_headers_is_refused(good_pdf):
    def unlink_cell(pdf):
        del elements(pdf, "/TD")[0].A["/Headers"]

    findings = whats(check_pdf(broken(good_pdf, unlink_cell), "da"))
    assert len(findings) == 1 and findings[0].startswith("TD element ") and findings[0].endswith("a table data cell not linked to any header (/Headers)")


def test_a_data_cell_pointing_at_a_missing_header_is_refused(good_pdf):
    def point_elsewhere(pdf):
        elements(pdf, "/TD")[0].A.Headers = pikepdf.Array([pikepdf.String("nowhere")])

    findings = whats(check_pdf(broken(good_pdf, point_elsewhere), "da"))
    assert len(findings) == 1 and findings[0].endswith("refers to a header 'nowhere' that no TH element has as /ID")


def test_leader_dots_are_refused():
    contents = '<ol><li><a href="#kapitel">Kapitel</a></li></ol><h2 id="kapitel">Kapitel</h2>'
    pdf = make_pdf(contents, style="a::after { content: leader('.') target-counter(attr(href), page); }")
    findings = whats(check_pdf(pdf, "da"))
    assert any("dots (a leader)" in finding for finding in findings), findings


def test_a_required_text_that_is_missing_is_refused(good_pdf):
    assert whats(check_pdf(good_pdf, "da", ["Indsats som ikke findes"])) == ["text: 'Indsats som ikke findes' does not appear in the tagged text"]


def test_a_file_that_is_not_a_pdf_is_a_finding():
    assert whats(check_pdf(b"not a pdf", "da"))[0].startswith("file: cannot be opened as a PDF")


def test_page_numbers_left_outside_the_structure_tree_are_refused_until_marked_as_artifacts():
    raw = make_pdf(style="@page { @bottom-center { content: 'Side ' counter(page); } }")
    (finding,) = whats(check_pdf(raw, "da"))
    assert finding.startswith("page 1: 1 marked-content sequence(s) (MCID ") and finding.endswith("neither in the structure tree nor marked as artifacts")
    assert check_pdf(broken(raw, mark_orphans_as_artifacts), "da") == []


def test_the_command_line_prints_findings_and_fails_on_any(good_pdf, tmp_path, capsys):
    good, bad = tmp_path / "good.pdf", tmp_path / "bad.pdf"
    good.write_bytes(good_pdf)
    bad.write_bytes(good_pdf)
    assert check.main([str(good), "--language", "da"]) == 0
    assert check.main([str(bad), "--language", "en"]) == 1
    assert capsys.readouterr().out.splitlines()[-2:] == [f"{bad}: catalog: /Lang is 'da', expected 'en'", f"{bad}: 1 finding"]


def test_a_heading_that_skips_a_level_is_refused():
    findings = whats(check_pdf(make_pdf("<h1>Plan</h1><h3>Afsnit</h3>"), "da"))
    assert len(findings) == 1 and findings[0].endswith("heading level 3 follows level 1: 'Afsnit' skips a level")


# Texts as a reader hears them -------------------------------------------------------------------

# Each heading is also a required text, as the build requires every initiative's title.
HEARD_ALIKE = {
    "soft hyphens": "Menneske\u00adhandels\u00adbekæmpelse",
    "a zero-width space": "Menneskehandel\u200bbekæmpelse",
    "joiners": "Ofre\u200dne og\u200c\u2060 de andre",
    "a decomposed letter": "Indsats e\u0301t",
    "a lone combining mark": "\u0301 Indsats",
    "a line break after a slash": "Indsats " + "/".join(["menneskehandelsbekæmpelse"] * 5),
    "a line break after a hyphen": "Indsats " + "-".join(["menneskehandelsbekæmpelse"] * 5),
    "a line break at a soft hyphen": "Indsats " + "\u00ad".join(["menneskehandels", "bekæmpelses", "koordinations", "udvalgs", "sekretariats", "medarbejder"]),
}


@pytest.mark.parametrize("heading", HEARD_ALIKE.values(), ids=HEARD_ALIKE.keys())
def test_a_heading_is_compared_with_its_bookmark_as_a_reader_hears_it(heading):
    body = f"<h1>Prøveplan</h1><h2>{heading}</h2><p>Tekst.</p>"
    # A narrow page, so that the long headings break across lines.
    assert whats(check_pdf(make_pdf(body, style="@page { size: 60mm 200mm; margin: 5mm; }"), "da", [heading])) == []


def test_a_bookmark_that_differs_by_one_letter_is_still_refused(good_pdf):
    def misspell_bookmark(pdf):
        pdf.Root.Outlines.First.Title = pikepdf.String("Prøveplam")

    assert whats(check_pdf(broken(good_pdf, misspell_bookmark), "da")) == ["outline: the bookmarks do not match the headings: bookmark 1 is 'Prøveplam', heading 1 is 'Prøveplan'"]


def test_a_required_text_that_differs_by_one_letter_is_still_missing(good_pdf):
    assert whats(check_pdf(good_pdf, "da", ["Tekst om planen med æøa"])) == ["text: 'Tekst om planen med æøa' does not appear in the tagged text"]


def test_spoken_text_ignores_white_space_format_characters_and_normal_forms_but_not_letters():
    assert spoken("Menneske\u00ad handel\u200b e\u0301t \ufe0f") == spoken("Menneskehandel\nét")
    assert spoken("ﬁ") == "fi"
    assert spoken("sekretariats\u2010 medarbejder") == spoken("sekretariats\u00admedarbejder")
    assert spoken("Indsats et") != spoken("Indsats ét")

"""What a download link can say about its file unasked: size and page count, read from the file.

GOV.UK's rule for links to documents: tell people what they will get before
they click ("PDF, 214 kB, 18 sider, på dansk"). Nothing of it is typed by
hand: size and page count come from the file itself, at build time, and
`plansite.i18n.formatting.describe_document` puts them into words.
`check_document_files` is the data check behind it: an attached document
whose file is missing or unreadable is a located problem in the data file, and
so is a document with neither a file nor a url (an external document, such as
the official plan in the Folketing's papers, has a url and no file).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from plansite.data.loading import LoadedData
from plansite.problems import DataPath, Problem


class UnreadableDocument(Exception):
    """The file is missing or is not a PDF that can be read."""


@dataclass(frozen=True)
class DocumentFacts:
    """Facts about one PDF file."""

    size: int  # bytes
    pages: int


def read_document_facts(path: Path) -> DocumentFacts:
    """Size and page count of the PDF at `path`; raise `UnreadableDocument` with the reason."""
    # Here, not at the top: it costs `make validate` 0.15 s even when no document is attached.
    import pikepdf

    try:
        size = path.stat().st_size
        with pikepdf.open(path) as pdf:
            pages = len(pdf.pages)
    except FileNotFoundError:
        raise UnreadableDocument("the file does not exist") from None
    except OSError as error:
        raise UnreadableDocument(f"the file cannot be read: {error.strerror}") from None
    except pikepdf.PdfError as error:
        raise UnreadableDocument(f"the file is not a readable PDF: {error}") from None
    return DocumentFacts(size, pages)


def check_document_files(loaded: LoadedData) -> Iterator[Problem]:
    """Each document has its own id, and a readable PDF (relative to the data file) or a url."""
    data_dir = Path(loaded.path).parent
    first_line: dict[str, int] = {}
    for index, document in enumerate(loaded.data.get("documents") or ()):
        id_path: DataPath = ("documents", index, "id")
        if document["id"] in first_line:
            yield Problem(
                loaded.locate(id_path),
                id_path,
                f"the document id '{document['id']}' is used twice "
                f"(first at line {first_line[document['id']]})",
                "give each document its own id",
            )
        else:
            first_line[document["id"]] = loaded.locate(id_path).line
        entry_path: DataPath = ("documents", index)
        if "file" in document and "url" in document:
            yield Problem(
                loaded.locate_key((*entry_path, "url")),
                (*entry_path, "url"),
                "a document has either a file or a url, not both",
                "keep file: for a PDF published with the site, or url: for a document elsewhere",
            )
        if "file" not in document:
            if "url" not in document:
                yield Problem(
                    loaded.locate_key(entry_path),
                    entry_path,
                    "the document has neither a file nor a url",
                    "add file: (a PDF beside the data file) or url: with publisher: "
                    "(a document published elsewhere, e.g. the official plan)",
                )
            continue
        file_path: DataPath = (*entry_path, "file")
        try:
            read_document_facts(data_dir / document["file"])
        except UnreadableDocument as error:
            yield Problem(
                loaded.locate(file_path),
                file_path,
                f"'{document['file']}': {error}",
                f"put the PDF at {data_dir / document['file']} "
                "(paths are relative to the data file's folder), or correct the path",
            )

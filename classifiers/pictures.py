"""Pictures in a Word document or a workbook: a photo of the applicant on a form (poi-tl fills
one from a template's picture tag), a scan of an ID card, the bureau's logo in a header, a
roster's photos placed over its cells.

No recognizer reads a picture's content, and a face is biometric data (PIPL art. 28), so each
picture is an ``IMAGE`` finding, graded as a photo carried as base64 is. Where the caller's
profile masks ``IMAGE``, the picture is replaced by a blank one of its own format: one white
pixel, which Word and Excel stretch over the frame the picture held, so the file keeps its layout. A
format without a blank here (a metafile, SVG, TIFF) cannot be masked and is refused.
"""

from __future__ import annotations

import re
from base64 import b64decode
from collections.abc import Callable
from typing import Final

from .inspection import InspectionError

# The pictures of a document or a workbook, as Word, Excel, WPS, poi-tl, python-docx and
# openpyxl name them.
MEDIA: Final = re.compile(r"(?:word|xl)/media/[\w.-]+")

_PNG: Final = b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAsTj2FAAAAABJRU5ErkJggg==")
_GIF: Final = b64decode("R0lGODdhAQABAIEAAP///wAAAAAAAAAAACwAAAAAAQABAAAIBAABBAQAOw==")
_JPEG: Final = b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAFA3PEY8MlBGQUZaVVBfeMiCeG5uePWvuZHI////////////////////////////"
    "////////////////////////2wBDAVVaWnhpeOuCguv/////////////////////////////////////////////////////"
    "////////////////////wAARCAABAAEDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAA"
    "AgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6"
    "Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXG"
    "x8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREA"
    "AgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5"
    "OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPE"
    "xcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwC7RRRQB//Z"
)
_BLANKS: Final = {"png": _PNG, "gif": _GIF, "jpeg": _JPEG, "jpg": _JPEG, "jpe": _JPEG}


def blank_pictures(names: list[str], picture: Callable[[str], bool], changed: dict[str, bytes], kind: str) -> None:
    """Each picture among an archive's entries that ``picture`` says is masked put in
    ``changed`` as a blank one; one that has no blank refuses the file."""
    for name in names:
        if MEDIA.fullmatch(name) and picture(name):
            new = blank(name)
            if new is None:
                raise InspectionError("binary", f"the {kind}'s picture {name} is of a kind that cannot be masked")
            changed[name] = new


def blank(name: str) -> bytes | None:
    """A blank picture of the format the part's name says, or None when there is none."""
    return _BLANKS.get(name.rpartition(".")[2].lower())

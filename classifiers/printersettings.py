"""The texts of an Office file's printer settings (``xl/printerSettings/printerSettings1.bin``,
``word/printerSettings/printerSettings1.bin``), for ``officezip.check_unwalked``.

Such a part is a Windows DEVMODE as the printer's driver filled it: the device's name (a
shared printer is often named after its owner or the office, ``张伟的打印机``,
``\\\\PC-ZHANGWEI\\HP``), the paper form's name, numbers, and data private to the driver, where
some drivers keep a job's user name or an account code. Nothing of it is shown. Dropping it
means rewriting each sheet's ``<pageSetup r:id>`` that names it (a relationship to no part is a
file Excel repairs); refusing it refuses most files saved on Windows. So:
- the two names, UTF-16 fields of fixed places, are blanked in place (``blank``: NULs, the part's
  length kept) when they hold anything but a model's name, that is a character outside ASCII or
  a network path (``\\host\\share``: a host is often its user's PC); Excel and Word then print
  to the default printer, as when a file comes from another office. A check does not find a
  name glued to 的打印机, nor a name in pinyin, so no check decides this;
- the rest, the driver's, is read as the metadata parts are, and the file is refused where a
  check finds something in its runs of printable text, ASCII or UTF-16, ended by a NUL (as a
  driver writes a string: a run in the numbers' bytes seldom ends so, and a check finds nothing
  in a few stray characters).
"""

from __future__ import annotations

import re
from typing import Final

PRINTER: Final = re.compile(r"(?:xl|word)/printerSettings/printerSettings\d+\.bin")
# DEVMODEW: dmDeviceName, WCHAR[32] at 0; dmFormName, WCHAR[32] at 102; the public part ends at
# dmSize (at 68), the driver's own data (dmDriverExtra bytes, at 70) after it.
_DEVICE: Final = (0, 64)
_FORM: Final = (102, 166)
_FIELDS_END: Final = 166
# A string in the rest: UTF-16 (printable ASCII, or a code unit of the CJK block with any low
# byte) or ASCII, two characters or more, ended by a NUL.
_UTF16_RUN: Final = re.compile(rb"(?:[\x20-\x7e]\x00|[\x00-\xff][\x4e-\x9f]){2,}(?=\x00\x00)")
_ASCII_RUN: Final = re.compile(rb"[\x20-\x7e]{4,}(?=\x00)")


def texts(data: bytes) -> list[str]:
    """The device's and the form's names, and the strings of the rest of ``data``."""
    found = [_name(data, *_DEVICE), _name(data, *_FORM)]
    rest = data[_FIELDS_END:] if len(data) >= _FIELDS_END else data
    found += [run.decode("utf-16-le", "replace") for run in _UTF16_RUN.findall(rest)]
    found += [run.decode("ascii") for run in _ASCII_RUN.findall(rest)]
    return [text for text in found if text.strip()]


def _name(data: bytes, start: int, stop: int) -> str:
    """A fixed field of UTF-16 characters, up to its first NUL."""
    field = data[start:stop]
    text = field[: len(field) // 2 * 2].decode("utf-16-le", "replace")
    return text.split("\x00", 1)[0]


def blank(parts: dict[str, bytes], changed: dict[str, bytes]) -> None:
    """Into ``changed``, each printer's settings among ``parts`` with its device's or form's name
    blanked where it is more than a model's name (a character outside ASCII, a network path)."""
    for name, data in parts.items():
        if not PRINTER.fullmatch(name) or len(data) < _FIELDS_END:
            continue
        new = data
        for start, stop in (_DEVICE, _FORM):
            text = _name(data, start, stop)
            if not text.isascii() or text.startswith("\\\\"):
                new = new[:start] + bytes(stop - start) + new[stop:]
        if new is not data:
            changed[name] = new

"""Column-wise CSV walk: an export is a table, so every column is decided as a whole.

``structured.walk_csv`` visits cell by cell (a few µs each in Python: 2 MB/s on a 5 MB
export). Here the rows are split (without quotes and with as many fields on every line:
one ``str.split`` of a block with its line ends marked as fields, a slice per column, one
join back; else ``str.split`` per line, or the RFC 4180 parser with raw spans), and each column is handled as the JSON walker handles
one (``fastjson``): its header's plan once; clean keyed values in one batch
(``Run.keyed_column``); a column that no value of can hold anything — no header naming an
entity and no hit of ``scanner.MAYBE`` over the NUL-joined column, or a business column
that ``columns.business_clean`` clears — skipped whole; the rest value by value, each
distinct value detected once (``Run`` memoises) and skipped when nothing is found in it.
Untouched bytes stay as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .columnbatch import KeyedVisitor
from .csvcolumn import Categories, Detected, ValueVisitor, _column
from .csvfields import _filled, _grid, _newline, _quoted, _quoted_some, _table
from .csvnames import masked_mobiles, names_beside_numbers
from .detect import Plan
from .entities import person_name
from .entities.name_patterns import NEXT_LABELS
from .jsonbanks import ACCOUNT_KEY, ACCOUNT_KEYS, banked
from .name_headings import _pivot_by_person, name_shaped
from .nameparts import KEYS as NAME_PART_KEYS
from .nameparts import columns as name_columns
from .regionlinks import column_links
from .structured import ENVELOPE, _csv_field, _splice, looks_like_header, parse_csv, sniff_delimiter

EXCEL_SEP = re.compile(r"\ufeff?sep=.\r?\n")
# Characters per block of an export without quotes (see _Walker.lines): ~1,300 lines of
# the demo export. Its 5.9 MB cut into pieces inspected one by one ran fastest in pieces
# of 500-2,000 lines (5,000: -18 %, 20,000: -29 %).
BLOCK_CHARS = 1 << 18
# The values of a region key's column, whether only codes say anything, and their rows.
Regions = Callable[[list[str], bool, list[int]], None]
# The values of a column naming one level of the region written apart (1 province, 2 city,
# 3 county: catalog ``region_parts``), and their rows (Run.region_part).
RegionParts = Callable[[int, list[str], list[int]], None]
OneRecord = Callable[[list[int]], None]  # these rows are one record's (a table of labels and values)
# A block's columns of free text with the names the export's name columns gave masked (known_names.in_csv):
# [(values, their rows, the column's label)] -> per column its new values (None where unchanged), or None.
KnownNames = Callable[[list[tuple[list[str], list[int], str]]], "list[list[str | None] | None]"]


def walk_csv(
    text: str,
    visit: ValueVisitor,
    plan_of: Callable[[str | None], Plan],
    keyed_column: KeyedVisitor,
    category: Categories,
    detected: Detected,
    regions: Regions,
    block_chars: int = BLOCK_CHARS,
    one_record: OneRecord | None = None,
    region_part: RegionParts | None = None,
    known: KnownNames | None = None,
) -> tuple[str, bool, int]:
    """(text, changed, data rows), as ``structured.walk_csv`` returns them."""
    # Excel's separator line ("sep=;") above the header: taken for the header, it made the
    # real header a row of data, and the names under 姓名 went out in clear. Kept as it is.
    hint = EXCEL_SEP.match(text)
    head = hint.end() if hint is not None else 0
    body = text[head:]
    walker = _Walker(
        sniff_delimiter(body), visit, plan_of, keyed_column, category, detected, regions, one_record, region_part, known
    )
    newline = _newline(body)
    rest, changed, rows = walker.parsed(body) if newline is None else walker.lines(body, newline, block_chars)
    if not head:
        return rest, changed, rows
    return (text[:head] + rest if changed else text), changed, rows


class _Walker:
    """One export's walk: its delimiter, header and the visitors of the inspection's run."""

    def __init__(
        self,
        delimiter: str,
        visit: ValueVisitor,
        plan_of: Callable[[str | None], Plan],
        keyed_column: KeyedVisitor,
        category: Categories,
        detected: Detected,
        regions: Regions,
        one_record: OneRecord | None,
        region_part: RegionParts | None = None,
        known: KnownNames | None = None,
    ) -> None:
        self.delimiter = delimiter
        self.header: list[str] = []
        # The header is a row of names under its first cell's label (see _header_names): the
        # first column holds the other rows' labels (身份证号, 补助), not names.
        self.turned = False
        # The column of those labels: the first, or the second in a Markdown table, whose
        # rows open with a "|" (| 姓名 | 张伟 |: its first cell is empty).
        self.label_col = 0
        self._visit = visit
        self._plan_of = plan_of
        self._keyed_column = keyed_column
        self._category = category
        self._detected = detected
        self._regions = regions
        self._one_record = one_record
        self._region_part = region_part
        self._known = known

    def lines(self, text: str, newline: str, block_chars: int) -> tuple[str, bool, int]:
        """A text without quotes, block by block of about ``block_chars`` characters (whole
        lines): each block's cells are made, checked, masked and joined back before the
        next block's are made, so that the objects of a large export's walk stay few
        enough to be reused from the CPU's caches and the allocator's free lists (a 5.9 MB
        export in one piece makes ~70 MB of them). Rows are numbered across blocks."""
        step = len(newline)
        start = 0
        while text.startswith(newline, start):  # empty lines are not rows
            start += step
        pieces = [text[:start]]
        changed = False
        # A title line above the header (a roster's name: inspected as text), then the header.
        for _ in range(2):
            end = text.find(newline, start)
            end = len(text) if end < 0 else end
            top = text[start:end].split(self.delimiter)
            title = start < len(text) and self._title(top, text, end + step, newline)
            if not title and not (start < len(text) and self._header(top)):
                break
            line = self._retitled(top) if title else self._named_header(top, text, end + step, newline)
            pieces.append(text[start:end] if line is None else line)
            changed = changed or line is not None
            start = min(end + step, len(text))
            pieces.append(text[end:start])
            if self.header:
                break
        count = 0
        while start < len(text):
            end = text.find(newline, start + block_chars)
            end = len(text) if end < 0 else end + step
            block = text[start:end]
            new, rows = self._block(block, newline, count)
            pieces.append(block if new is None else new)
            changed = changed or new is not None
            count += rows
            start = end
        return ("".join(pieces) if changed else text), changed, count

    def _block(self, block: str, newline: str, first_row: int) -> tuple[str | None, int]:
        """The block with masks (None: unchanged) and how many rows it holds."""
        grid = _grid(block, newline, self.delimiter)
        links = "/" in block
        if grid is not None:
            return self._grid_block(grid[0], grid[1], newline, first_row, links)
        new, rows = self._lines_block(block.split(newline), first_row, links)
        return (None if new is None else newline.join(new)), rows

    def _grid_block(
        self, flat: list[str], width: int, newline: str, first_row: int, links: bool
    ) -> tuple[str | None, int]:
        """``_block`` for a block that ``_grid`` split: columns are slices of its fields, and
        masks are written back into them, so the block is joined back in one piece."""
        delimiter = self.delimiter
        step = width + 1  # a line's fields and its end
        end = len(flat) - 1  # the "" after the last line end
        count = end // step
        columns = [flat[col:end:step] for col in range(width)]
        every_row = list(range(first_row, first_row + count))  # Records makes one set of it
        changed = self._changes(len(columns), lambda col: (every_row, columns[col]), links)
        if not changed:
            return None, count
        inline = True
        for col, _, new in changed:
            filled = _filled(new, columns[col])
            values = _quoted(filled, delimiter)
            # A quoted mask holding a line end (a profile's text) would be taken for one of
            # the line ends the join below turns back; such blocks are joined line by line.
            inline = inline and (values is filled or not any("\n" in v for v in values))
            flat[col:end:step] = columns[col] = values
        if inline:
            return delimiter.join(flat).replace(f"{delimiter}\n{delimiter}", newline), count
        return newline.join(map(delimiter.join, zip(*columns, strict=True))) + newline, count

    def _lines_block(self, lines: list[str], first_row: int, links: bool) -> tuple[list[str] | None, int]:
        """The block's lines with masks (None: unchanged) and how many rows it holds."""
        delimiter = self.delimiter
        kept = [i for i, line in enumerate(lines) if line]
        columns = _table(lines, kept, delimiter)
        if columns is not None:  # the block's lines are contiguous (see _table)
            count = len(kept)
            every_row = list(range(first_row, first_row + count))  # Records makes one set of it
            changed = self._changes(len(columns), lambda col: (every_row, columns[col]), links)
            if not changed:
                return None, count
            for col, _, new in changed:
                columns[col] = _quoted(_filled(new, columns[col]), delimiter)
            out = list(lines)
            out[kept[0] : kept[-1] + 1] = map(delimiter.join, zip(*columns, strict=True))
            return out, count
        data = [lines[i].split(delimiter) for i in kept]

        def cells(col: int) -> tuple[list[int], list[str]]:
            present = [row for row, fields in enumerate(data) if col < len(fields)]
            return [first_row + row for row in present], [data[row][col] for row in present]

        changed = self._changes(max(map(len, data), default=0), cells, links)
        if not changed:
            return None, len(data)
        touched: dict[int, list[str]] = {}
        for col, present, new in changed:
            for row, value in zip(present, _quoted_some(new, delimiter), strict=True):
                if value is not None:
                    touched.setdefault(row - first_row, list(data[row - first_row]))[col] = value
        out = list(lines)
        for row, fields in touched.items():
            out[kept[row]] = delimiter.join(fields)
        return out, len(data)

    def parsed(self, text: str) -> tuple[str, bool, int]:
        """A text with quotes or mixed line ends: the RFC 4180 parser, and each changed
        field written over its raw span."""
        delimiter = self.delimiter
        fields = [r for r in parse_csv(text, delimiter) if not (len(r) == 1 and r[0].value == "")]
        edits = []
        for _ in range(2):  # a title line, then the header (see lines)
            if not fields:
                break
            top = [f.value for f in fields[0]]
            # ="xm",="sfzh": a header in Excel's text formula is its text (as the cells below)
            wrapped = '="' in text and _formulas([top])
            title = _alone(top) and len(fields) > 1 and len(fields[1]) > 1 and not self.header
            if not (title or self._header(top)):
                break
            retitled = self._title_text(top[0]) if title else None
            if retitled is not None:
                first = fields[0][0]
                edits.append((first.start, first.end, _csv_field(retitled, first.quoted, delimiter)))
            names = None if title else self._header_names([[f.value for f in row] for row in fields[1 : 1 + _BELOW]])
            for f, cell, name in zip(fields[0], top, names or [], strict=False):
                if name is not None:
                    field = _formula(name, f.quoted, delimiter) if wrapped and cell is not f.value else None
                    edits.append((f.start, f.end, field or _csv_field(name, f.quoted, delimiter)))
            fields = fields[1:]
            if self.header:
                break
        data = [[f.value for f in row] for row in fields]
        # Excel's text formula (="0610…": a number kept as text; ="张伟"): the cell is its text, read
        # within (a name so wrapped was no name whole) and written back wrapped as it came.
        formulas = '="' in text and _formulas(data)

        def cells(col: int) -> tuple[list[int], list[str]]:
            present = [row for row, values in enumerate(data) if col < len(values)]
            return present, [data[row][col] for row in present]

        changed = self._changes(max(map(len, data), default=0), cells, "/" in text)
        if not changed and not edits:
            return text, False, len(data)
        for col, present, new in changed:
            for row, value in zip(present, new, strict=True):
                if value is not None:
                    f = fields[row][col]
                    if formulas and f.value is not data[row][col]:
                        edits.append((f.start, f.end, _formula(value, f.quoted, delimiter)))
                    else:
                        edits.append((f.start, f.end, _csv_field(value, f.quoted, delimiter)))
        return _splice(text, edits), True, len(data)

    def _header(self, top: list[str]) -> bool:
        """Take the first row as the header if it looks like one."""
        if not looks_like_header(top):
            return False
        self.header = [v.strip().lstrip("\ufeff") for v in top]
        return True

    def _header_names(self, below: list[list[str]]) -> list[str | None] | None:
        """A header labelled as names (姓名,张三,李四: a table turned so that each person is a
        column, or a pivot by person), or a pivot by person under its rows' label (月份,张三,
        李四, see ``_pivot_by_person``; ``below`` are the first rows under the header): its
        other cells are the label's values, masked as names; None when the first cell names
        no person and the header is no such pivot, another is a key the catalog knows (a
        roster's header) or nothing was masked."""
        first = 1 if self.delimiter == "|" and len(self.header) > 2 and not self.header[0] else 0
        plan = self._plan_of(self.header[first] if self.header else None)
        if plan.info is None or plan.info.entity != person_name.ENTITY:
            return self._pivot_names(below)
        if any(self._plan_of(cell).info is not None for cell in self.header[first + 1 :]):
            return None  # 姓名,身份证号码,申请日期: a roster's header, its fields' names
        if _names_under(below, first, self._plan_of):
            return None  # 姓名,关系 over 张伟,户主: a roster whose heading 关系 has a name's shape
        names: list[str | None] = [None] * (first + 1)
        for col, cell in enumerate(self.header[first + 1 :], first + 2):
            # A field's label is no name, though 关系 has a name's shape: 姓名,关系 over one row
            # 张伟,户主 read as 姓名,关系 turned (关系 masked, 张伟 out); with no name in it, the
            # header is a roster's. A form's row of labels and values (姓名,张伟,性别,男) keeps 张伟.
            shaped = bool(cell) and cell not in NEXT_LABELS and name_shaped(cell, self._plan_of)
            names.append(self._visit(cell, plan, ENVELOPE, f"header col {col}", True) if shaped else None)
        self.turned = any(name is not None for name in names)
        self.label_col = first
        return names if self.turned else None

    def _pivot_names(self, below: list[list[str]]) -> list[str | None] | None:
        """The names heading a pivot by person without a name label (月份,张三,李四 over
        amounts), masked as names; None when the header is no such pivot or nothing was masked."""
        columns = _pivot_by_person(self.header, below, self._plan_of)
        if not columns:
            return None
        plan = self._plan_of(_NAME_LABEL)
        names: list[str | None] = [None] * len(self.header)
        for col in columns:
            names[col] = self._visit(self.header[col], plan, ENVELOPE, f"header col {col + 1}", True)
        return names if any(name is not None for name in names) else None

    def _named_header(self, top: list[str], text: str, after: int, newline: str) -> str | None:
        """The header line with ``_header_names`` masked (None: unchanged); the rows below it
        start at ``after``."""
        below: list[list[str]] = []
        start = after
        while start < len(text) and len(below) < _BELOW:
            end = text.find(newline, start)
            end = len(text) if end < 0 else end
            if end > start:
                below.append(text[start:end].split(self.delimiter))
            start = end + len(newline)
        names = self._header_names(below)
        if names is None:
            return None
        cells = [
            raw if name is None else _quoted([name], self.delimiter)[0] for raw, name in zip(top, names, strict=True)
        ]
        return self.delimiter.join(cells)

    def _retitled(self, top: list[str]) -> str | None:
        """The title line with ``_title_text`` masked (None: unchanged), its empty fields kept."""
        retitled = self._title_text(top[0])
        return None if retitled is None else _quoted([retitled], self.delimiter)[0] + self.delimiter * (len(top) - 1)

    def _title(self, top: list[str], text: str, after: int, newline: str) -> bool:
        """A line of one field above a line of several: a title ("低保人员花名册"), not the
        header (whose names would then key nothing: names in clear). Excel writes a title
        merged across the columns with their empty fields after it (``花名册,,,,``)."""
        if not _alone(top) or self.header or after >= len(text):
            return False
        end = text.find(newline, after)
        return self.delimiter in text[after : len(text) if end < 0 else end]

    def _title_text(self, title: str) -> str | None:
        """The title with what it holds of persons masked (None: nothing): "张伟家庭成员表".
        Header cells are not inspected: they hold fewer than six digits each (else the row
        would be no header) and, as labels, would set off name context ("与户主关系"); but
        see ``_header_names``."""
        return self._visit(title, self._plan_of(None), ENVELOPE, "title", True) if title.strip() else None

    def _changes(
        self, width: int, cells: Callable[[int], tuple[list[int], list[str]]], links: bool
    ) -> list[tuple[int, list[int], list[str | None]]]:
        """(column, rows, new values) of each column that changed; ``cells(col)`` gives a
        column's rows (numbered across the export) and values; ``links``: may a cell be a link
        (a "/" in the block)?"""
        changed: list[tuple[int, list[int], list[str | None]]] = []
        header = self.header
        bank = banked(header)  # 户名,开户行,账号: 账号 is the bank's account (jsonbanks.py)
        labelled = self._labelled_rows(width, cells)
        for col in range(width):
            if col in labelled:
                present, values = cells(col)
                # Each row is a field of one record (区划代码 in one, 区划名称 in the next): its
                # region is judged as one record's.
                if self._one_record is not None:
                    self._one_record(present)
                new_values = [
                    self._visit(value, plan, row, f"row {row + 1} col {label or col + 1}", True)
                    for row, value, label, plan in zip(present, values, *labelled[col], strict=True)
                ]
                if any(value is not None for value in new_values):
                    changed.append((col, present, new_values))
                continue
            name = self._heading(col)
            present, values = cells(col)
            plan = self._plan_of(ACCOUNT_KEY if bank and name in ACCOUNT_KEYS else name)
            if plan.info is not None and plan.info.region:
                self._regions(values, plan.info.region_code_only, present)
            if plan.info is not None and plan.info.region_part and self._region_part is not None:
                # 省,市,县 columns: a column of 61s is skipped below (nothing personal in it)
                self._region_part(plan.info.region_part, values, present)
            if links and (plan.info is None or not plan.info.region):
                # Links name their row's region (regionlinks.py); a column of them holds
                # nothing personal and no cell of it is visited below.
                for text, code_only, row in column_links(values, present, self._plan_of):
                    self._regions([text], code_only, [row])
            new = _column(
                name or str(col + 1),
                plan,
                present,
                values,
                self._visit,
                self._keyed_column,
                self._category,
                self._detected,
            )
            if new is not None:
                changed.append((col, present, new))
        if not NAME_PART_KEYS.isdisjoint(header):  # 姓,名 over 张,伟: one name in two columns
            changed = name_columns(header, cells, changed, self._visit, self._plan_of)
        # 张伟,<ID>,139…: rows without a header, or under headings the catalog knows none of (a,b,c;
        # beside 身份证号 a heading such as 与户主关系 heads relations, 孙子女 of a full name's shape)
        if width > 1 and all(self._plan_of(name).info is None for name in header):
            done = {col for col, _, _ in changed}
            # 张**,138****8000,男: a mobile masked in part beside a person
            mobiles, rows = masked_mobiles(width, cells, done, self._visit, self._plan_of)
            changed += mobiles
            done.update(col for col, _, _ in mobiles)
            changed += names_beside_numbers(width, cells, done, self._visit, self._plan_of, rows)
        if self._known is not None and not labelled:
            self._known_names(self._known, width, cells, changed)
        return changed

    def _known_names(
        self,
        known: KnownNames,
        width: int,
        cells: Callable[[int], tuple[list[int], list[str]]],
        changed: list[tuple[int, list[int], list[str | None]]],
    ) -> None:
        """Add to ``changed`` the names this export's name columns gave (so far: this block's and
        those before it) masked in its columns of free text: a 备注 repeating a 姓名 in words that
        are no name's evidence went out in clear beside the masked name."""
        at = {col: k for k, (col, _, _) in enumerate(changed)}
        free: list[tuple[int, list[int], list[str], str]] = []  # (column, rows, values, label)
        for col in range(width):
            name = self._heading(col)
            info = self._plan_of(name).info
            if info is not None and (info.entity is not None or info.business or info.region):
                continue  # judged under its key's entity; a business's or a region's codes
            present, values = cells(col)
            k = at.get(col)
            if k is not None:  # masked already (a remark's ID number): its names read as masked
                values = [v if n is None else n for v, n in zip(values, changed[k][2], strict=True)]
            free.append((col, present, values, name or str(col + 1)))
        masked = known([(values, present, label) for _, present, values, label in free])
        for (col, present, _, _), new in zip(free, masked, strict=True):
            k = at.get(col)
            if new is None:
                continue
            if k is None:
                changed.append((col, present, new))
            else:
                before = changed[k][2]
                changed[k] = (col, present, [m if m is not None else b for m, b in zip(new, before, strict=True)])

    def _heading(self, col: int) -> str | None:
        """A column's name in the header (None: none, or the column of a turned table's labels)."""
        header = self.header
        labels = col == self.label_col and self.turned
        return header[col] if col < len(header) and header[col] and not labels else None

    def _labelled_rows(
        self, width: int, cells: Callable[[int], tuple[list[int], list[str]]]
    ) -> dict[int, tuple[list[str], list[Plan]]]:
        """{a value column: each of its rows' label and plan} of a table labelled down its rows
        under a header that names nothing (| 字段 | 值 |, then | 姓名 | 张伟 |, a record shown as a
        two-column table): each value is judged under its row's label, where under "值" a name
        had no evidence. A row may hold several pairs (| 字段 | 值 | 字段 | 值 |, then | 性别 | 男 |
        xm | 张伟 |): each column after a column of labels is such a column, when one of the
        labels names an entity (the pairs after the first went out unread). Empty when the
        header names a field the catalog knows."""
        header = self.header
        out: dict[int, tuple[list[str], list[Plan]]] = {}
        if self.turned or len(header) < 2 or any(cell and self._plan_of(cell).info is not None for cell in header):
            return out
        for label_col in range(1 if self.delimiter == "|" and len(header) > 2 and not header[0] else 0, width - 1, 2):
            rows, texts = cells(label_col)
            by_row = dict(zip(rows, (text.strip() for text in texts), strict=True))
            present, _ = cells(label_col + 1)
            labels = [by_row.get(row, "") for row in present]
            plans = [self._plan_of(label or None) for label in labels]
            if any(plan.info is not None and plan.info.entity is not None for plan in plans):
                out[label_col + 1] = (labels, plans)
        return out


# How many rows under a header tell what its columns hold (see _pivot_by_person).
_BELOW = 5
# A person's label: how a pivot's names are visited (as a name key's values).
_NAME_LABEL = "姓名"


def _names_under(below: list[list[str]], col: int, plan_of: Callable[[str | None], Plan]) -> bool:
    """Do most of the rows under a header hold a name in its name label's column (张伟 under
    姓名): a roster's rows, where a turned table's hold its labels there (性别, 身份证号)? One
    row cannot tell: 姓名,关系 over 张伟,户主 reads as 姓名,张伟 over 关系,户主."""
    cells = [row[col].strip() for row in below if len(row) > col and row[col].strip()]
    return len(cells) > 1 and 2 * sum(name_shaped(cell, plan_of) for cell in cells) > len(cells)


def _alone(fields: list[str]) -> bool:
    """One field, or one followed by empty ones only: a line of a title."""
    return len(fields) == 1 or (fields[0] != "" and not any(fields[1:]))


def _formulas(rows: list[list[str]]) -> bool:
    """Replace each of Excel's text formulas among ``rows``' cells (``="张伟"``) by its text; were
    there any?"""
    found = False
    for row in rows:
        for i, cell in enumerate(row):
            if len(cell) > 3 and cell.startswith('="') and cell.endswith('"') and '"' not in cell[2:-1]:
                row[i] = cell[2:-1]
                found = True
    return found


def _formula(value: str, quoted: bool, delimiter: str) -> str:
    """``value`` as a field holding Excel's text formula of it, bare (``="张**"``) or quoted (the
    formula's quotes doubled) as the field came, or where it must be."""
    if quoted or any(c in value for c in (delimiter, '"', "\r", "\n")):
        return _csv_field(f'="{value}"', True, delimiter)
    return f'="{value}"'

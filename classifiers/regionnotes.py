"""The regions of one inspection as its walkers note them: codes, values that are no code,
and the region fields of each document, read record by record when a value is no code.

``Run`` holds these (it is a ``RegionNotes``): the walkers note a region key's values
(``region_values``), a level of a region written apart (``region_part``), the object they are in
(``item``) and the documents they walk apart (``document``); the inspection reads ``regions``,
``unread_regions`` and ``unread_records``. A base class, not a member: attribute reads and calls stay
those of one native class, as they were when ``Run`` held them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .regionfields import DISAGREE, RegionField, unread_of, unread_region
from .regionlevels import chain_code, listed_codes
from .regionnames import names_one_division
from .regionparts import RegionPart, regions_of
from .structured import division_code, region_code


class RegionNotes:
    """The region state of one inspection (``Run``'s)."""

    def __init__(self) -> None:
        self.regions: set[str] = set()  # 行政区划代码 under region keys (catalog `regions`)
        self.unread_regions: set[str] = set()  # values under region keys that are no code
        # The region fields as walked: (values, code only?, the record of each value or of them all),
        # read record by record only when a value is no code (``unread_records``).
        self.region_fields: list[RegionField] = []
        # Records that are one record's fields to region judgement (a record written as a table of
        # labels and values, | 区划代码 | 610902001 | then | 区划名称 | 江北街道 |): record -> the first.
        self.region_record_of: dict[int, int] = {}
        # Those two of each document walked apart (``document``): an NDJSON line, a multipart part,
        # JSON in text or in an XML element. Each numbers its records from 0, so record 0 of one
        # line is no record of the next, and the codes of one never place a township of another.
        self.region_documents: list[tuple[list[RegionField], dict[int, int]]] = []
        # The parts of records' regions written apart (catalog ``region_parts``), as walked: read
        # record by record into region fields when their document ends (``parts_end``).
        self.region_parts: list[RegionPart] = []
        # The record the region values noted now are of, when the JSON walker is inside an object
        # of a list that is not the answer's record list, or a row of column-wise records (``item``);
        # to region judgement only: grading keeps the walker's record.
        self.region_item: int | None = None

    def region_values(self, values: Sequence[Any], code_only: bool, records: Sequence[int] | int) -> None:
        """Note the region codes among a region key's values (``structured.region_code``:
        "6109-02" and full-width digits are codes too). A value that is there but no code (a
        name such as 紫阳县, a number of another length) is noted as unread: its record's
        region cannot be judged. Absent values (null, "", and placeholders such as "-" or
        暂无: ``regionfields._NO_REGION``) say nothing, as no region field says nothing. ``code_only``: a key
        of region words (areaCode), where only a GB/T 2260 code says anything. ``records``:
        the record of each value, or of all of them."""
        if self.region_item is not None and type(records) is int:
            records = self.region_item
        chains: dict[Any, str] = {}
        each: dict[Any, list[str]] = {}
        for value in set(values):
            code = division_code(value) if code_only else region_code(value)
            if not code or (type(value) is str and not value.isdigit()):
                # A chain of codes (610000,610900,610902): its finest is the record's region,
                # noted in its place so that every later reading of the field reads the code.
                listed = listed_codes(value)
                chained = chain_code(value) if listed or not code else ""
                if chained:
                    code = division_code(chained) if code_only else chained
                    if code:
                        chains[value] = code
                elif listed:
                    # Codes of two regions that are no chain (610902/610921, read whole as a
                    # village's code): unreadable under a region key; under areaCode, where
                    # they said nothing, each is judged.
                    if code_only:
                        each[value] = listed
                        self.regions.update(listed)
                        continue
                    code = ""
                    chains[value] = DISAGREE
            if code:
                self.regions.add(code)
            elif not code_only or names_one_division(value):  # areaName: 汉阴县
                text = unread_region(value)
                if text:
                    self.unread_regions.add(text)
        self.region_fields.append(
            ([chains.get(value, value) for value in values] if chains else values, code_only, records)
        )
        if each:  # the codes of each such value, as values of the record holding it
            if isinstance(records, int):
                self.region_fields.append(([c for v in values if v in each for c in each[v]], code_only, records))
            else:
                pairs = [(c, r) for v, r in zip(values, records, strict=True) if v in each for c in each[v]]
                self.region_fields.append(([c for c, _ in pairs], code_only, [r for _, r in pairs]))

    def region_part(self, level: int, values: Sequence[Any], records: Sequence[int] | int) -> None:
        """Note the values of a key naming one level of the region written apart (sheng, city,
        xiandm), for ``parts_end``."""
        if self.region_item is not None and type(records) is int:
            records = self.region_item
        self.region_parts.append((level, values, records))

    def parts_end(self) -> None:
        """Note the region of each record of the document that holds parts of two levels or
        more (``regionparts.regions_of``), as a region field of that record."""
        if not self.region_parts:
            return
        item, self.region_item = self.region_item, None  # the records are those the parts were noted of
        for record, values in regions_of(self.region_parts).items():
            self.region_values(values, False, record)
        self.region_parts, self.region_item = [], item

    def one_record(self, records: Sequence[int]) -> None:
        """``records`` hold the fields of one record (rows of a table of labels and values)."""
        for record in records:
            self.region_record_of[record] = records[0]

    def document(self) -> tuple[list[RegionField], dict[int, int], int | None, list[RegionPart]]:
        """Start noting the region fields of a document of their own (its records numbered
        apart); returns what ``document_end`` restores: those of the document around it."""
        outer = (self.region_fields, self.region_record_of, self.region_item, self.region_parts)
        self.region_fields = []
        self.region_parts = []
        self.region_record_of = {}
        self.region_item = None
        return outer

    def document_end(self, outer: tuple[list[RegionField], dict[int, int], int | None, list[RegionPart]]) -> None:
        self.parts_end()
        if self.region_fields:
            self.region_documents.append((self.region_fields, self.region_record_of))
        self.region_fields, self.region_record_of, self.region_item, self.region_parts = outer

    def item(self, item: int | None) -> None:
        """The region values noted from now on are of ``item`` (None: of the record the walker
        names): an object of a list that is not the answer's record list (a page nested deeper
        than ``structured.json_records`` looks, a list in a JSON string, a household's members)
        or a row of column-wise records. Each is placed by its own region fields, as a record is."""
        self.region_item = item

    def unread_records(self) -> tuple[dict[str, frozenset[int]], ...]:
        """Per document walked: each region value that is no code, and the records holding it
        that hold no code of their own (``regionfields.unread_of``)."""
        documents = [*self.region_documents, (self.region_fields, self.region_record_of)]
        held = [unread_of(fields, alias) for fields, alias in documents]
        return tuple(records for records in held if records)

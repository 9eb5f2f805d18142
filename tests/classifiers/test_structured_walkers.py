from classifiers import structured
from classifiers.structured import Cell
from support.synth_people import bad_check, make_id

ID = make_id()


def _collect(cells: list[Cell]) -> structured.Visitor:
    def visit(cell: Cell) -> str | None:
        cells.append(cell)
        return "X" if cell.key in ("sfzh", "身份证号码", "mobile") and cell.scan else None

    return visit


def test_csv_chinese_headers_keep_quoting() -> None:
    text = f'姓名,身份证号码,备注\r\n张伟,{ID},"a, b"\r\n李芳,"{bad_check(ID)}",\r\n'
    cells: list[Cell] = []
    new, changed, rows = structured.walk_csv(text, _collect(cells))
    assert rows == 2 and changed
    assert new == '姓名,身份证号码,备注\r\n张伟,X,"a, b"\r\n李芳,"X",\r\n'
    assert cells[1].path == "row 1 col 身份证号码" and cells[1].key == "身份证号码"
    assert [c.value for c in structured.parse_csv('a,"x""y",\n', ",")[0]] == ["a", 'x"y', ""]


def test_csv_without_header_uses_column_numbers() -> None:
    cells: list[Cell] = []
    structured.walk_csv(f"{ID},1\n", _collect(cells))
    assert cells[0].path == "row 1 col 1" and cells[0].key is None


def test_form() -> None:
    cells: list[Cell] = []
    new, changed, _ = structured.walk_form(f"a=1&sfzh={ID}&mobile=139+1234", _collect(cells))
    assert new == "a=1&sfzh=X&mobile=X" and changed
    values = [c for c in cells if c.key is not None]
    assert values[2].text == "139 1234"
    # Field names are values too (keyless): sfzh[<ID>]=1 and a bare <ID> carry one.
    assert [c.text for c in cells if c.key is None] == ["a", "sfzh", "mobile"]


def test_an_indexed_form_field_is_the_field_named_last_of_its_index_record() -> None:
    """items[0].sfzh named no field: judged under a key that says nothing, a name in such a
    form went out in clear, and every index was one record."""
    cells: list[Cell] = []
    form = f"total=2&items[0].sfzh={ID}&items[1][sfzh]={ID}&list.2.mobile=139&person.sfzh={ID}&ids[0]=7"
    new, changed, records = structured.walk_form(form, _collect(cells))
    assert new == "total=2&items[0].sfzh=X&items[1][sfzh]=X&list.2.mobile=X&person.sfzh=X&ids[0]=7" and changed
    assert [(c.key, c.record) for c in cells if c.key is not None] == [
        ("total", 0),
        ("sfzh", 1),
        ("sfzh", 2),
        ("mobile", 3),
        ("sfzh", 0),  # no index before it: a field of the form's own
        ("ids", 0),
    ]
    assert records == 3

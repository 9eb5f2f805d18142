import random
import re
from collections.abc import Iterable

import pytest

from classifiers.entities import address, name_patterns, name_runs, name_tests, person_name, resident_id
from classifiers.scanner import Scanner
from support.random_texts import random_texts
from support.synth_people import bad_check, make_id


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("申请人：张伟，男", ["张伟"]),
        ("户主姓名：欧阳娜娜，", ["欧阳娜娜"]),
        ("监护人李芳申请低保", ["李芳"]),
        ("联系人为王小明。", ["王小明"]),
        ("张伟办理业务", []),  # free text without context is too weak
        ("张伟今天来办理业务", ["张伟"]),  # a day's word after a name at a run's head (name_words.AFTER_NAME_WORDS)
        ("姓名不详", []),  # 不 is not a surname
        ("申请人数：12", []),
        # a label in brackets, or padded to four characters' width
        ("【姓名】张伟", ["张伟"]),
        ("[联系人]李芳", ["李芳"]),
        ("姓 名：张伟", ["张伟"]),
        ("姓\u3000名：张伟", ["张伟"]),
        ("姓  名：张伟", ["张伟"]),
        ("【姓名】【性别】", []),
    ],
)
def test_names(text: str, found: list[str]) -> None:
    matches = [m for m in Scanner().scan(text) if m.entity == "PERSON_NAME"]
    assert [text[m.start : m.end] for m in matches] == found


ID = make_id(birth="19491231", seq="002")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # File names and rosters write the name beside the number: the number is the context.
        (f"张三_{ID}.csv", ["张三"]),
        (f"王小明-{ID}.xlsx", ["王小明"]),
        (f"欧阳娜娜（{ID}）", ["欧阳娜娜"]),
        (f"低保_张三{ID}", ["张三"]),
        (f"{ID}_李四.pdf", ["李四"]),
        (f"{ID} 赵六", ["赵六"]),
        (f"户主 张三_{ID}", ["张三"]),  # found once
        # A longer run is no name whole; no surname, no name; an invalid number is no context.
        (f"低保人员张三{ID}", []),
        (f"民政_{ID}.csv", []),
        (f"张三_{bad_check(ID)}.csv", []),
        (f"{ID}号码", []),
        # A village, a landmark or a county beside the number is where, not who.
        (f"王家庄{ID}", []),
        (f"{ID}_李家湾.pdf", []),
        (f"韩城市_{ID}", []),
    ],
)
def test_names_beside_an_id_number(text: str, found: list[str]) -> None:
    matches = [m for m in Scanner().scan(text) if m.entity == "PERSON_NAME"]
    assert [text[m.start : m.end] for m in matches] == found


def test_surname_length() -> None:
    assert person_name.surname_length("欧阳娜娜") == 2
    assert person_name.surname_length("诸葛亮") == 2
    assert person_name.surname_length("张三") == 1
    assert person_name.surname_length("民政局") == 0


def test_keyed_names() -> None:
    assert person_name.is_keyed_name("买买提·艾力", require_surname=False)
    assert person_name.is_keyed_name("小明", require_surname=False)
    assert not person_name.is_keyed_name("小明", require_surname=True)
    assert not person_name.is_keyed_name("安康市民政局", require_surname=False)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "家住陕西省安康市汉滨区新城街道育才路12号3栋2单元501室。",
            ["陕西省安康市汉滨区新城街道育才路12号3栋2单元501室"],
        ),
        ("住址：汉阴县城关镇和平村三组", ["汉阴县城关镇和平村三组"]),
        ("住址：北京市朝阳区建国路88号", ["北京市朝阳区建国路88号"]),
        ("安康市汉滨区恒口镇", ["安康市汉滨区恒口镇"]),
        ("他来自陕西省安康市", []),  # a region is not a dwelling address
        ("自然保护区内", []),
    ],
)
def test_addresses(text: str, found: list[str]) -> None:
    matches = [m for m in Scanner().scan(text) if m.entity == "ADDRESS"]
    assert [text[m.start : m.end] for m in matches] == found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("陕西省安康市汉滨区新城街道育才路12号", "陕西省安康市汉滨区"),
        ("安康市旬阳市城关镇", "安康市旬阳市"),
        ("北京市朝阳区建国路88号", "北京市朝阳区"),
        ("汉滨区新城街道", "汉滨区"),
        ("新城街道育才路8号", ""),
        # The levels a space apart.
        ("陕西省 安康市 汉滨区 新城街道 育才路12号", "陕西省 安康市 汉滨区"),
        ("陕西省\u3000安康市\u3000汉滨区育才路12号", "陕西省\u3000安康市\u3000汉滨区"),
    ],
)
def test_district_end(text: str, kept: str) -> None:
    assert text[: address.district_end(text)] == kept


def test_all_province_level_names() -> None:
    assert len(address.PROVINCES) == 34


# What person_name's patterns were tried on at every position: the equivalence tests below
# compare the anchored searches with finditer over every kind of character they read.
_NAME_PIECES = [
    *"张伟李娜欧阳四王芳小明男女性身份证号码件公民户主姓名申请人联系监护是为叫的在",
    *" \t\n\x1c,，、;；|:：=｜（）()【】[]_-",
    *"0123456789Xxab",
    "身份证号",
    "证件号",
    "公民身份号码",
    "男性",
    "户主姓名：",
    "姓  名",
    "12345678901234567",
    "123456789012345678",
    "1234567890123456789",
    make_id(),
    make_id("110101", "20100101", "007"),
    bad_check(make_id()),
]


def _name_text(r: random.Random) -> str:
    return "".join(r.choice(_NAME_PIECES) for _ in range(r.randint(0, 40)))


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(m.re.groups + 1)) for m in matches]


def test_anchored_searches_equal_finditer() -> None:
    """``_beside_id`` (tried only up to five characters before a run of 17 digits, the runs
    found once by ``_id_runs``) and ``_records`` (only at the CJK run before a gender or an ID
    number's label, found by ``str.find``) find what their patterns' finditer finds, groups
    and all."""
    r = random.Random(12)
    for _ in range(30000):
        text = _name_text(r)
        beside = person_name._beside_id(text, person_name._id_runs(text))
        assert _spans(beside) == _spans(name_patterns._BESIDE_ID_RE.finditer(text)), repr(text)
        assert _spans(person_name._records(text)) == _spans(name_patterns._RECORD_RE.finditer(text)), repr(text)


# find's evidence from the passes after the digit runs (the set ``starts`` leaves out).
_AFTER_RUNS = frozenset(
    {"surname+beside-mobile", person_name.LEGACY_EVIDENCE, "surname+record-line", "surname+beside-id"}
)


def test_record_lines_found_once_equal_each_pass_searching_them() -> None:
    """``find`` builds the record lines (``_records``) once and hands them to the legacy numbers
    in them and to the names before an ID number on their line, and looks for legacy numbers
    only where its runs of digits hold one of 15: what it finds equals both passes given
    ``_RECORD_RE``'s own matches, as each searched them (and ``_LEGACY_RUN``) before."""
    r = random.Random(16)
    legacy = "610902900101123"  # a region, a date, a sequence: a plausible legacy number
    pieces = [
        *_NAME_PIECES,
        legacy,
        legacy,
        "610902901301123",
        "010902900101123",
        make_id(),
        "，男，",
        "，女，",
        "张伟",
        "李娜",
    ]
    seen = {"legacy": 0, "record-line": 0}
    for text in random_texts(r, pieces, 20000, 30):
        found = person_name.find(text)
        records = list(name_patterns._RECORD_RE.finditer(text))
        legacy_found = [(start, end) for start, end, _, evidence in found if evidence == person_name.LEGACY_EVIDENCE]
        runs = [m.end() - m.start() for m in re.finditer("[0-9]{11,}", text)]
        expected = person_name.legacy_ids_beside_names(text, records) if any(n >= 15 for n in runs) else []
        assert legacy_found == [(start, end) for start, end, _, _ in expected], repr(text)
        earlier = {start for start, _, _, evidence in found if evidence not in _AFTER_RUNS}
        lines = [f for f in found if f[3] == "surname+record-line"]
        assert lines == person_name._in_record_line(text, earlier, records), repr(text)
        seen["legacy"] += bool(legacy_found)
        seen["record-line"] += bool(lines)
    assert min(seen.values()) > 100, seen  # both passes found names often enough to be compared


def test_cjk_test_by_code_point_equals_the_string_comparison() -> None:
    """``name_tests.cjk_at`` (the code point compared as a number; person_name, name_runs and
    name_lists each had a twin of it) says what comparing the character as a string with the
    ideographs' bounds said, for every code point."""
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    for at, char in enumerate(every):
        assert name_tests.cjk_at(every, at) == ("\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff"), hex(
            ord(char)
        )


def _beside_id_apart_reference(text: str, runs: list[int], starts: set[int]) -> list[tuple[int, int, float, str]]:
    """``name_runs.beside_number_apart`` (``_beside_id_apart`` then) as it was (2026-12-01): a character told CJK by comparing it as
    a string, the separator after the number looked up in a tuple of the separators (the slice
    past the text's end is "", in no tuple); and since formats round five (2026-12-02) two spaces
    or tabs or more on either side read as a separator (a name padded to a column's width),
    searched here by regex."""

    def is_cjk(char: str) -> bool:
        return "\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff"

    separators = ",、;|"
    found: list[tuple[int, int, float, str]] = []
    for at in runs:
        if resident_id.validate(text[at : at + 18]) is not True:
            continue
        if at > 2 and text[at - 1] in separators:
            start = end = at - 1
            while start > 0 and is_cjk(text[start - 1]):
                start -= 1
            if start not in starts and name_runs.field_is_name(text[start:end]):
                found.append((start, end, 0.85, "surname+beside-id"))
        padded = re.search(r"[ \t]{2,}\Z", text[:at])
        if padded is not None and padded.start() > 0:
            start = end = padded.start()
            while start > 0 and is_cjk(text[start - 1]):
                start -= 1
            if start not in starts and name_runs.field_is_name(text[start:end]):
                found.append((start, end, 0.85, "surname+beside-id"))
        after = at + 18
        padded = re.match(r"[ \t]{2,}", text[after:])
        if padded is not None:
            start = end = after + padded.end()
            while end < len(text) and is_cjk(text[end]):
                end += 1
            if start not in starts and name_runs.field_is_name(text[start:end]):
                found.append((start, end, 0.85, "surname+beside-id"))
        if text[after : after + 1] in tuple(separators):
            start = end = after + 1
            while end < len(text) and is_cjk(text[end]):
                end += 1
            if start not in starts and name_runs.field_is_name(text[start:end]):
                found.append((start, end, 0.85, "surname+beside-id"))
    return found


def test_fields_beside_an_id_equal_those_found_before() -> None:
    """``beside_number_apart`` (the shared ``cjk_at``, the separator after the number read where the
    text has one) finds the fields the old code found, on seeded texts of names, labels, the
    separators and others, ID numbers valid and not, at the text's end too."""
    r = random.Random(18)
    names = ["张伟", "张伟", "扎西", "申请人", "汉阴县", "农民", "巴特尔", "金额"]
    pieces = [ID, ID, ID, bad_check(ID), *names, *",,、、;|", *"，: 1a", "  ", "\t\t"]
    seen = 0
    for text in random_texts(r, pieces, 40_000, 6):
        runs = [m.start() for m in re.finditer("[0-9]{17,}", text)]
        starts = {m.start() for m in re.finditer("扎西", text)}
        want = _beside_id_apart_reference(text, runs, starts)
        ids = [(at, at + 18) for at in runs if resident_id.validate(text[at : at + 18]) is True]
        assert name_runs.beside_number_apart(text, ids, starts, "surname+beside-id") == want, repr(text)
        seen += bool(want)
    assert seen > 250, seen


def test_name_before_a_mobile_equals_the_search() -> None:
    """``_before_mobile`` (matched only where the last CJK run before the number begins) finds
    the name ``_BEFORE_MOBILE_RE`` searched over the 16 characters before it finds, wherever the
    number stands. (No piece holds 电话 or 手机: a name before a phone's label is read apart,
    test_names_beside_phones.py.)"""
    r = random.Random(15)
    pieces = [
        *_NAME_PIECES,
        "请联系",
        "致电",
        "找",
        "/",
        "+86",
        "+86-",
        "86 ",
        " " * 4,
        " " * 7,
        "\t\t",
        "\u3000",
        "1" * 11,
        "欧阳娜娜",
    ]
    for text in random_texts(r, pieces, 20000, 30):
        for at in range(len(text) + 1):
            searched = name_patterns._BEFORE_MOBILE_RE.search(text, max(0, at - 16), at)
            matched = person_name._before_mobile(text, at)
            assert matched == (None if searched is None else searched.span(1)), (repr(text), at)


def test_record_ends_and_id_runs_equal_their_regex_passes() -> None:
    """What ``find`` looks for by ``str.find`` and shares between its passes is what the
    regex passes it replaced found: where a gender or an ID label begins, and where a run of
    17 digits or more does (the test ``[0-9]{17}`` of the early return among them)."""
    ends = re.compile("[男女]|身份|证件号")
    r = random.Random(14)
    pieces = [*_NAME_PIECES, "男女", "身份身份", "证件号证件号", "\u3000", "\u200b", "１２３", "0" * 17, "1" * 16]
    for text in random_texts(r, pieces, 30000, 30):
        assert sorted(person_name._record_ends(text)) == [m.start() for m in ends.finditer(text)], repr(text)
        runs = person_name._id_runs(text)
        assert runs == [m.start() for m in re.finditer("[0-9]{17,}", text)], repr(text)
        assert bool(runs) == (re.search("[0-9]{17}", text) is not None), repr(text)


def test_context_words_first_equals_the_repeat() -> None:
    """``_FREE_RE`` with its first context word outside the repeat (so that ``re`` skips to
    where a word begins) matches as the repeat did."""
    tail = r"[\s:：=|｜（()）【】\[\]]*(?:是|为|叫)?[\s:：=|｜]*"
    before = re.compile(r"(?:(?:" + name_patterns._CTX + r")" + tail + r")+" + name_patterns._NAME_AFTER_CONTEXT)
    r = random.Random(13)
    pieces = [*_NAME_PIECES, *person_name.CONTEXT, "【姓名】", "户主姓名=", "叫", " ", "·", "欧阳"]
    for text in random_texts(r, pieces, 30000, 30):
        assert _spans(name_patterns._FREE_RE.finditer(text)) == _spans(before.finditer(text)), repr(text)


def test_address_pre_check_hides_no_address() -> None:
    """``address.may_contain`` takes 号 only after a digit or a letter (12号, 3号楼), or beside a
    word that ends a dwelling's part with no other character of ``TRIGGERS`` (花园, 3座, 2单元):
    the scanner finds what it found when any 号 (身份证号, 编号) let ``address.find`` run."""
    # With a label before a letter or a digit (an address in English, address_latin.py), which
    # also lets ``find`` read a part without a trigger after a label (住址：2单元).
    before = re.compile(f"[{address.TRIGGERS}{address.ESTATE_ENDS}]|{address.LABELLED_HINT}")
    r = random.Random(15)
    pieces = [
        *_NAME_PIECES,
        *"号座房组院楼栋室市区A",
        *address.CONTEXT,
        "住址：",
        "安康市",
        "汉滨区",
        "兴安路",
        "幸福花园",
        "阳光家园",
        "东风居委会",
        "南锣胡同",
        "2单元",
        "1006",
        "编号",
        "账号",
        "１２",
        "\u200b",
    ]
    for text in random_texts(r, pieces, 30000, 30):
        found = address.find(text)
        assert (found if address.may_contain(text) else []) == (found if before.search(text) else []), repr(text)


def test_parse_at_reads_the_levels_as_their_groups_did() -> None:
    """``parse_at`` reads the levels' spans from ``match.regs`` (group i + 1 for ``LEVELS[i]``), where
    it asked a span and a group of each by name: the same parse at every position of seeded random
    texts of address parts, digits and prose."""
    assert address._ADDRESS_RE.groupindex == {name: i + 1 for i, name in enumerate(address.LEVELS)}
    pieces = [
        *"0123456789A号室栋幢座组村路街巷，。 ",
        "陕西省",
        "安康市",
        "汉滨区",
        "平利县",
        "城关镇",
        "江北街道",
        "五里村",
        "幸福家园",
        "巴山中路",
        "胡同",
        "12号",
        "3号楼",
        "2单元",
        "1006室",
        "内蒙古自治区",
        "某某市",
        "住址：",
        "身份证号",
        "补助624元",
    ]
    for text in random_texts(random.Random(42), pieces, 3000, 16):
        for pos in range(len(text) + 1):
            match = address._ADDRESS_RE.match(text, pos)
            want = None
            if match is not None and match.end() != pos:
                parts = {name: match.span(name) for name in address.LEVELS if match.group(name)}
                want = address.ParsedAddress(pos, match.end(), parts)
            assert address.parse_at(text, pos) == want, (text, pos)

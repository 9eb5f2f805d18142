"""Whole-column shortcuts must never skip what the per-value path would find."""

import json
import random
import re

import pytest

from classifiers import base64text, columns, hextext
from classifiers.columns import business_clean, join
from classifiers.entities import embedded_file, resident_id, uscc
from classifiers.inspect import Inspector
from policies.masking import load_profiles
from support.random_texts import random_texts
from support.synth_people import bad_check, make_id, make_uscc

INSPECTOR = Inspector()
LABELS = load_profiles().get("statistician")
ID = make_id()


def test_business_column_is_clean_only_without_acceptable_values() -> None:
    assert business_clean(join(["AK2024000123", "2024-01-05", 580, 1.5, None]) or "")
    assert not business_clean(join(["246549468074510955", ID]) or "")  # a valid ID among serials
    assert not business_clean(join([f"{ID[:6]} {ID[6:14]} {ID[14:]}"]) or "")  # grouped
    assert not business_clean(join(["a@b.cn"]) or "")
    assert join([{"a": 1}]) is None


def test_business_and_map_columns_still_masked() -> None:
    records = {k: {"serialNo": s, "amount": 5} for k, s in (("a", "246549468074510955"), ("b", ID))}
    result = INSPECTOR.inspect(json.dumps({"byKey": records}).encode(), "application/json", None, LABELS)
    out = json.loads(result.body)["byKey"]
    assert out["a"]["serialNo"] == "246549468074510955" and out["b"]["serialNo"] == "<RESIDENT_ID>"
    assert [f.path for f in result.findings] == ["$.byKey.b.serialNo"]


# business_clean's patterns as they were: the grouped digits in one alternation with the rest, and
# separator runs found from the digit before them.
_OLD_MAYBE = re.compile(
    f"{columns.FOLDABLE}|@|%3[0-9]|&#|(?<![0-9])(?=(?:[0-9]{columns._GROUPING}*){{17}})[0-9]+{columns._GROUPING}+[0-9]"
)
_OLD_SEP = re.compile(f"(?<=[0-9]){columns._GROUPING}+(?=[0-9])")


def _old_business_clean(joined: str) -> bool:
    if not columns._hit(columns._BUSINESS_ANY_RE2.search, joined):
        return True
    if (
        _OLD_MAYBE.search(joined) is not None
        or embedded_file.may_contain(joined)
        or base64text.may_contain(joined)
        or hextext.may_contain(joined)  # (thirty-fifth session: text in hex)
    ):
        return False
    texts = [joined]
    if _OLD_SEP.search(joined) is not None:
        texts.append(_OLD_SEP.sub("", joined))
    for text in texts:
        for m in columns._ID.finditer(text):
            if resident_id.validate(m.group()) is True:
                return False
        for m in columns._USCC.finditer(text):
            if uscc.validate(m.group()) is True:
                return False
    return True


def test_business_clean_equals_the_single_alternation() -> None:
    """``business_clean`` asks for digits in groups only where a separator stands between digits,
    and finds the separator runs from their first separator: it decides every column as the one
    alternation and the look-behind pattern did, and the runs it drops are theirs."""
    r = random.Random(21)
    grouped_id = f"{ID[:6]} {ID[6:14]}-{ID[14:]}"
    pieces = [
        *"0123456789 .-/_\x00\x00AXx@%&#１",
        "%36",
        "&#49;",
        "246549468074510955",
        "594268166819189945",
        "12345678",
        "2024-01-05",
        ID,
        bad_check(ID),
        grouped_id,
        "6109/0219 4612",
        make_uscc(),
    ]
    decided = {True: 0, False: 0}
    for text in random_texts(r, pieces, 20000, 12):
        assert business_clean(text) == _old_business_clean(text), repr(text)
        new_sep, old_sep = columns._SEP_BETWEEN_DIGITS, _OLD_SEP
        assert [m.span() for m in new_sep.finditer(text)] == [m.span() for m in old_sep.finditer(text)], repr(text)
        decided[business_clean(text)] += 1
    assert min(decided.values()) > 1000, decided


def test_business_clean_of_a_column_of_digits_equals_the_patterns() -> None:
    """A column of digits alone (18-digit serials: ``lsh``) is decided from its runs of exactly 18
    digits, validated as an ID number and as a credit code, without a pass of either pattern: the
    same decision as the patterns' matches validated, on seeded random columns of serials, valid
    ID numbers, credit codes of digits only (valid and not), runs of 17 and 19 digits and empty
    values."""
    r = random.Random(22)
    credit_codes = [make_uscc(f"9161090{r.randrange(10**9):09d}") for _ in range(400)]
    digit_codes = [code for code in credit_codes if code.isdigit()]
    assert len(digit_codes) > 20
    pieces = [
        *(f"{r.randrange(10**18):018d}" for _ in range(40)),
        *(
            make_id(
                r.choice(["610902", "110101", "440305"]),
                f"19{r.randint(10, 99)}0{r.randint(1, 9)}1{r.randint(0, 9)}",
                f"{r.randrange(1000):03d}",
            )
            for _ in range(20)
        ),
        *(bad_check(make_id(seq=f"{i:03d}")) for i in range(10)),
        *digit_codes[:20],
        *(code[:17] + str((int(code[17]) + 1) % 10) for code in digit_codes[:10]),
        "12345678901234567",
        "1234567890123456789",
        "",
    ]
    decided = {True: 0, False: 0}
    for values in random_texts(r, [f"{piece}\x00" for piece in pieces], 6000, 6):
        column = values[:-1]
        if not column.replace("\x00", "").isdigit():
            continue
        assert business_clean(column) == _old_business_clean(column), repr(column)
        decided[business_clean(column)] += 1
    assert min(decided.values()) > 1000, decided


MOBILE = "13912345678"


def test_text_under_a_business_key_is_scanned_as_under_none() -> None:
    """A business key's trust is for identifiers: a text under one (a label and a mobile, a
    remark) went out in clear in a column and in a single object alike (found by fuzzing)."""
    texts = [f"电话{MOBILE}", f"申请人张伟，电话{MOBILE}", "１３９１２３４５６７８"]
    for doc in (
        {"rows": [{"id": text, "je": 5} for text in texts]},
        *({"code": text, "total": 1} for text in texts),
        {"rows": [{"lsh": "AK2024000123", "status": f"已联系{MOBILE}"}, {"lsh": "AK2024000124", "status": "正常"}]},
    ):
        body = json.dumps(doc, ensure_ascii=False)
        masked = INSPECTOR.inspect(body.encode(), "application/json", None, LABELS).body.decode()
        assert MOBILE not in masked and "１３９１２３４５６７８" not in masked and "张伟" not in masked, masked
        assert "<MOBILE>" in masked, masked
    csv = f"lsh,status\nAK2024000123,已联系{MOBILE}\nAK2024000124,正常\n"
    assert MOBILE not in INSPECTOR.inspect(csv.encode(), "text/csv", None, LABELS).body.decode()


def test_identifiers_under_a_business_key_stay() -> None:
    """The trade-off the catalog states: an identifier's shape under a business key keeps all
    but what a checksum or an '@' proves, a bare mobile-shaped code included."""
    doc = {
        "rows": [
            {"code": MOBILE, "lsh": "13800138000", "status": "正常"},
            {"code": "AK2024", "lsh": "1", "status": "已发放"},
        ]
    }
    body = json.dumps(doc, ensure_ascii=False)
    assert json.loads(INSPECTOR.inspect(body.encode(), "application/json", None, LABELS).body) == doc


def test_the_column_pre_checks_stay_within_re2s_memory(capfd: pytest.CaptureFixture[str]) -> None:
    """RE2 logs ``DFA out of memory`` to the process's stderr and falls back to its NFA, 20-30
    times slower, when a pattern's DFA outgrows its budget (``columns._BIG_PATTERN``): names
    round twenty-seven's hints took the columns' pre-check past RE2's default on the corpus's
    columns. Here the corpus's documents and the demo's CSV export are inspected, every column
    pre-checked, and the message looked for."""
    from demo.generate import generate
    from demo.views import persons_csv
    from support.corpus import corpus

    capfd.readouterr()
    for doc in corpus(2000):
        INSPECTOR.inspect(doc.body, doc.media_type, None, LABELS)
    export = persons_csv(generate(seed=5, persons_per_district=50).persons.values()).encode("utf-8")
    INSPECTOR.inspect(export, "text/csv", "utf-8", LABELS)
    assert "out of memory" not in capfd.readouterr().err

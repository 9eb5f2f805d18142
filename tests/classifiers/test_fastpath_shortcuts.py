"""The second round of shortcuts against what they replace, on seeded random inputs:
keyed landlines and e-mails vs the scan, the named-group candidate loop vs trying every
pattern, fold vs the per-character reference, RE2 column checks vs ``re``, column-level
record facts vs per-record summaries, the byte-level huge-integer test, the base-34 USCC
check, the pre-check searched only from where a match can begin (``may_hold``), and the
count of masks that change nothing. Each must agree everywhere, not just on the corpus."""

from __future__ import annotations

import datetime as _dt
import operator
import random
import re
import unicodedata

import pytest

from classifiers import columns
from classifiers.entities import mobile, person_name, resident_id, uscc
from classifiers.entities.base import CONTEXT_BOOST, VALIDATED_SCORE
from classifiers.fold_tables import _INVISIBLE, SEPARATORS
from classifiers.grading import Grader, RecordSummary
from classifiers.inspect import Inspector
from classifiers.jsonbody import _HUGE_INT, _huge_int
from classifiers.keyedcolumns import unchanged_masks as _unchanged
from classifiers.normalise import Folded, fold, fold_joined
from classifiers.records import Records
from classifiers.run import Run
from classifiers.scanner import _CONTEXT_WINDOW as WINDOW
from classifiers.scanner import MAYBE, Match, Scanner, glued_after, may_hold
from policies.masking import load_profiles
from support.random_texts import random_texts

DETECTOR = Inspector().detector
AREAS = ("010", "021", "029", "0915", "0371", "0755", "0291", "0999", "0123")


@pytest.mark.parametrize("key", ["telephone", "lxdh", "固定电话", "phone"])
def test_keyed_landlines_equal_scan(key: str) -> None:
    r = random.Random(key)
    plan = DETECTOR.plan(key)
    assert plan.info is not None
    for _ in range(3000):
        sub = r.choice("23456789") + "".join(r.choice("0123456789") for _ in range(r.choice((6, 7))))
        if r.random() < 0.1:
            sub = sub[0] * 7 + sub[7:]  # placeholder subscriber: the key's claim
        value = r.choice(AREAS) + r.choice("- ") + sub
        assert DETECTOR.detect(value, plan.info, plan) == DETECTOR.scanned(value, plan.info, plan), value


@pytest.mark.parametrize("key", ["email", "dzyx", "电子邮箱"])
def test_keyed_emails_equal_scan(key: str) -> None:
    r = random.Random(key)
    plan = DETECTOR.plan(key)
    assert plan.info is not None
    domains = ("163.com", "qq.com", "example.cn", "mail.gov.cn", "a1.b2.cn", "x.y-z.com", "1.2.cn", "a.2b.cn")
    for _ in range(3000):
        local = "".join(r.choice("abcxyzABC0123456789_") for _ in range(r.randint(1, 24)))
        if r.random() < 0.3:  # phone, ID or card digits as the local part (QQ-style addresses)
            local = r.choice(("1", "6", "0")) + "".join(r.choice("0123456789") for _ in range(r.randint(9, 19)))
        value = f"{local}@{r.choice(domains)}"
        assert DETECTOR.detect(value, plan.info, plan) == DETECTOR.scanned(value, plan.info, plan), value


def _every_pattern(scanner: Scanner, folded: Folded, hints: frozenset[str], hint_evidence: str) -> list[Match]:
    """``Scanner._patterns_in`` before named groups: every pattern tried at every candidate
    (a function, not a subclass: the scanner is compiled, see setup.py)."""
    text, out, pos = folded.text, [], 0
    while (hit := scanner._combined.search(text, pos)) is not None:
        at = hit.start()
        best: tuple[float, int, str, str] | None = None
        for compiled in scanner._patterns:
            m = compiled.regex.match(text, at)
            verdict = compiled.spec.validate(m.group()) if m is not None else False
            if m is None or verdict is False:
                continue
            score, evidence = (
                (VALIDATED_SCORE, compiled.spec.strong_evidence) if verdict else (compiled.score, "pattern")
            )
            if score < scanner.threshold:
                if compiled.spec.entity in hints:
                    score, evidence = score + CONTEXT_BOOST, f"{evidence}+{hint_evidence}"
                elif any(w in text.lower()[max(0, at - WINDOW) : at] for w in compiled.context):
                    score, evidence = score + CONTEXT_BOOST, f"{evidence}+context"
            if score >= scanner.threshold and (best is None or score > best[0]):
                best = (score, m.end(), compiled.spec.entity, evidence)
        if best is None:
            pos = at + 1
            continue
        end = best[1]
        if end < len(text) and "0" <= text[end] <= "9" and best[2] in (resident_id.ENTITY, mobile.ENTITY):
            # A number glued to the next (GLUED_END of both): the scanner's own rule, tested in
            # its tables; here only the search is the reference's.
            partner = glued_after(folded, end, best[2])
            if partner is None:
                pos = at + 1
                continue
            out += partner
            out.append(Match(best[2], *folded.span(at, end), min(best[0], 1.0), best[3]))
            pos = end + (11 if best[2] == resident_id.ENTITY else 18)
            continue
        out.append(Match(best[2], *folded.span(at, best[1]), min(best[0], 1.0), best[3]))
        pos = best[1]
    return out


def _noise(r: random.Random) -> str:
    pieces = ["身份证号", "电话", "卡号", "@", "x@qq.com", "+86 ", "(0915)", "0915-", " ", "-", "，", "X", "AB"]
    # and what folds or parts a number: full-width and zero-width characters, line ends, a
    # landline's extension, an e-mail's local part, (139) and 0086; and where two patterns
    # match at one place: a credit code of digits that fails the card's Luhn check, digits
    # before an '@'.
    pieces += ["１３９", "\u200b", "\n", "\r\n", "联系电话", "(", "+", "0086", "转", "ext.", "._%", "(139)"]
    pieces += ["913147909684609049", "@qq.com"]
    digits = "".join(r.choice("0123456789") for _ in range(r.randint(1, 20)))
    return "".join(r.choice(pieces) if r.random() < 0.4 else digits[: r.randint(1, 20)] for _ in range(r.randint(1, 8)))


def test_named_group_candidates_equal_every_pattern() -> None:
    r = random.Random(7)
    fast = Scanner()
    for _ in range(4000):
        text = _noise(r)
        for folded in (fold(text, join_digits=False), fold(text)):  # the two texts scan() reads
            for hints in (frozenset(), frozenset({"MOBILE", "LANDLINE"})):
                assert fast._patterns_in(folded, hints, "key:k") == _every_pattern(fast, folded, hints, "key:k"), text


def test_combined_pattern_without_email_equals_the_combined_one() -> None:
    """In a text without '@', ``_combined_no_at`` (its leading class and the look-behind that no
    digit stands before a match, asked once for all its patterns) finds what the combined pattern
    of every pattern finds, from every position: the same span, pattern and groups."""
    scanner = Scanner()
    r = random.Random(16)
    pieces = [*"0123456789Xx-( )+#.", "身份证号", "电话", "，", "AB", "91", "\u3000", "\n", "转", "分机", "ext."]
    pieces += ["13912345678", "+86 ", "0086", "(0915)", "0915-", "010-", "(139) ", "610902199001011230"]
    pieces += ["6222020000495999690", "913147909684609049", "91610900MA70B2XQ3X", "9276349", "0102345678"]
    for text in random_texts(r, pieces, 20000, 12):
        for pos in range(len(text) + 1):
            fast, every = scanner._combined_no_at.search(text, pos), scanner._combined.search(text, pos)
            assert (fast is None) == (every is None), (text, pos)
            if fast is not None and every is not None:
                assert fast.lastgroup == every.lastgroup, (text, pos)
                # By name: the e-mail pattern's groups, absent from the one without it, shift the
                # numbers of every group after them (the social security card's x92763493 matches).
                assert fast.span() == every.span(), (text, pos)
                assert {g: fast.span(g) for g in fast.re.groupindex} == {
                    g: every.span(g) for g in fast.re.groupindex
                }, (text, pos)


def _reference_fold(text: str, join_digits: bool) -> Folded:
    """fold() as it was: NFKC per character, then separator runs between digits dropped."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        for piece in char if char.isascii() else unicodedata.normalize("NFKC", char):
            chars.append(piece)
            offsets.append(index)
    if join_digits:
        keep_c: list[str] = []
        keep_o: list[int] = []
        i = 0
        while i < len(chars):
            if chars[i] in SEPARATORS and keep_c and keep_c[-1].isascii() and keep_c[-1].isdigit():
                j = i
                while j < len(chars) and chars[j] in SEPARATORS:
                    j += 1
                if j < len(chars) and "0" <= chars[j] <= "9":
                    i = j
                    continue
            keep_c.append(chars[i])
            keep_o.append(offsets[i])
            i += 1
        chars, offsets = keep_c, keep_o
    out = "".join(chars)
    return Folded(text, None, len(text)) if out == text else Folded(out, tuple(offsets), len(text))


def test_fold_equals_per_character_reference() -> None:
    r = random.Random(3)
    alphabet = (
        "0123456789 -.ab@，。张号\u200b\u200d\ufeff\u00ad１２Ｘ\u3000\u00a0\u2010\u2212\ufe63\ufb01\u2460\u00bd－"
    )
    for _ in range(20000):
        text = "".join(r.choice(alphabet) for _ in range(r.randint(0, 14)))
        for join_digits in (True, False):
            got, want = fold(text, join_digits=join_digits), _reference_fold(text, join_digits)
            assert got.text == want.text and [got.span(i, i + 1) for i in range(len(got.text))] == [
                want.span(i, i + 1) for i in range(len(want.text))
            ], repr(text)


def test_fold_joined_equals_fold() -> None:
    """``fold_joined`` (the scan's digit groups joined in the text it folded already) says
    what ``fold`` says, for texts of remark length (past the cached length) as for short
    ones: escapes, invisible characters, multi-character folds and separators included."""
    r = random.Random(21)
    pieces = [*"0123456789 -.ab@，。张号\u200b\ufeff１２\u3000\u00a0\u2010\ufb01\u2460－_/", "%36", "%20", "0915-"]
    for text in random_texts(r, pieces, 20000, 90):
        got, want = fold_joined(fold(text, join_digits=False), text), fold(text)
        assert got.text == want.text and [got.span(i, i + 1) for i in range(len(got.text))] == [
            want.span(i, i + 1) for i in range(len(want.text))
        ], repr(text)


def test_re2_column_checks_agree_with_re(monkeypatch: pytest.MonkeyPatch) -> None:
    r = random.Random(5)
    common = ("户主", "男", "approved", "AK2020", "3230.00", "", "246549468074510955", "P61090200001")
    for _ in range(200):
        # 150 values: a column of 1,000-1,300 characters, as an export's block holds of short cells.
        values = [_noise(r) if r.random() < 0.01 else r.choice(common) for _ in range(r.choice((150, 600)))]
        joined = columns.SEPARATOR.join(values)
        assert len(joined) >= columns._RE2_FROM
        fast = (columns.maybe(joined), columns.business_clean(joined))
        with monkeypatch.context() as m:
            m.setattr(columns, "_RE2_FROM", 10**9)  # ``re`` only, as before
            assert fast == (columns.maybe(joined), columns.business_clean(joined))


def test_names_context_by_re2_equals_re() -> None:
    """``columns.names_may_be_odd`` (RE2 over a long column of names) says what
    ``person_name.may_contain`` and a look-up among the placeholders say: names, with now and
    then a context word, a part of one (姓 名 with spaces, 户), 17 digits or fewer, a
    placeholder, or one within a name or beside another (不详不详, 张不详)."""
    r = random.Random(8)
    names = ("张伟", "李娜", "欧阳娜娜", "王芳", "户", "姓  名", "人民", "1234567890123456", "12345678901234567")
    names += (*sorted(person_name.PLACEHOLDERS), "不详不详", "张不详", "暂无伟", "无无")
    for _ in range(600):
        odd = r.choice((names, names[-51:]))  # now and then placeholders alone among the names
        values = [r.choice(names[:4]) if r.random() < 0.995 else r.choice(odd) for _ in range(r.choice((3, 700)))]
        joined = columns.SEPARATOR.join(values)
        want = person_name.may_contain(joined) or not person_name.PLACEHOLDERS.isdisjoint(values)
        assert columns.names_may_be_odd(joined, values) == want


def test_may_hold_equals_the_pre_check() -> None:
    r = random.Random(17)
    # Digits (half of the pieces: runs of them are what the digit alternatives need) and what
    # groups them, the pre-check's single characters and the words that open with theirs,
    # harmless CJK and ASCII, and characters that fold.
    pieces = [*" -.()/_@%\x00ab区号栋道男女健康户监老", "%3", *person_name.CONTEXT, "１", "\u200b", "，", "·", "Ｘ"]
    # An ASCII text is answered apart (its numbers block by block): dates, amounts, line ends.
    ascii_pieces = [*" -.()/_@%\x00\r\n\tabX", "%3", "2022-12-23", "4464.87", "(0915)", "139 1234"]
    for text in ("139/1234/5678", "13_91 23-45.67", "(139)1234 5678", "12 34 56 78 9", "%36", "a@b", "儿童"):
        assert may_hold(text) == (MAYBE.search(text) is not None), text
    for _ in range(30000):
        chosen = pieces if r.random() < 0.5 else ascii_pieces
        text = "".join(
            r.choice("0123456789") if r.random() < 0.5 else r.choice(chosen) for _ in range(r.randint(0, 24))
        )
        assert may_hold(text) == (MAYBE.search(text) is not None), repr(text)


def test_records_combinations_equal_per_record_summaries() -> None:
    grader = Grader.load()
    r = random.Random(9)
    names = [("RESIDENT_ID", True), ("MOBILE", True), ("PERSON_NAME", True), ("minor", False), ("health", False)]
    for _ in range(300):
        n = r.randint(1, 80)
        records, summaries = Records(), {i: RecordSummary() for i in range(-1, n)}
        for name, is_entity in r.sample(names, r.randint(0, len(names))):
            rows = [i for i in range(n) if r.random() < 0.7] if r.random() < 0.5 else list(range(n))
            (records.entity_rows if is_entity else records.category_rows)(name, rows)
            for i in rows:
                (summaries[i].entities if is_entity else summaries[i].categories).add(name)
        for i in r.sample(range(-1, n), min(n, r.randint(0, 5))):
            entity = r.choice(("BANK_CARD", "ADDRESS", "MOBILE"))
            records.one(i).entities.add(entity)
            summaries[i].entities.add(entity)
        touched = [s for s in summaries.values() if s.entities or s.categories]
        combinations, with_personal = records.combinations(grader.personal_entities)
        assert set(combinations) == {(frozenset(s.entities), frozenset(s.categories)) for s in touched}
        assert with_personal == sum(1 for s in touched if s.entities & grader.personal_entities)
        ids = r.randint(0, 60)
        got, want = grader.grade_combinations(combinations, with_personal, ids), grader.grade(touched, ids)
        assert got.level == want.level and sorted(got.reasons) == sorted(want.reasons)


def test_huge_int_on_bytes_equals_regex() -> None:
    """The bytes test reads one byte in 19 and follows digits from there: runs of every length
    around 19 and 20, at every offset of texts long enough for several of those reads."""
    r = random.Random(11)
    for _ in range(20000):
        text = "".join(
            r.choice("0123456789") if r.random() < 0.8 else r.choice('-张 "x,') for _ in range(r.randint(0, 45))
        )
        assert _huge_int(text, text.encode()) == (_HUGE_INT.search(text) is not None), text
    for length in range(17, 23):
        for offset in range(60):
            for before in ("", "-", "x", "张"):
                text = "x" * offset + before + "9" * length + r.choice(["", ",", "-1", "张"])
                assert _huge_int(text, text.encode()) == (_HUGE_INT.search(text) is not None), text


def test_uscc_base34_check_equals_weights() -> None:
    r = random.Random(13)
    for _ in range(5000):
        body = "".join(r.choice(uscc.ALPHABET) for _ in range(17))
        total = sum(uscc.ALPHABET.index(c) * w for c, w in zip(body, uscc._WEIGHTS, strict=True))
        assert uscc.check_char(body) == uscc.ALPHABET[(31 - total % 31) % 31]
    assert tuple(pow(3, i, 31) for i in range(17)) == uscc._WEIGHTS


@pytest.mark.parametrize("key", ["idNumber", "phone", "bankCard", "csrq", "xm", "jtzz", "email"])
def test_whole_column_by_re2_equals_re(key: str) -> None:
    plan = DETECTOR.plan(key)
    assert plan.column is not None
    r = random.Random(key)
    samples = {
        "idNumber": "61090219760301893X",
        "phone": "15038829882",
        "bankCard": "6236682129972200337",
        "csrq": "1976-03-01",
        "xm": "张三",
        "jtzz": "陕西省安康市汉滨区育才路1号",
        "email": "user1@163.com",
    }
    for _ in range(100):
        values = [samples[key]] * 700
        if r.random() < 0.5:  # one odd value somewhere: a space, a full-width digit, a letter, nothing
            values[r.randrange(700)] = r.choice(("", " ", "１", "a", "1 2", samples[key] + "0", "\u3000"))
        joined = columns.SEPARATOR.join(values)
        assert len(joined) >= columns._RE2_FROM
        assert columns.whole_column(plan.column, joined) == (plan.column.fullmatch(joined) is not None)


# The address column's shape as the plans held it before ``columns._spaceless``: the reference.
_ADDRESS_VALUE = r"[^\s\x00](?:[^\n\x00]*[^\s\x00])?"
_ADDRESS_COLUMN = re.compile(f"(?:{_ADDRESS_VALUE})(?:\x00(?:{_ADDRESS_VALUE}))*")
_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


def test_whole_address_column_equals_the_pattern() -> None:
    """``whole_column`` of an address column decides a column without whitespace without its
    pattern: the same answer as the pattern, for columns short and long (RE2's length), of
    addresses with every whitespace character, line ends, NULs and empty values among them."""
    plan = DETECTOR.plan("jtzz")
    assert plan.column is not None and plan.column.pattern == _ADDRESS_COLUMN.pattern
    # str.split's whitespace is re's \s (the shortcut's premise), over every code point
    assert all((c.isspace()) == (re.fullmatch(r"\s", c) is not None) for c in map(chr, range(0x110000)))
    r = random.Random(29)
    street = "陕西省安康市汉滨区育才路1号A-3室#"
    odd = [*_SPACES, "\x00", "\u200b", "\ufeff", "\u3000", "\n", "\r\n"]
    for _ in range(4000):
        values = ["".join(r.choice(street) for _ in range(r.randint(1, 12))) for _ in range(r.choice((1, 3, 100)))]
        for _ in range(r.choice((0, 0, 1, 2))):  # a whitespace character, a NUL or an empty value somewhere
            k = r.randrange(len(values))
            at = r.choice((0, len(values[k]), r.randint(0, len(values[k]))))
            values[k] = "" if r.random() < 0.15 else values[k][:at] + r.choice(odd) + values[k][at:]
        joined = columns.SEPARATOR.join(values)
        assert columns.whole_column(plan.column, joined) == (_ADDRESS_COLUMN.fullmatch(joined) is not None), joined


@pytest.mark.parametrize("today", [_dt.date(2026, 11, 29), _dt.date(2028, 2, 29), _dt.date(2027, 3, 1)])
def test_minors_by_date_set_equal_date_parsing(today: _dt.date) -> None:
    """``Run._persons`` finds minors with a set of the last 18 years' dates; the reference
    parses each number's date: born after this day 18 years ago, and a real date."""
    r = random.Random(today.toordinal())
    cutoff = (
        _dt.date(today.year - 18, 3, 1) if (today.month, today.day) == (2, 29) else today.replace(year=today.year - 18)
    )
    births = [cutoff + _dt.timedelta(days=d) for d in range(-3, 4)] + [today, today + _dt.timedelta(days=400)]
    texts = [b.strftime("%Y%m%d") for b in births] + ["20150230", "20101301", "20200229", "20210229", "19990101"]
    texts += [f"{r.randint(1990, 2040)}{r.randint(1, 12):02d}{r.randint(1, 31):02d}" for _ in range(300)]
    numbers = [f"610902{t}{r.randint(0, 999):03d}{r.choice('0123456789X')}" for t in texts]
    run = Run(Inspector().detector, load_profiles().get("strict"), today=today)
    run._persons(numbers, list(range(len(numbers))))
    minors = {i for is_entity, name, rows in run.records._facts if name == "minor" for i in rows}
    text_cutoff = f"{today.year - 18:04d}{today.month:02d}{today.day:02d}"
    expected = {i for i, n in enumerate(numbers) if n[6:14] > text_cutoff and resident_id.birth_date(n) is not None}
    assert minors == expected and len(expected) > 10


def test_unchanged_masks_counted_as_by_list_operations() -> None:
    """``keyedcolumns.unchanged_masks`` (a loop of identity and string tests) counts the masks that leave
    their value as it is as ``new.count(None) + sum(map(operator.eq, new, values))`` did:
    None, and equal strings that are other objects."""
    r = random.Random(6)
    for _ in range(300):
        values = [r.choice(("13912345678", "张三", "", "a")) + str(r.randrange(3)) for _ in range(r.randrange(40))]
        new = [r.choice((None, "".join(v), v + "*", "*")) for v in values]  # "".join: an equal copy
        assert _unchanged(new, values) == new.count(None) + sum(map(operator.eq, new, values))


def test_may_hold_equals_the_pre_check_for_relations_before_a_colon() -> None:
    """``may_hold`` and ``person_name.may_contain`` find a relation before a colon or a bracket
    (``name_runs.may_follow_relation``) where ``MAYBE`` and ``MAYBE_PATTERN`` (RE2) do."""
    r = random.Random(23)
    pieces = ["子女", "兄弟", "外孙", "成员", "家庭", "外", "孙", "子", "扎西", " ", "\t", *":：(（【[〔、,", "a", "1"]
    pattern = re.compile(person_name.MAYBE_PATTERN)
    for _ in range(20000):
        text = "".join(r.choice(pieces) for _ in range(r.randint(0, 10)))
        assert may_hold(text) == (MAYBE.search(text) is not None), repr(text)
        assert person_name.may_contain(text) == (pattern.search(text) is not None), repr(text)


def test_may_hold_equals_the_pre_check_for_lists_and_honorifics() -> None:
    """``may_hold`` and ``person_name.may_contain`` find a list of names with its head, tail or
    counts (``name_lists.may_contain``, asked at each 、) and an honorific where ``MAYBE`` and
    ``MAYBE_PATTERN`` (RE2) do."""
    r = random.Random(29)
    heads = ["走访", "了", "其子女", "低保户"]
    names = ["张伟", "扎西", "王秀英", "等", "3", "两户", "人", "夫妇"]
    pieces = [*"、、(（)志士姨同阿女", *heads, *names, "同志", "老人", "女士"]
    pattern = re.compile(person_name.MAYBE_PATTERN)
    for _ in range(20000):
        text = "".join(r.choice(pieces) for _ in range(r.randint(0, 10)))
        assert may_hold(text) == (MAYBE.search(text) is not None), repr(text)
        assert person_name.may_contain(text) == (pattern.search(text) is not None), repr(text)


def test_may_hold_equals_the_pre_check_for_care_and_staff() -> None:
    """``may_hold`` and ``person_name.may_contain`` find care or illness after a name (照顾, 患病,
    代养, 监护 that is no label: ``name_prose.may_care``), a staff title (村医, 民警, 志愿者) and a
    notice's approval before a list where ``MAYBE`` and ``MAYBE_PATTERN`` (RE2) do."""
    r = random.Random(31)
    pieces = [*"、监护人医警愿顾患代养由村民志者", "监护", "监护人", "照顾", "患病", "代养", "村医", "民警"]
    pieces += ["志愿者", "同意", "纳入", "列为", "张伟", "李娜", "\n", " ", "1"]
    pattern = re.compile(person_name.MAYBE_PATTERN)
    for _ in range(20000):
        text = "".join(r.choice(pieces) for _ in range(r.randint(0, 10)))
        assert may_hold(text) == (MAYBE.search(text) is not None), repr(text)
        assert person_name.may_contain(text) == (pattern.search(text) is not None), repr(text)

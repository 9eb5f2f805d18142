"""Numbers round seventeen: a number broken by line ends between its groups, a mobile's first
digits in brackets of other shapes, a mobile in groups with its country code glued on before
another number, letters typed for digits after a label, and a local number without its area code
after a phone's label; checked through ``Inspector.inspect`` for the strict and the caseworker
profile, as a plain-text body and as a JSON string, each beside look-alikes that must stay
(docs/classifiers-rounds.md, the twenty-seventh round)."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, leaks, out, unchanged

# Synthetic: 610902 (汉滨区), 1990-01-01, serial 123, check character 5; serial 118, check X.
ID = "610902199001011235"
ID_X = "61090219900101118X"
# What either profile must not show: the caseworker's keeps an ID number's ends and a mobile's
# first three and last four digits.
ID_SECRETS = ["19900101"]


# 1. Line ends between a number's groups: the digit groups about each line end are one chain,
# and the windows over it that cross a line end are read (broken_numbers.py). Across two line
# ends or more, without a word for the number before it, only a chain taken whole: a table
# printed as text chains its cells.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("手机：139\n1234\n5678", ["1234\n"]),
        ("手机：139\r\n1234\r\n5678", ["1234\r"]),
        ("联系电话：139 \n 1234 \n 5678", ["1234 \n"]),
        ("电话 1391\n2345\n678", ["2345"]),
        ("联系人张伟，手机\n139\n1234\n5678\n请回电", ["1234\n"]),
        ("手机：139\n1234\n5678\n2024年3月回访", ["1234\n"]),  # a label: a chain going on after it
        ("610902\n19900101\n1235", ID_SECRETS),
        ("610902\r\n19900101\r\n1235", ID_SECRETS),
        ("6109\n0219\n9001\n0112\n35", ["9001", "0112"]),
        (f"{ID_X[:6]}\n{ID_X[6:14]}\n{ID_X[14:]}", ID_SECRETS),
        ("身份证号：610902\n19900101\n1235\n2024", ID_SECRETS),
        ("身份证号：610902\n19900101\n1235", ID_SECRETS),  # a guard: the label read it before
        ("手机：139 1234\n5678", ["1234\n"]),  # a guard: one line end, read before
    ],
)
def test_a_number_broken_by_line_ends_is_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "2023\n156\n2024\n1203\n2025\n188",  # a column of years and counts
        "15 2024 1203\n88 2025 1632",  # rows of cells, a line each
        "户数\n156\n人数\n2024\n金额\n1203.50",
        "2024\n03\n15\n1234",
        "第139号\n2024年\n1234户",
        "批次号\n202312010001\n金额\n1390.50",
        "金额\n139\n1234\n5678",  # no phone's word: a column of amounts (test_leaks_numerals)
        "139 1234\n5678 9012",  # 15 digits: a window takes whole lines
    ],
)
def test_numbers_on_their_own_lines_stay(text: str) -> None:
    unchanged(text)


# The same across HTML's line breaks: a <br> tag in a text that is no document (a remark in a
# JSON string), and the line end markup writes for one in a document (U+2029).
@pytest.mark.parametrize(
    "text",
    [
        "备注：手机139<br>1234<br>5678",
        "手机：139<br/>1234<br />5678",
        "610902<br>19900101<br>1235",
        "<p>手机：139<br>1234<br>5678</p>",
        "<p>610902<br>19900101<br>1235</p>",
    ],
)
def test_a_number_broken_by_br_tags_is_masked(text: str) -> None:
    leaks(text, ["1234", "19900101"])
    if text.startswith("<p>"):
        for role in ROLES:
            masked = out(text, "text/html", role)
            assert "1234" not in masked and "19900101" not in masked, (role, masked)


@pytest.mark.parametrize(
    "text",
    ["<td>139<br>2024<br>1632<br>88</td>", "2024<br>03<br>15", "共139户<br>2024年<br>1632人"],
)
def test_numbers_on_lines_of_html_stay(text: str) -> None:
    unchanged(text)


# 2. A mobile's first digits in square, lenticular or tortoise-shell brackets, and a bracket
# followed by separators of several kinds (mobile.PATTERNS); "[139]" at a line's start is no JSON
# array (sniff.json_spans).
@pytest.mark.parametrize(
    "text",
    [
        "【138】1234 5678",
        "【138】-1234-5678",
        "[139]-1234-5678",
        "[139] 12345678",
        "联系人[139]-1234-5678",
        "〔139〕 1234-5678",
        "（186）–6865 . 4939",
        "(186) - 6865 - 4939",
        "手机：[139] 1234 5678",
        "+86【139】1234 5678",
        "（139）1234·5678",  # a guard: masked before
    ],
)
def test_a_bracketed_first_group_is_masked(text: str) -> None:
    leaks(text, ["1234", "6865"])


@pytest.mark.parametrize(
    "text",
    [
        "参考文献[139]2024年第3期",
        "【139】号文件，金额12345678元",
        "[2024]12345678号",
        "【通知】2024 0315",
        "[12]1234 5678",
    ],
)
def test_bracketed_numbers_that_are_no_mobile_stay(text: str) -> None:
    unchanged(text)


# 3. A mobile in groups of 4-4-3 with "+86" glued to its first group, another number after it
# (scanner._CODE_AND_MOBILE: a window of 13 digits opening with 86).
@pytest.mark.parametrize(
    "text",
    [
        "+861391 2345 678 2",
        "+861391-2345-678 2024",
        "+86１３９１ ２３４５ ６７８ 0086138 1234 5678",
        "+86 1391 2345 678 2",  # guards: masked before
        "+86 1391 2345 678，2024",
    ],
)
def test_a_mobile_with_its_country_code_glued_before_another_number_is_masked(text: str) -> None:
    leaks(text, ["2345", "２３４５"])


@pytest.mark.parametrize("text", ["订单号 8620 2403 1512 3", "电话区号86 共2345 678户"])
def test_grouped_numbers_opening_with_86_that_are_no_mobile_stay(text: str) -> None:
    unchanged(text)


# 4. Letters typed for digits after a label (typed_letters.py): O for 0, l and I for 1, S for 5,
# read as digits where the value is then a valid ID number or an allocated mobile.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("手机：139l234S678", ["l234S", "139l234S678"]),
        ("手机：l39l2345678", ["l39l234", "l2345678"]),
        ("联系电话：139-I234-5678", ["I234"]),
        ("电话 139 l234 S678", ["l234"]),
        ("身份证号：61O9O2199OO1O11235", ["199OO1O1", "61O9O2199OO1O11235"]),
        ("身份证号：6lO9O2l99OOlOll235", ["l99OOlOl"]),
        ("申请人张伟，身份证61O9O2 199OO1O1 1235，已审核", ["199OO1O1"]),
    ],
)
def test_letters_typed_for_digits_after_a_label_are_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "电话：Sol",
        "手机：SOS",
        "手机：IOS17.1.2",
        "证件号码：S0123456789",  # 50123456789: no allocated segment
        "身份证号：61O9O2199OO1O11230",  # its check character wrong once read
        "电话：1O086",
        "手机型号：iPhone15",
    ],
)
def test_letters_after_a_label_that_make_no_number_stay(text: str) -> None:
    unchanged(text)


# 5. A local number without its area code after a phone's label (landline.labelled_locals).
@pytest.mark.parametrize(
    "text",
    [
        "电话：3212345转8001",
        "联系电话：3212345",
        "座机：3212345",
        "固话 3212345",
        "联系方式：3212345",
        "办公电话：3212345，手机13912345678",
        "家庭电话为3212345。",
        # after an English label, in an ASCII text too (no digits' walk before: scanner._read)
        "Tel: 3212345",
        "Phone: 3212345",
        "phone number: 3212345",
        "Tel. 3212345",
        "TEL：3212345",
        "Telephone No. 3212345",
        "联系人：张伟 Tel: 3212345",
    ],
)
def test_a_local_number_after_a_phones_label_is_masked(text: str) -> None:
    leaks(text, ["3212345", "212345"])


@pytest.mark.parametrize(
    "text",
    [
        "电话费：1234567元",
        "电话回访3次，发放1234567元",
        "电话：2222222",
        "电话：96110",
        "电话：12345678",  # no local number begins with 1
        "电话咨询量1234567",
        "电话：3212345元",
        "Hotel: 3212345",
        "Cartel 3212345",
        "level: 3212345",
        "tel 2222222",
    ],
)
def test_numbers_after_a_phone_word_that_are_no_local_number_stay(text: str) -> None:
    unchanged(text)

"""``columns._hit`` with the last text's UTF-8 kept (a column asked twice in a row is encoded
once) against the search of a fresh encoding as before (2026-12-01), on seeded random runs of
calls: the same text again, an equal text that is another object, a text of the same length,
and any other, under each pattern."""

import random

from classifiers import columns
from support.random_texts import random_texts

_PIECES = ("张伟", "\x00", "13912345678", "61090219900101123X", "＠", "a", "陕西省", " ", "6222", "")


def test_hits_on_kept_encodings_equal_fresh_searches() -> None:
    r = random.Random(19)
    calls = (
        columns._MAYBE_RE2.search,
        columns._NAME_ODD_RE2.search,
        columns._BUSINESS_ANY_RE2.search,
        columns._re2_of("[^\x00]{2,4}(?:\x00[^\x00]{2,4})*").fullmatch,
    )
    texts = list(random_texts(r, _PIECES, 400, 8))
    text = texts[0]
    for _ in range(20_000):
        roll = r.random()
        if roll < 0.3:
            pass  # the same object again
        elif roll < 0.5:
            text = "".join(list(text))  # equal, another object (or the same, for "" and one character)
        elif roll < 0.7:
            text = "".join(r.choice("张1a\x00") for _ in text)  # as long, another text
        else:
            text = r.choice(texts)
        call = r.choice(calls)
        assert columns._hit(call, text) == (call(text.encode()) is not None), (call, text)

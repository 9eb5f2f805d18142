"""A seeded, labelled corpus of synthetic civil-affairs responses, with truth per value.

Each document is a body the gateway could see (JSON in several envelopes, a map keyed by
ID numbers, a CSV export, a plain-text remark) plus a ``Leaf`` per value: where to find
it again in the masked output and which entities it holds ("business" leaves hold none
and must come out unchanged). Shapes: English, pinyin and Chinese keys; nested objects;
free-text remarks about relatives; evasions (full-width digits, zero-width characters,
spaced and hyphenated numbers, +86); JSON inside strings. Never real personal data.
"""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import dataclass, field
from typing import Any

from classifiers.entities.resident_id import check_char
from support.synth_people import make_card

BUSINESS = "business"
STRUCTURED = "structured"  # the leaf is a keyed field; "free" leaves are remarks
_REGIONS = ("610902", "610921", "610922", "610923", "110101", "310104", "440305", "510104", "320102", "420106")
_MOBILE_PREFIXES = ("139", "138", "151", "152", "158", "177", "181", "186", "188", "199", "135", "166")
_CARD_PREFIXES = ("622202", "622848", "621700", "623668", "622588", "621799")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋"
_COMPOUND = ("欧阳", "司马", "诸葛", "上官")
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰志红"
_COUNTIES = ("汉滨区", "汉阴县", "石泉县", "宁陕县", "紫阳县", "平利县", "雁塔区", "长安区")
_TOWNS = ("江北街道", "老城街道", "关庙镇", "恒口镇", "城关镇", "五里镇")
_ROADS = ("育才路", "滨江大道", "兴安路", "巴山中路", "金州北路", "香溪路")
_KEYS = {  # style -> field -> key
    "english": {"name": "name", "id": "idNumber", "mobile": "mobile", "card": "payeeBankCard",
                "address": "homeAddress", "email": "email", "tel": "telephone", "case": "caseNo",
                "amount": "amount", "date": "applyDate", "status": "status", "remark": "remark",
                "serial": "serialNo", "guardian": "guardian", "extra": "extra"},
    "pinyin": {"name": "xm", "id": "sfzh", "mobile": "lxdh", "card": "yhkh", "address": "jtzz",
               "email": "dzyx", "tel": "gddh", "case": "ajbh", "amount": "je", "date": "sqrq",
               "status": "zt", "remark": "bz", "serial": "lsh", "guardian": "jhr", "extra": "kzxx"},
    "chinese": {"name": "姓名", "id": "身份证号码", "mobile": "联系电话", "card": "银行卡号",
                "address": "家庭住址", "email": "电子邮箱", "tel": "固定电话", "case": "案件编号",
                "amount": "金额", "date": "申请日期", "status": "状态", "remark": "备注",
                "serial": "流水号", "guardian": "监护人", "extra": "扩展信息"},
}  # fmt: skip
_FULL = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


@dataclass(frozen=True)
class T:
    """A tagged value while building: its entities as (entity, substring), or business."""

    value: str | int | float
    items: tuple[tuple[str, str], ...] = ()
    where: str = STRUCTURED


@dataclass(frozen=True)
class Leaf:
    path: tuple[Any, ...]  # ints index list items and dict *positions*; "#json"; "#key"
    value: str | int | float
    items: tuple[tuple[str, str], ...]
    where: str


@dataclass
class Doc:
    body: bytes
    media_type: str
    kind: str
    leaves: list[Leaf] = field(default_factory=list)


class _Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def id(self) -> str:
        born = f"{self.r.randint(1935, 2022)}{self.r.randint(1, 12):02d}{self.r.randint(1, 28):02d}"
        body = self.r.choice(_REGIONS) + born + f"{self.r.randint(0, 999):03d}"
        return body + check_char(body)

    def mobile(self) -> str:
        return self.r.choice(_MOBILE_PREFIXES) + f"{self.r.randint(10_000_000, 99_999_999)}"

    def card(self) -> str:
        return make_card(self.r.choice(_CARD_PREFIXES), self.r.choice((16, 19)), self.r.randint(1, 10**9))

    def name(self) -> str:
        surname = self.r.choice(_COMPOUND) if self.r.random() < 0.05 else self.r.choice(_SURNAMES)
        return surname + "".join(self.r.choice(_GIVEN) for _ in range(self.r.choice((1, 2, 2))))

    def address(self) -> str:
        r = self.r
        head = "陕西省安康市" if r.random() < 0.7 else "安康市"
        tail = f"{r.randint(1, 30)}栋{r.randint(1, 6)}单元{r.randint(101, 1802)}室" if r.random() < 0.5 else ""
        return f"{head}{r.choice(_COUNTIES)}{r.choice(_TOWNS)}{r.choice(_ROADS)}{r.randint(1, 300)}号{tail}"

    def evade(self, number: str) -> str:
        """Disguise a number the way upstream systems and evaders do (or leave it)."""
        r, how = self.r, self.r.random()
        if how < 0.80:
            return number
        if how < 0.84:
            return number.translate(_FULL)
        if how < 0.88:
            at = r.randint(3, len(number) - 3)
            return number[:at] + r.choice("\u200b\u200c\u200d\ufeff") + number[at:]
        sep = r.choice((" ", "-"))
        if how < 0.94 and len(number) == 11:
            return f"{number[:3]}{sep}{number[3:7]}{sep}{number[7:]}" if r.random() < 0.6 else f"+86 {number}"
        return sep.join(number[i : i + 4] for i in range(0, len(number), 4)) if how < 0.97 else number

    def remark(self) -> T:
        """Free text about a relative: context words, an ID, a phone, maybe two phones back to back."""
        r = self.r
        relative, rel_id, phone = self.name(), self.id(), self.mobile()
        shown_id, shown_phone = self.evade(rel_id), self.evade(phone)
        items: list[tuple[str, str]] = [("PERSON_NAME", relative), ("RESIDENT_ID", shown_id), ("MOBILE", shown_phone)]
        who = r.choice(("配偶", "监护人", "联系人", "家属"))
        text = f"{who}{relative}，身份证号{shown_id}，联系电话{shown_phone}"
        if r.random() < 0.2:
            second = self.mobile()
            spaced = f"{second[:3]} {second[3:7]} {second[7:]}"
            text += f" {spaced}"  # two spaced-group numbers back to back
            items.append(("MOBILE", spaced))
        if r.random() < 0.5:
            home = self.address()
            text += f"，现住{home}"
            items.append(("ADDRESS", home))
        return T(
            text + f"。{r.choice(('已入户核查', '材料齐全', '待复核'))}，补助{r.randint(200, 900)}元。",
            tuple(items),
            "free",
        )

    def business(self, style: str) -> dict[str, T]:
        keys, r = _KEYS[style], self.r
        serial = f"{r.randint(1, 9)}{r.randint(10**16, 10**17 - 1)}"  # 18 digits, almost never a valid ID
        return {
            keys["case"]: T(f"AK{r.randint(2019, 2025)}{r.randint(0, 999999):06d}"),
            keys["amount"]: T(r.choice((r.randint(100, 99999), round(r.uniform(100, 9999), 2)))),
            keys["date"]: T(f"{r.randint(2019, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"),
            keys["status"]: T(r.choice(("approved", "pending", "已审核", "待审批"))),
            keys["serial"]: T(serial),
        }

    def record(self, style: str) -> dict[str, Any]:
        keys, r = _KEYS[style], self.r
        person_id, phone, card = self.id(), self.mobile(), self.card()
        shown_id, shown_phone, shown_card = self.evade(person_id), self.evade(phone), self.evade(card)
        rec: dict[str, Any] = {
            keys["name"]: T(self.name()),
            keys["id"]: T(shown_id, (("RESIDENT_ID", shown_id),)),
            keys["mobile"]: T(int(phone) if r.random() < 0.1 else shown_phone, (("MOBILE", shown_phone),)),
            keys["address"]: T(self.address()),
            keys["card"]: T(shown_card, (("BANK_CARD", shown_card),)),
        }
        for key in (keys["name"], keys["address"]):
            rec[key] = T(rec[key].value, ((("PERSON_NAME", "ADDRESS")[key == keys["address"]], rec[key].value),))
        rec.update(self.business(style))
        if r.random() < 0.3:
            tel = f"0915-{r.randint(2_000_000, 9_999_999)}"
            rec[keys["tel"]] = T(tel, (("LANDLINE", tel),))
        if r.random() < 0.2:
            mail = f"user{r.randint(1, 10**6)}@example.cn"
            rec[keys["email"]] = T(mail, (("EMAIL", mail),))
        if r.random() < 0.25:
            g_name, g_id = self.name(), self.id()
            guardian = {
                keys["name"]: T(g_name, (("PERSON_NAME", g_name),)),
                keys["id"]: T(g_id, (("RESIDENT_ID", g_id),)),
            }
            rec[keys["guardian"]] = guardian
        if r.random() < 0.15:
            g_phone = self.mobile()
            rec[keys["extra"]] = ("#json", {"guardianPhone": T(g_phone, (("MOBILE", g_phone),)), "level": T(2)})
        if r.random() < 0.5:
            rec[keys["remark"]] = self.remark()
        return rec


def _materialise(node: Any, path: tuple[Any, ...], leaves: list[Leaf]) -> Any:
    if isinstance(node, T):
        leaves.append(Leaf(path, node.value, node.items, node.where))
        return node.value
    if isinstance(node, tuple) and node[0] == "#json":
        return json.dumps(_materialise(node[1], (*path, "#json"), leaves), ensure_ascii=False)
    if isinstance(node, tuple) and node[0] == "#keyed":  # {ID number: record}
        out = {}
        for i, (key, value) in enumerate(node[1]):
            out[_materialise(key, (*path, i, "#key"), leaves)] = _materialise(value, (*path, i), leaves)
        return out
    if isinstance(node, dict):
        return {k: _materialise(v, (*path, i), leaves) for i, (k, v) in enumerate(node.items())}
    return [_materialise(v, (*path, i), leaves) for i, v in enumerate(node)]


def _csv_doc(gen: _Gen, records: list[dict[str, Any]]) -> Doc:
    header = [k for k, v in records[0].items() if isinstance(v, T)][:9]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    doc = Doc(b"", "text/csv; charset=utf-8", "csv")
    for row, rec in enumerate(records):
        cells = [rec.get(k, T("")) for k in header]
        writer.writerow([c.value for c in cells])
        doc.leaves += [Leaf((row, col), c.value, c.items, c.where) for col, c in enumerate(cells)]
    doc.body = out.getvalue().encode()
    return doc


def make_doc(gen: _Gen, n: int, shape: str | None = None) -> Doc:
    r = gen.r
    style = r.choice(tuple(_KEYS))
    records = [gen.record(style) for _ in range(n)]
    shape = shape or r.choices(("envelope", "array", "items", "keyed", "csv", "text"), (4, 2, 2, 1, 2, 1))[0]
    if shape == "csv":
        return _csv_doc(gen, records)
    if shape == "text":
        remark = gen.remark()
        return Doc(str(remark.value).encode(), "text/plain; charset=utf-8", "text", [Leaf((), *_t(remark))])
    tree: Any = records
    if shape == "envelope":
        tree = {"code": T(0), "msg": T("ok"), "data": {"records": records, "total": T(n)}}
    elif shape == "items":
        tree = {"total": T(n), "items": records}
    elif shape == "keyed":  # a map keyed by ID numbers: the keys themselves are personal data
        ids = [gen.id() for _ in records]
        tree = {"byId": ("#keyed", [(T(i, (("RESIDENT_ID", i),)), rec) for i, rec in zip(ids, records, strict=True)])}
    leaves: list[Leaf] = []
    plain = _materialise(tree, (), leaves)
    body = json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode()
    return Doc(body, "application/json", "json", leaves)


def _t(tagged: T) -> tuple[str | int | float, tuple[tuple[str, str], ...], str]:
    return tagged.value, tagged.items, tagged.where


def corpus(records: int = 2000, seed: int = 20240611, per_doc: int = 10) -> list[Doc]:
    """Documents holding about ``records`` records in all shapes, identical for a seed."""
    gen = _Gen(seed)
    return [make_doc(gen, per_doc) for _ in range(max(1, records // per_doc))]


@dataclass
class Tally:
    """Recall per (entity, where) and over-masking of business values."""

    hits: dict[tuple[str, str], int] = field(default_factory=dict)
    totals: dict[tuple[str, str], int] = field(default_factory=dict)
    business: int = 0
    overmasked: int = 0

    def add(self, entity: str, where: str, caught: bool) -> None:
        self.totals[(entity, where)] = self.totals.get((entity, where), 0) + 1
        self.hits[(entity, where)] = self.hits.get((entity, where), 0) + int(caught)

    def recall(self, entity: str, where: str | None = None) -> float:
        keys = [k for k in self.totals if k[0] == entity and where in (None, k[1])]
        total = sum(self.totals[k] for k in keys)
        return sum(self.hits[k] for k in keys) / total if total else 1.0

    @property
    def overmasking(self) -> float:
        return self.overmasked / self.business if self.business else 0.0

    def rows(self) -> list[tuple[str, str, int, int, float]]:
        return [(e, w, self.hits[(e, w)], t, self.hits[(e, w)] / t) for (e, w), t in sorted(self.totals.items())]


def leaf_values(doc: Doc, body: bytes) -> list[str]:
    """The masked output's value at each leaf of ``doc`` (as text)."""
    text = body.decode("utf-8")
    if doc.kind == "text":
        return [text]
    if doc.kind == "csv":
        rows = list(csv.reader(io.StringIO(text)))[1:]
        return [rows[leaf.path[0]][leaf.path[1]] for leaf in doc.leaves]
    tree = json.loads(text)
    return [_locate(tree, leaf.path) for leaf in doc.leaves]


def _locate(tree: Any, path: tuple[Any, ...]) -> str:
    node = tree
    for i, step in enumerate(path):
        if step == "#key":
            continue
        if step == "#json":
            node = json.loads(node)
        elif i + 1 < len(path) and path[i + 1] == "#key":
            return str(list(node)[step])
        else:
            node = list(node.values())[step] if isinstance(node, dict) else node[step]
    return str(node)


def score(doc: Doc, labelled_body: bytes, tally: Tally) -> None:
    """Count one document masked with a ``label`` profile (values become <ENTITY>)."""
    for leaf, out in zip(doc.leaves, leaf_values(doc, labelled_body), strict=True):
        if not leaf.items:
            tally.business += 1
            tally.overmasked += int(out != str(leaf.value))
        for entity, original in leaf.items:
            tally.add(entity, leaf.where, original not in out and f"<{entity}>" in out)

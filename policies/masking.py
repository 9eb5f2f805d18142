"""Masking profiles: how each entity is shown to a caller, chosen by the caller's roles.

Keyed operators (`pseudonymise`, `encrypt`) need the gateway's keys (policies/crypto.py);
profiles loaded without them redact instead, so a missing key never lets a value out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, cast

import yaml

from classifiers.entities import address, bank_card, landline, mobile, person_name, resident_id
from classifiers.float_text import whole_digits
from classifiers.masked_in_part import as_stars, masked_in_part
from classifiers.normalise import fold

from .crypto import CIPHER_PREFIX, TOKEN_PREFIX, FieldCrypto
from .generalise import LEVELS, generalise

DEFAULT_PATH = Path(__file__).with_name("masking.yaml")
OPERATORS = frozenset(
    {"keep", "mask", "name", "address_district", "redact", "label", "generalise", "pseudonymise", "encrypt"}
)
_SETTINGS = frozenset({"op", "first", "last", "fill", "keep_domain", "text", "to", "width", "alg", "key"})
REDACTED = "[已屏蔽]"
# Final: compiled, static globals, where a module's attribute is looked up at each mask.
_ID: Final = resident_id.ENTITY
_CARD: Final = bank_card.ENTITY
_LANDLINE: Final = landline.ENTITY
_NUMBERS: Final = (mobile.ENTITY, _LANDLINE, _ID, _CARD)  # what a spreadsheet writes as a float


@dataclass(frozen=True, slots=True)
class Operator:
    op: str
    first: int = 0
    last: int = 0
    fill: str = "*"
    keep_domain: bool = False
    text: str = REDACTED
    to: str = ""  # generalise: district | township | year | band
    width: int = 10  # generalise to band: years per band
    alg: str = ""  # pseudonymise: hmac-sha256 | hmac-sm3; encrypt: aes-256-gcm | sm4-gcm
    key: str = ""  # key id (pseudonym-<key>.key / encrypt-<key>.key)

    @classmethod
    def parse(cls, spec: Mapping[str, Any], where: str) -> Operator:
        op = str(spec.get("op", ""))
        if op not in OPERATORS:
            raise ValueError(f"{where}: unknown masking operator {op!r}; use one of {sorted(OPERATORS)}")
        unknown = set(spec) - _SETTINGS
        if unknown:
            raise ValueError(f"{where}: unknown operator setting(s) {sorted(unknown)}")
        defaults = {"pseudonymise": ("hmac-sha256", "p1"), "encrypt": ("aes-256-gcm", "k1")}
        alg, key = defaults.get(op, ("", ""))
        operator = cls(
            op=op,
            first=int(spec.get("first", 0)),
            last=int(spec.get("last", 0)),
            fill=str(spec.get("fill", "*")),
            keep_domain=bool(spec.get("keep_domain", False)),
            text=str(spec.get("text", REDACTED)),
            to=str(spec.get("to", "")),
            width=int(spec.get("width", 10)),
            alg=str(spec.get("alg", alg)),
            key=str(spec.get("key", key)),
        )
        operator.check(where)
        return operator

    def check(self, where: str) -> None:
        if self.op == "generalise" and self.to not in LEVELS:
            raise ValueError(f"{where}: generalise needs 'to': one of {sorted(LEVELS)}")
        if self.op == "pseudonymise" and self.alg not in TOKEN_PREFIX:
            raise ValueError(f"{where}: pseudonymise 'alg' must be one of {sorted(TOKEN_PREFIX)}")
        if self.op == "encrypt" and self.alg not in CIPHER_PREFIX:
            raise ValueError(f"{where}: encrypt 'alg' must be one of {sorted(CIPHER_PREFIX)}")

    def apply(self, entity: str, value: str, crypto: FieldCrypto | None = None) -> str | None:
        if self.op == "keep":
            return None
        if self.op == "redact":
            return self.text
        if self.op == "label":
            return f"<{entity}>"
        if self.op == "name":
            return _mask_name(value.strip(), self.fill)
        if self.op == "address_district":
            cut = address.district_end(value)
            return (value[:cut].strip() if cut else "") + "***"
        if self.op == "generalise":
            return generalise(entity, value, self.to, self.width)
        if self.op in ("pseudonymise", "encrypt"):
            if crypto is None:  # no keys: fail closed
                return self.text
            if self.op == "pseudonymise":
                return crypto.token(value, self.alg, self.key)
            return crypto.encrypt(value, self.alg, self.key)
        return self._mask(entity, value)

    def _mask(self, entity: str, value: str) -> str:
        # Show a canonical form: full-width digits, separators and +86 are noise here, and so is
        # a float's text (1.3800138E10, read unfolded: folding joins the digits about the point):
        # its characters are no digits of the number. A card's pieces (6222,0212,…) too.
        text = fold(value).text.strip()
        if entity == _LANDLINE and not (text.isdigit() and (len(text) <= 12 or value.isdigit())):
            # A number and an extension (0915-3212345-8001: more digits than a number's 12, read
            # before the fold joins its groups), brackets, a float. Most are digits or groups of
            # them, joined by the fold (0915-3212345): masked as before, without a second fold.
            text = whole_digits(value.strip()) if "E" in value or "e" in value else ""
            if not text:
                return self._mask_landline(value)
        elif not text.isdigit():  # most numbers are digits alone: one test in C for them
            if entity in _NUMBERS and masked_in_part(text):
                text = as_stars(text)  # 610902XXXXXXXX1235 as 610902********1235
            if entity in _NUMBERS and ("E" in value or "e" in value):
                text = whole_digits(value.strip()) or text
            # In pieces (6222,0212,…; 610902,19900101,123): its digits (and an ID's check
            # character). A mask's characters stand for digits (6222****1234567890, masked upstream
            # in part), so the mask falls where it falls on the whole number.
            elif entity == _CARD:
                text = _digits_and_masks(text)
            elif entity == _ID:
                text = _digits_and_masks(text, also="Xx")
        if entity == _ID and len(text) == 20:
            # A disability card's number (an ID number, its category and grade): the ID number
            # masked as one, and the category and grade (health data) hidden.
            return self._mask(entity, text[:18]) + self.fill * 2
        if entity == mobile.ENTITY:
            if not text.isdigit() and ("转" in text or "分机" in text or "xt" in text or "XT" in text):
                return self._mask_landline(value, mobile.ENTITY)  # 13800138000转123: an extension after it
            # Its 11 national digits, a mask's characters among them (138****8000 masked upstream).
            text = (mobile.digits(text) if "*" not in text else _digits_and_masks(text)[-11:]) or text
        suffix = ""
        if self.keep_domain and "@" in text:
            text, _, domain = text.rpartition("@")
            suffix = "@" + domain
        last = self.last
        if len(text) == 17 and entity == _ID:
            # An ID number's positions say what its characters are: one cut before its check
            # character is masked where an 18-character one is, so the birth date stays hidden
            # (and with nothing shown at the end, nothing less to show).
            last = max(last - 1, 0)
        if len(text) <= self.first + last or (entity == _LANDLINE and len(text) <= 8):
            # A landline's local part alone (62345678, the second of 010-62345678/62345679) has
            # no area code to show: its first and last digits were seven of its eight.
            return self.fill * len(text) + suffix
        hidden = len(text) - self.first - last
        return text[: self.first] + self.fill * hidden + text[len(text) - last :] + suffix

    def _mask_landline(self, value: str, entity: str = _LANDLINE) -> str:
        """A landline's mask from its digits as dialled at home ((0915)3212345, 0915-3212345 and
        +86-915-3212345 alike: its first characters are digits, not a bracket), an extension
        after it (转8001, -8001, ext. 8001) kept apart: the number's last digits are the
        subscriber's, and the extension's digits are hidden behind its marker. A mobile's with
        its extension (13800138000转123) likewise."""
        number, extension = landline.split_extension(fold(value, join_digits=False).text.strip())
        masked = self._mask(entity, landline.national(number) if entity == _LANDLINE else number)
        return masked + "".join(self.fill if c.isdigit() else c for c in extension)


def _digits_and_masks(text: str, also: str = "") -> str:
    """``text``'s digits and mask characters (and those of ``also``: an ID's check character)."""
    return "".join(c for c in text if c.isdigit() or c == "*" or c in also)


def _mask_name(name: str, fill: str) -> str:
    # Always two fill characters: the length of the given name is itself a hint.
    keep = person_name.surname_length(name) or 1
    return name[:keep] + fill * 2


class MaskingProfile:
    """One profile: an operator per entity and a default for everything else."""

    def __init__(
        self,
        name: str,
        default: Operator,
        operators: Mapping[str, Operator],
        crypto: FieldCrypto | None = None,
    ) -> None:
        self.name = name
        self.default = default
        self.operators = dict(operators)
        self._crypto = crypto

    def operator(self, entity: str) -> Operator:
        return self.operators.get(entity, self.default)

    def apply(self, entity: str, value: str) -> str | None:
        """The masked replacement, or None when this profile lets the value out in clear."""
        return self.operator(entity).apply(entity, value, self._crypto)

    def apply_clean(self, entity: str, values: list[str]) -> list[str | None]:
        """``apply`` for each value of a clean keyed column (``classifiers.detect`` canonical
        shapes: no surrounding spaces; ID, phone and card numbers plain ASCII digits, names
        CJK only, so ``fold`` leaves them as they are), without a call per value for the
        common operators. The others are worked out once per distinct value (addresses
        repeat within a household), except ``encrypt``, whose ciphertexts must differ."""
        op = self.operator(entity)
        kind = op.op
        if kind == "keep":
            return [None] * len(values)
        if kind in ("redact", "label"):
            return [op.text if kind == "redact" else f"<{entity}>"] * len(values)
        if kind == "mask" and not op.keep_domain and entity != address.ENTITY:  # addresses may fold
            first, last, fill = op.first, op.last, op.fill
            shown = first + last
            strided = _masked_in_stride(values, first, last, fill)
            if strided is not None:
                return strided
            return [
                v[:first] + fill * (len(v) - shown) + v[len(v) - last :] if len(v) > shown else fill * len(v)
                for v in values
            ]
        if kind == "name":  # _mask_name inlined: clean names have no spaces to strip
            hidden = op.fill * 2
            compound = person_name.COMPOUND_SURNAMES
            return [v[:2] + hidden if v[:2] in compound else v[:1] + hidden for v in values]
        if kind == "generalise" and op.to == "year" and entity == "BIRTH_DATE":  # ISO dates: the year leads
            return [f"{v[:4]}年" for v in values]
        if kind == "encrypt":
            return [op.apply(entity, v, self._crypto) for v in values]
        if kind == "address_district":  # Operator.apply inlined, once per distinct address
            ends = {v: address.district_end(v) for v in set(values)}
            masks = {v: (v[:cut].strip() if cut else "") + "***" for v, cut in ends.items()}
            return [masks[v] for v in values]
        memo: dict[str, str | None] = {}
        for v in dict.fromkeys(values):
            memo[v] = op.apply(entity, v, self._crypto)
        return [memo[v] for v in values]

    @property
    def lets_out_clear(self) -> bool:
        """True if any entity passes in clear (audit events flag such responses)."""
        return self.default.op == "keep" or any(o.op == "keep" for o in self.operators.values())

    @property
    def releases_everything(self) -> bool:
        """True if nothing is masked: such a caller may receive bodies nobody can inspect."""
        return self.default.op == "keep" and all(o.op == "keep" for o in self.operators.values())

    def __repr__(self) -> str:
        return f"MaskingProfile({self.name!r})"


# Values from which a column is masked in one piece (_masked_in_stride): below, the join and
# the split cost more than they save.
_STRIDED_FROM = 64


def _masked_in_stride(values: list[str], first: int, last: int, fill: str) -> list[str | None] | None:
    """The ``mask`` of each of a column's values when all are ASCII and of one width longer
    than what is shown, and ``fill`` is one ASCII character (18-digit ID numbers, 11-digit
    mobiles): the column joined by NUL as bytes, each hidden position overwritten for every
    value at once (an extended slice), and split again. Some 3x faster than two slices, a
    repeat and two concatenations per value. None: mask value by value."""
    count = len(values)
    if count < _STRIDED_FROM or len(fill) != 1 or not fill.isascii():
        return None
    width = len(values[0])
    step = width + 1
    joined = "\x00".join(values)
    if (
        width <= first + last
        or not joined.isascii()
        or len(joined) != count * step - 1
        or joined.count("\x00") != count - 1
        or joined[width::step] != "\x00" * (count - 1)
    ):
        return None  # other widths, a NUL inside a value, or characters beyond ASCII
    data = bytearray(joined, "ascii")
    fills = fill.encode("ascii") * count
    for position in range(first, width - last):
        data[position::step] = fills  # that character of every value
    return cast(list[str | None], data.decode("ascii").split("\x00"))


class MaskingProfiles:
    def __init__(self, data: Mapping[str, Any], crypto: FieldCrypto | None = None) -> None:
        self._crypto = crypto
        self.order: list[str] = [str(n) for n in data.get("order") or []]
        raw = data.get("profiles") or {}
        if not self.order:
            raise ValueError("masking config: 'order' must list the profiles, most restrictive first")
        missing = set(self.order) ^ set(raw)
        if missing:
            raise ValueError(f"masking config: profiles and order disagree on {sorted(missing)}")
        self._profiles = {name: self._build(name, raw, (), crypto) for name in self.order}
        self.names: list[str] = list(self.order)
        self.roles: dict[str, str] = {}
        for role, profile in (data.get("roles") or {}).items():
            if profile not in self._profiles:
                raise ValueError(f"masking config: role {role!r} maps to unknown profile {profile!r}")
            self.roles[str(role).strip().lower()] = str(profile)

    @staticmethod
    def _build(name: str, raw: Mapping[str, Any], seen: tuple[str, ...], crypto: FieldCrypto | None) -> MaskingProfile:
        if name in seen:
            raise ValueError(f"masking config: profile {name!r} extends itself via {seen}")
        spec = raw[name] or {}
        parent = spec.get("extends")
        if parent is not None and parent not in raw:
            raise ValueError(f"masking config: profile {name!r} extends unknown {parent!r}")
        base = MaskingProfiles._build(parent, raw, (*seen, name), crypto) if parent else None
        default = (
            Operator.parse(spec["default"], f"profile {name} default")
            if "default" in spec
            else base.default
            if base
            else Operator("redact")
        )
        operators = dict(base.operators) if base else {}
        for entity, op_spec in (spec.get("entities") or {}).items():
            operators[str(entity)] = Operator.parse(op_spec, f"profile {name} {entity}")
        return MaskingProfile(name, default, operators, crypto)

    def get(self, name: str) -> MaskingProfile:
        try:
            return self._profiles[name]
        except KeyError:
            raise KeyError(f"no masking profile {name!r}; known: {self.names}") from None

    @property
    def most_restrictive(self) -> MaskingProfile:
        return self._profiles[self.order[0]]

    def for_roles(self, roles: Sequence[str]) -> MaskingProfile:
        """The least restrictive profile any role maps to; unmapped callers get the strictest."""
        ranks = [self.order.index(self.roles[r]) for r in (x.strip().lower() for x in roles) if r in self.roles]
        return self._profiles[self.order[max(ranks)]] if ranks else self.most_restrictive

    def swap(self, other: MaskingProfiles) -> None:
        """Take over another set's profiles in place (policy reload): stages that hold this
        object see the new profiles from their next request on."""
        self.order, self.names, self.roles = other.order, other.names, other.roles
        self._profiles, self._crypto = other._profiles, other._crypto


def load_profiles(path: Path | None = None, crypto: FieldCrypto | None = None) -> MaskingProfiles:
    with (path or DEFAULT_PATH).open(encoding="utf-8") as fh:
        return MaskingProfiles(yaml.safe_load(fh) or {}, crypto)

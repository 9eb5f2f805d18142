"""Routes: canonical paths and their mapping to (resource, action).

A path is normalised once, then matched; the upstream receives the canonical spelling, so
what was authorized is exactly what is fetched. Any spelling that cannot be normalised
unambiguously is rejected rather than guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

import yaml

from .legibility import illegible

_PARAM = re.compile(r"^\{([A-Za-z_][A-Za-z0-9_]*)\}$")
_PCT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# Control characters and backslashes: some upstreams treat "\" as "/", so it is a path trick.
_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f\\]")
_SAFE = "/:@!$&'()*+,;=-._~"


class PathError(ValueError):
    """A path that cannot be canonicalised; the request is refused with 400."""


def canonical_path(raw: str) -> str:
    """Percent-decode once, drop empty and dot segments, refuse what stays ambiguous."""
    if not raw.startswith("/"):
        raise PathError("path must start with '/'")
    try:
        decoded = unquote(raw, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise PathError("path is not valid UTF-8 after percent-decoding") from None
    if _PCT_ESCAPE.search(decoded):
        raise PathError("path is percent-encoded twice")
    # Beyond ASCII, what `illegible` names (a zero-width space inside an ID number, a bidi
    # override that turns the logged path around): no route of a civil-affairs API has it, and
    # it makes what the officer reads in the trail differ from what was fetched.
    if _FORBIDDEN.search(decoded) or illegible(decoded):
        raise PathError("path contains control or format characters, or a backslash")
    segments: list[str] = []
    for segment in decoded.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if not segments:
                raise PathError("path climbs above the root")
            segments.pop()
            continue
        segments.append(segment)
    return "/" + "/".join(segments)


@dataclass(frozen=True, slots=True)
class RouteMatch:
    name: str
    resource: str
    action: str
    params: dict[str, str]
    path: str  # canonical path, literal segments in the route's spelling, percent-encoded

    @property
    def target_region(self) -> str:
        return self.params.get("region", "")


@dataclass(frozen=True, slots=True)
class _Route:
    name: str
    method: str
    segments: tuple[str | tuple[str, re.Pattern[str]], ...]  # literal, or (param, pattern)
    resource: str
    action: str

    def match(self, parts: list[str]) -> dict[str, str] | None:
        if len(parts) != len(self.segments):
            return None
        params: dict[str, str] = {}
        for part, segment in zip(parts, self.segments, strict=True):
            if isinstance(segment, str):
                if part.lower() != segment.lower():
                    return None
            elif segment[1].fullmatch(part):
                params[segment[0]] = part
            else:
                return None
        return params

    def render(self, params: dict[str, str]) -> str:
        out = [s if isinstance(s, str) else params[s[0]] for s in self.segments]
        return quote("/" + "/".join(out), safe=_SAFE)


class RouteTable:
    def __init__(self, routes: list[_Route]) -> None:
        self._by_method: dict[str, list[_Route]] = {}
        for route in routes:
            self._by_method.setdefault(route.method, []).append(route)

    @classmethod
    def load(cls, path: Path) -> RouteTable:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("routes"), list):
            raise ValueError(f"{path}: expected a mapping with a 'routes' list")
        patterns = {name: re.compile(rx) for name, rx in (data.get("params") or {}).items()}
        default = patterns.get("default", re.compile(r"[A-Za-z0-9_-]{1,64}"))
        routes = []
        for i, entry in enumerate(data["routes"]):
            try:
                segments: list[str | tuple[str, re.Pattern[str]]] = []
                for seg in str(entry["path"]).strip("/").split("/"):
                    param = _PARAM.match(seg)
                    if param:
                        segments.append((param.group(1), patterns.get(param.group(1), default)))
                    else:
                        segments.append(seg)
                routes.append(
                    _Route(
                        name=str(entry["name"]),
                        method=str(entry["method"]).upper(),
                        segments=tuple(segments),
                        resource=str(entry["resource"]),
                        action=str(entry["action"]),
                    )
                )
            except (KeyError, TypeError) as exc:
                raise ValueError(f"{path}: route #{i + 1} is missing {exc}") from None
        return cls(routes)

    def params(self) -> dict[str, frozenset[str]]:
        """Every route's name, with the names of its path parameters."""
        return {
            route.name: frozenset(s[0] for s in route.segments if not isinstance(s, str))
            for routes in self._by_method.values()
            for route in routes
        }

    def match(self, method: str, canonical: str) -> RouteMatch | None:
        parts = [p for p in canonical.split("/") if p]
        method = method.upper()
        found = self._match(method, parts)
        if found is None and method == "HEAD":
            # HEAD is GET without the body (RFC 9110 9.3.2): a GET route serves it, under the
            # GET route's resource and action, unless the table routes HEAD itself.
            found = self._match("GET", parts)
        return found

    def _match(self, method: str, parts: list[str]) -> RouteMatch | None:
        for route in self._by_method.get(method, []):
            params = route.match(parts)
            if params is not None:
                return RouteMatch(route.name, route.resource, route.action, params, route.render(params))
        return None

"""Stage 4: classify what came back and mask it for this caller.

Fail closed: a body that must be inspected but cannot be (undecodable, too large, not
parseable as what it claims to be, or a binary type) does not go out to a caller whose
profile masks anything. A caller whose profile releases everything in clear gets it, and
the event records that it was not inspected and counts it at the highest level.
"""

from __future__ import annotations

from classifiers.inspect import InspectionError, Inspector
from classifiers.levels import DataLevel
from policies.keys import Pseudonymizer
from policies.masking import MaskingProfiles

from ..exchange import Exchange, Response
from ..media import DecodeError, decode_content, parse_content_type


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> str | None:
    for key, value in headers:
        if key == name:
            return value.decode("latin-1")
    return None


class Inspect:
    def __init__(
        self,
        inspector: Inspector,
        profiles: MaskingProfiles,
        pseudonymizer: Pseudonymizer,
        max_body_bytes: int,
    ) -> None:
        self._inspector = inspector
        self._profiles = profiles
        self._pseudonymizer = pseudonymizer
        self._max_body = max_body_bytes

    async def __call__(self, ex: Exchange) -> None:
        upstream = ex.upstream
        if upstream is None or ex.principal is None:
            raise RuntimeError("inspect stage reached without an upstream response")
        profile = self._profiles.for_roles(ex.principal.roles)
        ex.masking_profile = profile.name
        if ex.upstream_stream is not None:
            if profile.releases_everything:
                ex.level = DataLevel.CORE  # unknown content counts as the most sensitive
                ex.response = Response(upstream.status, upstream.headers)
                return
            ex.upstream_stream.close()
            ex.upstream_stream = None
            media_type, _ = parse_content_type(_header(upstream.headers, b"content-type"))
            self._refuse(ex, "binary", f"binary responses ({media_type or 'no type'}) cannot be inspected")
            return
        headers = upstream.headers
        body = upstream.body
        encoding = _header(headers, b"content-encoding")
        try:
            if encoding:
                body = decode_content(body, encoding, self._max_body)
                headers = [(k, v) for k, v in headers if k != b"content-encoding"]
            media_type, charset = parse_content_type(_header(headers, b"content-type"))
            media_type = ex.sniffed_media_type or media_type
            inspection = self._inspector.inspect(body, media_type, charset, profile)
        except (DecodeError, InspectionError) as exc:
            if profile.releases_everything:
                ex.level = DataLevel.CORE
                ex.response = Response(upstream.status, upstream.headers, upstream.body)
                return
            self._refuse(ex, exc.code, str(exc))
            return
        ex.inspection = inspection
        ex.level = inspection.level
        ex.person_tokens = tuple(sorted(self._pseudonymizer.token(p) for p in inspection.persons))
        ex.response = Response(upstream.status, headers, inspection.body)

    @staticmethod
    def _refuse(ex: Exchange, code: str, detail: str) -> None:
        ex.fail(
            502,
            f"uninspectable_{code}",
            f"the upstream response cannot be inspected ({detail}); it is withheld",
            "上游响应无法完成敏感数据检查,已拦截",
        )

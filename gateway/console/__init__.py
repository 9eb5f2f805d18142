"""The web console for the security and audit administrators (docs/console.md).

Served by the gateway's admin side under `<admin prefix>/console/`: server-rendered pages
(Jinja2, one local stylesheet, no script), a signed session cookie after a login through the
gateway's identity stage, the casbin policy's resource `console`, and one audit event per
action through the gateway's audit stage.
"""

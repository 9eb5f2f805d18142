"""The gateway's own endpoints under the admin prefix: app.py assembles them."""

from .app import create_admin, readiness

__all__ = ["create_admin", "readiness"]

"""nginx configurations for bench/gateway.py: a static upstream and a pass-through proxy."""

from __future__ import annotations

from pathlib import Path

_COMMON = """user root;
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy; fastcgi_temp_path {dir}/fcgi;
  uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
  keepalive_requests 10000000;
{body}
}}
"""

_STATIC = """  types {{ text/csv csv; }}
  default_type application/json;
  charset utf-8;
  charset_types application/json text/csv;
  server {{ listen 127.0.0.1:{port}; root {root}; location / {{ }} }}"""

_PROXY = """  upstream up {{ server 127.0.0.1:{upstream}; keepalive 256; keepalive_requests 10000000; }}
  server {{
    listen 127.0.0.1:{port};
    location / {{ proxy_pass http://up; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_buffering on; }}
  }}"""


def write(directory: Path, body: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    conf = directory / "nginx.conf"
    conf.write_text(_COMMON.format(dir=directory, body=body))
    return conf


def static(directory: Path, port: int, root: Path) -> Path:
    return write(directory, _STATIC.format(port=port, root=root))


def proxy(directory: Path, port: int, upstream: int) -> Path:
    return write(directory, _PROXY.format(port=port, upstream=upstream))

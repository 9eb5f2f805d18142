"""The JSON log formatter: one object per line, the request id from the exchange's context,
exceptions without their text, and number runs that could be personal data replaced."""

from __future__ import annotations

import json
import logging
import logging.config
import sys

from gateway.logs import REDACTED, REQUEST_ID, JsonFormatter, log_config, scrub


def record(message: str, *args: object, exc: bool = False) -> logging.LogRecord:
    exc_info = None
    if exc:
        try:
            raise KeyError("13800138000 张三")  # synthetic: an exception quoting a value
        except KeyError:
            exc_info = sys.exc_info()
    return logging.LogRecord("gateway.proxy", logging.ERROR, __file__, 1, message, args, exc_info)


def test_one_json_object_with_the_request_id_from_context() -> None:
    token = REQUEST_ID.set("0123456789abcdef0123456789abcdef")
    try:
        line = JsonFormatter().format(
            record("stage %s failed for request %s", "Inspect", "0123456789abcdef0123456789abcdef")
        )
    finally:
        REQUEST_ID.reset(token)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["request_id"] == "0123456789abcdef0123456789abcdef"
    assert entry["level"] == "ERROR" and entry["logger"] == "gateway.proxy"
    assert entry["message"] == "stage Inspect failed for request 0123456789abcdef0123456789abcdef"


def test_no_request_id_outside_an_exchange() -> None:
    assert "request_id" not in json.loads(JsonFormatter().format(record("minguard gateway %s ready", "gw-1")))


def test_exceptions_keep_type_and_frames_but_not_their_text() -> None:
    entry = json.loads(JsonFormatter().format(record("boom", exc=True)))
    assert entry["error"]["type"] == "KeyError"
    assert entry["error"]["stack"] and "test_json_log_format.py" in entry["error"]["stack"][0]
    assert "13800138000" not in json.dumps(entry, ensure_ascii=False)
    assert "张三" not in json.dumps(entry, ensure_ascii=False)


def test_number_runs_and_field_previews_are_scrubbed() -> None:
    assert scrub("id 11010519491231002X and mobile 13800138000") == f"id {REDACTED} and mobile {REDACTED}"
    assert scrub("card 6222020200112233445.") == f"card {REDACTED}."
    preview = "failed to parse field [x] of type [long]. Preview of field's value: '北京市海淀区某路1号'"
    assert "北京市" not in scrub(preview)
    # ids, counts, ports and hex request ids stay readable
    kept = "request 0123456789abcdef0123456789abcdef: 500 bytes on :9200, 2026-11-28"
    assert scrub(kept) == kept


def test_config_is_a_dictconfig_with_the_access_log_off() -> None:
    config = log_config("INFO")
    names = list(config["loggers"])
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, {n: logging.getLogger(n).__dict__.copy() for n in names})
    try:
        logging.config.dictConfig(config)
        assert logging.getLogger("uvicorn.access").level == logging.CRITICAL
        assert logging.getLogger("casbin").level == logging.WARNING
        assert any(isinstance(h.formatter, JsonFormatter) for h in root.handlers)
    finally:  # give pytest its own logging set-up back
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        for name, state in saved[2].items():
            logging.getLogger(name).__dict__.update(state)

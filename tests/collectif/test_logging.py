import json
import logging

from collectif.logging import JSONFormatter


def test_json_log_lines_carry_level_logger_message_and_extras():
    record = logging.LogRecord(
        "collectif.test", logging.WARNING, __file__, 1, "sent %s", ("3",), None
    )
    record.organisation = "CCEM"
    entry = json.loads(JSONFormatter().format(record))
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "collectif.test"
    assert entry["message"] == "sent 3"
    assert entry["organisation"] == "CCEM"
    assert entry["time"].endswith("+00:00")


def test_json_log_lines_include_the_exception():
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    entry = json.loads(JSONFormatter().format(record))
    assert "ValueError: boom" in entry["exception"]

"""An e-mail back-end for tests across processes: each message is written to a file of
RECORDING_MAIL_DIR, after RECORDING_MAIL_DELAY seconds (a slow mail server, so that a worker
can be killed in the middle of a sending)."""

import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        folder = Path(os.environ["RECORDING_MAIL_DIR"])
        delay = float(os.environ.get("RECORDING_MAIL_DELAY", "0"))
        for message in email_messages:
            time.sleep(delay)
            name = folder / f"{uuid.uuid4().hex}.eml"
            # Written under another name and renamed: a reader never sees half a message.
            partial = name.with_suffix(".part")
            partial.write_bytes(message.message().as_bytes())
            partial.rename(name)
        return len(email_messages)

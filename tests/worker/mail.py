"""A mail server slow enough for a test to kill the sender in the middle of a message.

Each message takes a pause, announced by the file `sending` (holding the sender's
process id) while it lasts: before the message is accepted (written to its own `.eml`
file), or, with TEST_MAIL_PAUSE=after, once it is accepted and before the sender hears
so, the instant in which a sender that dies cannot know the message went out.
"""

import os
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend

PAUSE_SECONDS = 1.5


class SlowFolderBackend(BaseEmailBackend):
    def send_messages(self, messages):
        folder = Path(settings.EMAIL_FILE_PATH)
        pause_after = os.environ.get("TEST_MAIL_PAUSE") == "after"
        for message in messages:
            if pause_after:
                self._accept(folder, message)
            self._pause(folder / "sending")
            if not pause_after:
                self._accept(folder, message)
        return len(messages)

    @staticmethod
    def _accept(folder, message):
        (folder / f"{uuid.uuid4().hex}.eml").write_bytes(message.message().as_bytes())

    @staticmethod
    def _pause(marker):
        marker.write_text(str(os.getpid()))
        time.sleep(PAUSE_SECONDS)
        marker.unlink()

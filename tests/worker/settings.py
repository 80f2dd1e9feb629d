"""Settings of a worker process started by a test: the test's database and broker, and
mail delivered into a folder (tests/worker/mail.py) that the test can read."""

from website.settings.test import *  # noqa: F403
from website.settings.test import env

CELERY_TASK_ALWAYS_EAGER = False
EMAIL_BACKEND = "tests.worker.mail.SlowFolderBackend"
EMAIL_FILE_PATH = env("TEST_MAIL_DIR")

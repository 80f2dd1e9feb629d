"""A real Celery worker in a process of its own, for the tests that kill it."""

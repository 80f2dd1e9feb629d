from celery import shared_task

from .search_counts import flush


@shared_task
def flush_search_counts():
    """Celery beat: the searches counted in the cache go into the report."""
    return flush()

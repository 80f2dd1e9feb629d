from smtplib import SMTPException

from celery import shared_task

from .mail import send_templated_mail


@shared_task(
    autoretry_for=(SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=3600,
    max_retries=10,
)
def send_mail_task(template_prefix, recipient, language, context, attachments):
    """Retried with backoff when the mail server is unreachable; the message is not lost."""
    send_templated_mail(template_prefix, recipient, language, context, attachments)

"""The moderation workflow and its task are rows that bootstrap.py creates with English
names, and Wagtail prints a stored name as it is: in "Submit to %(workflow_name)s", the
status panel, the dashboard, the workflow history and the lock message. A French editor
read "Soumettre à Moderators approval".

The names our code creates are marked for translation and read in the admin's language
wherever Wagtail shows them; they stay saved, compared and logged in English, so that
bootstrap.py finds its rows again. (The workflow's own edit form, for administrators,
shows the translation too: saving it there renames the workflow.) The history's workflow
entries keep the names as they were logged, and are read translated the same way.
"""

import copy

from django.db.models.signals import post_init
from django.utils.html import conditional_escape
from django.utils.translation import gettext
from wagtail.models import GroupApprovalTask, Task, Workflow

from .bootstrap import MODERATION_WORKFLOW

OUR_NAMES = {MODERATION_WORKFLOW}


class TranslatedName(str):
    """Equal to the stored name (saved and serialised as such); shown translated."""

    def __str__(self):
        return gettext(str.__str__(self))

    def __html__(self):
        return conditional_escape(str(self))


def translate_our_names(sender, instance, **kwargs):
    name = instance.__dict__.get("name")  # absent when the query deferred it
    if name in OUR_NAMES:
        instance.name = TranslatedName(name)


def connect():
    # Wagtail reads a workflow state's task as a plain Task, the task chooser as the
    # specific GroupApprovalTask: post_init is sent for the class that is instantiated.
    for model in (Workflow, Task, GroupApprovalTask):
        post_init.connect(translate_our_names, sender=model, dispatch_uid=f"names-{model}")


# Wagtail's history entries of a workflow, whose message names the workflow and its tasks.
WORKFLOW_LOG_ACTIONS = [
    f"wagtail.workflow.{step}" for step in ("start", "approve", "reject", "resume", "cancel")
]


def translated_titles(data):
    """The logged data, with the workflow's and tasks' titles that are ours translated."""
    if not isinstance(data, dict):
        return data
    return {
        key: TranslatedName(value)
        if key == "title" and value in OUR_NAMES
        else translated_titles(value)
        for key, value in data.items()
    }


class TranslatedLogTitles:
    """Wagtail's own formatter of a workflow entry, given the entry with translated titles."""

    def __init__(self, formatter):
        self.formatter = formatter

    def __getattr__(self, name):
        return getattr(self.formatter, name)

    def format_message(self, log_entry):
        entry = copy.copy(log_entry)
        entry.data = translated_titles(log_entry.data)
        return self.formatter.format_message(entry)


def translate_log_titles(actions):
    for action in WORKFLOW_LOG_ACTIONS:
        actions.formatters[action] = TranslatedLogTitles(actions.formatters[action])

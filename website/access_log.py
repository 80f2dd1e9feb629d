"""Log entries that say who was given or denied access to personal data: the person's
name is kept in the entry's data, so the history still reads right once the account is
renamed or gone."""

from wagtail.log_actions import LogFormatter


def register_person_action(actions, action, label, message):
    """Register `action` for Wagtail's history; `message` has a %(person)s placeholder."""

    class PersonFormatter(LogFormatter):
        def format_message(self, log_entry):
            return message % {"person": log_entry.data.get("person", "")}

    PersonFormatter.label = label
    actions.register_action(action)(PersonFormatter)

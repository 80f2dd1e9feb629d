"""Sending a page to the moderators, from wherever an editor or translator does it (the
translation editor, the bulk action): start its workflow, resume it where a moderator
asked for changes (as Wagtail's "Resubmit" does), or leave it running if it already is."""

from wagtail.models import WorkflowState


def submit_for_moderation(page, user):
    state = page.current_workflow_state
    if state is None:
        page.get_workflow().start(page, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    # In moderation already: the moderators review the latest revision.

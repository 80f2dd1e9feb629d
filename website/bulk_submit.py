"""A bulk action of the page explorer: submit many drafts for moderation at once."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction

from .moderation import submit_for_moderation


@hooks.register("register_bulk_action")
class SubmitForModerationBulkAction(PageBulkAction):
    """Wagtail submits one page at a time from its editor; after an import an editor has many
    drafts to send to the moderators at once (the page explorer's selection, too)."""

    display_name = _("Submit for moderation")
    action_type = "submit"
    aria_label = _("Submit selected pages for moderation")
    template_name = "website/admin/confirm_bulk_submit.html"
    action_priority = 35

    def check_perm(self, page):
        permissions = page.permissions_for_user(self.request.user)
        return permissions.can_edit() and permissions.can_submit_for_moderation()

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for page in objects:
            page = page.specific
            if page.get_latest_revision() is None:
                page.save_revision(user=user, log_action=True)
            submit_for_moderation(page, user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d page has been submitted for moderation",
            "%(count)d pages have been submitted for moderation",
            num_parent_objects,
        ) % {"count": num_parent_objects}

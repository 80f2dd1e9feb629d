from django.utils.translation import gettext_lazy as _

from website.feeds import IndexPageFeed

from .policy_library import policy_documents


class DocumentRssFeed(IndexPageFeed):
    """The newest policy documents, whatever their language."""

    description = _("New policy documents of the South–South cooperation on migration.")

    def title(self, index):
        return index.title

    def items(self, index):
        return policy_documents().order_by("-created_at")[:30]

    def item_description(self, document):
        return document.summary

    def item_link(self, document):
        return self.request.build_absolute_uri(f"{self.index.url}document/{document.pk}/")

    def item_guid(self, document):
        return f"urn:ssme:document:{document.pk}"

    def item_pubdate(self, document):
        return document.created_at

    def item_updateddate(self, document):
        return document.created_at

    def item_categories(self, document):
        return [document.get_doc_type_display()]

"""The listing of a translatable snippet offers a Translator no edit, copy or delete of a
French source row (website/translation_access.py); the edit and delete views refuse them
in website/wagtail_hooks.py whatever the link."""

from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .translation_access import may_edit


class TranslatedSnippetIndexView(IndexView):
    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if may_edit(self.request.user, instance) else None

    def get_copy_url(self, instance):
        return super().get_copy_url(instance) if may_edit(self.request.user, instance) else None

    def get_delete_url(self, instance):
        if may_edit(self.request.user, instance):
            return super().get_delete_url(instance)
        return None


class TranslatedSnippetViewSet(SnippetViewSet):
    index_view_class = TranslatedSnippetIndexView

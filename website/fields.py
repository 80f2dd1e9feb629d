"""Model fields with translation behaviour of their own."""

from django.db import models
from wagtail_localize.segments import StringSegmentValue


class LinesField(models.TextField):
    """A list typed one item per line. wagtail-localize offers each line as a segment of
    its own: a multi-line text would be one segment shown with `<br/>`, where Enter
    saves instead of starting a new line."""

    def get_translatable_segments(self, value):
        lines = [line.strip() for line in (value or "").splitlines()]
        return [StringSegmentValue(str(index), line) for index, line in enumerate(lines) if line]

    def restore_translated_segments(self, value, segments):
        by_line = {int(segment.path): segment.render_text() for segment in segments}
        return "\n".join(by_line[index] for index in sorted(by_line))

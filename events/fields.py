from django import forms
from django.db import models


class ChoiceListField(models.CharField):
    """A list of choices stored as comma-separated codes, edited as checkboxes."""

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list):
            return value
        return [item for item in (value or "").split(",") if item]

    def get_prep_value(self, value):
        return ",".join(self.to_python(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        allowed = {key for key, _label in self.choices}
        invalid = [item for item in value if item not in allowed]
        if invalid:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], params={"value": invalid[0]}
            )

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

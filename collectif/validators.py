from datetime import UTC

from django import forms
from django.core.exceptions import ValidationError


def storable_datetime(value):
    """A date and time the database can store: the first hours of year 1, Paris time, fall in
    year 0 in UTC, which Python cannot represent, and saving them was a server error."""
    if value is None:
        return
    try:
        value.astimezone(UTC)
    except OverflowError:
        raise ValidationError(
            forms.DateTimeField.default_error_messages["invalid"], code="out_of_range"
        ) from None

"""A choice's label for the lists, which show one on every row: Django's get_FOO_display()
rebuilds the field's whole list of choices at each call (tens of microseconds)."""


def choice_label(choices, value):
    """The label of `value` among `choices` (a TextChoices class), else `value` itself, as
    get_FOO_display() answers."""
    try:
        return choices(value).label
    except ValueError:
        return value

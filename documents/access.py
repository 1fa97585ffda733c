"""Who may see the collective's members-only documents.

One function, so that the rule changes in one place when the members app lands."""


def can_see_members_only(user):
    """Members only means the collective's own people: until the members app links accounts to
    organisations, every active, logged-in account is one (they are all created by coordinators);
    staff always are."""
    return bool(user and user.is_authenticated and user.is_active)

"""Who may see the collective's members-only documents: the members app's single rule."""

from members.access import is_member_reader


def can_see_members_only(user):
    return is_member_reader(user)

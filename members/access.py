"""Who may read what the collective keeps for its members (minutes, internal documents)."""

from collectif.permissions import is_coordinator

from .capabilities import Capability
from .models import Organisation


def is_member_reader(user):
    """Coordinators, and representatives of an organisation that receives the minutes (members
    and observers; not a former member)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if is_coordinator(user):
        return True
    return (
        Organisation.objects.represented_by(user)
        .with_capability(Capability.RECEIVE_MINUTES)
        .exists()
    )

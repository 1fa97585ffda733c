"""Who may read what the collective keeps for its members (minutes, internal documents)."""

from collectif.permissions import is_coordinator

from . import capabilities
from .capabilities import Capability
from .models import Organisation


def can_read_members_only(user, statuses=None):
    """Whether `user` may read what is kept for members (minutes, members-only documents and
    meetings): coordinators, and representatives of an organisation that receives the minutes
    (members and observers; not a former member). `statuses`: those of the organisations the
    user represents, when the caller has already read them (it saves a query)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if is_coordinator(user):
        return True
    if statuses is None:
        return (
            Organisation.objects.represented_by(user)
            .with_capability(Capability.RECEIVE_MINUTES)
            .exists()
        )
    return any(capabilities.can(status, Capability.RECEIVE_MINUTES) for status in statuses)
